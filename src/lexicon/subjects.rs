//! The words that frame what a quantity measures (SPEC §6): the linking verbs and adverbs
//! between a subject and its number, the verbs of action a subject follows, the verbs that are
//! themselves the measure, and the scope, time and joining words a subject leaves out.
//!
//! Every table lists simplified forms: traditional input (`達到`, `全港`, `持股`) is folded by
//! the [`TextView`](crate::TextView) before it is matched, and pinyin annotations are skipped
//! there, so one table serves both scripts.
//!
//! ```
//! use xinzhi_extract::lexicon::subjects::{linking_before, scope_at};
//! let chars: Vec<char> = "地区生产总值同比增长".chars().collect();
//! assert_eq!(linking_before(&chars, chars.len()).map(|(w, _)| w), Some("增长"));
//! let chars: Vec<char> = "全省规模以上工业".chars().collect();
//! assert_eq!(scope_at(&chars, 0), Some(2));
//! ```

use std::sync::LazyLock;

use super::char_set::CharSet;
use super::regions::REGIONS;
use super::word_trie::WordTrie;

/// Linking verbs, adverbs and comparisons that stand between a subject and its quantity and
/// are never part of it (`地区生产总值达到5.1万亿元`, `收入同比增长6.8%`). Read backwards from
/// the quantity, longest first, any number of them in a row.
#[rustfmt::skip]
pub static LINKING_WORDS: &[&str] = &[
    "达到", "达", "为", "是", "约为", "实现", "完成", "突破", "超过", "超", "逾", "达至", "升至", "增至", "降至", "提升至",
    "提高至", "提高到", "提升到", "增加到", "增加至", "下降到", "下降至", "减少到", "减少至", "扩大到", "扩大至", "上升到", "上升至",
    "增长到", "增长至", "降低到", "降低至", "缩小到", "缩小至", "稳定在", "保持在", "控制在", "维持在", "到", "至", "在", "于", "有",
    "共有", "拥有", "计", "合", "从", "由", "自", "迈上", "跃上", "跨上", "迈入", "跃居", "跃升", "跃升至", "位居", "居", "稳居",
    "保持", "编列", "列", "连续", "达到了", "超过了", "高达", "多达", "仅", "仅为", "只有", "同样", "均为", "须", "需", "应",
    // Longer than 均为, which would take the 均 of 平均 and 年均 (`失业率平均为5.2%`).
    "平均为", "年均为",
    // Cuts made by a plan (`能耗压减12%`), whole: 减 and 降 alone would leave 压.
    "压减", "压降",
    // 跨上 and 迈上 when the amount is a vague one that begins with 上 (`跨上万亿元台阶`).
    "跨", "迈", "连跨", "连迈",
    "年增", "减至", "增至", "整合至", "压减至", "累计达", "总计", "占", "实际", "预计", "预期", "力争", "争取", "目标", "按期",
    "如期", "提前", "增长", "增加", "新增", "净增", "提高", "提升", "上升", "上涨", "下降", "减少", "降低", "下跌", "回落", "收窄",
    "扩大", "缩小", "增", "降", "减", "涨", "跌", "增幅", "降幅", "增速", "幅度", "分别增长", "分别下降", "分别为", "分别达", "累计",
    "共", "共计", "合计", "总共", "一共", "同比", "环比", "比上年", "比去年", "较上年", "较去年", "比上年同期", "较上年同期", "比去年同期",
    "较去年同期", "比年初", "较年初", "同口径", "按可比价格计算", "按可比价计算", "年均", "平均", "分别", "均", "已", "已经", "再", "又",
    "还", "也", "都", "仍", "仍然", "将", "要", "可", "能", "可以", "并", "就", "则", "即", "连续", "首次", "再次", "持续",
    "稳步", "大幅", "较大幅度", "明显", "显著", "快速", "进一步", "逐步", "全年", "当年", "同期", "了", "的", "之", "以上", "左右",
    "以下", "约", "大约", "近", "将近", "接近", "超出", "不到", "不足", "至少", "不少于", "不低于", "最高", "最多", "不超过", "高于",
    "低于", "实质", "按年", "按月", "按季", "按年计", "未", "均未", "尚未", "仍未", "按", "依", "约占", "占到", "给予", "给",
    "成长", "皆", "皆为", "亦", "亦为",
    // A trend verb with an adverb of speed or size (`经费骤增249万元`, `出口额锐减15%`).
    "激增", "猛增", "骤增", "突增", "剧增", "暴增", "陡增", "大增", "递增", "锐减", "骤减", "剧减", "大减", "递减",
    "骤降", "锐降", "大降", "陡降", "暴跌", "大跌", "大涨", "暴涨", "猛涨", "飙升", "攀升", "骤升", "激增至", "猛增至",
    "骤增至", "暴增至", "剧增至", "大增至", "骤降至", "锐减至", "骤减至", "飙升至", "攀升至",
    // Adverbs of emphasis or contrast (`地方机关更从53次骤降至32次`, `114年度竟暴增36%`).
    "更", "竟", "竟然", "却", "反而", "维持",
    // A budget line's amount as first written or moved (`「施政推展联系」原列615万元`).
    "原列", "原编列", "改列", "仍列",
    // A price or rate adjusted (`电价调涨幅度为11%`), and `各` for each of a list (`执行率各仅为…`).
    "调涨", "调降", "调升", "调高", "调低", "调增", "调减", "各", "各自", "依次",
    // A target or figure revised (`目标人次下修至1,000万人次`, `电价上调3%`).
    "下修", "上修", "下修至", "上修至", "下调", "上调", "下调至", "上调至",
    // A threshold passed (`地区生产总值跨越5000亿元大关`, `站上10万亿元台阶`).
    "跨越", "跨过", "迈过", "越过", "站上", "跃过",
];

/// Words that end with a linking word but are nouns or parts of names, so the linking word in
/// them is no link: `人均`, `产能`, `行为`, `成都`, `公共`, `国有`.
#[rustfmt::skip]
pub static NOT_LINKING: &[&str] = &[
    "人均", "户均", "亩均", "行为", "产能", "动能", "功能", "智能", "性能", "节能", "储能", "核能", "风能", "电能", "热能", "职能",
    "技能", "效能", "算能", "赋能", "发达", "送达", "表达", "统计", "设计", "会计", "审计", "综合", "结合", "融合", "联合", "整合",
    "复合", "混合", "配合", "公共", "首都", "成都", "京都", "许可", "认可", "合并", "兼并", "成就", "规则", "原则", "准则", "附近",
    "最近", "邻近", "合约", "条约", "公约", "履约", "节约", "国有", "所有", "私有", "持有", "具有", "现有", "原有", "已有", "含有",
    "保有", "存在", "所在", "位于", "属于", "甚至", "乃至", "偿还", "归还", "主要", "重要", "需要", "违约", "收到", "得到", "受到",
    "做到", "缩减", "消减", "合同期", "建成区", "学期", "假期", "工期", "租期", "任期",
    "纵向", "横向", "定向", "导向", "方向", "落后", "之后", "以后", "然后", "前后", "今后", "最后", "此后", "随后",
    "先后", "背后", "滞后", "变更", "班列", "系列", "序列", "行列", "队列", "并列", "陈列", "排列",
];

/// Verbs of action a subject follows: `新增城镇就业6.2万人` → 城镇就业,
/// `完成固定资产投资3000亿元` → 固定资产投资. The subject starts after the last of them in
/// its clause that has words after it.
#[rustfmt::skip]
pub static ACTION_VERBS: &[&str] = &[
    "新增", "完成", "实现", "引进", "新建", "建成", "实施", "接待", "培育", "招引", "认定", "获得", "获批", "获评", "争取", "吸引",
    "带动", "发放", "惠及", "培训", "吸纳", "新开工", "开工", "新设", "设立", "举办", "开展", "受理", "办理", "拨付", "下达", "筹集",
    "拥有", "共有", "新认定", "新培育", "新引进", "引育", "新引育", "打造", "创建", "安排", "提供", "组织", "新增加", "净增", "累计",
    "达成", "促成", "撬动", "兑现", "落实", "出台", "制定", "发布", "招聘", "招收", "录取", "走访", "查处", "办结", "审结", "发行",
    "建立", "组建", "开通", "新开通", "开行", "新开", "入选", "释放", "推出", "培养", "承办", "编列", "新建成", "建成投产", "新投产",
    "落户", "引入", "集聚", "聚集", "培树", "评选", "命名", "入驻", "签约入驻", "提请审议", "审议", "审议通过", "推动", "带来",
    "累计建成", "累计新增", "优化重组", "重组", "新改建", "改扩建",
    // Works on what is built, improved, cleaned up or settled: `改造老旧燃气管道984.6公里` →
    // 老旧燃气管道, `修复废弃矿山375个` → 废弃矿山. Verbs that also name the measure on their
    // own (`造林88万亩`, `资助上限`, `回收利用率`) are left out.
    "改造", "新改造", "新建改造", "改建", "扩建", "修建", "新修", "铺设", "敷设", "治理", "整治", "修复", "清理", "排查",
    "处置", "化解", "淘汰", "关闭", "关停", "压减", "盘活", "收储", "解决", "消除", "签订", "签署", "收购",
    // `提升` and `升级` alone mostly qualify a noun (`粮食产能提升重点县`); after another
    // verb they are part of it (see [`VERB_COMPLEMENTS`]).
    "规范提升", "提升改造", "升级改造", "提质升级", "提档升级", "提质改造",
    // Help given and acts of an office: `救助各类受灾群众136万名` → 各类受灾群众,
    // `选派科技特派员2万名` → 科技特派员.
    "救助", "救治", "减免", "接种", "筛查", "参与", "选派", "派驻", "投放", "下拨", "筹措", "兑付",
    "增设", "承接", "下放", "承担", "输送",
    // Acts on a budget line, and measure verbs too: `減列該項預算1500萬元` → 該項預算, where
    // `是項預算凍結500萬元` keeps the verb.
    "冻结", "减列", "删减", "核减", "删除", "增列", "追加", "动支",
];

/// Verbs that, right before an amount, take what follows the amount as their object, which
/// the amount measures: `建设8万亩高标准农田` → 高标准农田. Verbs of action do the same
/// (`安排1.2亿元专项资金` → 专项资金); these are the ones too general to start a subject
/// themselves (`建设` alone names nothing).
#[rustfmt::skip]
pub static AMOUNT_FIRST_VERBS: &[&str] = &[
    "建设", "种植", "推广", "营造", "储备", "贯通", "采购", "购置", "购买",
];

/// Verbs that open a clause before their object (`建设高标准农田12万亩`, `签约招商引资项目1200个`,
/// `投入财政帮扶资金33.9亿元`): too general to end a noun search as verbs of action do
/// (`县道提档升级建设里程`), they are left out only where they open a subject, and only when
/// what follows is no noun they make with the word after them ([`VERB_NOUN_HEADS`]).
#[rustfmt::skip]
pub static OPENING_VERBS: &[&str] = &[
    "建设", "推进", "加快", "支持", "投入", "落地", "签约", "推广", "营造", "储备", "贯通", "采购", "购置", "购买", "种植",
    "筹建", "加强", "完善", "深化", "促进", "扶持", "帮扶", "布局", "谋划",
    // A new act of the same verbs (`新签约人工智能产业项目208个`).
    "新签约", "新落地", "新布局",
    // A proposal's verb (`建议该项预算冻结1/10` → 该项预算冻结).
    "建议",
];

/// Nouns that, right after one of the [`OPENING_VERBS`], make the verb part of a name:
/// `建设资金`, `支持政策`, `建设工期`, `采购预算`, `营造业` are things, not acts on them.
#[rustfmt::skip]
pub static VERB_NOUN_HEADS: &[&str] = &[
    "资金", "经费", "费用", "规模", "用地", "成本", "预算", "政策", "标准", "期限", "工期", "周期", "年限", "里程", "投资",
    "体系", "力度", "进度", "水平", "合同", "单位", "时间", "内容", "主体", "需求", "方式",
    // An industry or trade named by its verb (`营造业产值`).
    "业",
];

/// Nouns a percentage right before them is the rate of (`享受15%所得税优惠` → 所得税优惠,
/// `按15%的税率` → 税率, `5%执行率`): the noun that ends with the first of them is what the
/// percentage measures, and one of them right after it goes on with it (`所得税` + `优惠`).
#[rustfmt::skip]
pub static RATE_HEADS: &[&str] = &[
    "率", "税", "优惠", "折扣", "补贴", "补助", "奖励", "比例", "股权", "股份", "利息", "首付", "贴息", "税费", "费",
];

/// Words of quality that end a modifier of a counted noun: `40个吸引力强、带动面广的消费场景`
/// counts 消费场景. A modifier is looked for only after a count, followed by `、` or `的`.
#[rustfmt::skip]
pub static QUALITY_WORDS: &[&str] = &[
    "强", "广", "高", "大", "优", "好", "多", "全", "足", "佳", "精", "美", "快", "低", "少", "小", "深", "稳", "实",
    "鲜明", "完善", "完备", "齐全", "突出", "显著", "领先", "先进", "优良", "优美", "丰富", "明显", "便利", "集中", "强劲",
    "过硬", "一流",
];

/// Adverbs that say how a span of time runs, written between a subject and the span:
/// `粮食产量连续13年稳定在430亿斤以上`, `营业收入近三年增长40%`.
#[rustfmt::skip]
pub static SPAN_ADVERBS: &[&str] = &[
    "连续", "已连续", "持续", "近",
];

/// Nouns that a span of time right before them names the length of, as part of a name:
/// `九年义务教育巩固率`, `十二年国民基本教育`, `三年行动`, `五年规划`. Such a span bounds no
/// clause.
#[rustfmt::skip]
pub static SPAN_NAMED_NOUNS: &[&str] = &[
    "义务教育", "国民基本教育", "国教", "行动", "规划", "计划", "攻坚", "专项行动", "制",
];

/// Characters that may start one of the [`SPAN_NAMED_NOUNS`].
static SPAN_NAMED_INITIALS: CharSet = CharSet::initials_of(&[SPAN_NAMED_NOUNS]);

/// Whether one of the [`SPAN_NAMED_NOUNS`] starts at `chars[start]`.
#[must_use]
pub fn span_named_noun_at(chars: &[char], start: usize) -> bool {
    char_in(chars, start, &SPAN_NAMED_INITIALS)
        && WORDS.at.longest(chars, start, tag::SPAN_NAMED).is_some()
}

/// Characters that may end one of the [`SPAN_ADVERBS`].
static SPAN_ADVERB_FINALS: CharSet = CharSet::finals_of(&[SPAN_ADVERBS]);

/// The length of the longest of the [`SPAN_ADVERBS`] ending just before `chars[end]`, or 0.
#[must_use]
pub fn span_adverb_before(chars: &[char], end: usize) -> usize {
    if !char_before_in(chars, end, &SPAN_ADVERB_FINALS) {
        return 0;
    }
    WORDS
        .before
        .longest(chars, end, tag::SPAN_ADVERB)
        .unwrap_or(0)
}

/// Words that, right after a verb of action, go on with it and are not its object:
/// `改造提升高标准农田` → 高标准农田, `整治提升清洁乡村` → 清洁乡村.
#[rustfmt::skip]
pub static VERB_COMPLEMENTS: &[&str] = &[
    "提升", "升级", "利用",
];

/// Verbs that are themselves the measure: with no noun after them they stay in the subject,
/// with their actor (`港府出资273亿元` → 港府出资, `太古持股42.26%` → 太古持股).
#[rustfmt::skip]
pub static MEASURE_VERBS: &[&str] = &[
    "出资", "持股", "注资", "拨款", "捐款", "捐赠", "增持", "减持", "入股", "控股", "认购", "斥资", "募资", "融资", "借款", "贷款",
    "投资", "举债", "中标", "拍得", "竞得", "募集", "冻结", "减列", "删减", "核减", "删除", "增列", "追加", "动支",
];

/// Words of scope that open a subject and are left out: `全省规模以上工业增加值` →
/// 规模以上工业增加值. Region names are scope words too (see [`scope_at`]).
#[rustfmt::skip]
pub static SCOPE_WORDS: &[&str] = &[
    "全省", "全市", "全区", "全县", "全州", "全盟", "全镇", "全乡", "全村", "全国", "全港", "全澳", "全台", "全岛", "全自治区",
    "全域", "全省域", "全市域", "我省", "我市", "我区", "我县", "我州", "我国", "我港", "本省", "本市", "本区", "本县", "本港",
    "本澳", "该省", "该市", "该区", "该县", "各地", "各市", "各省", "各级", "各区", "全年全省", "省内", "市内", "区内", "境内",
    "境内外", "国内外", "海内外", "省内外", "市内外",
];

/// Words that, right after a region name, make it part of the subject's name:
/// `香港永久居民` keeps 香港.
#[rustfmt::skip]
pub static PLACE_KEEPERS: &[&str] = &[
    "永久居民", "居民", "户籍", "特区政府", "政府", "市民", "居民人均", "本地", "交易所", "机场", "港口", "海关", "银行", "大学", "地铁",
    "国际", "自贸", "证券交易所", "期货交易所",
];

/// Words of time that open (or close) a subject and are left out: `全年`, `上半年`, `去年`.
#[rustfmt::skip]
pub static TIME_WORDS: &[&str] = &[
    "全年", "今年", "去年", "前年", "明年", "当年", "上年", "本年", "同年", "年内", "年末", "年底", "年初", "年中", "上半年",
    "下半年", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度", "前三季度", "前两季度", "同期", "目前",
    "当前", "现在", "截至目前", "至今", "近年来", "近年", "多年来", "五年来", "过去五年", "过去一年", "一年来", "这一年", "此前", "此后",
    "期末", "全年度", "本财政年度", "财政年度", "本年度", "上年度", "今年以来", "去年以来", "以来", "届时", "每年", "每月", "每天",
    "累计至今", "十四五期间", "十四五时期", "十五五期间", "十五五时期", "这一时期", "过去", "以往", "历年", "往年", "最终", "最后",
    "当月", "本月", "上月", "同月", "次月", "当季", "本季", "本季度", "上季度", "当日", "当天", "同日", "本周", "上周",
];

/// Joining words that open a clause and are left out: `其中8个`, `同时…`, `以及…`.
#[rustfmt::skip]
pub static JOINING_WORDS: &[&str] = &[
    "其中", "同时", "此外", "另外", "以及", "并且", "而且", "但是", "并", "且", "而", "但", "也", "又", "和", "与", "累计",
    "合计", "总计", "分别", "包括", "其余", "剩余", "上述", "这些", "当中", "通过", "围绕", "聚焦", "面向", "针对", "全力", "大力",
    "着力", "积极", "有力", "对于", "关于", "由于", "为了", "另", "俟", "爰", "针对", "惟", "度", "各项", "及", "之", "预计",
    "预期", "年度",
    // 将 as 把, before the object a verb acts on (`爰将该项业务费冻结30%`).
    "将",
    // The opening of a finding in a budget review (`经查本项购置经费达3亿余元`); 查 alone
    // begins words (查明, 查缉).
    "经查", "另查", "又查", "惟查",
    // A target's verb opening its clause (`力争国家级实验室再增加2—4家`, `确保生猪出栏6000万头`).
    "力争", "确保", "争取", "力求", "努力",
    // A turn opening a clause (`然我国来台旅游目标人次…`).
    "然", "然而",
];

/// Words that alone name nothing: a subject that is one of them is no subject.
#[rustfmt::skip]
pub static FUNCTION_WORDS: &[&str] = &[
    "由", "以", "从", "自", "对", "向", "在", "于", "为", "把", "将", "被", "让", "使", "惟", "但", "而", "且", "并",
    "及", "和", "与", "或", "俟", "爰", "至", "到", "按", "据", "经", "其", "该", "此", "这", "那", "每", "各", "本",
    "者", "之", "其中", "其余", "共", "计", "约", "达", "是", "有", "占", "合计", "共计", "总计", "累计", "平均", "同比",
    "建设", "方面", "其他", "等", "支持", "推进", "加快", "实施", "完善", "加强", "深化", "提升", "促进", "开展", "参与", "带动",
    "帮助", "帮扶", "引导", "鼓励", "保障", "服务", "属", "采购", "购置", "购买", "汰换",
];

/// Names of indicators that hold a verb of action (`城镇新增就业`): the verb in them starts
/// no subject.
#[rustfmt::skip]
pub static INDICATOR_NAMES: &[&str] = &[
    "城镇新增就业", "实际利用外资", "实际使用外资", "建成区", "开发区",
];

/// Nouns that a span of time may measure: a duration takes a subject only when it ends with
/// one of them (`期限3年`, `建设工期两年`); `俟…於1個月內`, `過去五年` name nothing.
#[rustfmt::skip]
pub static DURATION_NOUNS: &[&str] = &[
    "期限", "期", "时间", "时长", "工期", "年限", "周期", "寿命", "历史", "时限", "学制", "任期", "刑期", "租期", "年龄", "年数",
    "年资", "工龄", "天数", "时效", "岁数", "年纪", "退休年龄",
    // Any age of a thing (`屋龄已逾40年`, `树龄`, `船龄`, `车龄`).
    "龄",
];

/// Words that, after a name in quotation marks, add nothing to it: a budget line
/// (`「業務費」預算`, `「水電費」預算數`) or a heading (`第1目「一般行政」項下`) is named by
/// the quoted words alone, and a clause that names only one of them after a verb of action
/// (`…「教育訓練費」編列預算`) measures the line named before the verb.
#[rustfmt::skip]
pub static LINE_PLACEHOLDERS: &[&str] = &[
    "预算", "预算数", "预算案", "预算额", "经费", "项下", "科目", "款项",
];

/// Characters that, right after a verb of action, make it part of a noun: `发行额`,
/// `增加值`, `建成区`, `投资额`, `开工率`, `收购价`.
pub static NOUN_SUFFIXES: &str = "额量率值数费点区者金款速价";

static NOUN_SUFFIX_SET: CharSet = CharSet::new(&[NOUN_SUFFIXES], &[]);

/// Whether `c`, after a verb of action, makes it part of a noun.
#[must_use]
pub fn is_noun_suffix(c: char) -> bool {
    NOUN_SUFFIX_SET.contains(c)
}

/// Nouns of a general kind that, right after a verb of action, make it part of a name: the
/// verb says what kind of project or figure it is (`“三化”改造项目1424个`,
/// `水土流失治理面积5260平方公里`, `32个城中村改造项目`), so the name starts before the verb.
#[rustfmt::skip]
pub static NAME_HEADS: &[&str] = &[
    "项目", "工程", "面积", "能力", "任务", "计划", "总额", "比例",
];

/// Whether what starts at `chars[at]`, right after a verb of action, makes the verb part of
/// a noun: a [`NOUN_SUFFIXES`] character or a [`NAME_HEADS`] word.
#[must_use]
pub fn makes_noun_at(chars: &[char], at: usize) -> bool {
    chars.get(at).is_some_and(|&c| {
        is_noun_suffix(c)
            || (NAME_HEAD_INITIALS.contains(c) && WORDS.at.longest(chars, at, tag::HEAD).is_some())
    })
}

/// Characters that may start a [`NAME_HEADS`] word.
static NAME_HEAD_INITIALS: CharSet = CharSet::initials_of(&[NAME_HEADS]);

/// Words that open a clause comparing a quantity with a base (`是“十三五”末的2.1倍`,
/// `相当于全国的1.5倍`): the clause names the base, and the quantity takes the subject before.
#[rustfmt::skip]
pub static COMPARISON_OPENERS: &[&str] = &[
    "是", "为", "相当于", "比", "较", "相比", "超过", "高于", "低于", "相较", "相较于", "较之", "对比",
];

/// Comparisons written with their base between a subject and the amount of the difference:
/// `一产增加值增幅高于全国0.7个百分点` → 一产增加值增幅, `女性平均时薪低于男性55元`. The
/// comparison and its base are left out.
#[rustfmt::skip]
pub static BASE_COMPARISONS: &[&str] = &[
    "高于", "低于", "快于", "慢于", "多于", "少于", "优于",
];

/// Characters that may end one of the [`BASE_COMPARISONS`].
static BASE_COMPARISON_FINALS: CharSet = CharSet::finals_of(&[BASE_COMPARISONS]);

/// The length of the longest of the [`BASE_COMPARISONS`] ending just before `chars[end]`.
#[must_use]
pub fn base_comparison_before(chars: &[char], end: usize) -> Option<usize> {
    if !char_before_in(chars, end, &BASE_COMPARISON_FINALS) {
        return None;
    }
    WORDS.before.longest(chars, end, tag::BASE_COMPARISON)
}

/// Words that, after a five-year plan (`“十三五”`), name it as the base of a comparison:
/// `营业收入较“十三五”末翻一番`, `投资比“十三五”时期增长19.1%`.
#[rustfmt::skip]
pub static PLAN_PERIODS: &[&str] = &[
    "时期", "末期", "期间", "末",
];

/// Characters that may end a [`PLAN_PERIODS`] word.
static PLAN_PERIOD_FINALS: CharSet = CharSet::finals_of(&[PLAN_PERIODS]);

/// Whether a [`PLAN_PERIODS`] word may end with `c`.
pub(crate) fn may_end_plan_period(c: char) -> bool {
    PLAN_PERIOD_FINALS.contains(c)
}

/// Words that end the name of a share: with `占` before them in the clause, `占` is part of
/// the subject (`县城常住人口占县域比重` stays whole).
#[rustfmt::skip]
pub static SHARE_ENDINGS: &[&str] = &[
    "比重", "比例", "比率", "占比", "份额", "之比",
];

/// Words that stop the counted noun after a classifier (`77家企业落户` → 企业): verbs and
/// joining words that follow a noun.
#[rustfmt::skip]
pub static NOUN_STOPS: &[&str] = &[
    "的", "和", "与", "及", "以及", "或", "等", "共", "均", "都", "也", "已", "将", "在", "于", "从", "向", "对", "通过",
    "被", "落户", "入驻", "投产", "开工", "竣工", "建成", "参与", "参加", "受益", "获得", "获", "实现", "完成", "达到", "达",
    "进入", "入选", "上市", "签约", "通过", "纳入", "申报", "享受", "开展", "开业", "运营", "投用", "落地", "集聚", "聚集", "脱贫",
    "增收", "提供", "承担", "覆盖", "累计", "合计", "总投资", "投资", "计划", "正在", "陆续", "分别", "同比", "增长", "增加", "下降",
    "减少", "提高", "其中", "为", "是", "有", "左右", "次", "建设", "全面", "全部", "基本", "顺利", "正式", "相继", "先后",
    "纷纷", "率先", "成功", "获评", "稳步", "加快", "持续", "深入", "有序", "扎实", "免费", "消除", "开设", "接受", "稳定", "保持",
    "探索", "推进", "围绕", "聚焦", "试点", "升格", "尚未", "仍", "仍有",
    // Adverbs of time and manner after the counted noun (`4条高速提前建成`, `3个一号旅游公路
    // 全线贯通`).
    "提前", "全线", "如期", "按期", "首次", "再次", "即将", "逐步", "共同", "全都", "均已",
    "列入", "得到",
    // Negated verbs (未 alone begins nouns: 未成年人, 未来).
    "未能", "未完成", "未达", "未达到", "未实现", "未按", "未如期", "没有", "未曾",
    // What an amount is for (`安排3000万元用于奖补`).
    "用于", "用来", "专项用于", "用作", "作为", "做为",
];

/// Words inside a noun that begin with a [`NOUN_STOPS`] word or a verb of action: there the
/// shorter word stops nothing (`124个县域医共体` → 县域医共体, `200个县域医疗次中心`,
/// `256家二级及以上公立医院`).
#[rustfmt::skip]
pub static NOT_NOUN_STOPS: &[&str] = &[
    "共体", "共同体", "均衡", "都市", "都会", "次中心", "次区域", "次级", "及以上", "及以下",
    "试点县", "试点区", "试点市", "试点城市", "试点企业", "试点项目", "试点单位", "试点学校", "试点地区",
];

/// Words that open a counted noun right after its classifier, though they begin with a
/// [`NOUN_STOPS`] word: `50个在建项目`, `3条有轨电车线路`, `1000名从业人员`, `10个共享制造平台`.
/// Further in, they are verbs after the noun (`47家县级医院共享三级医院服务`).
#[rustfmt::skip]
pub static NOUN_OPENERS: &[&str] = &[
    "共享", "共建", "共富", "共性", "在建", "在校", "在园", "在岗", "在职", "在编", "在线", "在途", "在册", "在读",
    "在营", "在研", "在孵", "在库", "有机", "有色", "有轨", "有线", "有限", "有效", "有害", "有毒", "从业", "对口",
    "对外",
];

/// Noun stops that are nouns too: where nothing of a noun follows them, they end the counted
/// noun rather than stop it (`5000个普通高中招生计划。`, `30个国家级试点，`).
#[rustfmt::skip]
pub static STOP_NOUNS: &[&str] = &[
    "计划", "试点", "投资",
];

/// Verbs that end a counted noun or an amount's object once it has begun, but may begin one
/// themselves (`支持政策`, `补助资金`): `安排1.2亿元专项资金支持技术改造` → 专项资金.
#[rustfmt::skip]
pub static NOUN_ENDERS: &[&str] = &[
    "支持", "促进", "推动", "帮助", "扶持", "带动", "采购", "购置", "购买", "后",
];

/// Marks that end a sentence: a subject never crosses them, and carry-over stops there.
pub static SENTENCE_ENDS: &str = "。！？；!?;\n\r";

/// Marks that end a clause inside a sentence: the subject of a quantity lies after the last
/// of them, and a quantity after one with no subject of its own takes the one before.
pub static CLAUSE_BREAKS: &str = "，,、：:（）()《》【】[]";

static SENTENCE_END_SET: CharSet = CharSet::new(&[SENTENCE_ENDS], &[]);
static CLAUSE_BREAK_SET: CharSet = CharSet::new(&[CLAUSE_BREAKS, SENTENCE_ENDS], &[]);

/// Every sentence end and clause break lies below U+3012 (ASCII and the CJK marks) or from
/// U+FF01 on (the full-width forms); the Han characters, most of any text and looked at by
/// every search back for a break, lie between.
const NO_BREAK_BETWEEN: (char, char) = ('\u{3012}', '\u{FF00}');

/// Whether `c` lies outside [`NO_BREAK_BETWEEN`], where a break may be: one comparison,
/// before the set is loaded.
#[inline]
pub(crate) fn may_break(c: char) -> bool {
    !(NO_BREAK_BETWEEN.0..=NO_BREAK_BETWEEN.1).contains(&c)
}

/// Whether `c` ends a sentence.
#[must_use]
pub fn is_sentence_end(c: char) -> bool {
    may_break(c) && SENTENCE_END_SET.contains(c)
}

/// Whether `c` ends a clause (a sentence end does too).
#[must_use]
pub fn is_clause_break(c: char) -> bool {
    may_break(c) && CLAUSE_BREAK_SET.contains(c)
}

/// The tables a word of the tries belongs to, one bit each.
mod tag {
    /// [`LINKING_WORDS`](super::LINKING_WORDS) and [`TIME_WORDS`](super::TIME_WORDS): left
    /// out between a subject and its quantity.
    pub const LINK: u32 = 1 << 0;
    /// The words that protect the ending of a linking word ([`NOT_LINKING`](super::NOT_LINKING)),
    /// and the linking words themselves: of these, the longest word ending at a position decides.
    pub const LINK_TABLE: u32 = 1 << 1;
    pub const ACTION: u32 = 1 << 2;
    pub const MEASURE: u32 = 1 << 3;
    pub const SCOPE: u32 = 1 << 4;
    pub const PLACE: u32 = 1 << 5;
    pub const KEEPER: u32 = 1 << 6;
    pub const TIME: u32 = 1 << 7;
    pub const JOINING: u32 = 1 << 8;
    pub const FUNCTION: u32 = 1 << 9;
    pub const NAME: u32 = 1 << 10;
    pub const DURATION: u32 = 1 << 11;
    pub const COMPARISON: u32 = 1 << 12;
    pub const SHARE: u32 = 1 << 13;
    pub const STOP: u32 = 1 << 14;
    pub const PLACEHOLDER: u32 = 1 << 15;
    pub const HEAD: u32 = 1 << 16;
    pub const COMPLEMENT: u32 = 1 << 17;
    pub const AMOUNT_FIRST: u32 = 1 << 18;
    pub const ENDER: u32 = 1 << 19;
    pub const OPENING_VERB: u32 = 1 << 20;
    pub const VERB_NOUN: u32 = 1 << 21;
    pub const RATE: u32 = 1 << 22;
    pub const QUALITY: u32 = 1 << 23;
    pub const SPAN_ADVERB: u32 = 1 << 24;
    pub const NOT_STOP: u32 = 1 << 25;
    pub const STOP_NOUN: u32 = 1 << 26;
    pub const NOUN_OPENER: u32 = 1 << 27;
    pub const BASE_COMPARISON: u32 = 1 << 28;
    pub const SPAN_NAMED: u32 = 1 << 29;
}

/// Every table of this module in two tries, so that one walk from a position answers for all
/// of them: words read from a position on, and words that end at one.
struct Words {
    /// Words that start at a position: verbs of action, indicator names, scope, place, time
    /// and joining words, function words, comparison openers, noun stops.
    at: WordTrie,
    /// Words that end at a position: linking words (and the words that protect their
    /// endings), measure verbs, share endings, duration nouns, verbs of action, time words.
    before: WordTrie,
    /// The longest function word, verb of action or linking word, in characters.
    longest_function: usize,
}

/// `words` with `tag`.
fn tagged(words: &'static [&'static str], tag: u32) -> impl Iterator<Item = (&'static str, u32)> {
    words.iter().map(move |&w| (w, tag))
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let places = REGIONS
        .iter()
        .flat_map(super::regions::Region::forms)
        .map(|form| (form, tag::PLACE));
    let at = WordTrie::new(
        tagged(ACTION_VERBS, tag::ACTION)
            .chain(tagged(INDICATOR_NAMES, tag::NAME))
            .chain(tagged(SCOPE_WORDS, tag::SCOPE))
            .chain(places)
            .chain(tagged(PLACE_KEEPERS, tag::KEEPER))
            .chain(tagged(TIME_WORDS, tag::TIME | tag::LINK))
            .chain(tagged(JOINING_WORDS, tag::JOINING))
            .chain(tagged(FUNCTION_WORDS, tag::FUNCTION))
            .chain(tagged(LINKING_WORDS, tag::LINK))
            .chain(tagged(COMPARISON_OPENERS, tag::COMPARISON))
            .chain(tagged(NOUN_STOPS, tag::STOP))
            .chain(tagged(NOUN_ENDERS, tag::ENDER))
            .chain(tagged(NAME_HEADS, tag::HEAD))
            .chain(tagged(VERB_COMPLEMENTS, tag::COMPLEMENT))
            .chain(tagged(OPENING_VERBS, tag::OPENING_VERB))
            .chain(tagged(VERB_NOUN_HEADS, tag::VERB_NOUN))
            .chain(tagged(RATE_HEADS, tag::RATE))
            .chain(tagged(NOT_NOUN_STOPS, tag::NOT_STOP))
            .chain(tagged(STOP_NOUNS, tag::STOP_NOUN))
            .chain(tagged(NOUN_OPENERS, tag::NOUN_OPENER))
            .chain(tagged(SPAN_NAMED_NOUNS, tag::SPAN_NAMED)),
        false,
    );
    let before = WordTrie::new(
        tagged(LINKING_WORDS, tag::LINK | tag::LINK_TABLE)
            .chain(tagged(TIME_WORDS, tag::TIME | tag::LINK | tag::LINK_TABLE))
            .chain(tagged(NOT_LINKING, tag::LINK_TABLE))
            .chain(tagged(MEASURE_VERBS, tag::MEASURE))
            .chain(tagged(SHARE_ENDINGS, tag::SHARE))
            .chain(tagged(DURATION_NOUNS, tag::DURATION))
            .chain(tagged(ACTION_VERBS, tag::ACTION))
            .chain(tagged(AMOUNT_FIRST_VERBS, tag::AMOUNT_FIRST))
            .chain(tagged(VERB_COMPLEMENTS, tag::COMPLEMENT))
            .chain(tagged(LINE_PLACEHOLDERS, tag::PLACEHOLDER))
            .chain(tagged(COMPARISON_OPENERS, tag::COMPARISON))
            .chain(tagged(RATE_HEADS, tag::RATE))
            .chain(tagged(QUALITY_WORDS, tag::QUALITY))
            .chain(tagged(SPAN_ADVERBS, tag::SPAN_ADVERB))
            .chain(tagged(BASE_COMPARISONS, tag::BASE_COMPARISON)),
        true,
    );
    let longest_function = [
        FUNCTION_WORDS,
        ACTION_VERBS,
        LINKING_WORDS,
        TIME_WORDS,
        NOT_LINKING,
    ]
    .iter()
    .flat_map(|table| table.iter())
    .map(|w| w.chars().count())
    .max()
    .unwrap_or(0);
    Words {
        at,
        before,
        longest_function,
    }
});

/// What stands just before a position, read back from a quantity: a measure verb, a linking
/// word, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Before {
    /// A measure verb ends there (`出资`): it is part of the subject.
    Measure,
    /// A linking word of this many characters, and whether it says `分别`.
    Link(usize, bool),
    /// Neither.
    Nothing,
}

/// What ends just before `chars[end]`: a measure verb first, else the longest linking word
/// (unless a longer word protects its ending).
pub(crate) fn before(chars: &[char], end: usize) -> Before {
    if !char_before_in(chars, end, &LINK_FINALS) {
        return Before::Nothing;
    }
    let words = &*WORDS;
    let mut measure = false;
    let mut longest = None;
    words.before.walk(chars, end, |n, tags, node| {
        measure |= tags & tag::MEASURE != 0;
        if tags & tag::LINK_TABLE != 0 {
            longest = Some((n, tags, node));
        }
    });
    if measure {
        return Before::Measure;
    }
    match longest {
        Some((n, tags, node)) if tags & tag::LINK != 0 => {
            Before::Link(n, words.before.word(node).starts_with("分别"))
        }
        _ => Before::Nothing,
    }
}

/// The longest linking word ending just before `chars[end]`, with its length.
#[must_use]
pub fn linking_before(chars: &[char], end: usize) -> Option<(&'static str, usize)> {
    let words = &*WORDS;
    let mut longest = None;
    words.before.walk(chars, end, |n, tags, node| {
        if tags & tag::LINK_TABLE != 0 {
            longest = Some((n, tags, node));
        }
    });
    longest
        .filter(|&(_, tags, _)| tags & tag::LINK != 0)
        .map(|(n, _, node)| (words.before.word(node), n))
}

/// Characters that may end a linking word, a word that protects one, or a measure verb:
/// before any other, nothing is looked up.
static LINK_FINALS: CharSet =
    CharSet::finals_of(&[LINKING_WORDS, TIME_WORDS, NOT_LINKING, MEASURE_VERBS]);

/// Whether a linking word, a time word, a word that protects one or a measure verb may end
/// with `c`: before any other, [`before`] looks nothing up.
pub(crate) fn may_end_link(c: char) -> bool {
    LINK_FINALS.contains(c)
}

/// Characters that may end a line placeholder: asked of the end of every subject.
static PLACEHOLDER_FINALS: CharSet = CharSet::finals_of(&[LINE_PLACEHOLDERS]);

/// Whether a line placeholder may end with `c`.
pub(crate) fn may_end_placeholder(c: char) -> bool {
    PLACEHOLDER_FINALS.contains(c)
}

/// Characters that may end a share ending.
static SHARE_FINALS: CharSet = CharSet::finals_of(&[SHARE_ENDINGS]);

/// Characters that may start a comparison opener.
static COMPARISON_INITIALS: CharSet = CharSet::initials_of(&[COMPARISON_OPENERS]);

/// Characters that may start a function word, verb of action or linking word.
static FUNCTION_INITIALS: CharSet =
    CharSet::initials_of(&[FUNCTION_WORDS, ACTION_VERBS, LINKING_WORDS, TIME_WORDS]);

/// Whether `chars[at]` is in `set`.
fn char_in(chars: &[char], at: usize, set: &CharSet) -> bool {
    chars.get(at).is_some_and(|&c| set.contains(c))
}

/// Whether the character before `chars[end]` is in `set`.
fn char_before_in(chars: &[char], end: usize, set: &CharSet) -> bool {
    end.checked_sub(1).is_some_and(|k| char_in(chars, k, set))
}

/// The first characters of the region names.
const fn region_initials(mut set: CharSet) -> CharSet {
    let mut k = 0;
    while k < REGIONS.len() {
        set = set.with_initial(REGIONS[k].name);
        let mut f = 0;
        while f < REGIONS[k].short_forms.len() {
            set = set.with_initial(REGIONS[k].short_forms[f]);
            f += 1;
        }
        k += 1;
    }
    set
}

/// Characters that may start a verb of action or an indicator name: any other is passed
/// over with one load.
static ACTION_INITIALS: CharSet = CharSet::initials_of(&[ACTION_VERBS, INDICATOR_NAMES]);

/// Characters the search for a subject's verb of action stops at: those that may start a
/// verb of action or an indicator name, the quotation marks (a verb inside them is part of a
/// name), `占` (which links a part to its whole) and `于` (which ends a comparison with its
/// base, `高于全国`); it passes every other with one load.
static VERB_SEARCH_STOPS: CharSet = CharSet::initials_of(&[ACTION_VERBS, INDICATOR_NAMES])
    .union(&CharSet::new(&["“”「」『』‘’\"占于"], &[]));

/// Whether the search for a subject's verb of action must look at `c`: see
/// [`VERB_SEARCH_STOPS`].
pub(crate) fn stops_verb_search(c: char) -> bool {
    VERB_SEARCH_STOPS.contains(c)
}

/// Characters that may start a word left out at the opening of a subject.
static OPENER_INITIALS: CharSet = region_initials(CharSet::initials_of(&[
    SCOPE_WORDS,
    TIME_WORDS,
    JOINING_WORDS,
]));

/// Characters that may start a word that ends a counted noun.
static NOUN_STOP_INITIALS: CharSet = CharSet::initials_of(&[NOUN_STOPS, NOUN_ENDERS, ACTION_VERBS]);

/// Whether a word that ends a counted noun (a stop or a verb of action) may start with `c`.
#[must_use]
pub fn may_stop_noun(c: char) -> bool {
    NOUN_STOP_INITIALS.contains(c)
}

/// Whether a verb of action or an indicator name may start with `c`.
#[must_use]
pub fn may_start_action(c: char) -> bool {
    ACTION_INITIALS.contains(c)
}

/// Whether a scope, place, time or joining word may start with `c`.
#[must_use]
pub fn may_start_opener(c: char) -> bool {
    OPENER_INITIALS.contains(c)
}

/// Characters that may start one of the [`OPENING_VERBS`].
static OPENING_VERB_INITIALS: CharSet = CharSet::initials_of(&[OPENING_VERBS]);

/// The length of the longest of the [`OPENING_VERBS`] starting at `chars[start]`.
#[must_use]
pub fn opening_verb_at(chars: &[char], start: usize) -> Option<usize> {
    if !char_in(chars, start, &OPENING_VERB_INITIALS) {
        return None;
    }
    WORDS.at.longest(chars, start, tag::OPENING_VERB)
}

/// Whether one of the [`VERB_NOUN_HEADS`] starts at `chars[start]`.
#[must_use]
pub fn verb_noun_head_at(chars: &[char], start: usize) -> bool {
    WORDS.at.longest(chars, start, tag::VERB_NOUN).is_some()
}

/// Characters that may end one of the [`QUALITY_WORDS`].
static QUALITY_FINALS: CharSet = CharSet::finals_of(&[QUALITY_WORDS]);

/// Whether one of the [`QUALITY_WORDS`] ends just before `chars[end]`.
#[must_use]
pub fn quality_before(chars: &[char], end: usize) -> bool {
    char_before_in(chars, end, &QUALITY_FINALS)
        && WORDS.before.longest(chars, end, tag::QUALITY).is_some()
}

/// Characters that may end one of the [`RATE_HEADS`].
static RATE_FINALS: CharSet = CharSet::finals_of(&[RATE_HEADS]);

/// Whether one of the [`RATE_HEADS`] ends just before `chars[end]`.
#[must_use]
pub fn rate_head_before(chars: &[char], end: usize) -> bool {
    char_before_in(chars, end, &RATE_FINALS)
        && WORDS.before.longest(chars, end, tag::RATE).is_some()
}

/// The length of the longest of the [`RATE_HEADS`] starting at `chars[start]`.
#[must_use]
pub fn rate_head_at(chars: &[char], start: usize) -> Option<usize> {
    WORDS.at.longest(chars, start, tag::RATE)
}

/// The length of the longest verb of action starting at `chars[start]`.
#[must_use]
pub fn action_at(chars: &[char], start: usize) -> Option<usize> {
    WORDS.at.longest(chars, start, tag::ACTION)
}

/// The length of a verb of action or of a [`VERB_COMPLEMENTS`] word at `chars[start]`: what
/// goes on with a verb of action just before it.
pub(crate) fn verb_going_on_at(chars: &[char], start: usize) -> Option<usize> {
    WORDS
        .at
        .longest(chars, start, tag::ACTION | tag::COMPLEMENT)
}

/// Whether a verb of action, a linking word or a function word starts at `chars[start]`.
pub(crate) fn verb_or_function_word_at(chars: &[char], start: usize) -> bool {
    char_in(chars, start, &FUNCTION_INITIALS)
        && WORDS
            .at
            .longest(chars, start, tag::ACTION | tag::LINK | tag::FUNCTION)
            .is_some()
}

/// At `chars[start]`, where a verb of action or an indicator name may start: the length of
/// the indicator name there, else of the verb of action, and which of the two it is.
pub(crate) fn action_or_name_at(chars: &[char], start: usize) -> Option<(usize, bool)> {
    let (name, action) = longest_of_two_at(chars, start, tag::NAME, tag::ACTION);
    name.map(|n| (n, true)).or(action.map(|n| (n, false)))
}

/// The lengths of the longest words with tag `first` and with tag `second` that start at
/// `chars[start]`, from one walk.
fn longest_of_two_at(
    chars: &[char],
    start: usize,
    first: u32,
    second: u32,
) -> (Option<usize>, Option<usize>) {
    let (mut a, mut b) = (None, None);
    WORDS.at.walk(chars, start, |n, tags, _| {
        if tags & first != 0 {
            a = Some(n);
        }
        if tags & second != 0 {
            b = Some(n);
        }
    });
    (a, b)
}

/// The length of the longest verb of action ending just before `chars[end]`.
#[must_use]
pub fn action_before(chars: &[char], end: usize) -> Option<usize> {
    WORDS.before.longest(chars, end, tag::ACTION)
}

/// Whether the amount at `chars[end]` comes before the object it measures: a verb of action
/// or one of the [`AMOUNT_FIRST_VERBS`] ends just before it (a [`VERB_COMPLEMENTS`] word
/// after one too: `改造提升`), and no measure verb, which is the measure itself
/// (`出资273亿元`).
#[must_use]
pub fn amount_first_verb_before(chars: &[char], end: usize) -> bool {
    let mut verb = false;
    let mut complement = 0;
    let mut measure = false;
    WORDS.before.walk(chars, end, |n, tags, _| {
        verb |= tags & (tag::ACTION | tag::AMOUNT_FIRST) != 0;
        measure |= tags & tag::MEASURE != 0;
        if tags & tag::COMPLEMENT != 0 {
            complement = n;
        }
    });
    if measure {
        return false;
    }
    verb || (complement > 0 && action_before(chars, end - complement).is_some())
}

/// The length of the longest [`LINE_PLACEHOLDERS`] word ending just before `chars[end]`.
#[must_use]
pub fn line_placeholder_before(chars: &[char], end: usize) -> Option<usize> {
    if !char_before_in(chars, end, &PLACEHOLDER_FINALS) {
        return None;
    }
    WORDS.before.longest(chars, end, tag::PLACEHOLDER)
}

/// Whether a measure verb ends just before `chars[end]`.
#[must_use]
pub fn measure_before(chars: &[char], end: usize) -> bool {
    WORDS.before.longest(chars, end, tag::MEASURE).is_some()
}

/// The length of a scope word or region name opening `chars[start..]` that is left out of
/// a subject; a region name followed by one of the [`PLACE_KEEPERS`] is part of the name.
#[must_use]
pub fn scope_at(chars: &[char], start: usize) -> Option<usize> {
    opening_at(chars, start).0
}

/// The words that may open a subject at `chars[start]` and are left out: the longest scope
/// word or region name (as [`scope_at`]), the longest time word, the longest joining word.
fn opening_at(chars: &[char], start: usize) -> (Option<usize>, Option<usize>, Option<usize>) {
    let words = &*WORDS;
    let (mut scope, mut place, mut time, mut joining) = (None, None, None, None);
    words.at.walk(chars, start, |n, tags, _| {
        if tags & tag::SCOPE != 0 {
            scope = Some(n);
        }
        if tags & tag::PLACE != 0 {
            place = Some(n);
        }
        if tags & tag::TIME != 0 {
            time = Some(n);
        }
        if tags & tag::JOINING != 0 {
            joining = Some(n);
        }
    });
    let place = place.filter(|&n| words.at.longest(chars, start + n, tag::KEEPER).is_none());
    (scope.max(place), time, joining)
}

/// The length of the word left out at the opening of a subject at `chars[start]`: a scope
/// word or region name, else a time word, else a joining word; none that is an attribute of
/// the noun after it (`预期性指标`).
pub(crate) fn opener_at(chars: &[char], start: usize) -> Option<usize> {
    let (scope, time, joining) = opening_at(chars, start);
    scope
        .or(time)
        .or(joining)
        .filter(|&n| !makes_attribute_at(chars, start + n))
}

/// The length of the longest time word starting at `chars[start]`.
#[must_use]
pub fn time_at(chars: &[char], start: usize) -> Option<usize> {
    WORDS.at.longest(chars, start, tag::TIME)
}

/// The length of the longest time word ending just before `chars[end]`.
#[must_use]
pub fn time_before(chars: &[char], end: usize) -> Option<usize> {
    WORDS.before.longest(chars, end, tag::TIME)
}

/// The length of the longest joining word starting at `chars[start]`.
#[must_use]
pub fn joining_at(chars: &[char], start: usize) -> Option<usize> {
    WORDS.at.longest(chars, start, tag::JOINING)
}

/// Whether a share ending (`比重`, `比例`, `占比`) ends just before `chars[end]`.
#[must_use]
pub fn share_ending_before(chars: &[char], end: usize) -> bool {
    char_before_in(chars, end, &SHARE_FINALS)
        && WORDS.before.longest(chars, end, tag::SHARE).is_some()
}

/// Whether a comparison opener starts at `chars[start]`.
#[must_use]
pub fn comparison_at(chars: &[char], start: usize) -> bool {
    char_in(chars, start, &COMPARISON_INITIALS)
        && WORDS.at.longest(chars, start, tag::COMPARISON).is_some()
}

/// The length of the longest of the [`COMPARISON_OPENERS`] ending just before `chars[end]`.
#[must_use]
pub fn comparison_before(chars: &[char], end: usize) -> Option<usize> {
    WORDS.before.longest(chars, end, tag::COMPARISON)
}

/// Whether `chars` is one function word, verb of action or linking word, and nothing else:
/// it names no thing.
#[must_use]
pub fn is_function_word(chars: &[char]) -> bool {
    let words = &*WORDS;
    // A span longer than every word of the three tables is none of them.
    if chars.len() > words.longest_function || !char_in(chars, 0, &FUNCTION_INITIALS) {
        return false;
    }
    let mut whole = false;
    words.at.walk(chars, 0, |n, tags, _| {
        whole |= n == chars.len() && tags & (tag::FUNCTION | tag::ACTION | tag::LINK) != 0;
    });
    whole
}

/// The length of an indicator name starting at `chars[start]`.
#[must_use]
pub fn indicator_name_at(chars: &[char], start: usize) -> Option<usize> {
    WORDS.at.longest(chars, start, tag::NAME)
}

/// Whether a noun a duration may measure ends just before `chars[end]`.
#[must_use]
pub fn duration_noun_before(chars: &[char], end: usize) -> bool {
    WORDS.before.longest(chars, end, tag::DURATION).is_some()
}

/// The lengths of the longest noun stop and of the longest verb of action or
/// [`NOUN_ENDERS`] word that start at `chars[start]`, the words that may end a counted noun:
/// one walk answers for both. Neither where it ends a longer word (`落后`), nor where it
/// begins a longer word of a noun ([`NOT_NOUN_STOPS`], and, with `opening` where the noun
/// starts, [`NOUN_OPENERS`]).
pub(crate) fn noun_stop_or_verb_at(
    chars: &[char],
    start: usize,
    opening: bool,
) -> (Option<usize>, Option<usize>) {
    if !char_in(chars, start, &NOUN_STOP_INITIALS) {
        return (None, None);
    }
    let inner = if opening {
        tag::NOT_STOP | tag::NOUN_OPENER
    } else {
        tag::NOT_STOP
    };
    let (mut stop, mut verb, mut inside) = (None, None, 0);
    WORDS.at.walk(chars, start, |n, tags, _| {
        if tags & tag::STOP != 0 {
            stop = Some(n);
        }
        if tags & (tag::ACTION | tag::ENDER) != 0 {
            verb = Some(n);
        }
        if tags & inner != 0 {
            inside = n;
        }
    });
    // A longer word of a noun starting here (`医共体`, `在建项目`) holds the stop.
    let stops = |&n: &usize| n > inside && stops_noun(chars, start, n);
    (stop.filter(stops), verb.filter(stops))
}

/// Whether the noun stop of `n` characters at `chars[start]` is one of the [`STOP_NOUNS`].
pub(crate) fn is_stop_noun(chars: &[char], start: usize, n: usize) -> bool {
    let mut noun = false;
    WORDS.at.walk(chars, start, |length, tags, _| {
        noun |= length == n && tags & tag::STOP_NOUN != 0;
    });
    noun
}

/// Whether the word of `n` characters at `chars[start]` stops a noun where it stands: not
/// where it ends a longer word ([`ends_protecting_word`]) nor where the suffix 性 makes it an
/// attribute of the noun after it.
fn stops_noun(chars: &[char], start: usize, n: usize) -> bool {
    !ends_protecting_word(chars, start, n) && !makes_attribute_at(chars, start + n)
}

/// The suffix that makes a verb or a linking word an attribute of the noun after it
/// (`预期性指标`, `约束性指标`, `竞争性领域`, `保障性住房`): a word before it stops no noun.
pub const ATTRIBUTE_SUFFIX: char = '性';

/// Characters after 性 that make it the first of a noun of its own (`性能`, `性别`, `性质`,
/// `性格`, `性价比`) rather than a suffix: `开展性能测定` is a verb and its object.
const NOUNS_OPENED_BY_ATTRIBUTE_SUFFIX: &[char] = &['能', '别', '质', '格', '价', '命', '状'];

/// Whether [`ATTRIBUTE_SUFFIX`] stands at `chars[at]`, right after a word, as its suffix.
fn makes_attribute_at(chars: &[char], at: usize) -> bool {
    chars.get(at) == Some(&ATTRIBUTE_SUFFIX)
        && !chars
            .get(at + 1)
            .is_some_and(|c| NOUNS_OPENED_BY_ATTRIBUTE_SUFFIX.contains(c))
}

/// The length of the longest word that stops a counted noun, starting at `chars[start]`.
#[must_use]
pub fn noun_stop_at(chars: &[char], start: usize) -> Option<usize> {
    noun_stop_or_verb_at(chars, start, false).0
}

/// Whether the word of `n` characters at `chars[start]` ends a longer word of
/// [`NOT_LINKING`]: a stop there is inside a noun (`欠发达县域`, `国有企业`).
fn ends_protecting_word(chars: &[char], start: usize, n: usize) -> bool {
    let mut inside = false;
    WORDS.before.walk(chars, start + n, |length, tags, _| {
        inside |= length > n && tags & tag::LINK_TABLE != 0 && tags & tag::LINK == 0;
    });
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn tables_hold_simplified_forms_only() {
        for table in [
            LINKING_WORDS,
            ACTION_VERBS,
            MEASURE_VERBS,
            SCOPE_WORDS,
            PLACE_KEEPERS,
            TIME_WORDS,
            JOINING_WORDS,
            SHARE_ENDINGS,
            NOUN_STOPS,
            NOT_LINKING,
            FUNCTION_WORDS,
            INDICATOR_NAMES,
            DURATION_NOUNS,
            COMPARISON_OPENERS,
            NAME_HEADS,
            LINE_PLACEHOLDERS,
            VERB_COMPLEMENTS,
            PLAN_PERIODS,
            OPENING_VERBS,
            VERB_NOUN_HEADS,
            RATE_HEADS,
            QUALITY_WORDS,
            SPAN_ADVERBS,
            NOT_NOUN_STOPS,
            STOP_NOUNS,
            NOUN_OPENERS,
            BASE_COMPARISONS,
            SPAN_NAMED_NOUNS,
        ] {
            for word in table {
                let folded: String = word
                    .chars()
                    .map(super::super::script::to_simplified)
                    .collect();
                assert_eq!(&folded, word, "{word} is written in simplified characters");
                assert!(!word.is_empty());
            }
        }
    }

    #[test]
    fn no_break_lies_among_the_han_characters() {
        for c in SENTENCE_ENDS.chars().chain(CLAUSE_BREAKS.chars()) {
            assert!(may_break(c), "{c:?} is looked for");
            assert!(is_clause_break(c));
        }
        assert!(!is_clause_break('\u{3012}') && !is_clause_break('\u{FF00}'));
    }

    #[test]
    fn no_verb_holds_the_mark_of_a_part() {
        // The search for a subject's verb passes over the verbs it finds, and looks for `占`
        // only between them.
        for word in ACTION_VERBS
            .iter()
            .chain(INDICATOR_NAMES)
            .chain(VERB_COMPLEMENTS)
        {
            assert!(!word.contains('占') && !word.starts_with('于'), "{word}");
        }
        assert!(stops_verb_search('占') && stops_verb_search('新') && !stops_verb_search('业'));
    }

    #[test]
    fn places_open_a_subject_unless_part_of_a_name() {
        assert_eq!(scope_at(&chars("浙江省规模以上工业"), 0), Some(3));
        assert_eq!(scope_at(&chars("香港永久居民"), 0), None);
        assert_eq!(scope_at(&chars("全港住户"), 0), Some(2));
        assert_eq!(scope_at(&chars("企业"), 0), None);
    }

    #[test]
    fn words_either_way() {
        let c = chars("港府出资");
        assert!(measure_before(&c, 4));
        assert_eq!(action_at(&chars("新增城镇就业"), 0), Some(2));
        assert_eq!(time_before(&chars("地区生产总值全年"), 8), Some(2));
        assert!(share_ending_before(&chars("占县域比重"), 5));
        assert_eq!(noun_stop_at(&chars("落户园区"), 0), Some(2));
        assert_eq!(joining_at(&chars("其中8个"), 0), Some(2));
        assert_eq!(linking_before(&chars("居民人均"), 4), None);
        assert_eq!(
            linking_before(&chars("产量达"), 3).map(|(w, _)| w),
            Some("达")
        );
        assert!(is_sentence_end('。') && is_clause_break('，') && !is_sentence_end('，'));
    }
}
