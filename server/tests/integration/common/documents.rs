//! Documents: waiting for the background reading of uploaded files.

use std::time::{Duration, Instant};

use super::TestServer;

/// Wait until no version is waiting or being read; fail after `limit`.
pub async fn wait_for_jobs(server: &TestServer, limit: Duration) {
    let start = Instant::now();
    loop {
        let pending = app::documents::store::unread_versions(&server.state.db)
            .await
            .unwrap();
        if pending == 0 {
            return;
        }
        assert!(start.elapsed() < limit, "{pending} jobs still pending");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
