//! Article -> Extraction: quotes, claims and their speakers. Pure: no I/O, no database.
//!
//! `text` splits the body into paragraphs, sentences and tokens; `quotes` finds quote-mark
//! spans; `cues` knows the attribution verbs; `phrases` reads cues, speaker phrases and
//! content boundaries off a sentence's tokens; `speakers` turns phrases into names, roles
//! and resolved references, with `first_names` telling where a name starts and a person's
//! likely gender; `transcript` reads `NAME: ...` interview turns; `claims` ties them together.
//! `tagger` is a part-of-speech tagger (not used by the extractor yet).

mod claims;
mod cues;
mod first_names;
mod phrases;
mod quotes;
mod speakers;
pub mod tagger;
mod text;
mod transcript;

use crate::model::{Article, Extraction};

/// Stored with every article, so `reextract` knows what an upgrade changes.
pub const VERSION: &str = "0.4.0";

pub fn extract(article: &Article) -> Extraction {
    claims::Extractor::new(&article.body).run()
}
