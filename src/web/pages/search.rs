//! `/search`: one box over quotes, claims and articles, ranked as `newsclaims search` ranks
//! (the same statement), with filters, facets that narrow the search, and pages. Without
//! search text, the filters alone list the newest rows, as `newsclaims quotes` does.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::Html;
use maud::{html, Markup};

use super::{said_item, PER_PAGE};
use crate::output::Highlighter;
use crate::store::query::{self, Named, Order, Resolved, Target, RANK_WINDOW};
use crate::store::Store;
use crate::web::layout::{self, count, downloads, page_count, pager, unmarked};
use crate::web::params::{href, with, FilterParams, Params};
use crate::web::rows::Rows;
use crate::web::{PageError, Pool};

/// Where to search: everywhere, or one kind of row.
const PLACES: &[&str] = &["all", "quotes", "claims", "articles"];
/// Entries in each facet.
const FACET_SIZE: usize = 8;
/// Speakers whose name the search text is, shown above the hits.
const PEOPLE: usize = 5;

struct View {
    filters: FilterParams,
    place: &'static str,
    page: u64,
    people: Vec<Named>,
    rows: Rows,
    /// The rows shown, with their text marked (search) or not (a listing).
    shown: Vec<(usize, Option<String>)>,
    /// Rows found in all (a search), or `None` for a listing, whose pages are counted as
    /// they come.
    total: Option<usize>,
    more: bool,
    /// Some place held more matches than a search ranks.
    window_full: bool,
    facets: Vec<Facet>,
}

/// The largest values of one column among the hits, with how many hits have each.
struct Facet {
    title: &'static str,
    column: &'static str,
    counts: Vec<(String, usize)>,
}

pub async fn page(
    State(pool): State<Arc<Pool>>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, PageError> {
    let params = Params::parse(query.as_deref());
    let filters = FilterParams::from_params(&params)?;
    let place = params.choice("in", PLACES)?;
    let page = params.page("page")?;
    let view = pool
        .run(move |store| gather(store, filters, place, page))
        .await?;
    let title = view.filters.q.clone().unwrap_or_else(|| "Search".into());
    Ok(Html(
        layout::page(
            &title,
            view.filters.q.as_deref().unwrap_or(""),
            render(&view),
        )
        .into_string(),
    ))
}

fn targets(place: &str) -> Vec<Target> {
    match place {
        "quotes" => vec![Target::Quotes],
        "claims" => vec![Target::Claims],
        "articles" => vec![Target::Articles],
        _ => vec![Target::Quotes, Target::Claims, Target::Articles],
    }
}

fn gather(
    store: &Store,
    filters: FilterParams,
    place: &'static str,
    page: u64,
) -> Result<View, PageError> {
    let resolved = filters.resolve(store)?;
    let offset = (page - 1) * PER_PAGE;
    let mut view = View {
        filters,
        place,
        page,
        people: Vec::new(),
        rows: Rows::default(),
        shown: Vec::new(),
        total: None,
        more: false,
        window_full: false,
        facets: Vec::new(),
    };
    match view.filters.search() {
        Some(search) => {
            if page == 1 {
                view.people = store.find_speakers(&search.text, false)?;
                view.people.truncate(PEOPLE);
            }
            // The facets count every hit a search ranks (the window of each place); the page
            // is ranked and fetched apart, as `newsclaims search --limit` is.
            let mut found = Rows::default();
            store.stream(
                &query::search_facets(&targets(place), &search, &resolved),
                &mut found,
            )?;
            let total = found.len();
            if total > 0 && offset as usize >= total {
                return Err(page_missing(page, page_count(total as u64, PER_PAGE)));
            }
            let paged = Resolved {
                limit: Some(PER_PAGE),
                offset,
                ..resolved
            };
            store.stream(
                &query::search(&targets(place), &search, &paged),
                &mut view.rows,
            )?;
            let highlighter = Highlighter::new(&search.text, false);
            for (i, row) in view.rows.iter().enumerate() {
                let text = unmarked(row.text("text").unwrap_or(""));
                let marked = if row.text("type") == Some("article") {
                    highlighter.snippet(&text, 80, 280)
                } else {
                    highlighter.mark(&text)
                };
                view.shown.push((i, Some(marked)));
            }
            let mut per_place: HashMap<&str, i64> = HashMap::new();
            for row in found.iter() {
                *per_place.entry(row.text("type").unwrap_or("")).or_default() += 1;
            }
            view.window_full = per_place.values().any(|n| *n >= RANK_WINDOW);
            view.facets = facets(&found);
            view.total = Some(total);
        }
        None if view.filters.narrows() => {
            let target = match place {
                "claims" => Target::Claims,
                "articles" => Target::Articles,
                _ => Target::Quotes,
            };
            // One row past the page tells whether there is a next one.
            let paged = Resolved {
                limit: Some(PER_PAGE + 1),
                offset,
                ..resolved
            };
            store.stream(&query::list(target, &paged, Order::Newest), &mut view.rows)?;
            if view.rows.is_empty() && page > 1 {
                return Err(PageError::not_found(format!(
                    "There is no page {page} of these rows."
                )));
            }
            view.more = view.rows.len() as u64 > PER_PAGE;
            view.shown = (0..view.rows.len().min(PER_PAGE as usize))
                .map(|i| (i, None))
                .collect();
        }
        None => {}
    }
    Ok(view)
}

fn page_missing(page: u64, pages: u64) -> PageError {
    PageError::not_found(format!(
        "There is no page {page}: the results fill {pages} page{}.",
        if pages == 1 { "" } else { "s" }
    ))
}

/// The largest speakers, outlets and months among the hits ([`query::search_facets`] rows).
fn facets(rows: &Rows) -> Vec<Facet> {
    let mut facets = Vec::new();
    for (title, column) in [
        ("Speakers", "speaker"),
        ("Outlets", "source"),
        ("Months", "month"),
    ] {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for row in rows.iter() {
            if let Some(value) = row.text(column) {
                *counts.entry(value.to_string()).or_default() += 1;
            }
        }
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts.truncate(FACET_SIZE);
        if !counts.is_empty() {
            facets.push(Facet {
                title,
                column,
                counts,
            });
        }
    }
    facets
}

fn render(view: &View) -> Markup {
    let f = &view.filters;
    let mut pairs = f.pairs();
    if view.place != "all" {
        pairs.push(("in", view.place.to_string()));
    }
    // What the CSV and JSON links take: the filters, not the page or the place.
    let filter_pairs = f.pairs();
    html! {
        h1 { "Search" }
        form.filters action="/search" method="get" {
            div.field.wide {
                label for="q" { "Words" }
                input #q type="search" name="q" value=(f.q.as_deref().unwrap_or("")) placeholder="Any words, as typed";
            }
            div.field {
                label for="in" { "In" }
                select #in name="in" {
                    @for place in PLACES {
                        option value=(place) selected[*place == view.place] { (place) }
                    }
                }
            }
            div.field {
                label for="speaker" { "Speaker" }
                input #speaker type="text" name="speaker" value=(f.speaker.as_deref().unwrap_or("")) placeholder="e.g. Blair, Mr Howard";
            }
            div.field {
                label for="source" { "Outlet" }
                input #source type="text" name="source" value=(f.source.as_deref().unwrap_or(""));
            }
            div.field {
                label for="since" { "Since" }
                input #since type="text" name="since" value=(f.since.as_deref().unwrap_or("")) placeholder="YYYY[-MM[-DD]]" size="10";
            }
            div.field {
                label for="until" { "Until" }
                input #until type="text" name="until" value=(f.until.as_deref().unwrap_or("")) placeholder="YYYY[-MM[-DD]]" size="10";
            }
            div.field {
                label for="kind" { "Claim kind" }
                select #kind name="kind" {
                    option value="" { "any" }
                    @for kind in ["direct", "indirect", "mixed"] {
                        option value=(kind) selected[f.kind.map(|k| k.as_str()) == Some(kind)] { (kind) }
                    }
                }
            }
            div.field {
                label for="min_confidence" { "Min. confidence" }
                input #min_confidence type="number" name="min_confidence" min="0" max="1" step="0.05" value=(f.min_confidence.as_deref().unwrap_or("")) placeholder="0 to 1";
            }
            @if f.exact { input type="hidden" name="exact" value="1"; }
            @if let Some(id) = f.speaker_id { input type="hidden" name="speaker_id" value=(id); }
            @if let Some(id) = f.article { input type="hidden" name="article" value=(id); }
            div.field { button type="submit" { "Search" } }
        }
        @if f.narrows() {
            p.active {
                "Filters: "
                @for (name, value) in &filter_pairs {
                    @if *name != "q" && *name != "exact" {
                        a.chip href=(href("/search", &without(&pairs, name))) title="Remove this filter" {
                            (name) ": " (value) " ×"
                        }
                        " "
                    }
                }
            }
        }
        @if !view.people.is_empty() {
            p.people {
                "Speakers named “" (f.q.as_deref().unwrap_or("")) "”: "
                @for (i, person) in view.people.iter().enumerate() {
                    @if i > 0 { " · " }
                    a.person href=(format!("/speakers/{}", person.id)) { (person.name) }
                }
            }
        }
        @if f.q.is_none() && !f.narrows() {
            p.hint { "Type words to search every quote, claim and article; narrow by speaker, outlet, dates or claim kind. "
                "A speaker can be typed as people say it: " a href="/speaker?name=Mr+Howard" { "Mr Howard" } "." }
        } @else {
            div.results {
                @if !view.facets.is_empty() {
                    aside.facets {
                        @for facet in &view.facets {
                            section {
                                h2 { (facet.title) }
                                ul {
                                    @for (value, n) in &facet.counts {
                                        li { a href=(facet_link(&pairs, facet.column, value)) { (value) } " " span.count { (n) } }
                                    }
                                }
                            }
                        }
                    }
                }
                section.hits {
                    p.summary {
                        @match view.total {
                            Some(total) => {
                                (count(total as i64)) @if view.window_full { "+" } " hit" @if total != 1 { "s" }
                                @if view.window_full {
                                    span.note { " (best first among the newest " (count(RANK_WINDOW)) " matches in each place; add words or filters to reach older ones)" }
                                }
                            }
                            None => { "Newest first" }
                        }
                    }
                    p.downloads-line {
                        "Download every match · "
                        @for table in ["quotes", "claims", "articles"] {
                            @if view.place == "all" || view.place == table {
                                (downloads(table, table, &filter_pairs)) " "
                            }
                        }
                    }
                    @if view.shown.is_empty() {
                        p.empty { "Nothing matches. Try fewer words or filters." }
                    }
                    ol.hits {
                        @for (i, marked) in &view.shown {
                            @if let Some(row) = view.rows.get(*i) {
                                @if row.text("type") == Some("article") {
                                    li.said.article-hit {
                                        p.title { a href=(format!("/articles/{}", row.int("article_id").unwrap_or(0))) { (row.text("title").unwrap_or("(untitled)")) } }
                                        blockquote { (layout::highlighted(marked.as_deref().unwrap_or(""))) }
                                        p.meta { "article" @if let Some(s) = row.text("source") { " · " (s) } @if let Some(d) = row.text("date") { " · " time { (d) } } }
                                    }
                                } @else {
                                    @let column = if row.text("content").is_some() { "content" } else { "text" };
                                    (said_item(&row, column, marked.as_deref()))
                                }
                            }
                        }
                    }
                    @match view.total {
                        Some(total) => (pager("/search", &pairs, "page", view.page, page_count(total as u64, PER_PAGE))),
                        None => (pager("/search", &pairs, "page", view.page, view.page + u64::from(view.more))),
                    }
                }
            }
        }
    }
}

fn without(pairs: &[(&'static str, String)], name: &str) -> Vec<(&'static str, String)> {
    pairs
        .iter()
        .filter(|(n, _)| *n != name && !(name == "speaker" && *n == "exact"))
        .cloned()
        .collect()
}

/// The search narrowed to one facet's value, from its first page.
fn facet_link(pairs: &[(&'static str, String)], column: &str, value: &str) -> String {
    let pairs = with(pairs, "page", None);
    let pairs = match column {
        "speaker" => with(
            &with(&pairs, "speaker", Some(value.into())),
            "exact",
            Some("1".into()),
        ),
        "source" => with(&pairs, "source", Some(value.into())),
        _ => with(
            &with(&pairs, "since", Some(value.into())),
            "until",
            Some(value.into()),
        ),
    };
    href("/search", &pairs)
}
