//! Address forms of the Low Countries, Switzerland and Austria (a street word with
//! no street suffix, `Street 12-1, 1234 AB City`), Australia, Malaysia, Hong Kong
//! and Korea (Hangul), German addresses split over two lines, and Chinese names with
//! rarer given chars after role words (法人, 闺蜜, 派件员) or before record words
//! (身份证, 的信用卡), in lists, and Latin given names next to a Chinese name.
//!
//! All word lists here are our own.

use super::wide::{cn_address_any, cn_name_any, world_name};
use super::Builder;
use crate::train::{Example, Rng};
use crate::SpanKind;

const LOW_STREETS: &[&str] = &[
    "Lijnbaansgracht",
    "Bloemgracht",
    "Nieuwendijk",
    "Coolsingel",
    "Vrijthof",
    "Lange Voorhout",
    "Rapenburg",
    "Breestraat",
    "Vismarkt",
    "Oude Delft",
    "Marktgasse",
    "Rennweg",
    "Limmatquai",
    "Kramgasse",
    "Graben",
    "Kohlmarkt",
    "Freyung",
    "Getreidegasse",
    "Kouter",
    "Wapper",
    "Groenplaats",
    "Korenlei",
    "Zuivelmarkt",
    "Steenweg op Gent",
    "Place Flagey",
    "Rue Haute",
    "Avenue de Tervueren",
    "Bahnhofplatz",
    "Münsterhof",
    "Herrengasse",
    "Schwedenplatz",
    "Mariahilfer Straße",
    "Neumarkt",
];
const LOW_CITIES: &[&str] = &[
    "Haarlem",
    "Delft",
    "Leiden",
    "Zwolle",
    "Groningen",
    "Maastricht",
    "Den Haag",
    "Den Bosch",
    "Bern",
    "Luzern",
    "Winterthur",
    "St. Gallen",
    "Lugano",
    "Graz",
    "Linz",
    "Innsbruck",
    "Wien",
    "Antwerpen",
    "Gent",
    "Leuven",
    "Namur",
    "Liège",
    "Uccle",
    "Schaerbeek",
    "Anderlecht",
];
const AU_NAMES: &[&str] = &[
    "Wattle",
    "Banksia",
    "Jacaranda",
    "Currawong",
    "Lorikeet",
    "Bottlebrush",
    "Ironbark",
    "Paperbark",
    "Magpie",
    "Kookaburra",
    "Acacia",
    "Coral",
    "Bayview",
    "Seaview",
];
const AU_TYPES: &[&str] = &[
    "Parade",
    "Crescent",
    "Esplanade",
    "Terrace",
    "Circuit",
    "Close",
    "Place",
    "Boulevard",
    "Grove",
];
const AU_SUBURBS: &[(&str, &str, &str)] = &[
    ("Fremantle", "WA", "6160"),
    ("Glenelg", "SA", "5045"),
    ("Manly", "NSW", "2095"),
    ("Newtown", "NSW", "2042"),
    ("Fitzroy", "VIC", "3065"),
    ("St Kilda", "VIC", "3182"),
    ("Toowong", "QLD", "4066"),
    ("Sandy Bay", "TAS", "7005"),
];
const MY_ROADS: &[&str] = &[
    "Jalan Ampang",
    "Jalan Bukit Bintang",
    "Jalan Sultan Ismail",
    "Jalan Gasing",
    "Jalan Ipoh",
    "Lorong Maarof",
    "Jalan Kenari",
    "Jalan Melati",
    "Persiaran Gurney",
    "Jalan Tebrau",
];
const MY_PLACES: &[(&str, &str)] = &[
    ("59100", "Kuala Lumpur"),
    ("46000", "Petaling Jaya"),
    ("40150", "Shah Alam"),
    ("10250", "George Town"),
    ("80300", "Johor Bahru"),
    ("31400", "Ipoh"),
];
const MY_STATES: &[&str] = &[
    "Selangor",
    "Johor",
    "Perak",
    "Pulau Pinang",
    "Wilayah Persekutuan",
];
const HK_ROADS: &[&str] = &[
    "Nathan Road",
    "Des Voeux Road Central",
    "King's Road",
    "Castle Peak Road",
    "Queen's Road East",
    "Argyle Street",
    "Tai Po Road",
    "Electric Road",
    "Lockhart Road",
    "Sai Yeung Choi Street",
];
const HK_DISTRICTS: &[&str] = &[
    "Yau Ma Tei",
    "Wan Chai",
    "Sham Shui Po",
    "North Point",
    "Kwun Tong",
    "Sai Kung",
    "Causeway Bay",
    "Tai Po",
    "Yuen Long",
];
const KR_CITY: &[&str] = &[
    "서울특별시",
    "부산광역시",
    "인천광역시",
    "대구광역시",
    "경기도 성남시",
];
const KR_GU: &[&str] = &[
    "강남구",
    "서초구",
    "용산구",
    "해운대구",
    "분당구",
    "남동구",
    "수성구",
];
const KR_RO: &[&str] = &[
    "테헤란로",
    "반포대로",
    "한강대로",
    "해운대로",
    "판교역로",
    "달구벌대로",
];
const DE_STREETS: &[&str] = &[
    "Lindenweg",
    "Birkenallee",
    "Am Mühlbach",
    "Kastanienring",
    "Ulmenstraße",
    "Rosenhof",
    "Fliederweg",
    "Ahornplatz",
];
const DE_PLACES: &[&str] = &[
    "04109 Leipzig",
    "01067 Dresden",
    "90402 Nürnberg",
    "70173 Stuttgart",
    "24103 Kiel",
    "79098 Freiburg im Breisgau",
    "30159 Hannover",
];

fn n(rng: &mut Rng, lo: usize, hi: usize) -> String {
    (lo + rng.below(hi - lo + 1)).to_string()
}

fn region_address(rng: &mut Rng) -> String {
    match rng.below(7) {
        0 => {
            let street = rng.pick_str(LOW_STREETS);
            let no = format!(
                "{}{}",
                n(rng, 1, 320),
                rng.pick_str(&["", "", "-1", "-3", "/2", "a", "-II"])
            );
            let pc = if rng.chance(0.5) {
                format!(
                    "{} {}{}",
                    n(rng, 1000, 9999),
                    char::from(b'A' + rng.below(26) as u8),
                    char::from(b'A' + rng.below(26) as u8)
                )
            } else {
                n(rng, 1000, 9999)
            };
            format!("{street} {no}, {pc} {}", rng.pick_str(LOW_CITIES))
        }
        1 => {
            let (sub, st, pc) = *rng.pick(AU_SUBURBS);
            format!(
                "{} {} {}, {sub} {st} {pc}",
                n(rng, 1, 250),
                rng.pick_str(AU_NAMES),
                rng.pick_str(AU_TYPES)
            )
        }
        2 => {
            let (pc, city) = *rng.pick(MY_PLACES);
            let head = if rng.chance(0.5) {
                format!("No. {}, ", n(rng, 1, 120))
            } else {
                format!("{}, ", n(rng, 1, 120))
            };
            let road = if rng.chance(0.3) {
                format!("Jalan SS {}/{}", n(rng, 1, 25), n(rng, 1, 40))
            } else {
                rng.pick_str(MY_ROADS).to_string()
            };
            let state = if rng.chance(0.4) {
                format!(", {}", rng.pick_str(MY_STATES))
            } else {
                String::new()
            };
            format!("{head}{road}, {pc} {city}{state}")
        }
        3 => format!(
            "{} {}, {}/F, {} {}, {}, Hong Kong",
            rng.pick_str(&["Flat", "Room", "Unit", "Flat"]),
            char::from(b'A' + rng.below(8) as u8),
            n(rng, 2, 38),
            n(rng, 1, 400),
            rng.pick_str(HK_ROADS),
            rng.pick_str(HK_DISTRICTS)
        ),
        4 => format!(
            "{} {} {} {}",
            rng.pick_str(KR_CITY),
            rng.pick_str(KR_GU),
            rng.pick_str(KR_RO),
            n(rng, 1, 300)
        ),
        5 => format!(
            "{} {}{}\n{}",
            rng.pick_str(DE_STREETS),
            n(rng, 1, 120),
            rng.pick_str(&["", "", "a", "b"]),
            rng.pick_str(DE_PLACES)
        ),
        _ => format!(
            "{}, Singapore {}",
            format_args!(
                "Blk {} {} Street {}, #{:02}-{}",
                n(rng, 100, 800),
                rng.pick_str(&["Bedok North", "Ang Mo Kio", "Jurong West", "Tampines"]),
                n(rng, 11, 99),
                2 + rng.below(20),
                n(rng, 100, 999)
            ),
            n(rng, 100000, 829999)
        ),
    }
}

fn region_example(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    let cn = rng.chance(0.4);
    if cn {
        b.push(rng.pick_str(&[
            "地址：",
            "寄到",
            "收货地址 ",
            "我在国外，地址 ",
            "集运地址：",
        ]));
    } else {
        b.push(rng.pick_str(&[
            "Ship to ",
            "please change it to ",
            "Lieferadresse: ",
            "Adresse : ",
            "Bezorgen op ",
            "my address is ",
            "",
        ]));
    }
    b.span(SpanKind::Address, &region_address(rng));
    if rng.chance(0.5) {
        b.push(if cn { "，收件人 " } else { ", attn " });
        b.span(SpanKind::Person, &world_name(rng));
    }
    b.push(rng.pick_str(&["", ", thanks", "，谢谢", ". Danke!", " 🙏"]));
    b.finish()
}

const ROLE_BEFORE: &[&str] = &[
    "法人",
    "闺蜜",
    "我老公",
    "我老婆",
    "派件员",
    "用户",
    "同事",
    "我表姐",
    "收件人",
    "群里",
    "持卡人",
    "联系",
    "帮我朋友",
    "我妈",
];
const AFTER: &[&str] = &[
    "身份证3301061990",
    "绑定了新设备",
    "的号码是",
    "说她已经拍了",
    "的信用卡付的",
    "你好，快递到了",
    "就行",
    "也报个名",
    "的快递到了吗",
    "，电话",
];

fn name_example(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    match rng.below(4) {
        0 => {
            b.push(rng.pick_str(ROLE_BEFORE));
            b.span(SpanKind::Person, &cn_name_any(rng));
            b.push(rng.pick_str(AFTER));
        }
        1 => {
            b.span(SpanKind::Person, &cn_name_any(rng));
            b.push(rng.pick_str(AFTER));
        }
        2 => {
            b.push(rng.pick_str(&["中奖名单：", "恭喜", "", "获奖的有"]));
            let k = 2 + rng.below(3);
            for i in 0..k {
                if i > 0 {
                    b.push(rng.pick_str(&["、", "、", "，", " "]));
                }
                b.span(SpanKind::Person, &cn_name_any(rng));
            }
            b.push(rng.pick_str(&["，请私信领奖", "三位宝宝的福袋已寄出", ""]));
        }
        _ => {
            let latin = rng.pick_str(&[
                "Kevin", "Vivian", "Leo", "Ivy", "Eric", "Cathy", "Ryan", "Fiona", "Owen", "Wendy",
            ]);
            let cnn = cn_name_any(rng);
            let surname: String = cnn.chars().take(1).collect();
            let name = match rng.below(4) {
                0 => format!("{latin}{surname}"),
                1 => format!("{latin} {cnn}"),
                2 => format!("{surname} {latin}"),
                _ => format!("{latin}{cnn}"),
            };
            b.push(rng.pick_str(&["我朋友 ", "主播，", "", "帮 "]));
            b.span(SpanKind::Person, &name);
            b.push(rng.pick_str(&[" 要两件", " 和我一起拼", "，地址 "]));
            if rng.chance(0.3) {
                b.span(SpanKind::Address, &cn_address_any(rng));
            }
        }
    }
    b.finish()
}

/// One example of this stream.
pub(super) fn example(rng: &mut Rng) -> Example {
    if rng.chance(0.55) {
        region_example(rng)
    } else {
        name_example(rng)
    }
}
