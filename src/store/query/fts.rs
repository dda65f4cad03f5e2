//! User text -> an FTS5 query that cannot be a syntax error.

/// Quotes every whitespace-separated word as an FTS5 phrase (inner `"` doubled), so hyphens,
/// dots, apostrophes, colons and stray quote marks are plain text; a trailing `*` stays a prefix
/// search. Words with no letter or digit are dropped (the tokenizer would drop them anyway).
/// `None` when nothing searchable is left: the caller returns no hits without asking FTS5.
pub fn escape(input: &str) -> Option<String> {
    escape_words(input, |_| true)
}

/// [`escape`] without the stop words (`the`, `it`, `is`, ...): what search ranks by. Their
/// weight in a ranking is next to nothing, and weighing them means reading most of the index.
pub fn escape_ranked(input: &str) -> Option<String> {
    escape_words(input, |word| {
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        STOP_WORDS.binary_search(&bare.as_str()).is_err()
    })
}

/// English words too common to rank by, sorted.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "her", "his", "i", "in", "is", "it", "its", "not", "of", "on", "or", "our",
    "she", "so", "that", "the", "their", "there", "they", "this", "to", "was", "we", "were",
    "will", "with", "would", "you",
];

fn escape_words(input: &str, keep: impl Fn(&str) -> bool) -> Option<String> {
    let mut query = String::with_capacity(input.len() + 8);
    // Control characters split words too: FTS5 reads a NUL as the end of the query string.
    for word in input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty() && keep(w))
    {
        let (word, prefix) = match word.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (word, false),
        };
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        if !query.is_empty() {
            query.push(' ');
        }
        query.push('"');
        query.push_str(&word.replace('"', "\"\""));
        query.push('"');
        if prefix {
            query.push('*');
        }
    }
    (!query.is_empty()).then_some(query)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn quotes_each_word_and_doubles_inner_quotes() {
        assert_eq!(escape("US-led").as_deref(), Some("\"US-led\""));
        assert_eq!(
            escape("\"unbalanced").as_deref(),
            Some("\"\"\"unbalanced\"")
        );
        assert_eq!(
            escape("O'Brien park.").as_deref(),
            Some("\"O'Brien\" \"park.\"")
        );
        assert_eq!(escape("escal*").as_deref(), Some("\"escal\"*"));
    }

    #[test]
    fn operators_are_plain_words() {
        assert_eq!(escape("NEAR( AND").as_deref(), Some("\"NEAR(\" \"AND\""));
    }

    #[test]
    fn stop_words_are_not_ranked_by() {
        assert!(super::STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            super::escape_ranked("The government, I think").as_deref(),
            Some("\"government,\" \"think\"")
        );
        assert_eq!(super::escape_ranked("it is"), None);
    }

    #[test]
    fn nothing_searchable_is_none() {
        for input in ["", "   ", "*", ":", "--", "\""] {
            assert_eq!(escape(input), None, "{input:?}");
        }
    }
}
