//! One file per page. Each handler reads its parameters (a 400 when one is bad), asks the
//! archive through the pool, and renders with maud, which escapes every value it is given.

pub mod article;
pub mod outlets;
pub mod overview;
pub mod search;
pub mod speaker;
pub mod speakers;

use maud::{html, Markup};

use super::layout::{escape, highlighted, page_count};
use super::rows::{Row, Rows};
use super::PageError;
use crate::store::query::{Named, Resolved, Select};
use crate::store::Store;

/// Rows on a page of results.
pub const PER_PAGE: u64 = 20;

/// One page of an index (speakers, outlets): how many there are, and the rows of `page`.
/// `found` are the ones a search found (all when `None`, `all` of them); `what` names them
/// in the message for a page past the last; `filtered` sets `found` on the filters.
pub fn index_page(
    store: &Store,
    found: Option<Vec<Named>>,
    all: i64,
    what: &str,
    page: u64,
    filtered: impl FnOnce(&mut Resolved, Option<Vec<Named>>),
    listing: impl FnOnce(&Resolved) -> Select,
) -> Result<(u64, Rows), PageError> {
    let total = found
        .as_ref()
        .map_or(all as u64, |found| found.len() as u64);
    let pages = page_count(total, PER_PAGE);
    if page > pages {
        return Err(PageError::not_found(format!(
            "There is no page {page}: the {what} fill {pages}."
        )));
    }
    let mut filters = Resolved {
        limit: Some(PER_PAGE),
        offset: (page - 1) * PER_PAGE,
        ..Resolved::default()
    };
    filtered(&mut filters, found);
    let mut rows = Rows::default();
    store.stream(&listing(&filters), &mut rows)?;
    Ok((total, rows))
}

/// A quote or claim in a list: what was said, by whom, and the article it is from. `marked`
/// is the text with the search's words marked, when there was a search.
pub fn said_item(row: &Row<'_>, text_column: &str, marked: Option<&str>) -> Markup {
    let text = row.text(text_column).unwrap_or("");
    let body = match marked {
        Some(marked) => highlighted(marked),
        None => maud::PreEscaped(escape(text)),
    };
    html! {
        li.said {
            blockquote { (body) }
            p.meta {
                @if let Some(speaker) = row.text("speaker") {
                    @match row.int("speaker_id") {
                        Some(id) => { a.speaker href=(format!("/speakers/{id}")) { (speaker) } }
                        None => { a.speaker href=(super::params::href("/speaker", &[("name", speaker.to_string()), ("exact", "1".into())])) { (speaker) } }
                    }
                    @if let Some(role) = row.text("speaker_role") { ", " (role) }
                    @if let Some(cue) = row.text("cue") { " · " span.cue { (cue) } }
                }
                @if let Some(kind) = row.text("kind") { " · " span.kind { (kind) } }
                br;
                @if let Some(id) = row.int("article_id") {
                    a.article href=(format!("/articles/{id}")) { (row.text("title").unwrap_or("(untitled)")) }
                }
                @if let Some(source) = row.text("source") { " · " (source) }
                @if let Some(date) = row.text("date") { " · " time { (date) } }
            }
        }
    }
}
