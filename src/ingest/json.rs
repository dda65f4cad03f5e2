//! JSON (one object, or an array of objects) and JSON Lines (one object a line, streamed).
//!
//! Fields: `title`, `body|text|content`, `url`, `id`, `published|date`, `source|publisher`,
//! `author|byline`, `language|lang`; unknown fields are ignored. A field of the wrong shape (a
//! number where a string belongs, a null body) is an error for that item only. A JSON file
//! none of whose objects has a `body`, `text` or `content` field (a manifest, a benchmark's
//! ground truth) is not an article file: it is skipped with a reason.

use std::io::{BufRead, Read};

use serde_json::{Map, Value};

use crate::model::{Article, Format};

use super::date::{calendar_date, parse_date};
use super::decode::decode_line;
use super::text::byline;
use super::InputError;

pub const BODY_FIELDS: &[&str] = &["body", "text", "content"];

pub fn has_body_field(o: &Map<String, Value>) -> bool {
    BODY_FIELDS.iter().any(|f| o.contains_key(*f))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first of `keys` present: `Ok(None)` if absent or null, an error if not a string.
fn string_field(o: &Map<String, Value>, keys: &[&str]) -> Result<Option<String>, String> {
    for k in keys {
        match o.get(*k) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => {
                let s = s.trim();
                return Ok((!s.is_empty()).then(|| s.to_string()));
            }
            Some(v) => return Err(format!("field `{k}` is {}, not a string", kind(v))),
        }
    }
    Ok(None)
}

/// Names: a string, an array of strings, or objects with a `name`.
fn names_field(o: &Map<String, Value>, keys: &[&str]) -> Result<Option<String>, String> {
    fn names(v: &Value, out: &mut Vec<String>) -> bool {
        match v {
            Value::String(s) => {
                let s = s.trim();
                let s = byline(&format!(
                    "By {}",
                    s.trim_start_matches("By ").trim_start_matches("by ")
                ))
                .unwrap_or_else(|| s.trim_start_matches("By ").to_string());
                if !s.is_empty() {
                    out.push(s);
                }
                true
            }
            Value::Array(a) => a.iter().all(|x| names(x, out)),
            Value::Object(o) => match o.get("name") {
                Some(n) => names(n, out),
                None => true,
            },
            Value::Null => true,
            _ => false,
        }
    }
    for k in keys {
        if let Some(v) = o.get(*k) {
            let mut out = Vec::new();
            if !names(v, &mut out) {
                return Err(format!("field `{k}` is {}, not a name", kind(v)));
            }
            if !out.is_empty() {
                return Ok(Some(out.join(", ")));
            }
        }
    }
    Ok(None)
}

fn id_field(o: &Map<String, Value>) -> Result<Option<String>, String> {
    match o.get("id") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(Some(s.trim().to_string())),
        Some(Value::String(_)) => Ok(None),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(v) => Err(format!("field `id` is {}, not a string or number", kind(v))),
    }
}

/// Where a JSON object sits in its input, which names it when it has no URL or id of its own.
#[derive(Debug, Clone, Copy)]
pub enum Place<'a> {
    /// The whole input, whose origin it takes.
    Whole(&'a str),
    /// Item `n` (1-based) of a multi-article input: its URL, else `{file}#{id}`, else
    /// `{file}#{n}` (see [`super::item_origin`]).
    Item(&'a str, usize),
}

/// One JSON object -> an article.
pub fn object_to_article(v: &Value, place: Place, format: Format) -> Result<Article, String> {
    let Value::Object(o) = v else {
        return Err(format!("item is {}, not an object", kind(v)));
    };
    let body = match BODY_FIELDS.iter().find_map(|k| o.get(*k).map(|v| (k, v))) {
        None => return Err("no `body`, `text` or `content` field".into()),
        Some((_, Value::String(s))) => s,
        Some((k, v)) => return Err(format!("field `{k}` is {}, not a string", kind(v))),
    };
    let title = string_field(o, &["title", "headline"])?;
    let url = string_field(o, &["url", "link"])?;
    let id = id_field(o)?;
    let published_raw = match o
        .get("published")
        .or(o.get("date"))
        .or(o.get("published_at"))
    {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => string_field(o, &["published", "date", "published_at"])?,
    };
    let published_at = match o
        .get("published")
        .or(o.get("date"))
        .or(o.get("published_at"))
    {
        Some(Value::Number(n)) => n
            .as_i64()
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        _ => published_raw.as_deref().and_then(parse_date),
    };
    let source = names_field(o, &["source", "publisher"])?;
    let author = names_field(o, &["author", "byline", "authors"])?;
    let language = string_field(o, &["language", "lang"])?;
    let origin = match (place, &url) {
        (Place::Whole(origin), _) if origin != super::STDIN => origin.to_string(),
        (_, Some(url)) => url.clone(),
        (Place::Whole(stdin), None) => {
            super::item_origin(stdin, id.as_deref(), 1, title.as_deref(), body)
        }
        (Place::Item(file, n), None) => {
            super::item_origin(file, id.as_deref(), n, title.as_deref(), body)
        }
    };
    Ok(Article {
        origin,
        url,
        title,
        author,
        published_date: published_raw
            .as_deref()
            .and_then(calendar_date)
            .or_else(|| published_at.as_ref().map(|d| d[..10].to_string())),
        published_at,
        published_raw,
        source,
        language,
        body: super::text::reflow_hard_wrapped(body)
            .unwrap_or_else(|| super::text::trim_blank_lines(body).to_string()),
        format,
    })
}

/// Is this the object of a JSON Feed (`"version": "https://jsonfeed.org/version/1.1"`)?
pub fn is_json_feed(v: &Value) -> bool {
    v.get("version")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("jsonfeed.org"))
        && v.get("items").is_some_and(Value::is_array)
}

fn err(origin: &str, line: Option<usize>, reason: String, skipped: bool) -> InputError {
    InputError {
        origin: origin.to_string(),
        line,
        reason,
        skipped,
    }
}

/// A whole JSON document (already parsed) -> its articles, or why it has none.
pub fn document(origin: &str, v: &Value) -> Result<Vec<Result<Article, InputError>>, InputError> {
    match v {
        Value::Object(o) => {
            if !has_body_field(o) {
                return Err(err(
                    origin,
                    None,
                    "JSON object with no body/text/content field (not an article)".into(),
                    true,
                ));
            }
            Ok(vec![object_to_article(
                v,
                Place::Whole(origin),
                Format::Json,
            )
            .map_err(|r| err(origin, None, r, false))])
        }
        Value::Array(items) => {
            if items.is_empty() {
                return Err(err(origin, None, "empty JSON array".into(), true));
            }
            let any_article = items
                .iter()
                .any(|i| i.as_object().is_some_and(has_body_field));
            if !any_article {
                return Err(err(
                    origin,
                    None,
                    "JSON array with no objects having a body/text/content field (not articles)"
                        .into(),
                    true,
                ));
            }
            Ok(items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let n = i + 1;
                    object_to_article(item, Place::Item(origin, n), Format::Json)
                        .map_err(|r| err(origin, None, format!("item {n}: {r}"), false))
                })
                .collect())
        }
        other => Err(err(
            origin,
            None,
            format!(
                "JSON document is {}, not an object or array of articles",
                kind(other)
            ),
            true,
        )),
    }
}

/// Streams a JSON Lines input: one article per non-blank line; errors name the line.
pub struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    origin: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    max_line: usize,
}

/// Longest JSON Lines line read (so a file with no line breaks cannot exhaust memory).
pub const MAX_LINE: usize = 64 << 20;

impl JsonLines {
    pub fn new(reader: Box<dyn BufRead + Send>, origin: &str) -> Self {
        JsonLines {
            reader,
            origin: origin.to_string(),
            line: 0,
            buf: Vec::new(),
            done: false,
            max_line: MAX_LINE,
        }
    }
}

/// Parses one JSON Lines line (`n` is 1-based).
pub fn line_to_article(origin: &str, n: usize, line: &str) -> Result<Article, InputError> {
    let v: Value = serde_json::from_str(line)
        .map_err(|e| err(origin, Some(n), format!("invalid JSON: {e}"), false))?;
    object_to_article(&v, Place::Item(origin, n), Format::Jsonl)
        .map_err(|r| err(origin, Some(n), r, false))
}

impl Iterator for JsonLines {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            match (&mut self.reader)
                .take(self.max_line as u64)
                .read_until(b'\n', &mut self.buf)
            {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(n) if n >= self.max_line && self.buf.last() != Some(&b'\n') => {
                    // Too long: drop the rest of the line, report it, go on.
                    self.line += 1;
                    self.buf = Vec::new();
                    loop {
                        let mut scratch = Vec::new();
                        match (&mut self.reader)
                            .take(1 << 20)
                            .read_until(b'\n', &mut scratch)
                        {
                            Ok(0) => break,
                            Ok(_) if scratch.last() == Some(&b'\n') => break,
                            Ok(_) => continue,
                            Err(_) => break,
                        }
                    }
                    return Some(Err(err(
                        &self.origin,
                        Some(self.line),
                        format!("line longer than {} MB", self.max_line >> 20),
                        false,
                    )));
                }
                Ok(_) => {
                    self.line += 1;
                    let text = decode_line(&self.buf);
                    let text = text.trim_start_matches('\u{feff}').trim();
                    if text.is_empty() {
                        continue;
                    }
                    return Some(line_to_article(&self.origin, self.line, text));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(err(
                        &self.origin,
                        Some(self.line + 1),
                        format!("read error: {e}"),
                        false,
                    )));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_shapes() {
        let v: Value = serde_json::from_str(
            r#"{"id": 7, "title": "T", "text": "Body", "byline": "By Ann Lee", "publisher": {"name": "P"}, "date": "2020-01-02"}"#,
        )
        .unwrap();
        let a = object_to_article(&v, Place::Item("f", 1), Format::Jsonl).unwrap();
        assert_eq!(a.origin, "f#7");
        assert_eq!(a.author.as_deref(), Some("Ann Lee"));
        assert_eq!(a.source.as_deref(), Some("P"));
        assert_eq!(a.published_at.as_deref(), Some("2020-01-02T00:00:00Z"));
        let bad: Value = serde_json::from_str(r#"{"title": 5, "body": "x"}"#).unwrap();
        assert_eq!(
            object_to_article(&bad, Place::Whole("f"), Format::Json).unwrap_err(),
            "field `title` is a number, not a string"
        );
        let null_body: Value = serde_json::from_str(r#"{"body": null}"#).unwrap();
        assert!(
            object_to_article(&null_body, Place::Whole("f"), Format::Json)
                .unwrap_err()
                .contains("null")
        );
    }

    #[test]
    fn lines_stream_and_name_bad_lines() {
        let data = "{\"body\":\"a\",\"url\":\"https://x.test/1\"}\n\n{oops\n{\"body\":\"c\"}\n";
        let it = JsonLines::new(
            Box::new(std::io::Cursor::new(data.as_bytes().to_vec())),
            "f",
        );
        let got: Vec<_> = it.collect();
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().origin, "https://x.test/1");
        assert_eq!(got[1].as_ref().unwrap_err().line, Some(3));
        assert_eq!(got[2].as_ref().unwrap().origin, "f#4");
        // An over-long line is an error for that line only.
        let data = format!(
            "{{\"body\":\"{}\"}}\n{{\"body\":\"ok\"}}\n",
            "x".repeat(3 << 20)
        );
        let mut it = JsonLines::new(Box::new(std::io::Cursor::new(data.into_bytes())), "f");
        it.max_line = 1 << 20;
        let got: Vec<_> = it.collect();
        assert_eq!(got.len(), 2);
        let e = got[0].as_ref().unwrap_err();
        assert_eq!(
            (e.line, e.reason.as_str()),
            (Some(1), "line longer than 1 MB")
        );
        assert_eq!(got[1].as_ref().unwrap().body, "ok");
    }
}
