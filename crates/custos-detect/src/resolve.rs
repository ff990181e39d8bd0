//! Overlap resolution and the mapping of candidates back to original offsets.
//!
//! The rule, applied once before anything is reported: when candidates overlap,
//! the one with the higher score wins; on equal scores a validated candidate
//! (checksum or prefix table passed) beats an unvalidated one, then the longer
//! span beats the shorter, then the earlier one wins. The losers are dropped
//! whole, never trimmed, so every reported span is one a recognizer vouched for.
//!
//! One reading is settled earlier, inside a recognizer, because only it knows the
//! grammar: an id right after an IM keyword (`QQ 12345678`, `微信 abc_123`)
//! replaces the numeric readings of the same characters, and an id that is a valid
//! mobile number is reported as PHONE_NUMBER instead.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use custos_text::Normalized;

use crate::candidate::Candidate;
use crate::entity::Finding;

fn validated(candidate: &Candidate) -> bool {
    candidate
        .explanation
        .validator
        .as_ref()
        .is_some_and(|v| v.passed)
}

fn precedence(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| validated(b).cmp(&validated(a)))
        .then_with(|| (b.end - b.start).cmp(&(a.end - a.start)))
        .then_with(|| a.start.cmp(&b.start))
}

/// Scores are sums of small steps in `f32`; three decimals say all they mean and
/// keep `0.8 + 0.15` from printing as `0.95000005`.
fn rounded(score: f32) -> f32 {
    (score * 1000.0).round() / 1000.0
}

/// Resolves overlaps among `candidates` (normalized offsets) and writes the
/// winners to `out` in original offsets, sorted by start. `kept` is scratch space
/// for the normalized spans already taken (start → end).
pub(crate) fn resolve_into(
    normalized: &Normalized,
    candidates: &mut Vec<Candidate>,
    kept: &mut BTreeMap<usize, usize>,
    out: &mut Vec<Finding>,
) {
    candidates.sort_by(precedence);
    kept.clear();
    for candidate in candidates.drain(..) {
        // Kept spans are disjoint, so the one starting last before this one ends is
        // the only one that can overlap it.
        let overlaps = kept
            .range(..candidate.end)
            .next_back()
            .is_some_and(|(_, &end)| end > candidate.start);
        if candidate.start >= candidate.end || overlaps {
            continue;
        }
        kept.insert(candidate.start, candidate.end);
        let original = normalized.original_range(candidate.start..candidate.end);
        let mut explanation = candidate.explanation;
        explanation.evasions = normalized
            .transforms(candidate.start..candidate.end)
            .names()
            .collect();
        out.push(Finding {
            entity: candidate.entity,
            start: original.start,
            end: original.end,
            score: rounded(candidate.score),
            explanation,
        });
    }
    out.sort_by_key(|f| (f.start, f.end));
}
