//! Summaries: speakers and outlets with their counts, one speaker in detail, archive stats.

use anyhow::Result;
use rusqlite::OptionalExtension;

use super::filters::{Named, Resolved};
use super::select::Select;
use crate::store::Store;

/// Ids as a JSON array for `json_each`, or NULL for "no filter".
fn optional_ids(named: &Option<Vec<Named>>) -> rusqlite::types::Value {
    match named {
        Some(list) => {
            let ids: Vec<String> = list.iter().map(|n| n.id.to_string()).collect();
            rusqlite::types::Value::Text(format!("[{}]", ids.join(",")))
        }
        None => rusqlite::types::Value::Null,
    }
}

fn limits(filters: &Resolved) -> (i64, i64) {
    (
        filters.limit.map_or(-1, |n| n.min(i64::MAX as u64) as i64),
        filters.offset.min(i64::MAX as u64) as i64,
    )
}

pub const SPEAKER_COLUMN_NAMES: &[&str] = &[
    "id",
    "name",
    "kind",
    "role",
    "quotes",
    "claims",
    "articles",
    "first_seen",
    "last_seen",
    "curated",
    "aliases",
    "key",
];

/// What a listing of speakers or outlets is sorted by, largest first (names A to Z).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Ranking {
    /// Speakers by quotes, outlets by articles: what `speakers` and `sources` list by.
    #[default]
    Usual,
    Quotes,
    Claims,
    Articles,
    Name,
}

impl Ranking {
    pub fn parse(name: &str) -> Option<Ranking> {
        match name {
            "quotes" => Some(Ranking::Quotes),
            "claims" => Some(Ranking::Claims),
            "articles" => Some(Ranking::Articles),
            "name" => Some(Ranking::Name),
            _ => None,
        }
    }

    /// The ORDER BY of a listing whose columns are named as in its `*_COLUMN_NAMES`.
    fn order_by(self, usual: &'static str, name: &'static str) -> &'static str {
        match (self, name) {
            (Ranking::Usual, _) => usual,
            (Ranking::Quotes, "sp.name") => "quotes DESC, claims DESC, sp.name, sp.id",
            (Ranking::Claims, "sp.name") => "claims DESC, quotes DESC, sp.name, sp.id",
            (Ranking::Articles, "sp.name") => "articles DESC, quotes DESC, sp.name, sp.id",
            (Ranking::Name, "sp.name") => "sp.name, sp.id",
            (Ranking::Quotes, _) => "quotes DESC, articles DESC, s.name, s.id",
            (Ranking::Claims, _) => "claims DESC, articles DESC, s.name, s.id",
            (Ranking::Articles, _) => "articles DESC, s.name, s.id",
            (Ranking::Name, _) => "s.name, s.id",
        }
    }
}

/// Speakers (all, or those `filters.speakers` matched) with their counts, most quoted first.
pub fn speaker_listing(filters: &Resolved) -> Select {
    speaker_listing_by(filters, Ranking::Usual)
}

/// [`speaker_listing`] sorted by `ranking`.
pub fn speaker_listing_by(filters: &Resolved, ranking: Ranking) -> Select {
    let (limit, offset) = limits(filters);
    // ?1 is NULL (every speaker) or the ids; the counts only scan the chosen speakers' rows.
    let sql = "WITH chosen AS (SELECT value AS id FROM json_each(?1)),
        said AS (
            SELECT speaker_id, article_id, 1 AS quote, 0 AS claim FROM quotes
             WHERE ?1 IS NULL OR speaker_id IN (SELECT id FROM chosen)
            UNION ALL
            SELECT speaker_id, article_id, 0, 1 FROM claims
             WHERE ?1 IS NULL OR speaker_id IN (SELECT id FROM chosen)),
        counted AS (
            SELECT speaker_id, sum(quote) AS quotes, sum(claim) AS claims,
                   count(DISTINCT article_id) AS articles,
                   min(a.published_at) AS first_seen, max(a.published_at) AS last_seen
              FROM said JOIN articles a ON a.id = said.article_id GROUP BY speaker_id)
        SELECT sp.id AS id, sp.name AS name, sp.kind AS kind, sp.role AS role,
               coalesce(c.quotes, 0) AS quotes, coalesce(c.claims, 0) AS claims,
               coalesce(c.articles, 0) AS articles,
               substr(c.first_seen, 1, 10) AS first_seen, substr(c.last_seen, 1, 10) AS last_seen,
               sp.curated AS curated,
               (SELECT group_concat(alias, '; ') FROM speaker_aliases WHERE speaker_id = sp.id)
                   AS aliases,
               sp.key AS key
          FROM speakers sp LEFT JOIN counted c ON c.speaker_id = sp.id
         WHERE ?1 IS NULL OR sp.id IN (SELECT id FROM chosen)
         ORDER BY {order}
         LIMIT ?2 OFFSET ?3";
    let order = ranking.order_by("quotes DESC, claims DESC, sp.name, sp.id", "sp.name");
    Select::new(
        &sql.replace("{order}", order),
        vec![optional_ids(&filters.speakers), limit.into(), offset.into()],
    )
}

pub const SOURCE_COLUMN_NAMES: &[&str] = &[
    "id",
    "name",
    "domain",
    "homepage",
    "articles",
    "quotes",
    "claims",
    "first_published",
    "last_published",
];

/// Outlets (all, or those `filters.sources` matched) with their counts, largest first.
pub fn source_listing(filters: &Resolved) -> Select {
    source_listing_by(filters, Ranking::Usual)
}

/// [`source_listing`] sorted by `ranking`.
pub fn source_listing_by(filters: &Resolved, ranking: Ranking) -> Select {
    let (limit, offset) = limits(filters);
    let sql = "SELECT s.id AS id, s.name AS name, s.domain AS domain, s.homepage AS homepage,
               count(a.id) AS articles,
               (SELECT count(*) FROM articles a2 JOIN quotes q ON q.article_id = a2.id
                 WHERE a2.source_id = s.id) AS quotes,
               (SELECT count(*) FROM articles a2 JOIN claims c ON c.article_id = a2.id
                 WHERE a2.source_id = s.id) AS claims,
               min(a.published_date) AS first_published,
               max(a.published_date) AS last_published
          FROM sources s LEFT JOIN articles a ON a.source_id = s.id
         WHERE ?1 IS NULL OR s.id IN (SELECT value FROM json_each(?1))
         GROUP BY s.id
         ORDER BY {order}
         LIMIT ?2 OFFSET ?3";
    let order = ranking.order_by("articles DESC, s.name, s.id", "s.name");
    Select::new(
        &sql.replace("{order}", order),
        vec![optional_ids(&filters.sources), limit.into(), offset.into()],
    )
}

/// One speaker with everything known about them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SpeakerDetail {
    pub id: i64,
    pub name: String,
    pub key: String,
    pub kind: String,
    pub role: Option<String>,
    pub curated: bool,
    /// (alias, origin: user | merge | rename)
    pub aliases: Vec<(String, String)>,
    pub quotes: i64,
    pub claims: i64,
    pub articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The descriptions articles gave, most frequent first.
    pub roles: Vec<(String, i64)>,
    /// Outlets that quoted them, most frequent first.
    pub sources: Vec<(String, i64)>,
}

/// Counts over the whole archive, with the largest facets.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Stats {
    pub articles: i64,
    /// Inputs that gave an article already stored (another path or URL of it).
    pub duplicate_inputs: i64,
    pub sources: i64,
    pub speakers: i64,
    pub quotes: i64,
    pub claims: i64,
    pub claims_by_kind: Vec<(String, i64)>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// By number of quotes.
    pub top_speakers: Vec<(String, i64)>,
    /// By number of articles.
    pub top_sources: Vec<(String, i64)>,
    /// `YYYY-MM` by number of articles.
    pub top_months: Vec<(String, i64)>,
}

impl Store {
    pub fn speaker_detail(&self, id: i64, top: usize) -> Result<SpeakerDetail> {
        Ok(self.speaker_profile(id, top)?.0)
    }

    /// [`Store::speaker_detail`] with the speaker's quotes, claims and articles per month,
    /// oldest first (undated ones left out).
    pub fn speaker_profile(&self, id: i64, top: usize) -> Result<(SpeakerDetail, Vec<MonthCount>)> {
        let conn = &self.conn;
        let (name, key, kind, role, curated) = conn.query_row(
            "SELECT name, key, kind, role, curated FROM speakers WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, bool>(4)?,
                ))
            },
        )?;
        let aliases = conn
            .prepare(
                "SELECT alias, origin FROM speaker_aliases WHERE speaker_id = ?1 ORDER BY alias",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // One read of the speaker's rows, counted three ways. Months and days come from each
        // row's own `period` (`y2004 m200405 d20040501`, copied from its article); only the
        // outlets need the articles, each once. A much-quoted speaker has tens of thousands
        // of rows: a pass (and a join) per figure is what made this slow.
        let mut stmt = conn.prepare_cached(
            "WITH said AS MATERIALIZED (
                 SELECT article_id, period, speaker_role, 1 AS quote FROM quotes
                  WHERE speaker_id = ?1
                 UNION ALL SELECT article_id, period, speaker_role, 0 FROM claims
                  WHERE speaker_id = ?1)
             SELECT 'month', nullif(substr(period, 8, 4) || '-' || substr(period, 12, 2), '-'),
                    sum(quote), sum(1 - quote), count(DISTINCT article_id),
                    min(nullif(substr(period, 16, 8), '')), max(nullif(substr(period, 16, 8), ''))
               FROM said GROUP BY 2
             UNION ALL
             SELECT 'role', speaker_role, count(*), 0, 0, NULL, NULL FROM said
              WHERE speaker_role IS NOT NULL GROUP BY speaker_role
             UNION ALL
             SELECT 'source', s.name, count(*), 0, 0, NULL, NULL
               FROM (SELECT DISTINCT article_id FROM said) x
               JOIN articles a ON a.id = x.article_id JOIN sources s ON s.id = a.source_id
              GROUP BY s.id",
        )?;
        let mut rows = stmt.query([id])?;
        let (mut quotes, mut claims, mut articles) = (0, 0, 0);
        let (mut first, mut last): (Option<String>, Option<String>) = (None, None);
        let (mut months, mut roles, mut sources) = (Vec::new(), Vec::new(), Vec::new());
        while let Some(r) = rows.next()? {
            let what = r.get_ref(0)?.as_str()?;
            let label: Option<String> = r.get(1)?;
            let n: i64 = r.get(2)?;
            match (what, label) {
                ("month", month) => {
                    let (said_claims, said_articles): (i64, i64) = (r.get(3)?, r.get(4)?);
                    quotes += n;
                    claims += said_claims;
                    // An article has one date: its rows are all in one month.
                    articles += said_articles;
                    let (day_first, day_last): (Option<String>, Option<String>) =
                        (r.get(5)?, r.get(6)?);
                    first = first.into_iter().chain(day_first).min();
                    last = last.into_iter().chain(day_last).max();
                    if let Some(month) = month {
                        months.push(MonthCount {
                            month,
                            quotes: n,
                            claims: said_claims,
                            articles: said_articles,
                        });
                    }
                }
                ("role", Some(role)) => roles.push((role, n)),
                ("source", Some(source)) => sources.push((source, n)),
                _ => {}
            }
        }
        months.sort_by(|a, b| a.month.cmp(&b.month));
        for list in [&mut roles, &mut sources] {
            list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            list.truncate(top);
        }
        let day = |d: Option<String>| {
            d.filter(|d| d.len() == 8)
                .map(|d| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
        };
        let detail = SpeakerDetail {
            id,
            name,
            key,
            kind,
            role,
            curated,
            aliases,
            quotes,
            claims,
            articles,
            first_seen: day(first),
            last_seen: day(last),
            roles,
            sources,
        };
        Ok((detail, months))
    }

    pub fn stats(&self, top: usize) -> Result<Stats> {
        let conn = &self.conn;
        let count = |table: &str| -> Result<i64> {
            Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        let (first_published, last_published) = conn.query_row(
            "SELECT min(published_date), max(published_date) FROM articles",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let table = |sql: &str| -> Result<Vec<(String, i64)>> {
            Ok(conn
                .prepare(sql)?
                .query_map([top as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        Ok(Stats {
            articles: count("articles")?,
            duplicate_inputs: count("article_origins")?,
            sources: count("sources")?,
            speakers: count("speakers")?,
            quotes: count("quotes")?,
            claims: count("claims")?,
            claims_by_kind: table(
                "SELECT kind, count(*) AS n FROM claims GROUP BY kind ORDER BY n DESC LIMIT ?1",
            )?,
            first_published,
            last_published,
            top_speakers: table(
                "SELECT sp.name, q.n FROM (SELECT speaker_id, count(*) AS n FROM quotes
                   GROUP BY speaker_id ORDER BY n DESC LIMIT ?1) q
                   JOIN speakers sp ON sp.id = q.speaker_id ORDER BY q.n DESC, sp.name",
            )?,
            top_sources: table(
                "SELECT s.name, a.n FROM (SELECT source_id, count(*) AS n FROM articles
                   WHERE source_id IS NOT NULL GROUP BY source_id ORDER BY n DESC LIMIT ?1) a
                   JOIN sources s ON s.id = a.source_id ORDER BY a.n DESC, s.name",
            )?,
            top_months: table(
                "SELECT substr(published_date, 1, 7) AS month, count(*) AS n FROM articles
                  WHERE published_date IS NOT NULL GROUP BY month ORDER BY n DESC, month LIMIT ?1",
            )?,
        })
    }
}

/// A month (`YYYY-MM`) with counts, for charts over time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthCount {
    pub month: String,
    pub quotes: i64,
    pub claims: i64,
    pub articles: i64,
}

impl Store {
    /// The speaker with this id, if there is one.
    pub fn speaker_named(&self, id: i64) -> Result<Option<Named>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, name FROM speakers WHERE id = ?1",
                [id],
                Named::from_row,
            )
            .optional()?)
    }

    /// How many speakers and outlets the archive has.
    pub fn speaker_and_source_totals(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM speakers), (SELECT count(*) FROM sources)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// Articles per month over the whole archive, oldest first (undated ones left out).
    pub fn article_months(&self) -> Result<Vec<MonthCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT substr(published_date, 1, 7) AS month, 0, 0, count(*) FROM articles
              WHERE published_date IS NOT NULL GROUP BY month ORDER BY month",
        )?;
        let months = stmt
            .query_map([], month_count)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(months)
    }
}

fn month_count(r: &rusqlite::Row<'_>) -> rusqlite::Result<MonthCount> {
    Ok(MonthCount {
        month: r.get(0)?,
        quotes: r.get(1)?,
        claims: r.get(2)?,
        articles: r.get(3)?,
    })
}

/// One article with what was said in it, for `show`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ArticleDetail {
    pub id: i64,
    pub origin: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published_at: Option<String>,
    pub published_date: Option<String>,
    pub source: Option<String>,
    pub body: String,
    /// In body order.
    pub quotes: Vec<Said>,
    pub claims: Vec<Said>,
}

/// A quote or claim of an article: `start..end` are character offsets into its body.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Said {
    /// The quote's or the claim's id.
    pub id: i64,
    pub speaker: String,
    pub speaker_id: i64,
    pub role: Option<String>,
    pub cue: String,
    pub text: String,
    /// Direct, indirect or mixed: the claim's, or for a quote that of its claim.
    pub kind: Option<String>,
    /// Quotes only: the claim the quote belongs to.
    pub claim_id: Option<i64>,
    pub start: usize,
    pub end: usize,
}

impl Store {
    pub fn article_detail(&self, id: i64) -> Result<ArticleDetail> {
        let conn = &self.conn;
        let said = |sql: &str| -> Result<Vec<Said>> {
            Ok(conn
                .prepare(sql)?
                .query_map([id], |r| {
                    Ok(Said {
                        speaker: r.get(0)?,
                        role: r.get(1)?,
                        cue: r.get(2)?,
                        text: r.get(3)?,
                        kind: r.get(4)?,
                        start: r.get::<_, i64>(5)?.max(0) as usize,
                        end: r.get::<_, i64>(6)?.max(0) as usize,
                        id: r.get(7)?,
                        speaker_id: r.get(8)?,
                        claim_id: r.get(9)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?)
        };
        let quotes = said(
            "SELECT sp.name, q.speaker_role, q.cue, q.text, c.kind, q.start, q.\"end\", q.id,
                    q.speaker_id, q.claim_id
               FROM quotes q JOIN speakers sp ON sp.id = q.speaker_id
               LEFT JOIN claims c ON c.id = q.claim_id
              WHERE q.article_id = ?1 ORDER BY q.start, q.id",
        )?;
        let claims = said(
            "SELECT sp.name, c.speaker_role, c.cue, c.content, c.kind, c.start, c.\"end\", c.id,
                    c.speaker_id, NULL
               FROM claims c JOIN speakers sp ON sp.id = c.speaker_id
              WHERE c.article_id = ?1 ORDER BY c.start, c.id",
        )?;
        Ok(conn.query_row(
            "SELECT a.origin, a.url, a.title, a.author, a.published_at, s.name, a.body,
                    a.published_date
               FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
            [id],
            |r| {
                Ok(ArticleDetail {
                    id,
                    origin: r.get(0)?,
                    url: r.get(1)?,
                    title: r.get(2)?,
                    author: r.get(3)?,
                    published_at: r.get(4)?,
                    published_date: r.get(7)?,
                    source: r.get(5)?,
                    body: r.get(6)?,
                    quotes,
                    claims,
                })
            },
        )?)
    }
}
