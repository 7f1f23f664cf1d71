//! The integration tests: one binary (each test file used to link its own 1 GB debug binary),
//! run as `cargo test -p server --test integration [module::]`.
#[macro_use]
mod common;

mod accounts;
mod analytics;
mod answer_batch;
mod attendance;
mod audit;
mod ballot_clock;
mod ballots;
mod binary;
mod comments;
mod demo_pdfs;
mod document_files;
mod documents;
mod durability;
mod enrolment_approval;
mod evidence;
mod exports;
mod http;
mod idle_lock;
mod leaks;
mod live_access;
mod mail;
mod minutes;
mod nodes;
mod own_devices;
mod owners;
mod passkeys;
mod positions;
mod preparation;
mod reading;
mod room;
mod sandbox;
mod savings_review;
mod schema;
mod search;
mod search_names;
mod search_numbering;
mod search_scope;
mod sign_in_abuse;
mod storage;
mod tasks;
mod text_input;
mod text_status;
