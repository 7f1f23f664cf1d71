//! Who is using the system: accounts, roles, titles held over time, sessions.
//!
//! Sign-in by passkey arrives with the identity issue; until then only demo mode can start a
//! session (see `server/src/demo/sign_in.rs`).
pub mod api;
pub mod model;
pub mod passkey_api;
#[cfg(feature = "hydrate")]
pub mod passkey_browser;
pub mod passkey_views;
#[cfg(feature = "ssr")]
pub mod passkeys;
pub mod protocol;
#[cfg(feature = "ssr")]
pub mod session;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
