//! Government bodies that open a policy title as its issuer: national bodies by name
//! (`国务院办公厅`, `工业和信息化部`, `国家金融监督管理总局`), and the bodies of a region built from
//! parts (`四川省` + `人民政府` + `办公厅`, `广州市` + `发展和改革` + `委员会`).
//!
//! Simplified forms only; traditional titles (`國務院辦公廳`) are folded before they are matched,
//! and the issuer is reported as written.

/// National bodies, by full name and by the short names news and titles use.
///
/// ```
/// use xinzhi_extract::lexicon::issuers::NATIONAL_BODIES;
/// assert!(NATIONAL_BODIES.contains(&"国务院办公厅"));
/// assert!(NATIONAL_BODIES.contains(&"国家发展改革委"));
/// ```
pub static NATIONAL_BODIES: &[&str] = &[
    // Party and state.
    "中共中央",
    "中共中央办公厅",
    "中共中央委员会",
    "中国共产党中央委员会",
    "党中央",
    "中央办公厅",
    "中央军委",
    "中央军事委员会",
    "中央纪委",
    "中央纪委国家监委",
    "国家监察委员会",
    "中央网信办",
    "中央网络安全和信息化委员会办公室",
    "中央财经委员会",
    "中央财经委员会办公室",
    "中央全面深化改革委员会",
    "中央组织部",
    "中组部",
    "中央宣传部",
    "中宣部",
    "中央统战部",
    "中央政法委",
    "中央编办",
    "中央机构编制委员会办公室",
    "全国人大",
    "全国人大常委会",
    "全国人民代表大会",
    "全国人民代表大会常务委员会",
    "全国政协",
    "中国人民政治协商会议全国委员会",
    "最高人民法院",
    "最高人民检察院",
    // The State Council and its ministries.
    "国务院",
    "国务院办公厅",
    "国务院常务会议",
    "外交部",
    "国防部",
    "国家发展和改革委员会",
    "国家发展改革委",
    "国家发改委",
    "教育部",
    "科学技术部",
    "科技部",
    "工业和信息化部",
    "工信部",
    "国家民族事务委员会",
    "国家民委",
    "公安部",
    "国家安全部",
    "民政部",
    "司法部",
    "财政部",
    "人力资源和社会保障部",
    "人力资源社会保障部",
    "人社部",
    "自然资源部",
    "生态环境部",
    "住房和城乡建设部",
    "住房城乡建设部",
    "住建部",
    "交通运输部",
    "水利部",
    "农业农村部",
    "商务部",
    "文化和旅游部",
    "文旅部",
    "国家卫生健康委员会",
    "国家卫生健康委",
    "国家卫健委",
    "退役军人事务部",
    "应急管理部",
    "中国人民银行",
    "人民银行",
    "审计署",
    // Bodies directly under the State Council, and the bureaus under ministries.
    "国务院国有资产监督管理委员会",
    "国务院国资委",
    "国资委",
    "海关总署",
    "国家税务总局",
    "税务总局",
    "国家市场监督管理总局",
    "市场监管总局",
    "国家金融监督管理总局",
    "金融监管总局",
    "中国证券监督管理委员会",
    "中国证监会",
    "证监会",
    "中国银行保险监督管理委员会",
    "中国银保监会",
    "银保监会",
    "国家广播电视总局",
    "广电总局",
    "国家体育总局",
    "国家信访局",
    "国家统计局",
    "国家知识产权局",
    "国家国际发展合作署",
    "国家医疗保障局",
    "国家医保局",
    "国务院参事室",
    "国家机关事务管理局",
    "国家标准化管理委员会",
    "国家标准委",
    "国家新闻出版署",
    "国家版权局",
    "国家宗教事务局",
    "国务院研究室",
    "国务院港澳事务办公室",
    "国务院台湾事务办公室",
    "国务院新闻办公室",
    "国务院发展研究中心",
    "国务院安全生产委员会",
    "国务院安委会",
    "国务院关税税则委员会",
    "国务院扶贫开发领导小组办公室",
    "国务院扶贫办",
    "国家数据局",
    "国家互联网信息办公室",
    "国家网信办",
    "国家粮食和物资储备局",
    "国家能源局",
    "国家国防科技工业局",
    "国家烟草专卖局",
    "国家移民管理局",
    "国家林业和草原局",
    "国家林草局",
    "国家铁路局",
    "中国民用航空局",
    "中国民航局",
    "国家邮政局",
    "国家文物局",
    "国家中医药管理局",
    "国家疾病预防控制局",
    "国家疾控局",
    "国家矿山安全监察局",
    "国家消防救援局",
    "国家外汇管理局",
    "国家药品监督管理局",
    "国家药监局",
    "国家乡村振兴局",
    "国家航天局",
    "国家原子能机构",
    "国家档案局",
    "国家保密局",
    "国家密码管理局",
    "国家公务员局",
    "中国气象局",
    "中国地震局",
    "中国科学院",
    "中国工程院",
    "中国社会科学院",
    // People's organisations and market regulators.
    "中华全国总工会",
    "全国总工会",
    "共青团中央",
    "全国妇联",
    "中华全国妇女联合会",
    "中国科协",
    "中国残联",
    "中华全国工商业联合会",
    "全国工商联",
    "上海证券交易所",
    "深圳证券交易所",
    "北京证券交易所",
    "上交所",
    "深交所",
    "北交所",
    "香港交易所",
    "中国证券业协会",
    "中国银行业协会",
];

/// Bodies of a region, named after the region (`四川省` + `人民政府`, `成都市` + `委`): its
/// government, party committee, congress, courts, and the management committee of a new area.
///
/// ```
/// use xinzhi_extract::lexicon::issuers::REGIONAL_BODIES;
/// assert!(REGIONAL_BODIES.contains(&"人民政府"));
/// ```
pub static REGIONAL_BODIES: &[&str] = &[
    "人民政府",
    "政府",
    "委",
    "党委",
    "委员会",
    "人大常委会",
    "人民代表大会常务委员会",
    "人民代表大会",
    "人大",
    "政协",
    "纪委",
    "纪委监委",
    "监委",
    "监察委员会",
    "人民法院",
    "高级人民法院",
    "中级人民法院",
    "人民检察院",
    "管委会",
    "管理委员会",
    "编办",
    "立法会",
    "行政长官",
];

/// What a government department's name is made of before its level word: `发展和改革` in
/// `发展和改革委员会`, `财政` in `财政厅`, `组织` in `组织部`. A stem combines with each of
/// [`DEPARTMENT_SUFFIXES`].
///
/// ```
/// use xinzhi_extract::lexicon::issuers::DEPARTMENT_STEMS;
/// assert!(DEPARTMENT_STEMS.contains(&"发展和改革"));
/// ```
pub static DEPARTMENT_STEMS: &[&str] = &[
    "发展和改革",
    "发展改革",
    "发改",
    "教育",
    "教育和体育",
    "科学技术",
    "科技",
    "工业和信息化",
    "经济和信息化",
    "经济信息化",
    "经信",
    "工信",
    "商务",
    "财政",
    "税务",
    "审计",
    "统计",
    "民政",
    "司法",
    "公安",
    "民族宗教事务",
    "民族事务",
    "民宗",
    "人力资源和社会保障",
    "人力资源社会保障",
    "人社",
    "自然资源",
    "自然资源和规划",
    "规划和自然资源",
    "规划",
    "国土资源",
    "生态环境",
    "环境保护",
    "住房和城乡建设",
    "住房城乡建设",
    "住建",
    "城乡建设",
    "城市管理",
    "城市管理和综合执法",
    "交通运输",
    "交通",
    "水利",
    "水务",
    "农业农村",
    "农业",
    "林业和草原",
    "林业",
    "林草",
    "文化和旅游",
    "文化广电和旅游",
    "文化广电旅游",
    "文旅",
    "卫生健康",
    "卫健",
    "退役军人事务",
    "应急管理",
    "国有资产监督管理",
    "国资",
    "市场监督管理",
    "市场监管",
    "地方金融监督管理",
    "地方金融",
    "金融工作",
    "金融",
    "医疗保障",
    "医保",
    "能源",
    "粮食和物资储备",
    "粮食",
    "知识产权",
    "体育",
    "广播电视",
    "新闻出版",
    "大数据",
    "大数据发展管理",
    "数据",
    "政务服务和数据管理",
    "政务服务",
    "乡村振兴",
    "机关事务管理",
    "信访",
    "外事",
    "港澳事务",
    "台湾事务",
    "侨务",
    "口岸",
    "投资促进",
    "商务和投资促进",
    "药品监督管理",
    "药监",
    "网信",
    "网络安全和信息化",
    "组织",
    "宣传",
    "统战",
    "政法",
    "机构编制",
    "人民防空",
    "人防",
    "档案",
    "营商环境建设",
    "数字经济",
];

/// Level words that close a department's name (`厅`, `局`, `委员会` …).
pub static DEPARTMENT_SUFFIXES: &[&str] = &[
    "厅",
    "局",
    "委",
    "委员会",
    "部",
    "办",
    "办公室",
    "管理局",
    "总局",
];

/// Offices that may follow any body (`国务院` + `办公厅`, `省委` + `办公室`).
pub static OFFICE_SUFFIXES: &[&str] = &["办公厅", "办公室", "秘书局"];

/// Endings of a body whose name is in no table (`前海深港现代服务业合作区管理局`); such a name is
/// taken as an issuer only right after a region and only when a boundary such as `关于` follows.
pub static GENERIC_BODY_ENDINGS: &[&str] = &[
    "委员会",
    "管委会",
    "办公室",
    "办公厅",
    "领导小组",
    "指挥部",
    "管理局",
    "局",
    "厅",
];

/// Words that show the issuer's name has ended and the subject begins (`国务院关于…`).
pub static ISSUER_BOUNDARIES: &[&str] = &["关于", "印发", "转发", "批转", "联合", "发布", "等"];

/// Marks between joint issuers (`中共中央 国务院`, `省委办公厅、省政府办公厅`).
pub static CO_ISSUER_SEPARATORS: &str = " 、·・,，";

/// Prefixes of a party committee's name (`中共四川省委`).
pub static PARTY_PREFIXES: &[&str] = &["中国共产党", "中共"];

/// What may close a joint issue after `等` and a number (`工业和信息化部等七部门`).
pub static JOINT_ISSUE_ENDINGS: &[&str] = &["个部门", "部门", "部委", "个单位", "单位", "家单位"];

/// Words that, right after a region, show the title names one of the region's institutions or
/// speaks of the region as a place, not as a government: `《吉林大学章程》` and
/// `《台湾地区与大陆地区人民关系条例》` have no issuer.
pub static NOT_ISSUER_FOLLOWERS: &[&str] = &[
    "地区",
    "大学",
    "学院",
    "银行",
    "集团",
    "日报",
    "卫视",
    "电视台",
    "广播电视台",
    "航空",
    "医院",
    "交易所",
    "证券",
    "农商银行",
];

/// Body names whose last character also begins common words, with the characters after which
/// that reading wins: `科技部署` is no ministry, `财政部门` is no `财政部`, `委托` no committee,
/// and `广州市政府采购` is procurement by government, not a document of `广州市政府`.
pub static AMBIGUOUS_BODY_ENDINGS: &[(char, &str)] = &[
    ('部', "署分门长位件队落属委"),
    ('委', "托屈任派婉实"),
    ('办', "理法学事好案结成到证"),
    ('局', "面部势限"),
    ('厅', "堂"),
    ('府', "采投债性专引购信网数质"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn tables_hold_no_duplicates() {
        for table in [
            NATIONAL_BODIES,
            REGIONAL_BODIES,
            DEPARTMENT_STEMS,
            DEPARTMENT_SUFFIXES,
            GENERIC_BODY_ENDINGS,
        ] {
            let mut seen = HashSet::new();
            for entry in table {
                assert!(seen.insert(*entry), "{entry} listed twice");
            }
        }
    }
}
