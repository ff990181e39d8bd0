//! The OpenAPI document, generated from the handlers' annotations.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::routes::{detect, health, mask, policy, records, streams};

struct BearerKey;

impl Modify for BearerKey {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        if let Some(components) = openapi.components.as_mut() {
            components.add_security_scheme(
                "api_key",
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some(
                            "An API key from `custos keys create --role ROLE`, sent as \
                             `Authorization: Bearer <key>`",
                        ))
                        .build(),
                ),
            );
        }
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Custos",
        description = "Detection and policy-driven masking of personal information in live-commerce traffic."
    ),
    paths(
        detect::detect,
        mask::mask,
        records::mask_records,
        streams::message,
        policy::show,
        policy::explain,
        health::healthz,
        health::readyz,
        health::metrics,
        health::openapi,
    ),
    modifiers(&BearerKey)
)]
struct ApiDoc;

/// The OpenAPI document of every route.
pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
