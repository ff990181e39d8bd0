//! Precedence, the fail-safe default and the category lookups.

use custos_detect::EntityType;

use crate::{
    Basis, CategoryPattern, FailSafe, GeneralizeLevel, Operator, Policy, Query, Retention, Verdict,
};

const POLICY: &str = r#"
[regions.CN]
law = "PIPL"
storage = "cn"
[regions.EU]
law = "GDPR"
storage = "eu"
[categories."user.contact.phone"]
entities = ["PHONE_NUMBER"]
fields = ["order.receiver.phone", "*.phone", "*.*.phone", "order.*.phone"]
retention = "30d"
storage_region = "subject"
[categories."user.contact.email"]
entities = ["EMAIL_ADDRESS"]
fields = ["email"]
retention = "30d"
storage_region = "subject"
[categories."user.location.street_address"]
entities = ["STREET_ADDRESS"]
retention = "1y"
storage_region = "CN"
[purposes.live_chat_display]
consent = "none"
legal_basis = "contract"
audiences = ["public_chat"]
[purposes.order_fulfillment]
consent = "none"
legal_basis = "contract"
[audiences.public_chat]
[audiences.courier]
[audiences.merchant]
[[rules]]
id = "user"
categories = ["user.*"]
operator = "redact"
[[rules]]
id = "contact"
categories = ["user.contact.*"]
operator = "replace"
[[rules]]
id = "phone"
categories = ["user.contact.phone"]
operator = "pseudonymize"
[[rules]]
id = "courier"
categories = ["user.contact.phone", "user.location.*"]
purposes = ["order_fulfillment"]
audiences = ["courier"]
operator = "keep"
[[rules]]
id = "courier-eu"
categories = ["user.location.street_address"]
purposes = ["order_fulfillment"]
audiences = ["courier"]
regions = ["EU"]
operator = { op = "generalize", level = "city" }
"#;

fn policy() -> Policy {
    Policy::from_toml_str(POLICY).unwrap_or_else(|e| panic!("{e}"))
}

fn q<'a>(category: &'a str, purpose: &'a str, audience: &'a str) -> Query<'a> {
    Query {
        category,
        purpose,
        audience,
        region: None,
    }
}

#[test]
fn an_exact_category_beats_a_prefix_and_a_longer_prefix_a_shorter_one() {
    let p = policy();
    let d = p.decide(&q("user.contact.phone", "live_chat_display", "public_chat"));
    assert_eq!(d.rule.as_ref().map(|r| r.as_str()), Some("phone"));
    assert_eq!(d.operator.name(), "pseudonymize");
    assert_eq!(d.basis, Basis::MostSpecific);
    let d = p.decide(&q("user.contact.email", "live_chat_display", "public_chat"));
    assert_eq!(d.rule.as_ref().map(|r| r.as_str()), Some("contact"));
    let d = p.decide(&q(
        "user.location.street_address",
        "live_chat_display",
        "public_chat",
    ));
    assert_eq!(d.rule.as_ref().map(|r| r.as_str()), Some("user"));
}

#[test]
fn explicit_purpose_audience_and_region_beat_wildcards() {
    let p = policy();
    let d = p.decide(&q("user.contact.phone", "order_fulfillment", "courier"));
    assert_eq!(d.operator, Operator::Keep);
    // Not for the merchant: the courier rule does not match the audience.
    let d = p.decide(&q("user.contact.phone", "order_fulfillment", "merchant"));
    assert_eq!(d.rule.as_ref().map(|r| r.as_str()), Some("phone"));
    let courier = d.considered.iter().find(|c| c.rule.as_str() == "courier");
    assert_eq!(
        courier.map(|c| &c.verdict),
        Some(&Verdict::NotMatching(crate::Dimension::Audience))
    );
    // An EU subject's address is generalized for the courier; without a region
    // the region-specific rule does not apply.
    let mut query = q(
        "user.location.street_address",
        "order_fulfillment",
        "courier",
    );
    assert_eq!(p.decide(&query).operator, Operator::Keep);
    query.region = Some("EU");
    let d = p.decide(&query);
    assert_eq!(
        d.operator,
        Operator::Generalize {
            level: Some(GeneralizeLevel::City)
        }
    );
    let courier = d.considered.iter().find(|c| c.rule.as_str() == "courier");
    assert!(matches!(
        courier.map(|c| &c.verdict),
        Some(Verdict::LessSpecificThan(r)) if r.as_str() == "courier-eu"
    ));
    query.region = Some("CN");
    assert_eq!(p.decide(&query).operator, Operator::Keep);
}

#[test]
fn the_fail_safe_default_is_the_strongest_operator() {
    let p = policy();
    let cases = [
        (
            q("user.health.record", "order_fulfillment", "courier"),
            FailSafe::UnknownCategory,
        ),
        (
            q("user.contact.phone", "advertising", "courier"),
            FailSafe::UnknownPurpose,
        ),
        (
            q("user.contact.phone", "order_fulfillment", "everyone"),
            FailSafe::UnknownAudience,
        ),
        (
            q("user.contact.phone", "live_chat_display", "courier"),
            FailSafe::AudienceNotServed,
        ),
    ];
    for (query, why) in cases {
        let d = p.decide(&query);
        assert_eq!(d.operator, Operator::STRONGEST, "{query:?}");
        assert_eq!(d.rule, None);
        assert_eq!(d.basis, Basis::FailSafe(why));
        assert!(d.to_string().contains("fail-safe"));
    }
    let mut query = q("user.contact.phone", "order_fulfillment", "courier");
    query.region = Some("US");
    assert_eq!(
        p.decide(&query).basis,
        Basis::FailSafe(FailSafe::UnknownRegion)
    );
}

#[test]
fn no_matching_rule_falls_back_to_drop() {
    let source = POLICY.split("[[rules]]").next().unwrap().to_owned()
        + "[[rules]]\nid = \"only\"\ncategories = [\"user.contact.email\"]\noperator = \"mask\"\n";
    let p = Policy::from_toml_str(&source).unwrap();
    let d = p.decide(&q("user.contact.phone", "order_fulfillment", "courier"));
    assert_eq!(d.operator, Operator::Drop);
    assert_eq!(d.basis, Basis::FailSafe(FailSafe::NoRuleMatched));
    assert_eq!(d.considered.len(), 1);
}

#[test]
fn at_run_time_a_contradiction_gives_the_stronger_operator() {
    // `lint` refuses this file; the engine still has to be safe when asked.
    let source = POLICY.to_owned()
        + "[[rules]]\nid = \"chat\"\ncategories = [\"user.contact.*\"]\npurposes = [\"live_chat_display\"]\noperator = \"mask\"\n";
    assert!(Policy::from_toml_str(&source).is_err());
    let (policy, _) = crate::lint::load(&source);
    let d = policy
        .unwrap()
        .decide(&q("user.contact.phone", "live_chat_display", "public_chat"));
    assert_eq!(d.basis, Basis::TieStrongerWins);
    assert_eq!(d.operator.name(), "pseudonymize");
    assert!(d.considered.iter().any(|c| matches!(
        &c.verdict,
        Verdict::TiedWith {
            same_operator: false,
            ..
        }
    )));
}

#[test]
fn the_explanation_lists_every_rule() {
    let p = policy();
    let text = p
        .decide(&q("user.contact.phone", "order_fulfillment", "courier"))
        .to_string();
    assert!(text.starts_with("operator: keep\nrule: courier"), "{text}");
    for id in ["user", "contact", "phone", "courier-eu"] {
        assert!(text.contains(&format!("  {id} (line ")), "{text}");
    }
    assert!(
        text.contains("matches, but courier is more specific"),
        "{text}"
    );
}

#[test]
fn categories_of_entities_and_fields() {
    let p = policy();
    assert_eq!(
        p.category_of_entity(EntityType::PhoneNumber),
        Some("user.contact.phone")
    );
    assert_eq!(p.category_of_entity(EntityType::Person), None);
    assert_eq!(
        p.category_of_field("order.receiver.phone"),
        Some("user.contact.phone")
    );
    assert_eq!(
        p.category_of_field("buyer.phone"),
        Some("user.contact.phone")
    );
    assert_eq!(p.category_of_field("email"), Some("user.contact.email"));
    assert_eq!(
        p.category_of_field("order.phone"),
        Some("user.contact.phone")
    );
    assert_eq!(p.category_of_field("phone"), None);
    assert_eq!(p.category_of_field("order.receiver.name"), None);
    assert_eq!(p.category_of_field(""), None);
}

#[test]
fn field_patterns_rank_fewer_wildcards_first() {
    let source = POLICY
        .replace(
            "fields = [\"email\"]",
            "fields = [\"email\", \"order.*.contact\"]",
        )
        .replace(
            "\"order.*.phone\"]",
            "\"order.*.phone\", \"*.buyer.contact\"]",
        );
    let p = Policy::from_toml_str(&source).unwrap();
    // Both have one wildcard; the later first wildcard wins.
    assert_eq!(
        p.category_of_field("order.buyer.contact"),
        Some("user.contact.email")
    );
}

#[test]
fn the_default_policy_does_what_its_comments_say() {
    let p = Policy::default_policy();
    let op = |c: &str, pu: &str, a: &str| p.decide(&q(c, pu, a)).operator;
    for c in [
        "user.contact.phone",
        "user.contact.email",
        "user.contact.im_account",
        "user.government_id.resident_id",
        "user.financial.card",
        "user.financial.iban",
        "user.location.street_address",
        "user.network.ip",
    ] {
        assert!(
            op(c, "live_chat_display", "public_chat").strength() >= 5,
            "{c} in public chat"
        );
    }
    assert_eq!(
        op("user.identity.name", "live_chat_display", "public_chat").name(),
        "mask"
    );
    for c in [
        "user.identity.name",
        "user.contact.phone",
        "user.location.street_address",
    ] {
        assert_eq!(op(c, "order_fulfillment", "courier"), Operator::Keep, "{c}");
    }
    assert_eq!(
        op("user.contact.phone", "order_fulfillment", "merchant").name(),
        "mask"
    );
    assert_eq!(
        op("user.contact.phone", "analytics", "analyst").name(),
        "pseudonymize"
    );
    assert_eq!(
        op("user.location.street_address", "analytics", "analyst"),
        Operator::Generalize {
            level: Some(GeneralizeLevel::City)
        }
    );
    for c in [
        "user.government_id.resident_id",
        "user.financial.card",
        "user.financial.iban",
    ] {
        assert!(op(c, "marketing", "marketing_team").strength() >= 5, "{c}");
    }
    // Every entity type has a category, and every category a retention.
    for t in EntityType::ALL {
        assert!(p.category_of_entity(t).is_some(), "{t:?}");
    }
    assert!(p.categories().all(|c| c.retention.is_some()));
    assert_eq!(p.transfers().len(), 2);
}

#[test]
fn retention_units() {
    assert_eq!(Retention::parse("30d").map(Retention::days), Some(30));
    assert_eq!(Retention::parse("2w").map(Retention::days), Some(14));
    assert_eq!(Retention::parse("3y").map(Retention::days), Some(1095));
    assert_eq!(Retention::parse("0d").map(Retention::days), Some(0));
    for bad in ["", "d", "30", "30m", "3 y", "+3y", "3yy", "九d"] {
        assert_eq!(Retention::parse(bad), None, "{bad}");
    }
}

#[test]
fn category_patterns() {
    let prefix = CategoryPattern::parse("user.contact.*");
    assert!(prefix.matches("user.contact.phone"));
    assert!(prefix.matches("user.contact"));
    assert!(!prefix.matches("user.contactless"));
    assert!(CategoryPattern::parse("*").matches("anything"));
    // An exact name beats a prefix of the same name.
    assert!(CategoryPattern::parse("user.contact").specificity() > prefix.specificity());
    assert!(prefix.specificity() > CategoryPattern::parse("user.*").specificity());
}
