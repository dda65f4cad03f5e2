//! Words that are never a name: the function words and adverbs of English (`despite`,
//! `certainly`, `however`), those that Universal Dependencies English Web Treebank tags as a
//! preposition, conjunction, auxiliary, particle, adverb or interjection at least 99 times in
//! 100 (`models/function-words.txt`; `models/README.md` says how it is made). Capitalised at
//! the start of a sentence, they look like names. Pronouns and determiners are not among them:
//! `Some said` and `Others said` have speakers.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::linear::Fnv;

const LIST: &str = include_str!("../../models/function-words.txt");

/// Whether `lower_word` (lower case) is a function word or an adverb.
pub fn is_function_word(lower_word: &str) -> bool {
    // FNV, as the other word tables: asked of most words read, where SipHash's cost showed.
    static WORDS: OnceLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> = OnceLock::new();
    WORDS
        .get_or_init(|| LIST.lines().collect())
        .contains(lower_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_function_words_and_adverbs_but_no_nouns() {
        assert!(is_function_word("despite") && is_function_word("certainly"));
        assert!(!is_function_word("council") && !is_function_word("smith"));
    }
}
