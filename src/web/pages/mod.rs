//! One file per page. Each handler reads its parameters (a 400 when one is bad), asks the
//! archive through the pool, and renders with maud, which escapes every value it is given.

pub mod article;
pub mod outlets;
pub mod overview;
pub mod search;
pub mod speaker;
pub mod speakers;

use maud::{html, Markup};

use super::layout::{count, downloads, escape, highlighted, page_count, pager};
use super::params::{href, with};
use super::rows::{Row, Rows};
use super::PageError;
use crate::store::query::{Named, Resolved, Select};
use crate::store::Store;

/// Rows on a page of results.
pub const PER_PAGE: u64 = 20;

/// What tells one index (speakers, outlets) from the other on its page.
pub struct Index {
    /// The heading: `Speakers`.
    pub title: &'static str,
    /// Its path: `/speakers`.
    pub path: &'static str,
    /// What the search box finds: `Name or domain`.
    pub search_label: &'static str,
    /// The table its downloads export.
    pub table: &'static str,
    /// The sort its pages start with, first of the sorts it offers.
    pub sorts: &'static [&'static str],
}

/// One page of an index, as its parameters asked for it.
pub struct IndexView {
    pub q: Option<String>,
    pub sort: &'static str,
    pub page: u64,
    pub total: u64,
    pub rows: Rows,
}

/// The page of an index around its table: heading, search form, downloads and pager. `table`
/// draws the rows, given the links its column headings keep.
pub fn index_markup(
    index: &Index,
    view: &IndexView,
    table: impl FnOnce(&[(&'static str, String)]) -> Markup,
) -> Markup {
    let mut pairs = Vec::new();
    if let Some(q) = &view.q {
        pairs.push(("q", q.clone()));
    }
    let filter_pairs = pairs.clone();
    if view.sort != index.sorts[0] {
        pairs.push(("sort", view.sort.to_string()));
    }
    html! {
        h1 { (index.title) " " span.count { (count(view.total as i64)) } }
        form.filters action=(index.path) method="get" {
            div.field.wide {
                label for="q" { (index.search_label) }
                input #q type="search" name="q" value=(view.q.as_deref().unwrap_or(""));
            }
            input type="hidden" name="sort" value=(view.sort);
            div.field { button type="submit" { "Find" } }
        }
        p { (downloads("Download all", index.table, &filter_pairs)) }
        div.table-wrap { (table(&pairs)) }
        (pager(index.path, &pairs, "page", view.page, page_count(view.total, PER_PAGE)))
    }
}

/// A column heading that sorts by it (largest first; names A to Z), from the first page of
/// the same path.
pub fn sort_link(
    pairs: &[(&'static str, String)],
    sort: &'static str,
    label: &str,
    current: &str,
) -> Markup {
    let pairs = with(&with(pairs, "page", None), "sort", Some(sort.to_string()));
    html! {
        @if sort == current {
            span.sorted aria-sort="descending" { (label) " ▾" }
        } @else {
            a href=(href("", &pairs)) { (label) }
        }
    }
}

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
