//! The real binary as a child process on its own migrated database, configured only by its
//! environment, with its stdout (the JSON log) collected line by line.
use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
    sync::mpsc,
    thread::JoinHandle,
    time::Duration,
};

use serde_json::Value;

use crate::helpers::{api_keys_json, database_url, drop_database_blocking, migrated_database};

pub struct ServerProcess {
    pub base_url: String,
    child: Child,
    lines: mpsc::Receiver<String>,
    reader: Option<JoinHandle<()>>,
    collected: Vec<String>,
    database: String,
}

impl ServerProcess {
    /// Starts the binary with the test keys, random ports and `extra` variables, and waits
    /// for its "listening" line.
    pub async fn start(extra: &[(&str, &str)]) -> Self {
        let database = migrated_database().await;
        let mut command = Command::new(env!("CARGO_BIN_EXE_patient-server"));
        command
            .env_clear()
            .env("DATABASE_URL", database_url(&database))
            .env("API_KEYS", api_keys_json())
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("METRICS_PORT", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (name, value) in extra {
            command.env(name, value);
        }
        let mut child = command.spawn().unwrap();
        let (tx, lines) = mpsc::channel::<String>();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let mut process =
            Self { base_url: String::new(), child, lines, reader: Some(reader), collected: Vec::new(), database };
        let address = loop {
            let line = process.lines.recv_timeout(Duration::from_secs(30)).expect("the server logs its address");
            process.collected.push(line.clone());
            let parsed: Value = serde_json::from_str(&line).expect("every log line is JSON");
            if parsed["message"] == "listening" {
                break parsed["addr"].as_str().unwrap().to_owned();
            }
        };
        process.base_url = format!("http://{address}");
        process
    }

    /// Sends SIGTERM, asserts a clean exit and returns every line the server logged.
    pub fn stop(mut self) -> Vec<String> {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(status.success());
        let exit = self.child.wait().unwrap();
        assert!(exit.success(), "the server exits cleanly on SIGTERM: {exit:?}");
        self.reader.take().unwrap().join().unwrap();
        self.collected.extend(self.lines.try_iter());
        std::mem::take(&mut self.collected)
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        drop_database_blocking(self.database.clone());
    }
}

/// The access log lines among `lines`, parsed.
pub fn access_lines(lines: &[String]) -> Vec<Value> {
    lines
        .iter()
        .map(|line| serde_json::from_str::<Value>(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .filter(|parsed| parsed["target"] == "access")
        .collect()
}
