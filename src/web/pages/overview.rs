//! `/`: what is in the archive: counts, the most quoted speakers, the largest outlets, articles
//! per month, and a search box.

use std::sync::Arc;

use axum::extract::State;
use axum::response::Html;
use maud::{html, Markup};

use crate::store::query::{MonthCount, Stats};
use crate::web::chart::{self, Series};
use crate::web::layout::{self, count, downloads};
use crate::web::params::href;
use crate::web::{PageError, Pool};

/// Entries in the lists of top speakers and outlets.
const TOP: usize = 10;

pub async fn page(State(pool): State<Arc<Pool>>) -> Result<Html<String>, PageError> {
    let (stats, months) = pool
        .run(|store| Ok((store.stats(TOP)?, store.article_months()?)))
        .await?;
    Ok(Html(
        layout::page("Overview", "", render(&stats, &months)).into_string(),
    ))
}

fn render(s: &Stats, months: &[MonthCount]) -> Markup {
    let series = [Series {
        name: "articles",
        class: "articles",
        value: |m| m.articles,
    }];
    html! {
        h1 { "The archive" }
        form.big-search action="/search" method="get" role="search" {
            label for="home-q" { "Search every quote, claim and article" }
            div.row {
                input #home-q type="search" name="q" placeholder="A word, a phrase, a name: Iraq, US-led, Mr Howard";
                button type="submit" { "Search" }
            }
        }
        dl.counts {
            div { dt { "Articles" } dd { (count(s.articles)) } }
            div { dt { "Quotes" } dd { (count(s.quotes)) } }
            div { dt { "Claims" } dd { (count(s.claims)) } }
            div { dt { a href="/speakers" { "Speakers" } } dd { (count(s.speakers)) } }
            div { dt { a href="/outlets" { "Outlets" } } dd { (count(s.sources)) } }
            @if let (Some(first), Some(last)) = (&s.first_published, &s.last_published) {
                div { dt { "Published" } dd { (first) " to " (last) } }
            }
        }
        (chart::monthly("Articles per month", months, &series))
        div.columns {
            section {
                h2 { "Most quoted speakers" }
                ol.counted {
                    @for (name, n) in &s.top_speakers {
                        li {
                            a href=(href("/speaker", &[("name", name.clone()), ("exact", "1".into())])) { (name) }
                            " " span.count { (count(*n)) " quotes" }
                        }
                    }
                }
                p { a href="/speakers" { "All speakers" } " · " (downloads("Download all", "speakers", &[])) }
            }
            section {
                h2 { "Largest outlets" }
                ol.counted {
                    @for (name, n) in &s.top_sources {
                        li {
                            a href=(href("/search", &[("source", name.clone())])) { (name) }
                            " " span.count { (count(*n)) " articles" }
                        }
                    }
                }
                p { a href="/outlets" { "All outlets" } " · " (downloads("Download all", "outlets", &[])) }
            }
        }
    }
}
