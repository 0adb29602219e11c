//! `parse_numeral` never panics, and what it accepts it accepts consistently: a numeral that
//! parses to an integer below 10^16 parses again, written out in Chinese, to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xinzhi_extract::{parse_numeral, to_chinese, ChineseStyle, NumeralKind, NumeralValue};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(numeral) = parse_numeral(text) else {
        return;
    };
    assert!(numeral.as_f64().is_finite(), "{text:?} gave {numeral:?}");
    if let (NumeralValue::Integer(n), NumeralKind::Cardinal) = (numeral.value, numeral.kind) {
        if n.unsigned_abs() < 10_u64.pow(16) {
            let written = to_chinese(n, ChineseStyle::default());
            let again = parse_numeral(&written).expect("to_chinese output parses");
            assert_eq!(again.value, NumeralValue::Integer(n), "{text:?} -> {written:?}");
        }
    }
});
