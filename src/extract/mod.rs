//! Article -> Extraction: quotes, claims and their speakers. Pure: no I/O, no database.
//!
//! `text` splits the body into paragraphs, sentences and tokens; `quotes` finds quote-mark
//! spans; `cues` knows the attribution verbs; `phrases` reads cues, speaker phrases and
//! content boundaries off a sentence's tokens; `speakers` turns phrases into names, roles
//! and resolved references, with `first_names` telling where a name starts and a person's
//! likely gender, `function_words` which capitalised words are no name, and `resolve`
//! scoring who a pronoun refers to with learned weights;
//! `transcript` reads `NAME: ...` interview turns; `claims` ties them together.
//! `tagger` is a part-of-speech tagger; `phrases` asks it whether a description ends in a noun.

mod claims;
mod cues;
mod first_names;
mod function_words;
mod phrases;
mod quotes;
pub mod resolve;
mod speakers;
pub mod tagger;
mod text;
mod transcript;

use crate::model::{Article, Extraction};

/// Stored with every article, so `reextract` knows what an upgrade changes.
pub const VERSION: &str = "0.5.4";

pub fn extract(article: &Article) -> Extraction {
    claims::Extractor::new(&article.body, resolve::Weights::shipped()).run()
}

/// [`extract`] with other resolver weights, also giving every pronoun decision: for training
/// and checking the resolver.
pub fn extract_explained(
    article: &Article,
    weights: &resolve::Weights,
) -> (Extraction, Vec<resolve::Decision>) {
    claims::Extractor::new(&article.body, weights).run_explained()
}
