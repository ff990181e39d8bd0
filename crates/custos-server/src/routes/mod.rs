//! One module per area, each returning its `Router`; shared request parsing.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::state::AppState;

pub(crate) mod detect;
pub(crate) mod health;
pub(crate) mod mask;
pub(crate) mod policy;
pub(crate) mod records;
pub(crate) mod streams;

/// A JSON request body: parsed into a value, with its size. Malformed JSON is a
/// 400 with the parser's reason, an oversized body a 413, both in the API's
/// error shape.
pub(crate) struct JsonBody {
    pub(crate) value: Value,
    pub(crate) bytes: usize,
}

impl FromRequest<AppState> for JsonBody {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ApiError> {
        let bytes = Bytes::from_request(request, state).await.map_err(|e| {
            if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::body_too_large(state.limits().body_bytes)
            } else {
                ApiError::bad_request(format!("cannot read the request body: {e}"))
            }
        })?;
        if bytes.is_empty() {
            return Err(ApiError::bad_request(
                "the request body is empty; send a JSON object",
            ));
        }
        let value = serde_json::from_slice(&bytes).map_err(|e| {
            ApiError::bad_request(format!("the request body is not valid JSON: {e}"))
        })?;
        Ok(JsonBody {
            value,
            bytes: bytes.len(),
        })
    }
}

/// The body as a JSON object.
pub(crate) fn object(value: Value, expected: &str) -> Result<Map<String, Value>, ApiError> {
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(ApiError::bad_request(format!(
            "the request body is JSON but not an object; expected {expected}"
        ))),
    }
}

/// One text or a batch of them, with per-item errors in place.
pub(crate) enum Input<T> {
    One(T),
    Batch(Vec<Result<T, String>>),
}

impl<T> Input<T> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Input::One(_) => 1,
            Input::Batch(items) => items.len(),
        }
    }

    pub(crate) fn rejected(&self) -> usize {
        match self {
            Input::One(_) => 0,
            Input::Batch(items) => items.iter().filter(|i| i.is_err()).count(),
        }
    }
}

/// Splits a body into one item or a batch under `batch_key`: the single form is
/// the object itself; a batch is `{batch_key: [...]}` of at most `limit` items.
/// A bad single item is a 400; a bad batch item an error in its place.
pub(crate) fn one_or_batch<T>(
    mut body: Map<String, Value>,
    batch_key: &str,
    limit: usize,
    parse: impl Fn(Value) -> Result<T, String>,
) -> Result<Input<T>, ApiError> {
    match body.remove(batch_key) {
        Some(Value::Array(items)) => {
            if items.len() > limit {
                return Err(ApiError::batch_too_large(items.len(), limit));
            }
            Ok(Input::Batch(items.into_iter().map(parse).collect()))
        }
        Some(_) => Err(ApiError::bad_request(format!(
            "\"{batch_key}\" must be an array"
        ))),
        None => parse(Value::Object(body))
            .map(Input::One)
            .map_err(ApiError::bad_request),
    }
}

/// One text to detect or mask.
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct TextItem {
    /// The caller's id for the text, returned with its result.
    pub(crate) id: String,
    /// The text.
    pub(crate) text: String,
}

/// Parses `{"id": string, "text": string}` with the messages of `custos detect`.
pub(crate) fn text_item(value: Value) -> Result<TextItem, String> {
    let Value::Object(mut map) = value else {
        return Err("item is not an object; expected {\"id\": ..., \"text\": ...}".to_owned());
    };
    let mut take = |name: &str| match map.remove(name) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("field \"{name}\" must be a string")),
        None => Err(format!("missing field \"{name}\" (a string)")),
    };
    let id = take("id")?;
    let text = take("text")?;
    Ok(TextItem { id, text })
}

/// A batch item that could not be processed, in its place.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ItemError {
    /// The item's 0-based index in the batch.
    pub(crate) index: usize,
    /// Why it was refused.
    pub(crate) error: String,
}

/// One result of a batch: the item's result or its error.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum ItemResult<T> {
    Ok(T),
    Err(ItemError),
}

/// A batch's results, in input order.
#[derive(Debug, Serialize)]
pub(crate) struct Batch<T> {
    pub(crate) items: Vec<ItemResult<T>>,
}

/// The view of a masking request: `purpose`, `audience`, `region` strings.
pub(crate) fn take_view(body: &mut Map<String, Value>) -> Result<crate::engine::ViewKey, ApiError> {
    let mut take = |name: &str| match body.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::bad_request(format!(
            "\"{name}\" must be a string"
        ))),
    };
    let purpose = take("purpose")?;
    let audience = take("audience")?;
    let region = take("region")?;
    let view = custos_anonymize::View::PUBLIC_CHAT;
    Ok(crate::engine::ViewKey {
        purpose: purpose.unwrap_or_else(|| view.purpose.to_owned()),
        audience: audience.unwrap_or_else(|| view.audience.to_owned()),
        region,
    })
}

/// Schemas that only document shapes the handlers build by hand.
pub(crate) mod docs {
    use serde::Serialize;
    use utoipa::ToSchema;

    /// A finding, as `custos detect` writes it.
    #[derive(Debug, Serialize, ToSchema)]
    pub(crate) struct Finding {
        /// Entity type, e.g. `PHONE_NUMBER`.
        #[serde(rename = "type")]
        pub(crate) entity: String,
        /// Start in the original text, in Unicode code points.
        pub(crate) start: usize,
        /// End (exclusive), in code points.
        pub(crate) end: usize,
        /// Confidence from 0 to 1.
        pub(crate) score: f32,
        /// Which recognizer, pattern, validator and context words; never the text.
        #[schema(value_type = Object)]
        pub(crate) explanation: serde_json::Value,
    }

    /// A finding after its operator ran, as `custos mask` writes it.
    #[derive(Debug, Serialize, ToSchema)]
    pub(crate) struct AppliedSpan {
        /// Entity type.
        #[serde(rename = "type")]
        pub(crate) entity: String,
        /// Start in the masked text (code points).
        pub(crate) start: usize,
        /// End in the masked text (code points, exclusive).
        pub(crate) end: usize,
        /// Start in the original text.
        pub(crate) original_start: usize,
        /// End in the original text.
        pub(crate) original_end: usize,
        /// The operator applied: keep, mask, replace, redact, pseudonymize, tokenize, generalize.
        pub(crate) operator: String,
        /// The policy rule that decided.
        pub(crate) rule: String,
        /// The tenant key used by tokenize or pseudonymize.
        pub(crate) key: Option<String>,
        /// The operator asked for, when another had to stand in.
        pub(crate) fallback_from: Option<String>,
    }

    /// A record field decided by its path.
    #[derive(Debug, Serialize, ToSchema)]
    pub(crate) struct FieldDecision {
        /// Dotted path, e.g. `order.receiver.phone`.
        pub(crate) path: String,
        /// The policy category.
        pub(crate) category: String,
        /// The operator applied.
        pub(crate) operator: String,
        /// The rule that decided.
        pub(crate) rule: String,
        /// The operator asked for, when another had to stand in.
        pub(crate) fallback_from: Option<String>,
    }

    /// Findings masked in one free-text field of a record.
    #[derive(Debug, Serialize, ToSchema)]
    pub(crate) struct TextFieldFindings {
        /// Dotted path of the field.
        pub(crate) path: String,
        /// What was applied, offsets in the masked value.
        pub(crate) entities: Vec<AppliedSpan>,
    }

    /// A record after masking, as `custos mask --records` writes it.
    #[derive(Debug, Serialize, ToSchema)]
    pub(crate) struct MaskedRecord {
        /// The masked record; dropped fields are gone.
        #[schema(value_type = Object)]
        pub(crate) record: serde_json::Value,
        /// Fields decided by their path.
        pub(crate) fields: Vec<FieldDecision>,
        /// Findings in free-text fields.
        pub(crate) text_fields: Vec<TextFieldFindings>,
    }
}
