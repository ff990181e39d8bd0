//! The validated policy: categories, purposes, audiences, regions, rules, transfers.

use std::collections::BTreeMap;
use std::fmt;

use custos_detect::EntityType;
use serde::Deserialize;

use crate::Operator;

/// What consent a purpose needs from the data subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Consent {
    /// No consent: another legal basis (a contract, a legal obligation) covers it.
    None,
    /// Ordinary consent (PIPL Art. 14, GDPR Art. 6(1)(a)).
    Required,
    /// Separate consent (单独同意, PIPL Art. 29 for sensitive personal information,
    /// Art. 39 for transfers abroad, Art. 25 for public disclosure).
    Separate,
}

impl Consent {
    /// The name as written in the policy file.
    pub const fn name(self) -> &'static str {
        match self {
            Consent::None => "none",
            Consent::Required => "required",
            Consent::Separate => "separate",
        }
    }
}

/// The legal basis a purpose relies on (PIPL Art. 13, GDPR Art. 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LegalBasis {
    /// The subject's consent.
    Consent,
    /// Necessary to perform a contract with the subject (an order).
    Contract,
    /// Necessary to meet a legal obligation (tax, e-commerce law record keeping).
    LegalObligation,
    /// Necessary to protect someone's life, health or property in an emergency.
    VitalInterests,
    /// Public interest: news reporting, public health.
    PublicInterest,
    /// GDPR Art. 6(1)(f) legitimate interests; PIPL has no such basis.
    LegitimateInterests,
    /// Information the subject made public themselves, within reason.
    PubliclyAvailable,
}

/// The data-protection law of a region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub enum Law {
    /// China's Personal Information Protection Law.
    #[serde(rename = "PIPL")]
    Pipl,
    /// The EU General Data Protection Regulation.
    #[serde(rename = "GDPR")]
    Gdpr,
    /// Another regime; transfers out of it are not checked for a mechanism.
    #[serde(rename = "other")]
    Other,
}

impl Law {
    /// The name as written in the policy file.
    pub const fn name(self) -> &'static str {
        match self {
            Law::Pipl => "PIPL",
            Law::Gdpr => "GDPR",
            Law::Other => "other",
        }
    }
}

/// The mechanism that makes a cross-border transfer lawful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TransferBasis {
    /// PIPL Art. 38(3): the CAC standard contract, filed with the provincial CAC.
    PiplStandardContract,
    /// PIPL Art. 38(2): personal information protection certification.
    PiplCertification,
    /// PIPL Art. 38(1), Art. 40: a CAC security assessment.
    CacSecurityAssessment,
    /// GDPR Art. 45: an adequacy decision for the destination.
    GdprAdequacy,
    /// GDPR Art. 46(2)(c): the Commission's standard contractual clauses.
    GdprSccs,
    /// GDPR Art. 47: binding corporate rules.
    GdprBindingCorporateRules,
    /// GDPR Art. 49: a derogation (explicit consent, contract necessity).
    GdprDerogation,
}

impl TransferBasis {
    /// The law under which this mechanism exists.
    pub const fn law(self) -> Law {
        match self {
            TransferBasis::PiplStandardContract
            | TransferBasis::PiplCertification
            | TransferBasis::CacSecurityAssessment => Law::Pipl,
            _ => Law::Gdpr,
        }
    }
}

/// How long data of a category may be kept, in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Retention {
    days: u32,
}

impl Retention {
    /// Parses `30d`, `2w` or `3y` (a year is 365 days).
    pub fn parse(text: &str) -> Option<Retention> {
        let unit = text.chars().last()?;
        let digits = &text[..text.len() - unit.len_utf8()];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: u32 = digits.parse().ok()?;
        let per = match unit {
            'd' => 1,
            'w' => 7,
            'y' => 365,
            _ => return None,
        };
        Some(Retention {
            days: n.checked_mul(per)?,
        })
    }

    /// The retention in days.
    pub const fn days(self) -> u32 {
        self.days
    }
}

impl fmt::Display for Retention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}d", self.days)
    }
}

/// Where data of a category is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageRegion {
    /// In the region of the data subject (CN subjects in CN, EU subjects in the EU).
    Subject,
    /// Always in this declared region.
    Region(String),
}

/// A data category (`user.contact.phone`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Category {
    /// The dotted name.
    pub name: String,
    /// What it is, for people.
    pub description: String,
    /// Detected entity types that fall in it.
    pub entities: Vec<EntityType>,
    /// Record field patterns that fall in it.
    pub fields: Vec<String>,
    /// Sensitive personal information under PIPL Art. 28.
    pub sensitive: bool,
    /// How long it may be kept.
    pub retention: Option<Retention>,
    /// Where it is stored.
    pub storage_region: Option<StorageRegion>,
}

/// A purpose of processing (`order_fulfillment`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Purpose {
    /// The name.
    pub name: String,
    /// What it is, for people.
    pub description: String,
    /// The consent it needs.
    pub consent: Consent,
    /// Its legal basis.
    pub legal_basis: LegalBasis,
    /// The audiences it serves; `None` for all.
    pub audiences: Option<Vec<String>>,
}

impl Purpose {
    /// Whether this purpose serves `audience`.
    pub fn serves(&self, audience: &str) -> bool {
        self.audiences
            .as_ref()
            .is_none_or(|list| list.iter().any(|a| a == audience))
    }
}

/// An audience or channel that sees the data (`public_chat`, `courier`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Audience {
    /// The name.
    pub name: String,
    /// Who they are, for people.
    pub description: String,
}

/// A region of data subjects and storage (`CN`, `EU`).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Region {
    /// The code.
    pub code: String,
    /// What it is, for people.
    pub description: String,
    /// Its data-protection law.
    pub law: Law,
    /// The storage location that keeps its subjects' data.
    pub storage: String,
}

/// The id of a rule, as written in the policy file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RuleId(pub(crate) String);

impl RuleId {
    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which categories a rule covers: `*`, a prefix `user.contact.*`, or one name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CategoryPattern {
    /// `*`: every category.
    Any,
    /// `a.b.*`: `a.b` and everything below it.
    Prefix(String),
    /// One category.
    Exact(String),
}

impl CategoryPattern {
    pub(crate) fn parse(text: &str) -> CategoryPattern {
        if text == "*" {
            CategoryPattern::Any
        } else if let Some(prefix) = text.strip_suffix(".*") {
            CategoryPattern::Prefix(prefix.to_owned())
        } else {
            CategoryPattern::Exact(text.to_owned())
        }
    }

    /// Whether the pattern covers `category`.
    pub fn matches(&self, category: &str) -> bool {
        match self {
            CategoryPattern::Any => true,
            CategoryPattern::Prefix(p) => {
                category == p
                    || (category.starts_with(p.as_str())
                        && category.as_bytes().get(p.len()) == Some(&b'.'))
            }
            CategoryPattern::Exact(e) => category == e,
        }
    }

    /// Higher is more specific: `*` 0, a prefix of n segments 2n, an exact name of
    /// n segments 2n + 1 (so an exact name beats any prefix of it).
    pub(crate) fn specificity(&self) -> u32 {
        let segments = |s: &str| s.split('.').count() as u32;
        match self {
            CategoryPattern::Any => 0,
            CategoryPattern::Prefix(p) => 2 * segments(p),
            CategoryPattern::Exact(e) => 2 * segments(e) + 1,
        }
    }
}

impl fmt::Display for CategoryPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CategoryPattern::Any => f.write_str("*"),
            CategoryPattern::Prefix(p) => write!(f, "{p}.*"),
            CategoryPattern::Exact(e) => f.write_str(e),
        }
    }
}

/// A list of purposes, audiences or regions: any (`*` or left out), or these names.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Selector {
    /// Every value, and a query without one (for regions).
    Any,
    /// Only these.
    Only(Vec<String>),
}

impl Selector {
    /// Whether the selector covers `value`; a missing value is covered only by `Any`.
    pub fn matches(&self, value: Option<&str>) -> bool {
        match (self, value) {
            (Selector::Any, _) => true,
            (Selector::Only(list), Some(v)) => list.iter().any(|x| x == v),
            (Selector::Only(_), None) => false,
        }
    }

    fn specificity(&self) -> u32 {
        match self {
            Selector::Any => 0,
            Selector::Only(_) => 1,
        }
    }
}

impl fmt::Display for Selector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Selector::Any => f.write_str("*"),
            Selector::Only(list) => f.write_str(&list.join(", ")),
        }
    }
}

/// One rule: for these categories × purposes × audiences (× regions), this operator.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Rule {
    /// Its id.
    pub id: RuleId,
    /// Why it exists, for people.
    pub description: String,
    /// The categories it covers.
    pub categories: Vec<CategoryPattern>,
    /// The purposes it covers.
    pub purposes: Selector,
    /// The audiences it covers.
    pub audiences: Selector,
    /// The subject regions it covers.
    pub regions: Selector,
    /// What it does.
    pub operator: Operator,
    /// Line of its `id` in the policy file (1-based).
    pub line: usize,
}

/// How specific a rule's match is, per dimension; see [`crate`] for the precedence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Specificity {
    category: u32,
    purpose: u32,
    audience: u32,
    region: u32,
}

impl Specificity {
    /// At least as specific in every dimension and more specific in one.
    pub(crate) fn dominates(self, other: Specificity) -> bool {
        let ge = self.category >= other.category
            && self.purpose >= other.purpose
            && self.audience >= other.audience
            && self.region >= other.region;
        ge && self != other
    }
}

/// The dimension in which a rule did not match a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dimension {
    /// The category.
    Category,
    /// The purpose.
    Purpose,
    /// The audience.
    Audience,
    /// The subject region.
    Region,
}

impl Rule {
    pub(crate) fn specificity_for(&self, q: &Query<'_>) -> Result<Specificity, Dimension> {
        let category = self
            .categories
            .iter()
            .filter(|p| p.matches(q.category))
            .map(CategoryPattern::specificity)
            .max()
            .ok_or(Dimension::Category)?;
        if !self.purposes.matches(Some(q.purpose)) {
            return Err(Dimension::Purpose);
        }
        if !self.audiences.matches(Some(q.audience)) {
            return Err(Dimension::Audience);
        }
        if !self.regions.matches(q.region) {
            return Err(Dimension::Region);
        }
        Ok(Specificity {
            category,
            purpose: self.purposes.specificity(),
            audience: self.audiences.specificity(),
            region: self.regions.specificity(),
        })
    }
}

/// A declared cross-border transfer.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Transfer {
    /// Its id.
    pub id: String,
    /// Why it exists, for people.
    pub description: String,
    /// The exporting region.
    pub from: String,
    /// The receiving region.
    pub to: String,
    /// The categories it may carry.
    pub categories: Vec<CategoryPattern>,
    /// The purposes it serves.
    pub purposes: Selector,
    /// The mechanism that makes it lawful.
    pub legal_basis: TransferBasis,
    /// The consent it needs.
    pub consent: Consent,
}

/// The question a decision answers: this category, for this purpose and audience,
/// of a subject in this region (when known).
#[derive(Clone, Copy, Debug)]
pub struct Query<'a> {
    /// The data category, e.g. `user.contact.phone`.
    pub category: &'a str,
    /// The purpose, e.g. `live_chat_display`.
    pub purpose: &'a str,
    /// The audience, e.g. `public_chat`.
    pub audience: &'a str,
    /// The subject's region, e.g. `CN`; rules limited to regions do not apply without it.
    pub region: Option<&'a str>,
}

/// Why the fail-safe default (the strongest operator) was applied.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FailSafe {
    /// The category is not declared.
    UnknownCategory,
    /// The purpose is not declared.
    UnknownPurpose,
    /// The audience is not declared.
    UnknownAudience,
    /// The region is not declared.
    UnknownRegion,
    /// The purpose does not serve the audience.
    AudienceNotServed,
    /// No rule covers the query.
    NoRuleMatched,
}

impl fmt::Display for FailSafe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FailSafe::UnknownCategory => "the category is not declared in the policy",
            FailSafe::UnknownPurpose => "the purpose is not declared in the policy",
            FailSafe::UnknownAudience => "the audience is not declared in the policy",
            FailSafe::UnknownRegion => "the region is not declared in the policy",
            FailSafe::AudienceNotServed => "the purpose does not serve this audience",
            FailSafe::NoRuleMatched => "no rule covers this category, purpose and audience",
        })
    }
}

/// How the operator of a decision was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Basis {
    /// One rule was more specific than every other matching rule.
    MostSpecific,
    /// Equally specific rules agreed on the operator; the first in the file is named.
    TieSameOperator,
    /// Equally specific rules disagree (a contradiction the linter reports); the
    /// strongest of their operators applies.
    TieStrongerWins,
    /// The fail-safe default applies.
    FailSafe(FailSafe),
}

/// What happened to one rule during a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Verdict {
    /// It decided.
    Chosen,
    /// It does not cover the query in this dimension.
    NotMatching(Dimension),
    /// It matches, but this rule is more specific.
    LessSpecificThan(RuleId),
    /// It matches as specifically as the chosen rule; `same_operator` tells
    /// whether they agree.
    TiedWith {
        /// The chosen rule.
        rule: RuleId,
        /// Whether both have the same operator.
        same_operator: bool,
    },
}

/// One rule's part in a decision.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Considered {
    /// The rule.
    pub rule: RuleId,
    /// Its line in the policy file.
    pub line: usize,
    /// Its operator.
    pub operator: Operator,
    /// What became of it.
    pub verdict: Verdict,
}

/// The operator that applies to a query, and why.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Decision {
    /// What to do.
    pub operator: Operator,
    /// The rule that decided; `None` when the fail-safe default applied.
    pub rule: Option<RuleId>,
    /// The category asked about.
    pub category: String,
    /// How the operator was chosen.
    pub basis: Basis,
    /// Every rule, in file order, with what became of it.
    pub considered: Vec<Considered>,
}

impl Decision {
    fn fail_safe(category: &str, why: FailSafe, considered: Vec<Considered>) -> Decision {
        Decision {
            operator: Operator::STRONGEST,
            rule: None,
            category: category.to_owned(),
            basis: Basis::FailSafe(why),
            considered,
        }
    }
}

impl fmt::Display for Decision {
    /// A multi-line explanation, as `custos policy explain` prints it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "operator: {}", self.operator)?;
        match (&self.rule, &self.basis) {
            (_, Basis::FailSafe(why)) => writeln!(
                f,
                "rule: none (fail-safe default, the strongest operator: {why})"
            )?,
            (Some(rule), Basis::MostSpecific) => {
                writeln!(f, "rule: {rule} (the most specific matching rule)")?
            }
            (Some(rule), Basis::TieSameOperator) => writeln!(
                f,
                "rule: {rule} (equally specific rules agree; the first in the file is named)"
            )?,
            (Some(rule), Basis::TieStrongerWins) => writeln!(
                f,
                "rule: {rule} (equally specific rules disagree, a contradiction; the strongest operator applies)"
            )?,
            (None, _) => writeln!(f, "rule: none")?,
        }
        if self.considered.is_empty() {
            return Ok(());
        }
        writeln!(f, "rules considered:")?;
        for c in &self.considered {
            let why = match &c.verdict {
                Verdict::Chosen => "chosen".to_owned(),
                Verdict::NotMatching(d) => format!("does not match: {}", dimension_name(*d)),
                Verdict::LessSpecificThan(r) => format!("matches, but {r} is more specific"),
                Verdict::TiedWith {
                    rule,
                    same_operator: true,
                } => format!("matches as specifically as {rule}, same operator"),
                Verdict::TiedWith {
                    rule,
                    same_operator: false,
                } => format!("matches as specifically as {rule}, weaker operator (contradiction)"),
            };
            writeln!(
                f,
                "  {} (line {}): {} -> {}",
                c.rule, c.line, c.operator, why
            )?;
        }
        Ok(())
    }
}

fn dimension_name(d: Dimension) -> &'static str {
    match d {
        Dimension::Category => "category",
        Dimension::Purpose => "purpose",
        Dimension::Audience => "audience",
        Dimension::Region => "region",
    }
}

/// A record field pattern: dotted segments, `*` for exactly one segment.
#[derive(Clone, Debug)]
pub(crate) struct FieldPattern {
    segments: Vec<String>,
}

impl FieldPattern {
    pub(crate) fn parse(text: &str) -> Option<FieldPattern> {
        let segments: Vec<String> = text.split('.').map(str::to_owned).collect();
        if segments.iter().any(String::is_empty) || segments.iter().all(|s| s == "*") {
            return None;
        }
        Some(FieldPattern { segments })
    }

    /// `Some(rank)` when it matches; a higher rank is more specific (fewer
    /// wildcards; then the later the first wildcard).
    fn rank(&self, path: &[&str]) -> Option<(usize, usize)> {
        if path.len() != self.segments.len() {
            return None;
        }
        let all = self
            .segments
            .iter()
            .zip(path)
            .all(|(s, p)| s == "*" || s == p);
        if !all {
            return None;
        }
        let literals = self.segments.iter().filter(|s| *s != "*").count();
        let first_wild = self
            .segments
            .iter()
            .position(|s| s == "*")
            .unwrap_or(self.segments.len());
        Some((literals, first_wild))
    }
}

/// A loaded, lint-clean policy.
#[derive(Clone, Debug)]
pub struct Policy {
    pub(crate) categories: BTreeMap<String, Category>,
    pub(crate) purposes: BTreeMap<String, Purpose>,
    pub(crate) audiences: BTreeMap<String, Audience>,
    pub(crate) regions: BTreeMap<String, Region>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) transfers: Vec<Transfer>,
    pub(crate) entity_index: BTreeMap<EntityType, String>,
    pub(crate) fields: Vec<(FieldPattern, String)>,
}

impl Policy {
    /// The declared categories, by name.
    pub fn categories(&self) -> impl Iterator<Item = &Category> {
        self.categories.values()
    }

    /// The category named `name`.
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories.get(name)
    }

    /// The declared purposes, by name.
    pub fn purposes(&self) -> impl Iterator<Item = &Purpose> {
        self.purposes.values()
    }

    /// The purpose named `name`.
    pub fn purpose(&self, name: &str) -> Option<&Purpose> {
        self.purposes.get(name)
    }

    /// The declared audiences, by name.
    pub fn audiences(&self) -> impl Iterator<Item = &Audience> {
        self.audiences.values()
    }

    /// The declared regions, by code.
    pub fn regions(&self) -> impl Iterator<Item = &Region> {
        self.regions.values()
    }

    /// The rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The declared cross-border transfers, in file order.
    pub fn transfers(&self) -> &[Transfer] {
        &self.transfers
    }

    /// The category a detected entity type falls in, if the policy names one.
    /// A `None` is decided by the fail-safe default.
    pub fn category_of_entity(&self, entity: EntityType) -> Option<&str> {
        self.entity_index.get(&entity).map(String::as_str)
    }

    /// The category of a record field given by its dotted path
    /// (`order.receiver.phone`; a CSV column is a one-segment path). The most
    /// specific pattern wins: fewer `*`, then the later its first `*`.
    pub fn category_of_field(&self, path: &str) -> Option<&str> {
        let parts: Vec<&str> = path.split('.').collect();
        let mut best: Option<((usize, usize), &str)> = None;
        for (pattern, category) in &self.fields {
            if let Some(rank) = pattern.rank(&parts) {
                if best.is_none_or(|(b, _)| rank > b) {
                    best = Some((rank, category));
                }
            }
        }
        best.map(|(_, c)| c)
    }

    /// Decides the operator for `query`; see the crate docs for the precedence.
    /// Never passes a value through by default: anything unknown or uncovered
    /// gets [`Operator::STRONGEST`].
    pub fn decide(&self, query: &Query<'_>) -> Decision {
        let unknown = if !self.categories.contains_key(query.category) {
            Some(FailSafe::UnknownCategory)
        } else if !self.purposes.contains_key(query.purpose) {
            Some(FailSafe::UnknownPurpose)
        } else if !self.audiences.contains_key(query.audience) {
            Some(FailSafe::UnknownAudience)
        } else if query.region.is_some_and(|r| !self.regions.contains_key(r)) {
            Some(FailSafe::UnknownRegion)
        } else if !self.purposes[query.purpose].serves(query.audience) {
            Some(FailSafe::AudienceNotServed)
        } else {
            None
        };
        if let Some(why) = unknown {
            return Decision::fail_safe(query.category, why, Vec::new());
        }
        let outcome = self.contest(query);
        let considered = self
            .rules
            .iter()
            .zip(&outcome.verdicts)
            .map(|(rule, verdict)| Considered {
                rule: rule.id.clone(),
                line: rule.line,
                operator: rule.operator.clone(),
                verdict: verdict.clone(),
            })
            .collect();
        match outcome.winner {
            None => Decision::fail_safe(query.category, FailSafe::NoRuleMatched, considered),
            Some(w) => Decision {
                operator: self.rules[w].operator.clone(),
                rule: Some(self.rules[w].id.clone()),
                category: query.category.to_owned(),
                basis: outcome.basis,
                considered,
            },
        }
    }

    /// Runs the precedence over all rules for one query.
    pub(crate) fn contest(&self, query: &Query<'_>) -> Contest {
        let matched: Vec<Result<Specificity, Dimension>> = self
            .rules
            .iter()
            .map(|r| r.specificity_for(query))
            .collect();
        let top: Vec<usize> = (0..self.rules.len())
            .filter(|&i| {
                let Ok(si) = matched[i] else { return false };
                !matched
                    .iter()
                    .any(|m| matches!(m, Ok(sj) if sj.dominates(si)))
            })
            .collect();
        // Among the maximal rules: the strongest operator, then the first in the file.
        let winner = top
            .iter()
            .copied()
            .min_by_key(|&i| (std::cmp::Reverse(self.rules[i].operator.strength()), i));
        let mut basis = Basis::MostSpecific;
        if let Some(w) = winner {
            if top.len() > 1 {
                basis = if top
                    .iter()
                    .all(|&i| self.rules[i].operator == self.rules[w].operator)
                {
                    Basis::TieSameOperator
                } else {
                    Basis::TieStrongerWins
                };
            }
        }
        let verdicts = (0..self.rules.len())
            .map(|i| match (matched[i], winner) {
                (Err(d), _) => Verdict::NotMatching(d),
                (Ok(_), Some(w)) if i == w => Verdict::Chosen,
                (Ok(_), Some(w)) if top.contains(&i) => Verdict::TiedWith {
                    rule: self.rules[w].id.clone(),
                    same_operator: self.rules[i].operator == self.rules[w].operator,
                },
                (Ok(si), _) => {
                    let by = top
                        .iter()
                        .copied()
                        .find(|&j| matches!(matched[j], Ok(sj) if sj.dominates(si)))
                        .or_else(|| {
                            (0..self.rules.len())
                                .find(|&j| matches!(matched[j], Ok(sj) if sj.dominates(si)))
                        })
                        .unwrap_or(i);
                    Verdict::LessSpecificThan(self.rules[by].id.clone())
                }
            })
            .collect();
        Contest {
            winner,
            top,
            basis,
            verdicts,
        }
    }
}

/// The result of running the precedence for one query.
pub(crate) struct Contest {
    pub(crate) winner: Option<usize>,
    pub(crate) top: Vec<usize>,
    pub(crate) basis: Basis,
    pub(crate) verdicts: Vec<Verdict>,
}

#[cfg(test)]
mod tests;
