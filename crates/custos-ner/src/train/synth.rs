//! Synthetic training data: names and addresses in chat lines, order forms and
//! support messages, in Chinese, English, German and French, plus hard negatives.
//!
//! Templates are only scaffolding: slots, separators, casing, spacing and the
//! surrounding chatter are all randomized so that the model learns the features of
//! names and addresses rather than the templates.

use super::{Example, Rng};
use crate::gazetteer::{
    CN_CITIES, CN_COMPOUND_SURNAMES, CN_DISTRICTS, CN_GIVEN, CN_PROVINCES, CN_SURNAMES,
    FIRST_NAMES, SURNAMES,
};
use crate::SpanKind;

mod cues;
mod regions;
mod wide;

struct Builder {
    text: String,
    len: usize,
    spans: Vec<(SpanKind, usize, usize)>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            text: String::new(),
            len: 0,
            spans: Vec::new(),
        }
    }
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.len += s.chars().count();
    }
    fn span(&mut self, kind: SpanKind, s: &str) {
        let start = self.len;
        self.push(s);
        if self.len > start {
            self.spans.push((kind, start, self.len));
        }
    }
    fn finish(self) -> Example {
        Example {
            text: self.text,
            spans: self.spans,
        }
    }
}

/// A template piece.
enum P {
    T(&'static str),
    Name,
    Addr,
    Phone,
    Chat,
}

fn skewed(rng: &mut Rng, n: usize) -> usize {
    // Favour the front of frequency-ordered lists.
    let a = rng.below(n);
    let b = rng.below(n);
    a.min(b)
}

fn cn_name(rng: &mut Rng) -> String {
    if rng.chance(0.03) {
        return rng
            .pick_str(&[
                "卓玛",
                "扎西顿珠",
                "买买提·艾力",
                "阿依古丽",
                "次仁",
                "格桑梅朵",
                "热依拉",
                "努尔兰",
            ])
            .to_string();
    }
    let surnames: Vec<char> = CN_SURNAMES.chars().collect();
    let given: Vec<char> = CN_GIVEN.chars().collect();
    let mut s = String::new();
    if rng.chance(0.04) {
        s.push_str(rng.pick_str(CN_COMPOUND_SURNAMES));
    } else if rng.chance(0.9) {
        s.push(surnames[skewed(rng, surnames.len())]);
    } else {
        // A surname outside the list: any common char.
        s.push(*rng.pick(&['亓', '阚', '訾', '笪', '禤', '郜', '芮', '蔺', '晁', '綦']));
    }
    let k = if rng.chance(0.35) { 1 } else { 2 };
    for _ in 0..k {
        if rng.chance(0.85) {
            s.push(given[rng.below(given.len())]);
        } else {
            s.push(*rng.pick(&[
                '之', '若', '言', '知', '行', '守', '仁', '语', '默', '初', '远',
            ]));
        }
    }
    s
}

const ROADS: &[&str] = &[
    "中山",
    "人民",
    "解放",
    "建设",
    "胜利",
    "和平",
    "新华",
    "文化",
    "长江",
    "黄河",
    "科技园南",
    "学府",
    "幸福",
    "光明",
    "东风",
    "延安",
    "淮海中",
    "南京西",
    "北京东",
    "深南",
    "滨海",
    "迎宾",
    "青年",
    "工业",
    "金融",
    "世纪",
    "春风",
    "环城北",
    "建国",
    "复兴",
    "朝阳北",
    "天府",
    "高新",
    "科苑",
    "创业",
    "振兴",
    "友谊",
    "团结",
    "红旗",
    "站前",
    "府前",
    "育才",
    "花园",
    "桃源",
    "银河",
    "望京",
    "西湖",
    "湖滨",
    "江滨",
    "体育西",
    "天河北",
    "五一",
    "八一",
    "劳动",
    "东门",
    "龙华",
];
const ROAD_SUFFIX: &[&str] = &[
    "路", "路", "路", "街", "大道", "大街", "道", "巷", "东路", "西路", "南路", "北路", "中路",
];
const ESTATES: &[&str] = &[
    "阳光", "碧桂", "万科", "金地", "绿城", "保利", "恒大", "中海", "华润", "龙湖", "世纪", "翠苑",
    "锦绣", "东方", "幸福", "丽景", "紫荆", "海岸", "星河", "天一", "凤凰", "名都", "御景", "金色",
];
const ESTATE_SUFFIX: &[&str] = &[
    "小区", "花园", "大厦", "广场", "苑", "公寓", "家园", "新村", "华庭", "名苑", "城", "中心",
    "府",
];

fn digits(rng: &mut Rng, lo: usize, hi: usize) -> String {
    (lo + rng.below(hi - lo + 1)).to_string()
}

fn cn_address(rng: &mut Rng) -> String {
    let mut s = String::new();
    let sep = |rng: &mut Rng, s: &mut String| {
        if rng.chance(0.06) {
            s.push(' ');
        }
    };
    let style = rng.below(10);
    if style == 0 {
        // Rural: 省 县 镇 村 组 号.
        let p = rng.pick(CN_PROVINCES);
        s.push_str(p);
        s.push('省');
        s.push_str(rng.pick_str(CN_DISTRICTS));
        s.push('县');
        s.push_str(rng.pick_str(ESTATES));
        s.push('镇');
        s.push_str(rng.pick_str(ROADS));
        s.push('村');
        if rng.chance(0.6) {
            s.push_str(&digits(rng, 1, 12));
            s.push('组');
        }
        s.push_str(&digits(rng, 1, 99));
        s.push('号');
        return s;
    }
    let mut has_city = false;
    if rng.chance(0.35) {
        let p = rng.pick(CN_PROVINCES);
        s.push_str(p);
        match *p {
            "北京" | "上海" | "天津" | "重庆" => {
                s.push('市');
                has_city = true;
            }
            "广西" | "西藏" | "宁夏" | "新疆" | "内蒙古" => {
                s.push_str(if rng.chance(0.5) { "自治区" } else { "" })
            }
            "香港" | "澳门" => {}
            _ => {
                if rng.chance(0.8) {
                    s.push('省');
                }
            }
        }
        sep(rng, &mut s);
    }
    if !has_city && rng.chance(0.7) {
        s.push_str(rng.pick_str(CN_CITIES));
        if rng.chance(0.85) {
            s.push('市');
        }
        sep(rng, &mut s);
    }
    if rng.chance(0.65) {
        s.push_str(rng.pick_str(CN_DISTRICTS));
        s.push_str(if rng.chance(0.85) { "区" } else { "县" });
        sep(rng, &mut s);
    }
    if rng.chance(0.12) {
        s.push_str(rng.pick_str(ROADS));
        s.push_str(if rng.chance(0.5) { "街道" } else { "镇" });
    }
    let only_estate = rng.chance(0.12);
    if !only_estate {
        s.push_str(rng.pick_str(ROADS));
        s.push_str(rng.pick_str(ROAD_SUFFIX));
        if rng.chance(0.9) {
            s.push_str(&digits(rng, 1, 999));
            if rng.chance(0.1) {
                s.push('弄');
                s.push_str(&digits(rng, 1, 60));
            }
            s.push('号');
        }
        sep(rng, &mut s);
    }
    if only_estate || rng.chance(0.4) {
        s.push_str(rng.pick_str(ESTATES));
        s.push_str(rng.pick_str(ESTATE_SUFFIX));
        if rng.chance(0.3) {
            s.push_str(rng.pick_str(&["一期", "二期", "三期", "A区", "B区", "东区"]));
        }
    }
    if rng.chance(0.55) {
        if rng.chance(0.7) {
            s.push_str(&digits(rng, 1, 36));
        } else {
            s.push(*rng.pick(&['A', 'B', 'C', 'D', 'E']));
        }
        s.push_str(rng.pick_str(&["栋", "幢", "号楼", "座", "栋"]));
        if rng.chance(0.35) {
            s.push_str(&digits(rng, 1, 6));
            s.push_str("单元");
        }
    }
    if rng.chance(0.55) {
        let floor = 1 + rng.below(32);
        let room = format!("{}{:02}", floor, 1 + rng.below(12));
        s.push_str(&room);
        if rng.chance(0.75) {
            s.push('室');
        }
    }
    s
}

fn phone(rng: &mut Rng) -> String {
    let mut s = String::from(*rng.pick(&["138", "139", "150", "186", "177", "133", "199"]));
    for _ in 0..8 {
        s.push(char::from(b'0' + rng.below(10) as u8));
    }
    if rng.chance(0.2) {
        s.insert(7, ' ');
        s.insert(3, ' ');
    }
    s
}

const CN_CHAT: &[&str] = &[
    "",
    "",
    "",
    "主播",
    "宝宝们",
    "亲",
    "哈哈哈",
    "666",
    "!!",
    "~",
    "谢谢",
    "请问",
    "在吗",
    "好的",
    "麻烦了",
    "急!",
    "加油",
    "冲冲冲",
    "已拍",
    "拍了",
    "求回复",
    "赶紧发货",
    "[爱心]",
    "哈喽",
];

fn cn_chat(rng: &mut Rng) -> &'static str {
    rng.pick_str(CN_CHAT)
}

const CN_NAME_TEMPLATES: &[&[P]] = &[
    &[P::Chat, P::T("我叫"), P::Name],
    &[P::T("我是"), P::Name, P::T(","), P::Chat],
    &[
        P::T("收件人:"),
        P::Name,
        P::T(" 电话:"),
        P::Phone,
        P::T(" 地址:"),
        P::Addr,
    ],
    &[
        P::T("收货人:"),
        P::Name,
        P::T(","),
        P::Phone,
        P::T(","),
        P::Addr,
    ],
    &[P::Name, P::T(" "), P::Phone, P::T(" "), P::Addr],
    &[P::Name, P::T(","), P::Phone, P::T(","), P::Addr, P::Chat],
    &[P::T("姓名:"), P::Name, P::T(" 手机:"), P::Phone],
    &[P::T("联系人:"), P::Name, P::T(";联系电话:"), P::Phone],
    &[P::Name, P::T("先生"), P::Chat],
    &[P::Name, P::T("女士您好,您的订单已发货")],
    &[P::T("谢谢"), P::Name, P::T("送的小心心"), P::Chat],
    &[P::T("感谢"), P::Name, P::T("的打赏!")],
    &[P::Name, P::T("你好,"), P::Chat],
    &[P::T("@"), P::Name, P::T(" "), P::Chat],
    &[P::T("欢迎"), P::Name, P::T("进入直播间")],
    &[P::Chat, P::Name, P::T("在吗?")],
    &[P::T("帮我改下收件人,改成"), P::Name],
    &[P::T("我妈妈叫"), P::Name, P::T(",帮她下一单")],
    &[P::T("客服你好,我是"), P::Name, P::T(",订单还没收到")],
    &[P::Name, P::T("老师讲得真好")],
    &[P::T("恭喜"), P::Name, P::T("中奖!请联系客服")],
    &[P::T("寄件人"), P::Name, P::T(" 收件人"), P::Name],
    &[P::Name, P::T("和"), P::Name, P::T("一起来看直播")],
    &[P::T("昨天"), P::Name, P::T("说这个色号很好看")],
    &[
        P::T("地址:"),
        P::Addr,
        P::T(" 收件人:"),
        P::Name,
        P::T(" "),
        P::Phone,
    ],
    &[P::T("寄到"), P::Addr, P::Chat],
    &[P::T("我家在"), P::Addr, P::T(",能发顺丰吗")],
    &[P::T("收货地址:"), P::Addr],
    &[P::T("地址是"), P::Addr, P::T("呀"), P::Chat],
    &[P::T("发货到"), P::Addr, P::T(","), P::Name, P::T("收")],
    &[P::T("改地址:"), P::Addr, P::T(",谢谢")],
    &[P::Chat, P::T("送到"), P::Addr, P::T("就行")],
    &[P::T("我住"), P::Addr, P::T(",附近有门店吗")],
    &[P::Addr, P::T(" "), P::Name, P::T(" "), P::Phone],
    &[P::T("麻烦寄"), P::Addr, P::T(" "), P::Name],
    &[P::T("详细地址:"), P::Addr, P::T("(请放快递柜)")],
    &[P::T("公司在"), P::Addr, P::T(",工作日送")],
    &[P::Addr],
    &[P::T("退款打我卡上 6259-6512-1240-8558 户名"), P::Name],
    &[P::T("银联卡号 6222620086345029766 持卡人 "), P::Name],
    &[
        P::T("【客服工单】用户"),
        P::Name,
        P::T("反馈:收货地址"),
        P::Addr,
        P::T("写错了"),
    ],
    &[
        P::T("跨境订单报关:订购人"),
        P::Name,
        P::T(",电话"),
        P::Phone,
        P::T(",地址"),
        P::Addr,
    ],
    &[P::T("给我妈"), P::Name, P::T("买的,寄到"), P::Addr],
    &[P::T("帮我爸"), P::Name, P::T("也实名一下")],
    &[P::T("旗舰店客服"), P::Name, P::T("为您服务~")],
    &[P::T("【实名信息】"), P::Name, P::T(" | "), P::Phone],
    &[
        P::T("请核对您的收货信息:"),
        P::Name,
        P::T(","),
        P::Phone,
        P::T(","),
        P::Addr,
        P::T("。确认无误请回复1"),
    ],
    &[P::T("中奖的"), P::Name, P::T("在这")],
    &[
        P::T("快递员把我的件放在了"),
        P::Addr,
        P::T("门口,我根本不住那"),
    ],
    &[
        P::T("发货单\n收:"),
        P::Name,
        P::T("\nTEL:"),
        P::Phone,
        P::T("\n"),
        P::Addr,
    ],
    &[
        P::T("收件人"),
        P::Name,
        P::T("\n"),
        P::Addr,
        P::T("\n"),
        P::Phone,
    ],
    &[P::T("二次实名:"), P::Name, P::T(",证件号请勿外传")],
    &[
        P::T("我叫"),
        P::Name,
        P::T(",手机"),
        P::Phone,
        P::T(",地址"),
        P::Addr,
    ],
];

const CN_NEGATIVES: &[&str] = &[
    "这个多少钱",
    "主播好漂亮啊",
    "宝宝们晚上好",
    "老师讲得好",
    "亲,几号发货",
    "3号链接还有吗",
    "北京的朋友举个手",
    "我在深圳",
    "上海市今天下雨了",
    "什么时候发货",
    "这款口红色号是多少",
    "1号链接拍了",
    "李宁的鞋子好穿吗",
    "王老吉来一箱",
    "周大福的金子是真的吗",
    "张小泉的剪刀",
    "李锦记酱油",
    "海底捞火锅底料",
    "完美日记眼影",
    "花西子散粉",
    "百雀羚水乳",
    "老凤祥手镯",
    "主播是哪里人",
    "广东的姐妹在吗",
    "杭州发货吗",
    "江浙沪包邮吗",
    "新疆能发吗",
    "我是新来的",
    "我是学生党",
    "我叫了外卖",
    "姓名不重要",
    "收件人写错了",
    "地址填错了怎么办",
    "明天几号",
    "五号楼那个福利",
    "12号上新吗",
    "二楼的链接",
    "楼上说得对",
    "老铁666",
    "小哥哥好帅",
    "家人们冲",
    "主播叫什么名字",
    "客服在吗",
    "这个颜色好看",
    "已经下单了",
    "退货地址是哪里",
    "南山区的能自提吗",
    "朝阳区有门店吗",
    "北京路步行街好逛",
    "成都好吃的多",
    "中国加油",
    "美国的产品吗",
    "日本进口的吗",
    "马上就到了",
    "高大上",
    "王者荣耀",
    "金色的好看",
    "文明观看",
    "白色还有吗",
    "黄色的呢",
    "林子大了什么鸟都有",
    "安全送达",
    "江湖救急",
    "周末发货吗",
    "方便面来一箱",
    "马克杯多少钱",
    "高跟鞋有37码吗",
    "和平精英",
    "明天见",
    "宋体字",
    "唐装好看",
    "陈皮泡水",
    "杨枝甘露",
    "许愿成功",
    "韩版的吗",
    "冯唐的书",
    "石头记",
    "第三单元测试",
    "小区门口",
    "大厦将倾",
    "广场舞音响",
    "人民路那家店倒闭了",
    "路过",
];

fn fill_cn(rng: &mut Rng, tpl: &[P]) -> Example {
    let mut b = Builder::new();
    for p in tpl {
        match p {
            P::T(s) => {
                let s = if rng.chance(0.25) {
                    s.replace(':', if rng.chance(0.5) { " " } else { ":" })
                } else {
                    (*s).to_string()
                };
                b.push(&s);
            }
            P::Name => {
                let n = if rng.chance(0.35) {
                    wide::cn_name_any(rng)
                } else {
                    cn_name(rng)
                };
                b.span(SpanKind::Person, &n);
            }
            P::Addr => {
                let a = if rng.chance(0.4) {
                    wide::cn_address_any(rng)
                } else {
                    cn_address(rng)
                };
                b.span(SpanKind::Address, &a);
            }
            P::Phone => b.push(&phone(rng)),
            P::Chat => {
                let c = cn_chat(rng);
                b.push(c);
            }
        }
    }
    b.finish()
}

// ---------------------------------------------------------------- Western.

fn cap(s: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in s.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == ' ' || c == '-' || c == '\'';
    }
    out
}

fn casing(rng: &mut Rng, s: String) -> String {
    let r = rng.below(100);
    if r < 10 {
        s.to_lowercase()
    } else if r < 13 {
        s.to_uppercase()
    } else {
        s
    }
}

/// A made-up but pronounceable name word (so that the model learns shape and
/// position, not a list).
fn pseudo(rng: &mut Rng) -> String {
    const ON: &[&str] = &[
        "b", "k", "m", "n", "d", "t", "s", "l", "r", "v", "g", "h", "br", "ch", "st", "tr", "kw",
        "z", "f", "p", "sh", "",
    ];
    const NU: &[&str] = &[
        "a", "e", "i", "o", "u", "ai", "ou", "ei", "ar", "en", "or", "el", "an",
    ];
    const CODA: &[&str] = &[
        "", "", "n", "r", "s", "d", "k", "ll", "nt", "son", "ez", "ov", "ic", "er",
    ];
    let k = 2 + rng.below(2);
    let mut s = String::new();
    for _ in 0..k {
        s.push_str(rng.pick_str(ON));
        s.push_str(rng.pick_str(NU));
    }
    s.push_str(rng.pick_str(CODA));
    cap(&s)
}

fn first(rng: &mut Rng) -> String {
    if rng.chance(0.12) {
        return pseudo(rng);
    }
    let v: Vec<&str> = FIRST_NAMES.split_whitespace().collect();
    if rng.chance(0.1) {
        // Unknown first names: the model must use context and shape too.
        return cap(rng.pick_str(&[
            "ansel", "briony", "caspian", "delphine", "eamon", "fenna", "gideon", "hester", "ivo",
            "jolene", "kasimir", "linnea", "marit", "nikolai", "odette", "pirmin", "quinn",
            "rosalind", "soren", "tamsin", "ulla", "vesna", "wendel", "xenia", "yannick", "zora",
        ]));
    }
    cap(v[rng.below(v.len())])
}

fn last(rng: &mut Rng) -> String {
    if rng.chance(0.3) {
        let mut p = pseudo(rng);
        if rng.chance(0.08) {
            p = format!(
                "{}{}",
                rng.pick_str(&["O'", "Mc", "Mac", "van ", "de ", "von ", "Le ", "Al-"]),
                p
            );
        }
        return p;
    }
    let v: Vec<&str> = SURNAMES.split_whitespace().collect();
    if rng.chance(0.12) {
        return cap(rng.pick_str(&[
            "abernathy",
            "brightwater",
            "castellano",
            "dankworth",
            "eichhorn",
            "fairbrother",
            "grünewald",
            "hollingsworth",
            "ivanova",
            "jablonski",
            "kowalczyk",
            "lindqvist",
            "marchetti",
            "nakashima",
            "oyelaran",
            "pettersson",
            "quintero",
            "rasmussen",
            "szymanski",
            "trevelyan",
            "vandenberg",
            "whitcombe",
            "yilmaz",
            "zimmerli",
        ]));
    }
    cap(v[rng.below(v.len())])
}

/// A Western full name (sometimes with a middle initial).
fn w_name(rng: &mut Rng) -> String {
    let mut s = first(rng);
    if rng.chance(0.08) {
        s.push(' ');
        s.push(char::from(b'A' + rng.below(26) as u8));
        s.push('.');
    }
    s.push(' ');
    s.push_str(&last(rng));
    if rng.chance(0.05) {
        s.push('-');
        s.push_str(&last(rng));
    }
    casing(rng, s)
}

const EN_STREET_NAMES: &[&str] = &[
    "baker",
    "oak",
    "maple",
    "park",
    "church",
    "high",
    "station",
    "mill",
    "king",
    "queen",
    "victoria",
    "main",
    "elm",
    "cedar",
    "hill",
    "lake",
    "river",
    "sunset",
    "washington",
    "lincoln",
    "pine",
    "willow",
    "cherry",
    "market",
    "bridge",
    "north",
    "south",
    "west",
    "chapel",
    "york",
    "oxford",
    "cambridge",
    "abbey",
    "george",
    "albert",
    "grove",
    "spring",
    "meadow",
    "fifth",
    "madison",
    "broad",
    "union",
    "green",
    "jefferson",
    "franklin",
    "highland",
    "riverside",
];
const EN_STREET_TYPES: &[&str] = &[
    "Street",
    "St",
    "St.",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Boulevard",
    "Blvd",
    "Way",
    "Court",
    "Place",
    "Terrace",
    "Close",
    "Crescent",
    "Square",
];
const US_CITIES: &[(&str, &str)] = &[
    ("New York", "NY"),
    ("Los Angeles", "CA"),
    ("Chicago", "IL"),
    ("Houston", "TX"),
    ("Seattle", "WA"),
    ("Boston", "MA"),
    ("Denver", "CO"),
    ("Austin", "TX"),
    ("Miami", "FL"),
    ("Atlanta", "GA"),
    ("Portland", "OR"),
    ("San Jose", "CA"),
    ("Springfield", "IL"),
    ("Columbus", "OH"),
    ("Phoenix", "AZ"),
    ("Brooklyn", "NY"),
    ("Palo Alto", "CA"),
    ("San Diego", "CA"),
    ("Santa Monica", "CA"),
    ("Salt Lake City", "UT"),
    ("Ann Arbor", "MI"),
    ("Jersey City", "NJ"),
    ("Las Vegas", "NV"),
    ("St. Louis", "MO"),
    ("Arlington", "VA"),
];

/// Canadian and Australian cities with their province/state code.
const CA_AU_CITIES: &[(&str, &str, bool)] = &[
    ("Vancouver", "BC", true),
    ("Ottawa", "ON", true),
    ("Montréal", "QC", true),
    ("Calgary", "AB", true),
    ("Halifax", "NS", true),
    ("Sydney", "NSW", false),
    ("Brisbane", "QLD", false),
    ("Perth", "WA", false),
    ("Adelaide", "SA", false),
    ("Canberra", "ACT", false),
];
const UK_CITIES: &[&str] = &[
    "London",
    "Manchester",
    "Birmingham",
    "Leeds",
    "Glasgow",
    "Edinburgh",
    "Liverpool",
    "Bristol",
    "Oxford",
    "Cambridge",
    "Cardiff",
    "York",
    "Brighton",
    "Reading",
];
const DE_CITIES: &[&str] = &[
    "Berlin",
    "Hamburg",
    "München",
    "Köln",
    "Frankfurt am Main",
    "Stuttgart",
    "Düsseldorf",
    "Leipzig",
    "Dresden",
    "Hannover",
    "Nürnberg",
    "Bremen",
    "Bonn",
    "Mannheim",
    "Freiburg",
];
const DE_STREET_NAMES: &[&str] = &[
    "Haupt",
    "Bahnhof",
    "Schiller",
    "Goethe",
    "Linden",
    "Berliner ",
    "Garten",
    "Kirch",
    "Schul",
    "Dorf",
    "Wald",
    "Berg",
    "Mozart",
    "Friedrich",
    "Rosen",
    "Birken",
    "Kaiser",
    "Park",
    "Markt",
    "Ahorn",
    "Eichen",
    "Post",
    "Wilhelm",
    "Beethoven",
    "Sonnen",
    "Feld",
    "Mühlen",
    "Lessing",
];
const DE_STREET_TYPES: &[&str] = &[
    "straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm",
];
const FR_CITIES: &[&str] = &[
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nice",
    "Nantes",
    "Strasbourg",
    "Bordeaux",
    "Lille",
    "Rennes",
    "Montpellier",
    "Grenoble",
    "Dijon",
    "Angers",
];
const FR_STREET_TYPES: &[&str] = &[
    "rue",
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "place",
    "chemin",
    "allée",
    "impasse",
    "quai",
];
const FR_STREET_NAMES: &[&str] = &[
    "de Rivoli",
    "de la Paix",
    "Victor Hugo",
    "de la République",
    "du Général de Gaulle",
    "Pasteur",
    "de la Gare",
    "de l'Église",
    "Jean Jaurès",
    "Voltaire",
    "Molière",
    "Saint-Michel",
    "des Lilas",
    "du Moulin",
    "des Écoles",
    "Gambetta",
    "Foch",
    "de Verdun",
    "du Port",
    "Sainte-Anne",
    "Saint-Jacques",
    "du Faubourg Saint-Antoine",
    "du Faubourg Montmartre",
    "Sainte-Croix",
    "Notre-Dame",
    "Jean-Baptiste Clément",
];

fn uk_postcode(rng: &mut Rng) -> String {
    let area = rng.pick(&[
        "NW", "SW", "E", "W", "N", "SE", "EC", "M", "B", "LS", "G", "EH", "BS", "OX",
    ]);
    format!(
        "{}{} {}{}{}",
        area,
        1 + rng.below(20),
        rng.below(10),
        char::from(b'A' + rng.below(26) as u8),
        char::from(b'A' + rng.below(26) as u8)
    )
}

fn zip5(rng: &mut Rng) -> String {
    format!("{:05}", 1000 + rng.below(98000))
}

fn house(rng: &mut Rng) -> String {
    let mut s = (1 + skewed(rng, 400)).to_string();
    if rng.chance(0.1) {
        s.push(*rng.pick(&['A', 'B', 'a', 'b']));
    }
    s
}

fn w_address(rng: &mut Rng) -> String {
    let sep = |rng: &mut Rng| if rng.chance(0.8) { ", " } else { " " };
    let mut s = String::new();
    match rng.below(5) {
        4 => {
            // Canada / Australia
            if rng.chance(0.2) {
                s.push_str(&format!(
                    "Unit {}{}, ",
                    1 + rng.below(40),
                    rng.pick_str(&["", "A", "B"])
                ));
            }
            s.push_str(&house(rng));
            s.push(' ');
            s.push_str(&cap(rng.pick_str(EN_STREET_NAMES)));
            s.push(' ');
            s.push_str(rng.pick_str(EN_STREET_TYPES));
            let (city, code, canada) = *rng.pick(CA_AU_CITIES);
            s.push_str(&format!(
                "{}{city}{}{code}",
                sep(rng),
                if rng.chance(0.6) { ", " } else { " " }
            ));
            if canada {
                let l = |rng: &mut Rng| char::from(b'A' + rng.below(26) as u8);
                s.push_str(&format!(
                    " {}{}{} {}{}{}",
                    l(rng),
                    rng.below(10),
                    l(rng),
                    rng.below(10),
                    l(rng),
                    rng.below(10)
                ));
            } else {
                s.push_str(&format!(" {}", 2000 + rng.below(4000)));
            }
        }
        0 => {
            // US
            if rng.chance(0.15) {
                s.push_str(&format!(
                    "Apt {}{}",
                    1 + rng.below(20),
                    rng.pick(&["", "B", "C"])
                ));
                s.push_str(", ");
            }
            s.push_str(&house(rng));
            s.push(' ');
            s.push_str(&cap(rng.pick_str(EN_STREET_NAMES)));
            s.push(' ');
            s.push_str(rng.pick_str(EN_STREET_TYPES));
            if rng.chance(0.2) {
                s.push_str(&format!(
                    "{}{} {}{}",
                    sep(rng),
                    rng.pick(&["Apt", "Apt.", "Suite", "Unit", "#"]),
                    1 + rng.below(900),
                    rng.pick_str(&["", "", "A", "B", "C"])
                ));
            }
            if rng.chance(0.75) {
                let (city, st) = rng.pick(US_CITIES);
                s.push_str(&format!("{}{city}, {st}", sep(rng)));
                if rng.chance(0.8) {
                    s.push_str(&format!(" {}", zip5(rng)));
                }
            }
        }
        1 => {
            // UK
            if rng.chance(0.15) {
                s.push_str(&format!("Flat {}, ", 1 + rng.below(30)));
            }
            s.push_str(&house(rng));
            s.push(' ');
            s.push_str(&cap(rng.pick_str(EN_STREET_NAMES)));
            s.push(' ');
            s.push_str(rng.pick_str(EN_STREET_TYPES));
            if rng.chance(0.75) {
                s.push_str(sep(rng));
                s.push_str(rng.pick_str(UK_CITIES));
                if rng.chance(0.85) {
                    s.push(' ');
                    s.push_str(&uk_postcode(rng));
                }
            }
        }
        2 => {
            // DE
            let name = rng.pick(DE_STREET_NAMES);
            let ty = rng.pick(DE_STREET_TYPES);
            if rng.chance(0.2) {
                s.push_str(rng.pick_str(&[
                    "Am Markt",
                    "Neuer Wall",
                    "An der Alster",
                    "Unter den Linden",
                    "Lange Reihe",
                    "Hohe Straße",
                    "Alter Markt",
                    "Im Winkel",
                    "Zur Mühle",
                    "Kröpeliner Str.",
                    "Große Bergstraße",
                    "Auf dem Berg",
                ]));
            } else if name.ends_with(' ') {
                s.push_str(name);
                s.push_str(&cap(ty));
            } else {
                s.push_str(name);
                s.push_str(ty);
            }
            s.push(' ');
            s.push_str(&house(rng));
            if rng.chance(0.8) {
                s.push_str(sep(rng));
                s.push_str(&zip5(rng));
                s.push(' ');
                s.push_str(rng.pick_str(DE_CITIES));
            }
        }
        _ => {
            // FR
            s.push_str(&house(rng));
            if rng.chance(0.1) {
                s.push_str(" bis");
            }
            s.push_str(if rng.chance(0.8) { " " } else { ", " });
            s.push_str(rng.pick_str(FR_STREET_TYPES));
            s.push(' ');
            s.push_str(rng.pick_str(FR_STREET_NAMES));
            if rng.chance(0.8) {
                s.push_str(sep(rng));
                s.push_str(&zip5(rng));
                s.push(' ');
                s.push_str(rng.pick_str(FR_CITIES));
            }
        }
    }
    if rng.chance(0.08) {
        s = s.to_lowercase();
    }
    s
}

fn w_phone(rng: &mut Rng) -> String {
    let mut s = String::from(*rng.pick(&["+1 ", "+44 ", "+49 ", "+33 ", "0", "+86 "]));
    for k in 0..10 {
        if k == 3 && rng.chance(0.5) {
            s.push(' ');
        }
        s.push(char::from(b'0' + rng.below(10) as u8));
    }
    s
}

const W_CHAT: &[&str] = &[
    "",
    "",
    "",
    "hi ",
    "hello! ",
    "pls ",
    "thx ",
    "lol ",
    "omg ",
    "ok ",
    "hey guys ",
    "quick q: ",
    "hallo ",
    "bonjour ",
    "salut ",
];

const W_TEMPLATES: &[&[P]] = &[
    &[P::Chat, P::T("my name is "), P::Name],
    &[
        P::T("Hi, I'm "),
        P::Name,
        P::T(" and I ordered the blue one"),
    ],
    &[
        P::T("Name: "),
        P::Name,
        P::T(", Address: "),
        P::Addr,
        P::T(", Phone: "),
        P::Phone,
    ],
    &[P::T("ship to "), P::Addr, P::T(" please")],
    &[P::T("Shipping address: "), P::Addr],
    &[P::Chat, P::T("my address is "), P::Addr],
    &[
        P::T("please send it to "),
        P::Name,
        P::T(", "),
        P::Addr,
        P::T(" thanks"),
    ],
    &[P::T("I live at "), P::Addr],
    &[P::T("deliver to "), P::Addr, P::T(" before friday")],
    &[P::T("Recipient: "), P::Name],
    &[P::T("Attn: "), P::Name, P::T(" / "), P::Addr],
    &[P::T("c/o "), P::Name, P::T(", "), P::Addr],
    &[P::Name, P::T(" here, where is my order?")],
    &[P::T("thanks "), P::Name, P::T(" for the gift!")],
    &[P::T("Mr. "), P::Name, P::T(" ordered twice")],
    &[P::T("Dear "), P::Name, P::T(", your parcel has shipped.")],
    &[P::Chat, P::T("can "), P::Name, P::T(" pick it up?")],
    &[P::Name, P::T(" "), P::Phone, P::T(" "), P::Addr],
    &[P::Name, P::T(", "), P::Addr],
    &[P::T("Lieferadresse: "), P::Name, P::T(", "), P::Addr],
    &[
        P::T("Ich heiße "),
        P::Name,
        P::T(" und wohne in der "),
        P::Addr,
    ],
    &[P::T("Bitte an "), P::Addr, P::T(" schicken")],
    &[P::T("Empfänger: "), P::Name],
    &[P::T("Je m'appelle "), P::Name],
    &[P::T("J'habite au "), P::Addr],
    &[
        P::T("Adresse de livraison : "),
        P::Name,
        P::T(", "),
        P::Addr,
    ],
    &[P::T("envoyez à "), P::Addr, P::T(" merci")],
    &[P::T("收件人: "), P::Name, P::T(" 地址: "), P::Addr],
    &[P::T("my friend "), P::Name, P::T(" recommended this shop")],
    &[P::T("order for "), P::Name, P::T(", deliver to "), P::Addr],
    &[P::Addr],
    &[P::Chat, P::Name, P::T(" won the giveaway!")],
    &[
        P::T("Please wire the deposit to NL23 TRIO 0438 5341 99 (holder: "),
        P::Name,
        P::T(")"),
    ],
    &[P::T("Billing name "), P::Name, P::T(".")],
    &[P::T("account name "), P::Name],
    &[P::T("Ansprechpartner "), P::Name, P::T(", Tel. "), P::Phone],
    &[P::T("(Inhaber: "), P::Name, P::T(")")],
    &[P::T("Kontoinhaberin "), P::Name],
    &[P::T("au nom de "), P::Name],
    &[
        P::T("Livrez plutôt chez "),
        P::Name,
        P::T(", "),
        P::Addr,
        P::T(", c'est ma voisine"),
    ],
    &[
        P::T("Bonjour, je suis "),
        P::Name,
        P::T(", ma commande n'est jamais arrivée"),
    ],
    &[
        P::T("Hallo, ich bin "),
        P::Name,
        P::T(" und warte seit zwei Wochen auf meine Bestellung"),
    ],
    &[
        P::T("Hi, this is "),
        P::Name,
        P::T(" from the livestream, please update my address to "),
        P::Addr,
    ],
    &[P::T("Customer "), P::Name, P::T(" requested a return")],
    &[
        P::T("Seller KYC: director "),
        P::Name,
        P::T(", contact sales@shop.com"),
    ],
    &[
        P::T("Gewinner des Glücksbeutels: "),
        P::Name,
        P::T("! Bitte melde dich"),
    ],
    &[
        P::T("Gagnant du sac surprise : "),
        P::Name,
        P::T(" ! Contacte-nous"),
    ],
    &[
        P::T("Name: "),
        P::Name,
        P::T("\nStraße: "),
        P::Addr,
        P::T("\nTelefon: "),
        P::Phone,
    ],
    &[
        P::T("Shipping to: "),
        P::Name,
        P::T("\n"),
        P::Addr,
        P::T("\nPhone: "),
        P::Phone,
    ],
    &[P::Name, P::T(" here — pls ship to my office: "), P::Addr],
    &[
        P::T("Sehr geehrte Frau Werner, Ihre Sendung an "),
        P::Addr,
        P::T(" wurde zugestellt."),
    ],
    &[
        P::T("Madame, votre colis pour "),
        P::Addr,
        P::T(" est en route."),
    ],
    &[
        P::T("Dear "),
        P::Name,
        P::T(", your order has shipped to "),
        P::Addr,
        P::T("."),
    ],
    &[
        P::T("Recipient: Mr. "),
        P::Name,
        P::T("  |  Phone "),
        P::Phone,
        P::T("  |  "),
        P::Addr,
    ],
    &[
        P::T("Herr "),
        P::Name,
        P::T(" bittet um Rückruf unter "),
        P::Phone,
    ],
    &[
        P::T("bitte an "),
        P::Addr,
        P::T(" liefern. Gruß, "),
        P::Name,
    ],
    &[
        P::T("text "),
        P::Name,
        P::T(" at "),
        P::Phone,
        P::T(", they handle wholesale"),
    ],
    &[
        P::T("EU refund details: "),
        P::Name,
        P::T(", AT26 2011 1445 8168 0913"),
    ],
    &[
        P::T("I'm "),
        P::Name,
        P::T(", the winner of the lucky bag — text me at "),
        P::Phone,
    ],
];

const W_HONORIFIC_TEMPLATES: &[(&str, &str)] = &[
    ("Mr. ", " ordered twice"),
    ("Mrs ", ", your order is ready"),
    ("Ms. ", " called again"),
    ("Dr. ", " will pick it up"),
    ("Frau ", " hat bestellt"),
    ("Herr ", " fragt nach dem Paket"),
    ("Monsieur ", " a commandé"),
    ("Madame ", ", votre colis est parti"),
    ("Mme ", " est absente"),
    ("thanks ", "!"),
    ("hi ", " :)"),
    ("@", " love it"),
    ("hello ", ", welcome"),
];

const W_NEGATIVES: &[&str] = &[
    "Apple Watch Series 9 is on sale",
    "Black Friday deals are live",
    "is this Nike Air Max?",
    "shipping to London?",
    "do you ship to Berlin",
    "I'm from Paris",
    "Main Street style jacket",
    "Victoria's Secret dupe?",
    "Tommy Hilfiger or Ralph Lauren?",
    "Louis Vuitton bag is fake",
    "Calvin Klein jeans size 32",
    "Estée Lauder serum restock?",
    "Christian Dior lipstick 999",
    "Michael Kors watch",
    "Marc Jacobs perfume",
    "how much is this",
    "love this color!!",
    "when will it ship",
    "size M please",
    "is it real leather?",
    "New York Times bestseller",
    "Grand Theft Auto",
    "Harry Potter box set",
    "Happy New Year everyone",
    "Merry Christmas",
    "Street Fighter 6",
    "Abbey Road vinyl",
    "Road trip essentials",
    "Park Avenue collection",
    "free shipping over 50",
    "Order #12345 status?",
    "Samsung Galaxy S24",
    "Hello Kitty mug",
    "Mercedes Benz keychain",
    "Ford Mustang model",
    "Jack Daniels glass",
    "Hugo Boss perfume",
    "Tesla Model 3 charger",
    "danke schön",
    "merci beaucoup",
    "Wo ist mein Paket?",
    "Quelle taille?",
    "Berlin ist toll",
    "Paris Hilton style",
    "Taylor Swift merch?",
    "Kim Kardashian look",
    "Disney Princess dress",
    "Marvel Avengers set",
    "Coca Cola 12 pack",
    "Will it fit?",
    "May I ask",
    "Grace period for returns?",
    "Rose Gold version",
    "Lily of the valley scent",
    "Jordan 1 Retro",
    "Dr. Martens boots",
    "Mrs. Meyer's soap",
    "Burger King coupon",
    "Kings Cross station",
    "Baker Street station",
    "10 Downing St. memes",
    "room 12 is live",
    "5 stars!!",
    "Level 3 unlocked",
    "Chapter 12",
    "Season 2 Episode 5",
    "updated to iOS 17 and it works",
    "switched to Android last year",
    "send it to IBAN first?",
    "pay with PayPal or Visa?",
    "I'm usually L in tops",
    "I'm Team Pro Max lol",
    "wir sehen uns im Chat",
    "im Livestream gesehen, gibt es das noch?",
    "ich bin im Urlaub bis Montag",
    "je suis Team Android",
    "merci pour le Live !",
    "ask Support about the Warranty",
    "thanks to Prime Day prices",
    "hi Team, where is the link",
    "from Amazon or from Shein?",
    "bought it on Black Friday for 99",
    "see you on Friday guys",
    "Max 2 per customer",
    "Pro tip: use code SAVE10",
];

fn fill_w(rng: &mut Rng, tpl: &[P]) -> Example {
    let mut b = Builder::new();
    for p in tpl {
        match p {
            P::T(s) => {
                let s = if rng.chance(0.1) {
                    s.to_lowercase()
                } else {
                    (*s).to_string()
                };
                b.push(&s);
            }
            P::Name => {
                let n = if rng.chance(0.4) {
                    wide::world_name(rng)
                } else if rng.chance(0.1) {
                    // Pinyin names, either order.
                    let f = first(rng);
                    let l = last(rng);
                    format!("{l} {f}")
                } else {
                    w_name(rng)
                };
                b.span(SpanKind::Person, &n);
            }
            P::Addr => {
                let a = if rng.chance(0.4) {
                    {
                        let multi_line = rng.chance(0.2);
                        wide::w_address_any(rng, multi_line)
                    }
                } else {
                    w_address(rng)
                };
                b.span(SpanKind::Address, &a);
            }
            P::Phone => b.push(&w_phone(rng)),
            P::Chat => {
                let c = rng.pick(W_CHAT);
                b.push(c);
            }
        }
    }
    b.finish()
}

fn w_honorific(rng: &mut Rng) -> Example {
    let (pre, post) = *rng.pick(W_HONORIFIC_TEMPLATES);
    let mut b = Builder::new();
    b.push(pre);
    let greeting = matches!(pre, "thanks " | "hi " | "@" | "hello ");
    let n = if greeting && rng.chance(0.5) {
        first(rng)
    } else if greeting {
        w_name(rng)
    } else if rng.chance(0.6) {
        if rng.chance(0.4) {
            wide::world_surname(rng)
        } else {
            last(rng)
        }
    } else {
        w_name(rng)
    };
    if pre == "@" && rng.chance(0.6) {
        // Handles are not names.
        let h = format!("{}_{}", n.to_lowercase().replace(' ', ""), rng.below(999));
        b.push(&h);
    } else {
        b.span(SpanKind::Person, &n);
    }
    b.push(post);
    b.finish()
}

fn negative(rng: &mut Rng, list: &[&'static str]) -> Example {
    let mut s = String::new();
    let k = 1 + usize::from(rng.chance(0.3));
    for i in 0..k {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick_str(list));
    }
    Example {
        text: s,
        spans: Vec::new(),
    }
}

// ------------------------------------------------- Live-commerce vocabulary.

/// A product as written in chat: brand, line, model number, variant.
fn product(rng: &mut Rng) -> String {
    let n = |rng: &mut Rng, lo: usize, hi: usize| digits(rng, lo, hi);
    match rng.below(16) {
        0 => format!(
            "iPhone {}{}",
            n(rng, 11, 16),
            rng.pick_str(&[" Pro Max", " Pro", " Plus", "", " Pro Max", " mini"])
        ),
        1 => {
            let brand = rng.pick_str(&["", "Samsung "]);
            let line = rng.pick_str(&["S", "Z Fold", "Z Flip", "A", "Note "]);
            let num = n(rng, 5, 25);
            let variant = rng.pick_str(&[" Ultra", "+", " FE", "", " Ultra"]);
            format!("{brand}Galaxy {line}{num}{variant}")
        }
        2 => format!(
            "{} {}{}",
            rng.pick_str(&[
                "Redmi Note",
                "Redmi K",
                "Xiaomi",
                "Mate",
                "Pura",
                "nova",
                "Pixel"
            ]),
            n(rng, 7, 70),
            rng.pick_str(&[" Pro", " Pro+", " Ultra", "", " RS", " Pro Max"])
        ),
        3 => format!(
            "{}{}",
            rng.pick_str(&[
                "AirPods Pro",
                "AirPods Max",
                "AirPods",
                "Apple Watch Series ",
                "Apple Watch Ultra ",
                "Apple Watch SE",
                "iPad Air",
                "iPad Pro",
                "iPad mini",
                "MacBook Air",
                "MacBook Pro",
            ]),
            if rng.chance(0.5) {
                n(rng, 2, 10)
            } else {
                String::new()
            }
        ),
        4 => format!(
            "{}{}",
            rng.pick_str(&[
                "Air Jordan ",
                "Air Max ",
                "Air Force ",
                "Nike Dunk Low",
                "Yeezy Boost ",
                "New Balance ",
                "Jordan ",
            ]),
            if rng.chance(0.7) {
                n(rng, 1, 990)
            } else {
                String::new()
            }
        ),
        5..=7 => rng
            .pick_str(&[
                "Estée Lauder",
                "Estee Lauder",
                "Lancôme",
                "Lancome",
                "SK-II",
                "La Mer",
                "Dior Sauvage",
                "Tom Ford",
                "Ralph Lauren",
                "Calvin Klein",
                "Marc Jacobs",
                "Michael Kors",
                "Kate Spade",
                "Jimmy Choo",
                "Christian Louboutin",
                "Charlotte Tilbury",
                "Giorgio Armani",
                "Yves Saint Laurent",
                "Jo Malone",
                "Paul Smith",
                "Hugo Boss",
                "Tommy Hilfiger",
                "Coco Chanel",
                "Miss Dior",
                "Tom Ford Lost Cherry",
                "Jo Malone London",
                "Kiehl's",
                "Clinique",
                "Shiseido",
                "Fenty Beauty",
                "Rare Beauty",
                "Huda Beauty",
                "Victoria's Secret",
                "Louis Vuitton",
                "Dyson Airwrap",
                "Dyson Supersonic",
                "Tesla Model Y",
                "PlayStation 5",
                "Nintendo Switch",
                "Hello Kitty",
                "Lego Technic",
                "Stanley Cup",
                "Mac Studio",
                "Tom & Jerry",
            ])
            .to_string(),
        8 => format!(
            "{} {}",
            rng.pick_str(&["Dior", "Chanel", "YSL", "Lancôme", "Armani", "Tom Ford", "MAC"]),
            rng.pick_str(&[
                "999",
                "No.5",
                "Rouge",
                "Sauvage",
                "Miss Dior",
                "Libre",
                "Black Opium",
                "Ruby Woo",
                "Bleu",
                "Coco Mademoiselle",
            ])
        ),
        9 => format!(
            "{} {}",
            rng.pick_str(&[
                "雅诗兰黛",
                "兰蔻",
                "海蓝之谜",
                "迪奥",
                "华为",
                "小米",
                "苹果",
                "三星",
                "李宁",
                "安踏",
            ]),
            rng.pick_str(&[
                "小棕瓶",
                "粉水",
                "面霜",
                "Mate 60 Pro",
                "14 Ultra",
                "15 Pro",
                "韦德之道",
                "C202"
            ])
        ),
        _ => {
            let brand = rng.pick_str(&[
                "Apple", "Samsung", "Huawei", "Xiaomi", "Sony", "Nike", "Adidas", "Dyson", "Lego",
                "Chanel", "Gucci", "Prada", "Zara", "Uniqlo", "OnePlus", "Oppo", "Vivo", "Honor",
            ]);
            let line = rng.pick_str(&[
                "Pro",
                "Max",
                "Ultra",
                "Air",
                "Plus",
                "Mini",
                "Lite",
                "Edition",
                "Series",
                "Neo",
                "Classic",
                "Sport",
                "Studio",
                "Gen",
                "Limited Edition",
                "Pro Max",
            ]);
            if rng.chance(0.5) {
                format!("{brand} {line} {}", n(rng, 2, 20))
            } else {
                format!("{brand} {line}")
            }
        }
    }
}

fn spec(rng: &mut Rng) -> String {
    match rng.below(7) {
        0 => format!("{}G", rng.pick_str(&["128", "256", "512", "64"])),
        1 => format!("{}GB", rng.pick_str(&["128", "256", "512", "1T"])),
        2 => format!("{}ml", rng.pick_str(&["30", "50", "75", "100", "15"])),
        3 => rng
            .pick_str(&["黑色", "白色", "金色", "钛金属", "远峰蓝", "星光色", "粉色"])
            .to_string(),
        4 => rng
            .pick_str(&[
                "Black",
                "Silver",
                "Gold",
                "Titanium",
                "Midnight",
                "Rose Gold",
                "Schwarz",
                "Noir",
            ])
            .to_string(),
        5 => format!("{}码", digits(rng, 35, 45)),
        _ => String::new(),
    }
}

const PROMOS: &[&str] = &[
    "Black Friday",
    "Cyber Monday",
    "Prime Day",
    "Double 11",
    "Double 12",
    "Singles Day",
    "Boxing Day",
    "Christmas",
    "Halloween",
    "Valentine's Day",
    "Mother's Day",
    "Back to School",
    "双十一",
    "双11",
    "618",
    "双12",
    "年货节",
    "女王节",
    "Soldes d'hiver",
    "Black Week",
    "Flash Sale",
    "Mega Sale",
];

const MONTHS_DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Montag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Januar",
    "März",
    "Mai",
    "Dezember",
    "lundi",
    "mardi",
    "vendredi",
    "samedi",
    "dimanche",
    "janvier",
    "mars",
    "mai",
    "juin",
    "juillet",
    "décembre",
    "Mardi",
    "Vendredi",
];

/// Handles, shop names and nicknames that are not person names.
fn handle(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!(
            "{}{}",
            rng.pick_str(&["小", "阿", "大", "甜", "糖", "萌", "胖"]),
            rng.pick_str(&[
                "甜甜", "可爱", "仙女", "糖糖", "杨哥", "美美", "九九", "宝", "萌萌", "橙子",
                "吃货", "兔兔"
            ])
        ),
        1 => format!(
            "{}{}",
            rng.pick_str(&[
                "李宁",
                "安踏",
                "小米",
                "华为",
                "完美日记",
                "花西子",
                "周大福",
                "欧莱雅",
                "东方甄选",
                "三只松鼠",
                "王老吉",
                "良品铺子"
            ]),
            rng.pick_str(&["官方旗舰店", "旗舰店", "专卖店", "官方直播间", "直营店", ""])
        ),
        2 => format!(
            "{}{}{}",
            rng.pick_str(&[
                "sweet", "lucky", "coco", "mimi", "bella", "tiny", "happy", "kiki", "momo"
            ]),
            rng.pick_str(&["_", "", ".", "_official"]),
            rng.below(999)
        ),
        _ => format!(
            "{}{}",
            rng.pick_str(&[
                "主播",
                "宝宝",
                "姐妹",
                "家人们",
                "老铁",
                "亲",
                "小姐姐",
                "老板娘"
            ]),
            rng.pick_str(&["", "们", "~", "呀"])
        ),
    }
}

const PLACES_ALONE: &[&str] = &[
    "北京",
    "上海",
    "上海浦东",
    "广州",
    "深圳南山",
    "杭州",
    "成都",
    "重庆",
    "新疆",
    "西藏",
    "香港",
    "台湾",
    "江浙沪",
    "东北",
    "海南",
    "Paris",
    "London",
    "Berlin",
    "München",
    "Lyon",
    "New York",
    "Toronto",
    "Hamburg",
    "Wien",
    "Zürich",
    "Marseille",
    "Bordeaux",
    "Manchester",
];

fn live_negative(rng: &mut Rng) -> Example {
    let p = product(rng);
    let sp = spec(rng);
    let text = match rng.below(24) {
        0 => format!("{p} {sp} 现货"),
        1 => format!("{}{p}还有货吗{}", cn_chat(rng), cn_chat(rng)),
        2 => format!("求{p}链接!{sp}"),
        3 => format!("主播{p}什么时候上架"),
        4 => format!(
            "{p} {sp}到手价{}元,{}",
            digits(rng, 99, 9999),
            rng.pick_str(&["冲!", "手慢无", "拍1号链接", "库存不多"])
        ),
        5 => format!("is the {p} {sp} still in stock?"),
        6 => format!("{}{p} restock when??", rng.pick(W_CHAT)),
        7 => format!("Ist das {p} {sp} noch verfügbar?"),
        8 => format!("Le {p} {sp} est dispo ?"),
        9 => format!("{} deals on {p}!!", rng.pick_str(PROMOS)),
        10 => format!("{}的{p}多少钱", rng.pick_str(PROMOS)),
        11 => format!(
            "{} Angebot: {p} nur {}€",
            rng.pick_str(PROMOS),
            digits(rng, 9, 999)
        ),
        12 => format!(
            "offre {} : {p} à {} €",
            rng.pick_str(PROMOS),
            digits(rng, 9, 999)
        ),
        13 => format!(
            "@{} {}",
            handle(rng),
            rng.pick_str(&[
                "主播好",
                "想要这个",
                "冲冲冲",
                "love it",
                "上链接",
                "晚上好呀"
            ])
        ),
        14 => format!("{}直播间{}点开播,{p}秒杀", handle(rng), digits(rng, 7, 22)),
        15 => format!(
            "{}{}",
            rng.pick_str(&[
                "发",
                "包邮到",
                "能寄",
                "ship to ",
                "Versand nach ",
                "livraison à "
            ]),
            rng.pick_str(PLACES_ALONE)
        ),
        16 => format!("{}的宝宝们扣1", rng.pick_str(PLACES_ALONE)),
        17 => format!(
            "{} {}",
            rng.pick_str(&[
                "ships on",
                "see you",
                "live again on",
                "bis",
                "à",
                "next",
                "restock"
            ]),
            rng.pick_str(MONTHS_DAYS)
        ),
        18 => format!(
            "{} {} live at 8pm: {p}",
            rng.pick_str(MONTHS_DAYS),
            digits(rng, 1, 28)
        ),
        19 => format!("{p} vs {}?", product(rng)),
        20 => format!(
            "{}宝宝们 {p} {sp} 今晚{}",
            rng.pick_str(&["家人们", "姐妹们", "亲们", ""]),
            rng.pick_str(PROMOS)
        ),
        21 => format!(
            "Gibt es den {p} auch in {}?",
            rng.pick_str(&["Schwarz", "Weiß", "Gold", "Blau"])
        ),
        22 => format!(
            "{} {p} {sp} dispo en {}",
            rng.pick_str(&["Salut !", "Bonjour", "Coucou"]),
            rng.pick_str(&["noir", "blanc", "rose"])
        ),
        _ => format!(
            "{} x{} {p} {sp}",
            rng.pick_str(&["已拍", "下单了", "ordered", "bestellt", "commandé"]),
            digits(rng, 1, 5)
        ),
    };
    Example {
        text,
        spans: Vec::new(),
    }
}

/// Chat lines with common words that begin with a surname char (一张 王者 高兴 …).
fn cn_word_negative(rng: &mut Rng) -> Example {
    let w = |rng: &mut Rng| rng.pick_str(crate::gazetteer::CN_COMMON_WORDS);
    let text = match rng.below(8) {
        0 => format!("{}{}吗", cn_chat(rng), w(rng)),
        1 => format!(
            "{}的{}好{}",
            w(rng),
            w(rng),
            rng.pick_str(&["看", "用", "吃", "穿"])
        ),
        2 => format!("主播{}{}", w(rng), cn_chat(rng)),
        3 => format!("买了{},{}", w(rng), w(rng)),
        4 => format!(
            "{}{}{}",
            w(rng),
            rng.pick_str(&["发货", "到了", "不错", "可以吗", "有吗"]),
            cn_chat(rng)
        ),
        5 => format!("宝宝们{}上车", w(rng)),
        6 => format!("{} {}", w(rng), rng.pick_str(CN_NEGATIVES)),
        _ => format!("{}{}", rng.pick_str(CN_NEGATIVES), w(rng)),
    };
    Example {
        text,
        spans: Vec::new(),
    }
}

/// A Chinese name with given-name chars outside the gazetteer (the model must
/// not rely on the list).
fn cn_name_wide(rng: &mut Rng) -> String {
    const WIDE: &str = "吉瑛曜胜男兆木礼世为民葳采宜寿宝呈思化喜碧素晗步春秋冬化石开山水正义仁德孝忠信礼智勤俭恭让良善纯朴真诚实厚林森桥柱根旺发财富贵福禄寿喜乐康宁静远志坚毅刚强勇猛威武雄壮敏捷聪颖慧灵巧秀美丽华艳芳香馨兰菊竹松柏梅桃李杏";
    let w: Vec<char> = WIDE.chars().collect();
    let mut s = cn_name(rng);
    if rng.chance(0.6) {
        // Replace the last char by one outside the list.
        s.pop();
        s.push(w[rng.below(w.len())]);
    }
    s
}

const CN_NEWS_TEMPLATES: &[&[P]] = &[
    &[P::T("本报记者"), P::Name],
    &[P::T("本报讯(记者"), P::Name, P::T(")昨日,"), P::Chat],
    &[P::T("(记者"), P::Name, P::T(" 通讯员"), P::Name, P::T(")")],
    &[P::T("记者"), P::Name, P::Name, P::T("发自上海")],
    &[P::Name, P::T("表示,这个政策对消费者有利。")],
    &[P::T("经济师"), P::Name, P::T("认为,房价还有下探空间")],
    &[P::Name, P::T("导演的新片《"), P::T("夏日"), P::T("》开机")],
    &[P::T("由"), P::Name, P::T("主演的电视剧")],
    &[P::T("作者:"), P::Name, P::T(" 简介:本书为长篇小说")],
    &[P::Name, P::T(":其实本周的比赛也比较稀少")],
    &[P::T("副行长"), P::Name, P::T("表示,")],
    &[
        P::T("主持人"),
        P::Name,
        P::T("和嘉宾"),
        P::Name,
        P::T("一起"),
    ],
    &[P::T("("), P::Name, P::T(")")],
    &[P::Name, P::T("告诉调解员"), P::Name, P::T(",")],
    &[P::T("见习记者"), P::Name],
    &[
        P::T("恭喜 "),
        P::Name,
        P::T(" 获得 "),
        P::T("SK-II 神仙水!"),
    ],
    &[P::T("感谢"), P::Name, P::T("下单iPhone 15 Pro Max")],
    &[P::Name, P::T("拍了Air Jordan 1,"), P::T("明天发货")],
    &[
        P::T("中奖名单:"),
        P::Name,
        P::T("、"),
        P::Name,
        P::T("、"),
        P::Name,
    ],
    &[P::T("@"), P::Name, P::T(" 你的MacBook Air已发出")],
    &[P::Name, P::T("的"), P::T("雅诗兰黛小棕瓶已签收")],
    &[P::T("今天"), P::Name, P::T("很高兴,周末一起去江南")],
];

const W_PRODUCT_NAME_TEMPLATES: &[&[P]] = &[
    &[P::Name, P::T(" just bought the iPhone 15 Pro Max!")],
    &[
        P::T("congrats "),
        P::Name,
        P::T(", you won the AirPods Pro"),
    ],
    &[P::T("Gewinner: "), P::Name, P::T(" – Dyson Airwrap")],
    &[
        P::T("Félicitations "),
        P::Name,
        P::T(" ! Tu gagnes le Galaxy S24 Ultra"),
    ],
    &[
        P::T("order for "),
        P::Name,
        P::T(": 2x Estée Lauder serum, ship Friday"),
    ],
    &[
        P::T("Dear "),
        P::Name,
        P::T(", your Apple Watch Series 9 ships on Monday."),
    ],
    &[
        P::Name,
        P::T(" asked about Tom Ford Oud Wood on Black Friday"),
    ],
    &[
        P::T("Hallo "),
        P::Name,
        P::T(", dein MacBook Air kommt am Dienstag"),
    ],
    &[P::T("Merci "), P::Name, P::T(" pour ta commande Lancôme !")],
];

fn fill_product_names(rng: &mut Rng, tpl: &[P], western: bool) -> Example {
    let mut b = Builder::new();
    for p in tpl {
        match p {
            P::T(s) => b.push(s),
            P::Name => {
                let n = if western {
                    w_name(rng)
                } else {
                    cn_name_wide(rng)
                };
                b.span(SpanKind::Person, &n);
            }
            P::Addr => {
                let a = if western {
                    w_address(rng)
                } else {
                    cn_address(rng)
                };
                b.span(SpanKind::Address, &a);
            }
            P::Phone => b.push(&phone(rng)),
            P::Chat => b.push(cn_chat(rng)),
        }
    }
    b.finish()
}

/// Generates `count` synthetic examples (deterministic for a seed): Chinese and
/// Western names and addresses in chat, order forms and support messages, and hard
/// negatives (brands, bare cities, nominal words, capitalized non-names).
pub fn synthetic(seed: u64, count: usize) -> Vec<Example> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        if rng.chance(0.3) {
            let ex = if rng.chance(0.85) {
                wide::formatted(&mut rng)
            } else {
                wide::formatted_negative(&mut rng)
            };
            out.push(ex);
            continue;
        }
        let r = rng.below(100);
        let ex = if r < 32 {
            let tpl = rng.pick(CN_NAME_TEMPLATES);
            fill_cn(&mut rng, tpl)
        } else if r < 37 {
            let tpl = rng.pick(CN_NEWS_TEMPLATES);
            fill_product_names(&mut rng, tpl, false)
        } else if r < 43 {
            negative(&mut rng, CN_NEGATIVES)
        } else if r < 47 {
            cn_word_negative(&mut rng)
        } else if r < 55 {
            live_negative(&mut rng)
        } else if r < 57 {
            let tpl = rng.pick(W_PRODUCT_NAME_TEMPLATES);
            fill_product_names(&mut rng, tpl, true)
        } else if r < 79 {
            let tpl = rng.pick(W_TEMPLATES);
            fill_w(&mut rng, tpl)
        } else if r < 88 {
            w_honorific(&mut rng)
        } else {
            negative(&mut rng, W_NEGATIVES)
        };
        out.push(ex);
    }
    // Cue words and record keys before rare, compound and minority names, Western
    // names after family words and sign-offs, and common words that start with a
    // surname char; drawn from their own generator after the main stream.
    let mut rng = Rng::new(seed ^ 0x9e37_79b9_7f4a_7c15);
    for _ in 0..count / 40 {
        let r = rng.below(100);
        let ex = if r < 45 {
            let tpl = rng.pick(CN_CUE_TEMPLATES);
            fill_cn(&mut rng, tpl)
        } else if r < 70 {
            negative(&mut rng, CN_EXTRA_NEGATIVES)
        } else {
            let tpl = rng.pick(W_CUE_TEMPLATES);
            fill_w(&mut rng, tpl)
        };
        out.push(ex);
    }
    // Cue words after names, address edges, more Western address forms, full names
    // as record values and their negatives: a third stream with its own generator.
    let mut rng = Rng::new(seed ^ 0x2545_f491_4f6c_dd1d);
    for _ in 0..count / 8 {
        out.push(cues::cue_example(&mut rng));
    }
    // Region address forms and rarer Chinese names in context: a fourth stream.
    let mut rng = Rng::new(seed ^ 0x6a09_e667_f3bc_c908);
    for _ in 0..count / 25 {
        out.push(regions::example(&mut rng));
    }
    out
}

const CN_CUE_TEMPLATES: &[&[P]] = &[
    &[
        P::T("幸运观众"),
        P::Name,
        P::T("和"),
        P::Name,
        P::T("请私信客服领奖"),
    ],
    &[P::T("恭喜"), P::Name, P::T("和"), P::Name, P::T("中奖")],
    &[P::T("乘机人"), P::Name, P::T(" 证件号 "), P::Phone],
    &[P::T("户名"), P::Name, P::T(",卡号"), P::Phone],
    &[P::T("转账户名"), P::Name, P::T(",开户行农业银行")],
    &[P::T("持卡人"), P::Name, P::T(" 卡号 "), P::Phone],
    &[P::T("签收人:"), P::Name, P::T(" "), P::Phone],
    &[P::T("联系人"), P::Name, P::T(" "), P::Phone],
    &[P::T("收货人"), P::Name, P::T(",地址"), P::Addr],
    &[P::T("售后组 "), P::Name, P::T(" 收 "), P::Phone],
    &[P::T("中奖的"), P::Name, P::T("在这 "), P::Chat],
    &[
        P::T("| "),
        P::Name,
        P::T(" | "),
        P::Phone,
        P::T(" | 农业银行 |"),
    ],
];

const CN_EXTRA_NEGATIVES: &[&str] = &[
    "用户资料更新",
    "资料已更新",
    "版本更新了",
    "地址更新一下",
    "陈皮 10年 新会 500g",
    "陈皮 5年 新会 250g ¥99",
    "党参 当归 黄芪 各100g",
    "加我,送小样",
    "下单送小样",
    "关注送赠品",
    "账单日每月25号",
    "每月15号还款",
    "更新时间 2024-05-01",
];

const W_CUE_TEMPLATES: &[&[P]] = &[
    &[
        P::T("My wife "),
        P::Name,
        P::T(" placed the order, her number is "),
        P::Phone,
    ],
    &[P::T("my husband "), P::Name, P::T(" will pick it up")],
    &[P::T("Grüße aus Wien, "), P::Name],
    &[P::T("Carte refusée pour "), P::Name, P::T(", IP 10.0.0.1")],
    &[
        P::T("Payment declined for "),
        P::Name,
        P::T(", card ending 4411"),
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_in_bounds_and_deterministic() {
        let a = synthetic(3, 500);
        assert_eq!(a, synthetic(3, 500));
        for ex in &a {
            let n = ex.text.chars().count();
            for &(_, s, e) in &ex.spans {
                assert!(s < e && e <= n, "{ex:?}");
            }
        }
        assert!(a
            .iter()
            .any(|e| e.spans.iter().any(|s| s.0 == SpanKind::Address)));
        assert!(a.iter().any(|e| e.spans.is_empty()));
    }
}
