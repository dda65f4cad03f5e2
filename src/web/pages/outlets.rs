//! `/outlets`: every outlet with its counts, found by name or domain (as `--source`),
//! sortable by count, paged. An outlet's name lists its newest quotes.

use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Html;
use maud::{html, Markup};

use super::speakers::sort_link;
use super::{index_page, PER_PAGE};
use crate::store::query;
use crate::store::Store;
use crate::web::layout::{self, count, downloads, page_count, pager};
use crate::web::params::{href, Params};
use crate::web::rows::Rows;
use crate::web::{PageError, Pool};

const SORTS: &[&str] = &["articles", "quotes", "claims", "name"];

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
        layout::page("Outlets", "", render(&view)).into_string(),
    ))
}

fn gather(
    store: &Store,
    q: Option<String>,
    sort: &'static str,
    page: u64,
) -> Result<View, PageError> {
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
        h1 { "Outlets " span.count { (count(view.total as i64)) } }
        form.filters action="/outlets" method="get" {
            div.field.wide {
                label for="q" { "Name or domain" }
                input #q type="search" name="q" value=(view.q.as_deref().unwrap_or(""));
            }
            input type="hidden" name="sort" value=(view.sort);
            div.field { button type="submit" { "Find" } }
        }
        p { (downloads("Download all", "outlets", &filter_pairs)) }
        div.table-wrap {
            table {
                thead { tr {
                    th { (sort_link(&pairs, "name", "Name", view.sort)) }
                    th { "Domain" }
                    th.num { (sort_link(&pairs, "articles", "Articles", view.sort)) }
                    th.num { (sort_link(&pairs, "quotes", "Quotes", view.sort)) }
                    th.num { (sort_link(&pairs, "claims", "Claims", view.sort)) }
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
        (pager("/outlets", &pairs, "page", view.page, page_count(view.total, PER_PAGE)))
    }
}
