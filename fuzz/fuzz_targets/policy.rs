//! The policy loader and linter on arbitrary text: never panic, whatever a
//! privacy officer (or an attacker) writes into the policy file.
//!
//! Run with `cargo +nightly fuzz run policy` from the repository root.

#![no_main]

use custos_policy::{lint, Policy, Query};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let report = lint(source);
    let _ = report.render("fuzz.toml");
    match Policy::from_toml_str(source) {
        Ok(policy) => {
            // a file that loads has no lint errors, and it can decide
            assert!(!report.has_errors());
            for (category, purpose, audience, region) in [
                (
                    "user.contact.phone",
                    "live_chat_display",
                    "public_chat",
                    None,
                ),
                (
                    "user.location.street_address",
                    "analytics",
                    "analyst",
                    Some("EU"),
                ),
                ("", "", "", None),
            ] {
                let _ = policy.decide(&Query {
                    category,
                    purpose,
                    audience,
                    region,
                });
            }
        }
        Err(err) => {
            assert!(report.has_errors());
            let _ = err.to_string();
        }
    }
});
