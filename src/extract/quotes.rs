//! Quote-mark spans. One left-to-right pass per paragraph with a one-state machine: a mark
//! opens, closes, or (straight marks) decides from its neighbours. Unbalanced marks are
//! recovered at the paragraph end, so one stray mark never costs the rest of the article.

use std::ops::Range;

/// The article's outer quotation style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `"`, `“ ”`, `''`, guillemets; single marks are nested quotes.
    Double,
    /// British `‘ ’` (or straight `'` used the same way); double marks are nested quotes.
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub outer_start: usize,
    /// The span inside the marks.
    pub inner_start: usize,
    pub inner_end: usize,
    /// Byte offset just after the closing mark (or the paragraph end when unclosed).
    pub outer_end: usize,
    /// False when the paragraph ended before a closing mark: the quote runs on.
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark whose neighbours do not tell: toggles.
    Either,
}

/// Picks the outer style: single marks win only when they open more quotes than double ones.
pub fn detect_style(body: &str) -> Style {
    let mut double = 0usize;
    let mut single = 0usize;
    // Every mark counted is `"`, `'` or a character whose UTF-8 opens with 0xE2 (`“ ” „ ‘`)
    // or 0xC2 (`« »`): memchr finds those bytes and skips the rest fast.
    let bytes = body.as_bytes();
    let mut after_pair = 0;
    for i in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
        // The second mark of a `''` pair is counted with the first.
        if i < after_pair {
            continue;
        }
        let c = body[i..].chars().next().unwrap_or(' ');
        let next = body[i + c.len_utf8()..].chars().next().unwrap_or(' ');
        let prev = body[..i].chars().next_back().unwrap_or(' ');
        match c {
            '"' | '“' | '”' | '„' => double += 1,
            '‘' => single += 1,
            '\'' if next == '\'' => {
                double += 1;
                after_pair = i + 2;
            }
            '\'' if opens_context(prev) && next.is_alphanumeric() => single += 1,
            _ => {}
        }
    }
    double += memchr::memchr_iter(0xC2, bytes)
        .filter(|&i| matches!(body[i..].chars().next(), Some('«' | '»')))
        .count();
    if single > double {
        Style::Single
    } else {
        Style::Double
    }
}

fn opens_context(prev: char) -> bool {
    prev.is_whitespace() || "([{—–-/:".contains(prev)
}

fn closes_context(next: char) -> bool {
    next.is_whitespace() || ".,;:!?)]}—–-".contains(next)
}

/// The bytes that start no quote mark: ASCII but `"`, `'` and `` ` ``.
static NO_MARK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = !matches!(b as u8, b'"' | b'\'' | b'`');
        b += 1;
    }
    table
};

/// Appends the quote spans of one paragraph, in order.
pub fn scan_paragraph(body: &str, para: Range<usize>, style: Style, out: &mut Vec<QuoteSpan>) {
    let text = &body[para.clone()];
    let bytes = text.as_bytes();
    let mut open: Option<(usize, usize)> = None;
    // Closing marks still owed to quotes nested in the open one with its own marks.
    let mut nested = 0;
    let mut off = 0;
    while off < bytes.len() {
        // Marks are `"`, `'`, `` ` `` or multi-byte characters: skip other ASCII cheaply (a
        // look-up a byte, in a loop of its own).
        if NO_MARK[usize::from(bytes[off])] {
            off += 1;
            while off < bytes.len() && NO_MARK[usize::from(bytes[off])] {
                off += 1;
            }
            continue;
        }
        let c = text[off..].chars().next().unwrap_or(' ');
        let at = para.start + off;
        let next = text[off + c.len_utf8()..].chars().next().unwrap_or(' ');
        let prev = text[..off].chars().next_back().unwrap_or(' ');
        let mut width = c.len_utf8();
        let role = match (style, c) {
            (Style::Double, '“' | '„' | '«') => Some(Role::Open),
            // Some copy opens with a right mark: `”Mr Lee said ...`.
            (Style::Double, '”') if opens_context(prev) && next.is_alphanumeric() => {
                Some(Role::Open)
            }
            (Style::Double, '”' | '»') => Some(Role::Close),
            // Two right single marks typeset for a right double one: `“C,’’ Lee said`.
            (Style::Double, '’') if next == '’' && !prev.is_whitespace() => {
                width = 2 * '’'.len_utf8();
                Some(Role::Close)
            }
            (Style::Double, '`') if next == '`' => {
                width = 2;
                Some(Role::Open)
            }
            (Style::Double, '"') => Some(straight_role(prev, next)),
            // `,'''` closes a nested quote and then the outer one: the last two marks close.
            (Style::Double, '\'')
                if next == '\'' && !prev.is_whitespace() && text[off + 2..].starts_with('\'') =>
            {
                None
            }
            (Style::Double, '\'') if next == '\'' => {
                width = 2;
                let after = text[off + 2..].chars().next().unwrap_or(' ');
                Some(straight_role(prev, after))
            }
            (Style::Single, '‘') => Some(Role::Open),
            (Style::Single, '’') if !next.is_alphanumeric() => Some(Role::Close),
            (Style::Single, '\'') => {
                if opens_context(prev) && next.is_alphanumeric() {
                    Some(Role::Open)
                } else if !prev.is_whitespace() && !next.is_alphanumeric() {
                    Some(Role::Close)
                } else {
                    None
                }
            }
            _ => None,
        };
        off += width;
        let Some(role) = role else { continue };
        let after_mark = at + width;
        match (role, open) {
            (Role::Open | Role::Either, None) => open = Some((at, after_mark)),
            (Role::Open, Some(_)) if c == '“' && closes_twice(&text[off..]) => nested += 1,
            (Role::Close, Some(_)) if nested > 0 => nested -= 1,
            (Role::Open, Some((o_start, i_start))) => {
                // A mark that reopens without a close: the previous quote lost its closing
                // mark (common in wire copy). Close it here and start a new one, unless a
                // narrative sentence introduces the new quote (`... Smith said: "`): then
                // the old quote ended with the sentence before that one.
                let introduced = body[i_start..at].trim_end().ends_with(':');
                let end = if introduced {
                    last_sentence_end(&body[i_start..at]).map_or(at, |e| i_start + e)
                } else {
                    at
                };
                push(body, out, o_start, i_start, end, i_start, true);
                open = Some((at, after_mark));
            }
            (Role::Close | Role::Either, Some((o_start, i_start))) => {
                push(body, out, o_start, i_start, at, after_mark, true);
                open = None;
            }
            (Role::Close, None) => {}
        }
    }
    if let Some((o_start, i_start)) = open {
        push(body, out, o_start, i_start, para.end, para.end, false);
    }
}

/// Whether the text after a second `“` closes twice before it opens again: `“I'd rather live
/// in what he calls “hell” than here.”` nests a quote in the same marks. (A lost closing mark,
/// as wire copy has, closes once: `“A. “B,” he said.`)
fn closes_twice(rest: &str) -> bool {
    let mut closes = 0;
    for c in rest.chars() {
        match c {
            '“' => return false,
            '”' => {
                closes += 1;
                if closes == 2 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Byte offset just after the last `.`, `?` or `!` that is followed by white space.
fn last_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i - 1], b'.' | b'?' | b'!') && bytes[i].is_ascii_whitespace())
}

fn straight_role(prev: char, next: char) -> Role {
    match (opens_context(prev), closes_context(next)) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// Where a nickname in quote marks inside a name ends, when the mark at `open` opens one:
/// `Robert C. "Bobby" Scott`, `Marcia “Cia” Price`. A capitalised word or initial stands
/// before it, one or two capitalised words inside, and a capitalised word after.
pub fn nickname_end(body: &str, open: usize) -> Option<usize> {
    let rest = body.get(open..)?;
    let mark = rest.chars().next().filter(|c| matches!(c, '"' | '“'))?;
    let inner_start = open + mark.len_utf8();
    let inner_len = body[inner_start..]
        .char_indices()
        .take(24)
        .find(|&(_, c)| matches!(c, '"' | '”'))
        .map(|(k, _)| k)?;
    let inner = &body[inner_start..inner_start + inner_len];
    let capitalised = |w: &str| {
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '.')
    };
    if inner.split(' ').count() > 2 || !inner.split(' ').all(capitalised) {
        return None;
    }
    let before = body[..open].strip_suffix(' ')?;
    let word_before = before.rsplit(' ').next()?;
    let end = inner_start + inner_len + body[inner_start + inner_len..].chars().next()?.len_utf8();
    let after = body[end..].strip_prefix(' ')?;
    (capitalised(word_before) && after.starts_with(char::is_uppercase)).then_some(end)
}

fn push(
    body: &str,
    out: &mut Vec<QuoteSpan>,
    outer_start: usize,
    inner_start: usize,
    inner_end: usize,
    outer_end: usize,
    closed: bool,
) {
    let inner = &body[inner_start..inner_end];
    // (Most quotes are longer than a nickname: look no further at those.)
    let nickname = inner.len() < 24 && nickname_end(body, outer_start).is_some();
    if !inner.chars().any(char::is_alphanumeric) || nickname {
        return;
    }
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let inner_end = inner_end - trail;
    out.push(QuoteSpan {
        outer_start,
        inner_start: inner_start + lead,
        inner_end,
        // A quote closed by a reopening mark ends where its text does.
        outer_end: outer_end.max(inner_end),
        closed,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(body: &str) -> Vec<&str> {
        let style = detect_style(body);
        let mut out = Vec::new();
        scan_paragraph(body, 0..body.len(), style, &mut out);
        out.iter()
            .map(|q| &body[q.inner_start..q.inner_end])
            .collect()
    }

    #[test]
    fn straight_curly_and_guillemets() {
        assert_eq!(inner(r#""One," he said. "Two.""#), ["One,", "Two."]);
        assert_eq!(inner("“One,” he said, «two»."), ["One,", "two"]);
        assert_eq!(inner("''Doubled,'' she said."), ["Doubled,"]);
        assert_eq!(
            inner("''They call it 'fair,''' she said."),
            ["They call it 'fair,'"]
        );
    }

    #[test]
    fn two_right_single_marks_close_a_double_quote() {
        assert_eq!(
            inner("“The ferry is late,’’ she said. “Again.”"),
            ["The ferry is late,", "Again."]
        );
    }

    #[test]
    fn british_single_style_ignores_apostrophes() {
        let body = "‘We won’t go,’ he said. ‘It’s over.’";
        assert_eq!(detect_style(body), Style::Single);
        assert_eq!(inner(body), ["We won’t go,", "It’s over."]);
    }

    #[test]
    fn nested_single_marks_stay_inside_double_quotes() {
        assert_eq!(
            inner("“He called it ‘silly’ twice,” she said."),
            ["He called it ‘silly’ twice,"]
        );
    }

    #[test]
    fn a_quote_nested_in_the_same_curly_marks_stays_inside() {
        assert_eq!(
            inner("“I would rather live in what he calls “hell” than here.” ― Ann Lee"),
            ["I would rather live in what he calls “hell” than here."]
        );
        // A lost closing mark still ends the quote before a new one.
        assert_eq!(
            inner("“We lost. “We will be back,” he said."),
            ["We lost.", "We will be back,"]
        );
    }

    #[test]
    fn reopening_mark_closes_the_previous_quote() {
        assert_eq!(
            inner(r#""First part. "Second part.""#),
            ["First part.", "Second part."]
        );
    }

    #[test]
    fn narrative_before_a_colon_ends_an_unclosed_quote() {
        let body = r#"Lee said: "We lost. The coach, Ann Ford, said: "We will be back.""#;
        assert_eq!(inner(body), ["We lost.", "We will be back."]);
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let body = r#"He said: "this never closes"#;
        let mut out = Vec::new();
        scan_paragraph(body, 0..body.len(), Style::Double, &mut out);
        assert_eq!(out.len(), 1);
        assert!(!out[0].closed);
        assert_eq!(
            &body[out[0].inner_start..out[0].inner_end],
            "this never closes"
        );
    }
}
