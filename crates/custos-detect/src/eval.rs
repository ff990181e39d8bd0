//! Scoring detections against labelled data: per-type precision, recall and F1.
//!
//! A prediction counts as a true positive only when its type, start and end all
//! equal a gold span's (exact match, the strict convention of CoNLL). Overlapping
//! but inexact spans are counted separately as `partial`, to tell boundary errors
//! from misses, but they do not count as hits.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::entity::{EntityType, Finding};

/// One labelled span of a gold line, in original code-point offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    /// The labelled type.
    pub entity: EntityType,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// Counts for one entity type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predictions that equal a gold span.
    pub true_positives: u64,
    /// Predictions that equal no gold span.
    pub false_positives: u64,
    /// Gold spans that no prediction equals.
    pub false_negatives: u64,
    /// Predictions of the right type that overlap a gold span without equalling it.
    pub partial: u64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.partial += other.partial;
    }

    /// TP / (TP + FP), or 1 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// TP / (TP + FN), or 1 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(numerator: u64, denominator: u64) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

/// Accumulates counts per entity type over many lines.
#[derive(Clone, Debug, Default)]
pub struct Scorecard {
    per_type: BTreeMap<EntityType, Counts>,
    lines: u64,
}

impl Scorecard {
    /// Scores one line's predictions against its gold spans.
    pub fn add_line(&mut self, gold: &[GoldSpan], predicted: &[Finding]) {
        self.lines += 1;
        let mut matched = vec![false; gold.len()];
        for p in predicted {
            let counts = self.per_type.entry(p.entity).or_default();
            let exact = gold.iter().enumerate().position(|(i, g)| {
                !matched[i] && g.entity == p.entity && g.start == p.start && g.end == p.end
            });
            match exact {
                Some(i) => {
                    matched[i] = true;
                    counts.true_positives += 1;
                }
                None => {
                    counts.false_positives += 1;
                    if gold
                        .iter()
                        .any(|g| g.entity == p.entity && g.start < p.end && p.start < g.end)
                    {
                        counts.partial += 1;
                    }
                }
            }
        }
        for (g, _) in gold.iter().zip(&matched).filter(|(_, &m)| !m) {
            self.per_type.entry(g.entity).or_default().false_negatives += 1;
        }
    }

    /// Counts per entity type that occurred in gold or predictions.
    pub fn per_type(&self) -> impl Iterator<Item = (EntityType, Counts)> + '_ {
        self.per_type.iter().map(|(&t, &c)| (t, c))
    }

    /// Counts summed over all types (micro average).
    pub fn micro(&self) -> Counts {
        let mut total = Counts::default();
        for counts in self.per_type.values() {
            total.add(*counts);
        }
        total
    }

    /// How many lines were scored.
    pub fn lines(&self) -> u64 {
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Explanation;

    fn finding(entity: EntityType, start: usize, end: usize) -> Finding {
        Finding {
            entity,
            start,
            end,
            score: 0.9,
            explanation: Explanation::new("test", 0.9),
        }
    }

    #[test]
    fn exact_partial_missed_and_spurious() {
        let gold = [
            GoldSpan {
                entity: EntityType::PhoneNumber,
                start: 3,
                end: 14,
            },
            GoldSpan {
                entity: EntityType::Person,
                start: 20,
                end: 23,
            },
        ];
        let predicted = [
            finding(EntityType::PhoneNumber, 3, 14),
            finding(EntityType::Person, 20, 22),
            finding(EntityType::EmailAddress, 30, 40),
        ];
        let mut card = Scorecard::default();
        card.add_line(&gold, &predicted);
        let per: BTreeMap<_, _> = card.per_type().collect();
        assert_eq!(per[&EntityType::PhoneNumber].true_positives, 1);
        assert_eq!(per[&EntityType::Person].false_positives, 1);
        assert_eq!(per[&EntityType::Person].partial, 1);
        assert_eq!(per[&EntityType::Person].false_negatives, 1);
        assert_eq!(per[&EntityType::EmailAddress].false_positives, 1);
        let micro = card.micro();
        assert_eq!(
            (
                micro.true_positives,
                micro.false_positives,
                micro.false_negatives
            ),
            (1, 2, 1)
        );
        assert!((micro.precision() - 1.0 / 3.0).abs() < 1e-9);
        assert!((micro.recall() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn a_prediction_matches_one_gold_span_only() {
        let gold = [GoldSpan {
            entity: EntityType::PhoneNumber,
            start: 0,
            end: 11,
        }];
        let predicted = [
            finding(EntityType::PhoneNumber, 0, 11),
            finding(EntityType::PhoneNumber, 0, 11),
        ];
        let mut card = Scorecard::default();
        card.add_line(&gold, &predicted);
        let micro = card.micro();
        assert_eq!((micro.true_positives, micro.false_positives), (1, 1));
    }

    #[test]
    fn empty_is_perfect() {
        let card = Scorecard::default();
        assert_eq!(card.micro().f1(), 1.0);
    }
}
