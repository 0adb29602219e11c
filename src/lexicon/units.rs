//! Units and classifiers: what may follow (or, for currencies, precede) a number in a quantity.
//!
//! One row per written form, in simplified characters: the form, the unit it normalises to,
//! what it measures and, for money, its currency. Magnitude words are not part of any form:
//! the numeral takes them in (`8990万元` is the numeral `8990万` and the unit `元`), which is
//! how `万千瓦`, `亿元` and `万亿元` all come out right with one row each.
//!
//! Latin forms (`km`, `kg`, `kWh`) match only as whole words, case as written. Traditional
//! forms need no row: the view folds them to simplified ones (`加侖` reads as `加仑`).
//!
//! ```
//! use xinzhi_extract::lexicon::units::{unit_after, Currency};
//! let chars: Vec<char> = "5平方公里".chars().collect();
//! let (unit, len) = unit_after(&chars, 1).unwrap();
//! assert_eq!((unit.unit, len), ("平方公里", 4));
//! let chars: Vec<char> = "3港币".chars().collect();
//! assert_eq!(unit_after(&chars, 1).unwrap().0.currency, Currency::Code("HKD"));
//! ```

use std::sync::LazyLock;

use super::char_set::CharSet;
use super::numerals::{numeral_char, Meaning};
use super::word_index::WordIndex;
use crate::record::Dimension;

/// Which currency a money unit names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    /// Not money.
    None,
    /// A plain `元` (or `块`): the extractor's `yuan_currency`, `CNY` unless told otherwise.
    Yuan,
    /// A currency named outright, by its ISO 4217 code.
    Code(&'static str),
}

/// Where a form stands relative to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// After the number only: `77家`, `8990万元`.
    After,
    /// Before the number only: `$20`, `HK$3`.
    Before,
    /// Either side: `4人民币`, `人民币8千元`, `港币3.14`.
    Either,
}

/// One written form of a unit or classifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The form as written, in simplified characters (folded view).
    pub form: &'static str,
    /// The unit a quantity reports, simplified, without magnitude.
    pub unit: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// For money, the currency.
    pub currency: Currency,
    /// Where it stands.
    pub placement: Placement,
    /// What the number is multiplied by in the reported unit: 10 for `成` and `折` (tenths,
    /// reported in `%`), else 1.
    pub factor: f64,
}

use Currency::{Code, Yuan};
use Dimension::{
    Age, Area, Count, Duration, Energy, Length, Mass, Money, Other, Percent, PercentagePoint,
    Permille, Power, Ratio, Temperature, Volume,
};
use Placement::{After, Before, Either};

const fn unit(form: &'static str, unit: &'static str, dimension: Dimension) -> Unit {
    Unit {
        form,
        unit,
        dimension,
        currency: Currency::None,
        placement: After,
        factor: 1.0,
    }
}

const fn tenths(form: &'static str) -> Unit {
    Unit {
        factor: 10.0,
        ..unit(form, "%", Percent)
    }
}

const fn classifier(form: &'static str) -> Unit {
    unit(form, form, Count)
}

const fn money(
    form: &'static str,
    unit: &'static str,
    currency: Currency,
    placement: Placement,
) -> Unit {
    Unit {
        form,
        unit,
        dimension: Money,
        currency,
        placement,
        factor: 1.0,
    }
}

/// Every unit and classifier form. Adding a unit is one line here.
pub static UNITS: &[Unit] = UNIT_ROWS;

/// The last characters of the currencies that may stand before a number (`$`, `HK$`, `USD`,
/// `人民币`, `英镑`): a number with no unit after it may still be money when one of these
/// precedes it.
static CURRENCY_FINALS: CharSet = currency_finals();

const fn currency_finals() -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < UNIT_ROWS.len() {
        let row = &UNIT_ROWS[k];
        if matches!(row.dimension, Money) && !matches!(row.placement, After) {
            set = set.with_final(row.form);
        }
        k += 1;
    }
    set
}

/// The first characters of the forms that may follow a number: a character not among them
/// opens no unit, which one load tells before the index is searched.
static AFTER_INITIALS: CharSet = after_initials();

const fn after_initials() -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < UNIT_ROWS.len() {
        if !matches!(UNIT_ROWS[k].placement, Before) {
            set = set.with_initial(UNIT_ROWS[k].form);
        }
        k += 1;
    }
    set
}

/// Whether `c` may end a currency written before a number (see [`currency_before`]).
#[must_use]
pub fn may_end_currency_before(c: char) -> bool {
    CURRENCY_FINALS.contains(c)
}

const UNIT_ROWS: &[Unit] = &[
    // Money. A plain 元 follows the extractor's option; a named currency is fixed.
    money("元", "元", Yuan, After),
    money("圆", "元", Yuan, After),
    money("块", "元", Yuan, After),
    money("块钱", "元", Yuan, After),
    money("元钱", "元", Yuan, After),
    money("元整", "元", Yuan, After),
    money("圆整", "元", Yuan, After),
    money("蚊", "元", Yuan, After),
    money("人民币", "元", Code("CNY"), Either),
    money("元人民币", "元", Code("CNY"), After),
    money("人民币元", "元", Code("CNY"), After),
    money("美元", "美元", Code("USD"), Either),
    money("美圆", "美元", Code("USD"), After),
    money("美金", "美元", Code("USD"), After),
    money("美分", "美分", Code("USD"), After),
    money("港元", "港元", Code("HKD"), Either),
    money("港币", "港元", Code("HKD"), Either),
    money("港纸", "港元", Code("HKD"), After),
    money("澳门元", "澳门元", Code("MOP"), Either),
    money("澳门币", "澳门元", Code("MOP"), Either),
    money("澳元", "澳元", Code("AUD"), Either),
    money("澳币", "澳元", Code("AUD"), After),
    money("新台币", "新台币", Code("TWD"), Either),
    money("台币", "新台币", Code("TWD"), Either),
    money("欧元", "欧元", Code("EUR"), Either),
    money("日元", "日元", Code("JPY"), Either),
    money("日币", "日元", Code("JPY"), After),
    money("英镑", "英镑", Code("GBP"), Either),
    money("韩元", "韩元", Code("KRW"), Either),
    money("卢布", "卢布", Code("RUB"), After),
    money("泰铢", "泰铢", Code("THB"), After),
    money("瑞士法郎", "瑞士法郎", Code("CHF"), After),
    money("加元", "加元", Code("CAD"), After),
    money("加拿大元", "加元", Code("CAD"), After),
    money("新加坡元", "新加坡元", Code("SGD"), After),
    money("新西兰元", "新西兰元", Code("NZD"), After),
    money("印度卢比", "卢比", Code("INR"), After),
    money("卢比", "卢比", Code("INR"), After),
    money("奈拉", "奈拉", Code("NGN"), After),
    money("林吉特", "林吉特", Code("MYR"), After),
    money("越南盾", "越南盾", Code("VND"), After),
    money("比特币", "比特币", Currency::None, After),
    money("$", "美元", Code("USD"), Before),
    money("US$", "美元", Code("USD"), Before),
    money("USD", "美元", Code("USD"), Either),
    money("HK$", "港元", Code("HKD"), Before),
    money("HKD", "港元", Code("HKD"), Either),
    money("NT$", "新台币", Code("TWD"), Before),
    money("MOP$", "澳门元", Code("MOP"), Before),
    money("RMB", "元", Code("CNY"), Either),
    money("CNY", "元", Code("CNY"), Either),
    money("￥", "元", Code("CNY"), Before),
    money("¥", "元", Code("CNY"), Before),
    money("€", "欧元", Code("EUR"), Before),
    money("£", "英镑", Code("GBP"), Before),
    // Percentages, per-mille and points. `百分之五` and `5%` come from the numeral itself.
    unit("%", "%", Percent),
    unit("‰", "‰", Permille),
    unit("个千分点", "‰", Permille),
    unit("千分点", "‰", Permille),
    unit("个百分点", "个百分点", PercentagePoint),
    unit("百分点", "个百分点", PercentagePoint),
    tenths("成"),
    tenths("折"),
    unit("倍", "倍", Ratio),
    // Area.
    unit("平方米", "平方米", Area),
    unit("平米", "平方米", Area),
    unit("平方公里", "平方公里", Area),
    unit("平方千米", "平方公里", Area),
    unit("平方厘米", "平方厘米", Area),
    unit("亩", "亩", Area),
    unit("公顷", "公顷", Area),
    unit("m²", "平方米", Area),
    unit("km²", "平方公里", Area),
    // Taiwan and Hong Kong usage: 平方公尺 is the square metre, 坪 (3.3058 m²) the unit of
    // floor space in Taiwan, 平方呎 the square foot of Hong Kong property. 坪 is kept as
    // written: converting it would put a figure in the record the text does not state.
    unit("平方公尺", "平方米", Area),
    unit("平方英尺", "平方英尺", Area),
    unit("平方呎", "平方英尺", Area),
    unit("坪", "坪", Area),
    // Length.
    unit("米", "米", Length),
    unit("公尺", "米", Length),
    unit("公里", "公里", Length),
    unit("千米", "公里", Length),
    unit("厘米", "厘米", Length),
    unit("公分", "厘米", Length),
    unit("毫米", "毫米", Length),
    unit("微米", "微米", Length),
    unit("纳米", "纳米", Length),
    unit("英里", "英里", Length),
    unit("海里", "海里", Length),
    unit("英尺", "英尺", Length),
    unit("呎", "英尺", Length),
    unit("英寸", "英寸", Length),
    unit("吋", "英寸", Length),
    unit("英吋", "英寸", Length),
    unit("延米", "米", Length),
    unit("里", "里", Length),
    unit("km", "公里", Length),
    unit("m", "米", Length),
    unit("cm", "厘米", Length),
    unit("CM", "厘米", Length),
    unit("mm", "毫米", Length),
    unit("nm", "纳米", Length),
    // Mass.
    unit("吨", "吨", Mass),
    unit("公吨", "吨", Mass),
    unit("公斤", "公斤", Mass),
    unit("千克", "公斤", Mass),
    unit("克", "克", Mass),
    unit("毫克", "毫克", Mass),
    unit("微克", "微克", Mass),
    unit("斤", "斤", Mass),
    unit("kg", "公斤", Mass),
    unit("g", "克", Mass),
    unit("mg", "毫克", Mass),
    // Volume.
    unit("立方米", "立方米", Volume),
    unit("立方公尺", "立方米", Volume),
    unit("立方", "立方米", Volume),
    unit("标准立方米", "立方米", Volume),
    unit("升", "升", Volume),
    unit("公升", "升", Volume),
    unit("毫升", "毫升", Volume),
    unit("加仑", "加仑", Volume),
    unit("桶", "桶", Volume),
    unit("m³", "立方米", Volume),
    unit("L", "升", Volume),
    unit("ml", "毫升", Volume),
    unit("mL", "毫升", Volume),
    unit("cc", "毫升", Volume),
    // Energy and power. A bare 度 is settled by its context (electricity or temperature).
    unit("千瓦时", "千瓦时", Energy),
    unit("度电", "千瓦时", Energy),
    unit("兆瓦时", "兆瓦时", Energy),
    unit("吉瓦时", "吉瓦时", Energy),
    unit("太瓦时", "太瓦时", Energy),
    unit("焦耳", "焦耳", Energy),
    unit("千卡", "千卡", Energy),
    unit("兆卡", "兆卡", Energy),
    unit("千焦", "千焦", Energy),
    unit("兆焦", "兆焦", Energy),
    unit("kWh", "千瓦时", Energy),
    unit("瓦", "瓦", Power),
    unit("千瓦", "千瓦", Power),
    unit("兆瓦", "兆瓦", Power),
    unit("吉瓦", "吉瓦", Power),
    unit("kW", "千瓦", Power),
    unit("MW", "兆瓦", Power),
    unit("GW", "吉瓦", Power),
    // Temperature.
    unit("℃", "℃", Temperature),
    unit("°C", "℃", Temperature),
    unit("°c", "℃", Temperature),
    unit("摄氏度", "℃", Temperature),
    unit("℉", "℉", Temperature),
    unit("°F", "℉", Temperature),
    unit("华氏度", "℉", Temperature),
    unit("度", "度", Temperature),
    unit("摄氏°", "℃", Temperature),
    unit("华氏°", "℉", Temperature),
    unit("°", "度", Temperature),
    // Durations. A 4-digit year + 年, and 月 / 日 of a date, are dates: the extractor checks.
    unit("年", "年", Duration),
    unit("周年", "周年", Duration),
    unit("个月", "个月", Duration),
    unit("月", "月", Duration),
    unit("个季度", "个季度", Duration),
    unit("季度", "个季度", Duration),
    unit("周", "周", Duration),
    unit("个星期", "周", Duration),
    unit("星期", "周", Duration),
    unit("天", "天", Duration),
    unit("日", "天", Duration),
    unit("个工作日", "个工作日", Duration),
    unit("工作日", "个工作日", Duration),
    unit("小时", "小时", Duration),
    unit("个小时", "小时", Duration),
    unit("个钟头", "小时", Duration),
    unit("分钟", "分钟", Duration),
    unit("秒钟", "秒", Duration),
    unit("秒", "秒", Duration),
    // Age.
    unit("岁", "岁", Age),
    unit("周岁", "岁", Age),
    // Other measures.
    unit("级", "级", Other),
    unit("比特", "比特", Other),
    unit("千比特", "千比特", Other),
    unit("兆比特", "兆比特", Other),
    unit("吉比特", "吉比特", Other),
    unit("字节", "字节", Other),
    unit("千字节", "千字节", Other),
    unit("兆字节", "兆字节", Other),
    unit("吉字节", "吉字节", Other),
    unit("赫兹", "赫兹", Other),
    unit("千赫兹", "千赫兹", Other),
    unit("兆赫兹", "兆赫兹", Other),
    unit("吉赫兹", "吉赫兹", Other),
    unit("千赫", "千赫兹", Other),
    unit("兆赫", "兆赫兹", Other),
    unit("百帕", "百帕", Other),
    unit("千帕", "千帕", Other),
    unit("兆帕", "兆帕", Other),
    unit("千伏", "千伏", Other),
    unit("兆欧", "兆欧", Other),
    unit("帧", "帧", Other),
    unit("分贝", "分贝", Other),
    // Petaflops of computing power (`11.4万P`).
    unit("P", "P", Other),
    unit("PFlops", "PFlops", Other),
    // Classifiers: the unit is the classifier itself.
    classifier("个"),
    classifier("家"),
    classifier("项"),
    classifier("条"),
    classifier("户"),
    classifier("场"),
    classifier("类"),
    classifier("种"),
    classifier("批"),
    classifier("座"),
    classifier("台"),
    classifier("套"),
    classifier("所"),
    classifier("支"),
    classifier("名"),
    classifier("人"),
    classifier("人次"),
    classifier("位"),
    classifier("件"),
    classifier("次"),
    classifier("家次"),
    classifier("宗"),
    classifier("处"),
    classifier("间"),
    classifier("栋"),
    classifier("幢"),
    classifier("辆"),
    classifier("架"),
    classifier("艘"),
    classifier("列"),
    classifier("部"),
    classifier("册"),
    classifier("份"),
    classifier("篇"),
    classifier("封"),
    classifier("张"),
    classifier("只"),
    classifier("头"),
    classifier("棵"),
    classifier("株"),
    classifier("匹"),
    classifier("颗"),
    classifier("枚"),
    classifier("根"),
    classifier("口"),
    classifier("层"),
    classifier("轮"),
    classifier("期"),
    classifier("例"),
    classifier("起"),
    classifier("笔"),
    classifier("单"),
    classifier("对"),
    classifier("双"),
    classifier("组"),
    classifier("队"),
    classifier("款"),
    classifier("幅"),
    classifier("粒"),
    classifier("部门"),
    classifier("批次"),
    classifier("包"),
    // Container throughput is counted in twenty-foot equivalent units (`8097万标箱`,
    // `2000万TEU`): one unit whatever the form.
    unit("标准箱", "标准箱", Count),
    unit("标箱", "标准箱", Count),
    unit("TEU", "标准箱", Count),
    unit("人口", "人", Count),
    classifier("户次"),
    classifier("架次"),
    classifier("车次"),
    classifier("班次"),
    classifier("项次"),
    classifier("张次"),
    classifier("所次"),
    // Shares and lots (SPEC §5): `25.03億股`, `成交3000手`.
    classifier("股"),
    classifier("手"),
    // Administrative units count the places they name (SPEC §5): `3县5乡`, `两市`. A place
    // name with a numeral character in it (`三亚市`, `万州区`) is a place, not a count.
    classifier("省"),
    classifier("市"),
    classifier("县"),
    classifier("区"),
    classifier("乡"),
    classifier("镇"),
    classifier("村"),
    classifier("州"),
    classifier("盟"),
    classifier("旗"),
];

/// The administrative units among the classifiers, each one character: a count of them is
/// graded or abbreviated more often than other counts (`百亿县区`, `“两区”`).
const ADMINISTRATIVE_UNITS: &[char] = &['省', '市', '县', '区', '乡', '镇', '村', '州', '盟', '旗'];

/// Whether `c`, written as a unit, is an administrative unit: `县`, `区`, `乡` …
#[must_use]
pub fn is_administrative_unit(c: char) -> bool {
    ADMINISTRATIVE_UNITS.contains(&c)
}

impl Unit {
    /// Whether the unit is an administrative unit: `县`, `区`, `乡` …
    #[must_use]
    pub fn is_administrative(&self) -> bool {
        let mut form = self.form.chars();
        matches!((form.next(), form.next()), (Some(c), None) if is_administrative_unit(c))
    }
}

/// Temperature scales named before the number (`摄氏37度`, `华氏温度98.6度`), with the unit
/// they make of it.
pub static TEMPERATURE_SCALES: &[(&str, &str)] = &[
    ("摄氏", "℃"),
    ("摄氏温度", "℃"),
    ("华氏", "℉"),
    ("华氏温度", "℉"),
];

static SCALE_INDEX: LazyLock<WordIndex<&'static (&'static str, &'static str)>> =
    LazyLock::new(|| WordIndex::new(TEMPERATURE_SCALES, |(form, _)| form));

/// The temperature scale written just before `chars[end]`, as the unit it gives and its
/// length in characters.
#[must_use]
pub fn temperature_scale_before(chars: &[char], end: usize) -> Option<(&'static str, usize)> {
    SCALE_INDEX
        .longest_ending_at(chars, end)
        .map(|(&(_, unit), len)| (unit, len))
}

static AFTER_FORMS: LazyLock<AfterForms> = LazyLock::new(AfterForms::new);

/// A form that may follow a number, as [`AfterForms`] holds it.
struct AfterForm {
    /// Its characters after the first.
    rest: Box<[char]>,
    /// Whether it ends with a Latin letter, and so must end a word.
    latin: bool,
    unit: &'static Unit,
}

/// The forms that may follow a number, grouped by first character: the characters after the
/// first, longest form first (the table's order among forms of one length), so that one
/// hashed probe finds every form a character opens. Units are looked for after every number,
/// and most forms are one or two characters long.
struct AfterForms {
    forms: Vec<AfterForm>,
    /// Open addressing from a first character to its group, `(first, from, to)`; a slot whose
    /// first character is [`AfterForms::EMPTY`] is free.
    slots: Vec<(char, u32, u32)>,
}

impl AfterForms {
    /// No form opens with the null character.
    const EMPTY: char = '\0';

    fn new() -> AfterForms {
        let mut rows: Vec<(Vec<char>, &'static Unit)> = UNITS
            .iter()
            .filter(|u| u.placement != Before && !u.form.is_empty())
            .map(|u| (u.form.chars().collect(), u))
            .collect();
        // Stable: forms of one first character and length keep the table's order.
        rows.sort_by(|(a, _), (b, _)| a[0].cmp(&b[0]).then(b.len().cmp(&a.len())));
        let mut groups: Vec<(char, u32, u32)> = Vec::new();
        for (k, (form, _)) in rows.iter().enumerate() {
            let k = u32::try_from(k).expect("the unit table is small");
            match groups.last_mut() {
                Some((first, _, to)) if *first == form[0] => *to = k + 1,
                _ => groups.push((form[0], k, k + 1)),
            }
        }
        // At most half full, so that a probe ends after a slot or two.
        let mut slots = vec![(Self::EMPTY, 0, 0); (groups.len() * 2).next_power_of_two()];
        let mask = slots.len() - 1;
        for group in groups {
            let mut slot = Self::slot_of(group.0, mask);
            while slots[slot].0 != Self::EMPTY {
                slot = (slot + 1) & mask;
            }
            slots[slot] = group;
        }
        let forms = rows
            .into_iter()
            .map(|(form, unit)| AfterForm {
                rest: form[1..].into(),
                // The last byte of a string is ASCII only when its last character is.
                latin: unit
                    .form
                    .as_bytes()
                    .last()
                    .is_some_and(u8::is_ascii_alphabetic),
                unit,
            })
            .collect();
        AfterForms { forms, slots }
    }

    fn slot_of(first: char, mask: usize) -> usize {
        (u32::from(first).wrapping_mul(0x9E37_79B1) >> 16) as usize & mask
    }

    /// The forms that open with `first`, longest first, as their characters after `first`.
    fn opened_by(&self, first: char) -> &[AfterForm] {
        let mask = self.slots.len() - 1;
        let mut slot = Self::slot_of(first, mask);
        loop {
            let (held, from, to) = self.slots[slot];
            if held == first {
                return &self.forms[from as usize..to as usize];
            }
            if held == Self::EMPTY {
                return &[];
            }
            slot = (slot + 1) & mask;
        }
    }
}

static BEFORE_INDEX: LazyLock<WordIndex<&'static Unit>> =
    LazyLock::new(|| WordIndex::new(UNITS, |u| if u.placement == After { "" } else { u.form }));

/// The longest unit or classifier written at `chars[start]` that may follow a number,
/// with its length in characters.
#[must_use]
pub fn unit_after(chars: &[char], start: usize) -> Option<(&'static Unit, usize)> {
    let &first = chars.get(start)?;
    if !AFTER_INITIALS.contains(first) {
        return None;
    }
    let text = &chars[start + 1..];
    let (unit, len) = AFTER_FORMS
        .opened_by(first)
        .iter()
        .find(|form| {
            let rest = &form.rest;
            // Compared in place: the forms are a character or two past the first, too short
            // for the call a slice comparison makes. A Latin form ends a word (not the `m`
            // of `mile`, the `g` of `gb`).
            rest.len() <= text.len()
                && rest.iter().zip(text).all(|(a, b)| a == b)
                && !(form.latin
                    && text
                        .get(rest.len())
                        .is_some_and(char::is_ascii_alphanumeric))
        })
        .map(|form| (form.unit, 1 + form.rest.len()))?;
    // A word that begins with the unit's characters is a word, not the unit (SPEC §5):
    // `10万家庭` counts 家庭, `5万亿台阶` is no count of machines.
    let may_be_word = NOT_UNIT_INITIALS.contains(chars[start])
        && chars
            .get(start + 1)
            .is_some_and(|&c| NOT_UNIT_SECONDS.contains(c));
    let word = may_be_word
        && NOT_UNIT_INDEX
            .longest_at(chars, start)
            .is_some_and(|((), word_len)| word_len > len);
    (!word).then_some((unit, len))
}

/// Whether a unit whose form opens with a magnitude word starts at `chars[start]` (`千瓦`,
/// `兆赫兹`, `百帕`, `百分点`): the magnitude belongs to the unit, not to the number before it,
/// so that `5千瓦` is 5 kilowatts rather than 5000 watts and `3百分点` 3 percentage points.
#[must_use]
pub fn unit_opens_with_magnitude_at(chars: &[char], start: usize) -> bool {
    // 万 and 亿, the magnitudes most numerals end with, open no unit.
    let opens_with_magnitude = chars
        .get(start)
        .filter(|&&c| AFTER_INITIALS.contains(c))
        .and_then(|&c| numeral_char(c))
        .is_some_and(|row| matches!(row.meaning, Meaning::Magnitude(_)));
    opens_with_magnitude && unit_after(chars, start).is_some_and(|(_, len)| len >= 2)
}

/// Words that begin with a classifier's or unit's characters and are not it: after a number
/// they are the noun counted (`10万家庭`, `5万村民`) or a word of their own (`台阶`).
pub static NOT_UNITS: &[&str] = &[
    "家庭",
    "家长",
    "家属",
    "家电",
    "家具",
    "家政",
    "家园",
    "家乡",
    "家禽",
    "台阶",
    "台账",
    "台风",
    "台胞",
    "台商",
    "台企",
    "市民",
    "市场",
    "市区",
    "市县",
    "市级",
    "市域",
    "市值",
    "县城",
    "县域",
    "县级",
    "县区",
    "县市",
    "区域",
    "区间",
    "区县",
    "区级",
    "区块",
    "乡村",
    "乡镇",
    "乡亲",
    "乡级",
    "乡贤",
    "村民",
    "村庄",
    "村级",
    "村镇",
    "村集体",
    "村干部",
    "镇区",
    "镇村",
    "镇级",
    "省份",
    "省级",
    "省市",
    "省区",
    "州府",
    "户籍",
    "户口",
    "户外",
    "户型",
    "股东",
    "股份",
    "股权",
    "股票",
    "股民",
    "股市",
    "手机",
    "手段",
    "手续",
    "手工",
    "手册",
    "场所",
    "场景",
    "场馆",
    "场地",
    "条件",
    "条例",
    "条款",
    "名单",
    "名额",
    "名录",
    "名称",
    "人民",
    "人才",
    "人员",
    "人群",
    "人工",
    "位置",
    "批次",
    "支部",
    "支队",
    "支出",
    "套餐",
    "间隔",
    "部分",
    "部署",
    "部长",
    "头部",
    "口岸",
    "口径",
    "层级",
    "层面",
    "起点",
    "起步",
    "单位",
    "单元",
    "单价",
    "对象",
    "对接",
    "双方",
    "组织",
    "组团",
    "队伍",
    "队员",
    "款项",
    "种类",
    "种植",
    "种子",
    "类型",
    "类别",
    "项目",
];

/// The first and second characters of [`NOT_UNITS`], every one of two characters or more:
/// after most numbers (`元`, `个`, `年`) no such word can follow, which two loads tell.
static NOT_UNIT_INITIALS: CharSet = not_unit_chars(false);
static NOT_UNIT_SECONDS: CharSet = not_unit_chars(true);

const fn not_unit_chars(second: bool) -> CharSet {
    let mut set = CharSet::EMPTY;
    let mut k = 0;
    while k < NOT_UNITS.len() {
        set = if second {
            set.with_second(NOT_UNITS[k])
        } else {
            set.with_initial(NOT_UNITS[k])
        };
        k += 1;
    }
    set
}

static NOT_UNIT_INDEX: LazyLock<WordIndex<()>> =
    LazyLock::new(|| WordIndex::from_words(NOT_UNITS.iter().map(|w| (w.chars().collect(), ()))));

/// The longest currency written just before `chars[end]` that may precede a number (`$`,
/// `HK$`, `人民币`, `港币`), with its length in characters.
#[must_use]
pub fn currency_before(chars: &[char], end: usize) -> Option<(&'static Unit, usize)> {
    let (unit, len) = BEFORE_INDEX.longest_ending_at(chars, end)?;
    let start = end - len;
    let latin = unit
        .form
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic());
    let glued = start > 0 && chars[start - 1].is_ascii_alphanumeric();
    (!latin || !glued).then_some((unit, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str) -> Option<(&'static str, usize)> {
        let chars: Vec<char> = text.chars().collect();
        unit_after(&chars, 0).map(|(u, len)| (u.unit, len))
    }

    #[test]
    fn longest_form_wins() {
        let cases = [
            ("平方公里内", Some(("平方公里", 4))),
            ("个百分点", Some(("个百分点", 4))),
            ("个月", Some(("个月", 2))),
            ("个企业", Some(("个", 1))),
            ("千瓦时", Some(("千瓦时", 3))),
            ("千瓦", Some(("千瓦", 2))),
            ("元人民币", Some(("元", 4))),
            ("km以上", Some(("公里", 2))),
            ("mile", None),
            ("gb", None),
            ("企业", None),
        ];
        for (text, expected) in cases {
            assert_eq!(after(text), expected, "{text}");
        }
    }

    #[test]
    fn every_form_after_a_number_opens_with_an_initial() {
        for row in UNITS.iter().filter(|u| u.placement != Before) {
            let first = row.form.chars().next().unwrap_or_default();
            assert!(AFTER_INITIALS.contains(first), "{}", row.form);
            let chars: Vec<char> = row.form.chars().collect();
            assert!(unit_after(&chars, 0).is_some(), "{}", row.form);
            // Followed by a word of its own, each form is found as itself, whatever shorter
            // or longer forms open with the same character.
            let chars: Vec<char> = format!("{}了", row.form).chars().collect();
            let found = unit_after(&chars, 0).map(|(unit, len)| (unit.form, len));
            assert_eq!(found, Some((row.form, chars.len() - 1)), "{}", row.form);
        }
        for c in ['万', '亿', '，', '的', '增'] {
            assert!(!AFTER_INITIALS.contains(c), "{c}");
        }
    }

    #[test]
    fn words_opening_with_a_unit_are_no_unit() {
        for word in NOT_UNITS {
            assert!(word.chars().count() >= 2, "{word}");
            let chars: Vec<char> = format!("{word}了").chars().collect();
            let unit = unit_after(&chars, 0);
            assert!(unit.is_none_or(|(_, len)| len >= chars.len() - 1), "{word}");
        }
        assert_eq!(after("家庭"), None);
        assert_eq!(after("家企业"), Some(("家", 1)));
        assert_eq!(after("市民"), None);
        assert_eq!(after("市"), Some(("市", 1)));
    }

    #[test]
    fn currencies_before_the_number() {
        let cases = [
            ("HK$", Some("HKD")),
            ("$", Some("USD")),
            ("人民币", Some("CNY")),
            ("港币", Some("HKD")),
            ("元", None),
            ("家", None),
        ];
        for (text, code) in cases {
            let chars: Vec<char> = text.chars().collect();
            let found = currency_before(&chars, chars.len()).map(|(u, _)| u.currency);
            assert_eq!(found, code.map(Code), "{text}");
        }
    }

    #[test]
    fn every_form_is_distinct_and_nonempty() {
        for (i, a) in UNITS.iter().enumerate() {
            assert!(!a.form.is_empty() && !a.unit.is_empty());
            assert!(
                UNITS[i + 1..].iter().all(|b| b.form != a.form),
                "{} is listed twice",
                a.form
            );
            assert_eq!(
                a.dimension == Money,
                a.currency != Currency::None || a.form == "比特币"
            );
        }
    }
}
