//! The linter: every problem in a policy file, with its line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use custos_detect::EntityType;
use toml::Spanned;

use crate::model::{
    Audience, Category, CategoryPattern, Consent, FieldPattern, LegalBasis, Policy, Purpose, Query,
    Region, Retention, Rule, RuleId, Selector, StorageRegion, Transfer,
};
use crate::raw::{Names, RawPolicy};
use crate::Operator;

/// How bad a diagnostic is. Errors make [`Policy::from_toml_str`] refuse the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Severity {
    /// Worth fixing; the policy still loads.
    Warning,
    /// The policy is refused.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem found in a policy file.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// A stable short name of the check, e.g. `unknown-purpose`.
    pub code: &'static str,
    /// Line in the file, 1-based.
    pub line: usize,
    /// Column in the line, 1-based, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    /// `12:3: error: message (help: ...)`; prefix it with the file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.line, self.column, self.severity, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, " (help: {help})")?;
        }
        Ok(())
    }
}

/// All diagnostics for one policy file, in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The diagnostics, ordered by line and column.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// One line per diagnostic, each prefixed with `file:`.
    pub fn render(&self, file: &str) -> String {
        self.diagnostics
            .iter()
            .map(|d| format!("{file}:{d}\n"))
            .collect()
    }
}

/// Lints a policy file. Errors in the result make the file unloadable.
pub fn lint(source: &str) -> Report {
    load(source).1
}

/// Parses, validates and lints; the policy is only usable when the report has no errors.
pub(crate) fn load(source: &str) -> (Option<Policy>, Report) {
    let mut cx = Cx {
        source,
        diagnostics: Vec::new(),
    };
    let raw: RawPolicy = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            cx.push(
                Severity::Error,
                "syntax",
                span,
                err.message().trim().to_owned(),
                Some("fix the TOML; `custos policy show` prints a complete, valid policy".into()),
            );
            return (None, cx.finish());
        }
    };
    let policy = build(&mut cx, raw);
    (Some(policy), cx.finish())
}

struct Cx<'s> {
    source: &'s str,
    diagnostics: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        message: String,
        help: Option<String>,
    ) {
        let (line, column) = line_column(self.source, span.start);
        self.diagnostics.push(Diagnostic {
            severity,
            code,
            line,
            column,
            message,
            help,
        });
    }

    fn error(&mut self, code: &'static str, span: Range<usize>, message: String, help: String) {
        self.push(Severity::Error, code, span, message, Some(help));
    }

    fn warning(&mut self, code: &'static str, span: Range<usize>, message: String, help: String) {
        self.push(Severity::Warning, code, span, message, Some(help));
    }

    fn finish(mut self) -> Report {
        self.diagnostics.sort_by_key(|d| (d.line, d.column));
        Report {
            diagnostics: self.diagnostics,
        }
    }
}

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('.').all(|seg| {
            !seg.is_empty()
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// "did you mean X?" or the list of declared names.
fn suggest<'a>(what: &str, name: &str, known: impl Iterator<Item = &'a String> + Clone) -> String {
    let best = known
        .clone()
        .map(|k| (edit_distance(name, k), k))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, k)) if d <= 2.max(name.len() / 4) => {
            format!("did you mean \"{k}\"? or declare it under [{what}]")
        }
        _ => {
            let list: Vec<&str> = known.map(String::as_str).collect();
            if list.is_empty() {
                format!("declare it under [{what}]")
            } else {
                format!("declared {what}: {}", list.join(", "))
            }
        }
    }
}

fn build(cx: &mut Cx<'_>, raw: RawPolicy) -> Policy {
    if let Some(v) = &raw.version {
        if *v.get_ref() != 1 {
            cx.error(
                "version",
                v.span(),
                format!("policy format version {} is not supported", v.get_ref()),
                "write `version = 1`".into(),
            );
        }
    }

    // Regions.
    let mut regions = BTreeMap::new();
    for (code, region) in raw.regions {
        let region = region.into_inner();
        regions.insert(
            code.get_ref().clone(),
            Region {
                code: code.into_inner(),
                description: region.description,
                law: region.law,
                storage: region.storage,
            },
        );
    }
    let region_names: Vec<String> = regions.keys().cloned().collect();

    // Audiences.
    let mut audiences = BTreeMap::new();
    for (name, audience) in raw.audiences {
        check_name(cx, &name, "audience");
        audiences.insert(
            name.get_ref().clone(),
            Audience {
                name: name.into_inner(),
                description: audience.into_inner().description,
            },
        );
    }
    let audience_names: Vec<String> = audiences.keys().cloned().collect();

    // Purposes.
    let mut purposes = BTreeMap::new();
    for (name, purpose) in raw.purposes {
        check_name(cx, &name, "purpose");
        let purpose = purpose.into_inner();
        if *purpose.legal_basis.get_ref() == LegalBasis::Consent
            && *purpose.consent.get_ref() == Consent::None
        {
            cx.error(
                "consent-contradiction",
                purpose.consent.span(),
                format!(
                    "purpose \"{}\" relies on consent as its legal basis but requires no consent",
                    name.get_ref()
                ),
                "set consent = \"required\" (or \"separate\"), or name the legal basis it really relies on".into(),
            );
        }
        let audiences = purpose.audiences.as_ref().map(|list| {
            known_names(
                cx,
                list,
                &audience_names,
                "audiences",
                "purpose",
                name.get_ref(),
            )
        });
        purposes.insert(
            name.get_ref().clone(),
            Purpose {
                name: name.into_inner(),
                description: purpose.description,
                consent: purpose.consent.into_inner(),
                legal_basis: purpose.legal_basis.into_inner(),
                audiences,
            },
        );
    }
    let purpose_names: Vec<String> = purposes.keys().cloned().collect();

    // Categories.
    let mut categories = BTreeMap::new();
    let mut entity_index: BTreeMap<EntityType, String> = BTreeMap::new();
    let mut fields: Vec<(FieldPattern, String)> = Vec::new();
    let mut field_owner: BTreeMap<String, String> = BTreeMap::new();
    for (name, category) in raw.categories {
        check_name(cx, &name, "category");
        let key_span = name.span();
        let name = name.into_inner();
        let category = category.into_inner();
        let mut entities = Vec::new();
        for entity in &category.entities {
            match EntityType::from_str(entity.get_ref()) {
                Ok(t) => {
                    if let Some(other) = entity_index.get(&t) {
                        cx.error(
                            "duplicate-entity",
                            entity.span(),
                            format!(
                                "entity type {} is already in category \"{other}\"",
                                entity.get_ref()
                            ),
                            "an entity type belongs to exactly one category; remove one".into(),
                        );
                    } else {
                        entity_index.insert(t, name.clone());
                    }
                    entities.push(t);
                }
                Err(_) => {
                    let known: Vec<String> = EntityType::ALL
                        .iter()
                        .map(|t| t.as_str().to_owned())
                        .collect();
                    cx.error(
                        "unknown-entity",
                        entity.span(),
                        format!(
                            "category \"{name}\" lists unknown entity type \"{}\"",
                            entity.get_ref()
                        ),
                        suggest("entity types", entity.get_ref(), known.iter())
                            .replace(" or declare it under [entity types]", ""),
                    );
                }
            }
        }
        let mut field_list = Vec::new();
        for field in &category.fields {
            match FieldPattern::parse(field.get_ref()) {
                None => cx.error(
                    "bad-field",
                    field.span(),
                    format!("field pattern \"{}\" is not a dotted path", field.get_ref()),
                    "write segments separated by dots, `*` for one segment, at least one literal (e.g. \"*.mobile\")".into(),
                ),
                Some(pattern) => {
                    if let Some(other) = field_owner.get(field.get_ref()) {
                        cx.error(
                            "duplicate-field",
                            field.span(),
                            format!(
                                "field \"{}\" is already in category \"{other}\"",
                                field.get_ref()
                            ),
                            "a field belongs to exactly one category; remove one".into(),
                        );
                    } else {
                        field_owner.insert(field.get_ref().clone(), name.clone());
                        fields.push((pattern, name.clone()));
                    }
                    field_list.push(field.get_ref().clone());
                }
            }
        }
        let retention = match &category.retention {
            None => {
                cx.error(
                    "no-retention",
                    key_span.clone(),
                    format!("category \"{name}\" has no retention"),
                    "say how long it may be kept, e.g. retention = \"30d\" (units: d, w, y)".into(),
                );
                None
            }
            Some(text) => {
                let parsed = Retention::parse(text.get_ref());
                if parsed.is_none() {
                    cx.error(
                        "bad-duration",
                        text.span(),
                        format!(
                            "retention \"{}\" of category \"{name}\" is not a duration",
                            text.get_ref()
                        ),
                        "write a whole number and a unit: d (days), w (weeks) or y (365 days), e.g. \"30d\"".into(),
                    );
                }
                parsed
            }
        };
        let storage_region = match &category.storage_region {
            None => {
                cx.warning(
                    "no-storage-region",
                    key_span.clone(),
                    format!("category \"{name}\" has no storage region"),
                    "add storage_region = \"subject\" (stored in the subject's region) or a declared region".into(),
                );
                None
            }
            Some(r) if r.get_ref() == "subject" => Some(StorageRegion::Subject),
            Some(r) if regions.contains_key(r.get_ref()) => {
                Some(StorageRegion::Region(r.get_ref().clone()))
            }
            Some(r) => {
                cx.error(
                    "unknown-region",
                    r.span(),
                    format!(
                        "category \"{name}\" is stored in unknown region \"{}\"",
                        r.get_ref()
                    ),
                    suggest("regions", r.get_ref(), region_names.iter()) + "; or write \"subject\"",
                );
                None
            }
        };
        categories.insert(
            name.clone(),
            Category {
                name,
                description: category.description,
                entities,
                fields: field_list,
                sensitive: category.sensitive,
                retention,
                storage_region,
            },
        );
    }
    let category_names: Vec<String> = categories.keys().cloned().collect();

    // Rules.
    let mut rules = Vec::new();
    let mut rule_ids: BTreeSet<String> = BTreeSet::new();
    let mut operator_spans = Vec::new();
    let mut sensitive_checks = Vec::new();
    for rule in raw.rules {
        let rule = rule.into_inner();
        let id = rule.id.get_ref().clone();
        if !rule_ids.insert(id.clone()) {
            cx.error(
                "duplicate-rule-id",
                rule.id.span(),
                format!("rule id \"{id}\" is used twice"),
                "give every rule its own id; explain and mask output name rules by id".into(),
            );
        }
        let what = format!("rule \"{id}\"");
        let cats = category_patterns(cx, &rule.categories, &category_names, &what);
        let purposes = selector(
            cx,
            rule.purposes.as_ref(),
            &purpose_names,
            "purposes",
            &what,
        );
        let audiences = selector(
            cx,
            rule.audiences.as_ref(),
            &audience_names,
            "audiences",
            &what,
        );
        let regions_sel = selector(cx, rule.regions.as_ref(), &region_names, "regions", &what);
        let (line, _) = line_column(cx.source, rule.id.span().start);
        operator_spans.push((rule.id.span(), rule.operator.span()));
        sensitive_checks.push(rule.operator.span());
        rules.push(Rule {
            id: RuleId(id),
            description: rule.description,
            categories: cats,
            purposes,
            audiences,
            regions: regions_sel,
            operator: rule.operator.into_inner(),
            line,
        });
    }

    // Transfers.
    let mut transfers = Vec::new();
    for transfer in raw.transfers {
        let transfer = transfer.into_inner();
        let id = transfer.id.get_ref().clone();
        let what = format!("transfer \"{id}\"");
        let mut ends_ok = true;
        for end in [&transfer.from, &transfer.to] {
            if !regions.contains_key(end.get_ref()) {
                ends_ok = false;
                cx.error(
                    "unknown-region",
                    end.span(),
                    format!("{what} names unknown region \"{}\"", end.get_ref()),
                    suggest("regions", end.get_ref(), region_names.iter()),
                );
            }
        }
        if transfer.from.get_ref() == transfer.to.get_ref() {
            cx.warning(
                "transfer-same-region",
                transfer.to.span(),
                format!("{what} goes from a region to itself"),
                "a transfer is between two different regions; remove it".into(),
            );
        }
        let cats = category_patterns(cx, &transfer.categories, &category_names, &what);
        let purposes = selector(
            cx,
            transfer.purposes.as_ref(),
            &purpose_names,
            "purposes",
            &what,
        );
        let consent = transfer
            .consent
            .as_ref()
            .map_or(Consent::None, |c| *c.get_ref());
        let from_law = regions.get(transfer.from.get_ref()).map(|r| r.law);
        if from_law == Some(crate::model::Law::Pipl) && consent != Consent::Separate {
            cx.error(
                "transfer-consent",
                transfer
                    .consent
                    .as_ref()
                    .map_or(transfer.id.span(), Spanned::span),
                format!("{what} exports personal information out of a PIPL region without separate consent"),
                "PIPL Art. 39 needs the subject's separate consent: set consent = \"separate\"".into(),
            );
        }
        match &transfer.legal_basis {
            None => cx.error(
                "transfer-no-legal-basis",
                transfer.id.span(),
                format!("{what} has no legal basis"),
                "add legal_basis = one of pipl_standard_contract, pipl_certification, cac_security_assessment (out of CN), gdpr_adequacy, gdpr_sccs, gdpr_binding_corporate_rules, gdpr_derogation (out of the EU)".into(),
            ),
            Some(basis) => {
                if let (true, Some(law)) = (ends_ok, from_law) {
                    if law != crate::model::Law::Other && basis.get_ref().law() != law {
                        cx.error(
                            "transfer-basis-law",
                            basis.span(),
                            format!(
                                "{what} leaves a {} region on a mechanism of another law",
                                law.name()
                            ),
                            "the exporting region's law decides: PIPL exports need pipl_standard_contract, pipl_certification or cac_security_assessment; GDPR exports need gdpr_*".into(),
                        );
                    }
                }
                transfers.push(Transfer {
                    id,
                    description: transfer.description,
                    from: transfer.from.into_inner(),
                    to: transfer.to.into_inner(),
                    categories: cats,
                    purposes,
                    legal_basis: *basis.get_ref(),
                    consent,
                });
            }
        }
    }

    let policy = Policy {
        categories,
        purposes,
        audiences,
        regions,
        rules,
        transfers,
        entity_index,
        fields,
    };
    check_sensitive(cx, &policy, &sensitive_checks);
    check_precedence(cx, &policy, &operator_spans);
    policy
}

fn check_name(cx: &mut Cx<'_>, name: &Spanned<String>, what: &str) {
    if !valid_name(name.get_ref()) {
        cx.error(
            "bad-name",
            name.span(),
            format!("{what} name \"{}\" is not a lowercase dotted name", name.get_ref()),
            "use lowercase letters, digits and _ in segments separated by dots, e.g. \"user.contact.phone\"".into(),
        );
    }
}

fn empty_list(cx: &mut Cx<'_>, list: &Names, field: &str, what: &str) {
    cx.warning(
        "empty-selector",
        list.span(),
        format!("{what} has an empty `{field}` list and can never fire"),
        format!("list what it covers, or write [\"*\"] (or leave `{field}` out) for all"),
    );
}

fn known_names(
    cx: &mut Cx<'_>,
    list: &Names,
    known: &[String],
    field: &str,
    kind: &str,
    owner: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for name in list.get_ref() {
        if known.contains(name.get_ref()) {
            out.push(name.get_ref().clone());
        } else {
            cx.error(
                unknown_code(field),
                name.span(),
                format!(
                    "{kind} \"{owner}\" references unknown {} \"{}\"",
                    singular(field),
                    name.get_ref()
                ),
                suggest(field, name.get_ref(), known.iter()),
            );
        }
    }
    out
}

fn singular(field: &str) -> &str {
    match field {
        "categories" => "category",
        other => other.strip_suffix('s').unwrap_or(other),
    }
}

fn unknown_code(field: &str) -> &'static str {
    match field {
        "purposes" => "unknown-purpose",
        "audiences" => "unknown-audience",
        "regions" => "unknown-region",
        _ => "unknown-category",
    }
}

fn selector(
    cx: &mut Cx<'_>,
    list: Option<&Names>,
    known: &[String],
    field: &str,
    what: &str,
) -> Selector {
    let Some(list) = list else {
        return Selector::Any;
    };
    if list.get_ref().is_empty() {
        empty_list(cx, list, field, what);
        return Selector::Only(Vec::new());
    }
    if list.get_ref().iter().any(|n| n.get_ref() == "*") {
        return Selector::Any;
    }
    let mut out = Vec::new();
    for name in list.get_ref() {
        if known.contains(name.get_ref()) {
            out.push(name.get_ref().clone());
        } else {
            cx.error(
                unknown_code(field),
                name.span(),
                format!(
                    "{what} references unknown {} \"{}\"",
                    singular(field),
                    name.get_ref()
                ),
                suggest(field, name.get_ref(), known.iter()),
            );
        }
    }
    Selector::Only(out)
}

fn category_patterns(
    cx: &mut Cx<'_>,
    list: &Names,
    known: &[String],
    what: &str,
) -> Vec<CategoryPattern> {
    if list.get_ref().is_empty() {
        empty_list(cx, list, "categories", what);
    }
    let mut out = Vec::new();
    for name in list.get_ref() {
        let pattern = CategoryPattern::parse(name.get_ref());
        if known.iter().any(|k| pattern.matches(k)) {
            out.push(pattern);
        } else {
            let message = match pattern {
                CategoryPattern::Prefix(_) => format!(
                    "{what} references category prefix \"{}\" that matches no declared category",
                    name.get_ref()
                ),
                _ => format!("{what} references unknown category \"{}\"", name.get_ref()),
            };
            let bare = name.get_ref().trim_end_matches(".*");
            cx.error(
                "unknown-category",
                name.span(),
                message,
                suggest("categories", bare, known.iter()),
            );
        }
    }
    out
}

/// A rule that keeps or masks a sensitive category is too weak unless every
/// purpose it covers needs the subject's separate consent (PIPL Art. 29).
fn check_sensitive(cx: &mut Cx<'_>, policy: &Policy, operator_spans: &[Range<usize>]) {
    for (rule, span) in policy.rules.iter().zip(operator_spans) {
        if !matches!(rule.operator, Operator::Keep | Operator::Mask { .. }) {
            continue;
        }
        let sensitive = policy
            .categories
            .values()
            .find(|c| c.sensitive && rule.categories.iter().any(|p| p.matches(&c.name)));
        let Some(category) = sensitive else { continue };
        let lax = policy
            .purposes
            .values()
            .find(|p| rule.purposes.matches(Some(&p.name)) && p.consent != Consent::Separate);
        if let Some(purpose) = lax {
            cx.error(
                "sensitive-too-weak",
                span.clone(),
                format!(
                    "rule \"{}\" applies {} to sensitive category \"{}\" for purpose \"{}\", which has no separate consent",
                    rule.id,
                    rule.operator.name(),
                    category.name,
                    purpose.name
                ),
                "sensitive personal information (PIPL Art. 28) may only be kept or masked for a purpose with consent = \"separate\"; use tokenize, pseudonymize, replace or redact, or narrow the rule".into(),
            );
        }
    }
}

/// Runs the precedence over every declared category × purpose × audience it
/// serves × region (and no region): finds contradictions and rules that never fire.
fn check_precedence(cx: &mut Cx<'_>, policy: &Policy, spans: &[(Range<usize>, Range<usize>)]) {
    let n = policy.rules.len();
    let mut matched_any = vec![false; n];
    let mut fired = vec![false; n];
    let mut shadowed_by: Vec<Option<usize>> = vec![None; n];
    let mut contradictions: BTreeMap<(usize, usize), String> = BTreeMap::new();
    let regions: Vec<Option<&str>> = std::iter::once(None)
        .chain(policy.regions.keys().map(|r| Some(r.as_str())))
        .collect();
    for category in policy.categories.keys() {
        for purpose in policy.purposes.values() {
            for audience in policy.audiences.keys() {
                if !purpose.serves(audience) {
                    continue;
                }
                for &region in &regions {
                    let query = Query {
                        category,
                        purpose: &purpose.name,
                        audience,
                        region,
                    };
                    let contest = policy.contest(&query);
                    let Some(w) = contest.winner else { continue };
                    fired[w] = true;
                    for (i, verdict) in contest.verdicts.iter().enumerate() {
                        if matches!(verdict, crate::model::Verdict::NotMatching(_)) {
                            continue;
                        }
                        matched_any[i] = true;
                        if i != w && shadowed_by[i].is_none() {
                            shadowed_by[i] = Some(w);
                        }
                    }
                    for &a in &contest.top {
                        for &b in &contest.top {
                            if a < b && policy.rules[a].operator != policy.rules[b].operator {
                                contradictions.entry((a, b)).or_insert_with(|| {
                                    format!(
                                        "{category} / {} / {audience}{}",
                                        purpose.name,
                                        region.map(|r| format!(" / {r}")).unwrap_or_default()
                                    )
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    for ((a, b), example) in contradictions {
        let (ra, rb) = (&policy.rules[a], &policy.rules[b]);
        cx.error(
            "contradiction",
            spans[b].0.clone(),
            format!(
                "rules \"{}\" (line {}) and \"{}\" contradict: equally specific for {example}, but {} vs {}",
                ra.id, ra.line, rb.id, ra.operator, rb.operator
            ),
            "make one rule more specific (an exact category, or an explicit purpose, audience or region) or give both the same operator; until then the stronger operator applies".into(),
        );
    }
    for i in 0..n {
        if fired[i] {
            continue;
        }
        let rule = &policy.rules[i];
        let has_empty = rule.categories.is_empty()
            || [&rule.purposes, &rule.audiences, &rule.regions]
                .iter()
                .any(|s| matches!(s, Selector::Only(v) if v.is_empty()));
        if has_empty {
            continue; // already reported as an empty or unknown selector
        }
        if !matched_any[i] {
            cx.warning(
                "never-fires",
                spans[i].0.clone(),
                format!(
                    "rule \"{}\" matches no declared category × purpose × audience and can never fire",
                    rule.id
                ),
                "check that its purposes serve its audiences (`audiences` under [purposes.*]) and its names are declared".into(),
            );
        } else if let Some(w) = shadowed_by[i] {
            cx.warning(
                "never-fires",
                spans[i].0.clone(),
                format!(
                    "rule \"{}\" can never fire: wherever it applies, a more specific or equal earlier rule decides (e.g. \"{}\", line {})",
                    rule.id, policy.rules[w].id, policy.rules[w].line
                ),
                "remove it, or make it more specific than the rules that shadow it".into(),
            );
        }
    }
}

#[cfg(test)]
mod tests;
