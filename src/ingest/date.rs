//! Dates as articles give them -> UTC ISO-8601 (`YYYY-MM-DDTHH:MM:SSZ`) and the calendar
//! date in the writer's own time zone (`YYYY-MM-DD`), with chrono only.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use regex::Regex;

/// English month names, for telling a date from a name in bylines.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Their abbreviations as bylines and datelines write them.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Month names of the other languages saved pages come in most often (German, French, Spanish,
/// Portuguese, Italian, Dutch) that are not the English ones, with the English name: htmldate
/// reads them all.
const FOREIGN_MONTHS: &[(&str, &str)] = &[
    ("Januar", "January"),
    ("Jänner", "January"),
    ("Februar", "February"),
    ("März", "March"),
    ("Mai", "May"),
    ("Juni", "June"),
    ("Juli", "July"),
    ("Oktober", "October"),
    ("Dezember", "December"),
    ("janvier", "January"),
    ("février", "February"),
    ("mars", "March"),
    ("avril", "April"),
    ("juin", "June"),
    ("juillet", "July"),
    ("août", "August"),
    ("septembre", "September"),
    ("octobre", "October"),
    ("novembre", "November"),
    ("décembre", "December"),
    ("enero", "January"),
    ("febrero", "February"),
    ("marzo", "March"),
    ("abril", "April"),
    ("mayo", "May"),
    ("junio", "June"),
    ("julio", "July"),
    ("agosto", "August"),
    ("septiembre", "September"),
    ("octubre", "October"),
    ("noviembre", "November"),
    ("diciembre", "December"),
    ("janeiro", "January"),
    ("fevereiro", "February"),
    ("março", "March"),
    ("maio", "May"),
    ("junho", "June"),
    ("julho", "July"),
    ("setembro", "September"),
    ("outubro", "October"),
    ("dezembro", "December"),
    ("gennaio", "January"),
    ("febbraio", "February"),
    ("aprile", "April"),
    ("maggio", "May"),
    ("giugno", "June"),
    ("luglio", "July"),
    ("settembre", "September"),
    ("ottobre", "October"),
    ("dicembre", "December"),
    ("januari", "January"),
    ("februari", "February"),
    ("maart", "March"),
    ("mei", "May"),
    ("augustus", "August"),
];

/// A date written out in running text: `8 November 2023`, `November 8th, 2023`,
/// `Nov. 8, 2023`, `8. November 2023`, `8 de noviembre de 2023`, `2023-11-08`, `08.11.2023`.
static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH_NAMES
        .iter()
        .chain(&MONTH_ABBREVIATIONS)
        .copied()
        .chain(FOREIGN_MONTHS.iter().map(|(foreign, _)| *foreign))
        .collect::<Vec<_>>()
        .join("|");
    let day = r"(?:[0-3]?\d)(?:st|nd|rd|th|\.)?";
    Regex::new(&format!(
        r"(?i)\b(?:{day}\s+(?:de\s+)?(?:{months})\.?,?\s+(?:del?\s+)?(?:19|20)\d\d|(?:{months})\.?\s+{day},?\s+(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)\b"
    ))
    .expect("date pattern")
});

/// The first date written out in `text` that reads as one, as written.
pub fn find_in_text(text: &str) -> Option<&str> {
    dates_in_text(text).next().map(|m| m.as_str())
}

/// Every date written out in `text` that reads as one, with where it stands, in text order.
pub fn dates_in_text(text: &str) -> impl Iterator<Item = regex::Match<'_>> {
    TEXT_DATE
        .find_iter(text)
        .filter(|m| parse_zoned(m.as_str()).is_some())
}

/// Parses the usual news date shapes; `None` when it cannot be read (the raw text is kept by
/// the caller). Dates without a zone are taken as UTC; dates without a time as midnight.
pub fn parse_date(raw: &str) -> Option<String> {
    parse_utc(raw).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Like [`parse_date`], as a chrono value.
pub fn parse_utc(raw: &str) -> Option<DateTime<Utc>> {
    parse_zoned(raw).map(|d| d.with_timezone(&Utc))
}

/// The calendar date `raw` names, in the zone it is written in (`2024-02-24T21:00:00-05:00`
/// is the 24th, though the 25th in UTC): the day the publisher printed.
pub fn calendar_date(raw: &str) -> Option<String> {
    parse_zoned(raw).map(|d| d.date_naive().format("%Y-%m-%d").to_string())
}

/// The date with the offset it was written with (UTC when it names none). Years outside
/// 1800-2200 (placeholders such as `0001-01-01`) count as unparseable.
fn parse_zoned(raw: &str) -> Option<DateTime<FixedOffset>> {
    use chrono::Datelike;
    parse_any(raw).filter(|d| (1800..=2200).contains(&d.year()))
}

fn parse_any(raw: &str) -> Option<DateTime<FixedOffset>> {
    parse_shape(raw).map(|(d, _)| d)
}

/// A time of day written without a zone (`Monday, November 18, 2019, 08:19 PM`): the
/// writer's wall clock, whatever its zone.
pub fn wall_clock(raw: &str) -> Option<NaiveDateTime> {
    use chrono::Datelike;
    match parse_shape(raw)? {
        (d, Shape::WallClock) if (1800..=2200).contains(&d.year()) => Some(d.naive_utc()),
        _ => None,
    }
}

/// What a date string gives besides the day.
enum Shape {
    Zoned,
    WallClock,
    DayOnly,
}

fn parse_shape(raw: &str) -> Option<(DateTime<FixedOffset>, Shape)> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    iso_day(s).or_else(|| parse_written(s))
}

/// A bare `YYYY-MM-DD`, the shape front matter and feeds give most, read as [`parse_written`]
/// reads it (its first shape to match it is `%Y-%m-%d`) without trying the thirty before it
/// one by one: those were 4% of the instructions of an ingest of the BBC benchmark set.
fn iso_day(s: &str) -> Option<(DateTime<FixedOffset>, Shape)> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    let day = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    let midnight = Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN));
    Some((midnight.fixed_offset(), Shape::DayOnly))
}

/// Every shape [`parse_shape`] reads, tried in turn on `s` (trimmed).
fn parse_written(s: &str) -> Option<(DateTime<FixedOffset>, Shape)> {
    let utc = |d: NaiveDateTime| Utc.from_utc_datetime(&d).fixed_offset();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some((d, Shape::Zoned));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some((d, Shape::Zoned));
    }
    // Normalise: a `T` or space between date and time, `Z`, commas, "at", "UTC"/"GMT".
    let mut n = s.replace(" at ", " ").replace(',', " ");
    for zone in [" UTC", " GMT", "UTC", "GMT"] {
        if n.ends_with(zone) {
            n.truncate(n.len() - zone.len());
            n.push_str(" +0000");
            break;
        }
    }
    if let Some(stripped) = n.strip_suffix('Z') {
        n = format!("{stripped} +0000");
    }
    let n = n.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = english_months(&strip_weekday(&strip_ordinals(&n)));

    const ZONED: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f %z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M %z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f %z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M %z",
        "%d %b %Y %H:%M:%S %z",
        "%d %B %Y %H:%M:%S %z",
        "%d %b %Y %H:%M %z",
        "%b %d %Y %H:%M:%S %z",
        "%B %d %Y %H:%M:%S %z",
        "%B %d %Y %I:%M %p %z",
        "%b %d %Y %I:%M %p %z",
        "%Y/%m/%d %H:%M:%S %z",
    ];
    for f in ZONED {
        if let Ok(d) = DateTime::parse_from_str(&n, f) {
            return Some((d, Shape::Zoned));
        }
    }
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%Y/%m/%d %H:%M",
        "%d %b %Y %H:%M:%S",
        "%d %B %Y %H:%M:%S",
        "%d %b %Y %H:%M",
        "%d %B %Y %H:%M",
        "%B %d %Y %H:%M:%S",
        "%b %d %Y %H:%M:%S",
        "%B %d %Y %H:%M",
        "%b %d %Y %H:%M",
        "%B %d %Y %I:%M %p",
        "%b %d %Y %I:%M %p",
        "%Y%m%dT%H%M%S",
    ];
    for f in NAIVE {
        if let Ok(d) = NaiveDateTime::parse_from_str(&n, f) {
            return Some((utc(d), Shape::WallClock));
        }
    }
    const DATES: &[&str] = &[
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%d %b %Y",
        "%d %B %Y",
        "%b %d %Y",
        "%B %d %Y",
        "%d-%b-%Y",
        "%d.%m.%Y",
        "%Y%m%d",
        "%b. %d %Y",
        "%d. %B %Y",
        "%d. %b %Y",
        "%d %b. %Y",
    ];
    for f in DATES {
        if let Ok(d) = NaiveDate::parse_from_str(&n, f) {
            return Some((utc(d.and_time(NaiveTime::MIN)), Shape::DayOnly));
        }
    }
    None
}

/// Other languages' month names -> the English ones ("Sept" -> "Sep", which chrono reads),
/// without the Spanish and Portuguese `de` (`8 de noviembre de 2023`).
fn english_months(s: &str) -> String {
    s.split(' ')
        .filter(|w| !["de", "del"].contains(&w.to_lowercase().as_str()))
        .map(|w| {
            let bare = w.trim_end_matches('.');
            if bare.eq_ignore_ascii_case("sept") {
                return w.replacen(bare, "Sep", 1);
            }
            let lower = bare.to_lowercase();
            FOREIGN_MONTHS
                .iter()
                .find(|(foreign, _)| foreign.to_lowercase() == lower)
                .map_or_else(|| w.to_string(), |(_, english)| english.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "1st", "22nd", "3rd", "4th" -> the number.
fn strip_ordinals(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            for suf in ["st", "nd", "rd", "th"] {
                if let Some(num) = w.strip_suffix(suf) {
                    if !num.is_empty() && num.len() <= 2 && num.bytes().all(|b| b.is_ascii_digit())
                    {
                        return num.to_string();
                    }
                }
            }
            w.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn strip_weekday(s: &str) -> String {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    let mut words = s.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let rest = words.next();
    let bare = first.trim_end_matches('.').to_ascii_lowercase();
    match rest {
        Some(rest) if DAYS.contains(&bare.as_str()) => rest.to_string(),
        _ => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{calendar_date, iso_day, parse_date, parse_written, Shape};

    #[test]
    fn a_bare_day_reads_as_every_shape_tried_in_turn_reads_it() {
        for s in [
            "2004-04-01",
            "1999-12-31",
            "2024-02-29",
            "2023-02-29",
            "2004-13-01",
            "2004-00-10",
            "0001-01-01",
        ] {
            let shape = |d: Option<(_, Shape)>| d.map(|(d, shape)| (d, shape as u8));
            assert_eq!(shape(iso_day(s)), shape(parse_written(s)), "{s}");
        }
        assert!(iso_day("2004-04-01").is_some());
        for other in [
            "2004-4-01",
            "2004/04/01",
            "2004-04-01Z",
            "20040401",
            "2004-04-0x",
        ] {
            assert!(iso_day(other).is_none(), "{other}");
        }
    }

    fn p(s: &str) -> Option<String> {
        parse_date(s)
    }

    #[test]
    fn shapes() {
        assert_eq!(
            p("2019-11-19T08:30:00-05:00").as_deref(),
            Some("2019-11-19T13:30:00Z")
        );
        assert_eq!(
            p("2019-11-19T08:30:00.123Z").as_deref(),
            Some("2019-11-19T08:30:00Z")
        );
        assert_eq!(
            p("Tue, 10 Jun 2003 04:00:00 GMT").as_deref(),
            Some("2003-06-10T04:00:00Z")
        );
        assert_eq!(
            p("Sat, 21 Mar 2020 06:29:51 -0400").as_deref(),
            Some("2020-03-21T10:29:51Z")
        );
        assert_eq!(p("2004-05-01").as_deref(), Some("2004-05-01T00:00:00Z"));
        assert_eq!(
            p("2004-05-01 12:03:04").as_deref(),
            Some("2004-05-01T12:03:04Z")
        );
        assert_eq!(p("1 May 2004").as_deref(), Some("2004-05-01T00:00:00Z"));
        assert_eq!(p("12 March 2021").as_deref(), Some("2021-03-12T00:00:00Z"));
        assert_eq!(p("March 12, 2021").as_deref(), Some("2021-03-12T00:00:00Z"));
        assert_eq!(p("Nov. 19, 2019").as_deref(), Some("2019-11-19T00:00:00Z"));
        assert_eq!(
            p("November 19th, 2019").as_deref(),
            Some("2019-11-19T00:00:00Z")
        );
        assert_eq!(
            p("2019-11-19T08:30:00+0100").as_deref(),
            Some("2019-11-19T07:30:00Z")
        );
        assert_eq!(
            p("2019-11-19T08:30").as_deref(),
            Some("2019-11-19T08:30:00Z")
        );
    }

    #[test]
    fn calendar_date_is_the_writers_day() {
        // An evening in New York is the next day in UTC; the page was published on the 24th.
        let raw = "2024-02-24T21:30:00-05:00";
        assert_eq!(parse_date(raw).as_deref(), Some("2024-02-25T02:30:00Z"));
        assert_eq!(calendar_date(raw).as_deref(), Some("2024-02-24"));
        assert_eq!(
            calendar_date("Sat, 24 Feb 2024 23:10:00 +0100").as_deref(),
            Some("2024-02-24")
        );
        assert_eq!(
            calendar_date("24 February 2024").as_deref(),
            Some("2024-02-24")
        );
        assert_eq!(calendar_date("soon"), None);
    }

    #[test]
    fn dates_in_running_text() {
        use super::find_in_text;
        assert_eq!(
            find_in_text("By Ann Lee | Published 8 November 2023, 10:02"),
            Some("8 November 2023")
        );
        assert_eq!(
            find_in_text("Posted on Sept. 5, 2019 by Bo"),
            Some("Sept. 5, 2019")
        );
        assert_eq!(
            find_in_text("Veröffentlicht am 11. November 2021"),
            Some("11. November 2021")
        );
        assert_eq!(find_in_text("Stand: 03.11.2023"), Some("03.11.2023"));
        assert_eq!(
            find_in_text("Publicado el 5 de octubre de 2018"),
            Some("5 de octubre de 2018")
        );
        assert_eq!(
            p("5 de outubro de 2018").as_deref(),
            Some("2018-10-05T00:00:00Z")
        );
        assert_eq!(
            p("12 décembre 2019").as_deref(),
            Some("2019-12-12T00:00:00Z")
        );
        assert_eq!(p("3 maggio 2021").as_deref(), Some("2021-05-03T00:00:00Z"));
        assert_eq!(p("3 maart 2021").as_deref(), Some("2021-03-03T00:00:00Z"));
        assert_eq!(find_in_text("call 555-2023 in May"), None);
        assert_eq!(p("Sept. 5, 2019").as_deref(), Some("2019-09-05T00:00:00Z"));
        assert_eq!(p("11. März 2021").as_deref(), Some("2021-03-11T00:00:00Z"));
    }

    #[test]
    fn unparseable() {
        assert_eq!(p("yesterday"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("2019-13-45"), None);
        assert_eq!(p("0001-01-01T00:00:00Z"), None);
    }
}
