//! China's administrative regions: the 34 provincial-level regions and the 333 prefecture-level
//! ones, with the forms in which they open a document title.
//!
//! Names are in simplified characters; traditional input (`黑龍江省`, `廣州市`) is folded by the
//! [`TextView`](crate::TextView) before it is matched. A region that is commonly written in a
//! shorter form lists it: provinces without 省 (`四川`), autonomous prefectures with 州
//! (`延边州`). Prefecture-level cities are listed only with 市, since their bare names (`通化`,
//! `长治`, `中山`) are also ordinary words at the head of a title.

/// How high a region stands in the administrative hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionLevel {
    /// A province (省).
    Province,
    /// A municipality directly under the central government (直辖市).
    Municipality,
    /// An autonomous region (自治区).
    AutonomousRegion,
    /// Hong Kong or Macao (特别行政区).
    SpecialAdministrativeRegion,
    /// A prefecture-level city, prefecture (地区), autonomous prefecture (自治州) or league (盟).
    Prefecture,
    /// A county-level city or forestry district governed directly by its province.
    County,
    /// A state-level new area (新区) with its own government.
    NewArea,
}

impl RegionLevel {
    /// Whether the level is provincial (省, 直辖市, 自治区, 特别行政区).
    ///
    /// ```
    /// use xinzhi_extract::lexicon::regions::RegionLevel;
    /// assert!(RegionLevel::Municipality.is_provincial());
    /// assert!(!RegionLevel::Prefecture.is_provincial());
    /// ```
    #[must_use]
    pub const fn is_provincial(self) -> bool {
        matches!(
            self,
            RegionLevel::Province
                | RegionLevel::Municipality
                | RegionLevel::AutonomousRegion
                | RegionLevel::SpecialAdministrativeRegion
        )
    }
}

/// One administrative region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region {
    /// The official name in simplified characters, suffix included (`黑龙江省`, `广州市`).
    pub name: &'static str,
    /// Other forms that name the same region at the head of a title (`黑龙江`, `延边州`).
    pub short_forms: &'static [&'static str],
    /// Its administrative level.
    pub level: RegionLevel,
    /// The provincial-level region it belongs to; its own name for a provincial-level region.
    pub province: &'static str,
}

impl Region {
    const fn new(
        name: &'static str,
        short_forms: &'static [&'static str],
        level: RegionLevel,
        province: &'static str,
    ) -> Region {
        Region {
            name,
            short_forms,
            level,
            province,
        }
    }

    /// Every form of the name: the official one first, then the short forms.
    ///
    /// ```
    /// use xinzhi_extract::lexicon::regions::REGIONS;
    /// let heilongjiang = REGIONS.iter().find(|r| r.name == "黑龙江省").unwrap();
    /// assert_eq!(heilongjiang.forms().collect::<Vec<_>>(), ["黑龙江省", "黑龙江"]);
    /// ```
    pub fn forms(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.short_forms.iter().copied())
    }
}

use RegionLevel::{
    AutonomousRegion, County, Municipality, NewArea, Prefecture, Province,
    SpecialAdministrativeRegion,
};

/// Every region, provincial-level ones first, then the prefectures of each province in the
/// official order, then the county-level units and new areas that stand outside a prefecture.
///
/// ```
/// use xinzhi_extract::lexicon::regions::{RegionLevel, REGIONS};
/// let prefectures = REGIONS.iter().filter(|r| r.level == RegionLevel::Prefecture).count();
/// assert_eq!(prefectures, 333);
/// let guangzhou = REGIONS.iter().find(|r| r.name == "广州市").unwrap();
/// assert_eq!(guangzhou.province, "广东省");
/// ```
pub static REGIONS: &[Region] = &[
    Region::new("北京市", &["北京"], Municipality, "北京市"),
    Region::new("天津市", &["天津"], Municipality, "天津市"),
    Region::new("上海市", &["上海"], Municipality, "上海市"),
    Region::new("重庆市", &["重庆"], Municipality, "重庆市"),
    Region::new("河北省", &["河北"], Province, "河北省"),
    Region::new("山西省", &["山西"], Province, "山西省"),
    Region::new(
        "内蒙古自治区",
        &["内蒙古"],
        AutonomousRegion,
        "内蒙古自治区",
    ),
    Region::new("辽宁省", &["辽宁"], Province, "辽宁省"),
    Region::new("吉林省", &["吉林"], Province, "吉林省"),
    Region::new("黑龙江省", &["黑龙江"], Province, "黑龙江省"),
    Region::new("江苏省", &["江苏"], Province, "江苏省"),
    Region::new("浙江省", &["浙江"], Province, "浙江省"),
    Region::new("安徽省", &["安徽"], Province, "安徽省"),
    Region::new("福建省", &["福建"], Province, "福建省"),
    Region::new("江西省", &["江西"], Province, "江西省"),
    Region::new("山东省", &["山东"], Province, "山东省"),
    Region::new("河南省", &["河南"], Province, "河南省"),
    Region::new("湖北省", &["湖北"], Province, "湖北省"),
    Region::new("湖南省", &["湖南"], Province, "湖南省"),
    Region::new("广东省", &["广东"], Province, "广东省"),
    Region::new(
        "广西壮族自治区",
        &["广西", "广西自治区"],
        AutonomousRegion,
        "广西壮族自治区",
    ),
    Region::new("海南省", &["海南"], Province, "海南省"),
    Region::new("四川省", &["四川"], Province, "四川省"),
    Region::new("贵州省", &["贵州"], Province, "贵州省"),
    Region::new("云南省", &["云南"], Province, "云南省"),
    Region::new("西藏自治区", &["西藏"], AutonomousRegion, "西藏自治区"),
    Region::new("陕西省", &["陕西"], Province, "陕西省"),
    Region::new("甘肃省", &["甘肃"], Province, "甘肃省"),
    Region::new("青海省", &["青海"], Province, "青海省"),
    Region::new(
        "宁夏回族自治区",
        &["宁夏", "宁夏自治区"],
        AutonomousRegion,
        "宁夏回族自治区",
    ),
    Region::new(
        "新疆维吾尔自治区",
        &["新疆", "新疆自治区"],
        AutonomousRegion,
        "新疆维吾尔自治区",
    ),
    Region::new("台湾省", &["台湾"], Province, "台湾省"),
    Region::new(
        "香港特别行政区",
        &["香港", "香港特区"],
        SpecialAdministrativeRegion,
        "香港特别行政区",
    ),
    Region::new(
        "澳门特别行政区",
        &["澳门", "澳门特区"],
        SpecialAdministrativeRegion,
        "澳门特别行政区",
    ),
    Region::new("石家庄市", &[], Prefecture, "河北省"),
    Region::new("唐山市", &[], Prefecture, "河北省"),
    Region::new("秦皇岛市", &[], Prefecture, "河北省"),
    Region::new("邯郸市", &[], Prefecture, "河北省"),
    Region::new("邢台市", &[], Prefecture, "河北省"),
    Region::new("保定市", &[], Prefecture, "河北省"),
    Region::new("张家口市", &[], Prefecture, "河北省"),
    Region::new("承德市", &[], Prefecture, "河北省"),
    Region::new("沧州市", &[], Prefecture, "河北省"),
    Region::new("廊坊市", &[], Prefecture, "河北省"),
    Region::new("衡水市", &[], Prefecture, "河北省"),
    Region::new("太原市", &[], Prefecture, "山西省"),
    Region::new("大同市", &[], Prefecture, "山西省"),
    Region::new("阳泉市", &[], Prefecture, "山西省"),
    Region::new("长治市", &[], Prefecture, "山西省"),
    Region::new("晋城市", &[], Prefecture, "山西省"),
    Region::new("朔州市", &[], Prefecture, "山西省"),
    Region::new("晋中市", &[], Prefecture, "山西省"),
    Region::new("运城市", &[], Prefecture, "山西省"),
    Region::new("忻州市", &[], Prefecture, "山西省"),
    Region::new("临汾市", &[], Prefecture, "山西省"),
    Region::new("吕梁市", &[], Prefecture, "山西省"),
    Region::new("呼和浩特市", &[], Prefecture, "内蒙古自治区"),
    Region::new("包头市", &[], Prefecture, "内蒙古自治区"),
    Region::new("乌海市", &[], Prefecture, "内蒙古自治区"),
    Region::new("赤峰市", &[], Prefecture, "内蒙古自治区"),
    Region::new("通辽市", &[], Prefecture, "内蒙古自治区"),
    Region::new("鄂尔多斯市", &[], Prefecture, "内蒙古自治区"),
    Region::new("呼伦贝尔市", &[], Prefecture, "内蒙古自治区"),
    Region::new("巴彦淖尔市", &[], Prefecture, "内蒙古自治区"),
    Region::new("乌兰察布市", &[], Prefecture, "内蒙古自治区"),
    Region::new("兴安盟", &[], Prefecture, "内蒙古自治区"),
    Region::new("锡林郭勒盟", &[], Prefecture, "内蒙古自治区"),
    Region::new("阿拉善盟", &[], Prefecture, "内蒙古自治区"),
    Region::new("沈阳市", &[], Prefecture, "辽宁省"),
    Region::new("大连市", &[], Prefecture, "辽宁省"),
    Region::new("鞍山市", &[], Prefecture, "辽宁省"),
    Region::new("抚顺市", &[], Prefecture, "辽宁省"),
    Region::new("本溪市", &[], Prefecture, "辽宁省"),
    Region::new("丹东市", &[], Prefecture, "辽宁省"),
    Region::new("锦州市", &[], Prefecture, "辽宁省"),
    Region::new("营口市", &[], Prefecture, "辽宁省"),
    Region::new("阜新市", &[], Prefecture, "辽宁省"),
    Region::new("辽阳市", &[], Prefecture, "辽宁省"),
    Region::new("盘锦市", &[], Prefecture, "辽宁省"),
    Region::new("铁岭市", &[], Prefecture, "辽宁省"),
    Region::new("朝阳市", &[], Prefecture, "辽宁省"),
    Region::new("葫芦岛市", &[], Prefecture, "辽宁省"),
    Region::new("长春市", &[], Prefecture, "吉林省"),
    Region::new("吉林市", &[], Prefecture, "吉林省"),
    Region::new("四平市", &[], Prefecture, "吉林省"),
    Region::new("辽源市", &[], Prefecture, "吉林省"),
    Region::new("通化市", &[], Prefecture, "吉林省"),
    Region::new("白山市", &[], Prefecture, "吉林省"),
    Region::new("松原市", &[], Prefecture, "吉林省"),
    Region::new("白城市", &[], Prefecture, "吉林省"),
    Region::new("延边朝鲜族自治州", &["延边州"], Prefecture, "吉林省"),
    Region::new("哈尔滨市", &[], Prefecture, "黑龙江省"),
    Region::new("齐齐哈尔市", &[], Prefecture, "黑龙江省"),
    Region::new("鸡西市", &[], Prefecture, "黑龙江省"),
    Region::new("鹤岗市", &[], Prefecture, "黑龙江省"),
    Region::new("双鸭山市", &[], Prefecture, "黑龙江省"),
    Region::new("大庆市", &[], Prefecture, "黑龙江省"),
    Region::new("伊春市", &[], Prefecture, "黑龙江省"),
    Region::new("佳木斯市", &[], Prefecture, "黑龙江省"),
    Region::new("七台河市", &[], Prefecture, "黑龙江省"),
    Region::new("牡丹江市", &[], Prefecture, "黑龙江省"),
    Region::new("黑河市", &[], Prefecture, "黑龙江省"),
    Region::new("绥化市", &[], Prefecture, "黑龙江省"),
    Region::new("大兴安岭地区", &[], Prefecture, "黑龙江省"),
    Region::new("南京市", &[], Prefecture, "江苏省"),
    Region::new("无锡市", &[], Prefecture, "江苏省"),
    Region::new("徐州市", &[], Prefecture, "江苏省"),
    Region::new("常州市", &[], Prefecture, "江苏省"),
    Region::new("苏州市", &[], Prefecture, "江苏省"),
    Region::new("南通市", &[], Prefecture, "江苏省"),
    Region::new("连云港市", &[], Prefecture, "江苏省"),
    Region::new("淮安市", &[], Prefecture, "江苏省"),
    Region::new("盐城市", &[], Prefecture, "江苏省"),
    Region::new("扬州市", &[], Prefecture, "江苏省"),
    Region::new("镇江市", &[], Prefecture, "江苏省"),
    Region::new("泰州市", &[], Prefecture, "江苏省"),
    Region::new("宿迁市", &[], Prefecture, "江苏省"),
    Region::new("杭州市", &[], Prefecture, "浙江省"),
    Region::new("宁波市", &[], Prefecture, "浙江省"),
    Region::new("温州市", &[], Prefecture, "浙江省"),
    Region::new("嘉兴市", &[], Prefecture, "浙江省"),
    Region::new("湖州市", &[], Prefecture, "浙江省"),
    Region::new("绍兴市", &[], Prefecture, "浙江省"),
    Region::new("金华市", &[], Prefecture, "浙江省"),
    Region::new("衢州市", &[], Prefecture, "浙江省"),
    Region::new("舟山市", &[], Prefecture, "浙江省"),
    Region::new("台州市", &[], Prefecture, "浙江省"),
    Region::new("丽水市", &[], Prefecture, "浙江省"),
    Region::new("合肥市", &[], Prefecture, "安徽省"),
    Region::new("芜湖市", &[], Prefecture, "安徽省"),
    Region::new("蚌埠市", &[], Prefecture, "安徽省"),
    Region::new("淮南市", &[], Prefecture, "安徽省"),
    Region::new("马鞍山市", &[], Prefecture, "安徽省"),
    Region::new("淮北市", &[], Prefecture, "安徽省"),
    Region::new("铜陵市", &[], Prefecture, "安徽省"),
    Region::new("安庆市", &[], Prefecture, "安徽省"),
    Region::new("黄山市", &[], Prefecture, "安徽省"),
    Region::new("滁州市", &[], Prefecture, "安徽省"),
    Region::new("阜阳市", &[], Prefecture, "安徽省"),
    Region::new("宿州市", &[], Prefecture, "安徽省"),
    Region::new("六安市", &[], Prefecture, "安徽省"),
    Region::new("亳州市", &[], Prefecture, "安徽省"),
    Region::new("池州市", &[], Prefecture, "安徽省"),
    Region::new("宣城市", &[], Prefecture, "安徽省"),
    Region::new("福州市", &[], Prefecture, "福建省"),
    Region::new("厦门市", &[], Prefecture, "福建省"),
    Region::new("莆田市", &[], Prefecture, "福建省"),
    Region::new("三明市", &[], Prefecture, "福建省"),
    Region::new("泉州市", &[], Prefecture, "福建省"),
    Region::new("漳州市", &[], Prefecture, "福建省"),
    Region::new("南平市", &[], Prefecture, "福建省"),
    Region::new("龙岩市", &[], Prefecture, "福建省"),
    Region::new("宁德市", &[], Prefecture, "福建省"),
    Region::new("南昌市", &[], Prefecture, "江西省"),
    Region::new("景德镇市", &[], Prefecture, "江西省"),
    Region::new("萍乡市", &[], Prefecture, "江西省"),
    Region::new("九江市", &[], Prefecture, "江西省"),
    Region::new("新余市", &[], Prefecture, "江西省"),
    Region::new("鹰潭市", &[], Prefecture, "江西省"),
    Region::new("赣州市", &[], Prefecture, "江西省"),
    Region::new("吉安市", &[], Prefecture, "江西省"),
    Region::new("宜春市", &[], Prefecture, "江西省"),
    Region::new("抚州市", &[], Prefecture, "江西省"),
    Region::new("上饶市", &[], Prefecture, "江西省"),
    Region::new("济南市", &[], Prefecture, "山东省"),
    Region::new("青岛市", &[], Prefecture, "山东省"),
    Region::new("淄博市", &[], Prefecture, "山东省"),
    Region::new("枣庄市", &[], Prefecture, "山东省"),
    Region::new("东营市", &[], Prefecture, "山东省"),
    Region::new("烟台市", &[], Prefecture, "山东省"),
    Region::new("潍坊市", &[], Prefecture, "山东省"),
    Region::new("济宁市", &[], Prefecture, "山东省"),
    Region::new("泰安市", &[], Prefecture, "山东省"),
    Region::new("威海市", &[], Prefecture, "山东省"),
    Region::new("日照市", &[], Prefecture, "山东省"),
    Region::new("临沂市", &[], Prefecture, "山东省"),
    Region::new("德州市", &[], Prefecture, "山东省"),
    Region::new("聊城市", &[], Prefecture, "山东省"),
    Region::new("滨州市", &[], Prefecture, "山东省"),
    Region::new("菏泽市", &[], Prefecture, "山东省"),
    Region::new("郑州市", &[], Prefecture, "河南省"),
    Region::new("开封市", &[], Prefecture, "河南省"),
    Region::new("洛阳市", &[], Prefecture, "河南省"),
    Region::new("平顶山市", &[], Prefecture, "河南省"),
    Region::new("安阳市", &[], Prefecture, "河南省"),
    Region::new("鹤壁市", &[], Prefecture, "河南省"),
    Region::new("新乡市", &[], Prefecture, "河南省"),
    Region::new("焦作市", &[], Prefecture, "河南省"),
    Region::new("濮阳市", &[], Prefecture, "河南省"),
    Region::new("许昌市", &[], Prefecture, "河南省"),
    Region::new("漯河市", &[], Prefecture, "河南省"),
    Region::new("三门峡市", &[], Prefecture, "河南省"),
    Region::new("南阳市", &[], Prefecture, "河南省"),
    Region::new("商丘市", &[], Prefecture, "河南省"),
    Region::new("信阳市", &[], Prefecture, "河南省"),
    Region::new("周口市", &[], Prefecture, "河南省"),
    Region::new("驻马店市", &[], Prefecture, "河南省"),
    Region::new("武汉市", &[], Prefecture, "湖北省"),
    Region::new("黄石市", &[], Prefecture, "湖北省"),
    Region::new("十堰市", &[], Prefecture, "湖北省"),
    Region::new("宜昌市", &[], Prefecture, "湖北省"),
    Region::new("襄阳市", &[], Prefecture, "湖北省"),
    Region::new("鄂州市", &[], Prefecture, "湖北省"),
    Region::new("荆门市", &[], Prefecture, "湖北省"),
    Region::new("孝感市", &[], Prefecture, "湖北省"),
    Region::new("荆州市", &[], Prefecture, "湖北省"),
    Region::new("黄冈市", &[], Prefecture, "湖北省"),
    Region::new("咸宁市", &[], Prefecture, "湖北省"),
    Region::new("随州市", &[], Prefecture, "湖北省"),
    Region::new("恩施土家族苗族自治州", &["恩施州"], Prefecture, "湖北省"),
    Region::new("长沙市", &[], Prefecture, "湖南省"),
    Region::new("株洲市", &[], Prefecture, "湖南省"),
    Region::new("湘潭市", &[], Prefecture, "湖南省"),
    Region::new("衡阳市", &[], Prefecture, "湖南省"),
    Region::new("邵阳市", &[], Prefecture, "湖南省"),
    Region::new("岳阳市", &[], Prefecture, "湖南省"),
    Region::new("常德市", &[], Prefecture, "湖南省"),
    Region::new("张家界市", &[], Prefecture, "湖南省"),
    Region::new("益阳市", &[], Prefecture, "湖南省"),
    Region::new("郴州市", &[], Prefecture, "湖南省"),
    Region::new("永州市", &[], Prefecture, "湖南省"),
    Region::new("怀化市", &[], Prefecture, "湖南省"),
    Region::new("娄底市", &[], Prefecture, "湖南省"),
    Region::new("湘西土家族苗族自治州", &["湘西州"], Prefecture, "湖南省"),
    Region::new("广州市", &[], Prefecture, "广东省"),
    Region::new("韶关市", &[], Prefecture, "广东省"),
    Region::new("深圳市", &[], Prefecture, "广东省"),
    Region::new("珠海市", &[], Prefecture, "广东省"),
    Region::new("汕头市", &[], Prefecture, "广东省"),
    Region::new("佛山市", &[], Prefecture, "广东省"),
    Region::new("江门市", &[], Prefecture, "广东省"),
    Region::new("湛江市", &[], Prefecture, "广东省"),
    Region::new("茂名市", &[], Prefecture, "广东省"),
    Region::new("肇庆市", &[], Prefecture, "广东省"),
    Region::new("惠州市", &[], Prefecture, "广东省"),
    Region::new("梅州市", &[], Prefecture, "广东省"),
    Region::new("汕尾市", &[], Prefecture, "广东省"),
    Region::new("河源市", &[], Prefecture, "广东省"),
    Region::new("阳江市", &[], Prefecture, "广东省"),
    Region::new("清远市", &[], Prefecture, "广东省"),
    Region::new("东莞市", &[], Prefecture, "广东省"),
    Region::new("中山市", &[], Prefecture, "广东省"),
    Region::new("潮州市", &[], Prefecture, "广东省"),
    Region::new("揭阳市", &[], Prefecture, "广东省"),
    Region::new("云浮市", &[], Prefecture, "广东省"),
    Region::new("南宁市", &[], Prefecture, "广西壮族自治区"),
    Region::new("柳州市", &[], Prefecture, "广西壮族自治区"),
    Region::new("桂林市", &[], Prefecture, "广西壮族自治区"),
    Region::new("梧州市", &[], Prefecture, "广西壮族自治区"),
    Region::new("北海市", &[], Prefecture, "广西壮族自治区"),
    Region::new("防城港市", &[], Prefecture, "广西壮族自治区"),
    Region::new("钦州市", &[], Prefecture, "广西壮族自治区"),
    Region::new("贵港市", &[], Prefecture, "广西壮族自治区"),
    Region::new("玉林市", &[], Prefecture, "广西壮族自治区"),
    Region::new("百色市", &[], Prefecture, "广西壮族自治区"),
    Region::new("贺州市", &[], Prefecture, "广西壮族自治区"),
    Region::new("河池市", &[], Prefecture, "广西壮族自治区"),
    Region::new("来宾市", &[], Prefecture, "广西壮族自治区"),
    Region::new("崇左市", &[], Prefecture, "广西壮族自治区"),
    Region::new("海口市", &[], Prefecture, "海南省"),
    Region::new("三亚市", &[], Prefecture, "海南省"),
    Region::new("三沙市", &[], Prefecture, "海南省"),
    Region::new("儋州市", &[], Prefecture, "海南省"),
    Region::new("成都市", &[], Prefecture, "四川省"),
    Region::new("自贡市", &[], Prefecture, "四川省"),
    Region::new("攀枝花市", &[], Prefecture, "四川省"),
    Region::new("泸州市", &[], Prefecture, "四川省"),
    Region::new("德阳市", &[], Prefecture, "四川省"),
    Region::new("绵阳市", &[], Prefecture, "四川省"),
    Region::new("广元市", &[], Prefecture, "四川省"),
    Region::new("遂宁市", &[], Prefecture, "四川省"),
    Region::new("内江市", &[], Prefecture, "四川省"),
    Region::new("乐山市", &[], Prefecture, "四川省"),
    Region::new("南充市", &[], Prefecture, "四川省"),
    Region::new("眉山市", &[], Prefecture, "四川省"),
    Region::new("宜宾市", &[], Prefecture, "四川省"),
    Region::new("广安市", &[], Prefecture, "四川省"),
    Region::new("达州市", &[], Prefecture, "四川省"),
    Region::new("雅安市", &[], Prefecture, "四川省"),
    Region::new("巴中市", &[], Prefecture, "四川省"),
    Region::new("资阳市", &[], Prefecture, "四川省"),
    Region::new("阿坝藏族羌族自治州", &["阿坝州"], Prefecture, "四川省"),
    Region::new("甘孜藏族自治州", &["甘孜州"], Prefecture, "四川省"),
    Region::new("凉山彝族自治州", &["凉山州"], Prefecture, "四川省"),
    Region::new("贵阳市", &[], Prefecture, "贵州省"),
    Region::new("六盘水市", &[], Prefecture, "贵州省"),
    Region::new("遵义市", &[], Prefecture, "贵州省"),
    Region::new("安顺市", &[], Prefecture, "贵州省"),
    Region::new("毕节市", &[], Prefecture, "贵州省"),
    Region::new("铜仁市", &[], Prefecture, "贵州省"),
    Region::new(
        "黔西南布依族苗族自治州",
        &["黔西南州"],
        Prefecture,
        "贵州省",
    ),
    Region::new("黔东南苗族侗族自治州", &["黔东南州"], Prefecture, "贵州省"),
    Region::new("黔南布依族苗族自治州", &["黔南州"], Prefecture, "贵州省"),
    Region::new("昆明市", &[], Prefecture, "云南省"),
    Region::new("曲靖市", &[], Prefecture, "云南省"),
    Region::new("玉溪市", &[], Prefecture, "云南省"),
    Region::new("保山市", &[], Prefecture, "云南省"),
    Region::new("昭通市", &[], Prefecture, "云南省"),
    Region::new("丽江市", &[], Prefecture, "云南省"),
    Region::new("普洱市", &[], Prefecture, "云南省"),
    Region::new("临沧市", &[], Prefecture, "云南省"),
    Region::new("楚雄彝族自治州", &["楚雄州"], Prefecture, "云南省"),
    Region::new("红河哈尼族彝族自治州", &["红河州"], Prefecture, "云南省"),
    Region::new("文山壮族苗族自治州", &["文山州"], Prefecture, "云南省"),
    Region::new("西双版纳傣族自治州", &["西双版纳州"], Prefecture, "云南省"),
    Region::new("大理白族自治州", &["大理州"], Prefecture, "云南省"),
    Region::new("德宏傣族景颇族自治州", &["德宏州"], Prefecture, "云南省"),
    Region::new("怒江傈僳族自治州", &["怒江州"], Prefecture, "云南省"),
    Region::new("迪庆藏族自治州", &["迪庆州"], Prefecture, "云南省"),
    Region::new("拉萨市", &[], Prefecture, "西藏自治区"),
    Region::new("日喀则市", &[], Prefecture, "西藏自治区"),
    Region::new("昌都市", &[], Prefecture, "西藏自治区"),
    Region::new("林芝市", &[], Prefecture, "西藏自治区"),
    Region::new("山南市", &[], Prefecture, "西藏自治区"),
    Region::new("那曲市", &[], Prefecture, "西藏自治区"),
    Region::new("阿里地区", &[], Prefecture, "西藏自治区"),
    Region::new("西安市", &[], Prefecture, "陕西省"),
    Region::new("铜川市", &[], Prefecture, "陕西省"),
    Region::new("宝鸡市", &[], Prefecture, "陕西省"),
    Region::new("咸阳市", &[], Prefecture, "陕西省"),
    Region::new("渭南市", &[], Prefecture, "陕西省"),
    Region::new("延安市", &[], Prefecture, "陕西省"),
    Region::new("汉中市", &[], Prefecture, "陕西省"),
    Region::new("榆林市", &[], Prefecture, "陕西省"),
    Region::new("安康市", &[], Prefecture, "陕西省"),
    Region::new("商洛市", &[], Prefecture, "陕西省"),
    Region::new("兰州市", &[], Prefecture, "甘肃省"),
    Region::new("嘉峪关市", &[], Prefecture, "甘肃省"),
    Region::new("金昌市", &[], Prefecture, "甘肃省"),
    Region::new("白银市", &[], Prefecture, "甘肃省"),
    Region::new("天水市", &[], Prefecture, "甘肃省"),
    Region::new("武威市", &[], Prefecture, "甘肃省"),
    Region::new("张掖市", &[], Prefecture, "甘肃省"),
    Region::new("平凉市", &[], Prefecture, "甘肃省"),
    Region::new("酒泉市", &[], Prefecture, "甘肃省"),
    Region::new("庆阳市", &[], Prefecture, "甘肃省"),
    Region::new("定西市", &[], Prefecture, "甘肃省"),
    Region::new("陇南市", &[], Prefecture, "甘肃省"),
    Region::new("临夏回族自治州", &["临夏州"], Prefecture, "甘肃省"),
    Region::new("甘南藏族自治州", &["甘南州"], Prefecture, "甘肃省"),
    Region::new("西宁市", &[], Prefecture, "青海省"),
    Region::new("海东市", &[], Prefecture, "青海省"),
    Region::new("海北藏族自治州", &["海北州"], Prefecture, "青海省"),
    Region::new("黄南藏族自治州", &["黄南州"], Prefecture, "青海省"),
    Region::new("海南藏族自治州", &["海南州"], Prefecture, "青海省"),
    Region::new("果洛藏族自治州", &["果洛州"], Prefecture, "青海省"),
    Region::new("玉树藏族自治州", &["玉树州"], Prefecture, "青海省"),
    Region::new("海西蒙古族藏族自治州", &["海西州"], Prefecture, "青海省"),
    Region::new("银川市", &[], Prefecture, "宁夏回族自治区"),
    Region::new("石嘴山市", &[], Prefecture, "宁夏回族自治区"),
    Region::new("吴忠市", &[], Prefecture, "宁夏回族自治区"),
    Region::new("固原市", &[], Prefecture, "宁夏回族自治区"),
    Region::new("中卫市", &[], Prefecture, "宁夏回族自治区"),
    Region::new("乌鲁木齐市", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new("克拉玛依市", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new("吐鲁番市", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new("哈密市", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new(
        "昌吉回族自治州",
        &["昌吉州"],
        Prefecture,
        "新疆维吾尔自治区",
    ),
    Region::new(
        "博尔塔拉蒙古自治州",
        &["博州"],
        Prefecture,
        "新疆维吾尔自治区",
    ),
    Region::new(
        "巴音郭楞蒙古自治州",
        &["巴州"],
        Prefecture,
        "新疆维吾尔自治区",
    ),
    Region::new("阿克苏地区", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new(
        "克孜勒苏柯尔克孜自治州",
        &["克州"],
        Prefecture,
        "新疆维吾尔自治区",
    ),
    Region::new("喀什地区", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new("和田地区", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new(
        "伊犁哈萨克自治州",
        &["伊犁州"],
        Prefecture,
        "新疆维吾尔自治区",
    ),
    Region::new("塔城地区", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new("阿勒泰地区", &[], Prefecture, "新疆维吾尔自治区"),
    Region::new("济源市", &[], County, "河南省"),
    Region::new("仙桃市", &[], County, "湖北省"),
    Region::new("潜江市", &[], County, "湖北省"),
    Region::new("天门市", &[], County, "湖北省"),
    Region::new("神农架林区", &[], County, "湖北省"),
    Region::new("五指山市", &[], County, "海南省"),
    Region::new("文昌市", &[], County, "海南省"),
    Region::new("琼海市", &[], County, "海南省"),
    Region::new("万宁市", &[], County, "海南省"),
    Region::new("东方市", &[], County, "海南省"),
    Region::new("石河子市", &[], County, "新疆维吾尔自治区"),
    Region::new("雄安新区", &[], NewArea, "河北省"),
    Region::new("浦东新区", &[], NewArea, "上海市"),
    Region::new("滨海新区", &[], NewArea, "天津市"),
    Region::new("两江新区", &[], NewArea, "重庆市"),
    Region::new("天府新区", &[], NewArea, "四川省"),
];

/// Places with a numeral character in their name that are not divisions in [`REGIONS`]:
/// regions, valleys and landmarks, and the literary names of provinces (`三晋` Shanxi, `八闽`
/// Fujian, `三湘` Hunan). A numeral in one is part of a name.
pub static NUMERAL_AREAS: &[&str] = &[
    "长三角",
    "珠三角",
    "东三省",
    "北三县",
    "二连浩特",
    "万州",
    "九龙坡",
    "三峡",
    "五指山",
    "九寨沟",
    "十八洞",
    "三江源",
    "几字弯",
    "三晋",
    "三秦",
    "三湘",
    "八闽",
    "八桂",
    "两广",
    "两湖",
    "两江",
    "三江平原",
    "千岛湖",
    "九华山",
    "五台山",
    "六盘山",
    "十三陵",
    "万里长城",
];

/// Suffixes of county-level divisions (区, 县, county-level 市, 旗 …), longest first. A county is
/// recognised only right after its prefecture or municipality (`广州市天河区`), or, for 县 and
/// 市, right after its province (`浙江省安吉县`); a bare county name is too often a common word.
pub static COUNTY_SUFFIXES: &[&str] = &[
    "族自治县",
    "族自治旗",
    "自治县",
    "自治旗",
    "新区",
    "区",
    "县",
    "市",
    "旗",
];

/// Endings of words that look like a county (a stem and 区, 县 or 市) but name a kind of place:
/// `老旧小区`, `城乡社区`, `超大城市`, `示范区`, `贫困县`.
pub static NOT_COUNTY_ENDINGS: &[&str] = &[
    "小区",
    "社区",
    "园区",
    "景区",
    "主城区",
    "老城区",
    "中心城区",
    "市区",
    "街区",
    "矿区",
    "部山区",
    "偏远山区",
    "贫困山区",
    "灾区",
    "牧区",
    "林区",
    "片区",
    "校区",
    "库区",
    "老区",
    "辖区",
    "地区",
    "湾区",
    "港区",
    "厂区",
    "学区",
    "功能区",
    "示范区",
    "保护区",
    "试验区",
    "实验区",
    "开发区",
    "合作区",
    "集聚区",
    "先行区",
    "自贸区",
    "保税区",
    "综保区",
    "城市",
    "都市",
    "县市",
    "区县",
    "市县",
    "贫困县",
    "脱贫县",
    "重点县",
    "示范县",
    "试点县",
    "先进县",
    "示范市",
    "试点市",
    "农业县",
    "边境县",
];

/// Characters that, right after a county suffix, show it was part of a longer word:
/// `区域`, `县域`, `市场`, `县级`, `区块`.
pub static NOT_COUNTY_FOLLOWERS: &str = "域块间别划位级场民容政值貌内外属际长直属";

/// Level words that stand for the region just named when a second issuer follows the first
/// (`四川省委办公厅、省政府办公厅`).
pub static LEVEL_WORDS: &[&str] = &["自治区", "自治州", "省", "市", "区", "县", "州"];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn counts_match_the_administrative_map() {
        let provincial = REGIONS.iter().filter(|r| r.level.is_provincial()).count();
        assert_eq!(provincial, 34);
        let prefectures = REGIONS.iter().filter(|r| r.level == Prefecture).count();
        assert_eq!(prefectures, 333);
    }

    #[test]
    fn forms_are_unique_and_provinces_exist() {
        let mut seen = HashSet::new();
        for region in REGIONS {
            for form in region.forms() {
                assert!(seen.insert(form), "{form} listed twice");
            }
            assert!(
                REGIONS
                    .iter()
                    .any(|p| p.name == region.province && p.level.is_provincial()),
                "{} belongs to unknown {}",
                region.name,
                region.province
            );
        }
    }
}
