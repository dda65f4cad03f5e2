//! Query strings: read leniently (bad percent-encoding or UTF-8 is replaced, never a
//! failure), checked strictly (a bad date, page or kind is a 400 that says which), and written
//! back into links, so that every page's filters live in its URL.

use url::form_urlencoded;

use super::PageError;
use crate::model::ClaimKind;
use crate::store::query::{period, Filters, Named, Resolved, Search};
use crate::store::Store;

/// Longer search text is refused: no one types it, and each word costs an index lookup.
pub const MAX_TEXT: usize = 500;
/// Pages past this are refused rather than asked of SQLite as huge offsets.
const MAX_PAGE: u64 = 100_000;

/// The parameters of one request, in order.
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(query: Option<&str>) -> Params {
        Params(
            form_urlencoded::parse(query.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The last value given for `name`, trimmed; an empty one counts as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Text typed by the user (a search, a name), at most [`MAX_TEXT`] characters.
    pub fn text(&self, name: &str) -> Result<Option<String>, PageError> {
        match self.get(name) {
            Some(text) if text.chars().count() > MAX_TEXT => Err(PageError::bad_request(format!(
                "The {} is {} characters long; at most {MAX_TEXT} are searched.",
                label(name),
                text.chars().count()
            ))),
            text => Ok(text.map(String::from)),
        }
    }

    /// A page number from 1 (1 when absent).
    pub fn page(&self, name: &str) -> Result<u64, PageError> {
        let Some(text) = self.get(name) else {
            return Ok(1);
        };
        match text.parse::<u64>() {
            Ok(page) if (1..=MAX_PAGE).contains(&page) => Ok(page),
            _ => Err(PageError::bad_request(format!(
                "{name} must be a whole number from 1 to {MAX_PAGE}, not {text:?}."
            ))),
        }
    }

    /// A positive whole number, such as an id.
    pub fn id(&self, name: &str) -> Result<Option<i64>, PageError> {
        self.get(name).map(|text| parse_id(name, text)).transpose()
    }

    /// One of `choices` (the first when absent).
    pub fn choice(&self, name: &str, choices: &[&'static str]) -> Result<&'static str, PageError> {
        let Some(text) = self.get(name) else {
            return Ok(choices[0]);
        };
        choices.iter().copied().find(|c| *c == text).ok_or_else(|| {
            PageError::bad_request(format!(
                "{name} must be one of {}, not {text:?}.",
                choices.join(", ")
            ))
        })
    }

    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some("1" | "true" | "on" | "yes"))
    }
}

/// An id in a path or a parameter: a 400 when it is not one.
pub fn parse_id(name: &str, text: &str) -> Result<i64, PageError> {
    text.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| PageError::bad_request(format!("{name} must be a number, not {text:?}.")))
}

fn label(name: &str) -> &str {
    match name {
        "q" => "search text",
        "speaker" => "speaker name",
        "source" => "outlet name",
        other => other,
    }
}

/// The filters of a search or a table, as in the URL: the web side of `--speaker`,
/// `--source`, `--since`, `--until`, `--kind`, `--min-confidence` and `--query`.
#[derive(Debug, Clone, Default)]
pub struct FilterParams {
    pub q: Option<String>,
    pub speaker: Option<String>,
    /// Only the speaker whose name or alias is exactly `speaker` (a facet's link).
    pub exact: bool,
    /// One speaker by id (a speaker page's tables).
    pub speaker_id: Option<i64>,
    pub source: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub kind: Option<ClaimKind>,
    /// Only quotes and claims the extractor was at least this sure of, as typed (0 to 1).
    pub min_confidence: Option<String>,
    /// One article by id (an article page's tables).
    pub article: Option<i64>,
}

impl FilterParams {
    pub fn from_params(params: &Params) -> Result<FilterParams, PageError> {
        let date = |name: &str| -> Result<Option<String>, PageError> {
            let Some(text) = params.get(name) else {
                return Ok(None);
            };
            period(text).map_err(|_| {
                PageError::bad_request(format!(
                    "{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {text:?}."
                ))
            })?;
            Ok(Some(text.to_string()))
        };
        let kind = match params.get("kind") {
            None => None,
            Some(text) => Some(ClaimKind::parse(text).ok_or_else(|| {
                PageError::bad_request(format!(
                    "kind must be direct, indirect or mixed, not {text:?}."
                ))
            })?),
        };
        let min_confidence = match params.get("min_confidence") {
            None => None,
            Some(text) => {
                confidence(text)?;
                Some(text.to_string())
            }
        };
        let filters = FilterParams {
            q: params.text("q")?,
            speaker: params.text("speaker")?,
            exact: params.flag("exact"),
            speaker_id: params.id("speaker_id")?,
            source: params.text("source")?,
            since: date("since")?,
            until: date("until")?,
            kind,
            min_confidence,
            article: params.id("article")?,
        };
        if let (Some(since), Some(until)) = (&filters.since, &filters.until) {
            let (start, _) = period(since).map_err(PageError::internal)?;
            let (_, end) = period(until).map_err(PageError::internal)?;
            if start >= end {
                return Err(PageError::bad_request(format!(
                    "since ({since}) is after until ({until}): no date is in between."
                )));
            }
        }
        Ok(filters)
    }

    /// Whether anything but the search text narrows the rows.
    pub fn narrows(&self) -> bool {
        self.speaker.is_some()
            || self.speaker_id.is_some()
            || self.source.is_some()
            || self.since.is_some()
            || self.until.is_some()
            || self.kind.is_some()
            || self.min_confidence.is_some()
            || self.article.is_some()
    }

    pub fn search(&self) -> Option<Search> {
        self.q.as_ref().map(|text| Search {
            text: text.clone(),
            raw: false,
        })
    }

    /// The names looked up as `--speaker` and `--source` look them up. A name that matches
    /// no one is a 404 that names the closest speakers.
    pub fn resolve(&self, store: &Store) -> Result<Resolved, PageError> {
        let filters = Filters {
            speaker: self.speaker.clone(),
            exact_speaker: self.exact,
            source: self.source.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            kind: self.kind,
            article: self.article.map(|id| id.to_string()),
            min_confidence: self.min_confidence.as_deref().map(confidence).transpose()?,
            ..Filters::default()
        };
        let mut resolved = store.resolve(&filters)?;
        if let (Some(name), Some(found)) = (&self.speaker, &resolved.speakers) {
            if found.is_empty() {
                let missing = store.no_speaker(name)?;
                let suggestions = missing
                    .closest
                    .iter()
                    .map(|close| {
                        let mut fixed = self.clone();
                        fixed.speaker = Some(close.clone());
                        (close.clone(), href("/search", &fixed.pairs()))
                    })
                    .collect();
                return Err(
                    PageError::not_found(format!("{missing}.")).with_suggestions(suggestions)
                );
            }
        }
        if let (Some(name), Some(found)) = (&self.source, &resolved.sources) {
            if found.is_empty() {
                return Err(PageError::not_found(format!("No outlet matches {name:?}.")));
            }
        }
        if let (Some(id), Some(found)) = (self.article, &resolved.articles) {
            if found.is_empty() {
                return Err(PageError::not_found(format!("There is no article {id}.")));
            }
        }
        if let Some(id) = self.speaker_id {
            let speaker: Named = store
                .speaker_named(id)?
                .ok_or_else(|| PageError::not_found(format!("There is no speaker {id}.")))?;
            resolved.speakers = Some(vec![speaker]);
        }
        Ok(resolved)
    }

    /// The filters as URL parameters, absent ones left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut add = |name: &'static str, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((name, value));
            }
        };
        add("q", self.q.clone());
        add("speaker", self.speaker.clone());
        add("exact", self.exact.then(|| "1".to_string()));
        add("speaker_id", self.speaker_id.map(|id| id.to_string()));
        add("source", self.source.clone());
        add("since", self.since.clone());
        add("until", self.until.clone());
        add("kind", self.kind.map(|k| k.as_str().to_string()));
        add("min_confidence", self.min_confidence.clone());
        add("article", self.article.map(|id| id.to_string()));
        pairs
    }
}

/// A `min_confidence` value: a number from 0 to 1.
fn confidence(text: &str) -> Result<f64, PageError> {
    match text.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(PageError::bad_request(format!(
            "min_confidence must be a number from 0 to 1, not {text:?}."
        ))),
    }
}

/// `path?name=value&...`, values encoded, empty ones left out.
pub fn href(path: &str, pairs: &[(&str, String)]) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs {
        if !value.is_empty() {
            query.append_pair(name, value);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// `pairs` with `name` set to `value` (or removed, when `None`).
pub fn with(
    pairs: &[(&'static str, String)],
    name: &'static str,
    value: Option<String>,
) -> Vec<(&'static str, String)> {
    let mut pairs: Vec<(&'static str, String)> =
        pairs.iter().filter(|(n, _)| *n != name).cloned().collect();
    if let Some(value) = value {
        pairs.push((name, value));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_encoding_is_read_not_refused() {
        let params = Params::parse(Some("q=%FF%FEx&page=%zz&q=%20iraq%20"));
        assert_eq!(params.get("q"), Some("iraq"));
        assert!(params.page("page").is_err());
    }

    #[test]
    fn pages_dates_and_kinds_are_checked() {
        for query in ["page=-1", "page=0", "page=1.5", "page=999999999999"] {
            assert!(Params::parse(Some(query)).page("page").is_err(), "{query}");
        }
        for query in [
            "since=2004-13",
            "until=May",
            "kind=loud",
            "min_confidence=1.5",
            "min_confidence=sure",
            "since=2005&until=2004",
        ] {
            let error = FilterParams::from_params(&Params::parse(Some(query))).unwrap_err();
            assert_eq!(
                error.status(),
                axum::http::StatusCode::BAD_REQUEST,
                "{query}"
            );
        }
        let ok = FilterParams::from_params(&Params::parse(Some("since=2004-05&kind=direct")));
        assert_eq!(
            ok.unwrap().pairs(),
            [("since", "2004-05".into()), ("kind", "direct".into())]
        );
    }

    #[test]
    fn links_encode_values_and_drop_empty_ones() {
        assert_eq!(
            href(
                "/search",
                &[("q", "a&b <c>".into()), ("speaker", String::new())]
            ),
            "/search?q=a%26b+%3Cc%3E"
        );
        assert_eq!(href("/search", &[]), "/search");
    }
}
