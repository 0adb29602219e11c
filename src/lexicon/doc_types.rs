//! Document types that close a policy title (`实施方案`, `管理办法`, `条例`, `白皮书` …), and the
//! notes in brackets that may follow them (`（试行）`, `（征求意见稿）`).
//!
//! A title's type is the longest entry its text ends with, so `实施方案` wins over `方案`. The
//! tables hold simplified forms; traditional titles are folded before they are matched.

/// Document types, as they close a title. The longest one a title ends with is its type.
///
/// ```
/// use xinzhi_extract::lexicon::doc_types::DOC_TYPES;
/// assert!(DOC_TYPES.contains(&"实施方案"));
/// assert!(DOC_TYPES.len() >= 40);
/// ```
pub static DOC_TYPES: &[&str] = &[
    // Plans and programmes.
    "方案",
    "实施方案",
    "行动方案",
    "工作方案",
    "总体方案",
    "改革方案",
    "试点方案",
    "计划",
    "行动计划",
    "工作计划",
    "实施计划",
    "规划",
    "专项规划",
    "总体规划",
    "规划纲要",
    "纲要",
    "行动纲要",
    "纲领",
    "行动纲领",
    "路线图",
    "战略",
    "要点",
    "工作要点",
    // Rules.
    "办法",
    "管理办法",
    "实施办法",
    "暂行办法",
    "细则",
    "实施细则",
    "规则",
    "实施规则",
    "条例",
    "实施条例",
    "规定",
    "若干规定",
    "暂行规定",
    "决定",
    "决议",
    "法",
    "法典",
    "法案",
    "修正案",
    "章程",
    "准则",
    "守则",
    "通则",
    "规范",
    "规程",
    "标准",
    "解释",
    "公约",
    "协定",
    "协议",
    "备忘录",
    // Opinions, measures and notices.
    "意见",
    "指导意见",
    "实施意见",
    "若干意见",
    "措施",
    "若干措施",
    "政策措施",
    "若干政策措施",
    "政策",
    "若干政策",
    "通知",
    "补充通知",
    "通告",
    "公告",
    "通报",
    "公报",
    "批复",
    "函",
    "复函",
    "纪要",
    "倡议",
    "建议",
    "宣言",
    // Guides, lists and reports.
    "指引",
    "指南",
    "目录",
    "指导目录",
    "名录",
    "名单",
    "清单",
    "负面清单",
    "报告",
    "白皮书",
    "蓝皮书",
    "绿皮书",
    "预算",
    "预算案",
];

/// Endings that override [`DOC_TYPES`]: words that end like a type but name something else
/// (`方法`, `算法`, `兵法` end in 法 and are no law), mapped to `None`, and longer endings that
/// restore the type they would otherwise hide (`预算法` is a law although `算法` is not).
///
/// ```
/// use xinzhi_extract::lexicon::doc_types::DOC_TYPE_OVERRIDES;
/// assert!(DOC_TYPE_OVERRIDES.contains(&("方法", None)));
/// assert!(DOC_TYPE_OVERRIDES.contains(&("预算法", Some("法"))));
/// ```
pub static DOC_TYPE_OVERRIDES: &[(&str, Option<&str>)] = &[
    ("方法", None),
    ("做法", None),
    ("算法", None),
    ("预算法", Some("法")),
    ("手法", None),
    ("书法", None),
    ("说法", None),
    ("想法", None),
    ("看法", None),
    ("用法", None),
    ("疗法", None),
    ("语法", None),
    ("句法", None),
    ("技法", None),
    ("笔法", None),
    ("画法", None),
    ("写法", None),
    ("打法", None),
    ("玩法", None),
    ("解法", None),
    ("活法", None),
    ("叫法", None),
    ("章法", None),
    ("戏法", None),
    ("兵法", None),
    ("魔法", None),
    ("佛法", None),
    ("心法", None),
    ("功法", None),
    ("拳法", None),
    ("剑法", None),
    ("加法", None),
    ("减法", None),
    ("乘法", None),
    ("除法", None),
    ("司法", None),
    ("公司法", Some("法")),
    ("执法", None),
    ("守法", None),
    ("违法", None),
    ("合法", None),
    ("非法", None),
    ("依法", None),
    ("无法", None),
    ("设法", None),
    ("立法", None),
    ("宪法", Some("法")),
    ("立法法", Some("法")),
    ("说明函", Some("函")),
    ("公函", Some("函")),
];

/// What a bracket closing a title may say and still be passed over when the type is read:
/// a status of the text (`草案`, `试行`, `征求意见稿`). Periods such as `2023—2026年`, ordinals such
/// as `第一批` and edition years such as `2024年版` are passed over too: their digits, year and
/// date characters are removed before the rest is looked up here, so `2024年修订` becomes `修订`
/// and `第一批` becomes `第批`.
///
/// ```
/// use xinzhi_extract::lexicon::doc_types::STATUS_NOTES;
/// assert!(STATUS_NOTES.contains(&"征求意见稿"));
/// ```
pub static STATUS_NOTES: &[&str] = &[
    "草案",
    "试行",
    "暂行",
    "征求意见稿",
    "公开征求意见稿",
    "草案征求意见稿",
    "草案修改稿",
    "修订草案",
    "修正草案",
    "修订",
    "修订稿",
    "修订版",
    "修正",
    "修正版",
    "送审稿",
    "试行稿",
    "讨论稿",
    "代拟稿",
    "初稿",
    "定稿",
    "稿",
    "版",
    "本",
    "试行版",
    "全文",
    "摘要",
    "节选",
    "简本",
    "简版",
    "第批",
    "第版",
    "第次修订",
    "第次修正",
    "上",
    "下",
];

/// Statuses written straight after the name, with no bracket (`纲要草案`, `公司法部分条文修正草案`,
/// the bills of Taiwan's legislature): passed over when the type is read, so a draft law is a
/// law in the making like `个人所得税法（修正草案）`. Only the marks of a draft: `修订` or `版`
/// at the end of a name may belong to it.
///
/// ```
/// use xinzhi_extract::lexicon::doc_types::UNBRACKETED_STATUS_NOTES;
/// assert!(UNBRACKETED_STATUS_NOTES.contains(&"修正草案"));
/// ```
pub static UNBRACKETED_STATUS_NOTES: &[&str] = &[
    "草案",
    "修正草案",
    "修订草案",
    "部分条文修正草案",
    "部分条文修订草案",
    "条文修正草案",
    "征求意见稿",
    "送审稿",
    "草案修改稿",
];

/// Characters a period or an ordinal note is made of (digits, year, month and day, range marks),
/// removed from a closing bracket before its rest is looked up in [`STATUS_NOTES`].
pub static PERIOD_CHARACTERS: &str =
    "0123456789〇○零一二三四五六七八九十百年度月日号-—–―~～至到/、., ";

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn tables_hold_no_duplicates() {
        let mut seen = HashSet::new();
        for doc_type in DOC_TYPES {
            assert!(seen.insert(*doc_type), "{doc_type} listed twice");
        }
        let mut seen = HashSet::new();
        for (ending, doc_type) in DOC_TYPE_OVERRIDES {
            assert!(seen.insert(*ending), "{ending} listed twice");
            if let Some(doc_type) = doc_type {
                assert!(DOC_TYPES.contains(doc_type), "{doc_type} is no type");
                assert!(ending.ends_with(doc_type));
            }
        }
    }
}
