//! Boundary and cue examples: names followed (not preceded) by a cue word
//! (`X收`, `X您好`, `X负责售后`, `X和Y都…`), addresses that stop before 楼下/门口/
//! 快递柜 and start after a verb (改成…), Western addresses in Belgian/Dutch,
//! Spanish, Italian, Korean, Japanese, Singapore and inline-unit US forms, full
//! names as record values (three-part Iberian names, accented French names, particle
//! surnames), and negatives: greetings before self-introductions, English function
//! words, ID labels, German nouns, camel-case stage handles and short Chinese
//! phrases that begin with a surname char.
//!
//! All word lists here are our own; the slots are filled from the shared
//! generators as well, so the model learns the cue and the boundary, not the list.

use super::wide::{cn_address_any, cn_name_any, w_address_any, world_name};
use super::{cn_address, cn_name, phone, w_name, w_phone, Builder};
use crate::gazetteer::CN_DISTRICTS;
use crate::train::{Example, Rng};
use crate::SpanKind;

// ------------------------------------------------------------------ Chinese names.

const TIBETAN: &[&str] = &[
    "扎西", "多吉", "次仁", "卓玛", "格桑", "顿珠", "旺姆", "尼玛", "达瓦", "平措", "德吉", "洛桑",
    "索朗", "益西", "白玛", "拉巴", "边巴", "普布", "琼达", "仁增", "措姆", "贡布", "旦增", "曲吉",
];
const TURKIC_GIVEN: &[&str] = &[
    "叶尔兰",
    "阿斯哈尔",
    "达吾列提",
    "赛力克",
    "古丽巴哈尔",
    "阿依达娜",
    "巴哈提",
    "热合曼",
    "艾山",
    "阿迪力",
    "麦尔丹",
    "吐尔逊",
    "加依娜",
    "哈力木",
    "迪丽达尔",
];
const TURKIC_FATHER: &[&str] = &[
    "吐尔洪",
    "哈力克",
    "木拉提",
    "沙吾提",
    "阿不都",
    "托合提",
    "加纳尔",
    "哈孜",
    "依明",
    "卡德尔",
    "买合苏木",
    "努尔",
];

fn minority(rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        let a = rng.pick_str(TIBETAN);
        let mut b = rng.pick_str(TIBETAN);
        while b == a {
            b = rng.pick_str(TIBETAN);
        }
        format!("{a}{b}")
    } else {
        let sep = rng.pick_str(&["·", "·", "•", "・"]);
        format!(
            "{}{sep}{}",
            rng.pick_str(TURKIC_GIVEN),
            rng.pick_str(TURKIC_FATHER)
        )
    }
}

fn zh_name(rng: &mut Rng) -> String {
    let r = rng.below(100);
    if r < 12 {
        minority(rng)
    } else if r < 45 {
        cn_name_any(rng)
    } else {
        cn_name(rng)
    }
}

/// A street-level address that starts at the district (no province/city).
fn zh_district_addr(rng: &mut Rng) -> String {
    let d = rng.pick(CN_DISTRICTS).to_string();
    let road = format!(
        "{}{}{}",
        rng.pick_str(&[
            "文化", "建设", "解放", "花园", "长江", "迎宾", "桃源", "金水", "育英", "青年", "工农",
            "滨河"
        ]),
        rng.pick_str(&["", "", "东", "西", "南", "北", "中"]),
        rng.pick_str(&["路", "路", "街", "大道", "巷"])
    );
    let mut s = format!("{d}{road}{}号", 1 + rng.below(999));
    match rng.below(4) {
        0 => s.push_str(&format!(
            "院{}号楼{}单元{}",
            1 + rng.below(20),
            1 + rng.below(6),
            101 + rng.below(2600)
        )),
        1 => s.push_str(&format!(
            "{}栋{}室",
            1 + rng.below(30),
            101 + rng.below(3200)
        )),
        2 => s.push_str(&format!(
            "{}小区{}-{}-{}",
            rng.pick_str(&["阳光", "锦绣", "幸福", "翠园"]),
            1 + rng.below(20),
            1 + rng.below(5),
            101 + rng.below(1800)
        )),
        _ => {}
    }
    s
}

/// A village address ending at the group (组) or house number.
fn zh_rural(rng: &mut Rng) -> String {
    let mut s = format!(
        "{}{}{}{}{}村",
        rng.pick_str(&["河南省", "湖南省", "江西省", "四川省", "安徽省", "湖北省"]),
        rng.pick_str(&["南阳市", "衡阳市", "赣州市", "绵阳市", "六安市", "黄冈市"]),
        rng.pick_str(&["新野县", "祁东县", "兴国县", "三台县", "霍邱县", "蕲春县"]),
        rng.pick_str(&["石桥镇", "柳林乡", "王集镇", "青山乡", "大河镇", "枫树乡"]),
        rng.pick_str(&["杨湾", "李庄", "新民", "团结", "高坪", "凤凰", "东岗"])
    );
    match rng.below(3) {
        0 => s.push_str(rng.pick_str(&["一组", "二组", "三组", "四组", "五组", "六组"])),
        1 => s.push_str(&format!("{}组{}号", 1 + rng.below(12), 1 + rng.below(80))),
        _ => {}
    }
    s
}

fn zh_addr(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=3 => cn_address(rng),
        4..=6 => cn_address_any(rng),
        _ => zh_district_addr(rng),
    }
}

const ZH_AFTER_NAME: &[&str] = &[
    "是我们新来的客服,有问题找她",
    "是我们新来的主播",
    "是新来的助理,大家多关照",
    "负责售后,有问题直接找",
    "负责发货,今天下午统一寄出",
    "负责对接品牌方",
    "说没收到赠品,查一下",
    "说颜色不对",
    "都买了这款",
    "也要一份",
    "已经付款了",
    "还没收到货",
    "今天休息",
    "在直播间吗",
    "下播了吗",
    "来了吗",
    "帮我看下订单",
];

const ZH_LEAD: &[&str] = &[
    "",
    "",
    "",
    "宝宝们,",
    "家人们,",
    "亲,",
    "主播,",
    "客服,",
    "刚才",
    "上一场",
    "昨天",
    "今天",
    "听说",
    "请问",
];

/// Chinese names with the cue after them or in running text.
fn zh_cue(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    let n = zh_name(rng);
    match rng.below(16) {
        0 => {
            // X收 / X(收) / X 收 phone, after an address or alone.
            if rng.chance(0.6) {
                b.push(rng.pick_str(&["寄:", "发到", "地址:", "给我妈寄:", "寄到", ""]));
                b.span(SpanKind::Address, &zh_addr(rng));
                b.push(rng.pick_str(&[",", " ", ",", ";"]));
            }
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&["收", "(收)", " 收 ", "收 ", " 收", "(收件人)", "收,"]));
            if rng.chance(0.6) {
                b.push(rng.pick_str(&["", " ", "电话", "86-"]));
                b.push(&phone(rng));
            }
        }
        14 | 15 if rng.chance(0.7) => {
            // name first: X 收 phone address; or address, 找X, phone.
            if rng.chance(0.6) {
                b.span(SpanKind::Person, &n);
                b.push(rng.pick_str(&[" 收 ", "(收)", "收 ", " (收) ", "收"]));
                b.push(&phone(rng));
                b.push(rng.pick_str(&[" ", " ", ",", "\n"]));
                b.span(SpanKind::Address, &zh_addr(rng));
            } else {
                b.push(rng.pick_str(&["寄到", "发到", "地址:", ""]));
                b.span(SpanKind::Address, &zh_addr(rng));
                b.push(rng.pick_str(&[",找", ",联系", " 找", ",交给"]));
                b.span(SpanKind::Person, &n);
                b.push(rng.pick_str(&[",电话", " 电话", ",手机", ","]));
                b.push(&phone(rng));
            }
        }
        1 => {
            b.push(rng.pick_str(&["前台", "门卫", "保安室", "传达室", "财务部", "行政"]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&["收", "收 ", "代收"]));
            if rng.chance(0.5) {
                b.push(&phone(rng));
            }
        }
        2 | 3 => {
            // X您好 at the start or after 】
            if rng.chance(0.5) {
                b.push(rng.pick_str(&[
                    "【官方旗舰店】",
                    "【发货通知】",
                    "【售后】",
                    "【温馨提示】",
                    "【物流提醒】",
                ]));
            }
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&["您好,", "你好,", "您好!", "你好~", "您好"]));
            b.push(rng.pick_str(&[
                "您的订单已发出",
                "包裹明天到",
                "退款已处理",
                "请确认收货地址",
                "这边帮您查了",
            ]));
        }
        4..=7 => {
            b.push(rng.pick_str(ZH_LEAD));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(ZH_AFTER_NAME));
        }
        8 | 9 => {
            b.push(rng.pick_str(&["谢谢", "感谢", "多亏", "麻烦"]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&[
                "帮我挑的色号",
                "帮我改地址",
                "帮我代拍",
                "推荐的",
                "送的礼物",
                "帮忙催单",
            ]));
        }
        10..=12 => {
            // two names joined, the span stops before 和/跟/、 and 都/也/一起.
            b.push(rng.pick_str(&["", "", "刚才", "宝宝们,"]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&["和", "跟", "、", "与", "还有"]));
            b.span(SpanKind::Person, &zh_name(rng));
            b.push(rng.pick_str(&[
                "都买了这款",
                "一起拼单",
                "一起来的",
                "都没收到",
                "说要换货",
                "也在",
                "都中奖了",
            ]));
        }
        13 => {
            b.push(rng.pick_str(&["@", "回复", "@"]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&[" 你说的", " 说得对", ":好的", " 收到"]));
        }
        _ => {
            b.push(rng.pick_str(&["主播我是", "我是", "我叫"]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&[",", ","]));
            b.push(rng.pick_str(&[
                "麻烦把我的收货地址改成",
                "地址换成",
                "改到",
                "帮我寄去",
                "地址改为",
                "送到",
            ]));
            b.span(SpanKind::Address, &zh_addr(rng));
        }
    }
    b.finish()
}

/// Addresses that end before 楼下/门口/快递柜 and start after a verb.
fn zh_addr_edge(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    b.push(rng.pick_str(&[
        "放",
        "放在",
        "寄到",
        "改成",
        "换成",
        "改到",
        "送",
        "地址改成",
        "麻烦放",
        "我在",
        "我住",
        "人在",
        "我家在",
    ]));
    let mut a = if rng.chance(0.25) {
        zh_rural(rng)
    } else {
        zh_addr(rng)
    };
    if rng.chance(0.25) && a.ends_with('号') {
        a.push_str(rng.pick_str(&[
            "时代广场",
            "国际金融中心",
            "创业大厦",
            "科技园B座",
            "万达广场",
            "银泰中心",
        ]));
    }
    b.span(SpanKind::Address, &a);
    b.push(rng.pick_str(&[
        "楼下快递柜",
        "楼下",
        "门口",
        "快递柜",
        "楼下驿站",
        "门卫处",
        "丰巢柜",
        "对面",
        "旁边的超市",
        "的菜鸟驿站",
        "楼下的丰巢",
        "附近,能送吗",
        "附近",
        "这边",
        "一带,能到吗",
        "附近,发哪家快递",
    ]));
    if rng.chance(0.5) {
        b.push(rng.pick_str(&[",谢谢", "就行", ",别打电话", "!", ""]));
    }
    b.finish()
}

const ZH_NEG: &[&str] = &[
    "别问了,已经发了",
    "别催了亲",
    "别急哈",
    "于是就下单了",
    "万一不合适呢",
    "向主播提问",
    "时间来不及了",
    "高兴死了",
    "常来看看",
    "全部拍了",
    "付款了",
    "方便发顺丰吗",
    "马上安排",
    "包邮吗",
    "都买了",
    "和上次一样",
    "跟昨天一样的",
    "说好的赠品呢",
    "收到了谢谢",
    "您好在吗",
    "你好呀",
    "别问了 问就是好用",
    "林林总总",
    "施工中",
    "钱到了吗",
    "齐活了",
    "连麦吗",
    "陆续发货",
    "温馨提示",
    "史上最低价",
];

// --------------------------------------------------------------- Western names.

const ES_FIRST: &[&str] = &[
    "Javier", "Lucía", "Sergio", "Marina", "Álvaro", "Inés", "Gonzalo", "Rocío", "Iker", "Nerea",
    "Rodrigo", "Paloma", "Andrés", "Ainhoa", "Tomás", "Itziar",
];
const ES_LAST: &[&str] = &[
    "Herrera", "Castillo", "Navarro", "Iglesias", "Ortega", "Delgado", "Cabrera", "Vidal", "Peña",
    "Santana", "Aguirre", "Benítez", "Salazar", "Fuentes", "Arroyo", "Quintero",
];
const FR_FIRST: &[&str] = &[
    "Anaïs",
    "Zoé",
    "Loïc",
    "Gaëlle",
    "Noémie",
    "Hélène",
    "Jérôme",
    "Benoît",
    "Cécile",
    "Régis",
    "Océane",
    "Séverine",
    "Maïwenn",
    "Gaëtan",
    "Solène",
    "Thaïs",
    "Aurore",
    "Étienne",
];
const FR_LAST: &[&str] = &[
    "Lefèvre",
    "Garnier",
    "Chevalier",
    "Rousseau",
    "Lemaire",
    "Perrin",
    "Gauthier",
    "Bérenger",
    "Marchand",
    "Lacroix",
    "Poirier",
    "Tessier",
    "Guérin",
    "Charpentier",
];
const PARTICLES: &[&str] = &[
    "Le", "La", "De", "Van", "von", "de", "van", "Da", "Di", "Du", "van der", "Van den", "de la",
];
const PARTICLE_STEMS: &[&str] = &[
    "Bihan", "Roux", "Meur", "Smet", "Damme", "Arnim", "Rocca", "Berg", "Vries", "Stefano",
    "Silva", "Pont", "Bosch", "Hoeven", "Fontaine", "Brun", "Gall",
];

fn w_full(rng: &mut Rng) -> String {
    match rng.below(7) {
        0 | 1 => format!(
            "{} {} {}",
            rng.pick_str(ES_FIRST),
            rng.pick_str(ES_LAST),
            rng.pick_str(ES_LAST)
        ),
        2 | 3 => format!("{} {}", rng.pick_str(FR_FIRST), rng.pick_str(FR_LAST)),
        4 => format!(
            "{} {} {}",
            if rng.chance(0.5) {
                rng.pick_str(FR_FIRST).to_string()
            } else {
                w_name(rng).split(' ').next().unwrap_or("Anna").to_string()
            },
            rng.pick_str(PARTICLES),
            rng.pick_str(PARTICLE_STEMS)
        ),
        5 => world_name(rng),
        _ => w_name(rng),
    }
}

/// Full names as record values, after ID/bank labels and after greetings.
fn w_name_cue(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    let n = w_full(rng);
    match rng.below(8) {
        0 => {
            b.push(&format!("order_id={};", 10000 + rng.below(90000)));
            b.push(rng.pick_str(&["name=", "nombre=", "customer=", "recipient="]));
            b.span(SpanKind::Person, &n);
            b.push(&format!(
                ";tel={};city={}",
                w_phone(rng),
                rng.pick_str(&["Sevilla", "Lyon", "Gent", "Porto"])
            ));
        }
        1 => {
            b.push(&format!("{},", 100 + rng.below(900)));
            b.span(SpanKind::Person, &n);
            b.push(&format!(
                ",{},{}",
                w_phone(rng),
                rng.pick_str(&["PAID", "SHIPPED", "pending", "42.90"])
            ));
        }
        2 => {
            b.push(rng.pick_str(&[
                "RIB : ",
                "RIB: ",
                "Titulaire : ",
                "Bénéficiaire : ",
                "Kontoinhaber: ",
            ]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&[
                " — IBAN FR76 3000 4000 0312 3456 7890 143",
                " - IBAN DE89 3704 0044 0532 0130 00",
                ", BIC BNPAFRPP",
            ]));
        }
        3 | 4 => {
            let (greet, intro) = *rng.pick(&[
                ("Hallo", "hier ist"),
                ("Salut", "ici"),
                ("Bonjour", "ici"),
                ("Bonjour", "c'est"),
                ("Hola", "soy"),
                ("Ciao", "sono"),
                ("Hi", "this is"),
                ("Hey", "it's"),
                ("Moin", "hier ist"),
                ("Hoi", "met"),
                ("Guten Tag", "hier spricht"),
            ]);
            b.push(&format!("{greet}, {intro} "));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&[
                ", ma commande n'est pas arrivée",
                ". Lieferung bitte an die Packstation",
                ", el pedido llegó roto",
                ", il pacco è in ritardo",
                ", my parcel is late",
                ".",
                ", vous pouvez me rappeler ?",
            ]));
        }
        5 => {
            b.push(rng.pick_str(&[
                "Bonjour, ici ",
                "Salut c'est ",
                "ici ",
                "de la part de ",
                "WhatsApp : +33 6 12 40 77 81, de la part de ",
                "envoyé par ",
            ]));
            b.span(SpanKind::Person, &n);
            b.push(rng.pick_str(&[", j'ai une question", ", colis pas reçu", " de Brest"]));
        }
        6 => {
            b.push("\"");
            b.span(SpanKind::Person, &n);
            b.push(&format!(
                "\",\"{}\",\"{}\"",
                w_phone(rng),
                rng.pick_str(&["FR", "BE", "ES", "IT"])
            ));
        }
        _ => {
            b.push(rng.pick_str(&[
                "Titular: ",
                "Destinatario: ",
                "Intestatario: ",
                "Empfänger: ",
            ]));
            b.span(SpanKind::Person, &n);
        }
    }
    b.finish()
}

const W_NEG: &[&str] = &[
    "how long does shipping take",
    "how long until it arrives?",
    "how much for two?",
    "Line-ID: shop_2231",
    "WeChat-ID bitte per DM",
    "Line-ID please",
    "RIB envoyé par mail",
    "le RIB est dans la facture",
    "Ist das noch auf Lager?",
    "Lager ist leer, Nachschub Freitag",
    "Hallo, ist das noch da?",
    "Salut, c'est dispo en M ?",
    "Hola, ¿hay envío a Canarias?",
    "Ciao, quanto costa la spedizione?",
    "Hallo zusammen!",
    "Salut tout le monde",
    "IBAN und BIC bitte",
    "Tracking-ID fehlt",
    "User-ID 88123",
    "how long is the cable",
    "What about the blue one?",
];

const HANDLE_A: &[&str] = &[
    "GlowWith",
    "ShopWith",
    "CookWith",
    "StyleBy",
    "DealsBy",
    "FitWith",
    "BeautyBy",
    "DailyWith",
    "LiveWith",
    "TalkWith",
    "GlamBy",
];
const HANDLE_B: &[&str] = &[
    "Beauty", "Styles", "Live", "Official", "Daily", "Deals", "Studio",
];

fn handle_neg(rng: &mut Rng) -> Example {
    let first = w_name(rng).split(' ').next().unwrap_or("Lena").to_string();
    let h = if rng.chance(0.5) {
        format!("{}{first}", rng.pick_str(HANDLE_A))
    } else {
        format!("{first}{}", rng.pick_str(HANDLE_B))
    };
    let line = match rng.below(4) {
        0 => format!("follow {h} for more deals"),
        1 => format!("{h} is live now!"),
        2 => format!("shoutout to {h} 💕"),
        _ => format!("@{h} 下一场几点"),
    };
    Example {
        text: line,
        spans: Vec::new(),
    }
}

// ------------------------------------------------------------ Western addresses.

fn nd(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.below(10) as u8))
        .collect()
}

fn w_addr_extra(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => {
            // Belgium / Netherlands: street number, postcode city.
            let street = rng.pick_str(&[
                "Kerkstraat",
                "Veldstraat",
                "Lange Nieuwstraat",
                "Grote Markt",
                "Rue Neuve",
                "Rue de Namur",
                "Chaussée de Wavre",
                "Avenue Louise",
                "Boulevard d'Avroy",
                "Steenweg",
                "Korenmarkt",
                "Prinsengracht",
                "Dorpsstraat",
                "Rue du Midi",
                "Bondgenotenlaan",
            ]);
            let no = format!(
                "{}{}",
                1 + rng.below(300),
                rng.pick_str(&["", "", "", "A", " bus 3", "/2"])
            );
            if rng.chance(0.3) {
                format!(
                    "{street} {no}, {}{} {} {}",
                    1000 + rng.below(8900),
                    "",
                    ["AB", "GV", "KL", "TR"][rng.below(4)],
                    rng.pick_str(&["Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Leiden"])
                )
            } else {
                format!(
                    "{street} {no}, {} {}",
                    1000 + rng.below(8900),
                    rng.pick_str(&[
                        "Gent",
                        "Brugge",
                        "Leuven",
                        "Mechelen",
                        "Namur",
                        "Charleroi",
                        "Bruxelles",
                        "Hasselt",
                        "Mons",
                        "Brussel",
                        "Kortrijk",
                        "Luik"
                    ])
                )
            }
        }
        1 => {
            // Spain with floor/door.
            format!(
                "{} {} {}, {}º {}, {} {}",
                rng.pick_str(&["Calle", "Avenida", "Paseo", "C/", "Calle de"]),
                rng.pick_str(&[
                    "de Toledo",
                    "del Carmen",
                    "de Velázquez",
                    "Princesa",
                    "de Sagasta",
                    "Colón",
                    "de la Paz",
                    "Fuencarral",
                    "de Goya",
                    "Larios"
                ]),
                1 + rng.below(300),
                1 + rng.below(9),
                rng.pick_str(&["B", "A", "C", "izda", "dcha"]),
                nd(rng, 5),
                rng.pick_str(&[
                    "Madrid", "Valencia", "Granada", "Alicante", "Murcia", "Córdoba", "Vigo"
                ])
            )
        }
        2 => {
            // Italy.
            format!(
                "{} {} {}, {} {}",
                rng.pick_str(&["Via", "Via", "Corso", "Viale", "Piazza"]),
                rng.pick_str(&[
                    "Tiburtina",
                    "Appia Nuova",
                    "Toledo",
                    "dei Condotti",
                    "Indipendenza",
                    "Marconi",
                    "Manzoni",
                    "del Corso",
                    "Po"
                ]),
                1 + rng.below(300),
                nd(rng, 5),
                rng.pick_str(&["Roma", "Napoli", "Torino", "Bari", "Genova", "Padova", "Verona"])
            )
        }
        3 => {
            // Korea.
            let road = rng.pick_str(&[
                "Gangnam",
                "Teheran",
                "Sejong",
                "Jungang",
                "Dongil",
                "Wolgye",
                "Suyeong",
                "Bupyeong",
                "Yeonsu",
                "Dalgubeol",
            ]);
            let gu = rng.pick_str(&[
                "Gangnam", "Mapo", "Seocho", "Jung", "Nam", "Buk", "Songpa", "Suseong", "Yuseong",
                "Paldal",
            ]);
            let city = rng.pick_str(&[
                "Seoul", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan", "Suwon", "Busan",
            ]);
            if rng.chance(0.5) {
                format!(
                    "{} {road}-ro {}beon-gil, {gu}-gu, {city} {}",
                    1 + rng.below(200),
                    1 + rng.below(900),
                    nd(rng, 5)
                )
            } else {
                format!(
                    "{} {road}-{}, {gu}-gu, {city} {}",
                    1 + rng.below(500),
                    rng.pick_str(&["ro", "daero", "gil"]),
                    nd(rng, 5)
                )
            }
        }
        4 => {
            // Japan.
            format!(
                "{}-{}-{} {}, {}-ku, {} {}-{}",
                1 + rng.below(9),
                1 + rng.below(30),
                1 + rng.below(20),
                rng.pick_str(&[
                    "Ginza",
                    "Umeda",
                    "Sakae",
                    "Nishiki",
                    "Hakata-ekimae",
                    "Kita-Aoyama",
                    "Namba",
                    "Shinsaibashi",
                    "Odori-nishi",
                    "Motomachi"
                ]),
                rng.pick_str(&[
                    "Chuo", "Minato", "Kita", "Naka", "Shibuya", "Hakata", "Nishi", "Higashi"
                ]),
                rng.pick_str(&[
                    "Tokyo", "Osaka", "Nagoya", "Sapporo", "Kobe", "Kyoto", "Yokohama", "Sendai"
                ]),
                nd(rng, 3),
                nd(rng, 4)
            )
        }
        5 => {
            // Singapore HDB.
            format!(
                "{}{} {} {} {}, #{:02}-{}, Singapore {}",
                rng.pick_str(&["Blk ", "Blk ", "Block ", ""]),
                1 + rng.below(900),
                rng.pick_str(&[
                    "Tampines",
                    "Bedok North",
                    "Ang Mo Kio",
                    "Jurong West",
                    "Yishun",
                    "Woodlands",
                    "Toa Payoh",
                    "Hougang",
                    "Bukit Batok",
                    "Pasir Ris"
                ]),
                rng.pick_str(&["Ave", "St", "Rd", "Street", "Avenue"]),
                1 + rng.below(9),
                2 + rng.below(25),
                100 + rng.below(900),
                nd(rng, 6)
            )
        }
        6 => {
            // US with the unit inline after the street type.
            let (c, st) = *rng.pick(&[
                ("Albany", "NY"),
                ("Tacoma", "WA"),
                ("Boise", "ID"),
                ("Tulsa", "OK"),
                ("Omaha", "NE"),
                ("Raleigh", "NC"),
                ("Dayton", "OH"),
                ("Fresno", "CA"),
                ("Madison", "WI"),
                ("Reno", "NV"),
            ]);
            format!(
                "{} {} {}{}, {c}, {st} {}",
                1 + rng.below(9900),
                rng.pick_str(&[
                    "Maplewood",
                    "Cedar Ridge",
                    "Foxglove",
                    "Brookhaven",
                    "Willow Bend",
                    "Stonegate",
                    "Harbor View",
                    "Quail Run"
                ]),
                rng.pick_str(&["Ct", "Dr", "Ln", "Pl", "Ter", "Cir", "Way", "Blvd"]),
                rng.pick_str(&[
                    " Apt 7A",
                    " Apt 12",
                    " Unit 3B",
                    " #204",
                    "",
                    ", Suite 410",
                    ", Apt 5"
                ]),
                nd(rng, 5)
            )
        }
        7 if rng.chance(0.6) => {
            // DACH: adjective street names, -gasse/-weg, multiword towns.
            let street = if rng.chance(0.5) {
                format!(
                    "{} {}",
                    rng.pick_str(&[
                        "Mariendorfer",
                        "Kölner",
                        "Grazer",
                        "Hamburger",
                        "Linzer",
                        "Wiener",
                        "Berliner",
                        "Badener",
                        "Alte",
                        "Lange",
                        "Obere",
                        "Neue"
                    ]),
                    rng.pick_str(&[
                        "Straße",
                        "Strasse",
                        "Str.",
                        "Allee",
                        "Weg",
                        "Platz",
                        "Gasse",
                        "Landstraße"
                    ])
                )
            } else {
                rng.pick_str(&[
                    "Rennweg",
                    "Limmatquai",
                    "Marktgasse",
                    "Kramgasse",
                    "Gerbergasse",
                    "Steinenberg",
                    "Kornmarkt",
                    "Hauptgasse",
                    "Zeil",
                    "Jungfernstieg",
                    "Graben",
                    "Kohlmarkt",
                ])
                .to_string()
            };
            let mut no = format!("{}", 1 + rng.below(200));
            if rng.chance(0.2) {
                no = format!("{no}/{}/{}", 1 + rng.below(9), 1 + rng.below(30));
            }
            format!(
                "{street} {no}, {}{} {}",
                rng.pick_str(&["", "", "", "D-", "A-", "CH-"]),
                1000 + rng.below(98000),
                rng.pick_str(&[
                    "Frankfurt am Main",
                    "Freiburg im Breisgau",
                    "Mülheim an der Ruhr",
                    "Halle (Saale)",
                    "Zürich",
                    "Bern",
                    "Graz",
                    "Linz",
                    "Basel",
                    "Luzern",
                    "Wien",
                    "Kempten (Allgäu)",
                    "Weil am Rhein"
                ])
            )
        }
        _ => w_address_any(rng, false),
    }
}

fn w_addr_cue(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    if rng.chance(0.35) {
        b.push(rng.pick_str(&[
            "Return address: ",
            "Ship to: ",
            "Deliver to ",
            "Lieferadresse: ",
            "Adresse de livraison : ",
            "Dirección: ",
            "Indirizzo: ",
            "Retouradresse: ",
        ]));
        b.span(SpanKind::Person, &w_full(rng));
        b.push(", ");
    } else {
        b.push(rng.pick_str(&[
            "envíenlo a ",
            "mándalo a ",
            "enviar a ",
            "spedite a ",
            "spedire a ",
            "send it to ",
            "ship to ",
            "my address is ",
            "Adresse: ",
            "livrez à ",
            "leveren op ",
            "bitte an ",
            "Billing: ",
            "Shipping: ",
            "shipped to ",
            "",
            "nuevo domicilio: ",
        ]));
    }
    b.span(SpanKind::Address, &w_addr_extra(rng));
    b.push(rng.pick_str(&[
        ".",
        ", gracias",
        ". Grazie!",
        ", thanks",
        "",
        ", +32 2 555 01 23",
        " 🙏",
        ", tel. ",
    ]));
    if rng.chance(0.3) {
        b.push(&w_phone(rng));
    }
    b.finish()
}

/// Examples of the cue stream.
pub(super) fn cue_example(rng: &mut Rng) -> Example {
    match rng.below(100) {
        0..=29 => zh_cue(rng),
        30..=39 => zh_addr_edge(rng),
        40..=45 => {
            let s = rng.pick_str(ZH_NEG);
            Example {
                text: s.to_string(),
                spans: Vec::new(),
            }
        }
        46..=65 => w_addr_cue(rng),
        66..=83 => w_name_cue(rng),
        84..=91 => {
            let s = rng.pick_str(W_NEG);
            Example {
                text: s.to_string(),
                spans: Vec::new(),
            }
        }
        92..=95 => spec_neg(rng),
        _ => handle_neg(rng),
    }
}

/// Product and delivery lines with numbers, commas and capitalized words: no
/// address, no name.
fn spec_neg(rng: &mut Rng) -> Example {
    let n = 1 + rng.below(40);
    let text = match rng.below(7) {
        0 => format!(
            "Réf. {}{}, taille {}, {n} en stock",
            rng.pick_str(&["ART", "FR-", "SKU", "REF"]),
            1_000_000 + rng.below(8_000_000),
            rng.pick_str(&["M", "L", "S", "36", "38", "XL", "42"])
        ),
        1 => format!(
            "Artikelnr. {}, Größe {}, {n} Stück auf Lager",
            10_000_000 + rng.below(80_000_000),
            rng.pick_str(&["M", "L", "S", "40", "XL"])
        ),
        2 => format!(
            "Livraison vers {} sous {n} jours ouvrés",
            rng.pick_str(&["Lyon", "Nantes", "Lille", "Rennes", "Genève", "Namur"])
        ),
        3 => format!(
            "Lieferung nach {} in {n} Werktagen",
            rng.pick_str(&["Berlin", "Graz", "Basel", "Köln", "Bremen"])
        ),
        4 => format!(
            "Ref. {}, talla {}, quedan {n} unidades",
            100_000 + rng.below(900_000),
            rng.pick_str(&["M", "L", "38", "40"])
        ),
        5 => format!(
            "Subject: Order {} shipped, {n} items",
            100_000 + rng.below(900_000)
        ),
        _ => format!(
            "Cod. {}, taglia {}, {n} pezzi disponibili",
            100_000 + rng.below(900_000),
            rng.pick_str(&["M", "L", "S", "44"])
        ),
    };
    Example {
        text,
        spans: Vec::new(),
    }
}
