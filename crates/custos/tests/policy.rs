//! `custos policy show | lint | explain`.

use std::process::Output;

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

custos_test!(policy_show_prints_the_default_verbatim, |_dir, cmd| {
    let out = cmd.args(["policy", "show"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), custos_policy::DEFAULT_POLICY);
});

custos_test!(the_shown_policy_passes_lint, |dir, cmd| {
    let out = cmd.args(["policy", "show"]).output().unwrap();
    let file = dir.write("policy.toml", &out.stdout);
    let out = dir
        .command()
        .args(["policy", "lint"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("0 error(s), 0 warning(s)"));
});

/// Each broken file: (name, the edit to the default policy, the expected line prefix).
fn broken_cases() -> Vec<(&'static str, String, &'static str)> {
    let default = custos_policy::DEFAULT_POLICY;
    vec![
        (
            "unknown-purpose",
            default.replacen(
                "purposes = [\"marketing\"]\noperator = \"tokenize\"",
                "purposes = [\"markting\"]\noperator = \"tokenize\"",
                1,
            ),
            "error: rule \"marketing-contact\" references unknown purpose \"markting\" (help: did you mean \"marketing\"?",
        ),
        (
            "no-retention",
            default.replacen("retention = \"1y\"\n", "", 1),
            "error: category \"user.contact.im_account\" has no retention",
        ),
        (
            "bad-duration",
            default.replacen("retention = \"1y\"", "retention = \"1 year\"", 1),
            "error: retention \"1 year\" of category \"user.contact.im_account\" is not a duration",
        ),
        (
            "sensitive-too-weak",
            default.replacen(
                "operator = \"tokenize\"\n\n[[rules]]\nid = \"identity-check\"",
                "operator = { op = \"mask\", keep_last = 4 }\n\n[[rules]]\nid = \"identity-check\"",
                1,
            ),
            "error: rule \"support-payment\" applies mask to sensitive category",
        ),
        (
            "transfer-no-legal-basis",
            default.replacen("legal_basis = \"gdpr_sccs\"\n", "", 1),
            "error: transfer \"eu-to-cn-orders\" has no legal basis",
        ),
        (
            "contradiction",
            default.replacen(
                "purposes = [\"live_chat_display\"]\noperator = \"mask\"",
                "operator = \"mask\"",
                1,
            ),
            "error: rules \"chat-names\" (line ",
        ),
        (
            "unknown-entity",
            default.replacen("[\"IM_ACCOUNT\"]", "[\"WECHAT\"]", 1),
            "error: category \"user.contact.im_account\" lists unknown entity type \"WECHAT\"",
        ),
        (
            "duplicate-rule-id",
            default.replacen("id = \"chat-address\"", "id = \"chat-contact\"", 1),
            "error: rule id \"chat-contact\" is used twice",
        ),
    ]
}

custos_test!(lint_reports_each_broken_file_with_its_line, |dir, _cmd| {
    for (name, source, expected) in broken_cases() {
        assert_ne!(
            source,
            custos_policy::DEFAULT_POLICY,
            "{name}: edit applied"
        );
        let file = dir.write(&format!("{name}.toml"), source.as_bytes());
        let out = dir
            .command()
            .args(["policy", "lint"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stdout(&out));
        let text = stdout(&out);
        let line = text
            .lines()
            .find(|l| l.contains(expected))
            .unwrap_or_else(|| panic!("{name}: no {expected:?} in\n{text}"));
        // FILE:LINE:COLUMN: error: ...
        let prefix = format!("{}:", file.display());
        let rest = line.strip_prefix(&prefix).expect("file name first");
        let mut parts = rest.splitn(3, ':');
        let line_no: usize = parts.next().unwrap().parse().expect("line number");
        let _column: usize = parts.next().unwrap().parse().expect("column number");
        assert!(
            line_no > 1 && line_no <= source.lines().count(),
            "{name}: {line}"
        );
    }
});

custos_test!(lint_points_at_the_right_line, |dir, cmd| {
    let source = "[purposes.marketing]\nconsent = \"required\"\nlegal_basis = \"consent\"\n[audiences.analyst]\n[[rules]]\nid = \"r\"\ncategories = [\"user.contact.*\"]\n";
    dir.write("p.toml", source.as_bytes());
    let out = cmd.args(["policy", "lint", "p.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.starts_with("p.toml:5:1: error: missing field `operator`"),
        "{text}"
    );
});

custos_test!(lint_of_a_missing_file_is_a_usage_error, |_dir, cmd| {
    let out = cmd.args(["policy", "lint", "nope.toml"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read policy file nope.toml"));
});

custos_test!(explain_names_the_rule_and_the_losers, |_dir, cmd| {
    let out = cmd
        .args([
            "policy",
            "explain",
            "--category",
            "user.contact.phone",
            "--purpose",
            "order_fulfillment",
            "--audience",
            "courier",
            "--region",
            "CN",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("operator: keep\n"), "{text}");
    assert!(
        text.contains("rule: courier-delivery (the most specific matching rule)"),
        "{text}"
    );
    assert!(text.contains("baseline-redact (line "), "{text}");
    assert!(
        text.contains("matches, but courier-delivery is more specific"),
        "{text}"
    );
    assert!(text.contains("does not match: audience"), "{text}");
});

custos_test!(explain_shows_parameters_and_the_fail_safe, |dir, cmd| {
    let out = cmd
        .args([
            "policy",
            "explain",
            "--category",
            "user.location.street_address",
            "--purpose",
            "analytics",
            "--audience",
            "analyst",
        ])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("operator: generalize { level = \"city\" }"));
    let out = dir
        .command()
        .args([
            "policy",
            "explain",
            "--category",
            "user.health.record",
            "--purpose",
            "analytics",
            "--audience",
            "analyst",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success());
    assert!(text.contains("operator: drop\n"), "{text}");
    assert!(text.contains("fail-safe default"), "{text}");
});

custos_test!(
    explain_refuses_a_broken_policy_with_the_lint_output,
    |dir, cmd| {
        dir.write(
            "bad.toml",
            custos_policy::DEFAULT_POLICY
                .replacen("retention = \"1y\"\n", "", 1)
                .as_bytes(),
        );
        let out = cmd
            .args([
                "policy",
                "explain",
                "--category",
                "user.contact.phone",
                "--purpose",
                "marketing",
                "--audience",
                "marketing_team",
                "--policy",
                "bad.toml",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(stdout(&out).is_empty());
        let err = stderr(&out);
        assert!(err.contains("bad.toml:"), "{err}");
        assert!(err.contains("has no retention"), "{err}");
    }
);
