//! The policy file as written, with source spans, before validation.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::model::{Consent, Law, LegalBasis, TransferBasis};
use crate::Operator;

/// A table of named entries (`[categories."user.contact.phone"]`), keys with spans.
pub(crate) type Map<T> = BTreeMap<Spanned<String>, Spanned<T>>;
/// A list of names (`purposes = ["marketing"]`), the list and each name with spans.
pub(crate) type Names = Spanned<Vec<Spanned<String>>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPolicy {
    #[serde(default)]
    pub(crate) version: Option<Spanned<i64>>,
    #[serde(default)]
    pub(crate) regions: Map<RawRegion>,
    #[serde(default)]
    pub(crate) categories: Map<RawCategory>,
    #[serde(default)]
    pub(crate) purposes: Map<RawPurpose>,
    #[serde(default)]
    pub(crate) audiences: Map<RawAudience>,
    #[serde(default)]
    pub(crate) rules: Vec<Spanned<RawRule>>,
    #[serde(default)]
    pub(crate) transfers: Vec<Spanned<RawTransfer>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRegion {
    #[serde(default)]
    pub(crate) description: String,
    pub(crate) law: Law,
    pub(crate) storage: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCategory {
    #[serde(default)]
    pub(crate) description: String,
    #[serde(default)]
    pub(crate) entities: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) fields: Vec<Spanned<String>>,
    #[serde(default)]
    pub(crate) sensitive: bool,
    pub(crate) retention: Option<Spanned<String>>,
    pub(crate) storage_region: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPurpose {
    #[serde(default)]
    pub(crate) description: String,
    pub(crate) consent: Spanned<Consent>,
    pub(crate) legal_basis: Spanned<LegalBasis>,
    pub(crate) audiences: Option<Names>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAudience {
    #[serde(default)]
    pub(crate) description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub(crate) id: Spanned<String>,
    #[serde(default)]
    pub(crate) description: String,
    pub(crate) categories: Names,
    pub(crate) purposes: Option<Names>,
    pub(crate) audiences: Option<Names>,
    pub(crate) regions: Option<Names>,
    pub(crate) operator: Spanned<Operator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTransfer {
    pub(crate) id: Spanned<String>,
    #[serde(default)]
    pub(crate) description: String,
    pub(crate) from: Spanned<String>,
    pub(crate) to: Spanned<String>,
    pub(crate) categories: Names,
    pub(crate) purposes: Option<Names>,
    pub(crate) legal_basis: Option<Spanned<TransferBasis>>,
    pub(crate) consent: Option<Spanned<Consent>>,
}
