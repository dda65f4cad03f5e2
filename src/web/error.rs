//! What a page says when it cannot show what was asked: a bad parameter (400), nothing at
//! that address or by that name (404), or a fault of ours (500, the cause on stderr only).

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::html;

use super::layout;

#[derive(Debug)]
pub struct PageError {
    status: StatusCode,
    message: String,
    /// Links to what the user may have meant: (label, href).
    suggestions: Vec<(String, String)>,
}

impl PageError {
    pub fn bad_request(message: impl Into<String>) -> PageError {
        PageError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
            suggestions: Vec::new(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> PageError {
        PageError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
            suggestions: Vec::new(),
        }
    }

    /// A fault of the server or the archive: logged, and shown without its details.
    pub fn internal(error: anyhow::Error) -> PageError {
        eprintln!("newsclaims serve: {error:#}");
        PageError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "The archive could not answer this request; the server's log says why.".into(),
            suggestions: Vec::new(),
        }
    }

    pub fn with_suggestions(mut self, suggestions: Vec<(String, String)>) -> PageError {
        self.suggestions = suggestions;
        self
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }
}

impl From<anyhow::Error> for PageError {
    fn from(error: anyhow::Error) -> PageError {
        PageError::internal(error)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let title = match self.status {
            StatusCode::BAD_REQUEST => "Bad request",
            StatusCode::NOT_FOUND => "Not found",
            _ => "Error",
        };
        let body = html! {
            h1 { (title) }
            p.error { (self.message) }
            @if !self.suggestions.is_empty() {
                p { "Did you mean:" }
                ul {
                    @for (label, href) in &self.suggestions {
                        li { a href=(href) { (label) } }
                    }
                }
            }
            p { a href="/" { "Back to the overview" } }
        };
        (
            self.status,
            Html(layout::page(title, "", body).into_string()),
        )
            .into_response()
    }
}
