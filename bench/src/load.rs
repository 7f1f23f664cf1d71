//! A closed-loop load generator: `concurrency` workers, each on its own keep-alive
//! connection, send requests one after another until `total` were sent or `limit` passed.
//! Every answer is checked (status 200, the body holds `expect`); a failed one is counted,
//! not timed.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::measure::percentile;

/// One request to send, again and again.
#[derive(Clone)]
pub struct Target {
    pub url: String,
    pub cookie: Option<String>,
    /// A string every good answer contains.
    pub expect: String,
}

pub struct Outcome {
    pub ok: usize,
    pub failed: usize,
    pub elapsed: Duration,
    pub samples: Vec<Duration>,
}

impl Outcome {
    pub fn rate(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
    pub fn p50(&self) -> Duration {
        percentile(&self.samples, 50.0)
    }
    pub fn p99(&self) -> Duration {
        percentile(&self.samples, 99.0)
    }
}

async fn worker(
    client: reqwest::Client,
    target: Arc<Target>,
    sent: Arc<AtomicUsize>,
    total: usize,
    deadline: Instant,
) -> (Vec<Duration>, usize) {
    let mut samples = Vec::new();
    let mut failed = 0;
    while sent.fetch_add(1, Ordering::Relaxed) < total && Instant::now() < deadline {
        let start = Instant::now();
        let mut request = client.get(&target.url);
        if let Some(cookie) = &target.cookie {
            request = request.header("cookie", cookie);
        }
        let why = match request.send().await {
            Ok(response) if response.status().is_success() => match response.text().await {
                Ok(body) if body.contains(&target.expect) => None,
                Ok(_) => Some("200 without the expected text".to_owned()),
                Err(e) => Some(format!("reading the body: {e}")),
            },
            Ok(response) => Some(format!("status {}", response.status())),
            Err(e) => Some(format!("{e:?}")),
        };
        match why {
            None => samples.push(start.elapsed()),
            Some(why) => {
                // Said (the first few of each connection), so a failure can be understood.
                if failed < 3 {
                    eprintln!("  failed after {:?}: {why}", start.elapsed());
                }
                failed += 1;
            }
        }
    }
    (samples, failed)
}

/// Drive `target` with `concurrency` connections, `total` requests at most, for `limit` at
/// most.
pub async fn drive(target: &Target, concurrency: usize, total: usize, limit: Duration) -> Outcome {
    let target = Arc::new(target.clone());
    let sent = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let deadline = start + limit;
    let mut workers = Vec::with_capacity(concurrency);
    for _ in 0..concurrency {
        // One client each: its own connection, kept alive.
        let client = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap_or_default();
        workers.push(tokio::spawn(worker(
            client,
            target.clone(),
            sent.clone(),
            total,
            deadline,
        )));
    }
    let mut samples = Vec::with_capacity(total);
    let mut failed = 0;
    for w in workers {
        if let Ok((s, f)) = w.await {
            samples.extend(s);
            failed += f;
        }
    }
    Outcome {
        ok: samples.len(),
        failed,
        elapsed: start.elapsed(),
        samples,
    }
}
