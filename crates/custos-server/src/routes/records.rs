//! `POST /v1/records/mask`: JSON records masked field by field, as
//! `custos mask --records` writes them.

use axum::extract::State;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Extension, Json, Router};
use custos_anonymize::MaskedRecord;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::{docs, take_view, Batch, ItemError, ItemResult, JsonBody};
use crate::auth::{self, Access, Caller};
use crate::engine::with_scratch;
use crate::error::{ApiError, ErrorBody};
use crate::metrics::EntityCounts;
use crate::state::AppState;

pub(crate) const ROUTE: &str = "/v1/records/mask";

pub(crate) fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(ROUTE, post(mask_records))
        .route_layer(from_fn_with_state(
            (state.clone(), Access::Mask),
            auth::require,
        ))
}

/// One record or a batch, and the view to mask for.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct RecordsRequest {
    /// A purpose declared in the policy (default `live_chat_display`).
    pub(crate) purpose: Option<String>,
    /// An audience declared in the policy (default `public_chat`).
    pub(crate) audience: Option<String>,
    /// The data subject's region, e.g. `CN` or `EU`.
    pub(crate) region: Option<String>,
    /// One record (a JSON object).
    #[schema(value_type = Option<Object>)]
    pub(crate) record: Option<Value>,
    /// Or a batch of records.
    #[schema(value_type = Option<Vec<Object>>)]
    pub(crate) records: Option<Vec<Value>>,
}

/// One batch result: the masked record, or `{"index", "error"}`.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum MaskedRecordItem {
    /// Masked.
    Ok(docs::MaskedRecord),
    /// Refused.
    Err(ItemError),
}

/// Results of a batch, in input order.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RecordsBatchResponse {
    /// One result per record.
    pub(crate) items: Vec<MaskedRecordItem>,
}

/// One record's result, or a batch's.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum RecordsResponse {
    /// For one record.
    One(docs::MaskedRecord),
    /// For a batch.
    Batch(RecordsBatchResponse),
}

#[derive(Serialize)]
#[serde(untagged)]
enum RecordsOut {
    One(MaskedRecord),
    Batch(Batch<MaskedRecord>),
}

fn record(value: Value) -> Result<Value, String> {
    if value.is_object() {
        Ok(value)
    } else {
        Err("record is not a JSON object".to_owned())
    }
}

/// Mask JSON records by policy.
///
/// Fields whose dotted path the policy maps to a category get that category's
/// operator (`drop` removes them); other text fields go through detection.
/// Send `{"record": {...}}` or `{"records": [...]}`.
#[utoipa::path(
    post,
    path = "/v1/records/mask",
    tag = "mask",
    request_body = RecordsRequest,
    responses(
        (status = 200, description = "Masked records", body = RecordsResponse),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "Missing or invalid API key", body = ErrorBody),
        (status = 403, description = "The key's role may not mask for this purpose", body = ErrorBody),
        (status = 413, description = "Body or batch over the limit", body = ErrorBody),
        (status = 422, description = "The view's operators cannot run here, or the record cannot be masked", body = ErrorBody),
    ),
    security(("api_key" = []))
)]
pub(crate) async fn mask_records(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    let expected =
        "{\"record\": {...}} or {\"records\": [...]}, with \"purpose\", \"audience\", \"region\"";
    let mut map = super::object(body.value, expected)?;
    let view = take_view(&mut map)?;
    caller.check_purpose(&view.purpose)?;
    let limit = state.limits().batch_items;
    let input: Result<Value, Vec<Result<Value, String>>> =
        match (map.remove("record"), map.remove("records")) {
            (Some(one), None) => Ok(record(one).map_err(ApiError::bad_request)?),
            (None, Some(Value::Array(items))) => {
                if items.len() > limit {
                    return Err(ApiError::batch_too_large(items.len(), limit));
                }
                Err(items.into_iter().map(record).collect())
            }
            (None, Some(_)) => return Err(ApiError::bad_request("\"records\" must be an array")),
            _ => {
                return Err(ApiError::bad_request(format!(
                    "expected {expected}: exactly one of \"record\" and \"records\""
                )))
            }
        };
    let (n, rejected) = match &input {
        Ok(_) => (1, 0),
        Err(items) => (items.len(), items.iter().filter(|i| i.is_err()).count()),
    };
    let masker = state.maskers().get(&view)?;
    let (response, counts, unmasked) = state
        .work()
        .run(body.bytes, move || {
            with_scratch(|scratch| {
                let masker = masker.masker();
                let mut counts = EntityCounts::default();
                let mut one = |value: Value| {
                    masker.mask_record(value, scratch).inspect(|masked| {
                        for field in &masked.text_fields {
                            for span in &field.entities {
                                counts.add(span.entity);
                            }
                        }
                    })
                };
                let mut unmasked = 0;
                let response = match input {
                    Ok(value) => one(value).map(RecordsOut::One).map_err(|e| {
                        ApiError::new(
                            StatusCode::UNPROCESSABLE_ENTITY,
                            "cannot_mask",
                            format!("cannot mask this record: {e}"),
                        )
                    }),
                    Err(items) => Ok(RecordsOut::Batch(Batch {
                        items: items
                            .into_iter()
                            .enumerate()
                            .map(|(index, item)| match item.map(&mut one) {
                                Ok(Ok(masked)) => ItemResult::Ok(masked),
                                Ok(Err(e)) => {
                                    unmasked += 1;
                                    ItemResult::Err(ItemError {
                                        index,
                                        error: format!("cannot mask this record: {e}"),
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
