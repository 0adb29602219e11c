//! Titles in 《》 that are not policy documents: newspapers, magazines, broadcasts, books and
//! films. Policy news cites them beside policies (`《人民日报》报道`, `《求是》杂志发表`), so a title is
//! checked against these tables before it is called a policy.
//!
//! Simplified forms only; traditional titles (`《經濟日報》`) are folded before they are matched.

/// Names of newspapers, magazines, programmes, books and films, matched against the whole title.
/// Most newspapers are also caught by [`MEDIA_ENDINGS`]; a name is listed here when its ending
/// says nothing (`求是`, `参考消息`) or looks like a document type (`孙子兵法`, `共产党宣言`).
///
/// ```
/// use xinzhi_extract::lexicon::media::MEDIA_TITLES;
/// assert!(MEDIA_TITLES.contains(&"求是"));
/// ```
pub static MEDIA_TITLES: &[&str] = &[
    // Newspapers and news agencies' titles on the mainland.
    "人民日报",
    "人民日报海外版",
    "经济日报",
    "光明日报",
    "求是",
    "新华每日电讯",
    "解放军报",
    "中国日报",
    "参考消息",
    "环球时报",
    "经济参考报",
    "中国青年报",
    "工人日报",
    "农民日报",
    "法治日报",
    "科技日报",
    "中国证券报",
    "上海证券报",
    "证券时报",
    "证券日报",
    "第一财经日报",
    "21世纪经济报道",
    "学习时报",
    "新京报",
    "解放日报",
    "文汇报",
    "新民晚报",
    "南方周末",
    "南方都市报",
    // Hong Kong, Macao and Taiwan.
    "大公报",
    "明报",
    "信报",
    "星岛日报",
    "南华早报",
    "东方日报",
    "香港经济日报",
    "澳门日报",
    "联合报",
    "中国时报",
    "自由时报",
    // Magazines.
    "瞭望",
    "半月谈",
    "人民论坛",
    "新华文摘",
    "财经",
    "财新",
    "中国新闻周刊",
    "三联生活周刊",
    "经济学人",
    "财富",
    "福布斯",
    // Programmes.
    "新闻联播",
    "焦点访谈",
    "朝闻天下",
    "新闻1+1",
    "舌尖上的中国",
    // Books.
    "红楼梦",
    "西游记",
    "水浒传",
    "三国演义",
    "论语",
    "孟子",
    "道德经",
    "诗经",
    "史记",
    "资治通鉴",
    "孙子兵法",
    "资本论",
    "共产党宣言",
    "国富论",
    "乡土中国",
    "平凡的世界",
    "百年孤独",
    "三体",
    // Films and series.
    "流浪地球",
    "流浪地球2",
    "战狼",
    "战狼2",
    "长津湖",
    "觉醒年代",
    "人民的名义",
    "大江大河",
    "山海情",
    "狂飙",
    "繁花",
    "我和我的祖国",
];

/// Endings that mark a newspaper, magazine or broadcaster (`四川日报`, `中国经济周刊`).
///
/// ```
/// use xinzhi_extract::lexicon::media::MEDIA_ENDINGS;
/// assert!(MEDIA_ENDINGS.contains(&"日报"));
/// ```
pub static MEDIA_ENDINGS: &[&str] = &[
    "日报",
    "晚报",
    "早报",
    "晨报",
    "时报",
    "商报",
    "周报",
    "导报",
    "青年报",
    "都市报",
    "法制报",
    "法治报",
    "证券报",
    "参考报",
    "经济报",
    "电讯",
    "周刊",
    "月刊",
    "旬刊",
    "季刊",
    "年刊",
    "杂志",
    "画报",
    "学报",
    "文摘",
    "电视台",
    "卫视",
    "广播电台",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_is_a_trimmed_name_listed_once() {
        let mut seen = std::collections::HashSet::new();
        for name in MEDIA_TITLES.iter().chain(MEDIA_ENDINGS) {
            assert!(!name.trim().is_empty());
            assert_eq!(name.trim(), *name);
            assert!(seen.insert(*name), "{name} listed twice");
        }
    }
}
