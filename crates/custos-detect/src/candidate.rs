//! A finding before it is mapped back to the original text.

use crate::entity::{EntityType, Explanation};

/// A finding in *normalized* character offsets, as recognizers produce it.
///
/// Kept apart from [`crate::Finding`] (original offsets) so that the two kinds of
/// offsets cannot be mixed up: only the detector maps one into the other.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) entity: EntityType,
    /// First normalized character.
    pub(crate) start: usize,
    /// One past the last normalized character.
    pub(crate) end: usize,
    /// Score in [0, 1] after validation and context.
    pub(crate) score: f32,
    pub(crate) explanation: Explanation,
}
