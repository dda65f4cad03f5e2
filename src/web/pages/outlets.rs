//! `/outlets`: every outlet with its counts, found by name or domain (as `--source`),
//! sortable by count, paged. An outlet's name lists its newest quotes.

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

const OUTLETS: Index = Index {
    title: "Outlets",
    path: "/outlets",
    search_label: "Name or domain",
    table: "outlets",
    sorts: SORTS,
};

const SORTS: &[&str] = &["articles", "quotes", "claims", "name"];

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
            OUTLETS.title,
            "",
            index_markup(&OUTLETS, &view, |pairs| table(&view, pairs)),
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
    let sources = match &q {
        Some(text) => {
            let found = store.find_sources(text)?;
            if found.is_empty() {
                return Err(PageError::not_found(format!("No outlet matches {text:?}.")));
            }
            Some(found)
        }
        None => None,
    };
    let all = store.speaker_and_source_totals()?.1;
    let (total, rows) = index_page(
        store,
        sources,
        all,
        "outlets",
        page,
        |filters, found| filters.sources = found,
        |filters| {
            query::source_listing_by(filters, query::Ranking::parse(sort).unwrap_or_default())
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
                th { "Domain" }
                th.num { (sort_link(pairs, "articles", "Articles", view.sort)) }
                th.num { (sort_link(pairs, "quotes", "Quotes", view.sort)) }
                th.num { (sort_link(pairs, "claims", "Claims", view.sort)) }
                th { "First" }
                th { "Last" }
            } }
            tbody {
                @for row in view.rows.iter() {
                    tr {
                        td { a href=(href("/search", &[("source", row.text("name").unwrap_or("").to_string())])) { (row.text("name").unwrap_or("")) } }
                        td { (row.text("domain").unwrap_or("")) }
                        td.num { (count(row.int("articles").unwrap_or(0))) }
                        td.num { (count(row.int("quotes").unwrap_or(0))) }
                        td.num { (count(row.int("claims").unwrap_or(0))) }
                        td { (row.text("first_published").unwrap_or("")) }
                        td { (row.text("last_published").unwrap_or("")) }
                    }
                }
            }
        }
    }
}
