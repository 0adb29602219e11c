//! A look-up structure shared by the word tables: entries grouped by their first (or last)
//! character, longest first, so finding the longest word at a position is one binary search
//! and a handful of short comparisons.

/// The characters of the Basic Multilingual Plane one table's words start (or end) with, as
/// bits: most characters of a text begin no word, and this answers for them in one load.
struct BmpSet(Vec<u64>);

impl BmpSet {
    fn new(chars: impl Iterator<Item = char>) -> BmpSet {
        let mut bits = vec![0_u64; 0x1_0000 / 64];
        for c in chars {
            if let Some(k) = Self::slot(c) {
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        BmpSet(bits)
    }

    fn slot(c: char) -> Option<usize> {
        let k = c as usize;
        (k < 0x1_0000).then_some(k)
    }

    /// `false` only when no word can have `c` there; characters beyond the plane say `true`.
    fn may_hold(&self, c: char) -> bool {
        Self::slot(c).is_none_or(|k| self.0[k / 64] & (1 << (k % 64)) != 0)
    }
}

/// An index over the words of one table, for matches that start at a position and for
/// matches that end at one.
pub(crate) struct WordIndex<T: 'static> {
    /// Sorted by first character, then longest first.
    forward: Vec<(Vec<char>, &'static T)>,
    /// The first character of each `forward` word, side by side for the binary search.
    forward_keys: Vec<char>,
    /// Sorted by last character, then longest first.
    backward: Vec<(Vec<char>, &'static T)>,
    /// The last character of each `backward` word.
    backward_keys: Vec<char>,
    /// Length in characters of the longest word.
    longest: usize,
    /// First characters of the words.
    firsts: BmpSet,
    /// Last characters of the words.
    lasts: BmpSet,
}

impl<T: 'static> WordIndex<T> {
    /// Indexes `entries` by the word `form` gives for each; empty words are left out.
    pub(crate) fn new(entries: &'static [T], form: impl Fn(&T) -> &'static str) -> Self {
        let mut forward: Vec<(Vec<char>, &'static T)> = entries
            .iter()
            .map(|entry| (form(entry).chars().collect::<Vec<char>>(), entry))
            .filter(|(word, _)| !word.is_empty())
            .collect();
        let mut backward = forward.clone();
        forward.sort_by(|(a, _), (b, _)| a[0].cmp(&b[0]).then(b.len().cmp(&a.len())));
        backward.sort_by(|(a, _), (b, _)| {
            a[a.len() - 1]
                .cmp(&b[b.len() - 1])
                .then(b.len().cmp(&a.len()))
        });
        let longest = forward
            .iter()
            .map(|(word, _)| word.len())
            .max()
            .unwrap_or(0);
        let firsts = BmpSet::new(forward.iter().map(|(word, _)| word[0]));
        let lasts = BmpSet::new(forward.iter().map(|(word, _)| word[word.len() - 1]));
        let forward_keys = forward.iter().map(|(word, _)| word[0]).collect();
        let backward_keys = backward
            .iter()
            .map(|(word, _)| word[word.len() - 1])
            .collect();
        WordIndex {
            forward,
            forward_keys,
            backward,
            backward_keys,
            longest,
            firsts,
            lasts,
        }
    }

    /// Length in characters of the longest word.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// The longest word starting at `chars[start]`, with its length in characters.
    pub(crate) fn longest_at(&self, chars: &[char], start: usize) -> Option<(&'static T, usize)> {
        let &first = chars.get(start).filter(|&&c| self.firsts.may_hold(c))?;
        let from = self.forward_keys.partition_point(|&key| key < first);
        let to = from + self.forward_keys[from..].partition_point(|&key| key == first);
        self.forward[from..to]
            .iter()
            .find(|(word, _)| chars[start..].starts_with(word))
            .map(|(word, entry)| (*entry, word.len()))
    }

    /// Every word starting at `chars[start]`, longest first.
    pub(crate) fn all_at<'s>(
        &'s self,
        chars: &'s [char],
        start: usize,
    ) -> impl Iterator<Item = (&'static T, usize)> + 's {
        let first = chars
            .get(start)
            .copied()
            .filter(|&c| self.firsts.may_hold(c));
        let (from, to) = first.map_or((0, 0), |first| {
            let from = self.forward_keys.partition_point(|&key| key < first);
            (
                from,
                from + self.forward_keys[from..].partition_point(|&key| key == first),
            )
        });
        self.forward[from..to]
            .iter()
            .filter(move |(word, _)| chars[start..].starts_with(word))
            .map(|(word, entry)| (*entry, word.len()))
    }

    /// The longest word ending just before `chars[end]`, with its length in characters.
    pub(crate) fn longest_ending_at(
        &self,
        chars: &[char],
        end: usize,
    ) -> Option<(&'static T, usize)> {
        let last = *chars
            .get(end.checked_sub(1)?)
            .filter(|&&c| self.lasts.may_hold(c))?;
        let from = self.backward_keys.partition_point(|&key| key < last);
        let to = from + self.backward_keys[from..].partition_point(|&key| key == last);
        self.backward[from..to]
            .iter()
            .find(|(word, _)| chars[..end].ends_with(word))
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
    }
}
