//! One file per command: each takes plain option structs (never clap types) and the archive.

pub mod export;
pub mod extract;
pub mod ingest;
pub mod list;
mod listing;
pub mod search;
pub mod serve;
pub mod show;
pub mod sources;
pub mod speakers;
pub mod stats;
