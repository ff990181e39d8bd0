//! `POST /v1/streams/{room}/messages`: a live room's chat line or event in,
//! the clean message and what was done out.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use custos_anonymize::{FieldDecision, TextFieldFindings};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::{docs, JsonBody};
use crate::auth::{self, Access};
use crate::engine::{with_scratch, ViewKey};
use crate::error::{ApiError, ErrorBody};
use crate::metrics::EntityCounts;
use crate::state::AppState;

pub(crate) const ROUTE: &str = "/v1/streams/{room}/messages";

/// The longest room name.
const MAX_ROOM: usize = 128;

pub(crate) fn router(state: &AppState) -> Router<AppState> {
    Router::new()
        .route(ROUTE, post(message))
        .route_layer(from_fn_with_state(
            (state.clone(), Access::Ingest),
            auth::require,
        ))
}

/// Who sees the room's messages; the room's public chat by default.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct StreamView {
    /// A purpose declared in the policy (default `live_chat_display`).
    purpose: Option<String>,
    /// An audience declared in the policy (default `public_chat`).
    audience: Option<String>,
    /// The data subject's region, e.g. `CN` or `EU`.
    region: Option<String>,
}

/// A chat line or event of a live room.
#[allow(dead_code)] // documents a request or response shape for OpenAPI
#[derive(Debug, Deserialize, ToSchema)]
pub(crate) struct StreamMessage {
    /// The message id (kept as it is; subscribers dedupe by it).
    pub(crate) id: String,
    /// `chat` (default), `comment`, `order`, `event`…; kept as it is.
    pub(crate) kind: Option<String>,
    /// The chat text, for a chat line.
    pub(crate) text: Option<String>,
    /// Any other fields (`user`, `ts`, `order`…), masked by their path or by
    /// detection like a record's.
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub(crate) fields: serde_json::Map<String, Value>,
}

/// The clean message and what was done to it.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CleanMessage {
    /// The room.
    pub(crate) room: String,
    /// The message id.
    pub(crate) id: String,
    /// The message kind.
    pub(crate) kind: String,
    /// The message as it may be shown: id and kind unchanged, the rest masked.
    #[schema(value_type = Object)]
    pub(crate) message: Value,
    /// Whether anything was changed.
    pub(crate) changed: bool,
    /// Fields decided by their path.
    #[schema(value_type = Vec<docs::FieldDecision>)]
    pub(crate) fields: Vec<FieldDecision>,
    /// Findings in free-text fields (`text` among them).
    #[schema(value_type = Vec<docs::TextFieldFindings>)]
    pub(crate) text_fields: Vec<TextFieldFindings>,
}

/// Checks a room name: it becomes part of a NATS subject, so letters, digits,
/// `_` and `-` only.
pub(crate) fn check_room(room: &str) -> Result<(), ApiError> {
    let ok = !room.is_empty()
        && room.len() <= MAX_ROOM
        && room
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_request(format!(
            "room names are 1 to {MAX_ROOM} letters, digits, '_' or '-'"
        )))
    }
}

/// Clean one message of a live room.
///
/// The message is masked like a record under the room's view (public chat by
/// default): `text` and other free-text fields through detection, fields the
/// policy names by path by their category. `id` and `kind` pass unchanged.
#[utoipa::path(
    post,
    path = "/v1/streams/{room}/messages",
    tag = "streams",
    params(("room" = String, Path, description = "The live room: letters, digits, '_' or '-'"), StreamView),
    request_body = StreamMessage,
    responses(
        (status = 200, description = "The clean message", body = CleanMessage),
        (status = 400, description = "Malformed message or room", body = ErrorBody),
        (status = 401, description = "Missing or invalid API key", body = ErrorBody),
        (status = 403, description = "The key's role may not send messages", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 422, description = "The message cannot be masked", body = ErrorBody),
    ),
    security(("api_key" = []))
)]
pub(crate) async fn message(
    State(state): State<AppState>,
    Path(room): Path<String>,
    Query(view): Query<StreamView>,
    body: JsonBody,
) -> Result<Response, ApiError> {
    check_room(&room)?;
    let default = custos_anonymize::View::PUBLIC_CHAT;
    let view = ViewKey {
        purpose: view.purpose.unwrap_or_else(|| default.purpose.to_owned()),
        audience: view.audience.unwrap_or_else(|| default.audience.to_owned()),
        region: view.region,
    };
    let clean = clean_message(&state, room, &view, body.value, body.bytes).await?;
    Ok(Json(clean).into_response())
}

/// Cleans one message of a live room under `view`: the one code path of
/// `POST /v1/streams/{room}/messages` and of the NATS stream worker
/// ([`crate::worker`]). `bytes` is the message's size, which decides whether
/// it is masked inline or on the work pool. `room` must have passed
/// [`check_room`].
pub(crate) async fn clean_message(
    state: &AppState,
    room: String,
    view: &ViewKey,
    value: Value,
    bytes: usize,
) -> Result<CleanMessage, ApiError> {
    let mut map = super::object(value, "a message object with a string \"id\"")?;
    let id = match map.remove("id") {
        Some(Value::String(id)) => id,
        Some(_) => return Err(ApiError::bad_request("field \"id\" must be a string")),
        None => return Err(ApiError::bad_request("missing field \"id\" (a string)")),
    };
    let kind = match map.remove("kind") {
        Some(Value::String(kind)) => kind,
        None | Some(Value::Null) => "chat".to_owned(),
        Some(_) => return Err(ApiError::bad_request("field \"kind\" must be a string")),
    };
    if kind == "chat" && !matches!(map.get("text"), Some(Value::String(_))) {
        return Err(ApiError::bad_request(
            "a chat message needs a string field \"text\"",
        ));
    }
    let masker = state.maskers().get(view)?;
    let masked = state
        .work()
        .run(bytes, move || {
            with_scratch(|scratch| masker.masker().mask_record(Value::Object(map), scratch))
        })
        .await?;
    let metrics = state.metrics();
    metrics.count_items(ROUTE, 1);
    let masked = masked.map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "cannot_mask",
            format!("cannot mask this message: {e}"),
        )
    })?;
    let mut counts = EntityCounts::default();
    for field in &masked.text_fields {
        for span in &field.entities {
            counts.add(span.entity);
        }
    }
    metrics.count_findings(&counts);
    let changed = masked.fields.iter().any(|f| f.operator != "keep")
        || masked
            .text_fields
            .iter()
            .any(|t| t.entities.iter().any(|e| e.operator != "keep"));
    let mut message = match masked.record {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    message.insert("id".to_owned(), Value::String(id.clone()));
    message.insert("kind".to_owned(), Value::String(kind.clone()));
    Ok(CleanMessage {
        room,
        id,
        kind,
        message: Value::Object(message),
        changed,
        fields: masked.fields,
        text_fields: masked.text_fields,
    })
}

#[cfg(test)]
mod tests {
    use super::check_room;

    #[test]
    fn room_names() {
        assert!(check_room("room-42_a").is_ok());
        for bad in ["", "a.b", "a b", "*", ">", &"x".repeat(129), "房间"] {
            assert!(check_room(bad).is_err(), "{bad:?}");
        }
    }
}
