//! The settings every extractor reads: which kinds, the reference year, the currency of `元`.

use crate::record::Kind;

/// Which kinds of record to extract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KindSet(u8);

impl KindSet {
    /// Every kind.
    pub const ALL: KindSet = KindSet(0b1111);
    /// No kind.
    pub const NONE: KindSet = KindSet(0);

    const fn bit(kind: Kind) -> u8 {
        match kind {
            Kind::Quantity => 1,
            Kind::Date => 2,
            Kind::Title => 4,
            Kind::Number => 8,
        }
    }

    /// Whether `kind` is in the set.
    #[must_use]
    pub const fn contains(self, kind: Kind) -> bool {
        self.0 & Self::bit(kind) != 0
    }

    /// The set with `kind` added.
    #[must_use]
    pub const fn with(self, kind: Kind) -> KindSet {
        KindSet(self.0 | Self::bit(kind))
    }

    /// Every kind of either set.
    #[must_use]
    pub const fn union(self, other: KindSet) -> KindSet {
        KindSet(self.0 | other.0)
    }

    /// Whether every kind of `other` is in the set.
    #[must_use]
    pub const fn contains_all(self, other: KindSet) -> bool {
        self.0 & other.0 == other.0
    }

    /// The kinds in the set, in [`Kind::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |&k| self.contains(k))
    }
}

impl Default for KindSet {
    fn default() -> Self {
        KindSet::ALL
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> Self {
        iter.into_iter().fold(KindSet::NONE, KindSet::with)
    }
}

/// The regions whose defaults the `locale` option sets: `zh-CN` (the default), `zh-HK` (a
/// plain 元 is `HKD`), `zh-TW` (a plain 元 is `TWD`, and bare ROC years are read).
pub const LOCALES: [&str; 3] = ["zh-CN", "zh-HK", "zh-TW"];

/// Currencies a plain `元` may stand for.
pub const YUAN_CURRENCIES: [&str; 4] = ["CNY", "HKD", "TWD", "MOP"];

/// Settings of an [`Extractor`](crate::Extractor), validated when it is built.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Options {
    /// Which kinds of record to return.
    pub kinds: KindSet,
    /// The year that 今年, 去年, 明年, 前年 refer to; `None` leaves them alone.
    pub reference_year: Option<i32>,
    /// ISO code for a plain `元` (one of [`YUAN_CURRENCIES`]).
    pub yuan_currency: &'static str,
    /// Whether a bare year of one to three digits is a year of the Republic of China
    /// (`114年度` → 2025). `民國113年` is read so whatever this says.
    pub roc_years: bool,
    /// The region whose defaults were applied (one of [`LOCALES`]).
    pub locale: &'static str,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kinds: KindSet::ALL,
            reference_year: None,
            yuan_currency: "CNY",
            roc_years: false,
            locale: "zh-CN",
        }
    }
}
