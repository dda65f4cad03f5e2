//! One file per command: each takes plain option structs (never clap types) and the archive.

pub mod extract;
pub mod ingest;
