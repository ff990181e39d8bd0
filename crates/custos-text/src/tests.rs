//! Table tests: one row per case, positives and negatives per transformation.

use crate::{Normalized, Normalizer, Transforms};

fn norm(text: &str) -> Normalized {
    Normalizer::new().normalize(text)
}

/// Checks each row's output, and that the output maps onto the input sanely.
fn check(rows: &[(&str, &str)]) {
    let normalizer = Normalizer::new();
    let mut out = Normalized::default();
    for (i, &(input, want)) in rows.iter().enumerate() {
        normalizer.normalize_into(input, &mut out);
        assert_eq!(out.as_str(), want, "row {i}: {input:?}");
        assert_eq!(
            out.is_identity(),
            input == want,
            "row {i}: identity of {input:?}"
        );
        assert_eq!(out.original_len_chars(), input.chars().count(), "row {i}");
        assert_map_ok(&out, input);
    }
}

/// Same rows, but each expects a transform set on the whole text.
fn check_transforms(rows: &[(&str, &str, Transforms)]) {
    for (i, &(input, want, t)) in rows.iter().enumerate() {
        let out = norm(input);
        assert_eq!(out.as_str(), want, "row {i}: {input:?}");
        assert_eq!(out.transforms(0..out.len_chars()), t, "row {i}: {input:?}");
    }
}

pub(crate) fn assert_map_ok(out: &Normalized, input: &str) {
    let n = out.len_chars();
    let mut prev = (0, 0);
    for i in 0..n {
        let r = out.original_range(i..i + 1);
        assert!(r.start < r.end, "char {i} of {input:?} maps to empty {r:?}");
        assert!(r.end <= out.original_len_chars());
        let cur = (r.start, r.end);
        assert!(
            cur == prev || cur.0 >= prev.1,
            "char {i} of {input:?}: {cur:?} after {prev:?}"
        );
        prev = cur;
    }
}

#[test]
fn width_folding() {
    check(&[
        ("１３８", "138"),
        ("电话：１２３", "电话:123"),
        ("ａｂｃ＠ｑｑ．ｃｏｍ", "abc@qq.com"),
        ("你好　世界", "你好 世界"),
        ("好的。谢谢！", "好的。谢谢!"),
        ("价格￥９９", "价格¥99"),
        ("没有变化的中文", "没有变化的中文"),
        ("繁體中文不轉換", "繁體中文不轉換"),
    ]);
}

#[test]
fn digit_forms() {
    check(&[
        ("①③⑧", "138"),
        ("⑩号链接", "10号链接"),
        ("1️⃣3️⃣8️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣", "13812345678"),
        ("1⃣3⃣8⃣", "138"),
        ("❶❸❽", "138"),
        ("¹³⁸", "138"),
        ("₁₃₈", "138"),
        ("𝟏𝟑𝟖", "138"),
        ("١٣٨", "138"),
        ("१३८", "138"),
        ("⒈⒊⒏", "138"),
        ("⑴⑶⑻", "138"),
        ("⓪", "0"),
    ]);
    let out = norm("⑩");
    assert_eq!(out.original_range(0..1), 0..1);
    assert_eq!(out.original_range(1..2), 0..1);
    let keycaps = norm("1️⃣3️⃣");
    assert_eq!(keycaps.original_range(1..2), 3..6);
    assert_eq!(keycaps.transforms(0..2), Transforms::DIGIT_FORM);
}

#[test]
fn cn_numerals() {
    check(&[
        ("幺三八一二三四五六七八", "13812345678"),
        ("1三8 1234 5678", "13812345678"),
        ("壹叁捌壹贰叁肆伍陆柒捌", "13812345678"),
        ("两洞洞四", "2004"),
        ("〇零一二", "0012"),
        ("幺三八 1234 ５６７８", "13812345678"),
        // negatives
        ("一个", "一个"),
        ("三四个", "三四个"),
        ("一千二百三十四", "一千二百三十四"),
        ("十一十二十三十四", "十一十二十三十四"),
        ("买一送一", "买一送一"),
        ("三五成群", "三五成群"),
    ]);
}

#[test]
fn lookalikes() {
    check(&[
        ("l38OO1234567", "138001234567"),
        ("138OOl23456", "13800123456"),
        ("13B12345678", "13812345678"),
        ("138 l234 5678", "13812345678"),
        ("Tel. 06-87083156", "Tel. 0687083156"),
        ("l38 OO12 3456 别屏蔽我", "13800123456 别屏蔽我"),
        ("call l38 OO12", "call l38 OO12"),
        ("1381234567O", "13812345670"),
        ("138丨2345678", "13812345678"),
        // `|` at a group edge is a field delimiter, not a 1
        ("0086-185-0908-5334｜地址", "008618509085334|地址"),
        ("电话:138 1234 5678|", "电话:13812345678|"),
        // negatives
        ("iPhone15 Pro", "iPhone15 Pro"),
        ("iPhone15", "iPhone15"),
        ("v1.2.3", "v1.2.3"),
        ("ID12345", "ID12345"),
        ("SKU-A12B", "SKU-A12B"),
        ("1000000g", "1000000g"),
        ("OOO1234", "OOO1234"),
        ("l23", "l23"),
        ("S1 S2 S3", "S1 S2 S3"),
        (
            "5d41402abc4b2a76b9719d911017c592",
            "5d41402abc4b2a76b9719d911017c592",
        ),
        ("Size S 36码", "Size S 36码"),
    ]);
}

#[test]
fn separators() {
    check(&[
        ("138 1234 5678", "13812345678"),
        ("138.1234.5678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("1-3-8-1-2-3-4-5-6-7-8", "13812345678"),
        ("138🌸1234🌸5678", "13812345678"),
        ("138 ~ 1234 ~ 5678", "13812345678"),
        ("138·1234·5678", "13812345678"),
        ("138—1234—5678", "13812345678"),
        ("6222 0212 3456 7890 123", "6222021234567890123"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+86 13812345678", "+8613812345678"),
        ("0755-12345678", "075512345678"),
        ("110101 19900307 123X", "11010119900307123X"),
        ("1\u{200B}3\u{200B}8 1234 5678", "13812345678"),
        ("电话138 1234 5678。", "电话13812345678。"),
        // negatives
        ("192.168.1.20", "192.168.1.20"),
        ("¥199.00", "¥199.00"),
        ("3.5", "3.5"),
        ("1234567.89", "1234567.89"),
        ("2 3 5", "2 3 5"),
        ("12:30", "12:30"),
        ("2024-05-01 12:30", "2024-05-01 12:30"),
        ("2024-05-01", "2024-05-01"),
        ("2024.5.1", "2024.5.1"),
        ("01.05.2024", "01.05.2024"),
        ("1,234,567", "1,234,567"),
        ("Boston, MA 02108-3307", "Boston, MA 02108-3307"),
        ("138****5678", "138****5678"),
        ("138 1234    5678", "1381234    5678"),
        ("买2 13812345678", "买2 13812345678"),
        ("¥199.00 13812345678", "¥199.00 13812345678"),
        ("2024-05-01 13812345678", "2024-05-01 13812345678"),
        ("fe80::1 2001:db8::1", "fe80::1 2001:db8::1"),
        ("a/123/4567", "a/123/4567"),
        ("138 1234 5678 ", "13812345678 "),
        // a lone digit after a long group is the next word; spelled-out digits join
        ("+852 7420 7486 8 Chapel Road", "+85274207486 8 Chapel Road"),
        ("138 1234 5678 2件", "13812345678 2件"),
        ("1 3 8 1 2 3 4 5 6 7 8", "13812345678"),
        ("CH93 0076 2011 6238 5295 7", "CH93 00762011623852957"),
    ]);
}

#[test]
fn invisible_characters() {
    check(&[
        ("微\u{200B}信", "微信"),
        ("ab\u{200D}c", "abc"),
        ("\u{FEFF}hello", "hello"),
        ("soft\u{00AD}ware", "software"),
        ("❤\u{FE0F}", "❤"),
        ("#\u{FE0F}\u{20E3}", "#"),
        ("x\u{20E3}", "x"),
        ("end\u{2060}", "end"),
    ]);
    let out = norm("a\u{200B}b");
    assert_eq!(out.original_range(0..2), 0..3);
    assert_eq!(out.transforms(0..2), Transforms::INVISIBLE_REMOVED);
    assert_eq!(out.transforms(1..2), Transforms::empty());
}

#[test]
fn homoglyphs() {
    check(&[
        ("w\u{435}chat", "微信"),
        ("\u{430}bc_123", "abc_123"),
        ("p\u{430}ypal", "paypal"),
        ("\u{3BF}k", "ok"),
        ("1\u{41E}", "1O"),
        // negatives: real Russian and Greek stay
        ("привет мир", "привет мир"),
        ("Сколько стоит?", "Сколько стоит?"),
        ("καλημέρα", "καλημέρα"),
        ("ΑΒΓ", "ΑΒΓ"),
        ("中文а", "中文а"),
    ]);
}

#[test]
fn im_aliases() {
    check(&[
        ("V信: abc_123", "微信: abc_123"),
        ("v信", "微信"),
        ("Ｖ信", "微信"),
        ("加薇信", "加微信"),
        ("维信号", "微信号"),
        ("徽信", "微信"),
        ("微❤", "微信"),
        ("微❤\u{FE0F}", "微信"),
        ("微x", "微信"),
        ("微X", "微信"),
        ("vx", "微信"),
        ("VX", "微信"),
        ("Vx abc", "微信 abc"),
        ("加vx", "加微信"),
        ("wx:abc", "微信:abc"),
        ("WX", "微信"),
        ("weixin", "微信"),
        ("WeChat", "微信"),
        ("we chat", "微信"),
        ("w\u{435}chat", "微信"),
        ("加绿泡泡", "加微信"),
        ("加威信", "加微信"),
        ("威信 abc123", "微信 abc123"),
        ("加我扣扣 12345678", "加我QQ 12345678"),
        ("抠抠", "QQ"),
        ("企鹅号", "QQ号"),
        ("企鹅 12345678", "QQ 12345678"),
        ("qq12345678", "QQ12345678"),
        ("Qq", "QQ"),
        ("q q 123456", "QQ 123456"),
        ("ｑｑ", "QQ"),
        // negatives
        ("QQ", "QQ"),
        ("微信", "微信"),
        ("vxlan", "vxlan"),
        ("awx", "awx"),
        ("abc_vx", "abc_vx"),
        ("12345678@qq.com", "12345678@qq.com"),
        ("wx.example.com", "wx.example.com"),
        ("卫星", "卫星"),
        ("球球", "球球"),
        ("他很有威信", "他很有威信"),
        ("可爱的企鹅", "可爱的企鹅"),
        ("AV信", "AV信"),
    ]);
    let out = norm("加vx");
    assert_eq!(out.original_range(1..2), 1..3);
    assert_eq!(out.original_range(2..3), 1..3);
    let out = norm("we chat 123");
    assert_eq!(out.original_range(0..1), 0..7);
    assert_eq!(out.original_range(1..2), 0..7);
}

#[test]
fn transform_sets() {
    check_transforms(&[
        ("１２", "12", Transforms::FULLWIDTH),
        (
            "幺三八一二三四五六七八",
            "13812345678",
            Transforms::CN_NUMERAL,
        ),
        ("①", "1", Transforms::DIGIT_FORM),
        ("l3812345678", "13812345678", Transforms::LOOKALIKE),
        ("w\u{435}b1", "web1", Transforms::HOMOGLYPH),
        (
            "138 1234 5678",
            "13812345678",
            Transforms::SEPARATOR_REMOVED,
        ),
        (
            "138\u{200B}1234 5678",
            "13812345678",
            Transforms::SEPARATOR_REMOVED.union(Transforms::INVISIBLE_REMOVED),
        ),
        ("vx", "微信", Transforms::IM_ALIAS),
        (
            "w\u{435}chat",
            "微信",
            Transforms::IM_ALIAS.union(Transforms::HOMOGLYPH),
        ),
        ("hello", "hello", Transforms::empty()),
    ]);
    // transforms of a sub-range only see their own chars and the gaps inside
    let out = norm("ab 138 1234 5678, ①");
    assert_eq!(out.as_str(), "ab 13812345678, 1");
    assert_eq!(out.transforms(0..2), Transforms::empty());
    assert_eq!(out.transforms(3..6), Transforms::empty());
    assert_eq!(out.transforms(3..7), Transforms::SEPARATOR_REMOVED);
    assert_eq!(out.transforms(16..17), Transforms::DIGIT_FORM);
}

#[test]
fn offset_map() {
    let out = norm("电话：幺三八 1234 ５６７８");
    assert_eq!(out.as_str(), "电话:13812345678");
    assert_eq!(out.len_chars(), 14);
    assert_eq!(out.original_len_chars(), 16);
    assert_eq!(out.original_range(0..2), 0..2);
    assert_eq!(out.original_range(3..14), 3..16);
    assert_eq!(out.original_range(6..7), 7..8);
    // empty and out-of-range ranges never panic
    assert_eq!(out.original_range(6..6), 7..7);
    assert_eq!(out.original_range(14..14), 16..16);
    assert_eq!(out.original_range(99..120), 16..16);
    #[allow(clippy::reversed_empty_ranges)]
    let reversed = out.original_range(9..3);
    assert_eq!(reversed, 10..10);
    assert_eq!(out.transforms(99..120), Transforms::empty());
    // byte <-> char
    assert_eq!(out.byte_of_char(0), 0);
    assert_eq!(out.byte_of_char(2), 6);
    assert_eq!(out.byte_of_char(3), 7);
    assert_eq!(out.byte_of_char(14), out.as_str().len());
    assert_eq!(out.byte_of_char(99), out.as_str().len());
    assert_eq!(out.char_index_of_byte(6), 2);
    assert_eq!(out.char_index_of_byte(7), 3);
    assert_eq!(out.char_index_of_byte(1), 1, "inside a char: the next one");
    assert_eq!(out.char_index_of_byte(999), 14);
}

#[test]
fn identity_and_empty() {
    for text in ["", "hello world", "你好，欢迎来到直播间", "привет", "🌸🌸"] {
        let out = norm(text);
        if text.contains('，') {
            assert!(!out.is_identity());
            continue;
        }
        assert!(out.is_identity(), "{text:?}");
        assert_eq!(out.as_str(), text);
        let n = out.len_chars();
        assert_eq!(out.original_range(0..n), 0..n);
        assert_eq!(out.transforms(0..n), Transforms::empty());
    }
    let empty = Normalized::default();
    assert!(empty.is_identity());
    assert_eq!(empty.original_range(0..5), 0..0);
    assert_eq!(empty.char_index_of_byte(3), 0);
    assert_eq!(empty.byte_of_char(3), 0);
    // digits that stay digits are identity too
    assert!(norm("买3件").is_identity());
    assert!(norm("12:30").is_identity());
}

#[test]
fn buffers_are_reused() {
    let normalizer = Normalizer::new();
    let mut out = Normalized::default();
    normalizer.normalize_into("幺三八 1234 ５６７８ 加vx", &mut out);
    let first = out.as_str().to_owned();
    normalizer.normalize_into("hello", &mut out);
    assert_eq!(out.as_str(), "hello");
    assert!(out.is_identity());
    normalizer.normalize_into("幺三八 1234 ５６７８ 加vx", &mut out);
    assert_eq!(out.as_str(), first);
    assert_eq!(out.to_string(), first);
}
