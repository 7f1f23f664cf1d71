//! Rate limits on sign-in and enrolment, counted in the database so they hold across nodes.
//!
//! Fixed windows: a bucket (what is limited, and for whom) counts hits from the start of its
//! window; past `max` the request is refused with 429 and `Retry-After` until the window ends.
//! Refused attempts count too, so hammering does not shorten the wait.
use std::net::{IpAddr, SocketAddr};

use chrono::{DateTime, Duration, Utc};

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::with_tx;

#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub max: i64,
    pub window_secs: i64,
}

/// Passkey sign-in ceremonies started from one client address.
pub const SIGN_IN_PER_CLIENT: Limit = Limit {
    name: "sign_in:client",
    max: 30,
    window_secs: 300,
};
/// Sign-in ceremonies finished (answered) from one client address, whatever they carry.
pub const SIGN_IN_FINISH_PER_CLIENT: Limit = Limit {
    name: "sign_in_finish:client",
    max: 30,
    window_secs: 300,
};
/// Sign-in attempts on one account from one client address: counted only once a real
/// ceremony is answered with a credential of that account (or, username-first, when the
/// address is asked for), so nobody elsewhere can use up a person's attempts.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    name: "sign_in:account",
    max: 10,
    window_secs: 300,
};
/// Enrolment ceremonies started from one client address.
pub const ENROL_PER_CLIENT: Limit = Limit {
    name: "enrol:client",
    max: 20,
    window_secs: 900,
};
/// Enrolment ceremonies finished from one client address.
pub const ENROL_FINISH_PER_CLIENT: Limit = Limit {
    name: "enrol_finish:client",
    max: 20,
    window_secs: 900,
};
/// Enrolment ceremonies started with one link.
pub const ENROL_PER_LINK: Limit = Limit {
    name: "enrol:link",
    max: 10,
    window_secs: 900,
};

/// Count a hit on `limit` for `key`; refuse when over the limit.
pub async fn hit(db: &Db, limit: Limit, key: &str) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let outcome = hit_in(&mut tx, limit, key).await;
    tx.commit().await?;
    outcome
}

/// [`hit`] in the caller's transaction (the hit stands if the transaction is committed).
pub async fn hit_in(tx: &mut Tx, limit: Limit, key: &str) -> Result<(), AppError> {
    let now = Utc::now();
    let bucket = format!("{}:{key}", limit.name);
    let window = Duration::seconds(limit.window_secs);
    let (start, hits): (DateTime<Utc>, i64) = with_tx!(tx, |conn| {
        sqlx::query_as(
            "insert into rate_limit (bucket, window_start, hits) values ($1, $2, 1)
             on conflict (bucket) do update set
               hits = case when rate_limit.window_start <= $3 then 1
                           else rate_limit.hits + 1 end,
               window_start = case when rate_limit.window_start <= $3 then $2
                                   else rate_limit.window_start end
             returning window_start, hits",
        )
        .bind(&bucket)
        .bind(now)
        .bind(now - window)
        .fetch_one(&mut *conn)
        .await?
    });
    if hits > limit.max {
        let retry = (start + window - now).num_seconds().max(1);
        tracing::warn!(bucket, hits, "rate limit reached");
        return Err(AppError::TooManyRequests {
            retry_after_secs: retry as u64,
        });
    }
    Ok(())
}

/// The client's address: the peer, unless the peer is a trusted proxy — then the nearest
/// address in `X-Forwarded-For` that is not itself a trusted proxy. A forged header from an
/// untrusted peer is ignored.
pub fn client_address(
    peer: Option<IpAddr>,
    forwarded_for: Option<&str>,
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let peer = peer?;
    if !trusted.contains(&peer) {
        return Some(peer);
    }
    let Some(chain) = forwarded_for else {
        return Some(peer);
    };
    let mut nearest = peer;
    for hop in chain.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => nearest = ip,
            Ok(ip) => return Some(ip),
            Err(_) => return Some(nearest),
        }
    }
    Some(nearest)
}

/// The client address of the request being served, as a rate-limit key.
pub fn current_client(trusted: &[IpAddr]) -> String {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return "unknown".to_owned();
    };
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    // Every X-Forwarded-For header, in order, as one list: a proxy may add its own header
    // line instead of extending the first, and the hops it appended must not be skipped.
    let forwarded: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let forwarded = (!forwarded.is_empty()).then(|| forwarded.join(","));
    client_address(peer, forwarded.as_deref(), trusted)
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::client_address;
    use std::net::IpAddr;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_forged_forwarded_for_is_ignored_without_a_trusted_proxy() {
        assert_eq!(
            client_address(Some(ip("198.51.100.9")), Some("203.0.113.1"), &[]),
            Some(ip("198.51.100.9"))
        );
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_hop_is_the_client() {
        let proxies = [ip("10.0.0.2"), ip("10.0.0.3")];
        // The client forged the first entry; the proxies appended the real hops.
        assert_eq!(
            client_address(
                Some(ip("10.0.0.2")),
                Some("203.0.113.1, 198.51.100.9, 10.0.0.3"),
                &proxies
            ),
            Some(ip("198.51.100.9"))
        );
        assert_eq!(
            client_address(Some(ip("10.0.0.2")), None, &proxies),
            Some(ip("10.0.0.2"))
        );
        assert_eq!(
            client_address(Some(ip("10.0.0.2")), Some("garbage"), &proxies),
            Some(ip("10.0.0.2"))
        );
    }
}
