//! `patient-server healthcheck [--ready]`: the container health check. The runtime image has
//! no shell and no curl, so the server binary probes itself: it sends `GET /healthz` (or
//! `/readyz` with `--ready`) to the address the server listens on (`HOST`/`PORT`, loopback
//! when `HOST` is unspecified) and exits 0 on `200`, 1 otherwise.
//!
//! Liveness is the default: a container is restarted for a wedged process, not for a database
//! outage, which readiness reports (the load balancer checks `/readyz` itself).
use std::{
    io::{self, Read, Write},
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream},
    process::ExitCode,
    time::Duration,
};

use crate::config::{self, ConfigError};

/// Well under the shortest interval a health check is configured with (compose: 10 s).
const TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum ProbeError {
    #[error("no answer from {0}: {1}")]
    Unreachable(SocketAddr, io::Error),
    #[error("{path} answered {status}")]
    Status { path: &'static str, status: String },
    #[error("{0} answered with something that is not HTTP")]
    NotHttp(&'static str),
}

/// Runs the subcommand with its arguments (after `healthcheck`).
pub fn run(args: impl Iterator<Item = String>) -> ExitCode {
    let mut path = "/healthz";
    for arg in args {
        match arg.as_str() {
            "--ready" => path = "/readyz",
            _ => {
                eprintln!("usage: patient-server healthcheck [--ready]");
                return ExitCode::from(2);
            }
        }
    }
    let target = match target(&migration::database_url::env_var) {
        Ok(target) => target,
        Err(err) => {
            eprintln!("healthcheck: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    match probe(target, path, TIMEOUT) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("healthcheck: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Where the server listens: its bind address, with an unspecified host replaced by loopback.
pub fn target(var: &impl Fn(&str) -> Option<String>) -> Result<SocketAddr, ConfigError> {
    let (host, port) = config::bind_address(var)?;
    let host = match host {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        other => other,
    };
    Ok(SocketAddr::new(host, port))
}

/// One `GET path` over HTTP/1.1; `Ok` only for status 200.
pub fn probe(addr: SocketAddr, path: &'static str, timeout: Duration) -> Result<(), ProbeError> {
    let unreachable = |err| ProbeError::Unreachable(addr, err);
    let mut stream = TcpStream::connect_timeout(&addr, timeout).map_err(unreachable)?;
    stream.set_read_timeout(Some(timeout)).map_err(unreachable)?;
    stream.set_write_timeout(Some(timeout)).map_err(unreachable)?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: patient-server-healthcheck\r\nConnection: close\r\n\r\n"
    )
    .map_err(unreachable)?;
    // The status line is all that matters; it fits in the first read of a small response.
    let mut head = [0_u8; 64];
    let mut len = 0;
    while len < head.len() && !head[..len].contains(&b'\n') {
        match stream.read(&mut head[len..]).map_err(unreachable)? {
            0 => break,
            n => len += n,
        }
    }
    let line =
        std::str::from_utf8(&head[..len]).ok().and_then(|s| s.lines().next()).ok_or(ProbeError::NotHttp(path))?;
    let mut parts = line.split(' ');
    let (Some(version), Some(status)) = (parts.next(), parts.next()) else { return Err(ProbeError::NotHttp(path)) };
    if !version.starts_with("HTTP/") {
        return Err(ProbeError::NotHttp(path));
    }
    if status == "200" { Ok(()) } else { Err(ProbeError::Status { path, status: status.to_owned() }) }
}

#[cfg(test)]
mod tests {
    use std::{collections::HashMap, net::TcpListener, thread};

    use super::*;

    /// A one-shot server that answers the first connection with `response`.
    fn answer_once(response: &'static str) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        thread::spawn(move || {
            let (mut conn, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buf = [0_u8; 512];
            while !request.ends_with(b"\r\n\r\n") {
                match conn.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buf[..n]),
                }
            }
            let _ = conn.write_all(response.as_bytes());
        });
        addr
    }

    #[test]
    fn ok_only_for_200() {
        let addr = answer_once("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
        probe(addr, "/healthz", TIMEOUT).unwrap();
        let addr = answer_once("HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n");
        let err = probe(addr, "/readyz", TIMEOUT).unwrap_err();
        assert_eq!(err.to_string(), "/readyz answered 503");
    }

    #[test]
    fn garbage_and_silence_are_failures() {
        let addr = answer_once("SSH-2.0-OpenSSH\r\n");
        assert!(matches!(probe(addr, "/healthz", TIMEOUT), Err(ProbeError::NotHttp(_))));
        let addr = answer_once("");
        assert!(matches!(probe(addr, "/healthz", TIMEOUT), Err(ProbeError::NotHttp(_))));
    }

    #[test]
    fn nothing_listening_is_a_failure() {
        let addr = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
        assert!(matches!(probe(addr, "/healthz", TIMEOUT), Err(ProbeError::Unreachable(..))));
    }

    #[test]
    fn probes_loopback_when_the_server_binds_every_address() {
        let vars = |pairs: &[(&str, &str)]| -> HashMap<String, String> {
            pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
        };
        let lookup = |vars: HashMap<String, String>| move |name: &str| vars.get(name).cloned();
        assert_eq!(target(&lookup(vars(&[]))).unwrap(), "127.0.0.1:8080".parse().unwrap());
        assert_eq!(target(&lookup(vars(&[("HOST", "::"), ("PORT", "9000")]))).unwrap(), "[::1]:9000".parse().unwrap());
        assert_eq!(target(&lookup(vars(&[("HOST", "10.0.0.7")]))).unwrap(), "10.0.0.7:8080".parse().unwrap());
        assert!(target(&lookup(vars(&[("PORT", "http")]))).is_err());
    }
}
