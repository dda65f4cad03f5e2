//! What every page shares: the frame (navigation, search box, stylesheet), pagers, the
//! CSV/JSON links of a table, and the few helpers that turn stored text into safe HTML.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::params::{href, with};
use crate::output::{MARK_CLOSE, MARK_OPEN};

/// A whole page: `title` in the tab and the heading is the page's own business.
pub fn page(title: &str, query: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · newsclaims" }
                link rel="stylesheet" href="/style.css";
            }
            body {
                header.top {
                    a.brand href="/" { "newsclaims" }
                    nav {
                        a href="/search" { "Search" }
                        a href="/speakers" { "Speakers" }
                        a href="/outlets" { "Outlets" }
                    }
                    form.quick action="/search" method="get" role="search" {
                        input type="search" name="q" value=(query) aria-label="Search quotes, claims and articles" placeholder="Search quotes, claims, articles";
                        button type="submit" { "Search" }
                    }
                }
                main { (body) }
                footer { "newsclaims · read-only view of the archive" }
            }
        }
    }
}

/// Numbers as people read them: 962,559.
pub fn count(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Escapes `text` for HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text marked by `output::highlight`, escaped, with its marks as `<mark>`.
pub fn highlighted(marked: &str) -> Markup {
    PreEscaped(
        escape(marked)
            .replace(MARK_OPEN, "<mark>")
            .replace(MARK_CLOSE, "</mark>"),
    )
}

/// Stored text with the highlighter's mark characters taken out, so that only the
/// highlighter's own marks become `<mark>`.
pub fn unmarked(text: &str) -> String {
    text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
}

/// A link to the original only when it is one: an `http(s)` URL. A stored `javascript:` or
/// `data:` "URL" is shown as text, never made a link.
pub fn web_url(url: &str) -> Option<&str> {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url.trim_start())
}

/// "Page 2 of 7" with previous and next links that keep every other parameter.
pub fn pager(
    path: &str,
    pairs: &[(&'static str, String)],
    name: &'static str,
    page: u64,
    pages: u64,
) -> Markup {
    let link = |page: u64| {
        href(
            path,
            &with(pairs, name, (page > 1).then(|| page.to_string())),
        )
    };
    html! {
        @if pages > 1 {
            nav.pager aria-label="Pages" {
                @if page > 1 {
                    a rel="prev" href=(link(page - 1)) { "‹ Previous" }
                }
                span { "Page " (page) " of " (count(pages as i64)) }
                @if page < pages {
                    a rel="next" href=(link(page + 1)) { "Next ›" }
                }
            }
        }
    }
}

/// How many pages `total` rows fill.
pub fn page_count(total: u64, per_page: u64) -> u64 {
    total.div_ceil(per_page).max(1)
}

/// The CSV and JSON links of a table, after `label`: every row that matches its filters, not
/// just the page.
pub fn downloads(label: &str, table: &str, pairs: &[(&'static str, String)]) -> Markup {
    html! {
        span.downloads {
            (label) ": "
            a.csv href=(href(&format!("/export/{table}.csv"), pairs)) download { "CSV" }
            " · "
            a.json href=(href(&format!("/export/{table}.json"), pairs)) download { "JSON" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_keeps_only_highlight_marks() {
        let marked = format!("<b>{MARK_OPEN}x{MARK_CLOSE}</b> \"'&");
        assert_eq!(
            highlighted(&marked).into_string(),
            "&lt;b&gt;<mark>x</mark>&lt;/b&gt; &quot;&#39;&amp;"
        );
        assert_eq!(unmarked(&format!("a{MARK_OPEN}b{MARK_CLOSE}")), "ab");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_url("https://bbc.co.uk/x"), Some("https://bbc.co.uk/x"));
        assert_eq!(web_url("HTTP://a.b"), Some("HTTP://a.b"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "//evil",
            "",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_have_thousands_separators() {
        assert_eq!(count(962_559), "962,559");
        assert_eq!(count(12), "12");
        assert_eq!(count(1000), "1,000");
    }
}
