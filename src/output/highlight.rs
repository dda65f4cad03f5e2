//! Marks the words a search matched, in Rust rather than with FTS5 `highlight()`: asking FTS5
//! to highlight one row seeks through the whole doclist of a common word, which made a page
//! of hits cost ~2 ms a row. Words are compared the way the `unicode61 remove_diacritics`
//! tokenizer compares them: runs of letters and digits, diacritics folded, any case.

use anyhow::Result;

use super::{MARK_CLOSE, MARK_OPEN};
use crate::store::query::{Cell, RowSink};

/// A query word: matched whole, or as a prefix (`escal*`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    word: String,
    prefix: bool,
}

/// Words of a text, with their byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, end))
    })
}

fn fold(word: &str) -> String {
    deunicode::deunicode(word).to_lowercase()
}

/// What the user searched for, as words to mark.
#[derive(Debug, Clone)]
pub struct Highlighter {
    terms: Vec<Term>,
}

/// FTS5 operators in a `--raw` query: syntax, not words.
const OPERATORS: [&str; 4] = ["AND", "OR", "NOT", "NEAR"];

impl Highlighter {
    pub fn new(query: &str, raw: bool) -> Highlighter {
        let mut terms = Vec::new();
        for token in query.split_whitespace() {
            // `col:word` in a raw query names a column first.
            let token = match (raw, token.split_once(':')) {
                (true, Some((_, rest))) => rest,
                _ => token,
            };
            let spans: Vec<(usize, usize)> = words(token).collect();
            for (i, &(start, end)) in spans.iter().enumerate() {
                let word = &token[start..end];
                if raw && OPERATORS.contains(&word) {
                    continue;
                }
                let last = i + 1 == spans.len();
                terms.push(Term {
                    word: fold(word),
                    prefix: last && token[end..].starts_with('*'),
                });
            }
        }
        Highlighter { terms }
    }

    fn matches(&self, word: &str) -> bool {
        let word = fold(word);
        self.terms.iter().any(|t| {
            if t.prefix {
                word.starts_with(&t.word)
            } else {
                word == t.word
            }
        })
    }

    /// `text` with every matching word between [`MARK_OPEN`] and [`MARK_CLOSE`].
    pub fn mark(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut copied = 0;
        for (start, end) in words(text) {
            if self.matches(&text[start..end]) {
                out.push_str(&text[copied..start]);
                out.push_str(MARK_OPEN);
                out.push_str(&text[start..end]);
                out.push_str(MARK_CLOSE);
                copied = end;
            }
        }
        out.push_str(&text[copied..]);
        out
    }

    /// About `around` characters of `text` before its first match, and `length` in all,
    /// with `…` where it was cut: for article bodies in a list of hits.
    pub fn snippet(&self, text: &str, around: usize, length: usize) -> String {
        let first = words(text)
            .find(|&(s, e)| self.matches(&text[s..e]))
            .map_or(0, |(s, _)| s);
        let before = text[..first].chars().rev().take(around).count();
        let start = text[..first]
            .char_indices()
            .rev()
            .nth(before.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        let end = text[start..]
            .char_indices()
            .nth(length)
            .map_or(text.len(), |(i, _)| start + i);
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        out.push_str(&self.mark(&text[start..end]));
        if end < text.len() {
            out.push('…');
        }
        out
    }
}

/// Passes rows on with the `text` column marked (and article bodies cut to a snippet).
pub struct Highlighting<'a> {
    inner: Box<dyn RowSink + 'a>,
    highlighter: Highlighter,
    text: Option<usize>,
    kind: Option<usize>,
}

impl<'a> Highlighting<'a> {
    pub fn new(inner: Box<dyn RowSink + 'a>, highlighter: Highlighter) -> Self {
        Highlighting {
            inner,
            highlighter,
            text: None,
            kind: None,
        }
    }
}

impl RowSink for Highlighting<'_> {
    fn begin(&mut self, columns: &[&str]) -> Result<()> {
        self.text = columns.iter().position(|c| *c == "text");
        self.kind = columns.iter().position(|c| *c == "type");
        self.inner.begin(columns)
    }

    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()> {
        let Some(i) = self.text else {
            return self.inner.row(cells);
        };
        let Cell::Text(text) = cells[i] else {
            return self.inner.row(cells);
        };
        let article = self.kind.is_some_and(|k| cells[k] == Cell::Text("article"));
        let marked = if article {
            self.highlighter.snippet(text, 60, 200)
        } else {
            self.highlighter.mark(text)
        };
        let mut cells = cells.to_vec();
        cells[i] = Cell::Text(&marked);
        self.inner.row(&cells)
    }

    fn finish(&mut self) -> Result<()> {
        self.inner.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(marked: &str) -> String {
        marked.replace(MARK_OPEN, "[").replace(MARK_CLOSE, "]")
    }

    #[test]
    fn marks_words_however_they_are_written() {
        let h = Highlighter::new("jiyad US-led escal*", false);
        assert_eq!(
            show(&h.mark("Sajad Jiyād: the US-led escalation, escalating.")),
            "Sajad [Jiyād]: the [US]-[led] [escalation], [escalating]."
        );
    }

    #[test]
    fn raw_operators_and_columns_are_not_words() {
        let h = Highlighter::new("text:troops AND NEAR(withdraw* iraq, 5)", true);
        assert_eq!(
            show(&h.mark("and troops withdrawing from Iraq near")),
            "and [troops] [withdrawing] from [Iraq] near"
        );
    }

    #[test]
    fn snippets_cut_around_the_first_match() {
        let h = Highlighter::new("needle", false);
        let text = format!("{} needle {}", "hay ".repeat(50), "straw ".repeat(50));
        let snippet = show(&h.snippet(&text, 10, 30));
        assert!(
            snippet.starts_with('…') && snippet.ends_with('…'),
            "{snippet}"
        );
        assert!(snippet.contains("[needle]"), "{snippet}");
        assert_eq!(show(&h.snippet("a needle", 10, 30)), "a [needle]");
    }
}
