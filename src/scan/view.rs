//! A noise-skipping view of the input that keeps an offset map.
//!
//! Every extractor matches against [`TextView::chars`]: the input with pinyin annotations
//! (`萬(wàn)`) skipped, full-width ASCII folded to ASCII and traditional characters folded to
//! simplified ones. Each view character remembers where it came from, so a match over view
//! positions `i..j` maps back to the original bytes with [`TextView::byte_span`], and the
//! text of a record is always a slice of the untouched input.

use std::ops::Range;

use super::candidates::is_candidate;
use crate::lexicon::marks::may_open_markup;
use crate::lexicon::script::{simplified_table, to_simplified};

/// The longest pinyin annotation looked for, in letters (`zhuang` has six; a tone digit may follow).
const MAX_ANNOTATION_LETTERS: usize = 7;

/// The most bytes an annotation takes: full-width brackets, letters of two bytes (`ǚ`), a
/// tone digit.
const MAX_ANNOTATION_BYTES: usize = 3 + 2 * MAX_ANNOTATION_LETTERS + 1 + 3;

/// View characters between two offsets kept in full; the ones between are counted from the
/// byte steps, so mapping a position back reads at most this many steps. The stride trades
/// that walk against the four bytes a full offset takes (benches/README.md, "The view's
/// offset stride", has the measurements).
const OFFSET_STRIDE: usize = 8;

// From one view character to the next there are at most a character and an annotation, so a
// step fits a byte, and so do the steps of a stride (their sum is read from one byte).
const _: () = assert!(OFFSET_STRIDE * (4 + MAX_ANNOTATION_BYTES) <= u8::MAX as usize);

/// A folded, annotation-free view of a text, with a map back to the original byte offsets.
///
/// ```
/// use xinzhi_extract::TextView;
/// let text = "約5萬(wàn)個";
/// let view = TextView::new(text);
/// let folded: String = view.chars().iter().collect();
/// assert_eq!(folded, "约5万个");
/// // View positions 0..4 cover the whole quantity, annotation included.
/// let (start, end) = view.byte_span(0..4);
/// assert_eq!(&text[start..end], "約5萬(wàn)個");
/// ```
#[derive(Debug, Clone)]
pub struct TextView<'a> {
    source: &'a str,
    chars: Vec<char>,
    /// Bytes from the start of each view character to the start of the next: its own width
    /// and that of an annotation skipped after it. A quarter of the memory of full offsets,
    /// for texts of any size.
    steps: Vec<u8>,
    /// Byte offset in `source` of every [`OFFSET_STRIDE`]th view character.
    marks: Vec<u32>,
    /// View positions where an extractor may start reading (see [`super::candidates`]), in
    /// its first `candidate_count` entries: the table has room for one per source character,
    /// so that the folding loop writes a position at every character and keeps it only for
    /// a candidate, with no branch to mispredict (see [`fold_into`]).
    candidates: Vec<u32>,
    candidate_count: usize,
    /// View positions of the characters that may open markup (see [`may_open_markup`]).
    markup_openers: Vec<u32>,
    /// Whether a pinyin annotation was skipped.
    annotated: bool,
}

/// The four tables of a view, apart from any text: an [`Extractor`](crate::Extractor) keeps
/// them between calls (see [`super::scratch`]) so that the view of a short text allocates
/// nothing.
#[derive(Debug, Default)]
pub(crate) struct ViewTables {
    chars: Vec<char>,
    steps: Vec<u8>,
    marks: Vec<u32>,
    candidates: Vec<u32>,
    markup_openers: Vec<u32>,
}

impl ViewTables {
    /// The number of characters the tables have room for.
    pub(crate) fn capacity(&self) -> usize {
        self.chars.capacity()
    }
}

impl<'a> TextView<'a> {
    /// Builds the view in one pass over `source`, after counting its characters to size the
    /// tables.
    ///
    /// # Panics
    /// When `source` is 4 GiB or longer: offsets are kept as `u32`.
    #[must_use]
    pub fn new(source: &'a str) -> Self {
        Self::with_tables(source, ViewTables::default())
    }

    /// [`TextView::new`] in the tables of an earlier view, whatever they hold.
    ///
    /// # Panics
    /// When `source` is 4 GiB or longer.
    pub(crate) fn with_tables(source: &'a str, tables: ViewTables) -> Self {
        assert!(
            u32::try_from(source.len()).is_ok(),
            "TextView holds texts below 4 GiB"
        );
        // The exact size of the view before annotations are skipped: the tables are filled
        // in place and cut to the view's length at the end, so the loop never grows a vector.
        let count = char_count(source);
        let ViewTables {
            chars,
            steps,
            mut marks,
            candidates,
            mut markup_openers,
        } = tables;
        marks.clear();
        markup_openers.clear();
        let mut chars = at_least(chars, count, '\0');
        let mut steps = at_least(steps, count, 0);
        // Left at its full length afterwards, so that the next view finds its room written.
        let mut candidates = at_least(candidates, count, 0);
        let (len, candidate_count) = fold_into(
            source,
            &mut chars[..count],
            &mut steps[..count],
            &mut candidates[..count],
            &mut markup_openers,
        );
        chars.truncate(len);
        steps.truncate(len);
        // The first character starts at byte 0, every other where the one before it steps to.
        // A stride's steps add up below 256, so one multiplication sums its bytes in the top
        // one of a word; the blocks are counted in advance, so no push checks for room.
        marks.reserve(len.div_ceil(OFFSET_STRIDE));
        let (blocks, _) = steps.as_chunks::<OFFSET_STRIDE>();
        let mut mark = 0_u32;
        marks.extend(blocks.iter().map(|&block| {
            let start = mark;
            mark += (u64::from_le_bytes(block).wrapping_mul(LANES) >> 56) as u32;
            start
        }));
        // A last, partial block needs only its mark.
        if !len.is_multiple_of(OFFSET_STRIDE) {
            marks.push(mark);
        }
        TextView {
            source,
            chars,
            steps,
            marks,
            candidates,
            candidate_count,
            markup_openers,
            annotated: len != count,
        }
    }

    /// The view's tables, for the next view to fill.
    pub(crate) fn into_tables(self) -> ViewTables {
        ViewTables {
            chars: self.chars,
            steps: self.steps,
            marks: self.marks,
            candidates: self.candidates,
            markup_openers: self.markup_openers,
        }
    }

    /// The original input.
    #[must_use]
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// The folded characters, annotations skipped.
    #[must_use]
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// Number of view characters.
    #[must_use]
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether a pinyin annotation was skipped, so that some source characters are in no view.
    #[must_use]
    pub(crate) fn annotated(&self) -> bool {
        self.annotated
    }

    /// Whether the view holds no character.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// View positions, in order, of the characters at which an extractor may start reading:
    /// every other position can be passed over without a look.
    pub(crate) fn candidates(&self) -> &[u32] {
        &self.candidates[..self.candidate_count]
    }

    /// View positions, in order, of the characters that may open markup (a URL, an e-mail
    /// address, a tag, a link target): only the characters [`THREE_BYTE_FOLDED`] folds (Han
    /// characters, CJK punctuation) are passed over without this test, and it folds none
    /// that opens markup.
    pub(crate) fn markup_openers(&self) -> &[u32] {
        &self.markup_openers
    }

    /// Byte offset in the source where view character `i` starts; `source.len()` for `i == len()`.
    #[must_use]
    pub fn byte_start(&self, i: usize) -> usize {
        if i >= self.len() {
            return self.source.len();
        }
        let mark = i / OFFSET_STRIDE;
        let steps = &self.steps[mark * OFFSET_STRIDE..i];
        self.marks[mark] as usize + steps.iter().map(|&step| usize::from(step)).sum::<usize>()
    }

    /// Bytes from the start of view character `i` to the start of the next: its own width and
    /// that of an annotation skipped after it.
    #[must_use]
    pub(crate) fn step(&self, i: usize) -> usize {
        usize::from(self.steps[i])
    }

    /// Byte offset in the source one past view character `i`.
    #[must_use]
    pub fn byte_end(&self, i: usize) -> usize {
        let start = self.byte_start(i);
        start
            + self
                .source
                .as_bytes()
                .get(start)
                .map_or(0, |&lead| utf8_width(lead))
    }

    /// The source bytes covered by view positions `range`: from the first character's start
    /// to the last character's end, so annotations inside stay in and a trailing one stays out.
    /// An empty range maps to an empty span at its start.
    #[must_use]
    pub fn byte_span(&self, range: Range<usize>) -> (usize, usize) {
        let start = self.byte_start(range.start);
        if range.end <= range.start {
            return (start, start);
        }
        (start, self.byte_end(range.end - 1))
    }

    /// The source text covered by view positions `range` (noise included).
    #[must_use]
    pub fn source_text(&self, range: Range<usize>) -> &'a str {
        let (start, end) = self.byte_span(range);
        &self.source[start..end]
    }

    /// The original characters of view positions `range`, annotations removed but script and
    /// width as written: what a title or issuer reports.
    #[must_use]
    pub fn clean_text(&self, range: Range<usize>) -> String {
        // With no annotation skipped, the view's characters are the source's between the ends.
        if !self.annotated {
            return self.source_text(range).to_owned();
        }
        let mut out = String::with_capacity((range.end.saturating_sub(range.start)) * 3);
        let positions = range.start..range.end.min(self.len());
        let mut start = self.byte_start(positions.start);
        // Characters with no annotation between them are copied a run at a time.
        let mut run = start..start;
        for i in positions {
            if start != run.end {
                out.push_str(&self.source[run]);
                run = start..start;
            }
            run.end = start + utf8_width(self.source.as_bytes()[start]);
            start += usize::from(self.steps[i]);
        }
        out.push_str(&self.source[run]);
        out
    }

    /// The folded characters of view positions `range` as a string.
    #[must_use]
    pub fn folded_text(&self, range: Range<usize>) -> String {
        self.chars[range].iter().collect()
    }

    /// The view position of the first view character starting at or after byte `offset`.
    #[must_use]
    pub fn position_at_byte(&self, offset: usize) -> usize {
        // The last full offset below `offset`, then the characters after it.
        let mark = self.marks.partition_point(|&m| (m as usize) < offset);
        let Some(before) = mark.checked_sub(1) else {
            return 0;
        };
        let mut i = before * OFFSET_STRIDE;
        let mut start = self.marks[before] as usize;
        while i < self.len() && start < offset {
            start += usize::from(self.steps[i]);
            i += 1;
        }
        i
    }

    /// [`TextView::position_at_byte`] for an offset at or after `cursor`'s, moving `cursor`
    /// there: offsets asked for in ascending order cost the characters between them (a
    /// stride of them at a time where they are far apart), with no search.
    pub(crate) fn advance_to_byte(&self, cursor: &mut ViewCursor, offset: usize) -> usize {
        let ViewCursor {
            mut position,
            mut byte,
        } = *cursor;
        // Whole strides while the next full offset is still short of `offset`.
        let mut mark = position / OFFSET_STRIDE + 1;
        while let Some(&next) = self.marks.get(mark) {
            if next as usize >= offset {
                break;
            }
            position = mark * OFFSET_STRIDE;
            byte = next as usize;
            mark += 1;
        }
        while position < self.len() && byte < offset {
            byte += usize::from(self.steps[position]);
            position += 1;
        }
        *cursor = ViewCursor { position, byte };
        position
    }
}

/// A view position and the source byte where it starts, moved forward by
/// [`TextView::advance_to_byte`]; the default is the start of the text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ViewCursor {
    position: usize,
    byte: usize,
}

/// The input with pinyin annotations removed and nothing else changed.
///
/// ```
/// assert_eq!(xinzhi_extract::clean("高質(zhì)量發(fā)展"), "高質量發展");
/// assert_eq!(xinzhi_extract::clean("(2023—2026年)"), "(2023—2026年)");
/// ```
#[must_use]
pub fn clean(text: &str) -> String {
    let view = TextView::new(text);
    view.clean_text(0..view.len())
}

/// The number of characters in `source`: its bytes but the continuation bytes (`10xxxxxx`),
/// counted in blocks of 224 bytes into a byte (no block has more starts than it holds), a sum
/// the compiler makes vector instructions of: a comparison and a subtraction for sixteen
/// bytes, seven rounds of 32 a block. Kept out of its caller, which has it vectorized worse.
#[inline(never)]
fn char_count(source: &str) -> usize {
    source
        .as_bytes()
        .chunks(224)
        .map(|block| {
            let starts = block
                .iter()
                .fold(0_u8, |n, &byte| n + u8::from((byte as i8) >= -0x40));
            usize::from(starts)
        })
        .sum()
}

/// `table` with room for `len` entries at least, holding whatever it held: every entry the
/// view keeps is written before it is read, so only entries past the ones a view wrote before
/// are set. A table too small is allocated anew, zeroed, which the allocator does without
/// writing for a large one.
fn at_least<T: Copy>(mut table: Vec<T>, len: usize, zero: T) -> Vec<T> {
    if table.capacity() < len {
        return vec![zero; len];
    }
    if table.len() < len {
        table.resize(len, zero);
    }
    table
}

/// Folds `source` into `view_chars` and `view_steps` (of one length: the source's characters),
/// writes the candidates' positions to the start of `candidates` (as long) and notes the
/// markup openers; returns the view's length and the number of candidates. A function of its
/// own so that the loop keeps its state in registers.
#[inline(never)]
fn fold_into(
    source: &str,
    view_chars: &mut [char],
    view_steps: &mut [u8],
    candidates: &mut [u32],
    markup_openers: &mut Vec<u32>,
) -> (usize, usize) {
    // The tables as slices of one length, so that one bounds check serves them.
    let count = view_chars.len();
    let view_steps = &mut view_steps[..count];
    let candidates = &mut candidates[..count];
    let mut len = 0;
    // Candidates found so far: the first `found` entries of `candidates`.
    let mut found = 0;
    // The view's length when the annotation of the character before was last settled:
    // skipped, or found absent. One annotation per character, so what follows `)` is not
    // "right after a Han character" and `万(a)(a)` keeps its second bracket.
    let mut settled = usize::MAX;
    // The bytes not yet read: a slice, so that a character is matched and passed with no
    // offset to check against the length, and the loop keeps no other position.
    let mut rest = source.as_bytes();
    loop {
        // Most characters of the genre are Han, three bytes long, in runs, and so is the
        // punctuation between the runs (`、`, `。`, `“`): a loop of their own keeps its few
        // variables in registers. One table load folds them, with no branch on whether the
        // character is traditional (a quarter of them in traditional text, in no pattern a
        // predictor could learn); the few candidates (one in twenty-five) are marked in the
        // table and take a branch of their own. None is a bracket.
        loop {
            // Two at a time while two such characters follow, neither a candidate: one test
            // of the length, one of the room and one move forward serve both.
            if let &[l1 @ 0xE2..=0xE9, s1, t1, l2 @ 0xE2..=0xE9, s2, t2, ref tail @ ..] = rest {
                let a = THREE_BYTE_FOLDED[three_byte_index(l1, s1, t1)];
                let b = THREE_BYTE_FOLDED[three_byte_index(l2, s2, t2)];
                if a != FOLDED_ELSEWHERE && b != FOLDED_ELSEWHERE {
                    if let (Some(chars), Some(steps)) = (
                        view_chars.get_mut(len..len + 2),
                        view_steps.get_mut(len..len + 2),
                    ) {
                        chars[0] = a;
                        chars[1] = b;
                        steps[0] = 3;
                        steps[1] = 3;
                        len += 2;
                        rest = tail;
                        continue;
                    }
                }
            }
            // One: the last of an odd run, or a candidate.
            let &[lead @ 0xE2..=0xE9, second, third, ref tail @ ..] = rest else {
                break;
            };
            let k = three_byte_index(lead, second, third);
            let mut folded = THREE_BYTE_FOLDED[k];
            if folded == FOLDED_ELSEWHERE {
                // A Han candidate is folded here, any other character on the general path.
                if lead < 0xE4 {
                    break;
                }
                folded = to_simplified(three_byte_char(k));
                candidates[found] = len as u32;
                found += 1;
            }
            view_chars[len] = folded;
            view_steps[len] = 3;
            len += 1;
            rest = tail;
        }
        // ASCII between the runs (digits, Latin words, spaces), but for `(`, which may open an
        // annotation: each character folds to itself and is tested for a candidate and for
        // markup with a bit each, and the loop above takes what follows.
        if let [byte @ 0..=0x7F, ref tail @ ..] = *rest {
            if byte != b'(' {
                let c = char::from(byte);
                candidates[found] = len as u32;
                found += usize::from(is_candidate(c));
                if may_open_markup(c) {
                    markup_openers.push(len as u32);
                }
                view_chars[len] = c;
                view_steps[len] = 1;
                len += 1;
                rest = tail;
                continue;
            }
        }
        // A `(` right after a Han character of the basic block, the character nearly every
        // annotation follows: tested before the general path, where this bracket would take a
        // fold, a call and the whole test below.
        if let [b'(', ref after @ ..] = *rest {
            if len != settled
                && view_chars
                    .get(len.wrapping_sub(1))
                    .is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(c))
            {
                // Settled either way: a bracket that opens no annotation is an ordinary
                // character, and the test below need not look again.
                settled = len;
                let skipped =
                    short_annotation_len(after).unwrap_or_else(|| annotation_body_len(after));
                if skipped > 0 {
                    rest = &after[skipped..];
                    view_steps[len - 1] += (1 + skipped) as u8;
                    continue;
                }
            }
        }
        let (folded, width) = match *rest {
            // ASCII folds to itself (here only `(`).
            [lead @ 0..=0x7F, ..] => (char::from(lead), 1),
            // Full-width forms, and the other characters of three bytes the loop above leaves.
            [lead @ 0xE0..=0xEF, second, third, ..] => {
                let code = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(second & 0x3F) << 6)
                    | u32::from(third & 0x3F);
                (fold_outside_han(code), 3)
            }
            [lead, ..] => {
                let (code, width) = decode_multibyte(rest, lead);
                let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                (fold(c), width)
            }
            [] => break,
        };
        // Folding keeps Han characters Han and lost marks lost, so the folded character
        // before tells whether the original one may carry an annotation. Only `(` and `（`
        // fold to `(`.
        if folded == '(' && len != settled && len > 0 && may_carry_annotation(view_chars[len - 1]) {
            settled = len;
            let skipped = annotation_body_len(&rest[width..]);
            if skipped > 0 {
                rest = &rest[width + skipped..];
                view_steps[len - 1] += (width + skipped) as u8;
                continue;
            }
        }
        // Written at every character and kept for a candidate: no branch to mispredict.
        candidates[found] = len as u32;
        found += usize::from(is_candidate(folded));
        if may_open_markup(folded) {
            markup_openers.push(len as u32);
        }
        view_chars[len] = folded;
        view_steps[len] = width as u8;
        len += 1;
        rest = rest.get(width..).unwrap_or_default();
    }
    (len, found)
}

/// The length in bytes of the character a string's byte `lead` starts.
pub(crate) fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The code point of the multi-byte character at the start of `bytes` (a string's), led by
/// `lead`, and its length in bytes.
#[inline]
fn decode_multibyte(bytes: &[u8], lead: u8) -> (u32, usize) {
    let tail = |k: usize| u32::from(bytes.get(k).map_or(0, |&b| b & 0x3F));
    if (0xE0..0xF0).contains(&lead) {
        // Three bytes: every Han character of the basic block, and full-width forms.
        return ((u32::from(lead & 0x0F) << 12) | (tail(1) << 6) | tail(2), 3);
    }
    if lead < 0xE0 {
        ((u32::from(lead & 0x1F) << 6) | tail(1), 2)
    } else {
        let high = (u32::from(lead & 0x07) << 18) | (tail(1) << 12);
        (high | (tail(2) << 6) | tail(3), 4)
    }
}

/// [`fold`] for a character of the Basic Multilingual Plane outside the block of Han
/// characters, where no traditional character lies.
#[inline]
const fn fold_outside_han(code: u32) -> char {
    let folded = match code {
        0xFF01..=0xFF5E => code - 0xFEE0,
        0x3000 => b' ' as u32,
        _ => code,
    };
    match char::from_u32(folded) {
        Some(c) => c,
        None => char::REPLACEMENT_CHARACTER,
    }
}

/// The index in [`THREE_BYTE_FOLDED`] of the character of bytes `lead` (E2 to E9),
/// `second` and `third`. The second and third bytes are added whole, with their top bits
/// (`10`), rather than masked: the sum is below the table's length whatever the bytes, so the
/// compiler drops the checks on it with no mask to compute, two instructions a character.
#[inline]
fn three_byte_index(lead: u8, second: u8, third: u8) -> usize {
    usize::from(lead - 0xE2) * 4096 + usize::from(second) * 64 + usize::from(third)
}

/// Where the characters of [`THREE_BYTE_FOLDED`] start: the top bits of the second and third
/// bytes that [`three_byte_index`] adds.
const THREE_BYTE_OFFSET: usize = 0x80 * 64 + 0x80;

/// The length of [`THREE_BYTE_FOLDED`]: past the index of any three bytes, a character's or
/// not. The entries no character's bytes index (49 KB of the 177) are never read.
const THREE_BYTE_LEN: usize = 7 * 4096 + 0xFF * 64 + 0xFF + 1;

/// The first code point of [`THREE_BYTE_FOLDED`]: the characters led by the bytes E2 to E9,
/// which are the punctuation and symbols from U+2000 (`“`, `—`, `、`, `。`, `《`), the CJK
/// ideographs of extension A and the basic block (U+4E00 to U+9FFF).
const THREE_BYTE_START: u32 = 0x2000;

/// What [`THREE_BYTE_FOLDED`] holds for a character folded elsewhere: one whose folded form
/// is a candidate or may open markup. No character of the table's folds to it.
const FOLDED_ELSEWHERE: char = '\0';

/// For each character from U+2000 to U+9FFF, from [`THREE_BYTE_OFFSET`] on, its folded form,
/// or [`FOLDED_ELSEWHERE`]. Characters rather than offsets, so that the loop stores what it
/// loads with no conversion to check.
static THREE_BYTE_FOLDED: [char; THREE_BYTE_LEN] = three_byte_folded_table();

// Only ever evaluated by the compiler, into the static above: the array is never on a stack.
#[allow(clippy::large_stack_arrays)]
const fn three_byte_folded_table() -> [char; THREE_BYTE_LEN] {
    let simplified = simplified_table();
    let mut table = [FOLDED_ELSEWHERE; THREE_BYTE_LEN];
    let mut k = 0;
    while k < 0x8000 {
        let code = THREE_BYTE_START + k as u32;
        let folded = match code.checked_sub(0x4E00) {
            Some(i) if simplified[i as usize] != 0 => simplified[i as usize] as u32,
            Some(_) => code,
            None => fold_outside_han(code) as u32,
        };
        let Some(folded) = char::from_u32(folded) else {
            panic!("no surrogate lies in the table's range");
        };
        assert!(folded != FOLDED_ELSEWHERE && folded != '(');
        if !is_candidate(folded) && !may_open_markup(folded) {
            table[THREE_BYTE_OFFSET + k] = folded;
        }
        k += 1;
    }
    table
}

/// The character of index `k` of [`THREE_BYTE_FOLDED`].
#[inline]
fn three_byte_char(k: usize) -> char {
    let code = THREE_BYTE_START + u32::try_from(k.wrapping_sub(THREE_BYTE_OFFSET)).unwrap_or(0);
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Full-width ASCII to ASCII, ideographic and no-break spaces to a space, traditional to simplified.
#[inline]
fn fold(c: char) -> char {
    match c {
        '\0'..='\u{7F}' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        _ => to_simplified(c),
    }
}

/// Han characters carry annotations; so do the marks a scrape leaves where a Han character was lost.
fn may_carry_annotation(c: char) -> bool {
    // The basic block first: nearly every character an annotation follows is in it.
    if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        return true;
    }
    is_han(c) || matches!(c, '?' | '？' | '\u{FFFD}') || is_private_use(c)
}

/// Whether `c` is a CJK ideograph (unified, extensions, compatibility) or 〇.
#[must_use]
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x2_0000..=0x3_134F)
}

fn is_private_use(c: char) -> bool {
    matches!(c as u32, 0xE000..=0xF8FF | 0xF_0000..=0xF_FFFD | 0x10_0000..=0x10_FFFD)
}

/// The letters of pinyin beyond ASCII: toned vowels, `ü` and `ê`, in both cases where a
/// text writes them. Every one takes two bytes, led by C3 to C7.
const PINYIN_MARKED_LETTERS: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêĀÁǍÀĒÉĚÈŌÓǑÒÜ";

/// [`PINYIN_MARKED_LETTERS`] as one bit per two-byte character led by C0 to C7: a word per
/// lead byte (by its low three bits), a bit per second byte. An annotation's letter is one
/// shift and mask, not a comparison with each letter.
const PINYIN_MARKED_BITS: [u64; 8] = {
    let letters = PINYIN_MARKED_LETTERS.as_bytes();
    let mut bits = [0_u64; 8];
    let mut i = 0;
    while i < letters.len() {
        let (lead, next) = (letters[i], letters[i + 1]);
        assert!(
            lead >= 0xC0 && lead <= 0xC7,
            "a marked letter takes two bytes"
        );
        bits[(lead & 7) as usize] |= 1 << (next & 0x3F);
        i += 2;
    }
    bits
};

/// Byte length of the rest of a pinyin annotation at the start of `bytes` (a string's, just
/// past its `(` or `（`), or 0 where none starts: one to [`MAX_ANNOTATION_LETTERS`] letters,
/// a tone digit 1 to 5 or none, and a closing bracket of either width. Looks at most a dozen
/// characters ahead, so scanning stays linear. Not inlined: the folding loop keeps its
/// registers for the characters around.
#[inline(never)]
fn annotation_body_len(bytes: &[u8]) -> usize {
    let (end, letters) = letters_one_by_one(bytes);
    if letters == 0 || letters > MAX_ANNOTATION_LETTERS {
        return 0;
    }
    let mut rest = bytes.get(end..).unwrap_or_default();
    if let [b'1'..=b'5', ref tail @ ..] = *rest {
        rest = tail;
    }
    match *rest {
        [b')', ref tail @ ..] | [0xEF, 0xBC, 0x89, ref tail @ ..] => bytes.len() - tail.len(),
        _ => 0,
    }
}

/// The byte length and the number of the pinyin letters at the start of `bytes`, read a
/// letter at a time; past [`MAX_ANNOTATION_LETTERS`] letters, one more and no further.
fn letters_one_by_one(bytes: &[u8]) -> (usize, usize) {
    let mut rest = bytes;
    let mut letters = 0;
    while letters <= MAX_ANNOTATION_LETTERS {
        rest = match *rest {
            [b, ref tail @ ..] if b.is_ascii_alphabetic() => tail,
            [lead, next, ref tail @ ..] if is_marked_pinyin_letter(lead, next) => tail,
            _ => break,
        };
        letters += 1;
    }
    (bytes.len() - rest.len(), letters)
}

/// A byte's lowest bit in each lane of a word of eight bytes.
const LANES: u64 = u64::from_le_bytes([1; 8]);

/// A byte's highest bit in each lane.
const LANE_TOPS: u64 = LANES * 0x80;

/// [`annotation_body_len`] for the commonest annotation, its letters within the first eight
/// bytes, at most one of them marked (`wàn`, `zhuǎn`), and `)` right after them: every byte
/// classed at once, in the lanes of a word, rather than a branch per letter. `None` for any
/// other, which may still be an annotation.
#[inline]
fn short_annotation_len(bytes: &[u8]) -> Option<usize> {
    let x = u64::from_le_bytes(*bytes.first_chunk::<8>()?);
    // Each lane's low seven bits: sums below stay within their lane, and the top bit of a
    // lane holds a comparison's answer.
    let low = x & !LANE_TOPS;
    // ASCII letters: case folded, then from `a` to `z`; no byte with its top bit set is one.
    let folded = low | (LANES * 0x20);
    let ascii_letters = (folded + LANES * (0x80 - 0x61)) & !(folded + LANES * (0x80 - 0x7B)) & !x;
    // 80 to C7: the bytes of the two-byte characters led by C0 to C7, marked letters among
    // them (the others are sorted out below).
    let two_byte = x & !(low + LANES * (0x80 - (0xC8 - 0x80)));
    // The top bit of the first byte that is neither: the run of letter bytes ends there, or
    // at the last byte at the latest, which then is a letter's and no bracket.
    let stop = (!(ascii_letters | two_byte) & LANE_TOPS) | 1 << 63;
    let stop_bit = stop.trailing_zeros();
    // The byte there is the closing bracket, and some letter comes before it.
    if stop_bit < 8 || (x >> (stop_bit - 7) & 0xFF) != u64::from(b')') {
        return None;
    }
    let run = (stop_bit / 8) as usize;
    // The lead bytes in the run (C0 to C7: their second highest bit set too); a UTF-8 string
    // gives each its second byte, in the run as well.
    let leads = two_byte & (x << 1) & (stop - 1) & LANE_TOPS;
    if leads == 0 {
        return Some(run + 1);
    }
    // Its lead byte the lowest of `marked`, the second byte next.
    let marked = x >> (leads.trailing_zeros() - 7);
    (leads.is_power_of_two() && is_marked_after_lead(marked as u8, (marked >> 8) as u8))
        .then_some(run + 1)
}

/// Whether the bytes `lead` and `next` are one of [`PINYIN_MARKED_LETTERS`].
#[inline]
fn is_marked_pinyin_letter(lead: u8, next: u8) -> bool {
    lead & 0xF8 == 0xC0 && is_marked_after_lead(lead, next)
}

/// [`is_marked_pinyin_letter`] for a `lead` known to be one of C0 to C7.
#[inline]
fn is_marked_after_lead(lead: u8, next: u8) -> bool {
    PINYIN_MARKED_BITS[usize::from(lead & 7)] >> (next & 0x3F) & 1 != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotations_are_skipped_only_after_han() {
        let cases = [
            ("萬(wàn)個(gè)", "万个"),
            ("質（zhì）量", "质量"),
            ("日?(bào)", "日?"),
            ("(次)", "(次)"),
            ("a(b)", "a(b)"),
            ("年(2023—2026年)", "年(2023—2026年)"),
            ("万(a)(a)(a)", "万(a)(a)"),
            ("万(zhuangzhuang)", "万(zhuangzhuang)"),
            ("数(shu4)", "数"),
            ("万（wàn）个(gè)", "万个"),
            ("女(nǚ)略(lüè)", "女略"),
            ("㐀(a)䷀(a)", "㐀䷀(a)"),
            ("万(", "万("),
            ("１２３％", "123%"),
        ];
        for (input, folded) in cases {
            let view = TextView::new(input);
            assert_eq!(view.chars().iter().collect::<String>(), folded, "{input}");
        }
    }

    /// What an annotation's body is, read off its characters: the length in bytes of the
    /// letters, tone digit and closing bracket at the start of `text`, or 0.
    fn annotation_body_by_chars(text: &str) -> usize {
        let letters = text
            .chars()
            .take_while(|&c| c.is_ascii_alphabetic() || PINYIN_MARKED_LETTERS.contains(c))
            .count();
        if !(1..=MAX_ANNOTATION_LETTERS).contains(&letters) {
            return 0;
        }
        let mut rest = text.chars().skip(letters).peekable();
        let mut len = text
            .chars()
            .take(letters)
            .map(char::len_utf8)
            .sum::<usize>();
        if let Some(digit @ '1'..='5') = rest.peek().copied() {
            len += digit.len_utf8();
            rest.next();
        }
        match rest.next() {
            Some(close @ (')' | '）')) => len + close.len_utf8(),
            _ => 0,
        }
    }

    #[test]
    fn annotation_bodies_are_read_as_their_characters_say() {
        // Letters plain and marked, characters of two bytes that are no letters (`Ã`, `·`, `ǀ`),
        // tone digits and others, both closing brackets, a Han character.
        let symbols = ["a", "Z", "à", "ǚ", "Ã", "·", "ǀ", "1", "6", ")", "）", "万"];
        let mut text = String::new();
        let mut read_at_once = 0;
        // Every string of up to five symbols.
        for (length, n) in (0..=5).flat_map(|l| (0..symbols.len().pow(l)).map(move |n| (l, n))) {
            text.clear();
            let mut k = n;
            for _ in 0..length {
                text.push_str(symbols[k % symbols.len()]);
                k /= symbols.len();
            }
            // Short, and followed by enough for a word to be read at once.
            for tail in ["", "万万万万"] {
                let body = format!("{text}{tail}");
                let expected = annotation_body_by_chars(&body);
                assert_eq!(annotation_body_len(body.as_bytes()), expected, "{body}");
                if let Some(len) = short_annotation_len(body.as_bytes()) {
                    assert_eq!(len, expected, "{body}");
                    read_at_once += 1;
                }
            }
        }
        assert!(read_at_once > 1000, "{read_at_once} read a word at a time");
        for body in [
            "zhuang)",
            "zhuang5）",
            "zhuangz)",
            "lüè)",
            "wàn)个",
            "ABCDEFG)",
        ] {
            let expected = annotation_body_by_chars(body);
            assert_eq!(annotation_body_len(body.as_bytes()), expected, "{body}");
        }
    }

    #[test]
    fn characters_are_counted_across_blocks() {
        for unit in ["a", "é", "万", "😀", "万a(wàn)"] {
            for times in [0, 1, 31, 32, 74, 75, 224, 225, 1000] {
                let text = unit.repeat(times);
                assert_eq!(char_count(&text), text.chars().count(), "{unit} x{times}");
            }
        }
    }

    #[test]
    fn offsets_hold_across_many_strides() {
        let text =
            "江蘇持續(xù)推進(jìn)“智改數(shù)轉(zhuǎn)網(wǎng)聯(lián)”，近兩年累計(jì)實(shí)施\
            改造項(xiàng)目約5萬(wàn)個(gè)，ａｂｃ１２３ and some ASCII (zhi) 😀 末(mò)尾";
        let view = TextView::new(text);
        assert!(view.len() > 3 * OFFSET_STRIDE);
        let mut previous = None;
        for i in 0..view.len() {
            let start = view.byte_start(i);
            assert!(previous.is_none_or(|p| p < start), "offsets rise at {i}");
            previous = Some(start);
            let c = text[start..].chars().next().unwrap_or_default();
            assert_eq!(fold(c), view.chars()[i], "character {i}");
            assert_eq!(view.position_at_byte(start), i);
            assert_eq!(view.byte_end(i), start + c.len_utf8());
        }
        assert_eq!(view.byte_start(view.len()), text.len());
        assert_eq!(view.position_at_byte(text.len() + 1), view.len());
        let mut without_annotations = text.to_owned();
        for annotation in [
            "(xù)", "(jìn)", "(shù)", "(zhuǎn)", "(wǎng)", "(lián)", "(jì)", "(shí)", "(xiàng)",
            "(wàn)", "(gè)", "(mò)",
        ] {
            without_annotations = without_annotations.replace(annotation, "");
        }
        // `(zhi)` follows a space, not a Han character: it stays.
        assert!(without_annotations.contains("(zhi)"));
        assert_eq!(view.clean_text(0..view.len()), without_annotations);
    }

    #[test]
    fn a_view_built_on_used_tables_reads_as_a_new_one() {
        let text = "江蘇近兩年累計(jì)實(shí)施改造項(xiàng)目約5萬(wàn)個，增長１６％";
        let first = TextView::new(text);
        let (chars, candidates) = (first.chars().to_vec(), first.candidates().to_vec());
        let used =
            TextView::with_tables("2023年全省新增企业77家，《关于印发》", first.into_tables());
        let again = TextView::with_tables(text, used.into_tables());
        assert_eq!(
            (again.chars(), again.candidates()),
            (&chars[..], &candidates[..])
        );
        assert_eq!(again.clean_text(0..again.len()), clean(text));
    }

    #[test]
    fn spans_map_back_to_source() {
        let text = "超9.3萬(wàn)個(gè)企業";
        let view = TextView::new(text);
        assert_eq!(view.source_text(0..6), "超9.3萬(wàn)個");
        assert_eq!(view.clean_text(0..8), "超9.3萬個企業");
        assert_eq!(view.byte_span(3..3), (5, 5));
        assert_eq!(view.position_at_byte(text.len()), view.len());
    }
}
