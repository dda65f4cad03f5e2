//! Article -> Extraction: quotes, claims and their speakers. Pure: no I/O, no database.

use crate::model::{Article, Extraction};

/// Stored with every article, so `reextract` knows what an upgrade changes.
pub const VERSION: &str = "0.1.0";

pub fn extract(article: &Article) -> Extraction {
    let _ = article;
    Extraction::default()
}
