//! Turns the learned tagger's spans into candidates.

use custos_ner::{Span, SpanKind};

use crate::candidate::Candidate;
use crate::entity::{EntityType, Explanation};

/// The recognizer name that model findings carry in their explanation.
pub(crate) const RECOGNIZER: &str = "ner_model";

/// Appends one candidate per tagger span; its score starts as the model's probability.
pub(crate) fn candidates_from_spans(spans: &[Span], out: &mut Vec<Candidate>) {
    out.extend(spans.iter().filter(|s| s.start < s.end).map(|span| {
        let (entity, pattern) = match span.kind {
            SpanKind::Person => (EntityType::Person, "person"),
            SpanKind::Address => (EntityType::StreetAddress, "street_address"),
        };
        let probability = if span.probability.is_finite() {
            span.probability.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let mut explanation = Explanation::new(RECOGNIZER, probability);
        explanation.pattern = Some(pattern);
        explanation.model_probability = Some(probability);
        Candidate {
            entity,
            start: span.start,
            end: span.end,
            score: probability,
            explanation,
        }
    }));
}
