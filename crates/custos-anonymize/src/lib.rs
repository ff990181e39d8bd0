//! Anonymization operators of Custos and their application by policy.
//!
//! Detection says where personal information is; the policy
//! ([`custos_policy`]) says which [`Operator`](custos_policy::Operator) applies;
//! this crate applies it: to one value, to a text with its findings, and to a
//! structured record. No I/O.
#![deny(missing_docs)]
#![forbid(unsafe_code)]
