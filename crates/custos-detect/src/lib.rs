//! Detects personal information in Chinese and Western text.
//!
//! placeholder overview
#![deny(missing_docs)]

mod entity;

pub use entity::{ContextEvidence, EntityType, Explanation, Finding, UnknownEntityType, Validation};
