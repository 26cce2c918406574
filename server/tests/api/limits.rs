//! Rate limits, load shedding and timeouts: what a client that asks too much, too slowly or
//! for something locked gets back — always at once, always with the contract's error body.
use std::{
    io::{Read, Write},
    net::TcpStream,
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, TransactionTrait};

use crate::helpers::{WRITER_KEY, assert_error, header, migrated_database, minimal_body, spawn_app_configured};

/// Asserts a `Retry-After` of whole seconds, at least 1, and returns it.
fn retry_after(response: &reqwest::Response) -> u64 {
    let value: u64 = header(response, "retry-after").parse().expect("Retry-After is whole seconds");
    assert!(value >= 1, "Retry-After is never 0");
    value
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_above_the_limit_gets_429_with_retry_after_while_another_key_is_unaffected() {
    let app =
        spawn_app_configured(migrated_database().await, &[("RATE_LIMIT_RPS", "1"), ("RATE_LIMIT_BURST", "5")]).await;
    let started = Instant::now();
    let mut statuses = Vec::new();
    for _ in 0..12 {
        let response = app.list(&[]).await;
        statuses.push(response.status());
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(retry_after(&response) <= 2, "one token per second: the wait is about a second");
            assert_error(response, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        }
    }
    // The burst, plus one token per second the requests took (a loaded machine is slow).
    let served = statuses.iter().filter(|s| **s == StatusCode::OK).count();
    let refilled = started.elapsed().as_secs() as usize;
    assert!((5..=5 + refilled).contains(&served), "{statuses:?} in {:?}", started.elapsed());
    assert!(statuses[..5].iter().all(|s| *s == StatusCode::OK), "the burst is served first: {statuses:?}");
    assert!(statuses.contains(&StatusCode::TOO_MANY_REQUESTS), "{statuses:?}");

    let other = app.client.get(app.url("/api/v1/patients")).header("x-api-key", WRITER_KEY).send().await.unwrap();
    assert_eq!(other.status(), StatusCode::OK, "another key has its own bucket");
    let probe = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(probe.status(), StatusCode::OK, "health probes are never limited");

    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(app.list(&[]).await.status(), StatusCode::OK, "the bucket refills at the sustained rate");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_that_fail_to_authenticate_share_a_bucket_per_address() {
    let app = spawn_app_configured(
        migrated_database().await,
        &[("RATE_LIMIT_UNAUTHENTICATED_RPS", "1"), ("RATE_LIMIT_UNAUTHENTICATED_BURST", "3")],
    )
    .await;
    let guess = || app.client.get(app.url("/api/v1/patients")).header("x-api-key", "guessed-key").send();
    for _ in 0..3 {
        assert_eq!(guess().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    }
    let refused = guess().await.unwrap();
    retry_after(&refused);
    assert_error(refused, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let scan = app.client.get(app.url("/api/v1/nothing-here")).send().await.unwrap();
    assert_eq!(scan.status(), StatusCode::TOO_MANY_REQUESTS, "unknown routes count against the address too");
    assert_eq!(app.list(&[]).await.status(), StatusCode::OK, "a valid key is not limited by its address");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_client_sending_headers_byte_by_byte_is_cut_off() {
    let app = spawn_app_configured(migrated_database().await, &[("HEADER_READ_TIMEOUT_SECONDS", "1")]).await;
    let address = app.base_url.trim_start_matches("http://").to_owned();
    let slow = std::thread::spawn(move || {
        let mut stream = TcpStream::connect(address).unwrap();
        stream.set_read_timeout(Some(Duration::from_millis(50))).unwrap();
        let request = b"GET /api/v1/patients HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n";
        let started = Instant::now();
        for byte in request.iter().cycle() {
            if started.elapsed() > Duration::from_secs(10) {
                return None;
            }
            // A write to a closed connection fails, or the read sees the end of the stream.
            if stream.write_all(&[*byte]).is_err() {
                return Some(started.elapsed());
            }
            let mut buffer = [0u8; 512];
            match stream.read(&mut buffer) {
                Ok(0) => return Some(started.elapsed()),
                Ok(_) => {}
                Err(err)
                    if err.kind() == std::io::ErrorKind::WouldBlock || err.kind() == std::io::ErrorKind::TimedOut => {}
                Err(_) => return Some(started.elapsed()),
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    });
    let cut_off_after = tokio::task::spawn_blocking(move || slow.join().unwrap()).await.unwrap();
    let cut_off_after = cut_off_after.expect("the server never dropped the slow client");
    assert!(cut_off_after >= Duration::from_millis(900), "not before the timeout: {cut_off_after:?}");
    assert_eq!(app.list(&[]).await.status(), StatusCode::OK, "other clients are served");
}

/// Opens a connection that sends a create's headers and part of its body, then stalls: a
/// request the server holds in flight until the connection goes away.
fn stalled_create(base_url: &str) -> TcpStream {
    let mut stream = TcpStream::connect(base_url.trim_start_matches("http://")).unwrap();
    let head = format!(
        "POST /api/v1/patients HTTP/1.1\r\nHost: localhost\r\nX-API-Key: {WRITER_KEY}\r\n\
         Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{{\"given_name\":"
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream
}

/// Whether the server has already answered (or closed) a stalled request's connection.
fn was_answered(stream: &TcpStream) -> bool {
    stream.set_nonblocking(true).unwrap();
    let answered = !matches!((&*stream).read(&mut [0u8; 1]), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock);
    stream.set_nonblocking(false).unwrap();
    answered
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_in_flight_cap_answers_503_at_once_instead_of_queueing() {
    let app = spawn_app_configured(migrated_database().await, &[("MAX_IN_FLIGHT_REQUESTS", "1")]).await;
    let mut stalled = stalled_create(&app.base_url);
    // The stalled request holds the only slot once the server has read its headers. If it
    // arrived while a probe held the slot, it was refused itself: stall another one.
    let mut refused = None;
    for _ in 0..50 {
        let response = app.list(&[]).await;
        if response.status() == StatusCode::SERVICE_UNAVAILABLE {
            refused = Some(response);
            break;
        }
        if was_answered(&stalled) {
            stalled = stalled_create(&app.base_url);
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let refused = refused.expect("a second request beyond the cap is refused");
    assert_eq!(retry_after(&refused), 1);
    assert_error(refused, StatusCode::SERVICE_UNAVAILABLE, "overloaded").await;
    assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::OK);
    drop(stalled);
    let mut served = false;
    for _ in 0..50 {
        if app.list(&[]).await.status() == StatusCode::OK {
            served = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(served, "the slot is free again once the stalled request is gone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_the_time_limit_gets_503_request_timeout() {
    let app = spawn_app_configured(
        migrated_database().await,
        &[("REQUEST_TIMEOUT_SECONDS", "1"), ("DB_STATEMENT_TIMEOUT_MS", "500"), ("DB_LOCK_TIMEOUT_MS", "500")],
    )
    .await;
    let mut stalled = stalled_create(&app.base_url);
    // Read on a blocking thread: the server runs on this test's runtime.
    let answer = tokio::task::spawn_blocking(move || {
        stalled.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut answer = Vec::new();
        let mut buffer = [0u8; 4096];
        while !String::from_utf8_lossy(&answer).contains("request_timeout") {
            match stalled.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buffer[..n]),
            }
        }
        answer
    })
    .await
    .unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 503"), "{answer}");
    assert!(answer.contains("\"code\":\"request_timeout\""), "{answer}");
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_waiting_on_a_locked_row_past_lock_timeout_gets_409_resource_busy() {
    let app = spawn_app_configured(migrated_database().await, &[("DB_LOCK_TIMEOUT_MS", "300")]).await;
    let (id, etag, _) = app.create_ok(&minimal_body()).await;
    // Another session holds the row, as a long-running transaction would.
    let holder = app.db.begin().await.unwrap();
    holder.execute_unprepared(&format!("SELECT 1 FROM patients WHERE patient_id = '{id}' FOR UPDATE")).await.unwrap();
    let mut body = minimal_body();
    body["given_name"] = "Changed".into();
    let started = Instant::now();
    let response = app.replace(&id, Some(&etag), &body).await;
    assert!(started.elapsed() < Duration::from_secs(10), "it did not hang");
    assert_eq!(retry_after(&response), 1);
    assert_error(response, StatusCode::CONFLICT, "resource_busy").await;
    holder.rollback().await.unwrap();

    let after = app.get(&id).await;
    assert_eq!(header(&after, "etag"), etag, "nothing was changed");
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 1, "and nothing was audited");
    assert_eq!(app.replace(&id, Some(&etag), &body).await.status(), StatusCode::OK, "once the lock is gone");
    assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::OK);
}

/// What `make run` does with a burst from one key over 50 connections: the defaults answer the excess with 429
/// and a valid `Retry-After`, and nothing with a 5xx.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_at_the_default_limits_gets_no_5xx_and_only_valid_429s() {
    let defaults = [
        ("RATE_LIMIT_RPS", "50"),
        ("RATE_LIMIT_BURST", "100"),
        ("RATE_LIMIT_UNAUTHENTICATED_RPS", "5"),
        ("RATE_LIMIT_UNAUTHENTICATED_BURST", "20"),
    ];
    let app = std::sync::Arc::new(spawn_app_configured(migrated_database().await, &defaults).await);
    let started = Instant::now();
    // 50 connections at once, as a load tool's default (`hey -c 50`) opens.
    let connections = std::sync::Arc::new(tokio::sync::Semaphore::new(50));
    let mut requests = Vec::new();
    for i in 0..400 {
        let app = app.clone();
        let connections = connections.clone();
        requests.push(tokio::spawn(async move {
            let _connection = connections.acquire_owned().await.unwrap();
            let response = if i % 2 == 0 {
                app.list(&[]).await
            } else {
                app.client
                    .post(app.url("/api/v1/patients:search"))
                    .header("x-api-key", crate::helpers::READER_KEY)
                    .json(&serde_json::json!({"family_name": "Rivera"}))
                    .send()
                    .await
                    .unwrap()
            };
            let retry_after = response.headers().get("retry-after").map(|v| v.to_str().unwrap().to_owned());
            let status = response.status();
            let code =
                response.json::<serde_json::Value>().await.ok().and_then(|b| b["code"].as_str().map(str::to_owned));
            (status, retry_after, code)
        }));
    }
    let mut outcomes = Vec::new();
    for request in requests {
        outcomes.push(request.await.unwrap());
    }
    let failed: Vec<_> = outcomes.iter().filter(|(status, _, _)| status.is_server_error()).collect();
    assert!(failed.is_empty(), "{} of the burst got 5xx after {:?}: {:?}", failed.len(), started.elapsed(), failed[0]);
    let mut limited = 0usize;
    for (status, retry_after, _) in outcomes {
        if status == StatusCode::TOO_MANY_REQUESTS {
            limited += 1;
            let seconds: u64 = retry_after.expect("429 has Retry-After").parse().unwrap();
            assert!(seconds >= 1);
        } else {
            assert_eq!(status, StatusCode::OK);
        }
    }
    // At most the burst plus the sustained rate over the run was served.
    let allowed = 100 + (50.0 * started.elapsed().as_secs_f64()).ceil() as usize;
    assert!(400 - limited <= allowed, "{} served, at most {allowed} allowed", 400 - limited);
    // Whether any were limited depends on how fast this machine serves the admitted ones
    // (a slow one never exceeds the sustained rate); the small-limit test above checks 429s.
}
