//! A look-up structure shared by the word tables: entries grouped by their first two (or
//! last two) characters, longest first, so finding the longest word at a position is a hash
//! probe and a comparison or two, even for a character that opens dozens of words (`一`
//! opens most set phrases).

use std::cmp::Reverse;
use std::ops::Range;

/// A set of keys hashed into 4,096 bits, for a quick "certainly not" before a look-up: the
/// characters a table's words start (or end) with, the pairs of neighbouring characters of
/// the set phrases. Half a kilobyte a set keeps the filters of every lexicon in the
/// first-level cache, where a bit per character of the plane (8 KB a table) missed it on most
/// look-ups; a key that shares a bit with one of the set's only makes the look-up go on.
pub(crate) struct HashedBits([u64; HashedBits::WORDS]);

impl HashedBits {
    const BITS: u32 = 12;
    const WORDS: usize = (1 << Self::BITS) / 64;

    pub(crate) fn new(keys: impl IntoIterator<Item = u64>) -> HashedBits {
        let mut bits = [0; Self::WORDS];
        for key in keys {
            let k = spread(key, Self::BITS);
            bits[k / 64] |= 1 << (k % 64);
        }
        HashedBits(bits)
    }

    /// `false` only when `key` is not in the set.
    pub(crate) fn may_hold(&self, key: u64) -> bool {
        let k = spread(key, Self::BITS);
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A pair of characters as one integer: a character takes 21 bits.
pub(crate) fn pair_key(first: char, second: char) -> u64 {
    (u64::from(first) << 21) | u64::from(second)
}

/// The first position from which a word made of the neighbouring pairs of `pairs`, at most
/// `longest` characters long, may run on to `chars[position]` (which must exist): a word
/// that starts before `position` and reaches it holds every pair of characters from its
/// start to there, so the walk back stops at the first pair the set certainly lacks. Most
/// positions of a text pair with neither neighbour, and no look-up need start before them.
pub(crate) fn earliest_reaching(
    pairs: &HashedBits,
    chars: &[char],
    position: usize,
    longest: usize,
) -> usize {
    let floor = position.saturating_sub(longest.saturating_sub(1));
    let mut from = position;
    while from > floor && pairs.may_hold(pair_key(chars[from - 1], chars[from])) {
        from -= 1;
    }
    from
}

/// `key` spread over `bits` bits by a multiplication (Fibonacci hashing).
fn spread(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

/// The key of one-character words: it sorts before every character that could follow.
const ALONE: char = '\0';

/// An index over the words of one table, each with a value (the table's entry, or what the
/// caller attaches), for matches that start at a position and for matches that end at one.
pub(crate) struct WordIndex<V> {
    /// Sorted by first character, then second ([`ALONE`] for a one-character word), then
    /// longest first; words of equal length keep the table's order.
    forward: Vec<(Vec<char>, V)>,
    /// Where the words of each first two characters ([`head`]) lie in `forward`.
    by_head: Blocks,
    /// Sorted by last character, then the one before it, then longest first.
    backward: Vec<(Vec<char>, V)>,
    /// Where the words of each last two characters ([`tail`]) lie in `backward`.
    by_tail: Blocks,
    /// Length in characters of the longest word.
    longest: usize,
    /// First characters of the words.
    firsts: HashedBits,
    /// First two characters of the words ([`head`]), for a quick "certainly not" before the
    /// look-up of a block.
    heads: HashedBits,
    /// Last characters of the words.
    lasts: HashedBits,
}

/// The first two characters of `word`, or its only one and [`ALONE`].
fn head(word: &[char]) -> (char, char) {
    (word[0], word.get(1).copied().unwrap_or(ALONE))
}

/// The last two characters of `word`, the last one first.
fn tail(word: &[char]) -> (char, char) {
    let n = word.len();
    (word[n - 1], n.checked_sub(2).map_or(ALONE, |k| word[k]))
}

/// Where the entries of one pair of characters lie in a sorted table: a small
/// open-addressing hash table from the pair to its block, so a look-up is a multiplication
/// and a load or two whatever the size of the table, with no search within the block.
struct Blocks {
    /// `(pair, from, to)`; [`Blocks::EMPTY`] marks an empty slot.
    slots: Vec<(u64, u32, u32)>,
    /// Bits of the slot number.
    bits: u32,
}

impl Blocks {
    const EMPTY: u64 = u64::MAX;

    /// The blocks of `keys`, a table sorted by its key pair.
    fn new(keys: impl Iterator<Item = (char, char)>) -> Blocks {
        let mut blocks: Vec<(u64, usize, usize)> = Vec::new();
        for (i, key) in keys
            .map(|(first, second)| pair_key(first, second))
            .enumerate()
        {
            match blocks.last_mut() {
                Some((last, _, to)) if *last == key => *to = i + 1,
                _ => blocks.push((key, i, i + 1)),
            }
        }
        // At most half full, so that a probe ends after a slot or two.
        let bits = (blocks.len() * 2)
            .next_power_of_two()
            .max(2)
            .trailing_zeros();
        let mut slots = vec![(Self::EMPTY, 0, 0); 1 << bits];
        let mask = slots.len() - 1;
        for (key, from, to) in blocks {
            let mut slot = spread(key, bits);
            while slots[slot].0 != Self::EMPTY {
                slot = (slot + 1) & mask;
            }
            slots[slot] = (key, from as u32, to as u32);
        }
        Blocks { slots, bits }
    }

    /// The entries whose key is `pair`.
    fn get(&self, pair: (char, char)) -> Range<usize> {
        let key = pair_key(pair.0, pair.1);
        let mask = self.slots.len() - 1;
        let mut slot = spread(key, self.bits);
        loop {
            let (k, from, to) = self.slots[slot];
            if k == key {
                return from as usize..to as usize;
            }
            if k == Self::EMPTY {
                return 0..0;
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Whether `text` starts with `word`.
fn opens_with(text: &[char], word: &[char]) -> bool {
    text.len() >= word.len() && text.iter().zip(word).all(|(a, b)| a == b)
}

/// Whether `text` ends with `word`.
fn closes_with(text: &[char], word: &[char]) -> bool {
    text.len() >= word.len()
        && text
            .iter()
            .rev()
            .zip(word.iter().rev())
            .all(|(a, b)| a == b)
}

impl<T: 'static> WordIndex<&'static T> {
    /// Indexes `entries` by the word `form` gives for each; empty words are left out.
    pub(crate) fn new(entries: &'static [T], form: impl Fn(&T) -> &'static str) -> Self {
        WordIndex::from_words(
            entries
                .iter()
                .map(|entry| (form(entry).chars().collect(), entry)),
        )
    }
}

impl<V: Copy> WordIndex<V> {
    /// Indexes `words` with their values, in the order given; empty words are left out.
    pub(crate) fn from_words(words: impl IntoIterator<Item = (Vec<char>, V)>) -> Self {
        let mut forward: Vec<(Vec<char>, V)> = words
            .into_iter()
            .filter(|(word, _)| !word.is_empty())
            .collect();
        let mut backward = forward.clone();
        // Stable sorts: words of one key and length stay in the table's order. The keys are
        // worked out once per word, not at every comparison.
        forward.sort_by_cached_key(|(word, _)| (head(word), Reverse(word.len())));
        backward.sort_by_cached_key(|(word, _)| (tail(word), Reverse(word.len())));
        let longest = forward
            .iter()
            .map(|(word, _)| word.len())
            .max()
            .unwrap_or(0);
        let firsts = HashedBits::new(forward.iter().map(|(word, _)| u64::from(word[0])));
        let lasts = HashedBits::new(
            forward
                .iter()
                .map(|(word, _)| u64::from(word[word.len() - 1])),
        );
        let heads = HashedBits::new(forward.iter().map(|(word, _)| {
            let (first, second) = head(word);
            pair_key(first, second)
        }));
        WordIndex {
            by_head: Blocks::new(forward.iter().map(|(word, _)| head(word))),
            forward,
            by_tail: Blocks::new(backward.iter().map(|(word, _)| tail(word))),
            backward,
            longest,
            firsts,
            heads,
            lasts,
        }
    }

    /// Every word with its value, in no particular order.
    pub(crate) fn words(&self) -> impl Iterator<Item = (&[char], V)> + '_ {
        self.forward
            .iter()
            .map(|(word, value)| (word.as_slice(), *value))
    }

    /// Length in characters of the longest word.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// Whether a word may start at `chars[start]`: `false` only where none does, which the
    /// hashed first characters and first pairs tell without a look-up (nor a call, where the
    /// caller tries many positions and most are no word's start).
    #[inline]
    pub(crate) fn may_start_at(&self, chars: &[char], start: usize) -> bool {
        let Some(&first) = chars.get(start) else {
            return false;
        };
        self.firsts.may_hold(u64::from(first))
            && (chars.get(start + 1).is_some_and(|&second| {
                second != ALONE && self.heads.may_hold(pair_key(first, second))
            }) || self.heads.may_hold(pair_key(first, ALONE)))
    }

    /// The longest word starting at `chars[start]`, with its length in characters.
    pub(crate) fn longest_at(&self, chars: &[char], start: usize) -> Option<(V, usize)> {
        self.all_at(chars, start).next()
    }

    /// Every word starting at `chars[start]`, longest first.
    #[inline]
    pub(crate) fn all_at<'s>(
        &'s self,
        chars: &'s [char],
        start: usize,
    ) -> impl Iterator<Item = (V, usize)> + 's {
        let first = chars
            .get(start)
            .copied()
            .filter(|&c| self.firsts.may_hold(u64::from(c)));
        let block = |first: char, second: char| {
            if self.heads.may_hold(pair_key(first, second)) {
                self.by_head.get((first, second))
            } else {
                0..0
            }
        };
        let (longer, alone) = first.map_or((0..0, 0..0), |first| {
            // Words of two characters or more share their second character with the text.
            let longer = chars
                .get(start + 1)
                .filter(|&&second| second != ALONE)
                .map_or(0..0, |&second| block(first, second));
            (longer, block(first, ALONE))
        });
        let text = chars.get(start..).unwrap_or_default();
        self.forward[longer]
            .iter()
            .filter(move |(word, _)| opens_with(text, word))
            .chain(&self.forward[alone])
            .map(|(word, entry)| (*entry, word.len()))
    }

    /// The longest word ending just before `chars[end]`, with its length in characters.
    pub(crate) fn longest_ending_at(&self, chars: &[char], end: usize) -> Option<(V, usize)> {
        let last = *chars
            .get(end.checked_sub(1)?)
            .filter(|&&c| self.lasts.may_hold(u64::from(c)))?;
        let text = &chars[..end];
        let before = end.checked_sub(2).map(|k| chars[k]).filter(|&c| c != ALONE);
        if let Some(before) = before {
            let longer = self.by_tail.get((last, before));
            if let Some((word, entry)) = self.backward[longer]
                .iter()
                .find(|(word, _)| closes_with(text, word))
            {
                return Some((*entry, word.len()));
            }
        }
        let alone = self.by_tail.get((last, ALONE));
        self.backward[alone]
            .first()
            .map(|(word, entry)| (*entry, word.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::WordIndex;

    static WORDS: &[&str] = &["平方", "平方米", "平方公里", "米", "方"];

    #[test]
    fn finds_the_longest_word_both_ways() {
        let index = WordIndex::new(WORDS, |w| *w);
        let chars: Vec<char> = "20平方公里内".chars().collect();
        assert_eq!(index.longest_at(&chars, 2), Some((&"平方公里", 4)));
        assert_eq!(index.longest_at(&chars, 0), None);
        assert_eq!(index.all_at(&chars, 2).count(), 2);
        let chars: Vec<char> = "5平方米".chars().collect();
        assert_eq!(index.longest_ending_at(&chars, 4), Some((&"平方米", 3)));
        assert_eq!(index.longest_ending_at(&chars, 3), Some((&"平方", 2)));
        assert_eq!(index.longest_ending_at(&chars, 0), None);
        let chars: Vec<char> = "方米".chars().collect();
        assert_eq!(index.longest_ending_at(&chars, 2), Some((&"米", 1)));
        assert_eq!(index.all_at(&chars, 0).count(), 1);
        // A position no word starts at is told so without a look-up; one a word may start at
        // is never refused.
        let chars: Vec<char> = "20平方公里的米方".chars().collect();
        for start in 0..=chars.len() + 1 {
            if index.all_at(&chars, start).next().is_some() {
                assert!(index.may_start_at(&chars, start), "{start}");
            }
        }
        assert!(!index.may_start_at(&chars, 0));
    }
}
