//! Policy-driven masking of texts and records: the one entry point the command
//! line, the server and the stream workers share.
//!
//! A [`Masker`] is built once per view (purpose, audience, subject region). It
//! asks the policy once per entity type and once per record field path, so a
//! line costs detection plus the operators, not a policy walk.

use std::collections::HashMap;
use std::sync::Mutex;

use custos_detect::{Detector, EntityType, Finding, Scratch};
use custos_policy::{Operator, Policy, Query};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::text::{Anonymized, Decision};
use crate::{Anonymizer, Error};

/// The rule id reported when the policy's fail-safe default decided.
pub const FAIL_SAFE_RULE: &str = "fail-safe-default";

/// Who sees the output, and why: the policy decides per category for this view.
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    /// The purpose, e.g. `live_chat_display`.
    pub purpose: &'a str,
    /// The audience, e.g. `public_chat`.
    pub audience: &'a str,
    /// The data subject's region (`CN`, `EU`), when known.
    pub region: Option<&'a str>,
}

impl View<'static> {
    /// Public live chat, the default view: what every viewer of the stream sees.
    pub const PUBLIC_CHAT: View<'static> = View {
        purpose: "live_chat_display",
        audience: "public_chat",
        region: None,
    };
}

/// What the policy decided for one category in this view.
#[derive(Clone, Debug)]
struct Resolved {
    category: Option<String>,
    operator: Operator,
    rule: String,
}

/// One record field the policy decided by its path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldDecision {
    /// The field's dotted path (`order.receiver.phone`, array indices as segments).
    pub path: String,
    /// The category the policy maps the path to.
    pub category: String,
    /// The operator that was applied.
    pub operator: &'static str,
    /// The rule that decided, or [`FAIL_SAFE_RULE`].
    pub rule: String,
    /// The operator the rule asked for, when another one had to stand in
    /// (`tokenize` of a value too short for FF1 → `pseudonymize`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_from: Option<&'static str>,
}

/// A record after masking: the record, what was decided per categorized field,
/// and the findings in its free-text fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MaskedRecord {
    /// The masked record; dropped fields are gone.
    pub record: Value,
    /// Fields decided by their path.
    pub fields: Vec<FieldDecision>,
    /// Findings in free-text fields, by path.
    pub text_fields: Vec<TextFieldFindings>,
}

/// The findings masked inside one free-text field of a record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextFieldFindings {
    /// The field's dotted path.
    pub path: String,
    /// What was applied, offsets in the masked field value.
    pub entities: Vec<crate::AppliedSpan>,
}

/// Detects and masks texts and records by policy for one view.
#[derive(Debug)]
pub struct Masker<'a> {
    detector: &'a Detector,
    anonymizer: Anonymizer<'a>,
    policy: &'a Policy,
    purpose: String,
    audience: String,
    region: Option<String>,
    by_entity: Vec<(EntityType, Resolved)>,
    by_path: Mutex<HashMap<String, Option<Resolved>>>,
}

impl<'a> Masker<'a> {
    /// Builds a masker and checks, before any data is seen, that every operator
    /// the policy picks for an entity type in this view can run (keys present,
    /// parameters valid).
    pub fn new(
        detector: &'a Detector,
        policy: &'a Policy,
        anonymizer: Anonymizer<'a>,
        view: View<'_>,
    ) -> Result<Self, Error> {
        let mut masker = Masker {
            detector,
            anonymizer,
            policy,
            purpose: view.purpose.to_owned(),
            audience: view.audience.to_owned(),
            region: view.region.map(str::to_owned),
            by_entity: Vec::with_capacity(EntityType::ALL.len()),
            by_path: Mutex::new(HashMap::new()),
        };
        for entity in EntityType::ALL {
            // an entity type outside every category is unknown to the policy:
            // the fail-safe default, never pass-through
            let category = policy.category_of_entity(entity).unwrap_or("");
            let resolved = masker.resolve(category);
            anonymizer.validate(&resolved.operator)?;
            masker.by_entity.push((entity, resolved));
        }
        Ok(masker)
    }

    fn resolve(&self, category: &str) -> Resolved {
        let decision = self.policy.decide(&Query {
            category,
            purpose: &self.purpose,
            audience: &self.audience,
            region: self.region.as_deref(),
        });
        Resolved {
            category: (!category.is_empty()).then(|| category.to_owned()),
            operator: decision.operator,
            rule: decision
                .rule
                .map_or_else(|| FAIL_SAFE_RULE.to_owned(), |r| r.as_str().to_owned()),
        }
    }

    fn for_entity(&self, entity: EntityType) -> &Resolved {
        // every type was resolved in `new`
        let found = self.by_entity.iter().find(|(e, _)| *e == entity);
        &found.unwrap_or(&self.by_entity[0]).1
    }

    /// Detects personal information in `text` and applies the policy's operator
    /// to each finding; text outside findings is unchanged byte for byte.
    pub fn mask_text(&self, text: &str, scratch: &mut Scratch) -> Result<Anonymized, Error> {
        let mut findings = Vec::new();
        self.detector.detect_into(text, scratch, &mut findings);
        self.mask_findings(text, &findings)
    }

    /// Applies the policy to findings already made on `text`.
    pub fn mask_findings(&self, text: &str, findings: &[Finding]) -> Result<Anonymized, Error> {
        self.anonymizer.apply_text(text, findings, |_, finding| {
            let resolved = self.for_entity(finding.entity);
            Decision {
                operator: &resolved.operator,
                rule_id: &resolved.rule,
            }
        })
    }

    /// Masks a JSON record: fields whose path the policy maps to a category get
    /// that category's operator (`drop` removes the field); other text fields go
    /// through detection like chat text; other numbers long enough to be an
    /// identifier are checked as text too; everything else is kept as it is.
    pub fn mask_record(&self, record: Value, scratch: &mut Scratch) -> Result<MaskedRecord, Error> {
        let mut out = MaskedRecord {
            record: Value::Null,
            fields: Vec::new(),
            text_fields: Vec::new(),
        };
        let mut path = String::new();
        let masked = self.walk(record, &mut path, None, scratch, &mut out)?;
        out.record = masked.unwrap_or(Value::Null);
        Ok(out)
    }

    /// Whether the policy drops the record field at `path` in this view (a CSV
    /// column it drops is left out of the header too).
    pub fn drops_field(&self, path: &str) -> bool {
        self.path_decision(path)
            .is_some_and(|r| matches!(r.operator, Operator::Drop))
    }

    fn path_decision(&self, path: &str) -> Option<Resolved> {
        if let Ok(cache) = self.by_path.lock() {
            if let Some(hit) = cache.get(path) {
                return hit.clone();
            }
        }
        let resolved = self
            .policy
            .category_of_field(path)
            .map(|category| self.resolve(category));
        if let Ok(mut cache) = self.by_path.lock() {
            // paths with array indices are unbounded in number; keep the cache small
            if cache.len() < 4096 {
                cache.insert(path.to_owned(), resolved.clone());
            }
        }
        resolved
    }

    /// Masks `value` at `path`; `None` means the field is dropped.
    fn walk(
        &self,
        value: Value,
        path: &mut String,
        inherited: Option<&Resolved>,
        scratch: &mut Scratch,
        out: &mut MaskedRecord,
    ) -> Result<Option<Value>, Error> {
        let own = if inherited.is_none() && !path.is_empty() {
            self.path_decision(path)
        } else {
            None
        };
        let decided = inherited.or(own.as_ref());
        if let Some(resolved) = decided {
            match resolved.operator {
                Operator::Drop => {
                    if inherited.is_none() {
                        out.fields
                            .push(field_decision(path, resolved, "drop", None));
                    }
                    return Ok(None);
                }
                Operator::Keep => {
                    if inherited.is_none() {
                        out.fields
                            .push(field_decision(path, resolved, "keep", None));
                    }
                    return Ok(Some(value));
                }
                _ => {}
            }
        }
        match value {
            Value::Object(map) => {
                let mut masked = Map::with_capacity(map.len());
                for (key, child) in map {
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    let result = self.walk(child, path, decided, scratch, out);
                    path.truncate(len);
                    if let Some(v) = result? {
                        masked.insert(key, v);
                    }
                }
                Ok(Some(Value::Object(masked)))
            }
            Value::Array(items) => {
                let mut masked = Vec::with_capacity(items.len());
                for (index, child) in items.into_iter().enumerate() {
                    let len = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&index.to_string());
                    let result = self.walk(child, path, decided, scratch, out);
                    path.truncate(len);
                    // a dropped element leaves a null so that indices keep their meaning
                    masked.push(result?.unwrap_or(Value::Null));
                }
                Ok(Some(Value::Array(masked)))
            }
            leaf => match decided {
                Some(resolved) => {
                    let (masked, operator, fallback) = self.mask_leaf(leaf, resolved)?;
                    out.fields
                        .push(field_decision(path, resolved, operator, fallback));
                    Ok(Some(masked))
                }
                None => self.detect_leaf(leaf, path, scratch, out).map(Some),
            },
        }
    }

    /// Applies a field's operator to a scalar.
    fn mask_leaf(
        &self,
        leaf: Value,
        resolved: &Resolved,
    ) -> Result<(Value, &'static str, Option<&'static str>), Error> {
        let entity = resolved
            .category
            .as_deref()
            .and_then(|c| self.policy.category(c))
            .and_then(|c| c.entities.first().copied());
        let op = &resolved.operator;
        // Redaction of a non-text value leaves `null`, not the empty string.
        if matches!(op, Operator::Redact) && !leaf.is_string() {
            return Ok((Value::Null, "redact", None));
        }
        // A count generalizes to its band and stays meaningful as a band.
        if let (Operator::Generalize { .. }, Some(n)) = (op, leaf.as_u64()) {
            if entity.is_none() {
                return Ok((Value::String(crate::count_band(n)), "generalize", None));
            }
        }
        let text = match &leaf {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => return Ok((Value::Null, op.name(), None)),
            // containers never reach here
            Value::Array(_) | Value::Object(_) => String::new(),
        };
        let tag = || {
            let name = resolved.category.as_deref().unwrap_or("REDACTED");
            Value::String(format!("<{name}>"))
        };
        match entity {
            Some(entity) => {
                let (s, operator, _key, fallback) =
                    self.anonymizer.apply_with_fallback(op, entity, &text)?;
                Ok((Value::String(s), operator, fallback))
            }
            // A category without an entity type has no per-type form to mask,
            // tokenize or pseudonymize: the type tag stands in (stronger, never weaker).
            None => match op {
                Operator::Replace { with: Some(with) } => {
                    Ok((Value::String(with.clone()), "replace", None))
                }
                Operator::Redact => Ok((Value::String(String::new()), "redact", None)),
                other => Ok((
                    tag(),
                    "replace",
                    (!matches!(other, Operator::Replace { .. })).then(|| other.name()),
                )),
            },
        }
    }

    /// A scalar outside every category: text goes through detection; a long
    /// integer is checked as text (a phone number stored as a number).
    fn detect_leaf(
        &self,
        leaf: Value,
        path: &str,
        scratch: &mut Scratch,
        out: &mut MaskedRecord,
    ) -> Result<Value, Error> {
        let text = match &leaf {
            Value::String(s) => s.clone(),
            Value::Number(n) if n.as_u64().is_some_and(|v| v >= 1_000_000) => n.to_string(),
            _ => return Ok(leaf),
        };
        let masked = self.mask_text(&text, scratch)?;
        if masked.spans.is_empty() {
            return Ok(leaf);
        }
        out.text_fields.push(TextFieldFindings {
            path: path.to_owned(),
            entities: masked.spans,
        });
        // a number whose findings the view keeps stays the number it was
        if !leaf.is_string() && masked.text == text {
            return Ok(leaf);
        }
        // a number with PII in it becomes its masked text: deliberately, not by accident
        Ok(Value::String(masked.text))
    }
}

fn field_decision(
    path: &str,
    resolved: &Resolved,
    operator: &'static str,
    fallback_from: Option<&'static str>,
) -> FieldDecision {
    FieldDecision {
        path: path.to_owned(),
        category: resolved.category.clone().unwrap_or_default(),
        operator,
        rule: resolved.rule.clone(),
        fallback_from,
    }
}

// Worker threads share one masker per view.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    send_sync::<Masker<'static>>();
};
