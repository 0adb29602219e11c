//! A set of characters as one bit per character of the Basic Multilingual Plane, built at
//! compile time from strings: membership is one load, for the tests the scanners ask of
//! every character they pass.

/// Words of 64 bits covering the Basic Multilingual Plane.
const BMP_WORDS: usize = 0x1_0000 / 64;

/// A set of characters of the Basic Multilingual Plane.
pub(crate) struct CharSet {
    bits: [u64; BMP_WORDS],
}

impl CharSet {
    /// No character.
    pub(crate) const EMPTY: CharSet = CharSet {
        bits: [0; BMP_WORDS],
    };

    /// The set with the character of code point `code` added.
    const fn with_code(mut self, code: u32) -> CharSet {
        assert!(
            code < 0x1_0000,
            "the set holds the Basic Multilingual Plane only"
        );
        self.bits[code as usize / 64] |= 1 << (code % 64);
        self
    }

    /// The set with the first character of `word` added (nothing for an empty word).
    pub(crate) const fn with_initial(self, word: &str) -> CharSet {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return self;
        }
        self.with_code(decode_utf8(bytes, 0).0)
    }

    /// The set with the second character of `word` added (nothing for a word of one
    /// character or none).
    pub(crate) const fn with_second(self, word: &str) -> CharSet {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return self;
        }
        let (_, first_len) = decode_utf8(bytes, 0);
        if first_len == bytes.len() {
            return self;
        }
        self.with_code(decode_utf8(bytes, first_len).0)
    }

    /// The set with `c` added.
    pub(crate) const fn with_char(self, c: char) -> CharSet {
        self.with_code(c as u32)
    }

    /// The set with the last character of `word` added (nothing for an empty word).
    pub(crate) const fn with_final(self, word: &str) -> CharSet {
        let bytes = word.as_bytes();
        if bytes.is_empty() {
            return self;
        }
        let mut start = bytes.len() - 1;
        while start > 0 && bytes[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        self.with_code(decode_utf8(bytes, start).0)
    }

    /// The first characters of the words of `lists`.
    pub(crate) const fn initials_of(lists: &[&[&str]]) -> CharSet {
        CharSet::ends_of(lists, false)
    }

    /// The last characters of the words of `lists`.
    pub(crate) const fn finals_of(lists: &[&[&str]]) -> CharSet {
        CharSet::ends_of(lists, true)
    }

    /// The first (or, with `last`, the last) characters of the words of `lists`. A flag, not a
    /// function to call: a const fn cannot call one it is given.
    const fn ends_of(lists: &[&[&str]], last: bool) -> CharSet {
        let mut set = CharSet::EMPTY;
        let mut l = 0;
        while l < lists.len() {
            let mut k = 0;
            while k < lists[l].len() {
                let word = lists[l][k];
                set = if last {
                    set.with_final(word)
                } else {
                    set.with_initial(word)
                };
                k += 1;
            }
            l += 1;
        }
        set
    }

    /// The characters of every string of `lists`, and those of `ranges` (inclusive).
    // Only ever evaluated by the compiler, into a static: the array is never on a stack.
    #[allow(clippy::large_stack_arrays)]
    pub(crate) const fn new(lists: &[&str], ranges: &[(char, char)]) -> CharSet {
        let mut bits = [0_u64; BMP_WORDS];
        let mut l = 0;
        while l < lists.len() {
            let bytes = lists[l].as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                let (code, len) = decode_utf8(bytes, i);
                assert!(
                    code < 0x1_0000,
                    "the set holds the Basic Multilingual Plane only"
                );
                bits[code as usize / 64] |= 1 << (code % 64);
                i += len;
            }
            l += 1;
        }
        let mut r = 0;
        while r < ranges.len() {
            let (first, last) = (ranges[r].0 as usize, ranges[r].1 as usize);
            assert!(
                last < 0x1_0000,
                "the set holds the Basic Multilingual Plane only"
            );
            let mut code = first;
            while code <= last {
                bits[code / 64] |= 1 << (code % 64);
                code += 1;
            }
            r += 1;
        }
        CharSet { bits }
    }

    /// The characters of both sets.
    pub(crate) const fn union(mut self, other: &CharSet) -> CharSet {
        let mut k = 0;
        while k < BMP_WORDS {
            self.bits[k] |= other.bits[k];
            k += 1;
        }
        self
    }

    /// Whether `c` is in the set; characters beyond the plane never are.
    #[inline]
    pub(crate) const fn contains(&self, c: char) -> bool {
        let code = c as usize;
        code < 0x1_0000 && self.bits[code / 64] & (1 << (code % 64)) != 0
    }
}

/// The code point at `bytes[i]` of a string and its length in bytes: a decoder the compiler
/// can run.
const fn decode_utf8(bytes: &[u8], i: usize) -> (u32, usize) {
    let lead = bytes[i] as u32;
    let len = if lead < 0x80 {
        1
    } else if lead < 0xE0 {
        2
    } else if lead < 0xF0 {
        3
    } else {
        4
    };
    let mut code = if len == 1 { lead } else { lead & (0x7F >> len) };
    let mut k = 1;
    while k < len {
        code = (code << 6) | (bytes[i + k] & 0x3F) as u32;
        k += 1;
    }
    (code, len)
}

#[cfg(test)]
mod tests {
    use super::CharSet;

    static SET: CharSet = CharSet::new(&["a万é", "€"], &[('0', '9')]);
    static INITIALS: CharSet = CharSet::EMPTY.with_initial("上半年").with_initial("");
    static FINALS: CharSet = CharSet::EMPTY.with_final("上半年").with_final("°C");
    static SECONDS: CharSet = CharSet::EMPTY
        .with_second("上半年")
        .with_second("é年")
        .with_second("年")
        .with_second("");

    #[test]
    fn holds_its_characters_only() {
        for c in "a万é€0579".chars() {
            assert!(SET.contains(c), "{c}");
        }
        for c in "b亿e$😀".chars() {
            assert!(!SET.contains(c), "{c}");
        }
        assert!(INITIALS.contains('上'));
        assert!(!INITIALS.contains('半'));
        assert!(FINALS.contains('年') && FINALS.contains('C'));
        let both = CharSet::new(&["a"], &[]).union(&FINALS);
        assert!(both.contains('a') && both.contains('年') && !both.contains('上'));
        assert!(!FINALS.contains('半') && !FINALS.contains('°'));
        assert!(SECONDS.contains('半') && SECONDS.contains('年'));
        assert!(!SECONDS.contains('上') && !SECONDS.contains('é'));
    }
}
