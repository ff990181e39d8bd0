//! End-to-end tests of the detector: evasions, hard negatives and invariants.

use std::sync::OnceLock;

use custos_detect::{Detector, EntityType, Finding};
use proptest::prelude::*;

fn detector() -> &'static Detector {
    static DETECTOR: OnceLock<Detector> = OnceLock::new();
    DETECTOR.get_or_init(|| Detector::new().expect("the shipped model loads"))
}

fn found(text: &str) -> Vec<(EntityType, String)> {
    let chars: Vec<char> = text.chars().collect();
    detector()
        .detect(text)
        .into_iter()
        .map(|f| (f.entity, chars[f.start..f.end].iter().collect()))
        .collect()
}

fn assert_finds(text: &str, entity: EntityType, surface: &str) {
    let got = found(text);
    assert!(
        got.iter().any(|(t, s)| *t == entity && s == surface),
        "{text:?}: expected {entity} {surface:?}, got {got:?}"
    );
}

#[test]
fn evasions_are_seen_through_and_offsets_point_at_the_original() {
    use EntityType::*;
    let rows: &[(&str, EntityType, &str)] = &[
        ("我电话13812345678", PhoneNumber, "13812345678"),
        (
            "手机：１３８１２３４５６７８",
            PhoneNumber,
            "１３８１２３４５６７８",
        ),
        (
            "打我幺三八一二三四五六七八",
            PhoneNumber,
            "幺三八一二三四五六七八",
        ),
        ("电话 1三8 1234 5678 谢谢", PhoneNumber, "1三8 1234 5678"),
        ("call 138.1234.5678 now", PhoneNumber, "138.1234.5678"),
        ("号码138🌸1234🌸5678", PhoneNumber, "138🌸1234🌸5678"),
        ("手机 ①③⑧①②③④⑤⑥⑦⑧", PhoneNumber, "①③⑧①②③④⑤⑥⑦⑧"),
        (
            "call me at +86 139 1234 5678",
            PhoneNumber,
            "+86 139 1234 5678",
        ),
        ("加V信 abc_8888 领券", ImAccount, "abc_8888"),
        ("vx: lucky_girl99", ImAccount, "lucky_girl99"),
        ("扣扣 123456789 私聊", ImAccount, "123456789"),
        (
            "email zhang.wei@example.com pls",
            EmailAddress,
            "zhang.wei@example.com",
        ),
        (
            "身份证11010519491231002X",
            CnResidentId,
            "11010519491231002X",
        ),
        (
            "卡号 6222 0212 3456 7890 128 收到",
            PaymentCard,
            "6222 0212 3456 7890 128",
        ),
        (
            "IBAN DE89 3704 0044 0532 0130 00 bitte",
            IbanCode,
            "DE89 3704 0044 0532 0130 00",
        ),
        ("login from 203.0.113.45 failed", IpAddress, "203.0.113.45"),
    ];
    for &(text, entity, surface) in rows {
        assert_finds(text, entity, surface);
    }
}

#[test]
fn explanations_name_the_evidence() {
    let findings = detector().detect("电话：幺三八 1234 ５６７８");
    let phone = &findings[0];
    let explanation = &phone.explanation;
    assert_eq!(explanation.recognizer, "phone");
    assert!(explanation.validator.as_ref().is_some_and(|v| v.passed));
    assert!(explanation
        .context
        .iter()
        .any(|c| c.word == "电话" && c.effect > 0.0));
    for evasion in ["cn_numeral", "fullwidth", "separator_removed"] {
        assert!(explanation.evasions.contains(&evasion), "{explanation:?}");
    }
    assert!(phone.score > explanation.original_score);
}

#[test]
fn names_and_addresses_come_from_the_model() {
    assert_finds(
        "收件人：王小明 地址：广东省深圳市南山区科技园南路18号A栋1203室",
        EntityType::StreetAddress,
        "广东省深圳市南山区科技园南路18号A栋1203室",
    );
    assert_finds(
        "收件人：王小明 电话13812345678",
        EntityType::Person,
        "王小明",
    );
    assert_finds(
        "Please ship to John Smith, thanks",
        EntityType::Person,
        "John Smith",
    );
}

#[test]
fn greetings_thanks_and_closings_point_at_names() {
    for (text, name) in [
        ("omg thank u ben!! got it today", "ben"),
        ("thx Friederike! send it tomorrow", "Friederike"),
        (
            "Login von 10.1.2.3 um 20:04 Uhr – warst du das, Matthias?",
            "Matthias",
        ),
        ("Connexion inhabituelle — était-ce vous, Élodie ?", "Élodie"),
        ("Will rate 5 stars. Best, Imogen", "Imogen"),
        ("it's lisa here, pls check", "lisa"),
    ] {
        assert_finds(text, EntityType::Person, name);
    }
    // an id after an IM keyword is the account, even when it reads like a name
    assert_finds(
        "样品寄送或加V信：Yuanyuan-LS",
        EntityType::ImAccount,
        "Yuanyuan-LS",
    );
    // a record key `addr=` before an IPv6 address makes no street address of it
    let got = found("WARN too many attempts addr=2408:c32f:7a37::c875 device=android-14");
    assert_eq!(
        got,
        vec![(EntityType::IpAddress, "2408:c32f:7a37::c875".to_owned())]
    );
    for text in [
        "hi everyone! welcome to the stream",
        "you are the best, thanks!",
        "is it in stock, Paris?",
        "this is amazing, love it",
        "thank you so much!",
    ] {
        let got = found(text);
        assert!(
            !got.iter().any(|(t, _)| *t == EntityType::Person),
            "{text:?}: expected no name, got {got:?}"
        );
    }
}

#[test]
fn hard_negatives_are_not_reported() {
    for text in [
        "订单号 13812345678901 已发货",
        "快递单号 SF1234567890123",
        "到手价¥199.00，库存 1000 件",
        "2024-05-01 12:30:45 开播",
        "在线人数 12.3万 点赞 100000+",
        "升级到版本 1.2.3.4 就好了",
        "iPhone 15 Pro Max 256G 现货",
        "优惠券码 SAVE2024 满199减20",
        "扣1上车！宝宝们冲冲冲",
    ] {
        let got = found(text);
        assert!(got.is_empty(), "{text:?}: expected nothing, got {got:?}");
    }
}

#[test]
fn hostile_long_lines_cost_linear_work() {
    // Thousands of keywords and numbers on one line within the 1 MiB limit: every
    // per-candidate step is bounded by a window, so this finishes promptly rather
    // than in the hours a quadratic pass would take.
    let text = "QQ 12345678 call 13812345678 微信 abc_1234 ".repeat(10_000);
    let findings = detector().detect(&text);
    check_invariants(&text, &findings);
    let phones = findings
        .iter()
        .filter(|f| f.entity == EntityType::PhoneNumber)
        .count();
    assert_eq!(phones, 10_000);
    // IM keywords are followed up to a per-line cap (see im_account.rs)
    let ids = findings
        .iter()
        .filter(|f| f.entity == EntityType::ImAccount)
        .count();
    assert!(ids >= 1024, "{ids}");
}

fn check_invariants(text: &str, findings: &[Finding]) {
    let len = text.chars().count();
    let mut last_end = 0;
    for f in findings {
        assert!(f.start < f.end && f.end <= len, "{f:?} outside {len} chars");
        assert!(
            f.start >= last_end,
            "findings overlap or are unsorted: {findings:?}"
        );
        assert!((0.0..=1.0).contains(&f.score), "{f:?}");
        last_end = f.end;
    }
}

fn chat_like() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("电话".to_owned()),
        Just("V信".to_owned()),
        Just("扣扣".to_owned()),
        Just("幺三八".to_owned()),
        Just("🌸".to_owned()),
        Just("@".to_owned()),
        Just(" ".to_owned()),
        Just("收件人：".to_owned()),
        Just("路18号".to_owned()),
        Just("\u{200b}".to_owned()),
        "[0-9]{1,12}",
        "[a-zA-Z_.]{1,8}",
        "[\u{4e00}-\u{4fff}]{1,6}",
        "[０-９]{1,4}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn findings_are_in_bounds_sorted_and_disjoint(text in chat_like()) {
        check_invariants(&text, &detector().detect(&text));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_invariants(&text, &detector().detect(&text));
    }
}
