//! Article -> Extraction: quotes, claims and their speakers. Pure: no I/O, no database.
//!
//! `text` splits the body into paragraphs, sentences and tokens; `quotes` finds quote-mark
//! spans; `cues` knows the attribution verbs; `phrases` reads cues, speaker phrases and
//! content boundaries off a sentence's tokens; `speakers` turns phrases into names, roles
//! and resolved references, with `first_names` telling where a name starts and a person's
//! likely gender, `function_words` which capitalised words are no name, `places` which name
//! a country or a continent, and `resolve` scoring who a pronoun refers to with learned
//! weights;
//! `transcript` reads `NAME: ...` interview turns; `cue_sense` scores whether a cue word is
//! used as a cue where it stands, with weights learned from PolNeAR (`linear` is the model it
//! shares with `resolve`); `claims` ties them together.
//! `tagger` is a part-of-speech tagger; `phrases` asks it whether a description ends in a noun.

mod claims;
pub mod cue_sense;
mod cues;
mod first_names;
mod function_words;
mod linear;
mod phrases;
mod places;
mod quotes;
pub mod resolve;
mod speakers;
pub mod tagger;
mod text;
mod transcript;

use crate::model::{Article, Extraction};

/// Stored with every article, so `reextract` knows what an upgrade changes.
pub const VERSION: &str = "0.5.110";

pub fn extract(article: &Article) -> Extraction {
    claims::Extractor::new(&article.body, resolve::shipped()).run()
}

/// Every cue the lexicon finds in the article, with its cue-sense features: for training.
pub fn cue_candidates(article: &Article) -> Vec<cue_sense::CueCandidate> {
    claims::Extractor::new(&article.body, resolve::shipped()).run_cue_candidates()
}

/// [`extract`] with other resolver weights, also giving every pronoun decision: for training
/// and checking the resolver.
pub fn extract_explained(
    article: &Article,
    weights: &resolve::Weights,
) -> (Extraction, Vec<resolve::Decision>) {
    claims::Extractor::new(&article.body, weights).run_explained()
}
