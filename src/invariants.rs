//! The contract every extraction result keeps, as a checkable function.
//!
//! Tests, property tests and fuzz targets all call [`check_records`], so the contract is
//! written down once. It is public because it is useful to anyone who post-processes records
//! (filters, merges, re-offsets) and wants to know the result is still well formed.

use crate::record::{Kind, Record};

/// Checks that `records` is a well-formed extraction result for `text`: sorted by start; every
/// span non-empty, on character boundaries, within the text and equal to the record's text;
/// no two non-title records overlapping; every value finite and every range ordered.
///
/// Returns a description of the first violation.
///
/// ```
/// use xinzhi_extract::{check_records, Extractor};
/// let text = "全年新增企业77家，投资约4.2億元。";
/// assert_eq!(check_records(text, &Extractor::new().extract(text)), Ok(()));
/// ```
pub fn check_records(text: &str, records: &[Record]) -> Result<(), String> {
    let mut previous_start = 0;
    let mut covered_until = 0;
    for record in records {
        let (start, end) = (record.start(), record.end());
        if start >= end || end > text.len() {
            return Err(format!(
                "span {start}..{end} is empty or past the end: {record:?}"
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "span {start}..{end} splits a character: {record:?}"
            ));
        }
        if &text[start..end] != record.text() {
            return Err(format!("text differs from the span: {record:?}"));
        }
        if start < previous_start {
            return Err(format!("records out of order at {record:?}"));
        }
        previous_start = start;
        if record.kind() != Kind::Title {
            if start < covered_until {
                return Err(format!("overlapping records at {record:?}"));
            }
            covered_until = end;
        }
        let (values, range) = match record {
            Record::Quantity(q) => ([q.value, q.low, q.high], q.low.zip(q.high)),
            Record::Number(n) => ([Some(n.value), None, None], None),
            Record::Date(_) | Record::Title(_) => ([None; 3], None),
        };
        if values.into_iter().flatten().any(|v| !v.is_finite()) {
            return Err(format!("non-finite value in {record:?}"));
        }
        if range.is_some_and(|(low, high)| low > high) {
            return Err(format!("low above high in {record:?}"));
        }
    }
    Ok(())
}
