//! RSS 0.9x/1.0/2.0, Atom and JSON Feed, with `feed-rs`. Each item is an article: its body is
//! the item's content, else its summary (HTML converted to text like a page); the feed's title
//! is the source. An item with neither content nor summary text is skipped with a reason.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Text};

use crate::model::{Article, Format};

use super::date::{calendar_date, parse_utc};
use super::html::fragment_to_text;
use super::text::{take_byline, trim_blank_lines};
use super::InputError;

/// Rewrites the encoding named in an XML declaration to UTF-8: the text is already decoded.
pub fn utf8_declaration(xml: &str) -> String {
    let trimmed = xml.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("<?xml") {
        if let Some(end) = trimmed.find("?>") {
            let decl = &trimmed[..end];
            if let Some(i) = decl.find("encoding") {
                let after = &decl[i..];
                let q = after.find(['"', '\'']);
                if let Some(q) = q {
                    let quote = after.as_bytes()[q];
                    if let Some(close) = after[q + 1..].find(quote as char) {
                        let start = i + q + 1;
                        let stop = start + close;
                        return format!("{}UTF-8{}", &trimmed[..start], &trimmed[stop..]);
                    }
                }
            }
        }
    }
    trimmed.to_string()
}

/// `<rss>` without a version (seen in the wild) -> `<rss version="2.0">`: feed-rs dispatches
/// on the version attribute.
pub fn rss_version(xml: &str) -> String {
    let Some(i) = xml.find("<rss") else {
        return xml.to_string();
    };
    let tag_end = xml[i..].find('>').map_or(xml.len(), |e| i + e);
    let tag = &xml[i..tag_end];
    let next = tag[4..].chars().next();
    if tag.contains("version") || !matches!(next, None | Some(' ' | '\t' | '\r' | '\n' | '/')) {
        return xml.to_string();
    }
    format!("{} version=\"2.0\"{}", &xml[..i + 4], &xml[i + 4..])
}

/// Elements feed-rs reads as "email (Name)" contacts.
const CONTACTS: &[&str] = &["author", "managingEditor", "webMaster", "creator"];

/// feed-rs (3.0) slices a contact one byte beside the address it finds there, and panics
/// when that byte is inside a multi-byte character (`jo@x.example’s`, `Zoë—zoe@x.example`).
/// So in contact elements holding an `@`, characters outside ASCII (literal or as numeric
/// character references) are transliterated to ASCII before feed-rs sees them.
pub fn ascii_contacts(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let name_len = rest[1..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(rest.len() - 1, |n| n);
        let name = &rest[1..1 + name_len];
        let local = name.rsplit(':').next().unwrap_or(name);
        let gt = rest.find('>').filter(|&gt| !rest[..gt].ends_with('/'));
        let (Some(gt), true) = (gt, !name.is_empty() && CONTACTS.contains(&local)) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        // The element's text: up to the next tag, or a CDATA section.
        let after = &rest[gt + 1..];
        let len = if after.starts_with("<![CDATA[") {
            after.find("]]>").map_or(after.len(), |e| e + 3)
        } else {
            after.find('<').unwrap_or(after.len())
        };
        let content = &after[..len];
        out.push_str(&rest[..=gt]);
        if content.contains('@') && (!content.is_ascii() || content.contains("&#")) {
            out.push_str(&ascii_text(content));
        } else {
            out.push_str(content);
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// Non-ASCII characters and numeric character references -> ASCII, XML-escaped.
fn ascii_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let mut take = c.len_utf8();
        let mut ch = Some(c);
        if rest.starts_with("&#") {
            if let Some(semi) = rest.as_bytes()[..rest.len().min(12)]
                .iter()
                .position(|&b| b == b';')
            {
                let num = &rest[2..semi];
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                if let Some(code) = code {
                    ch = char::from_u32(code);
                    take = semi + 1;
                }
            }
        }
        match ch {
            Some(c) if c.is_ascii() && take == 1 => out.push(c),
            Some(c) => {
                let ascii = if c.is_ascii() {
                    c.to_string()
                } else {
                    deunicode::deunicode_char(c).unwrap_or("").to_string()
                };
                for a in ascii.chars() {
                    match a {
                        '<' => out.push_str("&lt;"),
                        '>' => out.push_str("&gt;"),
                        '&' => out.push_str("&amp;"),
                        a if a.is_ascii_control() => out.push(' '),
                        a => out.push(a),
                    }
                }
            }
            None => {}
        }
        rest = &rest[take..];
    }
    out
}

fn looks_html(s: &str) -> bool {
    s.contains('<') && s.contains('>') || s.contains("&lt;") || s.contains("&#")
}

fn to_text(s: &str, html: bool) -> String {
    if html || looks_html(s) {
        fragment_to_text(s)
    } else {
        let t = s.replace("\r\n", "\n");
        trim_blank_lines(&t).to_string()
    }
}

fn text_of(t: &Option<Text>) -> Option<String> {
    let t = t.as_ref()?;
    let sub = t.content_type.subty().as_str().to_ascii_lowercase();
    let html = sub == "html" || sub == "xhtml" || sub == "xhtml+xml";
    let s = to_text(&t.content, html);
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn plain_title(t: &Option<Text>) -> Option<String> {
    let s = text_of(t)?;
    Some(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn entry_body(e: &Entry) -> Option<String> {
    if let Some(c) = &e.content {
        if let Some(b) = &c.body {
            let html = !c
                .content_type
                .subty()
                .as_str()
                .eq_ignore_ascii_case("plain");
            let s = to_text(b, html);
            if !s.trim().is_empty() {
                return Some(s.trim().to_string());
            }
        }
    }
    text_of(&e.summary)
}

/// Parses a decoded feed into its items.
pub fn parse(origin: &str, text: &str) -> Result<Vec<Result<Article, InputError>>, InputError> {
    let fixed = ascii_contacts(&rss_version(&utf8_declaration(text)));
    // Keep the raw date strings: feed-rs hands on only the parsed value.
    let raw_dates: Arc<Mutex<HashMap<DateTime<Utc>, String>>> = Arc::default();
    let recorder = Arc::clone(&raw_dates);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |raw: &str| {
            let parsed = parse_utc(raw)?;
            if let Ok(mut m) = recorder.lock() {
                m.entry(parsed).or_insert_with(|| raw.trim().to_string());
            }
            Some(parsed)
        })
        .build();
    let feed = parser.parse(fixed.as_bytes()).map_err(|e| InputError {
        origin: origin.to_string(),
        line: None,
        reason: format!("invalid feed: {e}"),
        skipped: false,
    })?;
    let source = plain_title(&feed.title);
    let language = feed.language.clone();
    let mut out = Vec::new();
    for (i, e) in feed.entries.iter().enumerate() {
        let n = i + 1;
        let link = e
            .links
            .iter()
            .find(|l| matches!(l.rel.as_deref(), None | Some("alternate")))
            .or(e.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|h| !h.is_empty());
        let id = Some(e.id.trim()).filter(|id| !id.is_empty());
        let Some((byline_author, body)) = entry_body(e).map(|b| take_byline(&b)) else {
            out.push(Err(InputError {
                origin: link
                    .clone()
                    .unwrap_or_else(|| super::item_label(origin, id, n)),
                line: None,
                reason: "feed item has no content or summary text".into(),
                skipped: true,
            }));
            continue;
        };
        let date = e.published.or(e.updated);
        let published_raw = date.map(|d| {
            raw_dates
                .lock()
                .ok()
                .and_then(|m| m.get(&d).cloned())
                .unwrap_or_else(|| d.to_rfc3339())
        });
        let authors: Vec<String> = e
            .authors
            .iter()
            .filter_map(|p| {
                let n = p.name.as_deref().unwrap_or("").trim();
                // RSS `author` is "email (Name)".
                let n = match (n.find('('), n.ends_with(')')) {
                    (Some(i), true) if n[..i].contains('@') || i == 0 => &n[i + 1..n.len() - 1],
                    _ => n,
                };
                let n = n.trim().trim_start_matches("By ").trim();
                (!n.is_empty() && !n.contains('@')).then(|| n.to_string())
            })
            .collect();
        let title = plain_title(&e.title);
        let item_origin = match &link {
            Some(link) => link.clone(),
            None => super::item_origin(origin, id, n, title.as_deref(), &body),
        };
        out.push(Ok(Article {
            origin: item_origin,
            url: link,
            title,
            author: (!authors.is_empty())
                .then(|| authors.join(", "))
                .or(byline_author),
            published_at: date.map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
            published_raw: published_raw.clone(),
            published_date: published_raw
                .as_deref()
                .and_then(calendar_date)
                .or_else(|| date.map(|d| d.format("%Y-%m-%d").to_string())),
            source: source.clone(),
            language: e.language.clone().or(language.clone()),
            body,
            format: Format::Feed,
        }));
    }
    if out.is_empty() {
        return Err(InputError {
            origin: origin.to_string(),
            line: None,
            reason: "feed has no items".into(),
            skipped: true,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_with_an_address_made_ascii() {
        assert_eq!(
            ascii_contacts("<author>jo@x.example\u{2019}s</author><title>Zo\u{eb}</title>"),
            "<author>jo@x.example's</author><title>Zo\u{eb}</title>"
        );
        assert_eq!(
            ascii_contacts(
                "<dc:creator><![CDATA[Zo\u{eb} \u{ab}zoe@x.example\u{bb}]]></dc:creator>"
            ),
            "<dc:creator><![CDATA[Zoe &lt;&lt;zoe@x.example&gt;&gt;]]></dc:creator>"
        );
        assert_eq!(
            ascii_contacts("<author>a@b.example&#8212;&#xE9;&#9;x&#;</author>"),
            "<author>a@b.example--e x&#;</author>"
        );
        // No address, self-closing, unclosed: left alone or cut at the next tag.
        assert_eq!(
            ascii_contacts("<author>Zo\u{eb}</author>"),
            "<author>Zo\u{eb}</author>"
        );
        assert_eq!(ascii_contacts("<author/>\u{e9}@"), "<author/>\u{e9}@");
        assert_eq!(
            ascii_contacts("<author>\u{e9}@<b>\u{e9}"),
            "<author>e@<b>\u{e9}"
        );
        assert_eq!(ascii_contacts("<author>\u{e9}@"), "<author>e@");
    }

    #[test]
    fn declaration_rewritten() {
        assert_eq!(
            utf8_declaration("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>"),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss/>"
        );
        assert_eq!(utf8_declaration("<rss/>"), "<rss/>");
        assert_eq!(
            rss_version("<rss>\n<channel>"),
            "<rss version=\"2.0\">\n<channel>"
        );
        assert_eq!(
            rss_version("<rss version=\"0.91\">"),
            "<rss version=\"0.91\">"
        );
        assert_eq!(rss_version("<rssx>"), "<rssx>");
    }

    #[test]
    fn rss_items() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>The Gazette</title>
<item><title>A</title><link>https://g.test/a</link><description>&lt;p&gt;"Yes," she said.&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;</description><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
<item><title>B</title></item></channel></rss>"#;
        let items = parse("f", rss).unwrap();
        assert_eq!(items.len(), 2);
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.body, "\"Yes,\" she said.\n\nMore.");
        assert_eq!(a.source.as_deref(), Some("The Gazette"));
        assert_eq!(a.origin, "https://g.test/a");
        assert_eq!(a.published_at.as_deref(), Some("2003-06-10T04:00:00Z"));
        assert!(items[1].as_ref().unwrap_err().skipped);
        assert!(parse("f", "<rss><channel>").is_err());
    }
}
