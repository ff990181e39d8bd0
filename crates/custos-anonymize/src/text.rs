//! Applying operators to a text and its findings.
//!
//! [`Anonymizer::apply_text`] takes the original text, its findings (offsets
//! in code points, sorted, not overlapping: overlaps are resolved once, before
//! this step, by the detector's resolver) and one [`Decision`] per finding, and
//! builds the output in one pass over the text. Text outside findings is
//! copied byte for byte. Each finding gets an [`AppliedSpan`] with its offsets
//! in the *output* text, the operator that was applied and the policy rule.
//!
//! Findings that are out of range, empty, unsorted or overlapping are refused
//! with [`Error::SpanOutOfRange`] / [`Error::SpanOverlap`], never a panic.
//!
//! **Fallbacks.** When an operator cannot handle a *value* (tokenize on a value
//! too short for FF1 or of the wrong shape), the span is not left in clear and
//! the text does not fail: `tokenize` falls back to `pseudonymize` with the
//! same key, any other operator to the type tag. The span records the operator
//! actually applied and `fallback_from`. Configuration errors (a missing key,
//! a bad mask character, no reference year) fail the whole text.

use custos_detect::{EntityType, Finding};
use custos_policy::Operator;

use crate::{Anonymizer, Error};

/// What to do with one finding: the operator and the policy rule that chose it.
#[derive(Clone, Copy, Debug)]
pub struct Decision<'a> {
    /// The operator to apply.
    pub operator: &'a Operator,
    /// The id of the policy rule that decided it (for the audit trail).
    pub rule_id: &'a str,
}

/// One finding after its operator ran. Serialized as the `entities` of
/// `custos mask` output: `{"type", "start", "end", "original_start",
/// "original_end", "operator", "rule", "key"?, "fallback_from"?}`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AppliedSpan {
    /// The entity type of the finding.
    #[serde(rename = "type")]
    pub entity: EntityType,
    /// Start in the output text (code points).
    pub start: usize,
    /// End in the output text (code points, exclusive).
    pub end: usize,
    /// Start in the original text (code points).
    pub original_start: usize,
    /// End in the original text (code points, exclusive).
    pub original_end: usize,
    /// The operator actually applied (`mask`, `tokenize`, …).
    pub operator: &'static str,
    /// The policy rule that decided it.
    #[serde(rename = "rule")]
    pub rule_id: String,
    /// The name of the tenant key used, for `tokenize` and `pseudonymize`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The operator that was asked for, when it could not handle the value and
    /// a fallback was applied instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_from: Option<&'static str>,
}

/// The anonymized text and what was done to each finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anonymized {
    /// The output text.
    pub text: String,
    /// One entry per finding, in order.
    pub spans: Vec<AppliedSpan>,
}

struct Cursor<'t> {
    text: &'t str,
    iter: std::str::CharIndices<'t>,
    cp: usize,
    byte: usize,
}

impl<'t> Cursor<'t> {
    /// Advance to code point `target`, returning its byte offset, or `None`
    /// when the text is shorter.
    fn advance_to(&mut self, target: usize) -> Option<usize> {
        while self.cp < target {
            let (i, c) = self.iter.next()?;
            self.byte = i + c.len_utf8();
            self.cp += 1;
        }
        Some(self.byte)
    }

    fn out_of_range(&self, index: usize, start: usize, end: usize) -> Error {
        Error::SpanOutOfRange {
            index,
            start,
            end,
            len: self.text.chars().count(),
        }
    }
}

impl Anonymizer<'_> {
    /// Apply one decision per finding, chosen by `decide(index, finding)`.
    pub fn apply_text<'d, F>(
        &self,
        text: &str,
        findings: &[Finding],
        mut decide: F,
    ) -> Result<Anonymized, Error>
    where
        F: FnMut(usize, &Finding) -> Decision<'d>,
    {
        let mut out = String::with_capacity(text.len() + 16 * findings.len());
        let mut spans = Vec::with_capacity(findings.len());
        let mut cur = Cursor {
            text,
            iter: text.char_indices(),
            cp: 0,
            byte: 0,
        };
        let mut out_cp = 0usize;
        let mut prev_end_cp = 0usize;
        let mut prev_end_byte = 0usize;
        for (index, f) in findings.iter().enumerate() {
            if f.start >= f.end {
                return Err(cur.out_of_range(index, f.start, f.end));
            }
            if index > 0 && f.start < prev_end_cp {
                return Err(Error::SpanOverlap {
                    index,
                    start: f.start,
                    previous_end: prev_end_cp,
                });
            }
            let start_b = cur
                .advance_to(f.start)
                .ok_or_else(|| cur.out_of_range(index, f.start, f.end))?;
            let end_b = cur
                .advance_to(f.end)
                .ok_or_else(|| cur.out_of_range(index, f.start, f.end))?;
            let gap = text
                .get(prev_end_byte..start_b)
                .ok_or(Error::Unreachable("gap is not on char boundaries"))?;
            let value = text
                .get(start_b..end_b)
                .ok_or(Error::Unreachable("finding is not on char boundaries"))?;
            out.push_str(gap);
            out_cp += f.start - prev_end_cp;

            let decision = decide(index, f);
            let (replacement, operator, key, fallback_from) =
                self.apply_with_fallback(decision.operator, f.entity, value)?;
            let n = replacement.chars().count();
            out.push_str(&replacement);
            spans.push(AppliedSpan {
                entity: f.entity,
                start: out_cp,
                end: out_cp + n,
                original_start: f.start,
                original_end: f.end,
                operator,
                rule_id: decision.rule_id.to_owned(),
                key,
                fallback_from,
            });
            out_cp += n;
            prev_end_cp = f.end;
            prev_end_byte = end_b;
        }
        out.push_str(text.get(prev_end_byte..).unwrap_or_default());
        Ok(Anonymized { text: out, spans })
    }

    /// [`Anonymizer::apply_text`] with the decisions given as a slice, one per
    /// finding in the same order.
    pub fn apply_text_with(
        &self,
        text: &str,
        findings: &[Finding],
        decisions: &[Decision<'_>],
    ) -> Result<Anonymized, Error> {
        if decisions.len() != findings.len() {
            return Err(Error::DecisionCountMismatch {
                findings: findings.len(),
                decisions: decisions.len(),
            });
        }
        self.apply_text(text, findings, |i, _| {
            decisions.get(i).copied().unwrap_or(Decision {
                operator: &Operator::Redact,
                rule_id: "",
            })
        })
    }

    #[allow(clippy::type_complexity)]
    pub(crate) fn apply_with_fallback(
        &self,
        op: &Operator,
        entity: EntityType,
        value: &str,
    ) -> Result<(String, &'static str, Option<String>, Option<&'static str>), Error> {
        let key_of = |k: &Option<String>| -> Result<Option<String>, Error> {
            let keys = self.keys(op)?;
            keys.resolve(k.as_deref()).map(|n| Some(n.to_owned()))
        };
        match self.apply(op, entity, value) {
            Ok(s) => {
                let key = match op {
                    Operator::Tokenize { key } | Operator::Pseudonymize { key } => key_of(key)?,
                    _ => None,
                };
                Ok((s, op.name(), key, None))
            }
            Err(e) if e.is_value_error() => match op {
                Operator::Tokenize { key } => {
                    let fallback = Operator::Pseudonymize { key: key.clone() };
                    let s = self.apply(&fallback, entity, value)?;
                    Ok((s, fallback.name(), key_of(key)?, Some(op.name())))
                }
                _ => Ok((
                    format!("<{}>", entity.as_str()),
                    "replace",
                    None,
                    Some(op.name()),
                )),
            },
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::KeyRing;
    use custos_detect::Explanation;

    fn f(entity: EntityType, start: usize, end: usize) -> Finding {
        Finding {
            entity,
            start,
            end,
            score: 1.0,
            explanation: Explanation::new("test", 1.0),
        }
    }

    #[test]
    fn offsets_in_output() {
        let text = "联系我 13812345678 或 z@example.com 谢谢";
        let findings = [
            f(EntityType::PhoneNumber, 4, 15),
            f(EntityType::EmailAddress, 18, 31),
        ];
        let mask = Operator::Mask {
            keep_first: None,
            keep_last: None,
            mask_char: None,
        };
        let replace = Operator::Replace { with: None };
        let out = Anonymizer::new()
            .apply_text_with(
                text,
                &findings,
                &[
                    Decision {
                        operator: &mask,
                        rule_id: "chat.phone",
                    },
                    Decision {
                        operator: &replace,
                        rule_id: "chat.email",
                    },
                ],
            )
            .unwrap();
        assert_eq!(out.text, "联系我 138****5678 或 <EMAIL_ADDRESS> 谢谢");
        let chars: Vec<char> = out.text.chars().collect();
        let s1 = &out.spans[1];
        assert_eq!(
            chars[s1.start..s1.end].iter().collect::<String>(),
            "<EMAIL_ADDRESS>"
        );
        assert_eq!(s1.operator, "replace");
        assert_eq!(s1.rule_id, "chat.email");
        assert_eq!((out.spans[0].start, out.spans[0].end), (4, 15));
    }

    #[test]
    fn bad_spans_are_errors() {
        let a = Anonymizer::new();
        let r = Operator::Redact;
        let d = |_: usize, _: &Finding| Decision {
            operator: &r,
            rule_id: "x",
        };
        assert!(matches!(
            a.apply_text("abc", &[f(EntityType::Person, 2, 9)], d),
            Err(Error::SpanOutOfRange { len: 3, .. })
        ));
        assert!(matches!(
            a.apply_text("abc", &[f(EntityType::Person, 2, 2)], d),
            Err(Error::SpanOutOfRange { .. })
        ));
        assert!(matches!(
            a.apply_text(
                "abcdef",
                &[f(EntityType::Person, 1, 4), f(EntityType::Person, 3, 5)],
                d
            ),
            Err(Error::SpanOverlap { index: 1, .. })
        ));
        assert!(matches!(
            a.apply_text_with(
                "abc",
                &[],
                &[Decision {
                    operator: &r,
                    rule_id: ""
                }]
            ),
            Err(Error::DecisionCountMismatch { .. })
        ));
    }

    #[test]
    fn short_value_tokenize_falls_back_to_pseudonym() {
        let keys = KeyRing::from_bytes("t1", &[5; 32]).unwrap();
        let a = Anonymizer::new().with_keys(&keys);
        let tok = Operator::Tokenize { key: None };
        let out = a
            .apply_text("hi 李 there", &[f(EntityType::Person, 3, 4)], |_, _| {
                Decision {
                    operator: &tok,
                    rule_id: "r",
                }
            })
            .unwrap();
        assert!(out.text.starts_with("hi tok_pe_"));
        assert_eq!(out.spans[0].operator, "pseudonymize");
        assert_eq!(out.spans[0].fallback_from, Some("tokenize"));
        assert_eq!(out.spans[0].key.as_deref(), Some("t1"));
    }
}
