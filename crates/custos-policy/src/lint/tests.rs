//! One small broken policy per problem the linter claims to find, with the line.

use super::*;

/// A lint-clean base; cases append to it or edit it.
const BASE: &str = r#"version = 1
[regions.CN]
law = "PIPL"
storage = "cn"
[regions.EU]
law = "GDPR"
storage = "eu"
[categories."user.contact.phone"]
entities = ["PHONE_NUMBER"]
fields = ["*.phone"]
retention = "30d"
storage_region = "subject"
[categories."user.financial.card"]
entities = ["PAYMENT_CARD"]
sensitive = true
retention = "30d"
storage_region = "subject"
[purposes.live_chat_display]
consent = "none"
legal_basis = "contract"
[purposes.marketing]
consent = "required"
legal_basis = "consent"
audiences = ["merchant"]
[audiences.public_chat]
[audiences.merchant]
[[rules]]
id = "floor"
categories = ["*"]
operator = "redact"
"#;

fn base_lines() -> usize {
    BASE.lines().count()
}

/// Asserts that `source` has a diagnostic `code` of `severity` on `line`.
#[track_caller]
fn expect(source: &str, code: &str, severity: Severity, line: usize) -> Diagnostic {
    let report = lint(source);
    let found = report
        .diagnostics()
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in:\n{}", report.render("p")))
        .clone();
    assert_eq!(
        (found.severity, found.line),
        (severity, line),
        "{}",
        report.render("p")
    );
    assert!(found.help.is_some(), "every diagnostic says what to do");
    found
}

/// `BASE` with `extra` appended; `k` is a 1-based line within `extra`.
fn with(extra: &str) -> String {
    format!("{BASE}{extra}")
}

#[test]
fn the_base_and_the_default_policy_are_clean() {
    assert_eq!(lint(BASE).diagnostics(), &[]);
    let report = lint(crate::DEFAULT_POLICY);
    assert_eq!(
        report.diagnostics(),
        &[],
        "{}",
        report.render("default.toml")
    );
}

#[test]
fn syntax_errors_have_a_line() {
    expect(
        &with("[[rules]\n"),
        "syntax",
        Severity::Error,
        base_lines() + 1,
    );
    // A wrong type is a shape error with the value's line.
    expect(
        &BASE.replace("sensitive = true", "sensitive = \"yes\""),
        "syntax",
        Severity::Error,
        15,
    );
    // An unknown operator.
    expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"*\"]\noperator = \"scramble\"\n"),
        "syntax",
        Severity::Error,
        base_lines() + 4,
    );
}

#[test]
fn unknown_purpose_suggests_the_close_name() {
    let d = expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"user.contact.*\"]\npurposes = [\"markting\"]\noperator = \"redact\"\n"),
        "unknown-purpose",
        Severity::Error,
        base_lines() + 4,
    );
    assert_eq!(
        d.message,
        "rule \"r\" references unknown purpose \"markting\""
    );
    assert!(d.help.unwrap().contains("did you mean \"marketing\""));
}

#[test]
fn unknown_audience() {
    expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"*\"]\naudiences = [\"couriers\"]\noperator = \"redact\"\n"),
        "unknown-audience",
        Severity::Error,
        base_lines() + 4,
    );
    // Also in a purpose's audiences.
    expect(
        &BASE.replace("audiences = [\"merchant\"]", "audiences = [\"merchnat\"]"),
        "unknown-audience",
        Severity::Error,
        24,
    );
}

#[test]
fn unknown_category_and_prefix() {
    expect(
        &with(
            "[[rules]]\nid = \"r\"\ncategories = [\"user.contact.fone\"]\noperator = \"redact\"\n",
        ),
        "unknown-category",
        Severity::Error,
        base_lines() + 3,
    );
    let d = expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\n  \"user.contact.*\",\n  \"user.contcat.*\",\n]\noperator = \"redact\"\n"),
        "unknown-category",
        Severity::Error,
        base_lines() + 5,
    );
    assert!(d.message.contains("matches no declared category"));
}

#[test]
fn unknown_region() {
    expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"*\"]\nregions = [\"US\"]\noperator = \"redact\"\n"),
        "unknown-region",
        Severity::Error,
        base_lines() + 4,
    );
    expect(
        &BASE.replacen(
            "storage_region = \"subject\"",
            "storage_region = \"APAC\"",
            1,
        ),
        "unknown-region",
        Severity::Error,
        12,
    );
}

#[test]
fn unknown_entity_type() {
    expect(
        &BASE.replace("[\"PHONE_NUMBER\"]", "[\"PHONE\"]"),
        "unknown-entity",
        Severity::Error,
        9,
    );
}

#[test]
fn an_entity_type_or_field_in_two_categories() {
    expect(
        &BASE.replace("[\"PAYMENT_CARD\"]", "[\"PHONE_NUMBER\"]"),
        "duplicate-entity",
        Severity::Error,
        14,
    );
    expect(
        &BASE.replace(
            "entities = [\"PAYMENT_CARD\"]",
            "entities = [\"PAYMENT_CARD\"]\nfields = [\"*.phone\"]",
        ),
        "duplicate-field",
        Severity::Error,
        15,
    );
    expect(
        &BASE.replace("[\"*.phone\"]", "[\"order..phone\"]"),
        "bad-field",
        Severity::Error,
        10,
    );
}

#[test]
fn empty_selectors_never_fire() {
    let d = expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"*\"]\npurposes = []\noperator = \"keep\"\n"),
        "empty-selector",
        Severity::Warning,
        base_lines() + 4,
    );
    assert!(d.message.contains("can never fire"));
    expect(
        &with("[[rules]]\nid = \"r\"\ncategories = []\noperator = \"keep\"\n"),
        "empty-selector",
        Severity::Warning,
        base_lines() + 3,
    );
}

#[test]
fn a_rule_shadowed_by_more_specific_rules_never_fires() {
    // `wide` covers user.contact.* for every purpose, but every declared
    // purpose has a more specific rule for the phone, the only contact category.
    let source = with(concat!(
        "[[rules]]\nid = \"chat\"\ncategories = [\"user.contact.phone\"]\npurposes = [\"live_chat_display\"]\noperator = \"replace\"\n",
        "[[rules]]\nid = \"mkt\"\ncategories = [\"user.contact.phone\"]\npurposes = [\"marketing\"]\noperator = \"tokenize\"\n",
        "[[rules]]\nid = \"wide\"\ncategories = [\"user.contact.*\"]\noperator = \"mask\"\n",
    ));
    let d = expect(&source, "never-fires", Severity::Warning, base_lines() + 12);
    assert!(d.message.contains("\"wide\""), "{}", d.message);
    assert!(!lint(&source).has_errors());
    // An exact duplicate with the same operator: the later one never fires.
    expect(
        &with("[[rules]]\nid = \"floor2\"\ncategories = [\"*\"]\noperator = \"redact\"\n"),
        "never-fires",
        Severity::Warning,
        base_lines() + 2,
    );
}

#[test]
fn a_rule_whose_purpose_does_not_serve_its_audience_never_fires() {
    let d = expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"*\"]\npurposes = [\"marketing\"]\naudiences = [\"public_chat\"]\noperator = \"redact\"\n"),
        "never-fires",
        Severity::Warning,
        base_lines() + 2,
    );
    assert!(d.message.contains("matches no declared"));
}

#[test]
fn contradiction_between_equally_specific_rules() {
    // Exact category but any purpose, vs. prefix but an explicit purpose:
    // neither is more specific for phone / live_chat_display.
    let source = with(concat!(
        "[[rules]]\nid = \"a\"\ncategories = [\"user.contact.*\"]\npurposes = [\"live_chat_display\"]\noperator = \"replace\"\n",
        "[[rules]]\nid = \"b\"\ncategories = [\"user.contact.phone\"]\noperator = \"mask\"\n",
    ));
    let d = expect(&source, "contradiction", Severity::Error, base_lines() + 7);
    assert!(d.message.contains("\"a\""), "{}", d.message);
    assert!(d.message.contains("replace vs mask"), "{}", d.message);
}

#[test]
fn a_category_without_retention_or_with_a_bad_duration() {
    expect(
        &BASE.replacen("retention = \"30d\"\n", "", 1),
        "no-retention",
        Severity::Error,
        8,
    );
    for bad in ["30 days", "30", "d", "-1d", "1.5y", "99999999999y"] {
        expect(
            &BASE.replacen("\"30d\"", &format!("\"{bad}\""), 1),
            "bad-duration",
            Severity::Error,
            11,
        );
    }
}

#[test]
fn a_category_without_storage_region_is_a_warning() {
    expect(
        &BASE.replacen("storage_region = \"subject\"\n", "", 1),
        "no-storage-region",
        Severity::Warning,
        8,
    );
}

#[test]
fn a_sensitive_category_kept_or_masked_without_separate_consent() {
    let d = expect(
        &with("[[rules]]\nid = \"r\"\ncategories = [\"user.financial.card\"]\npurposes = [\"marketing\"]\noperator = { op = \"mask\", keep_last = 4 }\n"),
        "sensitive-too-weak",
        Severity::Error,
        base_lines() + 5,
    );
    assert!(d.message.contains("\"user.financial.card\""));
    // With separate consent it is allowed.
    let ok = with("[[rules]]\nid = \"r\"\ncategories = [\"user.financial.card\"]\npurposes = [\"marketing\"]\noperator = \"keep\"\n")
        .replace("consent = \"required\"", "consent = \"separate\"");
    assert!(!lint(&ok)
        .diagnostics()
        .iter()
        .any(|d| d.code == "sensitive-too-weak"));
}

const TRANSFER: &str = "[[transfers]]\nid = \"t\"\nfrom = \"CN\"\nto = \"EU\"\ncategories = [\"user.contact.*\"]\nlegal_basis = \"pipl_standard_contract\"\nconsent = \"separate\"\n";

#[test]
fn transfers() {
    assert_eq!(lint(&with(TRANSFER)).diagnostics(), &[]);
    expect(
        &with(&TRANSFER.replace("legal_basis = \"pipl_standard_contract\"\n", "")),
        "transfer-no-legal-basis",
        Severity::Error,
        base_lines() + 2,
    );
    expect(
        &with(&TRANSFER.replace("pipl_standard_contract", "gdpr_sccs")),
        "transfer-basis-law",
        Severity::Error,
        base_lines() + 6,
    );
    expect(
        &with(&TRANSFER.replace("consent = \"separate\"", "consent = \"required\"")),
        "transfer-consent",
        Severity::Error,
        base_lines() + 7,
    );
    expect(
        &with(&TRANSFER.replace("to = \"EU\"", "to = \"CN\"")),
        "transfer-same-region",
        Severity::Warning,
        base_lines() + 4,
    );
    expect(
        &with(&TRANSFER.replace("to = \"EU\"", "to = \"US\"")),
        "unknown-region",
        Severity::Error,
        base_lines() + 4,
    );
}

#[test]
fn duplicate_rule_ids() {
    expect(
        &with("[[rules]]\nid = \"floor\"\ncategories = [\"user.contact.phone\"]\noperator = \"mask\"\n"),
        "duplicate-rule-id",
        Severity::Error,
        base_lines() + 2,
    );
}

#[test]
fn consent_as_basis_without_consent() {
    expect(
        &BASE.replace("consent = \"required\"", "consent = \"none\""),
        "consent-contradiction",
        Severity::Error,
        22,
    );
}

#[test]
fn bad_names_and_versions() {
    expect(
        &BASE.replace("[audiences.merchant]", "[audiences.Merchant]"),
        "bad-name",
        Severity::Error,
        26,
    );
    expect(
        &BASE.replace("version = 1", "version = 2"),
        "version",
        Severity::Error,
        1,
    );
}

#[test]
fn errors_refuse_the_file_warnings_do_not() {
    let err =
        Policy::from_toml_str(&BASE.replace("[\"PHONE_NUMBER\"]", "[\"PHONE\"]")).unwrap_err();
    assert_eq!(err.report().error_count(), 1);
    let message = err.to_string();
    assert!(message.contains("9:13"), "{message}");
    assert!(message.contains("custos policy lint"), "{message}");
    let warned = BASE.replacen("storage_region = \"subject\"\n", "", 1);
    assert!(Policy::from_toml_str(&warned).is_ok());
}

#[test]
fn columns_count_characters() {
    assert_eq!(line_column("ab\n中文x", 3 + 6), (2, 3));
    assert_eq!(line_column("", 5), (1, 1));
}

mod fuzz {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn arbitrary_text_never_panics(source in "\\PC{0,200}") {
            let _ = crate::Policy::from_toml_str(&source);
        }

        #[test]
        fn toml_like_text_never_panics(source in "(\\[{1,2}[a-z.\"*]{0,12}\\]{1,2}\n|[a-z_]{1,8} = (\"[A-Za-z.*_0-9 ]{0,10}\"|[0-9]{1,3}|true|\\[\"[a-z.*]{0,8}\"\\])\n){0,12}") {
            let _ = crate::lint(&source);
        }

        #[test]
        fn the_default_policy_with_a_line_removed_never_panics(n in 0usize..500) {
            let lines: Vec<&str> = crate::DEFAULT_POLICY.lines().collect();
            let n = n % lines.len();
            let source: String = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != n)
                .map(|(_, l)| format!("{l}\n"))
                .collect();
            let _ = crate::Policy::from_toml_str(&source);
        }
    }
}
