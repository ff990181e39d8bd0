//! The detector: normalize once, run the pattern recognizers and the gated model,
//! apply context, resolve overlaps and map back to original offsets.

use custos_ner::{TagScratch, Tagger};
use custos_text::{Normalized, Normalizer};

use crate::candidate::Candidate;
use crate::context::ContextHit;
use crate::entity::{EntityType, Finding};
use crate::model;
use crate::patterns::{ContextScanned, PatternRecognizers};
use crate::resolve;
use crate::Error;

/// The score at or above which a candidate is reported, unless configured otherwise.
pub const DEFAULT_MIN_SCORE: f32 = 0.5;

/// Finds personal information in text.
///
/// Build one with [`Detector::new`] or [`Detector::builder`] and share it: it is
/// immutable, `Send` and `Sync`. Each thread keeps its own [`Scratch`] so that
/// detection allocates nothing per line once the buffers are warm.
#[derive(Debug)]
pub struct Detector {
    normalizer: Normalizer,
    patterns: PatternRecognizers,
    tagger: Option<&'static Tagger>,
    min_score: f32,
    entities: EntitySet,
}

// Shared by worker threads, as the README promises: a compile-time check.
const _: () = {
    const fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<Detector>();
};

/// Reusable per-thread buffers for [`Detector::detect_into`].
#[derive(Debug, Default)]
pub struct Scratch {
    normalized: Normalized,
    candidates: Vec<Candidate>,
    hits: Vec<ContextHit>,
    spans: Vec<custos_ner::Span>,
    kept: std::collections::BTreeMap<usize, usize>,
    tag: TagScratch,
    accounts: Vec<(usize, usize)>,
}

/// Drops the model's candidates (from `first_model` on) that lie inside an IM id
/// or an e-mail address the patterns found: an id right after `V信：` or an address
/// is that account's text, whatever it looks like (`V信：Yuanyuan-LS`).
fn drop_names_inside_accounts(
    candidates: &mut Vec<Candidate>,
    first_model: usize,
    accounts: &mut Vec<(usize, usize)>,
) {
    accounts.clear();
    accounts.extend(
        candidates[..first_model]
            .iter()
            .filter(|c| matches!(c.entity, EntityType::ImAccount | EntityType::EmailAddress))
            .map(|c| (c.start, c.end)),
    );
    if accounts.is_empty() {
        return;
    }
    let mut index = 0;
    candidates.retain(|c| {
        let is_model = index >= first_model;
        index += 1;
        !(is_model
            && accounts
                .iter()
                .any(|&(start, end)| start <= c.start && c.end <= end))
    });
}

/// Configures a [`Detector`].
#[derive(Debug, Clone)]
pub struct DetectorBuilder {
    min_score: f32,
    use_model: bool,
    entities: EntitySet,
}

/// A set of entity types, as a bit set over [`EntityType::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct EntitySet(u16);

impl EntitySet {
    const ALL: EntitySet = EntitySet((1 << EntityType::ALL.len()) - 1);

    fn bit(entity: EntityType) -> u16 {
        let index = EntityType::ALL
            .iter()
            .position(|&t| t == entity)
            .unwrap_or_default();
        1 << index
    }

    fn contains(self, entity: EntityType) -> bool {
        self.0 & Self::bit(entity) != 0
    }

    fn needs_model(self) -> bool {
        self.contains(EntityType::Person) || self.contains(EntityType::StreetAddress)
    }
}

impl Default for DetectorBuilder {
    fn default() -> Self {
        DetectorBuilder {
            min_score: DEFAULT_MIN_SCORE,
            use_model: true,
            entities: EntitySet::ALL,
        }
    }
}

impl DetectorBuilder {
    /// Report only candidates scoring at least `min_score` (clamped to [0, 1]).
    pub fn min_score(mut self, min_score: f32) -> Self {
        self.min_score = if min_score.is_nan() {
            DEFAULT_MIN_SCORE
        } else {
            min_score.clamp(0.0, 1.0)
        };
        self
    }

    /// Whether to run the learned name and address model (on by default).
    ///
    /// Without it PERSON and STREET_ADDRESS are never reported; the pattern
    /// recognizers alone are what the benchmark measures as "patterns only".
    pub fn use_model(mut self, use_model: bool) -> Self {
        self.use_model = use_model;
        self
    }

    /// Report only these entity types.
    pub fn entities(mut self, entities: impl IntoIterator<Item = EntityType>) -> Self {
        self.entities = EntitySet(
            entities
                .into_iter()
                .fold(0, |bits, entity| bits | EntitySet::bit(entity)),
        );
        self
    }

    /// Builds the detector, loading the shipped model if it is needed.
    ///
    /// # Errors
    /// [`Error::Model`] when the model compiled into the binary cannot be read,
    /// which means the build is broken.
    pub fn build(self) -> Result<Detector, Error> {
        let tagger = if self.use_model && self.entities.needs_model() {
            Some(Tagger::shipped().map_err(Error::Model)?)
        } else {
            None
        };
        Ok(Detector {
            normalizer: Normalizer::new(),
            patterns: PatternRecognizers::new(),
            tagger,
            min_score: self.min_score,
            entities: self.entities,
        })
    }
}

impl Detector {
    /// A detector for every entity type with the shipped model and default threshold.
    ///
    /// # Errors
    /// As [`DetectorBuilder::build`].
    pub fn new() -> Result<Detector, Error> {
        DetectorBuilder::default().build()
    }

    /// A builder to choose the threshold, the entity types and the model.
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder::default()
    }

    /// Detects personal information in `text`; findings are sorted by `start`.
    pub fn detect(&self, text: &str) -> Vec<Finding> {
        let mut scratch = Scratch::default();
        let mut findings = Vec::new();
        self.detect_into(text, &mut scratch, &mut findings);
        findings
    }

    /// Like [`Detector::detect`], reusing `scratch` and appending to `out` after clearing it.
    pub fn detect_into(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Finding>) {
        out.clear();
        scratch.candidates.clear();
        scratch.hits.clear();
        self.normalizer
            .normalize_into(text, &mut scratch.normalized);
        let normalized = &scratch.normalized;

        // Pattern candidates arrive with their context already applied; the
        // model's are scored against the same context words here, from the same
        // scan when the pattern stage made one.
        let scanned =
            self.patterns
                .recognize(normalized, &mut scratch.hits, &mut scratch.candidates);
        let first_model_candidate = scratch.candidates.len();
        if let Some(tagger) = self.tagger {
            scratch.spans.clear();
            tagger.tag(normalized.chars(), &mut scratch.tag, &mut scratch.spans);
            model::candidates_from_spans(&scratch.spans, &mut scratch.candidates);
            let model_candidates = &mut scratch.candidates[first_model_candidate..];
            if !model_candidates.is_empty() {
                let context = self.patterns.context();
                if scanned == ContextScanned::No {
                    context.scan(normalized, &mut scratch.hits);
                }
                for candidate in model_candidates {
                    context.enhance(&scratch.hits, normalized.chars(), candidate);
                }
                drop_names_inside_accounts(
                    &mut scratch.candidates,
                    first_model_candidate,
                    &mut scratch.accounts,
                );
            }
        }
        let entities = self.entities;
        let min_score = self.min_score;
        scratch
            .candidates
            .retain(|c| entities.contains(c.entity) && c.score >= min_score);
        resolve::resolve_into(normalized, &mut scratch.candidates, &mut scratch.kept, out);
    }
}
