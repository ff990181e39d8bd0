//! `POST /v1/mask`: one text or a batch masked by policy, as `custos mask` writes them.

use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Json, Router};
use custos_anonymize::AppliedSpan;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::detect::text_bytes;
use super::{
    docs, one_or_batch, take_view, text_item, Batch, Input, ItemError, ItemResult, JsonBody,
    TextItem,
};
use crate::auth::{self, Access, Caller};
use crate::engine::with_scratch;
use crate::error::{ApiError, ErrorBody};
use crate::metrics::EntityCounts;
use crate::state::AppState;

pub(crate) const ROUTE: &str = "/v1/mask";

pub(crate) fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(ROUTE, post(mask))
        .route_layer(from_fn_with_state(
            (state.clone(), Access::Mask),
            auth::require,
        ))
}

/// One text or a batch, and the view to mask for.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct MaskRequest {
    /// Why the output is made: a purpose declared in the policy (default `live_chat_display`).
    pub(crate) purpose: Option<String>,
    /// Who will see it: an audience declared in the policy (default `public_chat`).
    pub(crate) audience: Option<String>,
    /// The data subject's region, e.g. `CN` or `EU`, for region-specific rules.
    pub(crate) region: Option<String>,
    /// For one text: its id.
    pub(crate) id: Option<String>,
    /// For one text: the text.
    pub(crate) text: Option<String>,
    /// For a batch: the texts (then `id` and `text` are left out).
    pub(crate) items: Option<Vec<TextItem>>,
}

/// One masked text.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Masked {
    /// The text's id.
    pub(crate) id: String,
    /// The masked text.
    pub(crate) text: String,
    /// What was done to each finding; offsets in the masked text.
    #[schema(value_type = Vec<docs::AppliedSpan>)]
    pub(crate) entities: Vec<AppliedSpan>,
}

/// One batch result: the masked text, or `{"index", "error"}`.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum MaskedItem {
    /// Masked.
    Ok(Masked),
    /// Refused (never let through unmasked).
    Err(ItemError),
}

/// Results of a batch, in input order.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct MaskBatchResponse {
    /// One result per item.
    pub(crate) items: Vec<MaskedItem>,
}

/// One text's result, or a batch's.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum MaskResponse {
    /// For one text.
    One(Masked),
    /// For a batch.
    Batch(MaskBatchResponse),
}

#[derive(Serialize)]
#[serde(untagged)]
enum MaskResponseOut {
    One(Masked),
    Batch(Batch<Masked>),
}

/// Mask personal information by policy.
///
/// The policy decides per finding for the view (purpose, audience, region).
/// A text that cannot be masked is refused, never passed through: 422 for a
/// single text, `{"index", "error"}` in a batch. An analyst key may only ask
/// for purpose `analytics`.
#[utoipa::path(
    post,
    path = "/v1/mask",
    tag = "mask",
    request_body = MaskRequest,
    responses(
        (status = 200, description = "Masked texts", body = MaskResponse),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "Missing or invalid API key", body = ErrorBody),
        (status = 403, description = "The key's role may not mask for this purpose", body = ErrorBody),
        (status = 413, description = "Body or batch over the limit", body = ErrorBody),
        (status = 422, description = "The view's operators cannot run here, or the text cannot be masked", body = ErrorBody),
    ),
    security(("api_key" = []))
)]
pub(crate) async fn mask(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let mut map = super::object(
        body.value,
        "{\"id\", \"text\"} or {\"items\": [...]}, with \"purpose\", \"audience\", \"region\"",
    )?;
    let view = take_view(&mut map)?;
    caller.check_purpose(&view.purpose)?;
    let input = one_or_batch(map, "items", state.limits().batch_items, text_item)?;
    let masker = state.maskers().get(&view)?;
    let cost = text_bytes(&input);
    let (n, rejected) = (input.len(), input.rejected());
    let (response, counts, unmasked) = state
        .work()
        .run(cost, move || {
            with_scratch(|scratch| {
                let masker = masker.masker();
                let mut counts = EntityCounts::default();
                let mut one = |item: TextItem| {
                    masker.mask_text(&item.text, scratch).map(|masked| {
                        for span in &masked.spans {
                            counts.add(span.entity);
                        }
                        Masked {
                            id: item.id,
                            text: masked.text,
                            entities: masked.spans,
                        }
                    })
                };
                let mut unmasked = 0;
                let response = match input {
                    Input::One(item) => one(item).map(MaskResponseOut::One).map_err(|e| {
                        ApiError::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            "cannot_mask",
                            format!("cannot mask this text: {e}"),
                        )
                    }),
                    Input::Batch(items) => Ok(MaskResponseOut::Batch(Batch {
                        items: items
                            .into_iter()
                            .enumerate()
                            .map(|(index, item)| match item.map(&mut one) {
                                Ok(Ok(masked)) => ItemResult::Ok(masked),
                                Ok(Err(e)) => {
                                    unmasked += 1;
                                    ItemResult::Err(ItemError {
                                        index,
                                        error: format!("cannot mask this text: {e}"),
                                    })
                                }
                                Err(error) => ItemResult::Err(ItemError { index, error }),
                            })
                            .collect(),
                    })),
                };
                (response, counts, unmasked)
            })
        })
        .await?;
    let metrics = state.metrics();
    metrics.count_items(ROUTE, n);
    metrics.count_findings(&counts);
    if rejected > 0 {
        metrics.reject("bad_item", rejected);
    }
    if unmasked > 0 {
        metrics.reject("unmaskable", unmasked);
    }
    Ok(Json(response?).into_response())
}
