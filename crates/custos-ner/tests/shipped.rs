//! The shipped model on clear sentences, and `tag`'s invariants on arbitrary input.

use custos_ner::{Span, SpanKind, TagScratch, Tagger};
use proptest::prelude::*;

fn tag(text: &str) -> (Vec<char>, Vec<Span>) {
    let tagger = Tagger::shipped().expect("shipped model parses");
    let chars: Vec<char> = text.chars().collect();
    let mut scratch = TagScratch::default();
    let mut out = Vec::new();
    tagger.tag(&chars, &mut scratch, &mut out);
    (chars, out)
}

fn found(text: &str, kind: SpanKind, want: &str) -> bool {
    let (chars, spans) = tag(text);
    spans.iter().any(|s| {
        s.kind == kind
            && s.probability >= 0.5
            && chars[s.start..s.end].iter().collect::<String>() == want
    })
}

#[test]
fn shipped_model_round_trips() {
    let t = Tagger::shipped().unwrap();
    let bytes = t.to_bytes();
    assert!(bytes.len() <= 8 << 20);
    assert_eq!(Tagger::from_bytes(&bytes).unwrap().to_bytes(), bytes);
}

#[test]
fn finds_chinese_names_and_addresses() {
    assert!(found(
        "收件人:张伟 电话:13812345678",
        SpanKind::Person,
        "张伟"
    ));
    assert!(found("我叫李秀英,麻烦快点发货", SpanKind::Person, "李秀英"));
    assert!(found("谢谢王晓明送的小心心", SpanKind::Person, "王晓明"));
    assert!(found(
        "地址:广东省深圳市南山区科技园南路18号A栋1203室",
        SpanKind::Address,
        "广东省深圳市南山区科技园南路18号A栋1203室"
    ));
    assert!(found(
        "寄到北京朝阳区建国路88号,谢谢",
        SpanKind::Address,
        "北京朝阳区建国路88号"
    ));
}

#[test]
fn finds_western_names_and_addresses() {
    assert!(found(
        "my name is John Smith",
        SpanKind::Person,
        "John Smith"
    ));
    assert!(found(
        "Recipient: Anna Müller",
        SpanKind::Person,
        "Anna Müller"
    ));
    assert!(found(
        "ship to 221B Baker Street, London NW1 6XE please",
        SpanKind::Address,
        "221B Baker Street, London NW1 6XE"
    ));
    assert!(found(
        "Lieferadresse: Hauptstraße 12, 10115 Berlin",
        SpanKind::Address,
        "Hauptstraße 12, 10115 Berlin"
    ));
    assert!(found(
        "J'habite au 12 rue de Rivoli, 75001 Paris",
        SpanKind::Address,
        "12 rue de Rivoli, 75001 Paris"
    ));
}

#[test]
fn clear_negatives_have_no_spans() {
    for text in [
        "这个多少钱",
        "主播好漂亮啊,宝宝们晚上好",
        "亲,几号发货?",
        "我在深圳",
        "how much is this one?",
        "love this color!!",
        "Black Friday deals are live",
        "do you ship to Berlin?",
        "",
    ] {
        let (_, spans) = tag(text);
        let strong: Vec<_> = spans.iter().filter(|s| s.probability >= 0.5).collect();
        assert!(strong.is_empty(), "{text}: {strong:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn tag_never_panics_and_spans_are_sane(s in "\\PC{0,80}", extra in proptest::collection::vec(any::<char>(), 0..40)) {
        let mut text: Vec<char> = s.chars().collect();
        text.extend(extra);
        text.extend("张伟 住在北京市朝阳区建国路88号 John Smith 12 Baker Street".chars());
        let tagger = Tagger::shipped().unwrap();
        let mut scratch = TagScratch::default();
        let mut out = Vec::new();
        tagger.tag(&text, &mut scratch, &mut out);
        let mut last_end = 0;
        for sp in &out {
            prop_assert!(sp.start < sp.end && sp.end <= text.len());
            prop_assert!(sp.start >= last_end);
            prop_assert!((0.0..=1.0).contains(&sp.probability));
            last_end = sp.end;
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_from_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = Tagger::from_bytes(&bytes);
    }
}
