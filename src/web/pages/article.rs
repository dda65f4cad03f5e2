//! `/articles/ID`: one article as `newsclaims show` prints it: the body with every quote and
//! claim marked and attributed, and the lists of them beside it.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::Html;
use maud::{html, Markup, PreEscaped};

use crate::store::query::{ArticleDetail, Said};
use crate::store::Store;
use crate::web::layout::{self, downloads, escape, web_url};
use crate::web::params::parse_id;
use crate::web::{PageError, Pool};

pub async fn page(
    State(pool): State<Arc<Pool>>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let id = parse_id("The article id", &id)?;
    let article = pool.run(move |store| gather(store, id)).await?;
    let title = article.title.clone().unwrap_or_else(|| "(untitled)".into());
    Ok(Html(
        layout::page(&title, "", render(&article)).into_string(),
    ))
}

fn gather(store: &Store, id: i64) -> Result<ArticleDetail, PageError> {
    if store.find_articles(&id.to_string())? != [id] {
        return Err(PageError::not_found(format!("There is no article {id}.")));
    }
    Ok(store.article_detail(id)?)
}

fn render(a: &ArticleDetail) -> Markup {
    let pairs = [("article", a.id.to_string())];
    html! {
        article.story {
            h1 { (a.title.as_deref().unwrap_or("(untitled)")) }
            p.subtitle {
                @if let Some(source) = &a.source { (source) " · " }
                @if let Some(date) = &a.published_date { time { (date) } " · " }
                @if let Some(author) = &a.author { "by " (author) " · " }
                "#" (a.id)
            }
            p.origin {
                @match a.url.as_deref().and_then(web_url) {
                    Some(url) => { a href=(url) rel="noopener noreferrer nofollow" { "Original article" } " · " }
                    None => { @if let Some(url) = &a.url { span.url { (url) } " · " } }
                }
                span.url { (a.origin) }
            }
            div.article-layout {
                div.body { (marked_body(a)) }
                aside.said-lists {
                    section #quotes {
                        h2 { "Quotes " span.count { (a.quotes.len()) } }
                        (downloads("Download all", "quotes", &pairs))
                        ol { @for (i, q) in a.quotes.iter().enumerate() { (said_entry('q', i, q)) } }
                    }
                    section #claims {
                        h2 { "Claims " span.count { (a.claims.len()) } }
                        (downloads("Download all", "claims", &pairs))
                        ol { @for (i, c) in a.claims.iter().enumerate() { (said_entry('c', i, c)) } }
                    }
                }
            }
        }
    }
}

fn said_entry(letter: char, i: usize, said: &Said) -> Markup {
    html! {
        li id=(format!("{letter}{}", i + 1)) {
            a.speaker href=(format!("/speakers/{}", said.speaker_id)) { (said.speaker) }
            @if let Some(role) = &said.role { ", " (role) }
            " · " span.cue { (said.cue) }
            @if let Some(kind) = &said.kind { " · " span.kind { (kind) } }
            blockquote { (said.text) }
        }
    }
}

/// A marked span of the body.
struct Span<'a> {
    start: usize,
    end: usize,
    said: &'a Said,
    /// `q` or `c`, and the number of the entry in its list.
    letter: char,
    number: usize,
}

/// The body, escaped, with each quote in `<mark>` and each claim in a `<span>`, each followed
/// by who said it, linked to its entry in the lists. Spans are character offsets; a span that
/// crosses another's end (rather than nesting in it) is left unmarked, as in `show`.
fn marked_body(a: &ArticleDetail) -> Markup {
    let mut spans: Vec<Span<'_>> = Vec::new();
    for (letter, list) in [('c', &a.claims), ('q', &a.quotes)] {
        for (i, said) in list.iter().enumerate() {
            if said.end > said.start {
                spans.push(Span {
                    start: said.start,
                    end: said.end,
                    said,
                    letter,
                    number: i + 1,
                });
            }
        }
    }
    // Outer spans first: earlier start, then longer; a claim holds its quote.
    spans.sort_by(|x, y| {
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then((x.letter == 'q').cmp(&(y.letter == 'q')))
    });
    let mut kept: Vec<&Span<'_>> = Vec::new();
    let mut open_ends: Vec<usize> = Vec::new();
    for span in &spans {
        while open_ends.last().is_some_and(|end| *end <= span.start) {
            open_ends.pop();
        }
        if open_ends.last().is_some_and(|end| span.end > *end) {
            continue;
        }
        open_ends.push(span.end);
        kept.push(span);
    }
    let mut out = String::with_capacity(a.body.len() * 11 / 10 + 64 * kept.len());
    let mut open: Vec<&Span<'_>> = Vec::new();
    let mut next = kept.iter().peekable();
    let mut buf = [0u8; 4];
    let close_until = |out: &mut String, open: &mut Vec<&Span<'_>>, at: usize| {
        while open.last().is_some_and(|span| span.end <= at) {
            if let Some(span) = open.pop() {
                close(out, span);
            }
        }
    };
    for (i, c) in a.body.chars().enumerate() {
        close_until(&mut out, &mut open, i);
        while let Some(span) = next.next_if(|span| span.start == i) {
            let tag = if span.letter == 'q' { "mark" } else { "span" };
            let class = if span.letter == 'q' { "quote" } else { "claim" };
            let _ = write!(
                out,
                "<{tag} class=\"{class}\" title=\"{} · {}\">",
                escape(&span.said.speaker),
                escape(&span.said.cue)
            );
            open.push(span);
        }
        out.push_str(&escape(c.encode_utf8(&mut buf)));
    }
    close_until(&mut out, &mut open, usize::MAX);
    PreEscaped(out)
}

fn close(out: &mut String, span: &Span<'_>) {
    let tag = if span.letter == 'q' { "mark" } else { "span" };
    let _ = write!(
        out,
        "</{tag}><sup class=\"who\"><a href=\"#{}{}\">{}{} {}</a></sup>",
        span.letter,
        span.number,
        span.letter.to_ascii_uppercase(),
        span.number,
        escape(&span.said.speaker)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(speaker: &str, start: usize, end: usize) -> Said {
        Said {
            id: 1,
            speaker: speaker.into(),
            speaker_id: 1,
            role: None,
            cue: "said".into(),
            text: String::new(),
            kind: None,
            claim_id: None,
            start,
            end,
        }
    }

    /// An article of one quote and one claim.
    fn article(body: &str, quote: Said, claim: Said) -> ArticleDetail {
        ArticleDetail {
            id: 7,
            origin: "a.txt".into(),
            url: None,
            title: None,
            author: None,
            published_at: None,
            published_date: None,
            source: None,
            body: body.into(),
            quotes: vec![quote],
            claims: vec![claim],
        }
    }

    #[test]
    fn quotes_nest_in_claims_and_everything_is_escaped() {
        let body = "“<b>Já</b> vamos,” disse <X>.";
        let article = article(body, said("<X>", 1, 17), said("<X>", 0, 18));
        let html = marked_body(&article).into_string();
        assert_eq!(
            html,
            "<span class=\"claim\" title=\"&lt;X&gt; · said\">“<mark class=\"quote\" \
             title=\"&lt;X&gt; · said\">&lt;b&gt;Já&lt;/b&gt; vamos,</mark><sup class=\"who\">\
             <a href=\"#q1\">Q1 &lt;X&gt;</a></sup>”</span><sup class=\"who\"><a href=\"#c1\">\
             C1 &lt;X&gt;</a></sup> disse &lt;X&gt;."
        );
    }

    #[test]
    fn a_span_crossing_another_is_left_unmarked() {
        let body = "abcdefghij";
        let article = article(body, said("Q", 4, 8), said("C", 0, 6));
        let html = marked_body(&article).into_string();
        assert!(!html.contains("<mark"), "{html}");
        assert!(html.contains("<span class=\"claim\""), "{html}");
    }
}
