//! A trie over the words of several tables at once, for the look-ups made many times per
//! record: one walk from a position finds every word of every table that starts there (or,
//! in a trie of reversed words, ends there), each with the tables it belongs to as bits of a
//! tag. The nodes live in one open-addressing hash table keyed by parent and character, so a
//! step is a multiplication and a load or two, and a walk stops at the first character no
//! word goes on with (most walks stop at the first).

/// One edge of the trie: from the node `key >> 21` by the character `key & 0x1F_FFFF` to
/// `child`, which ends the words of the tables in `tags`.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    child: u32,
    tags: u32,
}

/// A trie of words, read forwards or backwards; see the [module](self).
pub(crate) struct WordTrie {
    /// A power of two of slots, at most half of them used.
    slots: Vec<Slot>,
    /// Bits of a slot number.
    bits: u32,
    /// Whether the words are read from their last character back.
    backward: bool,
    /// The text of each node's word, where it is one.
    words: Vec<&'static str>,
}

impl WordTrie {
    const EMPTY: u64 = u64::MAX;

    /// The tag bit every edge to a node with children carries; table tags use the others.
    pub(crate) const GOES_ON: u32 = 1 << 31;

    /// The trie of `words`, each with the tags of its tables (a word listed in several
    /// tables gathers their tags); `backward` reads them from their last character.
    pub(crate) fn new(
        words: impl IntoIterator<Item = (&'static str, u32)>,
        backward: bool,
    ) -> Self {
        let words: Vec<(&'static str, u32)> = words.into_iter().collect();
        // A word adds at most one edge per character: a table for that many at most half full
        // takes every edge as it comes, looked up and added in the table it is built in.
        let most = words.iter().map(|(word, _)| word.chars().count()).sum();
        let mut trie = WordTrie::with_room(most, backward);
        let mut edges = 0;
        for (word, tags) in words {
            debug_assert!(
                tags & Self::GOES_ON == 0,
                "the top tag bit is the trie's own"
            );
            let mut rest = word.chars();
            let mut node = 0_u32;
            while let Some(c) = if backward {
                rest.next_back()
            } else {
                rest.next()
            } {
                let key = edge_key(node, c);
                let at = trie.slot_of(key);
                let slot = &mut trie.slots[at];
                if slot.key == Self::EMPTY {
                    *slot = Slot {
                        key,
                        child: trie.words.len() as u32,
                        tags: 0,
                    };
                    trie.words.push("");
                    edges += 1;
                }
                if rest.as_str().is_empty() {
                    slot.tags |= tags;
                    let text = &mut trie.words[slot.child as usize];
                    if text.is_empty() {
                        *text = word;
                    }
                } else {
                    slot.tags |= Self::GOES_ON;
                }
                node = slot.child;
            }
        }
        // Walks probe less in a table no larger than the edges need.
        let mut packed = WordTrie::with_room(edges, backward);
        for slot in trie.slots.into_iter().filter(|s| s.key != Self::EMPTY) {
            let at = packed.slot_of(slot.key);
            packed.slots[at] = slot;
        }
        packed.words = trie.words;
        packed
    }

    /// An empty trie with room for `edges` edges, its table at most half full.
    fn with_room(edges: usize, backward: bool) -> Self {
        let bits = (edges * 2).next_power_of_two().max(2).trailing_zeros();
        let empty = Slot {
            key: Self::EMPTY,
            child: 0,
            tags: 0,
        };
        WordTrie {
            slots: vec![empty; 1 << bits],
            bits,
            backward,
            words: vec![""],
        }
    }

    /// The slot that holds the edge `key`, or the empty one where it would go.
    fn slot_of(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = spread(key, self.bits);
        while self.slots[slot].key != key && self.slots[slot].key != Self::EMPTY {
            slot = (slot + 1) & mask;
        }
        slot
    }

    /// The edge from `node` by `c`.
    #[inline]
    fn step(&self, node: u32, c: char) -> Option<Slot> {
        let key = edge_key(node, c);
        let mask = self.slots.len() - 1;
        let mut slot = spread(key, self.bits);
        loop {
            let found = self.slots[slot];
            if found.key == key {
                return Some(found);
            }
            if found.key == Self::EMPTY {
                return None;
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Calls `found(length, tags, node)` for every word at `at` (starting there, or for a
    /// backward trie ending just before it), shortest first, with the tags of its tables.
    #[inline]
    pub(crate) fn walk(&self, chars: &[char], at: usize, mut found: impl FnMut(usize, u32, u32)) {
        let mut node = 0;
        let mut length = 0;
        loop {
            let c = if self.backward {
                match at.checked_sub(length + 1) {
                    Some(i) => chars[i],
                    None => return,
                }
            } else {
                match chars.get(at + length) {
                    Some(&c) => c,
                    None => return,
                }
            };
            let Some(edge) = self.step(node, c) else {
                return;
            };
            length += 1;
            let tags = edge.tags & !Self::GOES_ON;
            if tags != 0 {
                found(length, tags, edge.child);
            }
            if edge.tags & Self::GOES_ON == 0 {
                return;
            }
            node = edge.child;
        }
    }

    /// The length of the longest word at `at` of a table among `tags`.
    #[inline]
    pub(crate) fn longest(&self, chars: &[char], at: usize, tags: u32) -> Option<usize> {
        let mut longest = None;
        self.walk(chars, at, |length, found, _| {
            if found & tags != 0 {
                longest = Some(length);
            }
        });
        longest
    }

    /// The text of the word that ends at `node`, as the first table that lists it writes it.
    pub(crate) fn word(&self, node: u32) -> &'static str {
        self.words[node as usize]
    }
}

/// The key of the edge from `node` by `c`: a character takes 21 bits.
fn edge_key(node: u32, c: char) -> u64 {
    (u64::from(node) << 21) | u64::from(c)
}

/// `key` spread over `bits` bits by a multiplication (Fibonacci hashing).
fn spread(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::WordTrie;

    const UNIT: u32 = 1;
    const AREA: u32 = 2;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn finds_every_word_both_ways() {
        let words = [
            ("平方", UNIT),
            ("平方米", UNIT | AREA),
            ("平方公里", AREA),
            ("米", UNIT),
        ];
        let forward = WordTrie::new(words, false);
        let text = chars("20平方公里内");
        let mut found = Vec::new();
        forward.walk(&text, 2, |n, tags, node| {
            found.push((n, tags, forward.word(node)));
        });
        assert_eq!(found, vec![(2, UNIT, "平方"), (4, AREA, "平方公里")]);
        assert_eq!(forward.longest(&text, 2, UNIT), Some(2));
        assert_eq!(forward.longest(&text, 2, AREA), Some(4));
        assert_eq!(forward.longest(&text, 0, UNIT), None);
        assert_eq!(forward.longest(&text, text.len(), UNIT), None);
        let backward = WordTrie::new(words, true);
        let text = chars("5平方米");
        assert_eq!(backward.longest(&text, 4, UNIT), Some(3));
        assert_eq!(backward.longest(&text, 4, AREA), Some(3));
        assert_eq!(backward.longest(&text, 3, UNIT), Some(2));
        assert_eq!(backward.longest(&text, 0, UNIT), None);
        let mut found = Vec::new();
        backward.walk(&text, 4, |n, _, node| {
            found.push((n, backward.word(node)));
        });
        assert_eq!(found, vec![(1, "米"), (3, "平方米")]);
    }
}
