//! Word lists the tagger uses as features and the gate uses as triggers.
//!
//! The lists are compact on purpose: they are hints for the learned model, not a
//! dictionary it depends on. They are also the vocabulary of the synthetic training
//! data (see [`crate::train::synthetic`]).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Common Chinese single-character surnames (the top few hundred by population).
pub(crate) const CN_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝葉陳張劉黃趙吳鄭謝許韓馮鄧蕭蔣羅楊孫馬蘇盧鍾譚陸閻賈龔嚴龍湯顏聶歐關蘭賴鄒錢亓阚訾笪禤郜蔺晁綦逯庹揭钮阎粟隗禹乜裘冉母宓靳郦冼邴佴厍仉甪乜鞠蒯栗矫眭糜昝郏闻訾郗暴钭蓟逄訾滑荀羊於惠甄麴家封芮羿储汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公";

/// Chinese compound surnames.
pub(crate) const CN_COMPOUND_SURNAMES: &[&str] = &[
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "万俟", "闻人",
];

/// Characters common in Chinese given names.
pub(crate) const CN_GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕鹏辉建国宁晨浩宇子轩梓涵欣怡雨萱博文一诺思彤嘉俊晓东海波小龙飞云志鑫斌峰晶丹婷慧佳倩颖琳琪雪梅兰凤春兵亮林彬凯毅健帅昊天翔瑞泽宏睿晗悦妍婉琦璐瑶蕾薇菲露蓉茜莉莎琴娇媛婕馨妮璇雯岚翠秋菊玥珊晴曦瑾瑜萌楠朵沫彤阳振豪俊哲铭坤鸿鹤德成荣福贵祥康庆永安泰立新春光耀宗炜煜昕旭皓然逸辰骏轩凡帆航锋锐宸铮鑫淼焱森楠松柏桐枫楷桦梁栋才杰钧锦川江河洪涛润清源渊澄浚勋豪毅恒达显宪宾彦艺璇琛瑄淑贞静娴雅蓓秀琼桂芝瑞霖晖剑锋宁海平亭婧羽琰雁蝶媚茹美丹彩霏莹嫣蕊薇雅倩嫦虹月春夏冬雷霆振家鸣凯峻钰晋阔吉胜男兆世为民思宝若碧素晗慧敬洁君斐潇玮珍琬芸菁芮萱蓓黛翠诗书韵柔婵娅姗娴晓冰卿蔚然杉桥崇炎烨嵘岩峥巍昆仑晟昭朗彪虎彬宸钦铎锴镇铭铮骁驰骞鹏鹰雄庭廷栋梓柯淳湘漫沛滢澜潼溪汐岚雯霞露霜瑶璟琳珂瑗瑶琨瑛曜葳偉華麗強軍傑濤艷鵬輝國寧曉東豪興誠靜穎嘉銘誌恆鴻慶榮貴祥剛嬌雲龍飛鳳蘭瑩棠颀屹槿翊舟祎芷笙暄珩昱珏钊熠煊彧弈奕璨珞沅苒芊蓁茗筠洵淇澈旻晞韫绮姝妤毓懿韬骅骐湛蔓";

/// Words that announce a name right after them (my name is …, recipient …).
pub(crate) const CN_NAME_BEFORE: &[&str] = &[
    "我叫",
    "我是",
    "名叫",
    "叫做",
    "姓名",
    "名字",
    "收件人",
    "收货人",
    "联系人",
    "寄件人",
    "签收人",
    "持卡人",
    "户名",
    "客户",
    "患者",
    "本人",
    "买家",
    "卖家",
    "顾客",
    "学生",
    "同学",
    "老公",
    "老婆",
    "致",
    "感谢",
    "谢谢",
    "恭喜",
    "欢迎",
    "艾特",
    "经办人",
    "负责人",
    "法人",
    "真实姓名",
    "记者",
    "作者",
    "主任",
    "导演",
    "经理",
    "教练",
    "主席",
    "总裁",
    "董事长",
    "行长",
    "部长",
    "市长",
    "局长",
    "院长",
    "教授",
    "专家",
    "律师",
    "医生",
    "编辑",
    "主编",
    "选手",
    "球员",
    "演员",
    "歌手",
    "主持人",
    "实习生",
    "通讯员",
    "分析师",
    "经济师",
    "工程师",
    "设计师",
    "研究员",
    "调解员",
    "摄影",
];

/// Words right after a name (honorifics and titles); the name excludes them.
pub(crate) const CN_NAME_AFTER: &[&str] = &[
    "先生", "女士", "小姐", "老师", "同学", "经理", "总", "医生", "大夫", "教授", "师傅", "阿姨",
    "叔叔", "老板", "律师", "主任", "校长", "警官", "哥", "姐", "说", "表示", "称", "的", "认为",
    "指出", "透露", "介绍", "强调", "坦言", "告诉", "主演", "执导", "饰演", "导演",
];

/// Two- and three-char words next to names in news and support text (a title before
/// the name, a speech verb after it); the gate opens a window around each.
pub(crate) const CN_NAME_TRIGGERS: &[&str] = &[
    "记者",
    "作者",
    "主任",
    "导演",
    "经理",
    "教练",
    "主席",
    "总裁",
    "董事长",
    "行长",
    "部长",
    "市长",
    "局长",
    "院长",
    "教授",
    "专家",
    "律师",
    "编辑",
    "主编",
    "选手",
    "球员",
    "演员",
    "歌手",
    "主持人",
    "实习生",
    "通讯员",
    "分析师",
    "经济师",
    "工程师",
    "设计师",
    "研究员",
    "调解员",
    "表示",
    "认为",
    "指出",
    "透露",
    "强调",
    "坦言",
    "主演",
    "执导",
    "饰演",
    "持卡人",
    "经办人",
    "乘机人",
    "乘车人",
    "开户人",
    "申请人",
    "负责人",
    "签收人",
    "取件人",
    "尊敬的",
    "观众",
    "顾客",
    "买家",
    "业主",
    "店长",
    "名字",
    "户名",
    "签收",
    "代收",
    "寄件人",
];

/// Common words that begin with a surname character but are not names (一张 王者
/// 高兴 黄金 周末 …), and live-commerce words a name never contains.
pub(crate) const CN_COMMON_WORDS: &[&str] = &[
    "一张",
    "两张",
    "几张",
    "张开",
    "紧张",
    "主张",
    "王者",
    "王牌",
    "霸王",
    "高兴",
    "高端",
    "高清",
    "高跟",
    "提高",
    "黄金",
    "黄色",
    "金色",
    "金额",
    "现金",
    "黄瓜",
    "周末",
    "周年",
    "周边",
    "一周",
    "本周",
    "马上",
    "马甲",
    "马克",
    "方便",
    "方法",
    "方式",
    "官方",
    "地方",
    "朱红",
    "林子",
    "树林",
    "江南",
    "江湖",
    "常温",
    "常规",
    "经常",
    "何时",
    "如何",
    "任何",
    "程序",
    "过程",
    "孙子",
    "白色",
    "白天",
    "明白",
    "明天",
    "明星",
    "明年",
    "文明",
    "文件",
    "安全",
    "安排",
    "成功",
    "成分",
    "完成",
    "时间",
    "时候",
    "及时",
    "万一",
    "于是",
    "关于",
    "向来",
    "方向",
    "和平",
    "杨梅",
    "梅花",
    "包邮",
    "包装",
    "包包",
    "钱包",
    "牛奶",
    "牛仔",
    "石榴",
    "田园",
    "海鲜",
    "夏天",
    "夏季",
    "温度",
    "施工",
    "齐全",
    "毛衣",
    "毛巾",
    "严重",
    "陶瓷",
    "贺卡",
    "顾客",
    "关注",
    "宁愿",
    "尚未",
    "符合",
    "纪念",
    "童装",
    "凌晨",
    "单价",
    "简单",
    "季节",
    "曲线",
    "路上",
    "游戏",
    "管理",
    "房间",
    "解决",
    "卫衣",
    "米色",
    "全部",
    "应该",
    "商品",
    "沙发",
    "余额",
    "叶子",
    "程度",
    "苏打",
    "龙虾",
    "史上",
    "车厘子",
    "雷同",
    "水果",
    "付款",
    "支付",
    "邮费",
    "运费",
    "费用",
    "蓝色",
    "蓝牙",
    "黎明",
    "康复",
    "易碎",
    "宫廷",
    "景点",
    "党员",
    "汤圆",
    "秦腔",
    "冷藏",
    "冷冻",
    "戴上",
    "古装",
    "古风",
    "吉他",
    "连衣裙",
    "范围",
    "邓紫棋",
    "上新",
    "上车",
    "上架",
    "福袋",
    "秒杀",
    "链接",
    "现货",
    "预售",
    "旗舰店",
    "专卖店",
    "官方店",
    "直播间",
    "小黄车",
    "到手价",
    "优惠券",
    "满减",
    "包装盒",
];

/// Live-commerce brands and shops that read like names (李宁 周大福 …) and words
/// that mark a product or a shop around them.
pub(crate) const CN_BRANDS: &[&str] = &[
    "李宁",
    "安踏",
    "王老吉",
    "周大福",
    "周生生",
    "老凤祥",
    "张小泉",
    "李锦记",
    "完美日记",
    "花西子",
    "百雀羚",
    "三只松鼠",
    "良品铺子",
    "波司登",
    "森马",
    "海澜之家",
    "美的",
    "格力",
    "海尔",
    "小米",
    "华为",
    "荣耀",
    "苹果",
    "三星",
    "欧莱雅",
    "兰蔻",
    "雅诗兰黛",
    "迪奥",
    "香奈儿",
    "海蓝之谜",
    "娇韵诗",
    "资生堂",
    "东方甄选",
    "蜜雪冰城",
    "喜茶",
    "瑞幸",
    "农夫山泉",
    "蒙牛",
    "伊利",
    "元气森林",
    "旗舰店",
    "专卖店",
    "官方店",
    "专营店",
    "直营店",
    "工作室",
    "双十一",
    "双11",
    "双十二",
    "年货节",
    "女王节",
    "品牌",
    "同款",
    "正品",
    "官方",
];

/// Nominal words that look like names but are not (hard negatives).
pub(crate) const CN_NOMINAL: &[&str] = &[
    "宝宝",
    "宝贝",
    "主播",
    "老师",
    "亲",
    "亲们",
    "姐妹",
    "家人们",
    "老铁",
    "小哥哥",
    "小姐姐",
    "老板",
    "客服",
    "掌柜",
    "朋友",
    "同学",
    "大家",
    "粉丝",
    "美女",
    "帅哥",
    "老公",
    "老婆",
];

/// Words that announce an address after them.
pub(crate) const CN_ADDR_BEFORE: &[&str] = &[
    "地址",
    "收货地址",
    "详细地址",
    "住址",
    "住在",
    "寄到",
    "送到",
    "发到",
    "家在",
    "位于",
    "住",
    "现居",
    "所在地",
    "寄往",
    "邮寄地址",
    "配送地址",
];

/// Provinces, province-level cities and regions (short forms).
pub(crate) const CN_PROVINCES: &[&str] = &[
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
];

/// Prefecture-level cities (short forms, without 市).
pub(crate) const CN_CITIES: &[&str] = &[
    "深圳",
    "广州",
    "杭州",
    "南京",
    "苏州",
    "成都",
    "武汉",
    "西安",
    "长沙",
    "郑州",
    "青岛",
    "济南",
    "厦门",
    "福州",
    "合肥",
    "宁波",
    "无锡",
    "东莞",
    "佛山",
    "沈阳",
    "大连",
    "哈尔滨",
    "长春",
    "石家庄",
    "太原",
    "南昌",
    "昆明",
    "贵阳",
    "南宁",
    "兰州",
    "海口",
    "三亚",
    "呼和浩特",
    "乌鲁木齐",
    "拉萨",
    "银川",
    "西宁",
    "珠海",
    "中山",
    "惠州",
    "汕头",
    "温州",
    "绍兴",
    "嘉兴",
    "金华",
    "台州",
    "湖州",
    "常州",
    "徐州",
    "南通",
    "扬州",
    "镇江",
    "盐城",
    "泰州",
    "连云港",
    "烟台",
    "潍坊",
    "临沂",
    "淄博",
    "威海",
    "洛阳",
    "开封",
    "宜昌",
    "襄阳",
    "株洲",
    "湘潭",
    "岳阳",
    "衡阳",
    "赣州",
    "九江",
    "泉州",
    "漳州",
    "莆田",
    "芜湖",
    "蚌埠",
    "唐山",
    "保定",
    "廊坊",
    "邯郸",
    "秦皇岛",
    "大同",
    "包头",
    "鄂尔多斯",
    "绵阳",
    "德阳",
    "宜宾",
    "泸州",
    "南充",
    "遵义",
    "桂林",
    "柳州",
    "北海",
    "江门",
    "湛江",
    "茂名",
    "肇庆",
    "清远",
    "揭阳",
    "潮州",
    "汕尾",
    "韶关",
    "梅州",
    "鞍山",
    "抚顺",
    "吉林",
    "大庆",
    "齐齐哈尔",
];

/// Common urban districts and counties (short forms, without 区/县).
pub(crate) const CN_DISTRICTS: &[&str] = &[
    "朝阳",
    "海淀",
    "东城",
    "西城",
    "丰台",
    "石景山",
    "通州",
    "顺义",
    "昌平",
    "大兴",
    "浦东",
    "浦东新",
    "徐汇",
    "静安",
    "黄浦",
    "长宁",
    "普陀",
    "闵行",
    "宝山",
    "嘉定",
    "松江",
    "青浦",
    "杨浦",
    "虹口",
    "南山",
    "福田",
    "罗湖",
    "宝安",
    "龙岗",
    "龙华",
    "盐田",
    "坪山",
    "光明",
    "天河",
    "越秀",
    "海珠",
    "白云",
    "番禺",
    "黄埔",
    "荔湾",
    "花都",
    "南沙",
    "武侯",
    "锦江",
    "青羊",
    "金牛",
    "成华",
    "高新",
    "双流",
    "郫都",
    "西湖",
    "拱墅",
    "上城",
    "滨江",
    "余杭",
    "萧山",
    "临平",
    "鼓楼",
    "玄武",
    "秦淮",
    "建邺",
    "江宁",
    "栖霞",
    "雨花台",
    "浦口",
    "洪山",
    "江汉",
    "武昌",
    "汉阳",
    "江岸",
    "硚口",
    "东西湖",
    "岳麓",
    "芙蓉",
    "天心",
    "开福",
    "雨花",
    "雁塔",
    "碑林",
    "新城",
    "莲湖",
    "未央",
    "灞桥",
    "长安",
    "历下",
    "市中",
    "槐荫",
    "天桥",
    "历城",
    "市南",
    "市北",
    "崂山",
    "李沧",
    "黄岛",
    "思明",
    "湖里",
    "集美",
    "海沧",
    "同安",
    "姑苏",
    "吴中",
    "相城",
    "吴江",
    "工业园",
    "和平",
    "河西",
    "南开",
    "河东",
    "渝中",
    "江北",
    "沙坪坝",
    "九龙坡",
    "南岸",
    "渝北",
    "巴南",
    "北碚",
    "金水",
    "二七",
    "中原",
    "惠济",
];

/// Single characters that end an administrative division (province … village).
pub(crate) const CN_ADMIN_SUFFIX: &str = "省市区县镇乡村旗州盟";

/// Single characters that end a street-level address component.
pub(crate) const CN_STREET_SUFFIX: &str = "路街道巷弄号栋幢楼室座层坊胡同里院";

/// Characters that end a named estate or building (小区 花园 大厦 广场 苑 …).
pub(crate) const CN_PLACE_SUFFIX: &str = "苑园厦场寓城庭府湾居舍墅坊阁轩";

/// Latin-script honorifics and titles; the name follows and excludes them.
pub(crate) const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "sir",
    "madam",
    "herr",
    "frau",
    "fräulein",
    "monsieur",
    "madame",
    "mademoiselle",
    "mme",
    "mlle",
    "m",
    "signor",
    "signora",
    "señor",
    "señora",
    "sra",
    "sr",
    "mister",
    "doktor",
];

/// Strong cues: a name or an address very likely follows (these are gate triggers).
pub(crate) const STRONG_CUES: &[&str] = &[
    "name",
    "named",
    "recipient",
    "attn",
    "called",
    "nom",
    "prénom",
    "prenom",
    "destinataire",
    "appelle",
    "empfänger",
    "empfaenger",
    "heiße",
    "heisse",
    "vorname",
    "nachname",
    "surname",
    "firstname",
    "lastname",
    "cardholder",
    "holder",
    "accountholder",
    "consignee",
    "receiver",
    "buyer",
    "customer",
    "debtor",
    "payee",
    "beneficiary",
    "passenger",
    "titulaire",
    "inhaber",
    "inhaberin",
    "cliente",
    "address",
    "addr",
    "adresse",
    "anschrift",
    "lieferadresse",
    "livraison",
    "shipping",
    "deliver",
    "delivery",
    "postcode",
    "zip",
    "plz",
];

/// Latin-script words announcing a name (name, recipient, I'm …).
pub(crate) const NAME_CONTEXT: &[&str] = &[
    "name",
    "named",
    "recipient",
    "attn",
    "attention",
    "contact",
    "customer",
    "buyer",
    "sender",
    "im",
    "i'm",
    "am",
    "is",
    "called",
    "from",
    "by",
    "cardholder",
    "holder",
    "signed",
    "regards",
    "cheers",
    "nom",
    "prénom",
    "prenom",
    "destinataire",
    "appelle",
    "suis",
    "empfänger",
    "heiße",
    "heisse",
    "bin",
    "kunde",
    "kundin",
    "vorname",
    "nachname",
    "surname",
    "firstname",
    "lastname",
    "c/o",
    "co",
    "to",
    "for",
    "with",
    "and",
    "ask",
    "tell",
    "call",
    "via",
    "dear",
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank",
    "merci",
    "danke",
    "hallo",
    "bonjour",
    "salut",
];

/// Latin-script street words (English, German, French).
pub(crate) const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "lane",
    "ln",
    "drive",
    "boulevard",
    "blvd",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "terrace",
    "crescent",
    "close",
    "square",
    "sq",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "circle",
    "cir",
    "row",
    "mews",
    "grove",
    "gardens",
    "hill",
    "walk",
    "straße",
    "strasse",
    "str",
    "weg",
    "platz",
    "allee",
    "gasse",
    "ring",
    "damm",
    "ufer",
    "chaussee",
    "rue",
    "bd",
    "boulevard",
    "chemin",
    "allée",
    "allee",
    "impasse",
    "quai",
    "cours",
    "route",
    "apt",
    "apartment",
    "suite",
    "unit",
    "flat",
    "floor",
    "fl",
    "po",
    "box",
    "wohnung",
    "etage",
    "stock",
    "bâtiment",
    "batiment",
    "appartement",
    "résidence",
    "residence",
    "lieu-dit",
    "cedex",
    "calle",
    "avenida",
    "paseo",
    "plaza",
    "carrer",
    "rua",
    "via",
    "viale",
    "piazza",
    "corso",
    "piso",
];

/// Endings of one-word Latin street names (`Lindenstraße`, `Am Mühlweg`,
/// `Bahnhofplatz`): used by the features and by the gate.
pub(crate) const LATIN_STREET_SUFFIXES: &[&str] = &[
    "straße", "strasse", "str", "weg", "platz", "allee", "gasse", "damm", "ring", "ufer", "steig",
    "chaussee",
];

/// Does the (capitalized) word end in a street suffix with at least three chars
/// before it?
pub(crate) fn has_street_suffix(word: &[char]) -> bool {
    LATIN_STREET_SUFFIXES.iter().any(|s| {
        let l = s.chars().count();
        word.len() > l + 2
            && word[word.len() - l..]
                .iter()
                .zip(s.chars())
                .all(|(&a, b)| lower(a) == b)
    })
}

/// Latin-script words that announce an address.
pub(crate) const ADDRESS_CONTEXT: &[&str] = &[
    "address",
    "addr",
    "ship",
    "shipping",
    "deliver",
    "delivery",
    "send",
    "live",
    "lives",
    "living",
    "located",
    "at",
    "adresse",
    "lieferadresse",
    "anschrift",
    "wohne",
    "wohnt",
    "livraison",
    "habite",
    "domicile",
    "billing",
    "mailing",
    "postal",
    "zip",
    "postcode",
    "plz",
    "cp",
];

/// Western first names (English, German, French, other origins, and pinyin given names).
pub(crate) const FIRST_NAMES: &str = "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell vincent philip bobby johnny bradley oliver harry jake charlie liam lucas mason leo oscar archie freddie alfie theo max felix lukas leon finn paul jonas elias luis ben moritz niklas tim jan fabian simon tobias julian florian sebastian stefan andreas markus thomas jürgen klaus wolfgang uwe dieter günter hans karl heinz horst frank ralf jean pierre louis hugo gabriel arthur jules adam raphaël raphael léo lucas nathan enzo mathis théo antoine nicolas julien guillaume maxime alexandre baptiste clément françois philippe michel alain patrick christophe olivier laurent mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori amelia isla ava mia ella lily sophie chloe grace freya poppy evie ruby daisy florence lea leonie lena hanna emilia mila clara lina ida greta frieda johanna marie sophie laura lisa julia katharina sabine petra ursula monika claudia susanne andrea birgit anja manon camille chloé chloe inès ines jade louise léa alice juliette zoé zoe lina rose anaïs anais mathilde élise elise amélie amelie céline celine nathalie isabelle sylvie sandrine valérie valerie stéphanie aurélie giulia francesca chiara alessandro lorenzo matteo marco giuseppe luca sofia lucia carmen pablo javier diego carlos miguel sergio ahmed mohammed fatima omar ali yusuf aisha hiroshi yuki kenji sakura min seo ji hyun wei xiaoming xiaohong jing lei fang ming hui yan ling yu hao jun jie tao bo ping qiang yong xin yi na li lin mei ying";

/// Western surnames (English, German, French, other origins, and pinyin surnames).
pub(crate) const SURNAMES: &str = "smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace west cole hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez mcdonald woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver ryan gardner payne grant dunn kelley spencer hawkins arnold pierce hansen peters santos hart bradley knight elliott cunningham duncan armstrong hudson carroll lane riley andrews ray berry perkins hoffman johnston matthews pena richards willis carpenter lawrence sandoval müller mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann schäfer schaefer koch bauer richter klein wolf schröder schroeder neumann schwarz zimmermann braun krüger krueger hofmann hartmann lange schmitt werner schmitz krause meier lehmann schmid schulze maier köhler koehler herrmann könig koenig walter mayer huber kaiser fuchs peters lang scholz möller moeller weiß weiss jung hahn schubert vogel friedrich keller günther guenther frank berger winkler roth beck lorenz baumann franke albrecht schuster simon ludwig böhm boehm winter kraus martin bernard dubois thomas robert richard petit durand leroy moreau simon laurent lefebvre michel garcia david bertrand roux vincent fournier morel girard andré andre lefèvre lefevre mercier dupont lambert bonnet françois francois martinez legrand garnier faure rousseau blanc guerin guérin muller henry roussel nicolas perrin morin mathieu clement clément gauthier dumont lopez fontaine chevalier robin rossi russo ferrari esposito bianchi romano colombo ricci marino greco bruno gallo conti costa fernández gonzález rodríguez sánchez pérez martín gómez ruiz díaz moreno álvarez jiménez nakamura tanaka suzuki takahashi watanabe yamamoto sato kobayashi park choi jung kang cho yoon jang lim han oh wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao lu jiang cui zhong tan wong chan leung cheung lau ho ng tsang kwok lam chow yip";

/// Cities used as address tails and as "a bare city is not an address" negatives.
pub(crate) const WESTERN_CITIES: &[&str] = &[
    "london",
    "manchester",
    "birmingham",
    "leeds",
    "glasgow",
    "edinburgh",
    "liverpool",
    "bristol",
    "new york",
    "los angeles",
    "chicago",
    "houston",
    "phoenix",
    "philadelphia",
    "san francisco",
    "seattle",
    "boston",
    "denver",
    "austin",
    "miami",
    "atlanta",
    "portland",
    "toronto",
    "vancouver",
    "sydney",
    "melbourne",
    "berlin",
    "hamburg",
    "münchen",
    "munich",
    "köln",
    "cologne",
    "frankfurt",
    "stuttgart",
    "düsseldorf",
    "leipzig",
    "dresden",
    "hannover",
    "nürnberg",
    "bremen",
    "wien",
    "zürich",
    "zurich",
    "genève",
    "geneva",
    "paris",
    "lyon",
    "marseille",
    "toulouse",
    "nice",
    "nantes",
    "strasbourg",
    "bordeaux",
    "lille",
    "rennes",
    "montpellier",
    "bruxelles",
    "brussels",
    "amsterdam",
    "dublin",
    "madrid",
    "barcelona",
    "rome",
    "milan",
    "singapore",
    "kuala lumpur",
];

/// Latin-script product lines, models, brands (many read like names: Lauder, Ford,
/// Jordan), promotions and shop words. A feature, not a filter: "Max Weber" is still
/// a name, "Pro Max" is not.
pub(crate) const PRODUCT_WORDS: &str = "iphone ipad ipod imac macbook airpods airpod pro max ultra plus mini lite air jordan jordans retro watch series galaxy note redmi mate nova pura pixel xiaomi huawei samsung apple oneplus oppo vivo honor realme nothing sony playstation ps5 xbox switch nintendo kindle surface dyson airwrap supersonic gopro canon nikon fujifilm lego nike adidas puma reebok asics vans converse skechers crocs ugg birkenstock timberland yeezy dunk dunks boost zoom pegasus gucci prada chanel dior sauvage hermes hermès lv vuitton louis fendi celine céline loewe balenciaga givenchy valentino versace armani burberry moncler cartier tiffany rolex omega swatch casio seiko lancome lancôme lauder estee estée sk-ii skii sk ii mer clinique shiseido kiehl's kiehls nars mac maybelline loreal l'oréal l'oreal olay nivea cerave glossier fenty tilbury benefit sephora rare beauty huda ysl laurent saint tom ford ralph lauren calvin klein michael kors marc jacobs kate spade jimmy choo louboutin jo malone hugo boss paul smith zara uniqlo shein lululemon patagonia supreme levi's levis diesel lacoste tommy hilfiger hello kitty disney marvel barbie pokemon pokémon starbucks mcdonald's coca cola pepsi red bull tesla model bmw mercedes benz audi porsche edition collection limited gen generation version edt edp parfum eau toilette serum cream cushion lipstick foundation sneaker sneakers hoodie 5g 4g lte wifi bluetooth nfc gb tb ml oz mm cm kg";

/// Capitalized words that are never names in this traffic: months, weekdays,
/// holidays, promotions and shop-talk words (English, German, French).
pub(crate) const NON_NAME_WORDS: &str = "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz maerz juni juli oktober dezember janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche black cyber prime day days double singles christmas xmas halloween easter valentine valentine's thanksgiving boxing weihnachten ostern noël noel pâques soldes sale sales deal deals flash live stream livestream shop store official flagship outlet haul unboxing review giveaway coupon voucher code bundle gift set new hot free buy get off discount angebot rabatt gutschein versandkostenfrei promo offre gratuit nouveau nouvelle neu streamer host seller admin mod moderator bot team support service kundenservice iban bic swift paypal visa mastercard amex ip pan cvv pin otp sms email mail account konto compte android ios windows linux app chat spam link size sie ihr ihre ihnen wir bitte betrag summe nächster naechster neue neuer neues login warnung achtung hinweis bestellung lieferung sendung schweizer deutsche kunden gewinnspiel gewinner gewonnen hier antworten nicht danke vielen grüße grüßen gruß spedire envío envio pedido commande livraison remboursement virement expédition expedition gagnante gagnant nouveau drop uhr code label pickup ship order store boutique office warehouse team";

/// Feature / trigger flags of one character.
pub(crate) mod flag {
    /// Chinese single surname character.
    pub(crate) const SURNAME: u32 = 1 << 0;
    /// Common Chinese given-name character.
    pub(crate) const GIVEN: u32 = 1 << 1;
    /// Administrative suffix (省市区县…).
    pub(crate) const ADMIN_SUFFIX: u32 = 1 << 2;
    /// Street-level suffix (路街号栋…).
    pub(crate) const STREET_SUFFIX: u32 = 1 << 3;
    /// Estate/building suffix (苑园厦…).
    pub(crate) const PLACE_SUFFIX: u32 = 1 << 4;
    /// Inside a compound surname.
    pub(crate) const COMPOUND_SURNAME: u32 = 1 << 5;
    /// Inside a province / city / district name.
    pub(crate) const ADMIN_NAME: u32 = 1 << 6;
    /// First char of an admin name.
    pub(crate) const ADMIN_BEGIN: u32 = 1 << 7;
    /// Char right after a name-announcing word.
    pub(crate) const AFTER_NAME_CTX: u32 = 1 << 8;
    /// Char right before an honorific / title word.
    pub(crate) const BEFORE_HONORIFIC: u32 = 1 << 9;
    /// Inside a nominal (non-name) word.
    pub(crate) const NOMINAL: u32 = 1 << 10;
    /// Char right after an address-announcing word (within two chars).
    pub(crate) const AFTER_ADDR_CTX: u32 = 1 << 11;
    /// Inside a name/address context word itself.
    pub(crate) const IN_CONTEXT: u32 = 1 << 12;
    /// Latin word is a known first name.
    pub(crate) const FIRST_NAME: u32 = 1 << 13;
    /// Latin word is a known surname.
    pub(crate) const LAST_NAME: u32 = 1 << 14;
    /// Latin word is a street word.
    pub(crate) const STREET_WORD: u32 = 1 << 15;
    /// Latin word is an honorific.
    pub(crate) const HONORIFIC: u32 = 1 << 16;
    /// Latin word is a name-context word.
    pub(crate) const NAME_CONTEXT: u32 = 1 << 17;
    /// Latin word is an address-context word.
    pub(crate) const ADDR_CONTEXT: u32 = 1 << 18;
    /// Latin word is a known city.
    pub(crate) const CITY: u32 = 1 << 19;
    /// Latin word follows an honorific.
    pub(crate) const AFTER_HONORIFIC: u32 = 1 << 20;
    /// Latin word has a street-word suffix (…straße, …weg).
    pub(crate) const STREET_SUFFIX_WORD: u32 = 1 << 21;
    /// Word looks like a postcode (5 digits, UK outward/inward code).
    pub(crate) const POSTCODE: u32 = 1 << 22;
    /// Latin word is capitalized.
    pub(crate) const CAPITALIZED: u32 = 1 << 23;
    /// Latin word is a strong name/address cue.
    pub(crate) const STRONG_CUE: u32 = 1 << 24;
    /// Product line, model, brand or shop word (Latin or CJK).
    pub(crate) const PRODUCT: u32 = 1 << 25;
    /// Latin word that is never a name here (month, weekday, promotion, shop talk).
    pub(crate) const NON_NAME: u32 = 1 << 26;
    /// Inside a common CJK word that begins with a surname char (一张 王者 高兴 …).
    pub(crate) const COMMON_WORD: u32 = 1 << 27;
    /// CJK char that ends a gate trigger word (记者 表示 …); set in the table only.
    pub(crate) const TRIGGER_END: u32 = 1 << 28;
}

/// First code point of the CJK table.
pub(crate) const CJK_BASE: u32 = 0x4E00;
/// One past the last code point of the CJK table.
pub(crate) const CJK_END: u32 = 0xA000;

/// Identity hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Hash map keyed by precomputed 64-bit hashes.
pub(crate) type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// Multi-char CJK gazetteer entry kinds.
pub(crate) mod multi {
    /// Compound surname.
    pub(crate) const COMPOUND_SURNAME: u8 = 1;
    /// Admin division.
    pub(crate) const ADMIN: u8 = 2;
    /// Name-before context.
    pub(crate) const NAME_BEFORE: u8 = 4;
    /// Name-after context.
    pub(crate) const NAME_AFTER: u8 = 8;
    /// Nominal.
    pub(crate) const NOMINAL: u8 = 16;
    /// Address-before context.
    pub(crate) const ADDR_BEFORE: u8 = 32;
    /// Brand, shop or product word.
    pub(crate) const PRODUCT: u8 = 64;
    /// Common non-name word.
    pub(crate) const COMMON_WORD: u8 = 128;
}

/// Built lookup tables.
pub(crate) struct Tables {
    /// Per CJK char: flags (single-char lists) plus bit 31 if it begins a multi-char entry.
    pub(crate) cjk: Vec<u32>,
    /// Maximum multi-char entry length starting with this CJK char (0 = none).
    pub(crate) cjk_max_len: Vec<u8>,
    /// Multi-char entries by char-sequence hash → kinds.
    pub(crate) multi: HashKeyed<u8>,
    /// Latin words by lowercase hash → flags.
    pub(crate) words: HashKeyed<u32>,
    /// Gate trigger words ([`CN_NAME_TRIGGERS`]) by char-sequence hash.
    pub(crate) triggers: HashKeyed<()>,
}

/// Flag bit set in [`Tables::cjk`] when a char begins a multi-char entry.
pub(crate) const MULTI_START: u32 = 1 << 31;

/// Hash of a sequence of chars (used for multi-char CJK entries and lowercase words).
#[inline]
pub(crate) fn seq_hash_step(h: u64, c: char) -> u64 {
    (h.rotate_left(7) ^ u64::from(u32::from(c))).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Seed for [`seq_hash_step`].
pub(crate) const SEQ_SEED: u64 = 0x243F_6A88_85A3_08D3;

/// Lowercases one char cheaply (ASCII fast path).
#[inline]
pub(crate) fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if u32::from(c) >= 0x2E80 {
        // CJK and later blocks have no case (full-width letters are folded before).
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Hash of a lowercase string.
pub(crate) fn str_hash(s: &str) -> u64 {
    s.chars().map(lower).fold(SEQ_SEED, seq_hash_step)
}

fn cjk_index(c: char) -> Option<usize> {
    let u = u32::from(c);
    if (CJK_BASE..CJK_END).contains(&u) {
        Some((u - CJK_BASE) as usize)
    } else {
        None
    }
}

impl Tables {
    fn build() -> Tables {
        let n = (CJK_END - CJK_BASE) as usize;
        let mut cjk = vec![0u32; n];
        let mut cjk_max_len = vec![0u8; n];
        let set = |chars: &str, f: u32, cjk: &mut Vec<u32>| {
            for c in chars.chars() {
                if let Some(i) = cjk_index(c) {
                    cjk[i] |= f;
                }
            }
        };
        set(CN_SURNAMES, flag::SURNAME, &mut cjk);
        set(CN_GIVEN, flag::GIVEN, &mut cjk);
        set(CN_ADMIN_SUFFIX, flag::ADMIN_SUFFIX, &mut cjk);
        set(CN_STREET_SUFFIX, flag::STREET_SUFFIX, &mut cjk);
        set(CN_PLACE_SUFFIX, flag::PLACE_SUFFIX, &mut cjk);

        let mut multi: HashKeyed<u8> = HashKeyed::default();
        let mut add = |list: &[&str], kind: u8| {
            for w in list {
                let h = str_hash(w);
                *multi.entry(h).or_insert(0) |= kind;
                let len = w.chars().count();
                if let Some(first) = w.chars().next() {
                    if let Some(i) = cjk_index(first) {
                        cjk[i] |= MULTI_START;
                        let l = u8::try_from(len).unwrap_or(u8::MAX);
                        if cjk_max_len[i] < l {
                            cjk_max_len[i] = l;
                        }
                    }
                }
            }
        };
        add(CN_COMPOUND_SURNAMES, multi::COMPOUND_SURNAME);
        add(CN_PROVINCES, multi::ADMIN);
        add(CN_CITIES, multi::ADMIN);
        add(CN_DISTRICTS, multi::ADMIN);
        add(CN_NAME_BEFORE, multi::NAME_BEFORE);
        add(CN_NAME_AFTER, multi::NAME_AFTER);
        add(CN_NOMINAL, multi::NOMINAL);
        add(CN_ADDR_BEFORE, multi::ADDR_BEFORE);
        add(CN_BRANDS, multi::PRODUCT);
        add(CN_COMMON_WORDS, multi::COMMON_WORD);

        let mut triggers: HashKeyed<()> = HashKeyed::default();
        for w in CN_NAME_TRIGGERS {
            triggers.insert(str_hash(w), ());
            if let Some(i) = w.chars().last().and_then(cjk_index) {
                cjk[i] |= flag::TRIGGER_END;
            }
        }

        let mut words: HashKeyed<u32> = HashKeyed::default();
        let mut addw = |it: &mut dyn Iterator<Item = &str>, f: u32| {
            for w in it {
                *words.entry(str_hash(w)).or_insert(0) |= f;
            }
        };
        addw(&mut FIRST_NAMES.split_whitespace(), flag::FIRST_NAME);
        addw(&mut SURNAMES.split_whitespace(), flag::LAST_NAME);
        addw(&mut STREET_WORDS.iter().copied(), flag::STREET_WORD);
        addw(&mut HONORIFICS.iter().copied(), flag::HONORIFIC);
        addw(&mut NAME_CONTEXT.iter().copied(), flag::NAME_CONTEXT);
        addw(&mut ADDRESS_CONTEXT.iter().copied(), flag::ADDR_CONTEXT);
        addw(&mut STRONG_CUES.iter().copied(), flag::STRONG_CUE);
        addw(
            &mut WESTERN_CITIES.iter().flat_map(|c| c.split_whitespace()),
            flag::CITY,
        );
        addw(&mut PRODUCT_WORDS.split_whitespace(), flag::PRODUCT);
        addw(&mut NON_NAME_WORDS.split_whitespace(), flag::NON_NAME);
        Tables {
            cjk,
            cjk_max_len,
            multi,
            words,
            triggers,
        }
    }

    /// Flags of a CJK char (0 for other chars).
    #[inline]
    pub(crate) fn cjk_flags(&self, c: char) -> u32 {
        match cjk_index(c) {
            Some(i) => self.cjk[i],
            None => 0,
        }
    }

    /// Longest multi-char entry starting with `c`.
    #[inline]
    pub(crate) fn cjk_max(&self, c: char) -> usize {
        match cjk_index(c) {
            Some(i) => usize::from(self.cjk_max_len[i]),
            None => 0,
        }
    }
}

/// The shared tables (built once).
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(Tables::build)
}

/// Is `c` a CJK ideograph (basic block or extension A)?
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Is `c` part of a Latin-script (or digit) word?
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        u32::from(c) < 0x2E80 && c.is_alphanumeric()
    }
}
