//! Plain text and Markdown: front matter, title line, byline, body.
//!
//! Convention (the extractor relies on it): the first non-empty line is the title (a leading
//! `#` heading marker is stripped in Markdown); the body is the rest with leading and trailing
//! blank lines trimmed and everything else verbatim. A `By NAME` line among the first three or
//! last two non-empty lines of the body gives the author and is removed. An optional front
//! matter block (`---` on the very first line, `key: value` lines, `---`) gives title, url,
//! published/date, source/publisher, author/byline, language/lang.

use crate::model::{Article, Format};

use super::date::{calendar_date, parse_date, MONTH_NAMES};

/// Key/value pairs of a front matter block and the text after it.
pub fn split_front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return (Vec::new(), text);
    };
    if first.trim_end() != "---" {
        return (Vec::new(), text);
    }
    let mut pairs = Vec::new();
    let mut offset = first.len();
    for line in lines {
        offset += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return (pairs, &text[offset..]);
        }
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            let v = unquote(v.trim());
            if !k.is_empty() && !k.contains(' ') {
                pairs.push((k, v.to_string()));
            }
        }
    }
    // No closing marker: not front matter.
    (Vec::new(), text)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// If `line` is a byline ("By Jane Doe", "By Jane Doe and John Roe, Staff Writers"), the
/// name(s) without "By".
pub fn byline(line: &str) -> Option<String> {
    let l = line.trim();
    let l = l
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_']);
    let rest = l
        .strip_prefix("By ")
        .or_else(|| l.strip_prefix("BY "))
        .or_else(|| l.strip_prefix("By: "))?;
    if l.chars().count() > 80 || l.ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}']) {
        return None;
    }
    let names = rest
        .split([',', '|', '\u{2014}', '\u{2013}'])
        .next()?
        .trim();
    let words: Vec<&str> = names.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    const NOT_NAMES: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "Then",
        "Now",
        "Contrast",
        "Comparison",
        "Far",
        "Law",
    ];
    if NOT_NAMES.contains(&words[0]) || MONTH_NAMES.contains(&words[0]) {
        return None;
    }
    const JOINERS: &[&str] = &[
        "and", "&", "de", "van", "von", "der", "da", "del", "la", "le", "bin", "al",
    ];
    let mut name_words = 0;
    for w in &words {
        if JOINERS.contains(w) {
            continue;
        }
        let first = w.chars().next()?;
        if !first.is_uppercase() {
            return None;
        }
        if !w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-' | '\u{2019}'))
        {
            return None;
        }
        name_words += 1;
    }
    if name_words == 0 || JOINERS.contains(words.last()?) {
        return None;
    }
    Some(names.to_string())
}

/// Trims leading and trailing blank lines, keeping everything else verbatim.
pub fn trim_blank_lines(s: &str) -> &str {
    let mut start = 0;
    for line in s.split_inclusive('\n') {
        if line.trim().is_empty() {
            start += line.len();
        } else {
            break;
        }
    }
    let s = &s[start..];
    let mut end = s.len();
    // Drop trailing lines that are blank.
    while end > 0 {
        let head = &s[..end];
        let line_start = head
            .trim_end_matches(['\n', '\r'])
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let line = &head[line_start..];
        if line.trim().is_empty() {
            end = line_start;
        } else {
            // Keep the line, without its line break.
            end = line_start + line.trim_end_matches(['\n', '\r']).len();
            break;
        }
    }
    &s[..end]
}

/// Removes a byline among the first three or last two non-empty lines; returns the author.
pub fn take_byline(body: &str) -> (Option<String>, String) {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let non_empty: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect();
    let n = non_empty.len();
    let candidates = non_empty
        .iter()
        .take(3)
        .chain(non_empty.iter().skip(n.saturating_sub(2).max(3.min(n))));
    for &i in candidates {
        if let Some(author) = byline(lines[i]) {
            let mut out = String::with_capacity(body.len());
            for (j, l) in lines.iter().enumerate() {
                if j != i {
                    out.push_str(l);
                }
            }
            return (Some(author), trim_blank_lines(&out).to_string());
        }
    }
    (None, body.to_string())
}

pub fn parse(origin: &str, text: &str, format: Format) -> Result<Article, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (front, rest) = split_front_matter(text);
    let mut article = Article {
        origin: origin.to_string(),
        format,
        ..Article::default()
    };
    for (k, v) in &front {
        if v.is_empty() {
            continue;
        }
        let v = v.clone();
        match k.as_str() {
            "title" | "headline" => article.title = Some(v),
            "url" | "link" | "canonical" => article.url = Some(v),
            "published" | "date" | "published_at" | "pubdate" | "datepublished" => {
                article.published_raw = Some(v)
            }
            "source" | "publisher" | "outlet" | "site" => article.source = Some(v),
            "author" | "byline" | "authors" => {
                article.author =
                    Some(byline(&format!("By {}", v.trim_start_matches("By "))).unwrap_or(v))
            }
            "language" | "lang" => article.language = Some(v),
            _ => {}
        }
    }
    // The title line.
    let mut body_start = 0;
    let mut title_line = None;
    for line in rest.split_inclusive('\n') {
        body_start += line.len();
        if !line.trim().is_empty() {
            title_line = Some(line.trim());
            break;
        }
    }
    let Some(first) = title_line else {
        return Err("no text".to_string());
    };
    let heading = first.starts_with('#');
    let first_clean = if format == Format::Markdown {
        first.trim_start_matches('#').trim()
    } else {
        first
    };
    match &article.title {
        // Front matter gave the title: the first line is the title only if it repeats it or
        // is a Markdown heading; otherwise it is already body.
        Some(t) if !(heading || first_clean == t) => body_start = 0,
        Some(_) => {}
        None => article.title = Some(first_clean.to_string()),
    }
    let body = trim_blank_lines(&rest[body_start..]);
    let (author, body) = take_byline(body);
    if article.author.is_none() {
        article.author = author;
    }
    if body.trim().is_empty() {
        return Err("no text after the title line".to_string());
    }
    article.body = body;
    if let Some(raw) = &article.published_raw {
        article.published_at = parse_date(raw);
        article.published_date = calendar_date(raw);
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_and_verbatim_body() {
        let a = parse(
            "x",
            "\n\nHeadline here\n\nFirst para.\n  Indented line.\n\n\n",
            Format::Text,
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Headline here"));
        assert_eq!(a.body, "First para.\n  Indented line.");
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            byline("By Jane Doe, Health Reporter").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            byline("BY Ana de la Cruz and Tom Wu").as_deref(),
            Some("Ana de la Cruz and Tom Wu")
        );
        assert_eq!(byline("By Tuesday, the firm had sold out."), None);
        assert_eq!(byline("By contrast prices rose"), None);
        assert_eq!(byline("By March 2005"), None);
        let a = parse("x", "T\n\nBy Jane Doe\n\nText \"here\".\n", Format::Text).unwrap();
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.body, "Text \"here\".");
    }

    #[test]
    fn front_matter() {
        let src = "---\ntitle: \"A title\"\ndate: 2024-03-01\nsource: The Paper\n---\n# A title\n\nBody.\n";
        let a = parse("x", src, Format::Markdown).unwrap();
        assert_eq!(a.title.as_deref(), Some("A title"));
        assert_eq!(a.source.as_deref(), Some("The Paper"));
        assert_eq!(a.published_at.as_deref(), Some("2024-03-01T00:00:00Z"));
        assert_eq!(a.body, "Body.");
        let a = parse(
            "x",
            "---\ntitle: T\n---\nFirst line of body.\nSecond.\n",
            Format::Text,
        )
        .unwrap();
        assert_eq!(a.body, "First line of body.\nSecond.");
    }

    #[test]
    fn trims() {
        assert_eq!(trim_blank_lines("\n \nA\n\nB\n \n"), "A\n\nB");
        assert_eq!(trim_blank_lines("A"), "A");
        assert_eq!(trim_blank_lines("\n\n"), "");
    }
}

/// Newswire dumps (Reuters-21578 among them) wrap lines at about 70 columns and start each
/// paragraph with an indented line. Extraction reads a paragraph as a line, so such a body is
/// reflowed: the lines of a paragraph joined by a space, paragraphs separated by a blank line.
/// Bodies that do not look hard-wrapped are left alone.
pub fn reflow_hard_wrapped(body: &str) -> Option<String> {
    let lines: Vec<&str> = body.lines().collect();
    if lines.len() < 4 {
        return None;
    }
    let width = |l: &str| l.chars().count();
    if lines.iter().any(|l| width(l) > 90) {
        return None;
    }
    let wrapped = lines
        .iter()
        .filter(|l| (40..=90).contains(&width(l)))
        .count();
    if wrapped * 2 < lines.len() {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut open = false;
    for line in lines {
        let text = line.trim();
        if text.is_empty() {
            open = false;
            continue;
        }
        if open && !line.starts_with([' ', '\t']) {
            out.push(' ');
        } else if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(text);
        open = true;
    }
    Some(out)
}

#[cfg(test)]
mod reflow_tests {
    use super::reflow_hard_wrapped;

    #[test]
    fn joins_wrapped_lines_and_splits_paragraphs_at_indents() {
        let body = "Showers continued throughout the week in the cocoa zone,\n\
                    alleviating the drought since early January, a trader\n\
                    said in a weekly review published on Thursday.\n    \
                    \"Arrivals for the week were higher,\" the review said, adding\n\
                    that prices could fall again in the months ahead.\n";
        let reflowed = reflow_hard_wrapped(body).unwrap();
        assert_eq!(
            reflowed,
            "Showers continued throughout the week in the cocoa zone, alleviating the drought \
             since early January, a trader said in a weekly review published on Thursday.\n\n\
             \"Arrivals for the week were higher,\" the review said, adding that prices could \
             fall again in the months ahead."
        );
    }

    #[test]
    fn leaves_ordinary_paragraphs_alone() {
        let body = "A short line.\n\nAnother paragraph that runs on for a long time without any \
                    hard wrapping at all, as web articles and most text files do, well past any \
                    column limit.\n\nA third.\n\nA fourth.";
        assert_eq!(reflow_hard_wrapped(body), None);
    }
}
