//! User text -> an FTS5 query that cannot be a syntax error.

/// Quotes every whitespace-separated word as an FTS5 phrase (inner `"` doubled), so hyphens,
/// dots, apostrophes, colons and stray quote marks are plain text; a trailing `*` stays a prefix
/// search. Words with no letter or digit are dropped (the tokenizer would drop them anyway).
/// `None` when nothing searchable is left: the caller returns no hits without asking FTS5.
pub fn escape(input: &str) -> Option<String> {
    let mut query = String::with_capacity(input.len() + 8);
    // Control characters split words too: FTS5 reads a NUL as the end of the query string.
    for word in input
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
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
    fn nothing_searchable_is_none() {
        for input in ["", "   ", "*", ":", "--", "\""] {
            assert_eq!(escape(input), None, "{input:?}");
        }
    }
}
