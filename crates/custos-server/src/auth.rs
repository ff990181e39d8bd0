//! API keys and roles: which role may call which route.
//!
//! | route | roles |
//! | --- | --- |
//! | `POST /v1/detect`, `POST /v1/streams/{room}/messages` | ingest, admin |
//! | `POST /v1/mask`, `POST /v1/records/mask` | ingest, admin; analyst with purpose `analytics` only |
//! | `GET /v1/policy`, `POST /v1/policy/explain` | dpo, admin |
//!
//! A request without a valid key gets 401; a valid key whose role may not call
//! the route gets 403. Both carry `{"error": ...}` saying what to do.

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use custos_store::{AuthError, Principal, Role};

use crate::error::ApiError;
use crate::state::{AppState, Auth};

/// The purposes an analyst key may mask for.
pub const ANALYST_PURPOSES: &[&str] = &["analytics"];

/// What a route needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// Traffic in: detect, stream messages.
    Ingest,
    /// Masking: ingest, or analyst for analytics views.
    Mask,
    /// The policy: dpo.
    Policy,
}

impl Access {
    fn allows(self, role: Role) -> bool {
        matches!(
            (self, role),
            (_, Role::Admin)
                | (Access::Ingest, Role::Ingest)
                | (Access::Mask, Role::Ingest | Role::Analyst)
                | (Access::Policy, Role::Dpo)
        )
    }

    fn roles(self) -> &'static str {
        match self {
            Access::Ingest => "ingest or admin",
            Access::Mask => "ingest, analyst (purpose analytics) or admin",
            Access::Policy => "dpo or admin",
        }
    }
}

/// Who is calling: the principal, or nobody when keys are not checked.
#[derive(Clone, Debug)]
pub(crate) struct Caller(pub(crate) Option<Principal>);

impl Caller {
    /// Refuses an analyst's request for a view other than analytics.
    pub(crate) fn check_purpose(&self, purpose: &str) -> Result<(), ApiError> {
        match &self.0 {
            Some(p) if p.role == Role::Analyst && !ANALYST_PURPOSES.contains(&purpose) => {
                Err(ApiError::forbidden(format!(
                    "an analyst key may only mask for purpose {}; purpose {purpose:?} needs an \
                     ingest or admin key",
                    ANALYST_PURPOSES.join(", ")
                )))
            }
            _ => Ok(()),
        }
    }
}

/// The key id of the caller, kept on the response for the access log.
#[derive(Clone, Debug)]
pub(crate) struct KeyId(pub(crate) String);

/// The bearer token of `Authorization: Bearer <key>`.
fn bearer(request: &Request) -> Result<&str, ApiError> {
    let missing = || {
        ApiError::unauthorized(
            "missing API key; send `Authorization: Bearer <key>` \
             (an admin creates keys with `custos keys create --role ROLE`)",
        )
    };
    let value = request.headers().get(AUTHORIZATION).ok_or_else(missing)?;
    let value = value.to_str().map_err(|_| missing())?;
    let (scheme, token) = value.split_once(' ').ok_or_else(missing)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(missing());
    }
    Ok(token)
}

fn refused(err: AuthError) -> ApiError {
    match err {
        AuthError::Malformed => ApiError::unauthorized(
            "malformed API key; send the whole key as printed by `custos keys create`, \
             as `Authorization: Bearer <key>`",
        ),
        AuthError::Revoked => ApiError::unauthorized(
            "the API key was revoked; ask an admin for a new one (`custos keys create`)",
        ),
        AuthError::Unavailable(detail) => {
            tracing::error!(detail = %detail, "key store unavailable");
            ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "key_store_unavailable",
                "the API key store is unavailable; try again shortly",
            )
        }
        _ => ApiError::unauthorized(
            "invalid API key; check it, or ask an admin for a new one (`custos keys create`)",
        ),
    }
}

/// Middleware: authenticates the caller and checks the route's role.
pub(crate) async fn require(
    State((state, access)): State<(AppState, Access)>,
    mut request: Request,
    next: Next,
) -> Response {
    let principal = match state.auth() {
        Auth::Open => None,
        Auth::Keys(authenticator) => {
            let checked =
                bearer(&request).and_then(|key| authenticator.authenticate(key).map_err(refused));
            match checked {
                Ok(principal) => Some(principal),
                Err(e) => return e.into_response(),
            }
        }
    };
    let key_id = principal.as_ref().map(|p| KeyId(p.key_id.clone()));
    if let Some(p) = &principal {
        if !access.allows(p.role) {
            let mut response = ApiError::forbidden(format!(
                "a key with role {} may not call this route; it needs {}",
                p.role,
                access.roles()
            ))
            .into_response();
            if let Some(key_id) = key_id {
                response.extensions_mut().insert(key_id);
            }
            return response;
        }
    }
    request.extensions_mut().insert(Caller(principal));
    let mut response = next.run(request).await;
    if let Some(key_id) = key_id {
        response.extensions_mut().insert(key_id);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_table() {
        use Access::*;
        for (access, role, ok) in [
            (Ingest, Role::Ingest, true),
            (Ingest, Role::Analyst, false),
            (Ingest, Role::Dpo, false),
            (Ingest, Role::Admin, true),
            (Mask, Role::Ingest, true),
            (Mask, Role::Analyst, true),
            (Mask, Role::Dpo, false),
            (Mask, Role::Admin, true),
            (Policy, Role::Ingest, false),
            (Policy, Role::Analyst, false),
            (Policy, Role::Dpo, true),
            (Policy, Role::Admin, true),
        ] {
            assert_eq!(access.allows(role), ok, "{access:?} {role}");
        }
    }
}
