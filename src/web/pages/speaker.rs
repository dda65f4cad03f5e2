//! `/speakers/ID`: one speaker, with counts, a chart over time, the outlets that quote them
//! and everything they said, newest first. `/speaker?name=...` finds them by a name typed as
//! `--speaker` takes it (`Mr Howard`, `jiyad`).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{html, Markup};

use super::{said_item, PER_PAGE};
use crate::store::query::{self, MonthCount, Named, Order, Resolved, SpeakerDetail, Target};
use crate::store::Store;
use crate::web::chart::{self, Series};
use crate::web::layout::{self, count, downloads, page_count, pager};
use crate::web::params::{href, parse_id, Params};
use crate::web::rows::Rows;
use crate::web::{PageError, Pool};

/// Entries in the lists of roles and outlets.
const TOP: usize = 10;

struct View {
    detail: SpeakerDetail,
    months: Vec<MonthCount>,
    quotes: Rows,
    claims: Rows,
    quotes_page: u64,
    claims_page: u64,
}

pub async fn page(
    State(pool): State<Arc<Pool>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Html<String>, PageError> {
    let id = parse_id("The speaker id", &id)?;
    let params = Params::parse(query.as_deref());
    let quotes_page = params.page("quotes_page")?;
    let claims_page = params.page("claims_page")?;
    // The figures and the two lists are separate reads: on two connections they run side by
    // side, which halves the wait for a speaker with tens of thousands of rows.
    let (profile, quotes, claims) = tokio::try_join!(
        pool.run(move |store| profile(store, id)),
        pool.run(move |store| listing(store, id, Target::Quotes, quotes_page)),
        pool.run(move |store| listing(store, id, Target::Claims, claims_page)),
    )?;
    let (detail, months) = profile;
    for (what, page, total) in [
        ("quotes", quotes_page, detail.quotes),
        ("claims", claims_page, detail.claims),
    ] {
        let pages = page_count(total as u64, PER_PAGE);
        if page > pages {
            return Err(PageError::not_found(format!(
                "There is no page {page} of {}'s {what}: they fill {pages}.",
                detail.name
            )));
        }
    }
    let view = View {
        detail,
        months,
        quotes,
        claims,
        quotes_page,
        claims_page,
    };
    Ok(Html(
        layout::page(&view.detail.name, "", render(&view)).into_string(),
    ))
}

fn profile(store: &Store, id: i64) -> Result<(SpeakerDetail, Vec<MonthCount>), PageError> {
    if store.speaker_named(id)?.is_none() {
        return Err(PageError::not_found(format!("There is no speaker {id}.")));
    }
    Ok(store.speaker_profile(id, TOP)?)
}

/// One page of what the speaker said, newest first.
fn listing(store: &Store, id: i64, target: Target, page: u64) -> Result<Rows, PageError> {
    let filters = Resolved {
        // The statement binds ids only.
        speakers: Some(vec![Named {
            id,
            name: String::new(),
        }]),
        limit: Some(PER_PAGE),
        offset: (page - 1) * PER_PAGE,
        ..Resolved::default()
    };
    let mut rows = Rows::default();
    store.stream(&query::list(target, &filters, Order::NewestDay), &mut rows)?;
    Ok(rows)
}

/// A name as `--speaker` reads it: one speaker is their page; several, a choice; none, a 404
/// that names the closest.
pub async fn by_name(
    State(pool): State<Arc<Pool>>,
    RawQuery(query): RawQuery,
) -> Result<Response, PageError> {
    let params = Params::parse(query.as_deref());
    let name = params
        .text("name")?
        .ok_or_else(|| PageError::bad_request("Give a name: /speaker?name=Tony+Blair"))?;
    let exact = params.flag("exact");
    let found: Vec<Named> = {
        let name = name.clone();
        pool.run(move |store| {
            let found = store.find_speakers(&name, exact)?;
            if found.is_empty() {
                let missing = store.no_speaker(&name)?;
                let suggestions = missing
                    .closest
                    .iter()
                    .map(|close| (close.clone(), href("/speaker", &[("name", close.clone())])))
                    .collect();
                return Err(
                    PageError::not_found(format!("{missing}.")).with_suggestions(suggestions)
                );
            }
            Ok(found)
        })
        .await?
    };
    if let [one] = found.as_slice() {
        return Ok(Redirect::to(&format!("/speakers/{}", one.id)).into_response());
    }
    let body = html! {
        h1 { "Speakers named “" (name) "”" }
        p { (found.len()) " speakers match; pick one:" }
        ul.choices {
            @for speaker in &found {
                li { a href=(format!("/speakers/{}", speaker.id)) { (speaker.name) } }
            }
        }
    };
    Ok(Html(layout::page(&name, "", body).into_string()).into_response())
}

fn render(view: &View) -> Markup {
    let d = &view.detail;
    let id_pair = [("speaker_id", d.id.to_string())];
    let series = [
        Series {
            name: "quotes",
            class: "quotes",
            value: |m| m.quotes,
        },
        Series {
            name: "claims",
            class: "claims",
            value: |m| m.claims,
        },
    ];
    // Each list's pager keeps the other list's page.
    let page_pairs = |name: &'static str| {
        let mut pairs = Vec::new();
        if view.quotes_page > 1 && name != "quotes_page" {
            pairs.push(("quotes_page", view.quotes_page.to_string()));
        }
        if view.claims_page > 1 && name != "claims_page" {
            pairs.push(("claims_page", view.claims_page.to_string()));
        }
        pairs
    };
    html! {
        h1 { (d.name) }
        p.subtitle {
            span.kind { (d.kind) }
            @if let Some(role) = &d.role { " · " (role) }
        }
        dl.counts {
            div { dt { "Quotes" } dd { (count(d.quotes)) } }
            div { dt { "Claims" } dd { (count(d.claims)) } }
            div { dt { "Articles" } dd { (count(d.articles)) } }
            @if let (Some(first), Some(last)) = (&d.first_seen, &d.last_seen) {
                div { dt { "Seen" } dd { (first) " to " (last) } }
            }
        }
        @if !d.aliases.is_empty() {
            p { "Also known as: "
                @for (i, (alias, _)) in d.aliases.iter().enumerate() {
                    @if i > 0 { ", " } (alias)
                }
            }
        }
        (chart::monthly(&format!("Quotes and claims of {} per month", d.name), &view.months, &series))
        div.columns {
            @if !d.roles.is_empty() {
                section {
                    h2 { "Described as" }
                    ul.counted { @for (role, n) in &d.roles { li { (role) " " span.count { (n) } } } }
                }
            }
            @if !d.sources.is_empty() {
                section {
                    h2 { "Outlets that quote them" }
                    ul.counted {
                        @for (source, n) in &d.sources {
                            li {
                                a href=(href("/search", &[("speaker_id", d.id.to_string()), ("source", source.clone())])) { (source) }
                                " " span.count { (n) @if *n == 1 { " article" } @else { " articles" } }
                            }
                        }
                    }
                }
            }
        }
        p { a href=(href("/search", &[("speaker_id", d.id.to_string())])) { "Search within what " (d.name) " said" } }
        section #quotes {
            h2 { "Quotes " span.count { (count(d.quotes)) } }
            (downloads("Download all", "quotes", &id_pair))
            ol.hits { @for row in view.quotes.iter() { (said_item(&row, "text", None)) } }
            (pager(&format!("/speakers/{}", d.id), &page_pairs("quotes_page"), "quotes_page", view.quotes_page, page_count(d.quotes as u64, PER_PAGE)))
        }
        section #claims {
            h2 { "Claims " span.count { (count(d.claims)) } }
            (downloads("Download all", "claims", &id_pair))
            ol.hits { @for row in view.claims.iter() { (said_item(&row, "content", None)) } }
            (pager(&format!("/speakers/{}", d.id), &page_pairs("claims_page"), "claims_page", view.claims_page, page_count(d.claims as u64, PER_PAGE)))
        }
    }
}
