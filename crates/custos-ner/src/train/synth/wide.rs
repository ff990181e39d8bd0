//! Wider synthetic vocabulary and record formats.
//!
//! Names are generated from syllables of many origins (Slavic, Indian, Arabic,
//! West/East/South African, Iberian, Italian, Vietnamese, Korean, Japanese romaji,
//! pinyin) so that most of them are in no gazetteer; Chinese names use rare and
//! compound surnames, single-char given names, minority and transliterated names and
//! traditional characters. Addresses cover rural Chinese forms, 街道/社区/小区/期/
//! 号楼/单元, Hong Kong and Taiwan addresses in traditional characters, UK flats,
//! US suites and ZIP+4, Germany/Austria/Switzerland, France (bis/ter, CEDEX), Spain
//! and Italy, and multi-line addresses joined by ` / `, `|`, `,` or a newline.
//! Both appear in CSV rows, `key=value` records, JSON snippets, timestamped
//! transcripts, SMS notices, e-mail signatures and log lines, next to negatives in
//! the same formats (user names, handles, products, bare cities, field names).

use super::{cap, phone, w_phone, Builder};
use crate::gazetteer::{CN_CITIES, CN_COMPOUND_SURNAMES, CN_DISTRICTS, CN_GIVEN, CN_PROVINCES};
use crate::train::{Example, Rng};
use crate::SpanKind;

// ------------------------------------------------------------ Latin-script names.

/// One naming tradition: listed names plus syllables to make up new ones.
struct Origin {
    firsts: &'static [&'static str],
    lasts: &'static [&'static str],
    onsets: &'static [&'static str],
    nuclei: &'static [&'static str],
    first_ends: &'static [&'static str],
    last_ends: &'static [&'static str],
}

const SLAVIC: Origin = Origin {
    firsts: &[
        "Dmitri",
        "Sergei",
        "Oleksandr",
        "Anastasia",
        "Yulia",
        "Bogdan",
        "Milena",
        "Radoslav",
        "Zofia",
        "Katarzyna",
        "Wojciech",
        "Tomasz",
        "Ivana",
        "Goran",
        "Nikola",
        "Svetlana",
        "Yaroslav",
        "Olga",
        "Vesna",
        "Miroslav",
        "Agnieszka",
        "Pavel",
        "Tatiana",
        "Dragan",
    ],
    lasts: &[
        "Volkov",
        "Petrenko",
        "Kowalski",
        "Novak",
        "Horvat",
        "Ivanova",
        "Sokolov",
        "Wiśniewska",
        "Jovanović",
        "Dvořák",
        "Shevchenko",
        "Zielinski",
        "Lebedev",
        "Marković",
        "Kuznetsova",
    ],
    onsets: &[
        "v", "d", "m", "k", "br", "st", "z", "sv", "pr", "gr", "l", "r", "t", "sl", "kr", "b", "n",
        "zh", "ch",
    ],
    nuclei: &["o", "a", "e", "i", "y", "u", "ya", "ie"],
    first_ends: &["", "a", "ik", "an", "ir", "ina", "omir", "slav", "ek", "ka"],
    last_ends: &[
        "ov", "ova", "ev", "eva", "enko", "ski", "ska", "vić", "vic", "czyk", "ak", "in", "ina",
        "uk", "ek",
    ],
};

const INDIAN: Origin = Origin {
    firsts: &[
        "Arjun",
        "Priya",
        "Rohan",
        "Ananya",
        "Vikram",
        "Deepika",
        "Sanjay",
        "Kavya",
        "Aditya",
        "Lakshmi",
        "Rahul",
        "Sneha",
        "Karthik",
        "Meera",
        "Nikhil",
        "Pooja",
        "Siddharth",
        "Divya",
        "Harish",
        "Ishaan",
    ],
    lasts: &[
        "Mehta",
        "Sharma",
        "Iyer",
        "Reddy",
        "Nair",
        "Gupta",
        "Banerjee",
        "Chatterjee",
        "Rao",
        "Pillai",
        "Joshi",
        "Kulkarni",
        "Desai",
        "Venkataraman",
        "Agarwal",
        "Bhattacharya",
        "Menon",
        "Chopra",
        "Malhotra",
        "Krishnan",
    ],
    onsets: &[
        "r", "v", "s", "k", "m", "n", "p", "d", "sh", "bh", "ch", "j", "h", "g", "t", "ky", "pr",
    ],
    nuclei: &["a", "i", "u", "e", "aa", "ee", "o"],
    first_ends: &["", "an", "esh", "ini", "ita", "ya", "it", "ika"],
    last_ends: &[
        "wal", "ani", "an", "ar", "kar", "iah", "appa", "swamy", "nathan", "ra", "ta", "dy",
    ],
};

const ARABIC: Origin = Origin {
    firsts: &[
        "Omar", "Khalid", "Layla", "Youssef", "Samira", "Tariq", "Nadia", "Rami", "Hana", "Karim",
        "Yasmin", "Hamza", "Noor", "Bilal", "Salma", "Faisal", "Rania", "Ziad",
    ],
    lasts: &[
        "Haddad", "Mansour", "Nasser", "Saleh", "Khoury", "Farouk", "Hashemi", "Al-Amin",
        "El-Sayed", "Benali", "Abdallah", "Qureshi", "Hamdan", "Aziz",
    ],
    onsets: &[
        "h", "k", "s", "r", "m", "n", "f", "z", "b", "j", "d", "kh", "t", "y", "q",
    ],
    nuclei: &["a", "i", "u", "aa", "ou", "ee"],
    first_ends: &["", "a", "im", "id", "an", "ir", "ah"],
    last_ends: &["", "i", "awi", "ani", "oun", "ad", "ir"],
};

const AFRICAN: Origin = Origin {
    firsts: &[
        "Chukwuemeka",
        "Ngozi",
        "Oluwaseun",
        "Adebayo",
        "Kwame",
        "Ama",
        "Kofi",
        "Thandiwe",
        "Sipho",
        "Wanjiru",
        "Amara",
        "Babajide",
        "Chiamaka",
        "Tendai",
        "Abena",
        "Femi",
        "Zanele",
        "Mamadou",
        "Aminata",
    ],
    lasts: &[
        "Okafor", "Adeyemi", "Mensah", "Boateng", "Nkosi", "Dlamini", "Kamau", "Odhiambo",
        "Abubakar", "Diallo", "Traoré", "Keita", "Ndiaye", "Okonkwo", "Mwangi", "Asante", "Eze",
        "Balogun",
    ],
    onsets: &[
        "k", "m", "n", "nk", "ng", "b", "d", "t", "w", "ch", "s", "z", "th", "l", "y", "f", "j",
    ],
    nuclei: &["a", "e", "i", "o", "u", "we", "wa"],
    first_ends: &["", "a", "e", "i", "o", "mi", "de"],
    last_ends: &["", "i", "a", "o", "ye", "mi", "nde", "kwu", "ah"],
};

const IBERIAN: Origin = Origin {
    firsts: &[
        "Alejandro",
        "Lucía",
        "Mateo",
        "Valentina",
        "João",
        "Beatriz",
        "Rafael",
        "Inês",
        "Gonçalo",
        "Ximena",
        "Santiago",
        "Camila",
        "Thiago",
        "Marisol",
        "Joaquín",
        "Leonor",
        "Tiago",
        "Rocío",
    ],
    lasts: &[
        "Fernández",
        "Oliveira",
        "Santos",
        "Pereira",
        "Rocha",
        "Carvalho",
        "Almeida",
        "Navarro",
        "Castillo",
        "Vega",
        "Ibáñez",
        "Herrera",
        "Figueroa",
        "Sousa",
        "Domínguez",
        "Medeiros",
        "Quiroga",
    ],
    onsets: &[
        "b", "c", "d", "f", "g", "l", "m", "n", "r", "s", "t", "v", "br", "gr", "ch",
    ],
    nuclei: &["a", "e", "i", "o", "u", "ia", "ue"],
    first_ends: &["o", "a", "el", "ina", "ito", "ana"],
    last_ends: &[
        "ez", "es", "eira", "ado", "ales", "ero", "illa", "anda", "oso",
    ],
};

const ITALIAN: Origin = Origin {
    firsts: &[
        "Giovanni", "Alessia", "Federico", "Chiara", "Lorenzo", "Martina", "Davide", "Elisa",
        "Tommaso", "Beatrice",
    ],
    lasts: &[
        "Rinaldi",
        "Caruso",
        "Moretti",
        "Lombardi",
        "Barbieri",
        "Fontana",
        "Santoro",
        "Mariani",
        "Ferraro",
        "De Luca",
        "Galli",
        "Pellegrini",
    ],
    onsets: &[
        "b", "c", "d", "f", "g", "l", "m", "n", "r", "s", "t", "v", "gi", "ch",
    ],
    nuclei: &["a", "e", "i", "o"],
    first_ends: &["o", "a", "ia", "ella", "ino"],
    last_ends: &["i", "elli", "etti", "ini", "one", "ucci", "azzo", "ardi"],
};

const VIETNAMESE_FAMILY: &[&str] = &[
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo",
    "Duong", "Ly", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Đặng",
];
const VIETNAMESE_MIDDLE: &[&str] = &["Van", "Thi", "Duc", "Minh", "Thanh", "Văn", "Thị", "Quoc"];
const VIETNAMESE_GIVEN: &[&str] = &[
    "Anh", "Linh", "Huong", "Tuan", "Dung", "Quang", "Hai", "Thu", "Trang", "Khoa", "Phuong",
    "Long", "Hieu", "Nam", "Hương", "Tuấn", "Thảo", "Bao", "Vy",
];
const KOREAN_FAMILY: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin",
    "Seo", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Baek", "Moon",
];
const KOREAN_SYL: &[&str] = &[
    "min", "seo", "ji", "hyun", "woo", "jin", "soo", "young", "ha", "eun", "jae", "hye", "sung",
    "dong", "yeon", "joon", "bin", "na", "kyung", "ho",
];
const JAPANESE_FAMILY: &[&str] = &[
    "Tanaka",
    "Sato",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Ito",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Kato",
    "Yoshida",
    "Yamada",
    "Sasaki",
    "Matsumoto",
    "Inoue",
    "Kimura",
    "Shimizu",
    "Hayashi",
    "Fujiwara",
    "Okada",
];
const JAPANESE_GIVEN: &[&str] = &[
    "Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Kaito", "Yuna", "Riku", "Mei", "Takumi",
    "Sakura", "Daichi", "Misaki", "Shota", "Ayaka", "Kenta", "Nanami",
];
const JAPANESE_SYL: &[&str] = &[
    "ka", "ta", "mu", "ra", "ya", "ma", "shi", "mo", "to", "hi", "no", "na", "sa", "ki", "ha",
    "ri", "yu", "ko", "ke", "su", "fu", "chi", "mi", "ro",
];
const JAPANESE_FAMILY_END: &[&str] = &[
    "kawa", "moto", "da", "no", "shima", "yama", "mura", "saki", "hara", "gawa", "zaki", "ta",
];
const JAPANESE_GIVEN_END: &[&str] = &["o", "ko", "ki", "ta", "to", "ya", "mi", "na", "ka", "ro"];

/// Pinyin surnames (romanized as in passports).
const PINYIN_FAMILY: &[&str] = &[
    "Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun", "Ma",
    "Hu", "Guo", "Lin", "He", "Gao", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng",
    "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Yu",
    "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Cui", "Zhong", "Tan",
    "Ouyang", "Situ", "Qiao", "Qin", "Kong", "Bai", "Mo", "Gu", "Fang", "Shi", "Xiong",
];
const PINYIN_SYL: &[&str] = &[
    "wei", "xiao", "ming", "jian", "guo", "yu", "tong", "zi", "han", "hao", "ran", "mei", "ling",
    "xin", "yi", "jia", "hui", "jun", "jie", "tao", "bo", "ping", "qiang", "yong", "na", "li",
    "lin", "ying", "fang", "lei", "jing", "yan", "hong", "chen", "rui", "xuan", "zhi", "qian",
    "shu", "wen", "kai", "peng", "yun", "lan", "xue", "dan", "feng", "hua", "chun", "qing", "shan",
    "yue", "zhen", "an", "kang", "ning",
];

fn syllables(rng: &mut Rng, o: &Origin, ends: &[&'static str], k: usize) -> String {
    let mut s = String::new();
    for _ in 0..k {
        s.push_str(rng.pick_str(o.onsets));
        s.push_str(rng.pick_str(o.nuclei));
    }
    s.push_str(rng.pick_str(ends));
    cap(&s)
}

fn from_origin(rng: &mut Rng, o: &Origin) -> (String, String) {
    let f = if rng.chance(0.45) {
        rng.pick_str(o.firsts).to_string()
    } else {
        let k = 1 + rng.below(2);
        syllables(rng, o, o.first_ends, k)
    };
    let l = if rng.chance(0.4) {
        rng.pick_str(o.lasts).to_string()
    } else {
        let k = 1 + rng.below(2);
        syllables(rng, o, o.last_ends, k)
    };
    (f, l)
}

fn pinyin_given(rng: &mut Rng) -> String {
    let a = rng.pick_str(PINYIN_SYL);
    if rng.chance(0.4) {
        return cap(a);
    }
    let b = rng.pick_str(PINYIN_SYL);
    if rng.chance(0.12) {
        format!("{}-{b}", cap(a))
    } else {
        cap(&format!("{a}{b}"))
    }
}

/// Which part of a generated name is the surname: `(given, family, family_first)`.
fn world_parts(rng: &mut Rng) -> (String, String, bool) {
    match rng.below(11) {
        0 => {
            let (f, l) = from_origin(rng, &SLAVIC);
            (f, l, false)
        }
        1 => {
            let (f, l) = from_origin(rng, &INDIAN);
            (f, l, false)
        }
        2 => {
            let (f, mut l) = from_origin(rng, &ARABIC);
            if rng.chance(0.2) {
                l = format!("{}{l}", rng.pick_str(&["Al-", "El-", "al-", "Abu "]));
            }
            (f, l, false)
        }
        3 => {
            let (f, l) = from_origin(rng, &AFRICAN);
            (f, l, false)
        }
        4 => {
            let (f, mut l) = from_origin(rng, &IBERIAN);
            if rng.chance(0.25) {
                let (_, l2) = from_origin(rng, &IBERIAN);
                l = format!("{l} {l2}");
            }
            (f, l, false)
        }
        5 => {
            let (f, l) = from_origin(rng, &ITALIAN);
            (f, l, false)
        }
        6 => {
            let fam = rng.pick_str(VIETNAMESE_FAMILY).to_string();
            let mut g = String::new();
            if rng.chance(0.6) {
                g.push_str(rng.pick_str(VIETNAMESE_MIDDLE));
                g.push(' ');
            }
            g.push_str(rng.pick_str(VIETNAMESE_GIVEN));
            (g, fam, rng.chance(0.7))
        }
        7 => {
            let fam = rng.pick_str(KOREAN_FAMILY).to_string();
            let a = rng.pick_str(KOREAN_SYL);
            let b = rng.pick_str(KOREAN_SYL);
            let g = match rng.below(3) {
                0 => format!("{}-{b}", cap(a)),
                1 => cap(&format!("{a}{b}")),
                _ => format!("{}-{}", cap(a), cap(b)),
            };
            (g, fam, rng.chance(0.5))
        }
        8 => {
            let fam = if rng.chance(0.5) {
                rng.pick_str(JAPANESE_FAMILY).to_string()
            } else {
                let mut s = String::from(rng.pick_str(JAPANESE_SYL));
                s.push_str(rng.pick_str(JAPANESE_FAMILY_END));
                cap(&s)
            };
            let g = if rng.chance(0.5) {
                rng.pick_str(JAPANESE_GIVEN).to_string()
            } else {
                let mut s = String::from(rng.pick_str(JAPANESE_SYL));
                s.push_str(rng.pick_str(JAPANESE_GIVEN_END));
                cap(&s)
            };
            (g, fam, rng.chance(0.4))
        }
        _ => {
            let fam = rng.pick_str(PINYIN_FAMILY).to_string();
            (pinyin_given(rng), fam, rng.chance(0.6))
        }
    }
}

/// A name from one of many traditions, mostly in no list: `Dmitri Volkov`,
/// `Arjun Mehta`, `Nguyen Van Anh`, `ZHANG Wei`, `Wei Zhang`, `Kim Min-jun`.
pub(super) fn world_name(rng: &mut Rng) -> String {
    let (given, mut family, family_first) = world_parts(rng);
    if rng.chance(0.15) {
        family = family.to_uppercase();
    }
    let s = if family_first {
        format!("{family} {given}")
    } else if rng.chance(0.05) {
        let initial = given.chars().next().unwrap_or('A');
        format!("{initial}. {family}")
    } else {
        format!("{given} {family}")
    };
    match rng.below(100) {
        0..=6 => s.to_lowercase(),
        7..=9 => s.to_uppercase(),
        _ => s,
    }
}

/// A surname alone (for `Mr …`, `Frau …`).
pub(super) fn world_surname(rng: &mut Rng) -> String {
    world_parts(rng).1
}

/// A given name alone (for signatures and greetings).
pub(super) fn world_given(rng: &mut Rng) -> String {
    let g = world_parts(rng).0;
    g.split(' ').next_back().unwrap_or("Ana").to_string()
}

// ------------------------------------------------------------------- Chinese names.

const RARE_SURNAMES: &str =
    "亓阚訾笪禤郜芮蔺晁綦靳郦隗冼邴佴厍仉逯甪宓巴乜鞠帅蒯栗矫眭糜阎揭昝郏闻";
const EXTRA_COMPOUND: &[&str] = &[
    "东方", "皇甫", "公孙", "宇文", "长孙", "端木", "独孤", "南宫", "万俟", "闻人", "呼延", "赫连",
    "轩辕", "钟离", "宗政", "澹台", "公冶", "太史", "申屠", "百里", "东郭", "西门", "拓跋", "司徒",
    "司空",
];
/// Given-name chars beyond the gazetteer list (ordinary characters people use).
const GIVEN_WIDE: &str = "一乙七九力三干于才万上千川亿久广门义之子卫女飞马王井开夫天元无云专扎艺木五支厅不太区历友尤匹车巨牙屯比互切瓦止少日中贝内水见午牛手毛气升长仁片仆化仇币仍仅斤爪反介父从今分公仓月氏勿欠风丹匀凤勾文六方火为斗忆订计户认心尺引丑巴孔队办以允予劝双书幻玉刊示末未击打巧正扑功去甘世古节本术可丙左厉右石布龙平轧东卡北占业帅归且旦目叶甲申叮电田由史央兄叫四生失禾丘付仗代仙们仪白仔他斥瓜乎丛令用印乐句匆外处冬鸟务包主市立闪兰半汁汇头汉宁穴它写让礼训必议讯记永司尼民出辽奶奴加召皮边发孕圣对台矛纠母幼丝式刑动寺吉扣考托老执巩扩扫地扬场耳共芒亚芝朴机权过再协西在有百存而页夸夺灰达列成夹轨划迈毕至此贞师尘尖光当早曲团同因帆岁回岂刚则肉网年朱先舌竹迁乔伟传休伍伏优伐延件任价份华仰仿伙自血向似后行舟全会合兆企众爷创肌朵杂旬旨负各名多争色壮冲冰庄庆亦刘齐交次衣产决充闭问羊并关米灯州汗江池汤忙兴宇守宅字安讲军许论农设访寻那迅导异孙阵阳收阶阴防如妇好她妈戏羽观欢买红纤级约纪驰巡";
const MINORITY_UYGHUR: &[&str] = &[
    "买买提",
    "艾力",
    "阿不都",
    "热合曼",
    "古丽",
    "阿依",
    "努尔",
    "吐尔逊",
    "艾尼瓦尔",
    "帕提古丽",
    "迪丽",
    "热巴",
    "木拉提",
    "伊力",
    "亚森",
    "阿迪力",
    "祖丽皮亚",
    "库尔班",
];
const MINORITY_TIBETAN: &[&str] = &[
    "扎西", "多吉", "次仁", "卓玛", "格桑", "央金", "顿珠", "旺堆", "拉姆", "尼玛", "达瓦", "平措",
    "曲珍", "德吉", "洛桑", "索朗", "益西", "白玛",
];
const MINORITY_MONGOL: &[&str] = &[
    "巴特尔",
    "其其格",
    "那日苏",
    "乌云",
    "额尔敦",
    "苏和",
    "宝音",
    "图雅",
    "阿拉坦",
    "斯琴",
];
const TRANSLIT: &[&str] = &[
    "约翰",
    "史密斯",
    "玛丽亚",
    "加西亚",
    "安娜",
    "彼得",
    "伊万",
    "彼得罗夫",
    "穆罕默德",
    "阿里",
    "索菲亚",
    "卡洛斯",
    "汉斯",
    "米勒",
    "让",
    "杜邦",
];

/// Simplified → traditional for the common name and address chars.
const TRAD: &[(char, char)] = &[
    ('张', '張'),
    ('陈', '陳'),
    ('刘', '劉'),
    ('黄', '黃'),
    ('赵', '趙'),
    ('吴', '吳'),
    ('郑', '鄭'),
    ('谢', '謝'),
    ('许', '許'),
    ('韩', '韓'),
    ('冯', '馮'),
    ('邓', '鄧'),
    ('杨', '楊'),
    ('罗', '羅'),
    ('孙', '孫'),
    ('马', '馬'),
    ('苏', '蘇'),
    ('卢', '盧'),
    ('钟', '鍾'),
    ('叶', '葉'),
    ('伟', '偉'),
    ('华', '華'),
    ('丽', '麗'),
    ('强', '強'),
    ('军', '軍'),
    ('杰', '傑'),
    ('涛', '濤'),
    ('鹏', '鵬'),
    ('辉', '輝'),
    ('国', '國'),
    ('宁', '寧'),
    ('晓', '曉'),
    ('东', '東'),
    ('兴', '興'),
    ('静', '靜'),
    ('颖', '穎'),
    ('铭', '銘'),
    ('志', '誌'),
    ('鸿', '鴻'),
    ('庆', '慶'),
    ('荣', '榮'),
    ('贵', '貴'),
    ('龙', '龍'),
    ('飞', '飛'),
    ('凤', '鳳'),
    ('兰', '蘭'),
    ('莹', '瑩'),
    ('云', '雲'),
    ('区', '區'),
    ('号', '號'),
    ('楼', '樓'),
    ('门', '門'),
    ('湾', '灣'),
    ('县', '縣'),
    ('乡', '鄉'),
    ('镇', '鎮'),
    ('单', '單'),
    ('园', '園'),
    ('厦', '廈'),
    ('广', '廣'),
    ('场', '場'),
    ('岛', '島'),
    ('湖', '湖'),
    ('义', '義'),
    ('爱', '愛'),
    ('长', '長'),
    ('乐', '樂'),
    ('宝', '寶'),
    ('丰', '豐'),
];

fn traditional(s: &str) -> String {
    s.chars()
        .map(|c| TRAD.iter().find(|p| p.0 == c).map_or(c, |p| p.1))
        .collect()
}

fn given_char(rng: &mut Rng) -> char {
    let list = if rng.chance(0.55) {
        CN_GIVEN
    } else {
        GIVEN_WIDE
    };
    let n = list.chars().count();
    list.chars().nth(rng.below(n)).unwrap_or('明')
}

/// A Chinese name: common, rare or compound surname, one or two given chars from a
/// wide pool, sometimes a minority or transliterated name, sometimes traditional.
pub(super) fn cn_name_any(rng: &mut Rng) -> String {
    let r = rng.below(100);
    if r < 8 {
        let a = rng.pick_str(MINORITY_UYGHUR);
        let b = rng.pick_str(MINORITY_UYGHUR);
        return format!("{a}·{b}");
    }
    if r < 14 {
        let a = rng.pick_str(MINORITY_TIBETAN);
        let b = rng.pick_str(MINORITY_TIBETAN);
        return if rng.chance(0.7) {
            format!("{a}{b}")
        } else {
            a.to_string()
        };
    }
    if r < 17 {
        return rng.pick_str(MINORITY_MONGOL).to_string();
    }
    if r < 20 {
        let a = rng.pick_str(TRANSLIT);
        let b = rng.pick_str(TRANSLIT);
        return format!("{a}·{b}");
    }
    let mut s = String::new();
    if r < 32 {
        if rng.chance(0.5) {
            s.push_str(rng.pick_str(CN_COMPOUND_SURNAMES));
        } else {
            s.push_str(rng.pick_str(EXTRA_COMPOUND));
        }
    } else if r < 50 {
        let n = RARE_SURNAMES.chars().count();
        s.push(RARE_SURNAMES.chars().nth(rng.below(n)).unwrap_or('亓'));
    } else {
        let list = crate::gazetteer::CN_SURNAMES;
        let n = list.chars().count();
        s.push(list.chars().nth(rng.below(n)).unwrap_or('王'));
    }
    let k = if rng.chance(0.4) { 1 } else { 2 };
    for _ in 0..k {
        s.push(given_char(rng));
    }
    if rng.chance(0.15) {
        s = traditional(&s);
    }
    s
}

// --------------------------------------------------------------- Chinese addresses.

const ROAD_WORDS: &[&str] = &[
    "文化", "体育", "青年", "光明", "长江", "黄河", "学府", "科技", "创业", "工业", "滨江", "环城",
    "迎宾", "建国", "复兴", "延安", "淮海", "天府", "锦绣", "朝阳", "东风", "红旗", "团结", "友谊",
    "民主", "前进", "振兴", "发展", "湖滨", "望江", "金沙", "银河", "凤凰", "桂花", "梧桐", "丁香",
    "玉兰", "海棠", "翠柏", "松林", "龙华", "沿河", "站前", "府前", "西湖", "莲花", "育才", "教育",
    "新村", "跃进", "通江", "五一", "七星", "双塔", "石桥", "柳荫", "金桥", "南湖", "北园", "白云",
    "晨光", "星光", "万寿",
];
const ROAD_ENDS: &[&str] = &[
    "路", "路", "路", "街", "大道", "大街", "道", "巷", "东路", "西路", "南路", "北路", "中路",
    "一路", "二路", "三段", "支路", "胡同", "里",
];
const ESTATE_WORDS: &[&str] = &[
    "阳光", "碧水", "金色", "绿地", "锦园", "翠湖", "华府", "御景", "香榭", "丽都", "雅居", "枫林",
    "半岛", "江南", "滨湖", "书香", "紫薇", "嘉禾", "和谐", "康乐", "盛世", "天骄", "明珠", "逸景",
    "云栖", "竞舟", "德加", "新华", "馨园", "花溪",
];
const ESTATE_ENDS: &[&str] = &[
    "小区", "花园", "家园", "苑", "公寓", "新村", "华庭", "名苑", "城", "府", "雅苑", "嘉园",
    "大厦", "广场", "中心", "里", "湾",
];
/// Made-up place stems (towns, villages, counties): two ordinary chars.
const PLACE_CHARS: &str = "安平和顺兴隆丰庆福宁泰康永昌盛德新清河山川石桥林溪田坝岭沟湾岗塘营庄集店埠口坪冲桥源泉水西东南北上下大小前后高长黄白青红金";

fn place_stem(rng: &mut Rng) -> String {
    let n = PLACE_CHARS.chars().count();
    let mut s = String::new();
    for _ in 0..2 {
        s.push(PLACE_CHARS.chars().nth(rng.below(n)).unwrap_or('安'));
    }
    s
}

fn num(rng: &mut Rng, lo: usize, hi: usize) -> String {
    (lo + rng.below(hi - lo + 1)).to_string()
}

fn cn_sep(rng: &mut Rng, p_space: f64) -> &'static str {
    if rng.chance(p_space) {
        rng.pick_str(&[" ", " ", ",", ", "])
    } else {
        ""
    }
}

fn road(rng: &mut Rng) -> String {
    if rng.chance(0.1) {
        let d = rng.pick_str(&["经", "纬", "高新南", "科技"]);
        let k = rng.pick_str(&["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]);
        return format!("{d}{k}{}", rng.pick_str(&["路", "道", "街"]));
    }
    let stem = if rng.chance(0.3) {
        place_stem(rng)
    } else {
        rng.pick_str(ROAD_WORDS).to_string()
    };
    format!("{stem}{}", rng.pick_str(ROAD_ENDS))
}

fn house_no(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => format!("{}-{}号", num(rng, 1, 300), num(rng, 1, 20)),
        1 => format!("甲{}号", num(rng, 1, 99)),
        2 => format!("{}号院", num(rng, 1, 200)),
        3 => format!("{}弄{}号", num(rng, 1, 999), num(rng, 1, 60)),
        _ => format!("{}号", num(rng, 1, 1999)),
    }
}

fn building_room(rng: &mut Rng, s: &mut String, p_sep: f64) {
    if rng.chance(0.6) {
        s.push_str(cn_sep(rng, p_sep));
        if rng.chance(0.75) {
            s.push_str(&num(rng, 1, 40));
        } else {
            s.push(*rng.pick(&['A', 'B', 'C', 'D', 'E', 'F']));
        }
        s.push_str(rng.pick_str(&["栋", "幢", "号楼", "座", "栋", "号楼"]));
        if rng.chance(0.5) {
            s.push_str(&num(rng, 1, 8));
            s.push_str("单元");
        }
    }
    if rng.chance(0.6) {
        let room = format!("{}{:02}", 1 + rng.below(33), 1 + rng.below(12));
        s.push_str(&room);
        if rng.chance(0.7) {
            s.push('室');
        }
    }
}

fn province(rng: &mut Rng, s: &mut String) {
    let p = rng.pick_str(CN_PROVINCES);
    s.push_str(p);
    match p {
        "北京" | "上海" | "天津" | "重庆" => s.push('市'),
        "广西" | "西藏" | "宁夏" | "新疆" | "内蒙古" | "香港" | "澳门" => {}
        _ => s.push('省'),
    }
}

fn city_part(rng: &mut Rng, s: &mut String, p_sep: f64) {
    if rng.chance(0.25) {
        province(rng, s);
        s.push_str(cn_sep(rng, p_sep));
    }
    if rng.chance(0.7) {
        if rng.chance(0.8) {
            s.push_str(rng.pick_str(CN_CITIES));
        } else {
            s.push_str(&place_stem(rng));
        }
        s.push('市');
        s.push_str(cn_sep(rng, p_sep));
    }
    if rng.chance(0.75) {
        if rng.chance(0.7) {
            s.push_str(rng.pick_str(CN_DISTRICTS));
        } else {
            s.push_str(&place_stem(rng));
        }
        s.push_str(if rng.chance(0.85) { "区" } else { "县" });
        s.push_str(cn_sep(rng, p_sep));
    }
}

/// A Chinese address in one of many shapes (see the module doc).
pub(super) fn cn_address_any(rng: &mut Rng) -> String {
    let p_sep = if rng.chance(0.3) { 0.6 } else { 0.0 };
    let mut s = String::new();
    match rng.below(10) {
        0 | 1 => {
            // Rural: [省][市]县 镇/乡 村 [组] [号].
            if rng.chance(0.4) {
                province(rng, &mut s);
                s.push_str(cn_sep(rng, p_sep));
            }
            if rng.chance(0.5) {
                s.push_str(rng.pick_str(CN_CITIES));
                s.push('市');
                s.push_str(cn_sep(rng, p_sep));
            }
            s.push_str(&place_stem(rng));
            s.push('县');
            s.push_str(cn_sep(rng, p_sep));
            s.push_str(&place_stem(rng));
            s.push_str(rng.pick_str(&["镇", "乡", "镇"]));
            s.push_str(cn_sep(rng, p_sep));
            s.push_str(&place_stem(rng));
            s.push('村');
            if rng.chance(0.6) {
                s.push_str(&num(rng, 1, 12));
                s.push_str(rng.pick_str(&["组", "社", "队"]));
            }
            if rng.chance(0.6) {
                s.push_str(&num(rng, 1, 199));
                s.push('号');
            }
        }
        2 | 3 => {
            // 街道 / 社区 / 小区 / 期 / 号楼 / 单元 / 室.
            city_part(rng, &mut s, p_sep);
            s.push_str(&place_stem(rng));
            s.push_str("街道");
            s.push_str(cn_sep(rng, p_sep));
            if rng.chance(0.5) {
                s.push_str(rng.pick_str(ESTATE_WORDS));
                s.push_str("社区");
                s.push_str(cn_sep(rng, p_sep));
            }
            s.push_str(rng.pick_str(ESTATE_WORDS));
            s.push_str(rng.pick_str(&["小区", "花园", "家园", "新城"]));
            if rng.chance(0.4) {
                s.push_str(rng.pick_str(&["一期", "二期", "三期", "4期", "南区", "北区"]));
            }
            s.push_str(cn_sep(rng, p_sep));
            s.push_str(&num(rng, 1, 40));
            s.push_str(rng.pick_str(&["号楼", "栋", "幢"]));
            s.push_str(&num(rng, 1, 6));
            s.push_str("单元");
            s.push_str(&format!("{}{:02}", 1 + rng.below(30), 1 + rng.below(6)));
            if rng.chance(0.7) {
                s.push('室');
            }
        }
        4 => {
            // Hong Kong, traditional characters.
            let (area, roads) = *rng.pick(&[
                (
                    "九龍旺角",
                    &["彌敦道", "亞皆老街", "西洋菜南街", "通菜街"][..],
                ),
                (
                    "九龍尖沙咀",
                    &["彌敦道", "廣東道", "加拿分道", "金巴利道"][..],
                ),
                ("香港島中環", &["皇后大道中", "德輔道中", "畢打街"][..]),
                ("香港灣仔", &["軒尼詩道", "駱克道", "告士打道"][..]),
                ("新界沙田", &["大圍積輝街", "沙田正街", "源禾路"][..]),
                ("九龍觀塘", &["觀塘道", "開源道", "鴻圖道"][..]),
                ("香港銅鑼灣", &["怡和街", "軒尼詩道", "記利佐治街"][..]),
            ]);
            if rng.chance(0.3) {
                s.push_str("香港");
            }
            s.push_str(area);
            s.push_str(cn_sep(rng, p_sep));
            s.push_str(rng.pick_str(roads));
            s.push_str(&num(rng, 1, 700));
            s.push('號');
            if rng.chance(0.5) {
                s.push_str(rng.pick_str(&[
                    "旺角中心",
                    "時代廣場",
                    "海港城",
                    "新城市廣場",
                    "華富大廈",
                ]));
            }
            if rng.chance(0.7) {
                s.push_str(&num(rng, 1, 45));
                s.push('樓');
                if rng.chance(0.6) {
                    s.push_str(&format!("{:02}", 1 + rng.below(30)));
                    s.push_str(rng.pick_str(&["室", "室", "號舖"]));
                } else if rng.chance(0.5) {
                    s.push(*rng.pick(&['A', 'B', 'C', 'D']));
                    s.push('室');
                }
            }
        }
        5 => {
            // Taiwan, traditional characters.
            let (city, dists, roads) = *rng.pick(&[
                (
                    "台北市",
                    &["大安區", "信義區", "中山區", "松山區", "內湖區"][..],
                    &["忠孝東路", "敦化南路", "仁愛路", "南京東路", "基隆路"][..],
                ),
                (
                    "臺北市",
                    &["中正區", "萬華區", "士林區"][..],
                    &["羅斯福路", "重慶南路", "中山北路"][..],
                ),
                (
                    "新北市",
                    &["板橋區", "新莊區", "永和區"][..],
                    &["文化路", "中山路", "民生路"][..],
                ),
                (
                    "臺中市",
                    &["西屯區", "北屯區", "南屯區"][..],
                    &["台灣大道", "文心路", "市政路"][..],
                ),
                (
                    "高雄市",
                    &["前鎮區", "苓雅區", "左營區"][..],
                    &["中山二路", "成功一路", "博愛二路"][..],
                ),
                (
                    "台南市",
                    &["東區", "中西區", "安平區"][..],
                    &["中華東路", "府前路", "民族路"][..],
                ),
            ]);
            s.push_str(city);
            s.push_str(rng.pick_str(dists));
            s.push_str(cn_sep(rng, p_sep * 0.5));
            s.push_str(rng.pick_str(roads));
            if rng.chance(0.4) {
                s.push_str(rng.pick_str(&["一段", "二段", "三段", "四段", "五段"]));
            }
            if rng.chance(0.3) {
                s.push_str(&num(rng, 1, 300));
                s.push('巷');
                if rng.chance(0.4) {
                    s.push_str(&num(rng, 1, 30));
                    s.push('弄');
                }
            }
            s.push_str(&num(rng, 1, 600));
            s.push('號');
            if rng.chance(0.6) {
                s.push_str(&num(rng, 1, 30));
                s.push('樓');
                if rng.chance(0.3) {
                    s.push('之');
                    s.push_str(&num(rng, 1, 9));
                }
            }
        }
        _ => {
            // Urban, possibly without province or city, with estate and rooms.
            city_part(rng, &mut s, p_sep);
            if rng.chance(0.15) {
                s.push_str(&place_stem(rng));
                s.push_str(rng.pick_str(&["街道", "镇"]));
                s.push_str(cn_sep(rng, p_sep));
            }
            let estate_only = rng.chance(0.15);
            if !estate_only {
                s.push_str(&road(rng));
                if rng.chance(0.9) {
                    s.push_str(&house_no(rng));
                }
            }
            if estate_only || rng.chance(0.4) {
                s.push_str(cn_sep(rng, p_sep));
                s.push_str(rng.pick_str(ESTATE_WORDS));
                s.push_str(rng.pick_str(ESTATE_ENDS));
            }
            building_room(rng, &mut s, p_sep);
            if rng.chance(0.1) {
                s = traditional(&s);
            }
        }
    }
    s.trim_end_matches([' ', ',']).to_string()
}

// --------------------------------------------------------------- Western addresses.

const STREET_STEMS: &[&str] = &[
    "Marlowe",
    "Kingsley",
    "Larkspur",
    "Willow",
    "Chestnut",
    "Hawthorn",
    "Juniper",
    "Primrose",
    "Foxglove",
    "Ashdown",
    "Brackenridge",
    "Cedar",
    "Sycamore",
    "Magnolia",
    "Linden",
    "Alder",
    "Holloway",
    "Fairview",
    "Riverside",
    "Meadow",
    "Orchard",
    "Beacon",
    "Harbour",
    "Canal",
    "Station",
    "Mill",
    "Chapel",
    "Quarry",
    "Ridgeway",
    "Summit",
    "Valley",
    "Lakeview",
];
const US_TYPES: &[&str] = &[
    "St", "Ave", "Blvd", "Rd", "Ln", "Dr", "Ct", "Way", "Pl", "Street", "Avenue", "Road", "Lane",
    "Drive", "Parkway", "Terrace", "Circle",
];
const US_PLACES: &[(&str, &str)] = &[
    ("Austin", "TX"),
    ("Portland", "OR"),
    ("Denver", "CO"),
    ("Columbus", "OH"),
    ("Raleigh", "NC"),
    ("Tucson", "AZ"),
    ("Madison", "WI"),
    ("Boise", "ID"),
    ("Savannah", "GA"),
    ("Omaha", "NE"),
    ("Albany", "NY"),
    ("Fresno", "CA"),
    ("Spokane", "WA"),
    ("Tulsa", "OK"),
    ("Burlington", "VT"),
];
const UK_TOWNS: &[&str] = &[
    "Bristol",
    "Leeds",
    "Sheffield",
    "Norwich",
    "York",
    "Exeter",
    "Brighton",
    "Cambridge",
    "Nottingham",
    "Reading",
    "Swansea",
    "Aberdeen",
    "Derby",
    "Bath",
    "Chester",
];
const DE_STEMS: &[&str] = &[
    "Linden", "Birken", "Eichen", "Rosen", "Garten", "Schul", "Kirch", "Bahnhof", "Berg", "Wiesen",
    "Mühl", "Tannen", "Sonnen", "Feld", "Wald", "Brunnen", "Markt", "Ahorn", "Schiller", "Goethe",
    "Mozart",
];
const DE_ENDS: &[&str] = &[
    "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ring", "steig",
];
const DACH_PLACES: &[(&str, &str)] = &[
    ("Freiburg", "D"),
    ("Göttingen", "D"),
    ("Bamberg", "D"),
    ("Kassel", "D"),
    ("Rostock", "D"),
    ("Wien", "A"),
    ("Graz", "A"),
    ("Linz", "A"),
    ("Salzburg", "A"),
    ("Zürich", "CH"),
    ("Bern", "CH"),
    ("Basel", "CH"),
    ("Luzern", "CH"),
    ("Genève", "CH"),
    ("Lausanne", "CH"),
];
const FR_TYPES: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "bd",
    "allée",
    "impasse",
    "chemin",
    "place",
    "quai",
    "cours",
    "route",
];
const FR_NAMES: &[&str] = &[
    "des Lilas",
    "Foch",
    "du Moulin",
    "de la Gare",
    "Victor Hugo",
    "des Acacias",
    "Pasteur",
    "du Château",
    "des Écoles",
    "Jean Jaurès",
    "de la Paix",
    "Saint-Exupéry",
    "des Tilleuls",
    "du Port",
    "Émile Zola",
];
const FR_PLACES: &[&str] = &[
    "Lyon", "Bordeaux", "Nantes", "Rennes", "Grenoble", "Toulouse", "Lille", "Angers", "Tours",
    "Dijon", "Nancy", "Metz", "Brest", "Pau",
];
const ES_TYPES: &[&str] = &[
    "Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Carrer",
];
const ES_NAMES: &[&str] = &[
    "de Alcalá",
    "Mayor",
    "de la Constitución",
    "del Prado",
    "Gran Vía",
    "de Serrano",
    "de Gràcia",
    "San Vicente",
    "de los Olivos",
    "Real",
];
const ES_PLACES: &[&str] = &[
    "Madrid",
    "Barcelona",
    "Sevilla",
    "Valencia",
    "Bilbao",
    "Málaga",
    "Zaragoza",
];
const IT_TYPES: &[&str] = &["Via", "Viale", "Piazza", "Corso", "Vicolo", "Largo"];
const IT_NAMES: &[&str] = &[
    "Garibaldi",
    "Roma",
    "Europa",
    "San Marco",
    "Vittorio Emanuele II",
    "Dante",
    "Mazzini",
    "dei Mille",
    "Cavour",
    "della Repubblica",
];
const IT_PLACES: &[(&str, &str)] = &[
    ("Milano", "MI"),
    ("Roma", "RM"),
    ("Torino", "TO"),
    ("Bologna", "BO"),
    ("Firenze", "FI"),
    ("Napoli", "NA"),
    ("Venezia", "VE"),
];

fn letter(rng: &mut Rng) -> char {
    char::from(b'A' + rng.below(26) as u8)
}

fn street_stem(rng: &mut Rng) -> String {
    if rng.chance(0.3) {
        world_surname(rng)
    } else {
        rng.pick_str(STREET_STEMS).to_string()
    }
}

/// Address parts; joined by the caller with `, `, ` / `, ` | ` or a newline.
fn w_parts(rng: &mut Rng) -> Vec<String> {
    let mut p: Vec<String> = Vec::new();
    match rng.below(8) {
        0 => {
            // UK
            if rng.chance(0.4) {
                p.push(format!(
                    "{} {}",
                    rng.pick_str(&["Flat", "Flat", "Apartment", "Unit"]),
                    format_args!("{}{}", 1 + rng.below(40), rng.pick_str(&["", "", "A", "B"]))
                ));
            }
            if rng.chance(0.2) {
                p.push(format!(
                    "{} {}",
                    street_stem(rng),
                    rng.pick_str(&["House", "Court", "Mansions", "Lodge"])
                ));
            }
            p.push(format!(
                "{} {} {}",
                1 + rng.below(250),
                street_stem(rng),
                rng.pick_str(&[
                    "Road", "Street", "Lane", "Close", "Gardens", "Way", "Crescent", "Rd", "St"
                ])
            ));
            let pc = format!(
                "{}{}{} {}{}{}",
                letter(rng),
                rng.pick_str(&["", "", "S", "E", "W", "N"]),
                1 + rng.below(20),
                rng.below(10),
                letter(rng),
                letter(rng)
            );
            if rng.chance(0.5) {
                p.push(format!("{} {pc}", rng.pick_str(UK_TOWNS)));
            } else {
                p.push(rng.pick_str(UK_TOWNS).to_string());
                p.push(pc);
            }
        }
        1 => {
            // US
            p.push(format!(
                "{} {} {}",
                1 + rng.below(9900),
                street_stem(rng),
                rng.pick_str(US_TYPES)
            ));
            if rng.chance(0.4) {
                p.push(format!(
                    "{} {}{}",
                    rng.pick_str(&["Apt", "Apt.", "Suite", "Ste", "Unit", "#"]),
                    1 + rng.below(900),
                    rng.pick_str(&["", "", "A", "B"])
                ));
            }
            let (c, st) = *rng.pick(US_PLACES);
            let zip = if rng.chance(0.4) {
                format!("{:05}-{:04}", 10000 + rng.below(89999), rng.below(10000))
            } else {
                format!("{:05}", 10000 + rng.below(89999))
            };
            p.push(c.to_string());
            p.push(format!("{st} {zip}"));
        }
        2 | 3 => {
            // Germany, Austria, Switzerland
            let (city, country) = *rng.pick(DACH_PLACES);
            let street = if country == "CH" && rng.chance(0.3) {
                format!(
                    "Rue {}",
                    rng.pick_str(&["du Rhône", "de Lausanne", "du Marché", "des Alpes"])
                )
            } else if rng.chance(0.15) {
                format!(
                    "{} {}",
                    rng.pick_str(&["Am", "An der", "Im", "Zum", "Auf der"]),
                    rng.pick_str(&[
                        "Lindenhof",
                        "Mühlbach",
                        "Steinacker",
                        "Sonnenhang",
                        "Kirchberg"
                    ])
                )
            } else {
                format!("{}{}", rng.pick_str(DE_STEMS), rng.pick_str(DE_ENDS))
            };
            let mut no = format!("{}", 1 + rng.below(180));
            if rng.chance(0.15) {
                no.push(*rng.pick(&['a', 'b', 'c']));
            }
            if country == "A" && rng.chance(0.5) {
                no = format!("{no}/{}/{}", 1 + rng.below(9), 1 + rng.below(30));
            }
            p.push(format!("{street} {no}"));
            let code = match country {
                "A" => format!("{}", 1010 + rng.below(8000)),
                "CH" => format!("{}", 1000 + rng.below(8900)),
                _ => format!("{:05}", 1067 + rng.below(98000)),
            };
            let prefix = if rng.chance(0.2) {
                format!("{country}-")
            } else {
                String::new()
            };
            p.push(format!("{prefix}{code} {city}"));
        }
        4 | 5 => {
            // France
            if rng.chance(0.15) {
                p.push(format!(
                    "Résidence {}, Bât {}",
                    rng.pick_str(&["Les Pins", "Le Parc", "Les Cèdres", "Belvédère"]),
                    letter(rng)
                ));
            }
            let mut no = format!("{}", 1 + rng.below(150));
            if rng.chance(0.25) {
                no.push(' ');
                no.push_str(rng.pick_str(&["bis", "ter", "B"]));
            }
            p.push(format!(
                "{no} {} {}",
                rng.pick_str(FR_TYPES),
                rng.pick_str(FR_NAMES)
            ));
            let mut last = format!("{:05} {}", 1000 + rng.below(94000), rng.pick_str(FR_PLACES));
            if rng.chance(0.2) {
                last.push_str(rng.pick_str(&[" CEDEX", " Cedex", " CEDEX 08", " cedex 2"]));
            }
            p.push(last);
        }
        6 => {
            // Spain
            let mut first = format!(
                "{} {} {}",
                rng.pick_str(ES_TYPES),
                rng.pick_str(ES_NAMES),
                1 + rng.below(200)
            );
            if rng.chance(0.5) {
                first.push_str(&format!(
                    ", {}º {}",
                    1 + rng.below(9),
                    rng.pick_str(&["B", "A", "izq", "dcha", "1ª"])
                ));
            } else if rng.chance(0.3) {
                first.push_str(&format!(", piso {}", 1 + rng.below(9)));
            }
            p.push(first);
            p.push(format!(
                "{:05} {}",
                1000 + rng.below(51000),
                rng.pick_str(ES_PLACES)
            ));
        }
        _ => {
            // Italy
            p.push(format!(
                "{} {} {}",
                rng.pick_str(IT_TYPES),
                rng.pick_str(IT_NAMES),
                1 + rng.below(200)
            ));
            let (c, pr) = *rng.pick(IT_PLACES);
            if rng.chance(0.5) {
                p.push(format!("{:05} {c} {pr}", 10000 + rng.below(89999)));
            } else {
                p.push(format!("{:05} {c}", 10000 + rng.below(89999)));
            }
        }
    }
    p
}

/// A Western address; parts joined by `, ` mostly, sometimes ` / `, ` | ` or `\n`.
pub(super) fn w_address_any(rng: &mut Rng, multi_line: bool) -> String {
    let parts = w_parts(rng);
    let joiner = if multi_line {
        rng.pick_str(&[" / ", " | ", "\n", ", ", "; "])
    } else {
        ", "
    };
    let s = parts.join(joiner);
    if rng.chance(0.05) {
        s.to_lowercase()
    } else {
        s
    }
}

// ------------------------------------------------------------------ Record formats.

/// Values in a record: which kind of field, and its text.
enum Val {
    Person(String),
    Addr(String),
    Plain(String),
}

fn person(rng: &mut Rng, cn: bool) -> Val {
    Val::Person(if cn {
        cn_name_any(rng)
    } else {
        world_name(rng)
    })
}

fn address(rng: &mut Rng, cn: bool) -> Val {
    Val::Addr(if cn {
        cn_address_any(rng)
    } else {
        w_address_any(rng, false)
    })
}

fn user_handle(rng: &mut Rng) -> String {
    let a = rng.pick_str(&[
        "panda", "kitty", "user", "buyer", "xiaoyu", "lucky", "moon", "dm", "shop", "momo", "vip",
        "tiger", "cc", "star", "bobo",
    ]);
    match rng.below(4) {
        0 => format!("{a}_{}", rng.below(9999)),
        1 => format!("{a}{}", rng.below(99999)),
        2 => format!("@{a}_{}", rng.pick_str(&["zz", "x", "official", "888"])),
        _ => format!("{}{a}", rng.pick_str(&["the", "im", "real", "just"])),
    }
}

fn sku(rng: &mut Rng) -> String {
    format!(
        "{}{}-{}",
        letter(rng),
        letter(rng),
        10000 + rng.below(90000)
    )
}

fn timestamp(rng: &mut Rng) -> String {
    format!(
        "2024-{:02}-{:02}{}{:02}:{:02}:{:02}",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.pick_str(&[" ", "T"]),
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

fn clock(rng: &mut Rng) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

fn cn_city_alone(rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        rng.pick_str(CN_CITIES).to_string()
    } else {
        format!(
            "{}{}",
            rng.pick_str(CN_CITIES),
            rng.pick_str(&["市", "", "南山", "浦东"])
        )
    }
}

fn w_city_alone(rng: &mut Rng) -> String {
    rng.pick_str(&[
        "Berlin", "Paris", "London", "Austin", "Lyon", "Madrid", "Milano", "Wien", "Zürich",
        "Toronto", "Seattle", "Hamburg",
    ])
    .to_string()
}

/// Negative values that sit in name/address-like slots or next to them.
fn plain_negative(rng: &mut Rng, cn: bool) -> Val {
    Val::Plain(match rng.below(8) {
        0 => user_handle(rng),
        1 => sku(rng),
        2 => {
            if cn {
                cn_city_alone(rng)
            } else {
                w_city_alone(rng)
            }
        }
        3 => rng
            .pick_str(&["null", "N/A", "-", "", "unknown", "待填写", "无", "TBD"])
            .to_string(),
        4 => rng
            .pick_str(&[
                "iPhone 15 Pro Max",
                "Galaxy S24 Ultra",
                "Air Jordan 1",
                "雅诗兰黛小棕瓶",
                "Dyson Airwrap",
                "李宁运动鞋",
                "MacBook Air M3",
            ])
            .to_string(),
        5 => rng
            .pick_str(&[
                "PAID",
                "SHIPPED",
                "已发货",
                "待付款",
                "pending",
                "REFUNDED",
                "OK",
            ])
            .to_string(),
        6 => format!("{}", 100000 + rng.below(900000)),
        _ => rng
            .pick_str(&[
                "客服小美",
                "小助手",
                "主播",
                "Customer Service",
                "Support Team",
                "OfficialStore",
                "家人们",
            ])
            .to_string(),
    })
}

fn push_val(b: &mut Builder, v: &Val, quote: &str) {
    b.push(quote);
    match v {
        Val::Person(s) => b.span(SpanKind::Person, s),
        Val::Addr(s) => b.span(SpanKind::Address, s),
        Val::Plain(s) => b.push(s),
    }
    b.push(quote);
}

const NAME_KEYS: &[&str] = &[
    "name",
    "recipient",
    "receiver",
    "consignee",
    "contact",
    "customer_name",
    "buyer",
    "full_name",
    "shipTo.name",
    "收件人",
    "姓名",
    "联系人",
    "收货人",
    "cardholder",
    "Empfänger",
    "nom",
];
const ADDR_KEYS: &[&str] = &[
    "addr",
    "address",
    "ship_addr",
    "shipping_address",
    "street",
    "地址",
    "收货地址",
    "详细地址",
    "Adresse",
    "delivery_address",
];
const OTHER_KEYS: &[&str] = &[
    "user", "uid", "order_id", "sku", "city", "status", "nick", "handle", "item", "shop", "ip",
    "channel", "昵称", "商品", "状态", "城市",
];

fn phone_val(rng: &mut Rng, cn: bool) -> Val {
    Val::Plain(if cn { phone(rng) } else { w_phone(rng) })
}

/// Fields of one record (key, value); keys and values follow a shuffled layout.
fn record_fields(rng: &mut Rng, cn: bool) -> Vec<(&'static str, Val)> {
    let mut f: Vec<(&'static str, Val)> = Vec::new();
    if rng.chance(0.5) {
        f.push((rng.pick_str(OTHER_KEYS), plain_negative(rng, cn)));
    }
    let has_name = rng.chance(0.75);
    if has_name {
        f.push((rng.pick_str(NAME_KEYS), person(rng, cn)));
    } else {
        f.push((rng.pick_str(NAME_KEYS), plain_negative(rng, cn)));
    }
    if rng.chance(0.6) {
        f.push(("phone", phone_val(rng, cn)));
    }
    if rng.chance(0.6) {
        f.push((rng.pick_str(ADDR_KEYS), address(rng, cn)));
    } else if rng.chance(0.4) {
        f.push(("city", plain_negative(rng, cn)));
    }
    if rng.chance(0.4) {
        f.push((rng.pick_str(OTHER_KEYS), plain_negative(rng, cn)));
    }
    f
}

fn csv_row(rng: &mut Rng, cn: bool) -> Example {
    let mut b = Builder::new();
    let sep = rng.pick_str(&[",", ",", ";", "\t", "|", ", "]);
    let quote = if rng.chance(0.25) { "\"" } else { "" };
    let fields = record_fields(rng, cn);
    if rng.chance(0.5) {
        b.push(&format!("{}{sep}", 1000 + rng.below(90000)));
    }
    for (k, (_, v)) in fields.iter().enumerate() {
        if k > 0 {
            b.push(sep);
        }
        // Unquoted CSV cannot hold the separator inside an address: quote it.
        let q = match v {
            Val::Addr(s) if s.contains(sep.trim()) && !sep.trim().is_empty() => "\"",
            _ => quote,
        };
        push_val(&mut b, v, q);
    }
    if rng.chance(0.4) {
        b.push(sep);
        b.push(&timestamp(rng));
    }
    b.finish()
}

fn kv_record(rng: &mut Rng, cn: bool) -> Example {
    let mut b = Builder::new();
    let (eq, sep) = *rng.pick(&[
        ("=", ";"),
        ("=", " "),
        ("=", "&"),
        (": ", " | "),
        (":", ","),
        ("=", ", "),
        (":", "\n"),
    ]);
    let quote = if eq == "=" && sep == " " && rng.chance(0.6) {
        "\""
    } else {
        ""
    };
    for (k, (key, v)) in record_fields(rng, cn).iter().enumerate() {
        if k > 0 {
            b.push(sep);
        }
        b.push(key);
        b.push(eq);
        let q = match v {
            Val::Addr(s) | Val::Person(s)
                if quote.is_empty() && (s.contains(' ') && sep == " ") =>
            {
                "\""
            }
            _ => quote,
        };
        push_val(&mut b, v, q);
    }
    b.finish()
}

fn json_record(rng: &mut Rng, cn: bool) -> Example {
    let mut b = Builder::new();
    b.push("{");
    let sp = if rng.chance(0.5) { " " } else { "" };
    for (k, (key, v)) in record_fields(rng, cn).iter().enumerate() {
        if k > 0 {
            b.push(",");
            b.push(sp);
        }
        b.push(&format!("\"{key}\":{sp}"));
        push_val(&mut b, v, "\"");
    }
    b.push("}");
    b.finish()
}

fn log_line(rng: &mut Rng, cn: bool) -> Example {
    let mut b = Builder::new();
    b.push(&timestamp(rng));
    b.push(rng.pick_str(&[" INFO ", " WARN ", " [INFO] ", " ERROR ", " level=info "]));
    b.push(rng.pick_str(&[
        "order.created ",
        "addr_verify failed: ",
        "shipment.update ",
        "kyc.check ",
        "svc=checkout ",
        "user.profile.update ",
        "[order-service] ",
    ]));
    let fields = record_fields(rng, cn);
    for (k, (key, v)) in fields.iter().enumerate() {
        if k > 0 {
            b.push(" ");
        }
        b.push(key);
        b.push("=");
        let q = match v {
            Val::Plain(s) if !s.contains(' ') => "",
            _ => rng.pick_str(&["\"", "'", "\""]),
        };
        push_val(&mut b, v, q);
    }
    if rng.chance(0.4) {
        b.push(&format!(
            " ip=10.{}.{}.{}",
            rng.below(255),
            rng.below(255),
            rng.below(255)
        ));
    }
    b.finish()
}

fn transcript(rng: &mut Rng, cn: bool) -> Example {
    let mut b = Builder::new();
    let t = clock(rng);
    b.push(&match rng.below(3) {
        0 => format!("[{t}] "),
        1 => format!("{t} "),
        _ => format!("[{}] ", timestamp(rng)),
    });
    // Speaker: a user label or handle (not a name), or a real name.
    let speaker_is_name = rng.chance(0.35);
    if speaker_is_name {
        let v = person(rng, cn);
        push_val(&mut b, &v, "");
    } else if cn {
        b.push(rng.pick_str(&["用户A", "用户B", "买家", "客服", "客服小美", "主播", "助理"]));
    } else {
        b.push(rng.pick_str(&[
            "User A",
            "Agent",
            "Customer",
            "Support",
            "Host",
            "buyer_2231",
            "Bot",
        ]));
    }
    b.push(if cn {
        rng.pick_str(&["：", ":", ": "])
    } else {
        ": "
    });
    match rng.below(5) {
        0 => {
            b.push(if cn { "我叫" } else { "my name is " });
            push_val(&mut b, &person(rng, cn), "");
        }
        1 => {
            b.push(if cn {
                rng.pick_str(&["地址是", "寄到", "我的地址:", "收货地址 "])
            } else {
                rng.pick_str(&["ship to ", "my address is ", "send it to "])
            });
            push_val(&mut b, &address(rng, cn), "");
        }
        2 => {
            push_val(&mut b, &person(rng, cn), "");
            b.push(if cn { " " } else { ", " });
            push_val(&mut b, &phone_val(rng, cn), "");
            b.push(if cn { " " } else { ", " });
            push_val(&mut b, &address(rng, cn), "");
        }
        3 => {
            if cn {
                b.push(rng.pick_str(&["几号发货", "链接在哪", "谢谢主播", "已拍两单", "求返场"]));
            } else {
                b.push(rng.pick_str(&["when does it ship?", "thanks!", "link pls", "ordered 2"]));
            }
        }
        _ => {
            b.push(if cn {
                "帮我改成"
            } else {
                "please change the recipient to "
            });
            push_val(&mut b, &person(rng, cn), "");
        }
    }
    b.finish()
}

fn sms(rng: &mut Rng, cn: bool) -> Example {
    let mut b = Builder::new();
    if cn {
        b.push(rng.pick_str(&[
            "【顺丰速运】",
            "【京东物流】",
            "【菜鸟驿站】",
            "【中通快递】",
            "【韵达】",
        ]));
        match rng.below(4) {
            0 => {
                b.push("您的快件已由");
                push_val(&mut b, &person(rng, true), "");
                b.push("签收,如有疑问请致电95338。");
            }
            1 => {
                b.push("您的包裹将派送至");
                push_val(&mut b, &address(rng, true), "");
                b.push(",快递员");
                push_val(&mut b, &person(rng, true), "");
                b.push(" ");
                push_val(&mut b, &phone_val(rng, true), "");
            }
            2 => {
                b.push("取件码");
                b.push(&format!(
                    "{}-{}-{}",
                    1 + rng.below(9),
                    1 + rng.below(9),
                    1000 + rng.below(9000)
                ));
                b.push(",请尽快领取。退订回T");
            }
            _ => {
                b.push("收件人");
                push_val(&mut b, &person(rng, true), "");
                b.push(",地址");
                push_val(&mut b, &address(rng, true), "");
                b.push(",运单号SF");
                b.push(&format!(
                    "{}",
                    1_000_000_000u64 + rng.next_u64() % 8_000_000_000
                ));
            }
        }
    } else {
        b.push(rng.pick_str(&[
            "[Royal Mail] ",
            "DHL: ",
            "UPS Update: ",
            "[La Poste] ",
            "Hermes: ",
            "DPD: ",
        ]));
        match rng.below(3) {
            0 => {
                b.push("Your parcel for ");
                push_val(&mut b, &person(rng, false), "");
                b.push(" will be delivered to ");
                push_val(&mut b, &address(rng, false), "");
                b.push(" today.");
            }
            1 => {
                b.push("Paket an ");
                push_val(&mut b, &person(rng, false), "");
                b.push(" zugestellt. Code 4821");
            }
            _ => {
                b.push("Tracking JJD");
                b.push(&format!("{}", 10_000_000 + rng.below(89_999_999)));
                b.push(": out for delivery. Reply STOP to opt out");
            }
        }
    }
    b.finish()
}

fn signature(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    let sep = rng.pick_str(&["\n", " | ", " / ", "\n"]);
    b.push(rng.pick_str(&[
        "Best regards,",
        "Kind regards,",
        "Cheers,",
        "Mit freundlichen Grüßen,",
        "Cordialement,",
        "Thanks,",
    ]));
    b.push(if sep == "\n" { "\n" } else { " " });
    if rng.chance(0.2) {
        let g = world_given(rng);
        b.span(SpanKind::Person, &g);
    } else {
        push_val(&mut b, &person(rng, false), "");
    }
    b.push(sep);
    b.push(rng.pick_str(&[
        "Head of Sales",
        "Customer Care",
        "Einkauf",
        "Responsable logistique",
        "Buyer",
    ]));
    if rng.chance(0.7) {
        b.push(sep);
        b.push(rng.pick_str(&[
            "Northwind Trading Ltd",
            "Müller & Söhne GmbH",
            "Maison Lune SARL",
            "Acme Corp",
        ]));
        b.push(sep);
        push_val(&mut b, &Val::Addr(w_address_any(rng, false)), "");
    }
    if rng.chance(0.5) {
        b.push(sep);
        b.push("Tel ");
        b.push(&w_phone(rng));
    }
    b.finish()
}

/// A multi-line label: name and address on separate lines or joined by `/`, `|`.
fn label(rng: &mut Rng) -> Example {
    let mut b = Builder::new();
    let cn = rng.chance(0.4);
    let sep = rng.pick_str(&["\n", " / ", " | ", ", "]);
    if rng.chance(0.5) {
        b.push(if cn {
            "收件人:"
        } else {
            rng.pick_str(&[
                "Ship to: ",
                "To: ",
                "Deliver to: ",
                "Empfänger: ",
                "Destinataire : ",
            ])
        });
    }
    push_val(&mut b, &person(rng, cn), "");
    b.push(sep);
    let a = if cn {
        cn_address_any(rng)
    } else {
        w_address_any(rng, true)
    };
    b.span(SpanKind::Address, &a);
    if rng.chance(0.5) {
        b.push(sep);
        b.push(&if cn { phone(rng) } else { w_phone(rng) });
    }
    b.finish()
}

/// Chinese names in running text, without a cue.
fn cn_running(rng: &mut Rng) -> Example {
    const T: &[(&str, &str)] = &[
        ("", "今天没来上班"),
        ("听说", "也买了这个"),
        ("", "和同事一起来看直播"),
        ("这是", "推荐的"),
        ("", "的快递到了"),
        ("昨天", "打电话说不要了"),
        ("帮", "拍一单"),
        ("", "说这个颜色显白"),
        ("等", "回来再说"),
        ("我和", "是老乡"),
    ];
    let (pre, post) = *rng.pick(T);
    let mut b = Builder::new();
    b.push(pre);
    let n = cn_name_any(rng);
    b.span(SpanKind::Person, &n);
    b.push(post);
    b.finish()
}

/// Negatives in the same formats: records with no name or address value.
fn format_negative(rng: &mut Rng) -> Example {
    let cn = rng.chance(0.5);
    let mut b = Builder::new();
    match rng.below(6) {
        5 => {
            // Capitalized nouns and sentence starts that are not names.
            b.push(rng.pick_str(&[
                "Nächster Drop um 21 Uhr, Code ",
                "Neue Kollektion ab Montag, Betrag ",
                "Antworten Sie bitte bis Freitag, Ticket ",
                "Schweizer Kunden zahlen Zoll, Bestellung ",
                "Login-Warnung: Neuer Login am Dienstag, Sitzung ",
                "Vielen Dank für Ihre Bestellung Nr. ",
                "Spedizione Gratuita sopra 50 €, Ordine ",
                "Envío Gratis en Pedidos, Código ",
                "Livraison Offerte dès 49 €, Commande ",
                "Hong Kong Pickup Point, Locker ",
                "New York Warehouse Batch ",
                "Customer Care Ticket ",
                "Winter Sale Final Call, Drop ",
                "Kundenservice Hamburg Filiale ",
                "Livraison prévue mardi, commande ",
                "Adresse incomplète, ticket ",
                "Name required for order ",
                "Delivery expected Friday, order ",
                "Lieferadresse fehlt, Bestellung ",
                "Empfänger unbekannt, Sendung ",
                "Destinataire absent, avis de passage ",
            ]));
            b.push(&format!("{}", 1000 + rng.below(90000)));
        }
        0 => {
            b.push(&timestamp(rng));
            b.push(rng.pick_str(&[" INFO ", " WARN ", " DEBUG "]));
            b.push(rng.pick_str(&[
                "cache miss key=user:",
                "GET /api/v2/orders/",
                "payment.callback status=OK id=",
                "retry=3 service=Address-Validator job=",
                "field name missing for order ",
            ]));
            b.push(&format!("{}", rng.below(999_999)));
        }
        1 => {
            let fields: Vec<String> = (0..2 + rng.below(3))
                .map(|_| match plain_negative(rng, cn) {
                    Val::Plain(s) | Val::Person(s) | Val::Addr(s) => s,
                })
                .collect();
            b.push(&fields.join(rng.pick_str(&[",", ";", "\t", "|"])));
        }
        2 => {
            let k = rng.pick_str(&[
                "name", "user", "nick", "city", "shop", "昵称", "城市", "主播",
            ]);
            let v = match plain_negative(rng, cn) {
                Val::Plain(s) | Val::Person(s) | Val::Addr(s) => s,
            };
            b.push(&format!(
                "{k}={v};status={}",
                rng.pick_str(&["PAID", "OK", "已发货"])
            ));
        }
        3 => {
            b.push(&format!("[{}] ", clock(rng)));
            b.push(rng.pick_str(&["用户A", "主播", "客服", "User B", "Host", "xiaoyu_88"]));
            b.push(": ");
            b.push(rng.pick_str(&[
                "3号链接还有吗",
                "Berlin or Munich warehouse?",
                "发北京还是上海",
                "name and address please",
                "请填写收件人姓名和地址",
                "Rue or Avenue? lol",
            ]));
        }
        _ => {
            b.push(&format!(
                "{{\"user\":\"{}\",\"sku\":\"{}\",\"city\":\"{}\"}}",
                user_handle(rng),
                sku(rng),
                if cn {
                    cn_city_alone(rng)
                } else {
                    w_city_alone(rng)
                }
            ));
        }
    }
    b.finish()
}

/// One example in a record or message format (see the module doc).
pub(super) fn formatted(rng: &mut Rng) -> Example {
    let cn = rng.chance(0.5);
    match rng.below(20) {
        0..=2 => csv_row(rng, cn),
        3..=5 => kv_record(rng, cn),
        6 | 7 => json_record(rng, cn),
        8 | 9 => log_line(rng, cn),
        10..=12 => transcript(rng, cn),
        13 | 14 => sms(rng, cn),
        15 => signature(rng),
        16 | 17 => label(rng),
        18 => cn_running(rng),
        _ => format_negative(rng),
    }
}

/// A negative in a record format.
pub(super) fn formatted_negative(rng: &mut Rng) -> Example {
    format_negative(rng)
}
