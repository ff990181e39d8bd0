//! Integration tests of custos-anonymize: NIST FF1 vectors, pinned pseudonyms,
//! tokenize shapes and round trips, and property tests over text.

use aes::{Aes128, Aes192, Aes256};
use custos_anonymize::{danger, Anonymizer, Decision, Error, KeyRing};
use custos_detect::{EntityType, Explanation, Finding};
use custos_policy::{GeneralizeLevel, Operator};
use fpe::ff1::{FlexibleNumeralString, FF1};
use proptest::prelude::*;

fn nist_path() -> String {
    format!(
        "{}/../../../shared/testvectors/ff1/nist_samples.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn hex(s: &str) -> Vec<u8> {
    data_encoding::HEXUPPER_PERMISSIVE
        .decode(s.as_bytes())
        .expect("hex in test vector")
}

/// All nine NIST SP 800-38G FF1 samples, through the `fpe` crate with the same
/// `aes` version the operators use. A missing file fails the test.
#[test]
fn ff1_nist_samples_all_nine() {
    let path = nist_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("NIST FF1 sample vectors not found at {path} ({e}); they are required, restore shared/testvectors/ff1/nist_samples.json")
    });
    let doc: serde_json::Value = serde_json::from_str(&text).expect("vectors are JSON");
    let vectors = doc["vectors"].as_array().expect("a vectors array");
    assert_eq!(vectors.len(), 9, "expected samples 1-9");
    for v in vectors {
        let sample = v["sample"].as_u64().expect("sample number");
        let key = hex(v["key"].as_str().expect("key"));
        let radix = v["radix"].as_u64().expect("radix") as u32;
        let tweak = hex(v["tweak"].as_str().expect("tweak"));
        let nums = |k: &str| -> Vec<u16> {
            v[k].as_array()
                .expect("numerals")
                .iter()
                .map(|x| x.as_u64().expect("numeral") as u16)
                .collect()
        };
        let (pt, ct) = (nums("plaintext_numerals"), nums("ciphertext_numerals"));
        let run = |enc: bool, input: Vec<u16>| -> Vec<u16> {
            let ns = FlexibleNumeralString::from(input);
            macro_rules! go {
                ($c:ty) => {{
                    let f = FF1::<$c>::new(&key, radix).expect("radix");
                    let r = if enc {
                        f.encrypt(&tweak, &ns)
                    } else {
                        f.decrypt(&tweak, &ns)
                    };
                    Vec::from(r.expect("ff1"))
                }};
            }
            match v["aes_key_bits"].as_u64() {
                Some(128) => go!(Aes128),
                Some(192) => go!(Aes192),
                Some(256) => go!(Aes256),
                other => panic!("sample {sample}: unknown key size {other:?}"),
            }
        };
        assert_eq!(run(true, pt.clone()), ct, "sample {sample}: encrypt");
        assert_eq!(run(false, ct.clone()), pt, "sample {sample}: decrypt");
    }
}

fn ring() -> KeyRing {
    KeyRing::from_hex(
        "test-2026",
        "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
    )
    .expect("test key")
}

const MASK: Operator = Operator::Mask {
    keep_first: None,
    keep_last: None,
    mask_char: None,
};

fn pseudo() -> Operator {
    Operator::Pseudonymize { key: None }
}

fn tok() -> Operator {
    Operator::Tokenize { key: None }
}

#[test]
fn pseudonym_is_pinned_and_differs_across_keys_and_types() {
    let keys = ring();
    let a = Anonymizer::new().with_keys(&keys);
    let t = a
        .apply(&pseudo(), EntityType::PhoneNumber, "13812345678")
        .unwrap();
    assert_eq!(
        t, PINNED_PHONE_TOKEN,
        "pseudonyms must be stable across runs and releases"
    );
    assert_eq!(
        a.apply(&pseudo(), EntityType::PhoneNumber, "+86 138 1234 5678")
            .unwrap(),
        t
    );

    let other = KeyRing::from_bytes("other", &[0xee; 32]).unwrap();
    let b = Anonymizer::new().with_keys(&other);
    assert_ne!(
        b.apply(&pseudo(), EntityType::PhoneNumber, "13812345678")
            .unwrap(),
        t
    );
    let as_im = a
        .apply(&pseudo(), EntityType::ImAccount, "13812345678")
        .unwrap();
    assert!(as_im.starts_with("tok_im_"));
    assert_ne!(as_im[7..], t[7..]);
    let e1 = a
        .apply(&pseudo(), EntityType::EmailAddress, "Zhang.San@Example.com")
        .unwrap();
    let e2 = a
        .apply(&pseudo(), EntityType::EmailAddress, "zhang.san@example.com")
        .unwrap();
    assert_eq!(e1, e2);
}

/// Cross-checked independently (Python hmac + RFC 5869 HKDF) when pinned.
const PINNED_PHONE_TOKEN: &str = "tok_ph_lmrmetc46nqnxtwm";

#[test]
fn rotation_old_tokens_still_reverse() {
    let mut keys = ring();
    let old = Anonymizer::new()
        .with_keys(&keys)
        .apply(&tok(), EntityType::PhoneNumber, "13812345678")
        .unwrap();
    keys.rotate("next", &[3; 32]).unwrap();
    let new = Anonymizer::new()
        .with_keys(&keys)
        .apply(&tok(), EntityType::PhoneNumber, "13812345678")
        .unwrap();
    assert_ne!(old, new);
    assert_eq!(
        danger::detokenize(&keys, Some("test-2026"), EntityType::PhoneNumber, &old).unwrap(),
        "13812345678"
    );
    assert_eq!(
        danger::detokenize(&keys, None, EntityType::PhoneNumber, &new).unwrap(),
        "13812345678"
    );
}

fn luhn(s: &str) -> bool {
    let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &x)| {
            if i % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum % 10 == 0
}

fn gb11643(s: &str) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let c: Vec<char> = s.chars().collect();
    if c.len() != 18 {
        return false;
    }
    let sum: u32 = c[..17]
        .iter()
        .zip(W)
        .map(|(d, w)| d.to_digit(10).unwrap_or(99) * w)
        .sum();
    let check = (12 - sum % 11) % 11;
    let want = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap()
    };
    c[17] == want
}

fn mod97(s: &str) -> bool {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let re: String = s[4..].chars().chain(s[..4].chars()).collect();
    let mut r = 0u32;
    for c in re.chars() {
        let v = c.to_digit(36).unwrap();
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r == 1
}

#[test]
fn tokenize_keeps_shape_and_round_trips() {
    let keys = ring();
    let a = Anonymizer::new().with_keys(&keys);
    let cases: &[(EntityType, &str, &str)] = &[
        // (type, value, value as detokenize gives it back)
        (EntityType::PhoneNumber, "13812345678", "13812345678"),
        (
            EntityType::PhoneNumber,
            "+86 138-1234-5678",
            "+86 138-1234-5678",
        ),
        (
            EntityType::PhoneNumber,
            "１３８１２３４５６７８",
            "13812345678",
        ),
        (
            EntityType::PaymentCard,
            "6222 0212 3456 7894",
            "6222 0212 3456 7894",
        ),
        (
            EntityType::PaymentCard,
            "4111111111111111",
            "4111111111111111",
        ),
        (
            EntityType::CnResidentId,
            "11010519491231002X",
            "11010519491231002X",
        ),
        (
            EntityType::IbanCode,
            "DE89370400440532013000",
            "DE89370400440532013000",
        ),
        (
            EntityType::IbanCode,
            "GB82 WEST 1234 5698 7654 32",
            "GB82 WEST 1234 5698 7654 32",
        ),
        (
            EntityType::EmailAddress,
            "zhang.san88@example.com",
            "zhang.san88@example.com",
        ),
        (EntityType::Person, "欧阳娜娜", "欧阳娜娜"),
        (EntityType::Person, "John Smith", "John Smith"),
        (EntityType::ImAccount, "wxid_abc123", "wxid_abc123"),
        (
            EntityType::StreetAddress,
            "北京市朝阳区建国路甲一号院",
            "北京市朝阳区建国路甲一号院",
        ),
    ];
    for (i, (e, v, back)) in cases.iter().enumerate() {
        let t = a
            .apply(&tok(), *e, v)
            .unwrap_or_else(|err| panic!("case {i}: {err}"));
        assert_ne!(&t, v, "case {i}: token equals value");
        assert_eq!(t.chars().count(), v.chars().count(), "case {i}: length");
        let r = danger::detokenize(&keys, None, *e, &t).unwrap();
        assert_eq!(&r, back, "case {i}: round trip");
        assert_eq!(
            a.apply(&tok(), *e, v).unwrap(),
            t,
            "case {i}: deterministic"
        );
        match e {
            EntityType::PhoneNumber => {
                let d: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
                assert!(
                    d.ends_with(&d[d.len() - 8..]) && d.contains("138"),
                    "case {i}: prefix {t}"
                );
            }
            EntityType::PaymentCard => {
                assert!(luhn(&t), "case {i}: Luhn");
                let d: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
                let vd: String = v.chars().filter(|c| c.is_ascii_digit()).collect();
                assert_eq!(d[..6], vd[..6], "case {i}: BIN kept");
            }
            EntityType::CnResidentId => {
                assert!(gb11643(&t), "case {i}: GB 11643 {t}");
                assert_eq!(t[..6], v[..6], "case {i}: region kept");
            }
            EntityType::IbanCode => {
                assert!(mod97(&t), "case {i}: mod-97 {t}");
                assert_eq!(t[..2], v[..2], "case {i}: country kept");
            }
            EntityType::EmailAddress => assert!(t.ends_with("@example.com")),
            _ => {}
        }
    }
    // Mainland mobile: 11 digits, valid prefix.
    let t = a
        .apply(&tok(), EntityType::PhoneNumber, "13912345678")
        .unwrap();
    assert!(t.starts_with("139") && t.len() == 11 && t.bytes().all(|b| b.is_ascii_digit()));
}

#[test]
fn tokenize_refuses_what_it_cannot_reverse() {
    let keys = ring();
    let a = Anonymizer::new().with_keys(&keys);
    let err = a
        .apply(&tok(), EntityType::PaymentCard, "4111111111111112")
        .unwrap_err();
    assert!(matches!(err, Error::ShapeMismatch { .. }));
    assert!(!err.to_string().contains("4111"));
    assert!(matches!(
        a.apply(&tok(), EntityType::CnResidentId, "110105194912310021"),
        Err(Error::ShapeMismatch { .. })
    ));
    assert!(matches!(
        a.apply(&tok(), EntityType::EmailAddress, "ab@x.cn"),
        Err(Error::TooShortForTokenize {
            symbols: 2,
            min: 4,
            ..
        })
    ));
    assert!(matches!(
        a.apply(&tok(), EntityType::IpAddress, "1.2.3.4"),
        Err(Error::NotTokenizable { .. })
    ));
    assert!(matches!(
        Anonymizer::new().apply(&tok(), EntityType::Person, "张三"),
        Err(Error::NoKeys { .. })
    ));
    assert!(matches!(
        a.apply(
            &Operator::Tokenize {
                key: Some("nope".into())
            },
            EntityType::Person,
            "张三"
        ),
        Err(Error::UnknownKey { .. })
    ));
}

#[test]
fn simple_operators() {
    let a = Anonymizer::new();
    let e = EntityType::PhoneNumber;
    assert_eq!(
        a.apply(&Operator::Keep, e, "13812345678").unwrap(),
        "13812345678"
    );
    assert_eq!(a.apply(&Operator::Redact, e, "13812345678").unwrap(), "");
    assert_eq!(a.apply(&Operator::Drop, e, "13812345678").unwrap(), "");
    assert_eq!(
        a.apply(&Operator::Replace { with: None }, e, "13812345678")
            .unwrap(),
        "<PHONE_NUMBER>"
    );
    assert_eq!(
        a.apply(
            &Operator::Replace {
                with: Some("[电话]".into())
            },
            e,
            "1"
        )
        .unwrap(),
        "[电话]"
    );
    assert_eq!(a.apply(&MASK, e, "13812345678").unwrap(), "138****5678");
    let g = |l| Operator::Generalize { level: l };
    assert_eq!(
        a.apply(&g(None), e, "13812345678").unwrap(),
        "<PHONE_NUMBER>"
    );
    assert_eq!(
        a.apply(
            &g(None),
            EntityType::StreetAddress,
            "广东省深圳市南山区科技园路1号"
        )
        .unwrap(),
        "广东省深圳市"
    );
    assert_eq!(
        a.with_reference_year(2026)
            .apply(
                &g(Some(GeneralizeLevel::Band)),
                EntityType::CnResidentId,
                "11010519900307123X"
            )
            .map(|s| s.len())
            .ok(),
        Some(5)
    );
    assert!(a
        .validate(&Operator::Mask {
            keep_first: None,
            keep_last: None,
            mask_char: Some('\t')
        })
        .is_err());
    assert!(matches!(a.validate(&pseudo()), Err(Error::NoKeys { .. })));
}

fn finding(entity: EntityType, start: usize, end: usize) -> Finding {
    Finding {
        entity,
        start,
        end,
        score: 1.0,
        explanation: Explanation::new("test", 1.0),
    }
}

/// Realistic values per type, generated.
fn value_strategy() -> impl Strategy<Value = (EntityType, String)> {
    prop_oneof![
        "1[3-9][0-9]{9}".prop_map(|s| (EntityType::PhoneNumber, s)),
        "[a-z][a-z0-9]{5,12}@(qq|163|example)\\.com".prop_map(|s| (EntityType::EmailAddress, s)),
        "[\u{4e00}-\u{9fa5}]{2,3}".prop_map(|s| (EntityType::Person, s)),
        "[A-Z][a-z]{3,8} [A-Z][a-z]{4,9}".prop_map(|s| (EntityType::Person, s)),
        "[a-zA-Z][a-zA-Z0-9_]{7,15}".prop_map(|s| (EntityType::ImAccount, s)),
        "[0-9]{15}".prop_map(|s| {
            // make a Luhn-valid 16-digit card
            let d: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
            let sum: u32 = d
                .iter()
                .rev()
                .enumerate()
                .map(|(i, &x)| {
                    if i % 2 == 0 {
                        let y = x * 2;
                        if y > 9 {
                            y - 9
                        } else {
                            y
                        }
                    } else {
                        x
                    }
                })
                .sum();
            (
                EntityType::PaymentCard,
                format!("{s}{}", (10 - sum % 10) % 10),
            )
        }),
    ]
}

fn ops() -> Vec<Operator> {
    vec![Operator::Redact, MASK, pseudo(), tok()]
}

proptest! {
    /// Under redact, mask, pseudonymize and tokenize no original value survives
    /// in the output, and the text around it is unchanged byte for byte.
    #[test]
    fn no_value_survives_and_context_is_unchanged(
        prefix in "[^\u{0}]{0,12}",
        suffix in "[^\u{0}]{0,12}",
        (entity, value) in value_strategy(),
        op_index in 0usize..4,
    ) {
        let keys = ring();
        let anon = Anonymizer::new().with_keys(&keys);
        // Delimit so the value cannot merge with random context.
        let text = format!("{prefix} | {value} | {suffix}");
        let start = prefix.chars().count() + 3;
        let end = start + value.chars().count();
        let op = &ops()[op_index];
        let out = anon.apply_text(&text, &[finding(entity, start, end)], |_, _| Decision { operator: op, rule_id: "p" }).unwrap();
        let span = &out.spans[0];
        let chars: Vec<char> = out.text.chars().collect();
        let replaced: String = chars[span.start..span.end].iter().collect();
        prop_assert!(!replaced.contains(value.as_str()));
        let before: String = chars[..span.start].iter().collect();
        let after: String = chars[span.end..].iter().collect();
        prop_assert_eq!(before, format!("{prefix} | "));
        prop_assert_eq!(after, format!(" | {suffix}"));
    }

    /// No panic on arbitrary strings, offsets and operators: an error or a result.
    #[test]
    fn no_panic_on_arbitrary_input(
        text in "\\PC{0,40}",
        spans in proptest::collection::vec((0usize..50, 0usize..50), 0..4),
        entity_index in 0usize..9,
        op_index in 0usize..8,
        keep in proptest::option::of(0usize..30),
    ) {
        let keys = ring();
        let anon = Anonymizer::new().with_keys(&keys).with_reference_year(2026);
        let entity = EntityType::ALL[entity_index];
        let all_ops = [
            Operator::Keep, Operator::Redact, Operator::Drop, Operator::Replace { with: None },
            Operator::Mask { keep_first: keep, keep_last: keep, mask_char: None },
            pseudo(), tok(),
            Operator::Generalize { level: Some(GeneralizeLevel::Band) },
        ];
        let op = &all_ops[op_index];
        let findings: Vec<Finding> = spans.iter().map(|&(s, e)| finding(entity, s, e)).collect();
        let _ = anon.apply_text(&text, &findings, |_, _| Decision { operator: op, rule_id: "x" });
        let _ = anon.apply(op, entity, &text);
        let _ = danger::detokenize(&keys, None, entity, &text);
    }

    /// Tokenize round-trips for realistic values.
    #[test]
    fn tokenize_round_trips((entity, value) in value_strategy()) {
        let keys = ring();
        let anon = Anonymizer::new().with_keys(&keys);
        let t = anon.apply(&tok(), entity, &value).unwrap();
        prop_assert_eq!(t.chars().count(), value.chars().count());
        let back = danger::detokenize(&keys, None, entity, &t).unwrap();
        prop_assert_eq!(back, value);
    }

    /// Masks count characters: the output is never longer than... the same
    /// length in characters for numeric types, and always valid UTF-8 (by type).
    #[test]
    fn mask_keeps_char_count_for_numbers(v in "[0-9０-９幺三八 -]{0,30}") {
        let out = Anonymizer::new().apply(&MASK, EntityType::PhoneNumber, &v).unwrap();
        prop_assert_eq!(out.chars().count(), v.chars().count());
    }
}
