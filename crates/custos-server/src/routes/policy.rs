//! `GET /v1/policy` and `POST /v1/policy/explain`: the policy in force, and why
//! it decides what it decides.

use axum::extract::State;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use axum::{Json, Router};
use custos_policy::{Basis, Decision, Query, Verdict};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::JsonBody;
use crate::auth::{self, Access};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;

pub(crate) fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route("/v1/policy", get(show))
        .route("/v1/policy/explain", post(explain))
        .route_layer(from_fn_with_state(
            (state.clone(), Access::Policy),
            auth::require,
        ))
}

/// The policy in force.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct PolicyDocument {
    /// The file it was read from, or `default` for the shipped policy.
    pub(crate) origin: String,
    /// Its TOML source.
    pub(crate) source: String,
}

/// Show the policy in force: its origin and TOML source.
#[utoipa::path(
    get,
    path = "/v1/policy",
    tag = "policy",
    responses(
        (status = 200, description = "The policy", body = PolicyDocument),
        (status = 401, description = "Missing or invalid API key", body = ErrorBody),
        (status = 403, description = "The key's role may not read the policy", body = ErrorBody),
    ),
    security(("api_key" = []))
)]
pub(crate) async fn show(State(state): State<AppState>) -> Json<PolicyDocument> {
    let source = state.engine().policy_source();
    Json(PolicyDocument {
        origin: source.origin.clone(),
        source: source.text.clone(),
    })
}

/// A decision to explain: a category (or an entity type standing for its
/// category), a purpose, an audience and optionally a region.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExplainRequest {
    /// Data category, e.g. `user.contact.phone`.
    pub(crate) category: Option<String>,
    /// Or an entity type, e.g. `PHONE_NUMBER`: its category is used.
    pub(crate) entity: Option<String>,
    /// Purpose, e.g. `live_chat_display`.
    pub(crate) purpose: String,
    /// Audience, e.g. `public_chat`.
    pub(crate) audience: String,
    /// The data subject's region, e.g. `CN`.
    pub(crate) region: Option<String>,
}

/// One rule's part in the decision.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ConsideredRule {
    /// The rule id.
    pub(crate) rule: String,
    /// Its line in the policy file.
    pub(crate) line: usize,
    /// Its operator.
    #[schema(value_type = Object)]
    pub(crate) operator: custos_policy::Operator,
    /// What became of it, in words.
    pub(crate) verdict: String,
}

/// The operator that applies, the rule that decided, and why.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Explanation {
    /// The category decided about.
    pub(crate) category: String,
    /// The operator that applies.
    #[schema(value_type = Object)]
    pub(crate) operator: custos_policy::Operator,
    /// The rule that decided; null when the fail-safe default applied.
    pub(crate) rule: Option<String>,
    /// `most_specific`, `tie_same_operator`, `tie_stronger_wins` or `fail_safe`.
    pub(crate) basis: &'static str,
    /// Why the fail-safe default applied, when it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) fail_safe: Option<String>,
    /// Every rule in file order, with what became of it.
    pub(crate) considered: Vec<ConsideredRule>,
    /// The explanation as `custos policy explain` prints it.
    pub(crate) text: String,
}

fn verdict(v: &Verdict) -> String {
    match v {
        Verdict::Chosen => "chosen".to_owned(),
        Verdict::NotMatching(d) => format!("does not match: {}", format!("{d:?}").to_lowercase()),
        Verdict::LessSpecificThan(r) => format!("matches, but {r} is more specific"),
        Verdict::TiedWith {
            rule,
            same_operator: true,
        } => format!("matches as specifically as {rule}, same operator"),
        Verdict::TiedWith { rule, .. } => {
            format!("matches as specifically as {rule}, weaker operator (contradiction)")
        }
        other => format!("{other:?}"),
    }
}

fn explanation(decision: &Decision) -> Explanation {
    let (basis, fail_safe) = match &decision.basis {
        Basis::MostSpecific => ("most_specific", None),
        Basis::TieSameOperator => ("tie_same_operator", None),
        Basis::TieStrongerWins => ("tie_stronger_wins", None),
        Basis::FailSafe(why) => ("fail_safe", Some(why.to_string())),
        _ => ("other", None),
    };
    Explanation {
        category: decision.category.clone(),
        operator: decision.operator.clone(),
        rule: decision.rule.as_ref().map(|r| r.as_str().to_owned()),
        basis,
        fail_safe,
        considered: decision
            .considered
            .iter()
            .map(|c| ConsideredRule {
                rule: c.rule.as_str().to_owned(),
                line: c.line,
                operator: c.operator.clone(),
                verdict: verdict(&c.verdict),
            })
            .collect(),
        text: decision.to_string(),
    }
}

/// Explain a decision of the policy in force.
#[utoipa::path(
    post,
    path = "/v1/policy/explain",
    tag = "policy",
    request_body = ExplainRequest,
    responses(
        (status = 200, description = "The decision and why", body = Explanation),
        (status = 400, description = "Malformed body, unknown entity type", body = ErrorBody),
        (status = 401, description = "Missing or invalid API key", body = ErrorBody),
        (status = 403, description = "The key's role may not read the policy", body = ErrorBody),
    ),
    security(("api_key" = []))
)]
pub(crate) async fn explain(
    State(state): State<AppState>,
    body: JsonBody,
) -> Result<Json<Explanation>, ApiError> {
    let request: ExplainRequest = serde_json::from_value(body.value).map_err(|e| {
        ApiError::bad_request(format!(
            "{e}; expected {{\"category\" or \"entity\", \"purpose\", \"audience\", \"region\"?}}"
        ))
    })?;
    let policy = state.engine().policy();
    let category = match (&request.category, &request.entity) {
        (Some(category), None) => category.clone(),
        (None, Some(entity)) => {
            let entity: custos_detect::EntityType = entity
                .parse()
                .map_err(|e| ApiError::bad_request(format!("{e}")))?;
            // a type outside every category gets the fail-safe default, as in masking
            policy.category_of_entity(entity).unwrap_or("").to_owned()
        }
        _ => {
            return Err(ApiError::bad_request(
                "give exactly one of \"category\" and \"entity\"",
            ))
        }
    };
    let decision = policy.decide(&Query {
        category: &category,
        purpose: &request.purpose,
        audience: &request.audience,
        region: request.region.as_deref(),
    });
    Ok(Json(explanation(&decision)))
}
