//! What the user asked for (names, dates as typed) -> what SQL can filter on (ids, bounds).
//! Names are looked up once, before the listing query, so that query filters by
//! `speaker_id IN (...)` on an index instead of comparing names row by row.

use anyhow::{bail, Context, Result};
use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use crate::model::ClaimKind;
use crate::names;
use crate::store::Store;

/// The filters every listing and export takes, as the user typed them.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// A speaker however written: any case, with or without diacritics, a full name, an
    /// alias or a surname alone.
    pub speaker: Option<String>,
    /// Only speakers whose name or alias is exactly `speaker` (no surname-alone matches).
    pub exact_speaker: bool,
    /// An outlet: its name, part of its name (whole words) or its domain.
    pub source: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: from the start of that period.
    pub since: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: through the end of that period.
    pub until: Option<String>,
    pub kind: Option<ClaimKind>,
    /// An article id, origin, or the end of an origin path (`business/012.txt`).
    pub article: Option<String>,
    /// Only quotes and claims the extractor was at least this sure of (0 to 1).
    pub min_confidence: Option<f64>,
    pub limit: Option<u64>,
    pub offset: u64,
}

impl Filters {
    /// The filters that only quotes, claims and articles have; `speakers` and `sources`
    /// exports refuse them rather than ignore them.
    pub fn has_row_filters(&self) -> bool {
        self.since.is_some()
            || self.until.is_some()
            || self.kind.is_some()
            || self.article.is_some()
            || self.min_confidence.is_some()
    }
}

/// A speaker or outlet that a name matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: i64,
    pub name: String,
}

impl Named {
    /// From a row whose first two columns are `id, name`.
    pub(super) fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Named> {
        Ok(Named {
            id: row.get(0)?,
            name: row.get(1)?,
        })
    }
}

/// A name in the archive is suggested for a typed one that matched no speaker when the two are
/// this alike (Jaro-Winkler) ...
const ALIKE: f64 = 0.88;
/// ... and at most half the letters of the longer differ (normalized Damerau-Levenshtein).
const FEW_EDITS: f64 = 0.5;

/// No speaker matches a name: `no speaker matches "Jiyaad"; did you mean "Sajad Jiyad"?`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSpeaker {
    pub name: String,
    /// The closest names in the archive, best first; empty when none is close.
    pub closest: Vec<String>,
}

impl std::fmt::Display for NoSpeaker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no speaker matches {:?}", self.name)?;
        if let Some((last, others)) = self.closest.split_last() {
            let quoted = |name: &String| format!("{name:?}");
            f.write_str("; did you mean ")?;
            if !others.is_empty() {
                let others: Vec<String> = others.iter().map(quoted).collect();
                write!(f, "{} or ", others.join(", "))?;
            }
            write!(f, "{}?", quoted(last))?;
        }
        Ok(())
    }
}

impl std::error::Error for NoSpeaker {}

/// Filters with every name looked up: what the SQL builder binds.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// `None`: no speaker filter; `Some(empty)`: a filter that matched no one.
    pub speakers: Option<Vec<Named>>,
    pub sources: Option<Vec<Named>>,
    pub articles: Option<Vec<i64>>,
    /// Inclusive lower bound on `published_date` (an ISO prefix).
    pub since: Option<String>,
    /// Exclusive upper bound on `published_date` (the start of the next period).
    pub until: Option<String>,
    pub kind: Option<ClaimKind>,
    pub min_confidence: Option<f64>,
    pub limit: Option<u64>,
    pub offset: u64,
    /// `since`..`until` as the date tokens of the full-text indexes (years, months and days
    /// that cover the range within the archive's dates): `None` without a date filter, empty
    /// when no stored date can be in the range.
    pub periods: Option<Vec<String>>,
}

impl Store {
    pub fn resolve(&self, filters: &Filters) -> Result<Resolved> {
        let speakers = match &filters.speaker {
            Some(name) => Some(self.find_speakers(name, filters.exact_speaker)?),
            None => None,
        };
        let sources = match &filters.source {
            Some(name) => Some(self.find_sources(name)?),
            None => None,
        };
        let articles = match &filters.article {
            Some(reference) => Some(self.find_articles(reference)?),
            None => None,
        };
        let since = match &filters.since {
            Some(date) => Some(period(date).context("--since")?.0),
            None => None,
        };
        let until = match &filters.until {
            Some(date) => Some(period(date).context("--until")?.1),
            None => None,
        };
        let periods = if since.is_some() || until.is_some() {
            Some(self.periods(since.as_deref(), until.as_deref())?)
        } else {
            None
        };
        Ok(Resolved {
            speakers,
            sources,
            articles,
            since,
            until,
            kind: filters.kind,
            min_confidence: filters.min_confidence,
            limit: filters.limit,
            offset: filters.offset,
            periods,
        })
    }

    /// The date tokens covering `since` (inclusive) to `until` (exclusive), open ends bounded
    /// by the years of the archive's first and last dates.
    fn periods(&self, since: Option<&str>, until: Option<&str>) -> Result<Vec<String>> {
        let (first, last): (Option<String>, Option<String>) = self.conn.query_row(
            // Two subqueries: each is one index lookup, where one SELECT with both min() and
            // max() reads the whole index.
            "SELECT (SELECT min(published_date) FROM articles),
                    (SELECT max(published_date) FROM articles)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let (Some(first), Some(last)) = (
            first.as_deref().and_then(day_of),
            last.as_deref().and_then(day_of),
        ) else {
            return Ok(Vec::new());
        };
        // Open ends run to whole years around the stored dates: fewer, coarser tokens than
        // the exact first and last days, and no date is outside them.
        let start = since
            .and_then(day_of)
            .unwrap_or_else(|| first.with_ordinal(1).unwrap_or(first));
        let end = until
            .and_then(day_of)
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(last.year() + 1, 1, 1).unwrap_or(last));
        Ok(period_tokens(start, end))
    }

    /// The speakers a name can mean: same key or alias key; unless `exact`, also every speaker
    /// whose name or alias holds the name as whole words (`jiyad` -> `sajad jiyad`). A name
    /// typed with honorifics (`Mr Howard`, `Prime Minister Tony Blair`) that is no speaker's
    /// name as typed is looked up without them; a title and one word name a surname first.
    pub fn find_speakers(&self, name: &str, exact: bool) -> Result<Vec<Named>> {
        let key = lookup_key(name);
        let untitled = names::without_honorifics(&key);
        if untitled == key {
            return self.speakers_by_key(&key, exact);
        }
        let named_so = self.speakers_by_key(&key, true)?;
        if !named_so.is_empty() {
            return Ok(named_so);
        }
        let mut found = if exact || untitled.contains(' ') {
            Vec::new()
        } else {
            self.people_by_surname(untitled)?
        };
        // `Sir Elton`: a title before a first name.
        if found.is_empty() {
            found = self.speakers_by_key(untitled, exact)?;
        }
        if found.is_empty() {
            found = self.speakers_by_key(&key, exact)?;
        }
        Ok(found)
    }

    /// [`Store::find_speakers`] for a key as it is.
    fn speakers_by_key(&self, key: &str, exact: bool) -> Result<Vec<Named>> {
        if key.is_empty() {
            return Ok(Vec::new());
        }
        // Keys hold only letters, digits, `'`, `-` and single spaces: nothing LIKE treats
        // specially, so the key can sit inside the pattern as it is. The word index finds the
        // candidates among many speakers; LIKE keeps exactly those with the words in order.
        // Aliases are few (users add them), so they are scanned.
        let words = format!("% {key} %");
        let phrase = format!("\"{}\"", key.replace('"', "\"\""));
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name FROM speakers WHERE id IN (
                 SELECT id FROM speakers WHERE key = ?1
                 UNION SELECT speaker_id FROM speaker_aliases WHERE key = ?1
                 UNION SELECT s.id FROM speakers_fts f CROSS JOIN speakers s ON s.id = f.rowid
                       WHERE NOT ?2 AND speakers_fts MATCH ?4 AND ' ' || s.key || ' ' LIKE ?3
                 UNION SELECT speaker_id FROM speaker_aliases
                       WHERE NOT ?2 AND ' ' || key || ' ' LIKE ?3)
             ORDER BY key = ?1 DESC, name, id",
        )?;
        let found = stmt
            .query_map(params![key, exact, words, phrase], Named::from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// People whose name or alias ends with `surname` (one word), or is it: `Mr Howard` is
    /// Michael Howard, not Howard Flight.
    fn people_by_surname(&self, surname: &str) -> Result<Vec<Named>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name FROM speakers WHERE kind = 'person' AND id IN (
                 SELECT s.id FROM speakers_fts f CROSS JOIN speakers s ON s.id = f.rowid
                       WHERE speakers_fts MATCH ?3 AND ' ' || s.key LIKE ?2
                 UNION SELECT speaker_id FROM speaker_aliases WHERE ' ' || key LIKE ?2)
             ORDER BY key = ?1 DESC, name, id",
        )?;
        let found = stmt
            .query_map(
                params![surname, format!("% {surname}"), format!("\"{surname}\"")],
                Named::from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// The names in the archive closest to a name no speaker has, at most `limit`: keys
    /// without honorifics compared whole, or a single typed word against each word of a name
    /// (`Jiyaad` finds `Sajad Jiyad`). Close is alike from the start (Jaro-Winkler) and a few
    /// typing errors away (Damerau-Levenshtein); the fewest errors come first, then the
    /// speaker with more claims.
    pub fn closest_speakers(&self, name: &str, limit: usize) -> Result<Vec<String>> {
        let key = lookup_key(name);
        let typed = names::without_honorifics(&key);
        if typed.is_empty() {
            return Ok(Vec::new());
        }
        let one_word = !typed.contains(' ');
        let mut close: Vec<(f64, i64, String)> = Vec::new();
        // One typed word is a name's word: descriptions (`officials say`) are left out.
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, key FROM speakers WHERE NOT ?1 OR kind <> 'unnamed'")?;
        let mut rows = stmt.query([one_word])?;
        while let Some(row) = rows.next()? {
            let key = row.get_ref(2)?.as_str()?;
            let closeness = |other: &str| {
                let alike = strsim::jaro_winkler(typed, other) >= ALIKE;
                let edits = strsim::normalized_damerau_levenshtein(typed, other);
                (alike && edits >= FEW_EDITS).then_some(edits)
            };
            let score = if one_word {
                key.split(' ').filter_map(closeness).reduce(f64::max)
            } else {
                closeness(key)
            };
            if let Some(score) = score {
                close.push((score, row.get(0)?, row.get(1)?));
            }
        }
        let mut claims = self
            .conn
            .prepare_cached("SELECT count(*) FROM claims WHERE speaker_id = ?1")?;
        let mut ranked = Vec::with_capacity(close.len());
        for (score, id, name) in close {
            let said: i64 = claims.query_row([id], |row| row.get(0))?;
            ranked.push((score, said, name));
        }
        ranked.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(b.1.cmp(&a.1))
                .then_with(|| a.2.cmp(&b.2))
        });
        let mut names: Vec<String> = Vec::with_capacity(limit);
        for (_, _, name) in ranked {
            if names.len() == limit {
                break;
            }
            if !names.contains(&name) {
                names.push(name);
            }
        }
        Ok(names)
    }

    /// What to say when no speaker matches `name`, with the closest names there are.
    pub fn no_speaker(&self, name: &str) -> Result<NoSpeaker> {
        Ok(NoSpeaker {
            name: name.to_string(),
            closest: self.closest_speakers(name, 3)?,
        })
    }

    /// Speakers for `speakers --search`: every [`Store::find_speakers`] match, plus names and
    /// aliases that hold the text anywhere (`jiy` -> `Sajad Jiyād`).
    pub fn search_speakers(&self, text: &str) -> Result<Vec<Named>> {
        let key = lookup_key(text);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name FROM speakers WHERE id IN (
                 SELECT id FROM speakers WHERE instr(key, ?1) > 0
                 UNION SELECT speaker_id FROM speaker_aliases WHERE instr(key, ?1) > 0)
             ORDER BY name, id",
        )?;
        let found = stmt
            .query_map([key], Named::from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// Outlets by key, domain, or whole words of their name (`bbc` -> `BBC News`).
    pub fn find_sources(&self, name: &str) -> Result<Vec<Named>> {
        let key = lookup_key(name);
        let domain = name.trim().trim_start_matches("www.").to_lowercase();
        if key.is_empty() && domain.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name FROM sources
             WHERE key = ?1 OR domain = ?2 OR ' ' || key || ' ' LIKE ?3
                OR (?1 <> '' AND substr(domain, 1, length(?1) + 1) = ?1 || '.')
             ORDER BY name, id",
        )?;
        let found = stmt
            .query_map(params![key, domain, format!("% {key} %")], Named::from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// Articles by id, by origin (their own or another input's that gave the same article), or
    /// by the end of an origin path.
    pub fn find_articles(&self, reference: &str) -> Result<Vec<i64>> {
        let reference = reference.trim();
        if reference.is_empty() {
            bail!("--article needs an article id or origin");
        }
        let exact: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE origin = ?1 OR id = ?2
                 UNION SELECT article_id FROM article_origins WHERE origin = ?1 ORDER BY 1",
            )?
            .query_map(params![reference, reference.parse::<i64>().ok()], |row| {
                row.get(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        if !exact.is_empty() {
            return Ok(exact);
        }
        let tail = if reference.starts_with('/') {
            reference.to_string()
        } else {
            format!("/{reference}")
        };
        let by_tail = self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE substr(origin, -length(?1)) = ?1
                 UNION SELECT article_id FROM article_origins
                 WHERE substr(origin, -length(?1)) = ?1 ORDER BY 1",
            )?
            .query_map([tail], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(by_tail)
    }
}

/// The key a typed name is looked up by, the way the writer keys names it stores.
pub fn lookup_key(name: &str) -> String {
    let key = names::key(name);
    if key.is_empty() {
        name.trim().to_lowercase()
    } else {
        key
    }
}

/// The day an ISO date or date prefix starts on (`2004` -> 2004-01-01).
fn day_of(iso: &str) -> Option<NaiveDate> {
    let number = |range: std::ops::Range<usize>| iso.get(range)?.parse::<u32>().ok();
    let year = number(0..4)?;
    let month = if iso.len() > 4 { number(5..7)? } else { 1 };
    let day = if iso.len() > 7 { number(8..10)? } else { 1 };
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// The fewest index date tokens (`y2004`, `m200405`, `d20040501`: whole years, then whole
/// months, then days) that cover the days from `start` up to, not including, `end`.
pub fn period_tokens(start: NaiveDate, end: NaiveDate) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut day = start;
    while day < end {
        let next_year = NaiveDate::from_ymd_opt(day.year() + 1, 1, 1);
        let next_month = day
            .checked_add_months(chrono::Months::new(1))
            .and_then(|d| d.with_day(1));
        match (next_year, next_month) {
            (Some(next), _) if day.ordinal() == 1 && next <= end => {
                tokens.push(format!("y{:04}", day.year()));
                day = next;
            }
            (_, Some(next)) if day.day() == 1 && next <= end => {
                tokens.push(format!("m{:04}{:02}", day.year(), day.month()));
                day = next;
            }
            _ => {
                tokens.push(format!("d{}", day.format("%Y%m%d")));
                match day.succ_opt() {
                    Some(next) => day = next,
                    None => break,
                }
            }
        }
    }
    tokens
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` -> (its first instant, the first instant after it), as
/// prefixes that compare correctly with stored ISO-8601 timestamps.
pub fn period(date: &str) -> Result<(String, String)> {
    let date = date.trim();
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let bad = || anyhow::anyhow!("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {date:?}");
    match parts.as_slice() {
        [y] => {
            let y = number(y, 4).ok_or_else(bad)?;
            Ok((format!("{y:04}"), format!("{:04}", y + 1)))
        }
        [y, m] => {
            let (y, m) = (number(y, 4).ok_or_else(bad)?, number(m, 2).ok_or_else(bad)?);
            NaiveDate::from_ymd_opt(y as i32, m, 1).ok_or_else(bad)?;
            let next = if m == 12 {
                format!("{:04}-01", y + 1)
            } else {
                format!("{y:04}-{:02}", m + 1)
            };
            Ok((format!("{y:04}-{m:02}"), next))
        }
        [y, m, d] => {
            let day = NaiveDate::from_ymd_opt(
                number(y, 4).ok_or_else(bad)? as i32,
                number(m, 2).ok_or_else(bad)?,
                number(d, 2).ok_or_else(bad)?,
            )
            .ok_or_else(bad)?;
            let next = day.succ_opt().ok_or_else(bad)?;
            let iso = |d: NaiveDate| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
            Ok((iso(day), iso(next)))
        }
        _ => Err(bad()),
    }
}

#[cfg(test)]
mod tests {
    use super::{period, period_tokens};
    use chrono::NaiveDate;

    #[test]
    fn date_tokens_use_whole_years_and_months_where_they_fit() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            period_tokens(day(2004, 11, 29), day(2006, 2, 3)),
            [
                "d20041129",
                "d20041130",
                "m200412",
                "y2005",
                "m200601",
                "d20060201",
                "d20060202"
            ]
        );
        assert_eq!(period_tokens(day(2004, 2, 1), day(2004, 3, 1)), ["m200402"]);
        assert!(period_tokens(day(2004, 3, 1), day(2004, 3, 1)).is_empty());
    }

    #[test]
    fn periods_run_to_the_start_of_the_next_one() {
        assert_eq!(period("2004").unwrap(), ("2004".into(), "2005".into()));
        assert_eq!(
            period("2004-12").unwrap(),
            ("2004-12".into(), "2005-01".into())
        );
        assert_eq!(
            period("2004-02-29").unwrap(),
            ("2004-02-29".into(), "2004-03-01".into())
        );
        for bad in ["", "04", "2004-13", "2004-02-30", "May 2004", "2004-1-1"] {
            assert!(period(bad).is_err(), "{bad}");
        }
    }
}
