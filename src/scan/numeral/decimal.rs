//! An exact decimal for the numeral engine: `mantissa / 10^scale`.
//!
//! Chinese numerals mix decimals and magnitude words (`4.2亿`, `一点二万`); folding them with
//! floats gives `419999999.99999994`. An `i128` mantissa with a decimal scale keeps every such
//! value exact and leaves room above the 2^63 integer range, so overflow is detected instead
//! of wrapped.

/// Decimal places kept at most; more digits after the point are refused by the parser.
pub(crate) const MAX_SCALE: u32 = 24;

/// `mantissa / 10^scale`, kept with no trailing zero in the mantissa when `scale > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Exact powers of ten as `f64` (10^22 is the largest one an `f64` holds exactly).
const POW10_F64: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Powers of ten that fit an `i128` (10^38 is the largest).
const POW10_I128: [i128; 39] = {
    let mut table = [1_i128; 39];
    let mut i = 1;
    while i < table.len() {
        table[i] = table[i - 1] * 10;
        i += 1;
    }
    table
};

fn pow10(exp: u32) -> Option<i128> {
    POW10_I128.get(exp as usize).copied()
}

impl Decimal {
    pub(crate) const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };

    pub(crate) const fn integer(value: i128) -> Decimal {
        Decimal {
            mantissa: value,
            scale: 0,
        }
    }

    /// `mantissa / 10^scale`, normalised; `None` when the scale is beyond [`MAX_SCALE`].
    pub(crate) fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then(|| Decimal { mantissa, scale }.normalized())
    }

    fn normalized(mut self) -> Decimal {
        if self.mantissa == 0 {
            return Decimal::ZERO;
        }
        // Nearly every mantissa fits an i64, whose division is one instruction where an
        // i128's is a call.
        if let Ok(mut mantissa) = i64::try_from(self.mantissa) {
            while self.scale > 0 && mantissa % 10 == 0 {
                mantissa /= 10;
                self.scale -= 1;
            }
            self.mantissa = i128::from(mantissa);
            return self;
        }
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        self
    }

    pub(crate) fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    pub(crate) fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// Both values brought to the larger scale.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        let scale = self.scale.max(other.scale);
        let a = self.mantissa.checked_mul(pow10(scale - self.scale)?)?;
        let b = other.mantissa.checked_mul(pow10(scale - other.scale)?)?;
        Some((a, b, scale))
    }

    pub(crate) fn checked_add(self, other: Decimal) -> Option<Decimal> {
        if self.scale == 0 && other.scale == 0 {
            let mantissa = self.mantissa.checked_add(other.mantissa)?;
            return Some(Decimal { mantissa, scale: 0 });
        }
        let (a, b, scale) = self.aligned(other)?;
        Decimal::new(a.checked_add(b)?, scale)
    }

    pub(crate) fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let mantissa = self.mantissa.checked_mul(other.mantissa)?;
        Decimal::new(mantissa, self.scale.checked_add(other.scale)?)
    }

    /// `self × 10^exp`.
    pub(crate) fn checked_mul_pow10(self, exp: u32) -> Option<Decimal> {
        if self.scale >= exp {
            return Decimal::new(self.mantissa, self.scale - exp);
        }
        let mantissa = self.mantissa.checked_mul(pow10(exp - self.scale)?)?;
        Some(Decimal { mantissa, scale: 0 })
    }

    pub(crate) fn neg(self) -> Decimal {
        Decimal {
            // The parser never builds i128::MIN (magnitudes stay far below it); saturate anyway.
            mantissa: self.mantissa.checked_neg().unwrap_or(i128::MAX),
            scale: self.scale,
        }
    }

    /// Whether `self < 10^exp` in absolute value.
    pub(crate) fn below_pow10(self, exp: u32) -> bool {
        match pow10(exp.saturating_add(self.scale)) {
            Some(limit) => self.mantissa.unsigned_abs() < limit.unsigned_abs(),
            None => true,
        }
    }

    /// The value as an `i64` when it is integral and in range.
    pub(crate) fn to_i64(self) -> Option<i64> {
        if self.scale == 0 {
            i64::try_from(self.mantissa).ok()
        } else {
            None
        }
    }

    /// The nearest `f64` (correctly rounded).
    pub(crate) fn to_f64(self) -> f64 {
        let magnitude = self.mantissa.unsigned_abs();
        if magnitude < (1 << 53) && (self.scale as usize) < POW10_F64.len() {
            // Both operands are exact, so the one division rounds correctly. The mantissa
            // fits an i64, whose conversion is one instruction where an i128's is a call.
            let mantissa = self.mantissa as i64;
            return mantissa as f64 / POW10_F64[self.scale as usize];
        }
        format!("{}e-{}", self.mantissa, self.scale)
            .parse()
            .unwrap_or(f64::NAN)
    }

    /// `self / other` when it is an integer, exactly.
    pub(crate) fn exact_quotient(self, other: Decimal) -> Option<i64> {
        let (a, b, _) = self.aligned(other)?;
        if a.checked_rem(b)? != 0 {
            return None;
        }
        i64::try_from(a.checked_div(b)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_fold_exactly() {
        let four_point_two = Decimal::new(42, 1).unwrap();
        let value = four_point_two.checked_mul_pow10(8).unwrap();
        assert_eq!(value.to_i64(), Some(420_000_000));
        let sum = Decimal::new(1, 1)
            .unwrap()
            .checked_add(Decimal::new(2, 1).unwrap())
            .unwrap();
        assert_eq!(sum, Decimal::new(3, 1).unwrap());
        assert!((sum.to_f64() - 0.3).abs() < f64::EPSILON);
    }

    #[test]
    fn large_and_small_values_convert_to_nearest_float() {
        let big = Decimal::integer(9_007_199_254_740_993);
        assert_eq!(big.to_i64(), Some(9_007_199_254_740_993));
        assert!((big.to_f64() - 9_007_199_254_740_992.0).abs() < 1.0);
        let tiny = Decimal::new(5, 20).unwrap();
        assert!((tiny.to_f64() - 5e-20).abs() < 1e-30);
        assert!(Decimal::integer(i128::MAX).checked_mul_pow10(1).is_none());
    }

    #[test]
    fn bounds_and_quotients() {
        assert!(Decimal::integer(999).below_pow10(3));
        assert!(!Decimal::integer(1000).below_pow10(3));
        assert!(Decimal::new(9995, 1).unwrap().below_pow10(3));
        assert_eq!(
            Decimal::integer(4).exact_quotient(Decimal::integer(2)),
            Some(2)
        );
        assert_eq!(
            Decimal::integer(1).exact_quotient(Decimal::integer(3)),
            None
        );
        assert_eq!(Decimal::integer(1).exact_quotient(Decimal::ZERO), None);
    }
}
