//! Documents: waiting for the background reading of uploaded files.

use std::time::{Duration, Instant};

use super::TestServer;

/// Wait until no version is waiting or being read; fail after `limit`.
pub async fn wait_for_jobs(server: &TestServer, limit: Duration) {
    let start = Instant::now();
    loop {
        let pending: (i64,) = app::with_db!(&server.state.db, |pool| {
            sqlx::query_as(
                "select count(*) from document_version where text_status in ('queued', 'extracting')",
            )
            .fetch_one(pool)
            .await
        })
        .unwrap();
        if pending.0 == 0 {
            return;
        }
        assert!(start.elapsed() < limit, "{} jobs still pending", pending.0);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
