//! When a saved page says it was published: the places htmldate looks, most trusted first.
//!
//! Structured data (JSON-LD `datePublished`, publication meta tags, `itemprop="datePublished"`,
//! `<time pubdate>`), then the first `<time datetime>`, then the date in the URL path
//! (`/2019/11/19/`), then dates written in elements named for them (`class="byline"`,
//! `id="post-date"`) but for those the line calls an update, or after "Published"/"Posted" in
//! the text, and only then modification dates. A date that cannot be read, lies before 1990 or
//! after the day of reading is passed over, so that copyright years, placeholders and event
//! dates in the future do not win. An instant in UTC that the page shows on the day before or
//! after was published on that day in the publisher's zone.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, Timelike, Utc};
use regex::Regex;
use scraper::{ElementRef, Html, Selector};

use super::date::{calendar_date, dates_in_text, find_in_text, parse_utc, wall_clock};

const EARLIEST_YEAR: i32 = 1990;

/// Meta tags naming the publication date (matched without case).
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "article.created",
    "citation_publication_date",
    "citation_date",
    "rnews:datepublished",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    // More that htmldate reads, less often met: after the usual ones.
    "article:published",
    "article:published_date",
    "article:post_date",
    "article:publicationdate",
    "article_date_original",
    "og:article:published",
    "og:pubdate",
    "og:publish_date",
    "og:datepublished",
    "published_time",
    "published_date",
    "published-date",
    "publisheddate",
    "publish_time",
    "date_published",
    "dateposted",
    "datecreated",
    "date_created",
    "content_create_date",
    "dc.created",
    "dc.date.publication",
    "dc:created",
    "dc:date",
    "dcsext.articlefirstpublished",
    "analyticsattributes.articledate",
    "displaydate",
    "doc_date",
    "bt:pubdate",
    "rbpubdate",
    "pdate",
    "ptime",
    "mediator_published_time",
    "shareaholic:article_published_time",
    "twt-published-at",
    "vr:published_time",
    "og:question:published_time",
    "video:release_date",
    "release_date",
    "og:regdate",
    "field-name-post-date",
    "created",
    "timestamp",
    "gentime",
];

/// Meta tags naming the last modification, the last resort.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "article:modified",
    "article:modified_date",
    "article:post_modified",
    "og:article:modified_time",
    "og:modified_time",
    "modified_time",
    "updated_time",
    "dc.modified",
    "bt:moddate",
    "lastmodified",
    "lastmod",
    "modified",
    "modificationdate",
    "revision_date",
    "lastdate",
    "utime",
];

/// Class or id words of elements that hold a date (or a byline with one).
/// (German `datum`, Spanish `fecha`, Drupal's `submitted`, as htmldate reads them).
const DATE_ELEMENT_WORDS: &[&str] = &[
    "date",
    "time",
    "publish",
    "posted",
    "byline",
    "meta",
    "datum",
    "fecha",
    "submitted",
];
/// ... and of those whose date is a later modification, the last resort, and the words that
/// introduce such a date in a line of text ("Last updated", "Aktualisiert", "Actualizado",
/// "Mis à jour") ...
const MODIFIED_WORDS: &[&str] = &["modif", "updat", "aktualis", "actualiz", "mis à jour"];
/// ... or not the article's at all.
const NOT_ARTICLE_WORDS: &[&str] = &["comment", "reply", "copyright"];
/// Elements longer than this are containers, not a date line.
const MAX_DATE_LINE: usize = 120;

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)[/_-]([01]?\d)[/_-]([0-3]?\d)(?:/|[_-]|\.html?|$)")
        .expect("URL date pattern")
});

static PUBLISHED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:published|posted|first published|veröffentlicht|erstellt|publié|publicado|pubblicato|gepubliceerd)(?:\s+(?:on|am|le|el|em|il|op))?\s*:?\s*",
    )
    .expect("published line pattern")
});

/// A page's publication date.
#[derive(Debug, PartialEq)]
pub struct Published {
    /// As the page writes it where it was found.
    pub raw: String,
    /// The calendar day the page shows for it, when that is not the day `raw` names (see
    /// [`shown_day`]).
    pub shown_day: Option<String>,
}

/// The publication date `doc` gives. `ld_published` is the `datePublished` of its JSON-LD
/// article, `url` the page's address, `text` its visible text.
pub fn find(
    doc: &Html,
    ld_published: Option<&str>,
    url: Option<&str>,
    text: &str,
) -> Option<Published> {
    let raw = find_raw(doc, ld_published, url, text)?;
    let shown_day = shown_day(doc, text, &raw);
    Some(Published { raw, shown_day })
}

/// The publication date `doc` gives, as written (see [`find`]).
fn find_raw(
    doc: &Html,
    ld_published: Option<&str>,
    url: Option<&str>,
    text: &str,
) -> Option<String> {
    let latest = Utc::now() + Duration::days(1);
    let plausible = |raw: &str| -> bool {
        parse_utc(raw).is_some_and(|d| d.year() >= EARLIEST_YEAR && d <= latest)
    };
    let first =
        |mut candidates: Box<dyn Iterator<Item = String> + '_>| candidates.find(|c| plausible(c));

    let ld = ld_scripts(doc);
    let structured = ld_published
        .filter(|raw| plausible(raw))
        .map(str::to_string)
        .or_else(|| first(Box::new(ld_values(&ld, "datePublished"))))
        .or_else(|| first(Box::new(meta_values(doc, PUBLISHED_META))))
        .or_else(|| first(Box::new(marked_published(doc))))
        .or_else(|| first(Box::new(time_elements(doc))))
        .map(|raw| in_local_time(doc, raw));
    // A full date in the URL path is the day the page first appeared: a metadata date on
    // another day is most often a later republication (htmldate trusts the URL first too).
    if let Some(from_url) = url.and_then(url_date).filter(|d| plausible(d)) {
        if structured.as_deref().and_then(calendar_date) != Some(from_url.clone()) {
            return Some(from_url);
        }
    }
    structured
        .or_else(|| first(Box::new(dated_elements(doc, published_in_line))))
        .or_else(|| first(Box::new(published_lines(text))))
        .or_else(|| {
            let mut other_scripts = scripts(doc, r#"script:not([type="application/ld+json"])"#);
            // Page data in a meta tag too (Parse.ly's `parsely-page`).
            other_scripts.extend(
                select(doc, "meta[content]")
                    .into_iter()
                    .filter_map(|m| m.attr("content"))
                    .filter(|c| c.trim_start().starts_with('{'))
                    .map(str::to_string),
            );
            let mut values = SCRIPT_PUBLISHED_KEYS
                .iter()
                .flat_map(|key| ld_values(&other_scripts, key).collect::<Vec<_>>());
            values.find(|v| plausible(v))
        })
        .or_else(|| first(Box::new(date_lines(text))))
        .or_else(|| first(Box::new(ld_values(&ld, "dateModified"))))
        .or_else(|| first(Box::new(meta_values(doc, MODIFIED_META))))
        .or_else(|| first(Box::new(modified_elements(doc))))
        .or_else(|| first(Box::new(dated_elements(doc, find_in_text))))
}

/// `raw` as the page writes the same instant in its own time zone, when `raw` is in UTC and a
/// `<time>` or publication meta tag gives it on another day, with another offset (JSON-LD in
/// UTC at 03:37 on the 4th, the page's `<time>` at 23:37 on the 3rd, New York time) or as a
/// wall clock without one (`November 3, 2022, 11:37 PM`): the publisher's calendar day is the
/// local one.
fn in_local_time(doc: &Html, raw: String) -> String {
    let t = raw.trim();
    let Some(instant) = utc_instant(t) else {
        return raw;
    };
    let day = calendar_date(t);
    // Any `<time>`: one marked "updated" that gives the same instant gives the same date.
    let others: Vec<String> = select(doc, "time")
        .into_iter()
        .filter_map(element_date)
        .chain(meta_values(doc, PUBLISHED_META))
        .collect();
    if let Some(other) = others
        .iter()
        .find(|other| parse_utc(other) == Some(instant) && calendar_date(other) != day)
    {
        return other.clone();
    }
    // A wall clock is the same instant when it is off by a zone's offset, to the minute.
    const MAX_OFFSET_MINUTES: i64 = 14 * 60;
    let to_minute = |d: NaiveDateTime| d.with_second(0).and_then(|d| d.with_nanosecond(0));
    let Some(utc_minute) = to_minute(instant.naive_utc()) else {
        return raw;
    };
    others
        .iter()
        .filter_map(|other| wall_clock(other).and_then(to_minute))
        .map(|wall| (wall - utc_minute).num_minutes())
        .find(|&offset| offset != 0 && offset.abs() <= MAX_OFFSET_MINUTES && offset % 15 == 0)
        .and_then(|offset| FixedOffset::east_opt(i32::try_from(offset * 60).ok()?))
        .map(|zone| instant.with_timezone(&zone).to_rfc3339())
        .filter(|local| calendar_date(local) != day)
        .unwrap_or(raw)
}

/// The instant `raw` names when it is written in UTC (`Z`, `+00:00`), which is seldom the
/// publisher's own zone.
fn utc_instant(raw: &str) -> Option<DateTime<Utc>> {
    let t = raw.trim();
    (t.ends_with('Z') || t.ends_with("+00:00") || t.ends_with("+0000"))
        .then(|| parse_utc(t))
        .flatten()
}

/// The calendar day the page shows for `raw`, an instant in UTC, when it is another day that
/// a zone's offset (UTC-12 to UTC+14) puts the instant on: JSON-LD at 03:30 UTC on the 9th
/// and the byline "November 8, 2023" of a page from New York were published on the 8th there.
/// The day shown is the first date in a `<time>`, an element marked or named for a date, or
/// after "Published"; none of them may show the UTC day (a masthead's date of the day the
/// page was saved can come first).
fn shown_day(doc: &Html, text: &str, raw: &str) -> Option<String> {
    let instant = utc_instant(raw)?;
    let utc_day = instant.date_naive();
    let time_texts = select(doc, "time")
        .into_iter()
        .filter(|el| !names_other_date(*el))
        .chain(select(doc, r#"[itemprop="datePublished"]"#))
        .filter_map(|el| published_in_line(&el.text().collect::<String>()).map(str::to_string));
    let days: Vec<NaiveDate> = time_texts
        .chain(dated_elements(doc, published_in_line))
        .chain(published_lines(text))
        .filter_map(|d| calendar_date(&d))
        .filter_map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
        .collect();
    let &shown = days.first()?;
    let earliest = (instant - Duration::hours(12)).date_naive();
    let latest = (instant + Duration::hours(14)).date_naive();
    (shown != utc_day && (earliest..=latest).contains(&shown) && !days.contains(&utc_day))
        .then(|| shown.format("%Y-%m-%d").to_string())
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    Selector::parse(css)
        .map(|s| doc.select(&s).collect())
        .unwrap_or_default()
}

fn ld_scripts(doc: &Html) -> Vec<String> {
    scripts(doc, r#"script[type="application/ld+json"]"#)
}

fn scripts(doc: &Html, css: &str) -> Vec<String> {
    select(doc, css)
        .into_iter()
        .map(|s| s.text().collect())
        .collect()
}

/// Keys that page data in other scripts (a framework's state, not JSON-LD) or in a meta tag's
/// JSON give the publication date under.
const SCRIPT_PUBLISHED_KEYS: &[&str] = &[
    "datePublished",
    "publishedDate",
    "datePosted",
    "publishDate",
    "publish_date",
    "pub_date",
    "publicationDate",
    "publishedAt",
    "firstPublished",
];

/// The keys `ld_values` looks for, each with its pattern, compiled once rather than per page.
static KEY_PATTERNS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    SCRIPT_PUBLISHED_KEYS
        .iter()
        .chain(&["dateModified"])
        .map(|&key| {
            let pattern = format!(r#""{key}"\s*:\s*"([^"]{{6,64}})""#);
            (key, Regex::new(&pattern).expect("key pattern"))
        })
        .collect()
});

/// Every string value of `key` (one of [`KEY_PATTERNS`]) anywhere in `scripts` (JSON-LD or
/// other page data), whatever object holds it.
fn ld_values<'a>(scripts: &'a [String], key: &str) -> impl Iterator<Item = String> + 'a {
    let pattern = KEY_PATTERNS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, pattern)| pattern)
        .expect("a key of KEY_PATTERNS");
    scripts.iter().flat_map(move |s| {
        pattern
            .captures_iter(s)
            .map(|c| c[1].to_string())
            .collect::<Vec<_>>()
    })
}

fn meta_values<'a>(doc: &'a Html, keys: &'a [&str]) -> impl Iterator<Item = String> + 'a {
    let metas = select(doc, "meta[content]");
    keys.iter().flat_map(move |key| {
        metas
            .iter()
            .filter(|m| {
                ["property", "name", "itemprop", "http-equiv"]
                    .iter()
                    .any(|a| m.attr(a).is_some_and(|v| v.eq_ignore_ascii_case(key)))
            })
            .filter_map(|m| m.attr("content").map(str::to_string))
            .collect::<Vec<_>>()
    })
}

/// The date an element holds: its `datetime` or `content` attribute, else its text.
fn element_date(el: ElementRef<'_>) -> Option<String> {
    el.attr("datetime")
        .or_else(|| el.attr("content"))
        .map(str::to_string)
        .or_else(|| {
            let text: String = el.text().collect();
            find_in_text(&text).map(str::to_string)
        })
}

/// The first date in `line` that the words before it (since the line's start or the date
/// before) do not name a modification: "Last updated 9 May 2021 | Published 8 May 2021" was
/// published on the 8th.
fn published_in_line(line: &str) -> Option<&str> {
    let mut since = 0;
    dates_in_text(line).find_map(|m| {
        let before = line[since..m.start()].to_lowercase();
        since = m.end();
        (!MODIFIED_WORDS.iter().any(|w| before.contains(w))).then_some(m.as_str())
    })
}

/// `itemprop="datePublished"` and `<time pubdate>`: marked as the publication date.
fn marked_published(doc: &Html) -> impl Iterator<Item = String> + '_ {
    select(
        doc,
        r#"[itemprop="datePublished"], time[pubdate], abbr.published[title]"#,
    )
    .into_iter()
    .filter_map(|el| {
        el.attr("title")
            .map(str::to_string)
            .or_else(|| element_date(el))
    })
}

/// `<time>` elements that are not marked as modified, in page order.
fn time_elements(doc: &Html) -> impl Iterator<Item = String> + '_ {
    select(doc, "time")
        .into_iter()
        .filter(|el| !names_other_date(*el))
        .filter_map(element_date)
}

fn names(el: ElementRef<'_>) -> String {
    let v = el.value();
    format!(
        "{} {} {}",
        v.attr("class").unwrap_or(""),
        v.attr("id").unwrap_or(""),
        v.attr("itemprop").unwrap_or("")
    )
    .to_ascii_lowercase()
}

fn names_other_date(el: ElementRef<'_>) -> bool {
    let names = names(el);
    MODIFIED_WORDS
        .iter()
        .chain(NOT_ARTICLE_WORDS)
        .any(|w| names.contains(w))
}

/// `<time>` elements and `itemprop="dateModified"` marked as a modification (a WordPress
/// `<time class="updated">` is often the only date a page has).
fn modified_elements(doc: &Html) -> impl Iterator<Item = String> + '_ {
    select(doc, r#"time, [itemprop="dateModified"]"#)
        .into_iter()
        .filter(|el| {
            let names = names(*el);
            MODIFIED_WORDS.iter().any(|w| names.contains(w))
                && !NOT_ARTICLE_WORDS.iter().any(|w| names.contains(w))
        })
        .filter_map(element_date)
}

/// The dates `read` finds in the short elements whose class or id says they hold a date or
/// byline, in page order.
fn dated_elements<'a>(
    doc: &'a Html,
    read: fn(&str) -> Option<&str>,
) -> impl Iterator<Item = String> + 'a {
    select(doc, "body [class], body [id]")
        .into_iter()
        .filter(|el| {
            let names = names(*el);
            DATE_ELEMENT_WORDS.iter().any(|w| names.contains(w)) && !names_other_date(*el)
        })
        .filter_map(move |el| {
            let text: String = el.text().collect();
            let text = text.trim();
            (text.len() <= MAX_DATE_LINE)
                .then(|| read(text).map(str::to_string))
                .flatten()
        })
}

/// Dates right after "Published" or "Posted", or the same in the other languages saved pages
/// come in most often, in the visible text.
fn published_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    PUBLISHED_LINE.find_iter(text).filter_map(move |m| {
        const DATE_WINDOW: usize = 40;
        let after = &text[m.end()..];
        // `floor_char_boundary` is newer than the crate's minimum Rust.
        let end = (0..=DATE_WINDOW.min(after.len()))
            .rev()
            .find(|&i| after.is_char_boundary(i))
            .unwrap_or(0);
        let window = &after[..end];
        find_in_text(window)
            .filter(|d| window.trim_start().starts_with(d))
            .map(str::to_string)
    })
}

/// Dates in short paragraphs, the lines that carry a date and little else (`Monday, January
/// 22, 2014`, `Wiesbaden, 11. November 2021`, `Author: Bo am 29.12.2010, 13:36`), in page
/// order: htmldate's last resort too. Such a line ends with its date, or with a time after it;
/// a short sentence of the story goes on ("In a video dated May 23, 2015, he declared...").
fn date_lines(text: &str) -> impl Iterator<Item = String> + '_ {
    // `at 10:30 a.m. EST`
    const MAX_WORDS_AFTER_DATE: usize = 4;
    text.split("\n\n")
        .filter(|p| p.len() <= MAX_DATE_LINE)
        .filter_map(|p| {
            let date = dates_in_text(p).next()?;
            let after = p[date.end()..].split_whitespace().count();
            (after <= MAX_WORDS_AFTER_DATE).then(|| date.as_str().to_string())
        })
}

/// `https://example.com/2019/11/19/story` -> `2019-11-19`.
fn url_date(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    let (y, m, d) = (&c[1], c[2].parse::<u32>().ok()?, c[3].parse::<u32>().ok()?);
    Some(format!("{y}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(page: &str, url: Option<&str>) -> Option<String> {
        let doc = Html::parse_document(page);
        let text = super::super::html::html_to_text(doc.root_element(), true);
        find(&doc, None, url, &text).map(|found| found.raw)
    }

    #[test]
    fn published_before_modified() {
        let page = r#"<script type="application/ld+json">{"@graph":[{"@type":"Thing",
            "dateModified":"2021-05-02","datePublished":"2020-04-01T10:00:00-07:00"}]}</script>"#;
        assert_eq!(
            date_of(page, None).as_deref(),
            Some("2020-04-01T10:00:00-07:00")
        );
        let page = r#"<meta property="article:modified_time" content="2021-05-02">
            <meta name="parsely-pub-date" content="2020-04-01">"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2020-04-01"));
    }

    #[test]
    fn less_common_publication_meta_names() {
        let page = r#"<meta name="article:modified" content="2021-05-02">
            <meta property="og:pubdate" content="2020-04-01"><p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2020-04-01"));
        let page = r#"<meta name="lastmod" content="2021-05-02"><p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2021-05-02"));
        let page = r#"<meta name="modified" content="2021-05-02">
            <meta property="video:release_date" content="2020-04-01"><p>No date.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2020-04-01"));
        let page = r#"<meta name="revision_date" content="2021-05-02"><p>No date.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2021-05-02"));
    }

    #[test]
    fn marked_and_time_elements() {
        let page = r#"<p>Updated <time class="updated" datetime="2022-01-02">Jan 2</time>
            <span itemprop="datePublished" content="2021-12-30">Dec 30</span></p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2021-12-30"));
        let page = r#"<p><time class="modified" datetime="2022-01-02">x</time>
            <time>Published on August 19, 2019</time></p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("August 19, 2019"));
    }

    #[test]
    fn url_then_bylines_then_text() {
        let page = "<p class=\"byline\">By Ann Lee, 3 March 2018</p>";
        assert_eq!(
            date_of(page, Some("https://example.com/2019/11/19/story")).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(date_of(page, None).as_deref(), Some("3 March 2018"));
        let page = "<p>Some text.</p><p>Published 8 November 2023</p>";
        assert_eq!(date_of(page, None).as_deref(), Some("8 November 2023"));
        let page = "<p>Some longer text of 3 March 2018, in a paragraph that goes on and on for \
                    more than a line would, with more words after it than a dateline has.</p>\
                    <p>January 22, 2014</p>";
        assert_eq!(date_of(page, None).as_deref(), Some("January 22, 2014"));
    }

    #[test]
    fn a_short_sentence_of_the_story_is_not_a_date_line() {
        let page = "<p>Some text.</p><p>In a video dated May 23, 2015, the mayor declared \
                    himself a candidate for the presidency.</p>";
        assert_eq!(date_of(page, None), None);
        let page = "<p>Some text.</p><p>By Bo Lee, January 22, 2014 at 10:30 a.m. EST</p>";
        assert_eq!(date_of(page, None).as_deref(), Some("January 22, 2014"));
    }

    #[test]
    fn date_elements_named_in_other_languages() {
        let page = r#"<p>Some text, 3 March 2018, in a paragraph that goes on and on for more
            than a line would, with more words after it than a dateline has.</p>
            <p>Von Bo, <span class="artikel-datum">4. Mai 2019</span>, und noch ein Satz, der
            weitergeht, der lang ist, sehr lang, mit Worten und mehr Worten, als eine Zeile
            mit einem Datum hat.</p>
            <p>Montag, 6. Mai 2019</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("4. Mai 2019"));
    }

    #[test]
    fn published_in_other_languages() {
        let page = "<div><h3>Another story</h3><span>01.02.2022 16:28</span></div>\
                    <p>Some text.</p><small>Erstellt am: 30.01.2022 18:36 / ab</small>";
        assert_eq!(date_of(page, None).as_deref(), Some("30.01.2022"));
        let page = "<p>Some text.</p><p>Por Ana Ruiz. Publicado el 5 de octubre de 2018, \
                    con un texto que sigue y sigue, tanto que no es una fecha sola, \
                    pues tiene muchas palabras y muchas comas.</p>";
        assert_eq!(date_of(page, None).as_deref(), Some("5 de octubre de 2018"));
    }

    #[test]
    fn the_url_date_wins_over_a_later_republication() {
        let page =
            r#"<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">"#;
        let url = "https://example.com/home/2017/7/12/story";
        assert_eq!(date_of(page, Some(url)).as_deref(), Some("2017-07-12"));
        let url = "https://example.com/2019/06/17/story";
        assert_eq!(
            date_of(page, Some(url)).as_deref(),
            Some("2019-06-17T18:28:00+02:00")
        );
    }

    #[test]
    fn a_modification_time_when_nothing_else_dates_the_page() {
        let page = r#"<ul><li class="modified-date"><time class="updated"
            datetime="2018-10-05T08:15:05+00:00">Friday</time></li></ul>"#;
        assert_eq!(
            date_of(page, None).as_deref(),
            Some("2018-10-05T08:15:05+00:00")
        );
        let page = r#"<time class="comment-date" datetime="2018-10-05">5 Oct</time>"#;
        assert_eq!(date_of(page, None), None);
    }

    #[test]
    fn page_data_in_other_scripts() {
        let page = r#"<script>window.__STATE__ = {"review": {"publishedDate":"2016-11-04T20:37:27Z"}};</script>
            <p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2016-11-04T20:37:27Z"));
        let page = r#"<meta name="parsely-page" content='{"title":"A story","pub_date":"2014-12-30T01:30:41Z"}'>
            <p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2014-12-30T01:30:41Z"));
        let page = r#"<script>var app = {"article": {"publishDate":"2016-11-04"}};</script>
            <p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2016-11-04"));
    }

    #[test]
    fn the_local_day_of_a_utc_date() {
        let page = r#"<meta property="article:published_time" content="2022-05-04T03:37:37+00:00">
            <time class="entry-date updated" datetime="2022-05-03T23:37:37-04:00">3 May</time>"#;
        let raw = date_of(page, None).unwrap();
        assert_eq!(calendar_date(&raw).as_deref(), Some("2022-05-03"));
        // Another instant on the page is another date, not the same one written locally.
        let page = r#"<meta property="article:published_time" content="2022-05-04T03:37:37Z">
            <time datetime="2022-05-03T20:00:00-04:00">3 May</time>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2022-05-04T03:37:37Z"));
    }

    #[test]
    fn the_local_day_of_a_utc_date_from_a_wall_clock() {
        let page = r#"<meta property="article:published_time" content="2019-11-19T01:19:34.819Z">
            <meta name="article_date_original" content="Monday, November 18, 2019, 08:19 PM">"#;
        let raw = date_of(page, None).unwrap();
        assert_eq!(calendar_date(&raw).as_deref(), Some("2019-11-18"));
        assert_eq!(parse_utc(&raw), parse_utc("2019-11-19T01:19:34.819Z"));
        // A wall clock at another minute is another time, not this one.
        let page = r#"<meta property="article:published_time" content="2019-11-19T01:19:34Z">
            <meta name="article_date_original" content="Monday, November 18, 2019, 08:07 PM">"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2019-11-19T01:19:34Z"));
    }

    fn shown_day_of(page: &str) -> Option<String> {
        let doc = Html::parse_document(page);
        let text = super::super::html::html_to_text(doc.root_element(), true);
        find(&doc, None, None, &text).and_then(|found| found.shown_day)
    }

    #[test]
    fn the_day_the_page_shows_for_a_utc_instant() {
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished":"2023-11-09T03:30:00Z"}</script>"#;
        let page = format!(r#"{ld}<p class="byline">By Jo Bell, November 8, 2023</p>"#);
        assert_eq!(shown_day_of(&page).as_deref(), Some("2023-11-08"));
        let page = format!("{ld}<time>Wed 8 Nov 2023, 10.30pm EST</time>");
        assert_eq!(shown_day_of(&page).as_deref(), Some("2023-11-08"));
        // East of UTC, the day after.
        let page = r#"<meta property="article:published_time" content="2023-11-08T22:30:00+00:00">
            <div class="post-date">9 November 2023</div>"#;
        assert_eq!(shown_day_of(page).as_deref(), Some("2023-11-09"));
        // A masthead showing the UTC day too: no telling which is the article's.
        let page = format!(
            r#"{ld}<div class="today-date">Thursday, 9 November 2023</div>
            <p class="byline">By Jo Bell, November 8, 2023</p>"#
        );
        assert_eq!(shown_day_of(&page), None);
        // No zone puts 15:00 UTC on the day before: another date, not this one.
        let page = r#"<meta property="article:published_time" content="2023-11-09T15:00:00Z">
            <p class="byline">By Jo Bell, November 8, 2023</p>"#;
        assert_eq!(shown_day_of(page), None);
        // A date with its own offset is the publisher's day already.
        let page = r#"<meta property="article:published_time" content="2023-11-08T22:30:00-05:00">
            <p class="byline">By Jo Bell, November 9, 2023</p>"#;
        assert_eq!(shown_day_of(page), None);
    }

    #[test]
    fn a_line_that_calls_its_date_an_update() {
        let page = r#"<div class="article-meta">Last updated on 9 November 2023 |
            Originally published 8 November 2023</div><p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("8 November 2023"));
        let page = r#"<div class="post-date">Aktualisiert am 09.11.2023, erstellt am
            08.11.2023</div><p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("08.11.2023"));
        // An update is still the page's date when it gives no other.
        let page = r#"<div class="recipe-meta"><span>Serves 4</span>
            <span>Updated June 13, 2019</span></div><p>No date in the text.</p>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("June 13, 2019"));
    }

    #[test]
    fn implausible_dates_are_passed_over() {
        let page = r#"<meta name="date" content="1970-01-01">
            <meta name="dc.date" content="2999-01-01"><time datetime="2015-06-01">x</time>"#;
        assert_eq!(date_of(page, None).as_deref(), Some("2015-06-01"));
        let page = "<footer><p class=\"copyright\">© 2012-2019</p></footer><p>No date.</p>";
        assert_eq!(date_of(page, None), None);
    }
}
