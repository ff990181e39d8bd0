//! Integration tests of the HTTP API: routes, roles, limits, metrics, OpenAPI,
//! logs, graceful shutdown.

mod util;

mod api;
mod server;
