//! `newsclaims serve`: the archive as web pages (search, speakers, articles, outlets) with a
//! CSV and JSON link on every table. Read-only: connections come from [`Pool`], opened with
//! `SQLITE_OPEN_READ_ONLY`. Everything a page shows is escaped (maud), and no page runs
//! JavaScript: the Content-Security-Policy forbids it.

mod chart;
mod download;
mod error;
mod layout;
mod pages;
mod params;
mod pool;
mod rows;

use std::sync::Arc;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub use error::PageError;
pub use pool::Pool;

/// The stylesheet, served at `/style.css`: the only file besides the pages.
const STYLE: &str = include_str!("assets/style.css");

/// No scripts, no frames, nothing from elsewhere: even text that slipped through escaping
/// could not run.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Every page and download of the server over the archive that `pool` opens.
pub fn router(pool: Pool) -> Router {
    Router::new()
        .route("/", get(pages::overview::page))
        .route("/search", get(pages::search::page))
        .route("/speakers", get(pages::speakers::index))
        .route("/speakers/{id}", get(pages::speaker::page))
        .route("/speaker", get(pages::speaker::by_name))
        .route("/outlets", get(pages::outlets::index))
        .route("/articles/{id}", get(pages::article::page))
        .route("/export/{file}", get(download::export))
        .route("/style.css", get(style))
        .fallback(not_found)
        .layer(middleware::from_fn(security_headers))
        .with_state(Arc::new(pool))
}

async fn style() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE).into_response()
}

async fn not_found() -> PageError {
    PageError::not_found("There is no page at this address.")
}

async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
