//! `/speakers`: every speaker with their counts, searchable by any part of a name or alias
//! (as `speakers --search`), sortable by count, paged.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Html;
use maud::{html, Markup};

use super::{index_markup, index_page, sort_link, Index, IndexView};
use crate::store::query;
use crate::store::Store;
use crate::web::layout::{self, count};
use crate::web::params::{href, Params};
use crate::web::{PageError, Pool};

const SPEAKERS: Index = Index {
    title: "Speakers",
    path: "/speakers",
    search_label: "Name or part of one",
    table: "speakers",
    sorts: SORTS,
};

const SORTS: &[&str] = &["quotes", "claims", "articles", "name"];

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
        layout::page(
            SPEAKERS.title,
            "",
            index_markup(&SPEAKERS, &view, |pairs| table(&view, pairs)),
        )
        .into_string(),
    ))
}

fn gather(
    store: &Store,
    q: Option<String>,
    sort: &'static str,
    page: u64,
) -> Result<IndexView, PageError> {
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
    Ok(IndexView {
        q,
        sort,
        page,
        total,
        rows,
    })
}

/// The index's table; `pairs` are the links its column headings keep.
fn table(view: &IndexView, pairs: &[(&'static str, String)]) -> Markup {
    html! {
        table {
            thead { tr {
                th { (sort_link(pairs, "name", "Name", view.sort)) }
                th { "Kind" }
                th { "Role" }
                th.num { (sort_link(pairs, "quotes", "Quotes", view.sort)) }
                th.num { (sort_link(pairs, "claims", "Claims", view.sort)) }
                th.num { (sort_link(pairs, "articles", "Articles", view.sort)) }
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
}
