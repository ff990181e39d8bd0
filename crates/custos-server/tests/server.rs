//! A real server on 127.0.0.1:0: round trip, graceful shutdown, TLS errors.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::util::*;

/// One HTTP/1.1 request with `Connection: close`; returns the status and body.
async fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    key: Option<&str>,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr).await?;
    let auth = key
        .map(|k| format!("Authorization: Bearer {k}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response.split("\r\n\r\n").nth(1).unwrap_or("").to_owned();
    Ok((status, body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn round_trip_then_graceful_shutdown_finishes_in_flight() {
    let config = config();
    let state = state_with(&config);
    let server = custos_server::Server::bind(&config, state.clone()).unwrap();
    assert!(!server.is_tls());
    let addr = server.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let running = tokio::spawn(server.run(async {
        let _ = stopped.await;
    }));

    let (status, body) = http(addr, "GET", "/healthz", None, "").await.unwrap();
    assert_eq!((status, body.as_str()), (200, r#"{"status":"ok"}"#));
    let (status, body) = http(
        addr,
        "POST",
        "/v1/mask",
        Some(INGEST),
        r#"{"id":"1","text":"13812345678"}"#,
    )
    .await
    .unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("<PHONE_NUMBER>"));

    // a request whose key check takes 400 ms is in flight when shutdown begins
    let in_flight = tokio::spawn(http(
        addr,
        "POST",
        "/v1/mask",
        Some(SLOW),
        r#"{"id":"2","text":"13812345678"}"#,
    ));
    tokio::time::sleep(Duration::from_millis(100)).await;
    stop.send(()).unwrap();
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert!(!state.is_ready(), "readyz turns 503 while draining");

    let (status, body) = in_flight.await.unwrap().unwrap();
    assert_eq!(status, 200, "the in-flight request finished: {body}");
    assert!(body.contains("<PHONE_NUMBER>"));
    tokio::time::timeout(Duration::from_secs(5), running)
        .await
        .expect("the server stopped once idle")
        .unwrap()
        .unwrap();
    assert!(
        http(addr, "GET", "/healthz", None, "").await.is_err(),
        "no new connections"
    );
}

#[test]
fn tls_files_are_checked_at_bind() {
    let dir = std::env::temp_dir().join(format!("custos-server-tls-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cert = dir.join("cert.pem");
    let key = dir.join("key.pem");
    std::fs::write(&cert, "not a certificate\n").unwrap();
    std::fs::write(&key, "not a key\n").unwrap();
    let state = state();
    let mut config = config();
    config.tls_cert = Some(cert.clone());
    config.tls_key = Some(key);
    let err = custos_server::Server::bind(&config, state.clone()).unwrap_err();
    assert!(err.to_string().contains("cert.pem"), "{err}");
    config.tls_cert = Some(dir.join("missing.pem"));
    let err = custos_server::Server::bind(&config, state.clone()).unwrap_err();
    assert!(err.to_string().contains("missing.pem"), "{err}");
    config.tls_key = None;
    let err = custos_server::Server::bind(&config, state).unwrap_err();
    assert!(err.to_string().contains("tls_key"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
