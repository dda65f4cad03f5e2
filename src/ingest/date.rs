//! Dates as articles give them -> UTC ISO-8601 (`YYYY-MM-DDTHH:MM:SSZ`), with chrono only.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// Parses the usual news date shapes; `None` when it cannot be read (the raw text is kept by
/// the caller). Dates without a zone are taken as UTC; dates without a time as midnight.
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

pub fn parse_date(raw: &str) -> Option<String> {
    parse_utc(raw).map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Like [`parse_date`], as a chrono value. Years outside 1800-2200 (placeholders such as
/// `0001-01-01`) count as unparseable.
pub fn parse_utc(raw: &str) -> Option<DateTime<Utc>> {
    use chrono::Datelike;
    parse_any(raw).filter(|d| (1800..=2200).contains(&d.year()))
}

fn parse_any(raw: &str) -> Option<DateTime<Utc>> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
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
    let n = strip_weekday(&strip_ordinals(&n));

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
            return Some(d.with_timezone(&Utc));
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
            return Some(Utc.from_utc_datetime(&d));
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
    ];
    for f in DATES {
        if let Ok(d) = NaiveDate::parse_from_str(&n, f) {
            return Some(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
        }
    }
    None
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
    use super::parse_date;

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
    fn unparseable() {
        assert_eq!(p("yesterday"), None);
        assert_eq!(p(""), None);
        assert_eq!(p("2019-13-45"), None);
        assert_eq!(p("0001-01-01T00:00:00Z"), None);
    }
}
