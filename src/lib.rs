//! newsclaims: an archive of who said what in the news.
//!
//! `file or stdin -> ingest -> Article -> extract -> Extraction -> store -> query -> output`

pub mod commands;
pub mod extract;
pub mod identity;
pub mod ingest;
pub mod model;
pub mod names;
pub mod output;
pub mod store;
pub mod web;
