//! `POST /v1/detect`: findings for one text or a batch, as `custos detect` writes them.

use axum::extract::State;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use custos_detect::Finding;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    docs, one_or_batch, text_item, Batch, Input, ItemError, ItemResult, JsonBody, TextItem,
};
use crate::auth::{self, Access};
use crate::engine::with_scratch;
use crate::error::{ApiError, ErrorBody};
use crate::metrics::EntityCounts;
use crate::state::AppState;

pub(crate) const ROUTE: &str = "/v1/detect";

pub(crate) fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(ROUTE, post(detect))
        .route_layer(from_fn_with_state(
            (state.clone(), Access::Ingest),
            auth::require,
        ))
}

/// A batch of texts.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct TextBatch {
    /// The texts, at most the server's batch limit (default 1000).
    pub(crate) items: Vec<TextItem>,
}

/// One text (`{"id", "text"}`) or a batch (`{"items": [...]}`).
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Deserialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum DetectRequest {
    /// One text.
    One(TextItem),
    /// A batch.
    Batch(TextBatch),
}

/// The findings in one text.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct Detected {
    /// The text's id.
    pub(crate) id: String,
    /// What was found, in text order.
    #[schema(value_type = Vec<docs::Finding>)]
    pub(crate) entities: Vec<Finding>,
}

/// One batch result: the findings, or `{"index", "error"}` for a bad item.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum DetectedItem {
    /// Findings.
    Ok(Detected),
    /// A refused item.
    Err(ItemError),
}

/// Results of a batch, in input order.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct DetectBatchResponse {
    /// One result per item.
    pub(crate) items: Vec<DetectedItem>,
}

/// One text's result, or a batch's.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum DetectResponse {
    /// For one text.
    One(Detected),
    /// For a batch.
    Batch(DetectBatchResponse),
}

/// Detect personal information.
///
/// Offsets are Unicode code points of the original text, end exclusive. In a
/// batch, an item that is not `{"id": string, "text": string}` yields
/// `{"index", "error"}` in its place and the others go on.
#[utoipa::path(
    post,
    path = "/v1/detect",
    tag = "detect",
    request_body = DetectRequest,
    responses(
        (status = 200, description = "Findings", body = DetectResponse),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "Missing or invalid API key", body = ErrorBody),
        (status = 403, description = "The key's role may not detect", body = ErrorBody),
        (status = 413, description = "Body or batch over the limit", body = ErrorBody),
    ),
    security(("api_key" = []))
)]
pub(crate) async fn detect(
    State(state): State<AppState>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let map = super::object(body.value, "{\"id\", \"text\"} or {\"items\": [...]}")?;
    let input = one_or_batch(map, "items", state.limits().batch_items, text_item)?;
    let cost = text_bytes(&input);
    let (n, rejected) = (input.len(), input.rejected());
    let engine = state.engine().clone();
    let (response, counts) = state
        .work()
        .run(cost, move || {
            with_scratch(|scratch| {
                let mut counts = EntityCounts::default();
                let mut one = |item: TextItem| {
                    let mut entities = Vec::new();
                    engine
                        .detector()
                        .detect_into(&item.text, scratch, &mut entities);
                    for f in &entities {
                        counts.add(f.entity);
                    }
                    Detected {
                        id: item.id,
                        entities,
                    }
                };
                let response = match input {
                    Input::One(item) => DetectResponseOut::One(one(item)),
                    Input::Batch(items) => DetectResponseOut::Batch(Batch {
                        items: items
                            .into_iter()
                            .enumerate()
                            .map(|(index, item)| match item {
                                Ok(item) => ItemResult::Ok(one(item)),
                                Err(error) => ItemResult::Err(ItemError { index, error }),
                            })
                            .collect(),
                    }),
                };
                (response, counts)
            })
        })
        .await?;
    let metrics = state.metrics();
    metrics.count_items(ROUTE, n);
    metrics.count_findings(&counts);
    if rejected > 0 {
        metrics.reject("bad_item", rejected);
    }
    Ok(Json(response).into_response())
}

#[derive(Serialize)]
#[serde(untagged)]
enum DetectResponseOut {
    One(Detected),
    Batch(Batch<Detected>),
}

/// The bytes of text a request carries, to decide where it runs.
pub(crate) fn text_bytes(input: &Input<TextItem>) -> usize {
    match input {
        Input::One(item) => item.text.len(),
        Input::Batch(items) => items
            .iter()
            .map(|i| i.as_ref().map_or(0, |i| i.text.len()))
            .sum(),
    }
}
