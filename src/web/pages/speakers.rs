//! `/speakers`: every speaker with their counts, searchable by any part of a name or alias
//! (as `speakers --search`), sortable by count, paged.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Html;
use maud::{html, Markup};

use super::{index_page, PER_PAGE};
use crate::store::query;
use crate::store::Store;
use crate::web::layout::{self, count, downloads, page_count, pager};
use crate::web::params::{href, with, Params};
use crate::web::rows::Rows;
use crate::web::{PageError, Pool};

pub const SORTS: &[&str] = &["quotes", "claims", "articles", "name"];

struct View {
    q: Option<String>,
    sort: &'static str,
    page: u64,
    total: u64,
    rows: Rows,
}

pub async fn index(
    State(pool): State<Arc<Pool>>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::parse(query.as_deref());
    let q = params.text("q")?;
    let sort = params.choice("sort", SORTS)?;
    let page = params.page("page")?;
    let view = pool.run(move |store| gather(store, q, sort, page)).await?;
    Ok(Html(
        layout::page("Speakers", "", render(&view)).into_string(),
    ))
}

fn gather(
    store: &Store,
    q: Option<String>,
    sort: &'static str,
    page: u64,
) -> Result<View, PageError> {
    let speakers = match &q {
        Some(text) => {
            let found = store.search_speakers(text)?;
            if found.is_empty() {
                let missing = store.no_speaker(text)?;
                let suggestions = missing
                    .closest
                    .iter()
                    .map(|close| (close.clone(), href("/speakers", &[("q", close.clone())])))
                    .collect();
                return Err(
                    PageError::not_found(format!("{missing}.")).with_suggestions(suggestions)
                );
            }
            Some(found)
        }
        None => None,
    };
    let all = store.speaker_and_source_totals()?.0;
    let (total, rows) = index_page(
        store,
        speakers,
        all,
        "speakers",
        page,
        |filters, found| filters.speakers = found,
        |filters| {
            query::speaker_listing_by(filters, query::Ranking::parse(sort).unwrap_or_default())
        },
    )?;
    Ok(View {
        q,
        sort,
        page,
        total,
        rows,
    })
}

fn render(view: &View) -> Markup {
    let mut pairs = Vec::new();
    if let Some(q) = &view.q {
        pairs.push(("q", q.clone()));
    }
    let filter_pairs = pairs.clone();
    if view.sort != SORTS[0] {
        pairs.push(("sort", view.sort.to_string()));
    }
    html! {
        h1 { "Speakers " span.count { (count(view.total as i64)) } }
        form.filters action="/speakers" method="get" {
            div.field.wide {
                label for="q" { "Name or part of one" }
                input #q type="search" name="q" value=(view.q.as_deref().unwrap_or(""));
            }
            input type="hidden" name="sort" value=(view.sort);
            div.field { button type="submit" { "Find" } }
        }
        p { (downloads("Download all", "speakers", &filter_pairs)) }
        div.table-wrap {
            table {
                thead { tr {
                    th { (sort_link(&pairs, "name", "Name", view.sort)) }
                    th { "Kind" }
                    th { "Role" }
                    th.num { (sort_link(&pairs, "quotes", "Quotes", view.sort)) }
                    th.num { (sort_link(&pairs, "claims", "Claims", view.sort)) }
                    th.num { (sort_link(&pairs, "articles", "Articles", view.sort)) }
                    th { "First seen" }
                    th { "Last seen" }
                } }
                tbody {
                    @for row in view.rows.iter() {
                        tr {
                            td { a href=(format!("/speakers/{}", row.int("id").unwrap_or(0))) { (row.text("name").unwrap_or("")) } }
                            td { (row.text("kind").unwrap_or("")) }
                            td { (row.text("role").unwrap_or("")) }
                            td.num { (count(row.int("quotes").unwrap_or(0))) }
                            td.num { (count(row.int("claims").unwrap_or(0))) }
                            td.num { (count(row.int("articles").unwrap_or(0))) }
                            td { (row.text("first_seen").unwrap_or("")) }
                            td { (row.text("last_seen").unwrap_or("")) }
                        }
                    }
                }
            }
        }
        (pager("/speakers", &pairs, "page", view.page, page_count(view.total, PER_PAGE)))
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
