//! Every route through the router, without a socket.

use std::sync::{Arc, Mutex};

use axum::http::StatusCode;
use serde_json::{json, Value};

use crate::util::*;

const CHAT: &str = r#"{"id":"c1","text":"加我V信 abc_12345 或打 13812345678"}"#;

/// Every /v1 route with a body the route accepts.
fn routes() -> Vec<(&'static str, &'static str, Option<&'static str>)> {
    vec![
        ("POST", "/v1/detect", Some(CHAT)),
        ("POST", "/v1/mask", Some(CHAT)),
        (
            "POST",
            "/v1/records/mask",
            Some(r#"{"record":{"order":{"receiver":{"phone":"13812345678"}}}}"#),
        ),
        (
            "POST",
            "/v1/streams/room-1/messages",
            Some(r#"{"id":"m1","text":"call 13812345678"}"#),
        ),
        ("GET", "/v1/policy", None),
        (
            "POST",
            "/v1/policy/explain",
            Some(
                r#"{"entity":"PHONE_NUMBER","purpose":"live_chat_display","audience":"public_chat"}"#,
            ),
        ),
    ]
}

#[tokio::test]
async fn every_route_checks_key_and_role() {
    let state = state();
    for (method, path, body) in routes() {
        let policy = path.starts_with("/v1/policy");
        let masking = path.contains("mask");
        for (key, expected) in [
            (None, StatusCode::UNAUTHORIZED),
            (Some("ck_wrong"), StatusCode::UNAUTHORIZED),
            (Some(REVOKED), StatusCode::UNAUTHORIZED),
            (Some(ADMIN), StatusCode::OK),
            (
                Some(INGEST),
                if policy {
                    StatusCode::FORBIDDEN
                } else {
                    StatusCode::OK
                },
            ),
            (
                Some(DPO),
                if policy {
                    StatusCode::OK
                } else {
                    StatusCode::FORBIDDEN
                },
            ),
            // an analyst may mask, but only for analytics (403 here for the chat view)
            (Some(ANALYST), StatusCode::FORBIDDEN),
        ] {
            let (status, got) = send(&state, method, path, key, body).await;
            assert_eq!(status, expected, "{method} {path} key {key:?}: {got}");
            if status != StatusCode::OK {
                let message = error(&got);
                assert!(!message.is_empty(), "{method} {path}: {got}");
                if status == StatusCode::UNAUTHORIZED {
                    assert!(
                        message.contains("Bearer") || message.contains("custos keys create"),
                        "{message}"
                    );
                }
                if status == StatusCode::FORBIDDEN && !(masking && key == Some(ANALYST)) {
                    assert!(message.contains("may not call this route"), "{message}");
                }
            }
        }
    }
}

#[tokio::test]
async fn analyst_masks_for_analytics_only() {
    let state = state();
    let body = r#"{"purpose":"analytics","audience":"analyst","id":"a","text":"电话13812345678"}"#;
    let (status, got) = post(&state, "/v1/mask", Some(ANALYST), body).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["entities"][0]["operator"], "pseudonymize", "{got}");
    assert!(!got["text"].as_str().unwrap().contains("13812345678"));
    let (status, got) = post(&state, "/v1/mask", Some(ANALYST), CHAT).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(error(&got).contains("analytics"), "{got}");
}

#[tokio::test]
async fn open_routes_need_no_key() {
    let state = state();
    for path in ["/healthz", "/readyz", "/metrics", "/openapi.json"] {
        let (status, _) = send(&state, "GET", path, None, None).await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    let (status, got) = send(&state, "GET", "/nope", None, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error(&got).contains("openapi.json"));
}

#[tokio::test]
async fn insecure_no_auth_opens_v1_and_no_authenticator_refuses_to_start() {
    let mut config = config();
    config.insecure_no_auth = true;
    let open = custos_server::AppState::new(engine(), &config, None).unwrap();
    assert!(!open.checks_keys());
    let (status, _) = post(&open, "/v1/detect", None, CHAT).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = send(&open, "GET", "/v1/policy", None, None).await;
    assert_eq!(status, StatusCode::OK);

    config.insecure_no_auth = false;
    let err = custos_server::AppState::new(engine(), &config, None).unwrap_err();
    assert!(
        err.to_string().contains("custos keys create --role admin"),
        "{err}"
    );
}

#[tokio::test]
async fn detect_one_and_batch_in_the_shape_of_the_command() {
    let state = state();
    let (status, got) = post(&state, "/v1/detect", Some(INGEST), CHAT).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["id"], "c1");
    let types: Vec<&str> = got["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert!(types.contains(&"PHONE_NUMBER"), "{got}");
    let phone = got["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "PHONE_NUMBER")
        .unwrap();
    // code point offsets of the original text
    let text: Vec<char> = "加我V信 abc_12345 或打 13812345678".chars().collect();
    let (s, e) = (
        phone["start"].as_u64().unwrap() as usize,
        phone["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "13812345678");
    assert!(phone["explanation"]["recognizer"].is_string());

    let batch = r#"{"items":[{"id":"1","text":"no pii here"},{"id":2,"text":"x"},{"id":"3","text":"mail a@example.com"}]}"#;
    let (status, got) = post(&state, "/v1/detect", Some(INGEST), batch).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    let items = got["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["entities"], json!([]));
    assert_eq!(items[1]["index"], 1);
    assert!(items[1]["error"].as_str().unwrap().contains("\"id\""));
    assert_eq!(items[2]["entities"][0]["type"], "EMAIL_ADDRESS");
}

#[tokio::test]
async fn mask_one_and_batch_with_views() {
    let state = state();
    let (status, got) = post(&state, "/v1/mask", Some(INGEST), CHAT).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    let text = got["text"].as_str().unwrap();
    assert!(text.contains("<PHONE_NUMBER>"), "{text}");
    assert!(!text.contains("13812345678"));
    let span = &got["entities"].as_array().unwrap()[1];
    assert_eq!(span["operator"], "replace");
    assert_eq!(span["rule"], "chat-contact");
    assert!(span["original_start"].is_u64());

    // the courier sees the phone number
    let body = r#"{"purpose":"order_fulfillment","audience":"courier","items":[{"id":"o1","text":"收件人电话 13812345678"}]}"#;
    let (status, got) = post(&state, "/v1/mask", Some(INGEST), body).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert!(got["items"][0]["text"]
        .as_str()
        .unwrap()
        .contains("13812345678"));

    // tokenize/pseudonymize without a tenant key: refused with what to do
    let mut config = config();
    config.insecure_no_auth = true;
    let engine =
        Arc::new(custos_server::Engine::from_config(&config, None).expect("engine without keys"));
    let keyless = custos_server::AppState::new(engine, &config, None).unwrap();
    let body = r#"{"purpose":"analytics","audience":"analyst","id":"a","text":"13812345678"}"#;
    let (status, got) = post(&keyless, "/v1/mask", None, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{got}");
    assert!(error(&got).contains("CUSTOS_KEY"), "{got}");
}

#[tokio::test]
async fn records_one_and_batch() {
    let state = state();
    let body = r#"{"purpose":"order_fulfillment","audience":"merchant","record":{"order":{"receiver":{"name":"张伟","phone":"13812345678"}},"note":"mail me at a@example.com"}}"#;
    let (status, got) = post(&state, "/v1/records/mask", Some(INGEST), body).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(
        got["record"]["order"]["receiver"]["phone"], "138****5678",
        "{got}"
    );
    assert!(got["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "order.receiver.phone" && f["operator"] == "mask"));
    assert_eq!(got["text_fields"][0]["path"], "note");

    let body = r#"{"records":[{"phone":"13812345678"},"not a record"]}"#;
    let (status, got) = post(&state, "/v1/records/mask", Some(INGEST), body).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert!(got["items"][0]["record"].is_object());
    assert_eq!(got["items"][1]["index"], 1);

    let (status, got) = post(
        &state,
        "/v1/records/mask",
        Some(INGEST),
        r#"{"record":[1]}"#,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&got).contains("object"));
    let (status, got) = post(
        &state,
        "/v1/records/mask",
        Some(INGEST),
        r#"{"purpose":"analytics"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error(&got).contains("\"record\""));
}

#[tokio::test]
async fn stream_message_comes_back_clean() {
    let state = state();
    let body = r#"{"id":"m-7","kind":"chat","text":"主播 加我微信 wxid_abc123 电话13812345678","user":{"nick":"小红","ip":"10.1.2.3"},"ts":1732000000}"#;
    let (status, got) = post(&state, "/v1/streams/room_42/messages", Some(INGEST), body).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["room"], "room_42");
    assert_eq!(got["id"], "m-7");
    assert_eq!(got["message"]["id"], "m-7");
    assert_eq!(got["message"]["kind"], "chat");
    assert_eq!(got["message"]["ts"], 1732000000);
    assert_eq!(got["changed"], true);
    let text = got["message"]["text"].as_str().unwrap();
    assert!(
        !text.contains("13812345678") && !text.contains("wxid_abc123"),
        "{text}"
    );
    assert!(got["text_fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t["path"] == "text"));
    assert_ne!(got["message"]["user"]["ip"], "10.1.2.3", "{got}");

    let (status, got) = post(
        &state,
        "/v1/streams/room_42/messages",
        Some(INGEST),
        r#"{"id":"m-8","text":"好看!"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["changed"], false);
    assert_eq!(got["kind"], "chat");

    for (path, body, needle) in [
        (
            "/v1/streams/a.b/messages",
            r#"{"id":"m","text":"x"}"#,
            "room names",
        ),
        ("/v1/streams/r/messages", r#"{"text":"x"}"#, "\"id\""),
        ("/v1/streams/r/messages", r#"{"id":"m"}"#, "\"text\""),
        (
            "/v1/streams/r/messages",
            r#"{"id":"m","kind":3,"text":"x"}"#,
            "\"kind\"",
        ),
    ] {
        let (status, got) = post(&state, path, Some(INGEST), body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {body}");
        assert!(error(&got).contains(needle), "{got}");
    }
}

#[tokio::test]
async fn policy_and_explain() {
    let state = state();
    let (status, got) = send(&state, "GET", "/v1/policy", Some(DPO), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["origin"], "default");
    assert_eq!(got["source"], custos_policy::DEFAULT_POLICY);

    let body =
        r#"{"entity":"PHONE_NUMBER","purpose":"live_chat_display","audience":"public_chat"}"#;
    let (status, got) = post(&state, "/v1/policy/explain", Some(DPO), body).await;
    assert_eq!(status, StatusCode::OK, "{got}");
    assert_eq!(got["category"], "user.contact.phone");
    assert_eq!(got["rule"], "chat-contact");
    assert_eq!(got["basis"], "most_specific");
    assert!(got["considered"].as_array().unwrap().len() > 3);
    assert!(got["text"].as_str().unwrap().contains("rules considered"));

    let body = r#"{"category":"user.nope","purpose":"live_chat_display","audience":"public_chat"}"#;
    let (_, got) = post(&state, "/v1/policy/explain", Some(DPO), body).await;
    assert_eq!(got["basis"], "fail_safe");
    assert!(got["rule"].is_null());

    for body in [
        r#"{"purpose":"p","audience":"a"}"#,
        r#"{"entity":"NOPE","purpose":"p","audience":"a"}"#,
        r#"{"category":"c","purpose":"p"}"#,
    ] {
        let (status, got) = post(&state, "/v1/policy/explain", Some(DPO), body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}: {got}");
        assert!(!error(&got).is_empty());
    }
}

#[tokio::test]
async fn bad_bodies_get_400_with_a_reason() {
    let state = state();
    for (path, body, needle) in [
        ("/v1/detect", "{not json", "not valid JSON"),
        ("/v1/detect", "", "empty"),
        ("/v1/detect", "[1,2]", "not an object"),
        ("/v1/detect", r#"{"id":"1"}"#, "\"text\""),
        ("/v1/detect", r#"{"id":"1","text":5}"#, "must be a string"),
        ("/v1/detect", r#"{"items":{"id":"1"}}"#, "must be an array"),
        (
            "/v1/mask",
            r#"{"purpose":7,"id":"1","text":"x"}"#,
            "\"purpose\"",
        ),
        ("/v1/mask", "\"text\"", "not an object"),
    ] {
        let (status, got) = post(&state, path, Some(ADMIN), body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {body}: {got}");
        assert_eq!(got["code"], "bad_request");
        assert!(error(&got).contains(needle), "{path} {body}: {got}");
    }
}

#[tokio::test]
async fn oversized_body_and_batch_get_413() {
    let state = state();
    let big = format!(r#"{{"id":"1","text":"{}"}}"#, "a".repeat(70 * 1024));
    for path in [
        "/v1/detect",
        "/v1/mask",
        "/v1/records/mask",
        "/v1/streams/r/messages",
    ] {
        let (status, got) = post(&state, path, Some(ADMIN), &big).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        assert_eq!(got["code"], "body_too_large");
        assert!(error(&got).contains("65536"), "{got}");
    }
    let items: Vec<Value> = (0..11)
        .map(|i| json!({"id": i.to_string(), "text": "hi"}))
        .collect();
    let batch = json!({ "items": items }).to_string();
    for path in ["/v1/detect", "/v1/mask"] {
        let (status, got) = post(&state, path, Some(ADMIN), &batch).await;
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{path}");
        assert_eq!(got["code"], "batch_too_large");
        assert!(
            error(&got).contains("11 items") && error(&got).contains("10"),
            "{got}"
        );
    }
    let records: Vec<Value> = (0..11).map(|_| json!({"a": 1})).collect();
    let (status, got) = post(
        &state,
        "/v1/records/mask",
        Some(ADMIN),
        &json!({ "records": records }).to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(got["code"], "batch_too_large");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_requests_time_out_with_a_json_error() {
    let mut config = config();
    config.request_timeout_ms = 1;
    config.body_limit_bytes = 4 << 20;
    config.batch_limit = 2000;
    let state = state_with(&config);
    let line = "我的电话是 13812345678，地址是北京市朝阳区建国路88号。".repeat(20);
    let items: Vec<Value> = (0..2000)
        .map(|i| json!({"id": i.to_string(), "text": line}))
        .collect();
    let (status, got) = post(
        &state,
        "/v1/mask",
        Some(ADMIN),
        &json!({ "items": items }).to_string(),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{got}");
    assert_eq!(got["code"], "timeout");
}

fn metric(text: &str, prefix: &str) -> f64 {
    text.lines()
        .filter(|l| l.starts_with(prefix))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[tokio::test]
async fn metrics_change_after_traffic() {
    let state = state();
    let (_, before) = send(&state, "GET", "/metrics", None, None).await;
    let before = before.as_str().unwrap().to_owned();
    assert_eq!(
        metric(&before, "custos_findings_total{entity=\"PHONE_NUMBER\"}"),
        0.0
    );
    post(&state, "/v1/mask", Some(INGEST), CHAT).await;
    post(&state, "/v1/mask", Some(INGEST), CHAT).await;
    post(&state, "/v1/mask", None, CHAT).await;
    post(&state, "/v1/detect", Some(INGEST), "{bad").await;
    let (_, after) = send(&state, "GET", "/metrics", None, None).await;
    let after = after.as_str().unwrap();
    assert_eq!(
        metric(
            after,
            "custos_http_requests_total{route=\"/v1/mask\",method=\"POST\",status=\"200\"}"
        ),
        2.0,
        "{after}"
    );
    assert_eq!(
        metric(
            after,
            "custos_http_requests_total{route=\"/v1/mask\",method=\"POST\",status=\"401\"}"
        ),
        1.0
    );
    assert_eq!(
        metric(after, "custos_findings_total{entity=\"PHONE_NUMBER\"}"),
        2.0
    );
    assert_eq!(
        metric(
            after,
            "custos_rejected_inputs_total{reason=\"unauthorized\"}"
        ),
        1.0
    );
    assert_eq!(
        metric(
            after,
            "custos_rejected_inputs_total{reason=\"bad_request\"}"
        ),
        1.0
    );
    assert_eq!(metric(after, "custos_items_total{route=\"/v1/mask\"}"), 2.0);
    assert_eq!(
        metric(
            after,
            "custos_http_request_duration_seconds_count{route=\"/v1/mask\"}"
        ),
        3.0
    );
}

#[tokio::test]
async fn openapi_lists_every_route() {
    let state = state();
    let (status, doc) = send(&state, "GET", "/openapi.json", None, None).await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in [
        ("post", "/v1/detect"),
        ("post", "/v1/mask"),
        ("post", "/v1/records/mask"),
        ("post", "/v1/streams/{room}/messages"),
        ("get", "/v1/policy"),
        ("post", "/v1/policy/explain"),
        ("get", "/healthz"),
        ("get", "/readyz"),
        ("get", "/metrics"),
        ("get", "/openapi.json"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path} missing");
    }
    assert_eq!(paths.len(), 10);
    assert!(doc["components"]["securitySchemes"]["api_key"].is_object());
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}

/// A writer that collects what the log subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

/// The logs of this test binary, from a global subscriber installed once (a
/// thread-local one misses events whose callsites other test threads cached
/// as disabled). Every test's logs land here, so all are checked.
fn captured_logs() -> &'static Captured {
    static LOGS: std::sync::OnceLock<Captured> = std::sync::OnceLock::new();
    LOGS.get_or_init(|| {
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("one global subscriber");
        captured
    })
}

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_hold_no_input_text() {
    let captured = captured_logs();
    let state = state();
    let secret = "13987654321 王秘密 secretmarker@example.com";
    let text = json!({"id": "s1", "text": secret}).to_string();
    post(&state, "/v1/detect", Some(INGEST), &text).await;
    post(&state, "/v1/mask", Some(INGEST), &text).await;
    post(&state, "/v1/mask", Some("ck_wrong_13987654321"), &text).await;
    post(&state, "/v1/streams/r/messages", Some(INGEST), &text).await;
    post(
        &state,
        "/v1/records/mask",
        Some(INGEST),
        &json!({"record": {"phone": secret}}).to_string(),
    )
    .await;
    post(
        &state,
        "/v1/detect",
        Some(INGEST),
        &format!("{{\"id\":\"{secret}\""),
    )
    .await;
    post(
        &state,
        "/v1/detect",
        Some(INGEST),
        &json!({"id": 1, "text": secret}).to_string(),
    )
    .await;
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("custos::access"), "no access log: {logs}");
    assert!(logs.contains("k_ingest"), "the key id is logged: {logs}");
    for needle in [
        "13987654321",
        "王秘密",
        "secretmarker",
        "ck_ingest_secret",
        "ck_wrong",
    ] {
        assert!(!logs.contains(needle), "{needle} in the logs:\n{logs}");
    }
}
