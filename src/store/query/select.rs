//! Listings, searches and exports: one SQL statement each (everything joined once, every user
//! value a bound parameter), streamed row by row into a [`RowSink`].

use anyhow::{anyhow, Result};
use rusqlite::types::{Value, ValueRef};

use super::filters::Resolved;
use super::fts;
use crate::store::Store;

/// One value of a result row, borrowed from SQLite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
}

impl<'a> From<ValueRef<'a>> for Cell<'a> {
    fn from(value: ValueRef<'a>) -> Self {
        match value {
            ValueRef::Null => Cell::Null,
            ValueRef::Integer(i) => Cell::Int(i),
            ValueRef::Real(r) => Cell::Real(r),
            // The archive only stores UTF-8 text; anything else is shown as nothing.
            ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
                std::str::from_utf8(bytes).map_or(Cell::Null, Cell::Text)
            }
        }
    }
}

/// Where rows go: a table, CSV, JSON. `begin` comes once, before the first row (also when
/// there are none), `finish` once after the last.
pub trait RowSink {
    fn begin(&mut self, columns: &[&str]) -> Result<()>;
    fn row(&mut self, cells: &[Cell<'_>]) -> Result<()>;
    fn finish(&mut self) -> Result<()>;
}

/// What a listing lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Quotes,
    Claims,
    Articles,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Quotes => "quote",
            Target::Claims => "claim",
            Target::Articles => "article",
        }
    }
}

/// A full-text query as the user typed it.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub text: String,
    /// Pass FTS5 syntax (AND, OR, NEAR, prefix*) through instead of escaping it.
    pub raw: bool,
}

impl Search {
    /// The words to rank matches by: all of them, less stop words (`None` when nothing is
    /// left). A `--raw` query is ranked as written.
    fn rank_expression(&self) -> Option<String> {
        if self.raw {
            self.expression()
        } else {
            fts::escape_ranked(&self.text)
        }
    }

    /// The FTS5 MATCH expression, or `None` when there is nothing to search for.
    fn expression(&self) -> Option<String> {
        if self.raw {
            let text = self.text.trim();
            (!text.is_empty()).then(|| text.to_string())
        } else {
            fts::escape(&self.text)
        }
    }
}

/// Row order of a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Newest article first (terminal listings).
    Newest,
    /// Storage order, which needs no sort (exports).
    Stored,
    /// Newest day first, then the article stored last: quotes and claims sorted by their own
    /// date (`period`), so that a much-quoted speaker's page sorts their rows without joining
    /// each to its article first. As [`Order::Newest`] when a filter needs the articles.
    NewestDay,
}

/// A statement ready to run.
#[derive(Debug, Clone)]
pub struct Select {
    sql: String,
    params: Vec<Value>,
    /// An error from a `--raw` query is the user's syntax, not a bug.
    raw_fts: bool,
}

impl Select {
    pub(super) fn new(sql: &str, params: Vec<Value>) -> Select {
        Select {
            sql: sql.to_string(),
            params,
            raw_fts: false,
        }
    }

    /// A statement that yields no rows, for a search with no searchable words.
    fn nothing(columns: &[&str]) -> Select {
        let names: Vec<String> = columns.iter().map(|c| format!("NULL AS \"{c}\"")).collect();
        Select {
            sql: format!("SELECT {} WHERE 0", names.join(", ")),
            params: Vec::new(),
            raw_fts: false,
        }
    }
}

/// Builds SQL text and its parameters in step, so each `?` meets its value.
struct Builder {
    sql: String,
    params: Vec<Value>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            sql: String::with_capacity(1024),
            params: Vec::new(),
        }
    }

    fn push(&mut self, sql: &str) -> &mut Self {
        self.sql.push_str(sql);
        self
    }

    fn bind(&mut self, sql: &str, value: impl Into<Value>) -> &mut Self {
        self.sql.push_str(sql);
        self.params.push(value.into());
        self
    }

    fn finish(self, raw_fts: bool) -> Select {
        Select {
            sql: self.sql,
            params: self.params,
            raw_fts,
        }
    }
}

/// Ids as a JSON array, for `x IN (SELECT value FROM json_each(?))`: one parameter for any
/// number of ids.
fn id_list(ids: impl Iterator<Item = i64>) -> String {
    let ids: Vec<String> = ids.map(|id| id.to_string()).collect();
    format!("[{}]", ids.join(","))
}

const ARTICLE_JOINS: &str = " JOIN articles a ON a.id = x.article_id
    LEFT JOIN sources src ON src.id = a.source_id";

/// Columns of `quotes` listings and exports, in their stable order; `{text}` is the quote
/// text or its highlighted form.
fn quote_columns(text: &str) -> String {
    format!(
        "x.id AS id, a.origin AS origin, a.published_date AS date,
         a.published_at AS published_at, src.name AS source, a.title AS title, a.url AS url,
         sp.name AS speaker, x.speaker_role AS speaker_role, sp.kind AS speaker_kind,
         x.cue AS cue, {text} AS text, c.kind AS kind, x.claim_id AS claim_id,
         x.paragraph AS paragraph, x.start AS start, x.\"end\" AS \"end\",
         round(x.confidence, 3) AS confidence, x.article_id AS article_id,
         x.speaker_id AS speaker_id"
    )
}

const QUOTE_FROM: &str = " JOIN speakers sp ON sp.id = x.speaker_id
    LEFT JOIN claims c ON c.id = x.claim_id";

fn claim_columns(content: &str) -> String {
    format!(
        "x.id AS id, a.origin AS origin, a.published_date AS date,
         a.published_at AS published_at, src.name AS source, a.title AS title, a.url AS url,
         sp.name AS speaker, x.speaker_role AS speaker_role, sp.kind AS speaker_kind,
         x.cue AS cue, {content} AS content, x.kind AS kind, x.paragraph AS paragraph,
         x.start AS start, x.\"end\" AS \"end\", round(x.confidence, 3) AS confidence,
         x.article_id AS article_id, x.speaker_id AS speaker_id"
    )
}

const CLAIM_FROM: &str = " JOIN speakers sp ON sp.id = x.speaker_id";

const ARTICLE_COLUMNS: &str = "a.id AS id, a.origin AS origin,
    a.published_date AS date, a.published_at AS published_at,
    a.published_raw AS published_raw, src.name AS source, a.title AS title,
    a.author AS author, a.url AS url, a.language AS language, a.format AS format,
    (SELECT count(*) FROM quotes WHERE article_id = a.id) AS quotes,
    (SELECT count(*) FROM claims WHERE article_id = a.id) AS claims, a.body AS body";

/// Column names of each listing, for the empty result of a search with nothing to search.
pub const QUOTE_COLUMN_NAMES: &[&str] = &[
    "id",
    "origin",
    "date",
    "published_at",
    "source",
    "title",
    "url",
    "speaker",
    "speaker_role",
    "speaker_kind",
    "cue",
    "text",
    "kind",
    "claim_id",
    "paragraph",
    "start",
    "end",
    "confidence",
    "article_id",
    "speaker_id",
];
pub const CLAIM_COLUMN_NAMES: &[&str] = &[
    "id",
    "origin",
    "date",
    "published_at",
    "source",
    "title",
    "url",
    "speaker",
    "speaker_role",
    "speaker_kind",
    "cue",
    "content",
    "kind",
    "paragraph",
    "start",
    "end",
    "confidence",
    "article_id",
    "speaker_id",
];
pub const ARTICLE_COLUMN_NAMES: &[&str] = &[
    "id",
    "origin",
    "date",
    "published_at",
    "published_raw",
    "source",
    "title",
    "author",
    "url",
    "language",
    "format",
    "quotes",
    "claims",
    "body",
];
/// Columns of a search over several kinds of rows at once.
pub const HIT_COLUMN_NAMES: &[&str] = &[
    "type",
    "id",
    "date",
    "speaker",
    "speaker_role",
    "cue",
    "text",
    "kind",
    "source",
    "title",
    "origin",
    "url",
    "published_at",
    "article_id",
    "score",
];

pub fn column_names(target: Target) -> &'static [&'static str] {
    match target {
        Target::Quotes => QUOTE_COLUMN_NAMES,
        Target::Claims => CLAIM_COLUMN_NAMES,
        Target::Articles => ARTICLE_COLUMN_NAMES,
    }
}

/// WHERE conditions for rows of `target` (aliased `x`, or `a` for articles).
fn conditions(b: &mut Builder, target: Target, filters: &Resolved) {
    let owner = match target {
        Target::Articles => "a.id",
        _ => "x.article_id",
    };
    if let Some(speakers) = &filters.speakers {
        let ids = id_list(speakers.iter().map(|s| s.id));
        match target {
            Target::Articles => {
                b.bind(
                    " AND a.id IN (SELECT article_id FROM quotes WHERE speaker_id IN
                        (SELECT value FROM json_each(?))",
                    ids.clone(),
                )
                .bind(
                    " UNION SELECT article_id FROM claims WHERE speaker_id IN
                        (SELECT value FROM json_each(?)))",
                    ids,
                );
            }
            _ => {
                b.bind(" AND x.speaker_id IN (SELECT value FROM json_each(?))", ids);
            }
        }
    }
    if let Some(sources) = &filters.sources {
        b.bind(
            " AND a.source_id IN (SELECT value FROM json_each(?))",
            id_list(sources.iter().map(|s| s.id)),
        );
    }
    if let Some(articles) = &filters.articles {
        b.push(" AND ").push(owner).bind(
            " IN (SELECT value FROM json_each(?))",
            id_list(articles.iter().copied()),
        );
    }
    if let Some(since) = &filters.since {
        b.bind(" AND a.published_date >= ?", since.clone());
    }
    if let Some(until) = &filters.until {
        b.bind(" AND a.published_date < ?", until.clone());
    }
    if let Some(kind) = filters.kind {
        let kind = kind.as_str().to_string();
        match target {
            Target::Quotes => b.bind(" AND c.kind = ?", kind),
            Target::Claims => b.bind(" AND x.kind = ?", kind),
            Target::Articles => b.bind(
                " AND a.id IN (SELECT article_id FROM claims WHERE kind = ?)",
                kind,
            ),
        };
    }
    confidence(b, target, filters);
}

fn confidence(b: &mut Builder, target: Target, filters: &Resolved) {
    let Some(min) = filters.min_confidence else {
        return;
    };
    // Compared as shown (three decimals): a confidence is stored from an f32, so 0.9 is kept
    // as 0.8999999761.
    match target {
        Target::Quotes | Target::Claims => b.bind(" AND round(x.confidence, 3) >= ?", min),
        Target::Articles => b.bind(
            " AND a.id IN (SELECT article_id FROM claims WHERE round(confidence, 3) >= ?)",
            min,
        ),
    };
}

fn limit(b: &mut Builder, filters: &Resolved) {
    let limit = filters.limit.map_or(-1, |n| n.min(i64::MAX as u64) as i64);
    let offset = filters.offset.min(i64::MAX as u64) as i64;
    b.bind(" LIMIT ?", limit).bind(" OFFSET ?", offset);
}

/// Every row of `target` that passes the filters.
pub fn list(target: Target, filters: &Resolved, order: Order) -> Select {
    let rows_alone = target != Target::Articles
        && filters.sources.is_none()
        && filters.since.is_none()
        && filters.until.is_none()
        && (target == Target::Claims || filters.kind.is_none());
    if order == Order::NewestDay && rows_alone {
        return list_by_day(target, filters);
    }
    // A speaker or article filter picks few rows by index: start from those rows (CROSS JOIN
    // fixes the order) rather than let the planner walk every article newest first.
    let from_rows = filters.speakers.is_some() || filters.articles.is_some();
    let rows_then_articles = if from_rows { " CROSS" } else { "" };
    let mut b = Builder::new();
    b.push("SELECT ");
    match target {
        Target::Quotes => b
            .push(&quote_columns("x.text"))
            .push(" FROM quotes x")
            .push(rows_then_articles)
            .push(ARTICLE_JOINS)
            .push(QUOTE_FROM),
        Target::Claims => b
            .push(&claim_columns("x.content"))
            .push(" FROM claims x")
            .push(rows_then_articles)
            .push(ARTICLE_JOINS)
            .push(CLAIM_FROM),
        Target::Articles => b
            .push(ARTICLE_COLUMNS)
            .push(" FROM articles a LEFT JOIN sources src ON src.id = a.source_id"),
    };
    b.push(" WHERE 1");
    conditions(&mut b, target, filters);
    b.push(match (target, order) {
        (Target::Articles, Order::Newest | Order::NewestDay) => {
            " ORDER BY a.published_at DESC, a.id DESC"
        }
        (Target::Articles, Order::Stored) => " ORDER BY a.id",
        (_, Order::Newest | Order::NewestDay) => {
            " ORDER BY a.published_at DESC, a.id DESC, x.start, x.id"
        }
        (_, Order::Stored) => " ORDER BY x.id",
    });
    limit(&mut b, filters);
    b.finish(false)
}

/// [`list`] in [`Order::NewestDay`], for filters on the rows alone: one page of ids is sorted
/// on the quotes or claims table, and only that page is joined to its labels.
fn list_by_day(target: Target, filters: &Resolved) -> Select {
    let (table, columns, from) = match target {
        Target::Claims => ("claims", claim_columns("x.content"), CLAIM_FROM),
        _ => ("quotes", quote_columns("x.text"), QUOTE_FROM),
    };
    let order = "x.period DESC, x.article_id DESC, x.start, x.id";
    let mut b = Builder::new();
    b.push(&format!(
        "SELECT {columns} FROM (SELECT x.id AS id FROM {table} x WHERE 1"
    ));
    conditions(&mut b, target, filters);
    b.push(&format!(" ORDER BY {order}"));
    limit(&mut b, filters);
    b.push(&format!(") page CROSS JOIN {table} x ON x.id = page.id"))
        .push(ARTICLE_JOINS)
        .push(from)
        .push(&format!(" ORDER BY {order}"));
    b.finish(false)
}

/// Rows of `target` whose text matches `search`, with their full listing columns, best match
/// first (exports with a query).
pub fn matching(target: Target, search: &Search, filters: &Resolved) -> Select {
    let Some(expression) = search.expression() else {
        return Select::nothing(column_names(target));
    };
    let mut b = Builder::new();
    b.push("SELECT ");
    match target {
        Target::Quotes => b
            .push(&quote_columns("x.text"))
            .push(" FROM quotes_fts JOIN quotes x ON x.id = quotes_fts.rowid")
            .push(ARTICLE_JOINS)
            .push(QUOTE_FROM)
            .bind(" WHERE quotes_fts MATCH ?", expression),
        Target::Claims => b
            .push(&claim_columns("x.content"))
            .push(" FROM claims_fts JOIN claims x ON x.id = claims_fts.rowid")
            .push(ARTICLE_JOINS)
            .push(CLAIM_FROM)
            .bind(" WHERE claims_fts MATCH ?", expression),
        Target::Articles => b
            .push(ARTICLE_COLUMNS)
            .push(
                " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                  LEFT JOIN sources src ON src.id = a.source_id",
            )
            .bind(" WHERE articles_fts MATCH ?", expression),
    };
    conditions(&mut b, target, filters);
    let id = match target {
        Target::Articles => "a.id",
        _ => "x.id",
    };
    b.push(&format!(" ORDER BY {}, {id}", bm25(target)));
    limit(&mut b, filters);
    b.finish(search.raw)
}

/// Search hits over one or more targets in the shared [`HIT_COLUMN_NAMES`] shape, best match
/// first among the newest [`RANK_WINDOW`] matches of each place that pass the filters. With
/// quotes and claims both searched, a direct claim whose content is its quote comes once, as
/// the quote.
/// Ranking every match of a common word is what made a search slow on a big archive (bm25
/// reads each match's size). Text comes as stored: `output::highlight` marks it.
pub fn search(targets: &[Target], search: &Search, filters: &Resolved) -> Select {
    let Some(plan) = Window::plan(search, filters) else {
        return Select::nothing(HIT_COLUMN_NAMES);
    };
    let ranking = search.rank_expression();
    let mut b = Builder::new();
    // First rank on the FTS indexes alone (joined only as far as the filters need) and keep
    // one page; then join the labels and highlight only the rows shown. Joining and
    // highlighting every match of a common word first is what makes a search slow.
    b.push("WITH hits AS MATERIALIZED (");
    // Each place keeps its own best page, so no branch sorts more than it must.
    let page = filters.limit.map_or(-1, |n| {
        n.saturating_add(filters.offset).min(i64::MAX as u64) as i64
    });
    // Ties (and searches for stop words alone) show the newest first.
    let order = "score, id DESC";
    for (i, &target) in targets.iter().enumerate() {
        if i > 0 {
            b.push(" UNION ALL ");
        }
        let table = fts_table(target);
        b.bind(
            "SELECT * FROM (SELECT ? AS type, ",
            target.as_str().to_string(),
        );
        // The ranking cursor matches the words worth ranking by and nothing else: bm25
        // weighs each of its words against the whole index, which for a stop word or a date
        // token means reading hundreds of thousands of rows.
        match &ranking {
            Some(words) => {
                b.push(&format!(
                    "{table}.rowid AS id, {} AS score FROM {table}",
                    bm25(target)
                ))
                .bind(&format!(" WHERE {table} MATCH ?"), words.clone())
                .push(&format!(" AND +{table}.rowid IN ("));
            }
            None => {
                b.push("id, 0.0 AS score FROM (");
            }
        }
        window(&mut b, target, targets, filters, &plan);
        b.push(")");
        b.push(" ORDER BY ").push(order).bind(" LIMIT ?)", page);
    }
    b.push(" ORDER BY ").push(order);
    limit(&mut b, filters);
    // The branches build their columns in one order; the outer SELECT gives the documented one.
    b.push(&format!(") SELECT {} FROM (", HIT_COLUMN_NAMES.join(", ")));
    for (i, &target) in targets.iter().enumerate() {
        if i > 0 {
            b.push(" UNION ALL ");
        }
        b.push("SELECT h.type AS type, h.id AS id, ");
        match target {
            Target::Articles => {
                b.push("NULL AS speaker, NULL AS speaker_role, NULL AS cue, ");
            }
            _ => {
                b.push("sp.name AS speaker, x.speaker_role AS speaker_role, x.cue AS cue, ");
            }
        }
        b.push(match target {
            Target::Quotes => "x.text AS text, ",
            Target::Claims => "x.content AS text, ",
            Target::Articles => "a.body AS text, ",
        });
        b.push(match target {
            Target::Quotes => "c.kind AS kind, ",
            Target::Claims => "x.kind AS kind, ",
            Target::Articles => "NULL AS kind, ",
        });
        b.push(
            "a.published_date AS date, src.name AS source, a.title AS title,
             a.origin AS origin, a.url AS url, a.published_at AS published_at,
             a.id AS article_id, round(h.score, 4) AS score FROM hits h",
        );
        // CROSS JOIN fixes the join order: from the page of hits outwards. Left free, the
        // planner may walk every article by date to avoid sorting 50 rows.
        b.push(match target {
            Target::Quotes => {
                " CROSS JOIN quotes x ON x.id = h.id CROSS JOIN articles a ON a.id = x.article_id
                  LEFT JOIN sources src ON src.id = a.source_id
                  CROSS JOIN speakers sp ON sp.id = x.speaker_id
                  LEFT JOIN claims c ON c.id = x.claim_id"
            }
            Target::Claims => {
                " CROSS JOIN claims x ON x.id = h.id CROSS JOIN articles a ON a.id = x.article_id
                  LEFT JOIN sources src ON src.id = a.source_id
                  CROSS JOIN speakers sp ON sp.id = x.speaker_id"
            }
            Target::Articles => {
                " CROSS JOIN articles a ON a.id = h.id
                  LEFT JOIN sources src ON src.id = a.source_id"
            }
        });
        b.bind(" WHERE h.type = ?", target.as_str().to_string());
    }
    b.push(") ORDER BY score, id DESC");
    b.finish(search.raw)
}

/// How a search finds the newest matches of each place that pass the filters (its window).
struct Window {
    /// The MATCH expression, with the date tokens when dates are filtered in the index.
    matching: String,
    /// The filters checked on joined rows: all but speakers and articles (row-id sets), and
    /// dates when they are in the index.
    by_id: Resolved,
    /// Whether those filters need the rows joined to their articles.
    joined: bool,
}

impl Window {
    /// `None` when nothing can match.
    fn plan(search: &Search, filters: &Resolved) -> Option<Window> {
        let (Some(expression), Some(dated)) =
            (search.expression(), dated_expression(search, filters))
        else {
            return None;
        };
        // Speaker and article filters become sets of row ids that FTS5 checks as it reads the
        // doclist: joining every match to its row to compare ids is what makes a filtered
        // search on a common word slow. The unary `+` keeps FTS5 from turning the set into one
        // doclist seek per id instead, which costs milliseconds each for a common word.
        // Dates are tokens of the index (migration 0002), matched with the words: except under
        // a speaker or article filter, where so few matches pass that comparing their stored
        // dates costs less than reading the date tokens of a common word's matches.
        let dates_in_index = filters.speakers.is_none() && filters.articles.is_none();
        let by_id = Resolved {
            speakers: None,
            articles: None,
            since: filters.since.clone().filter(|_| !dates_in_index),
            until: filters.until.clone().filter(|_| !dates_in_index),
            ..filters.clone()
        };
        let joined = by_id.sources.is_some()
            || by_id.kind.is_some()
            || by_id.min_confidence.is_some()
            || by_id.since.is_some()
            || by_id.until.is_some();
        Some(Window {
            matching: if dates_in_index { dated } else { expression },
            by_id,
            joined,
        })
    }
}

/// `SELECT <fts>.rowid AS id ...`: the window of `target`, newest first from the index, so it
/// costs no sort.
fn window(b: &mut Builder, target: Target, targets: &[Target], filters: &Resolved, plan: &Window) {
    let table = fts_table(target);
    b.push(&format!("SELECT {table}.rowid AS id FROM {table}"));
    if plan.joined {
        b.push(match target {
            Target::Quotes => {
                " JOIN quotes x ON x.id = quotes_fts.rowid
                  JOIN articles a ON a.id = x.article_id
                  LEFT JOIN claims c ON c.id = x.claim_id"
            }
            Target::Claims => {
                " JOIN claims x ON x.id = claims_fts.rowid
                  JOIN articles a ON a.id = x.article_id"
            }
            Target::Articles => " JOIN articles a ON a.id = articles_fts.rowid",
        });
    }
    b.bind(&format!(" WHERE {table} MATCH ?"), plan.matching.clone());
    row_ids(b, target, filters);
    conditions(b, target, &plan.by_id);
    if target == Target::Claims && targets.contains(&Target::Quotes) {
        // A direct claim whose content is its quote is one hit: the quote's row shows it.
        b.push(
            " AND NOT EXISTS (SELECT 1 FROM quotes q JOIN claims d ON d.id = q.claim_id
               WHERE q.claim_id = claims_fts.rowid AND d.kind = 'direct'
                 AND q.text = d.content AND q.speaker_id = d.speaker_id)",
        );
    }
    b.bind(
        &format!(" ORDER BY {table}.rowid DESC LIMIT ?"),
        RANK_WINDOW,
    );
}

/// Columns of [`search_facets`].
pub const FACET_COLUMN_NAMES: &[&str] = &["type", "speaker", "source", "month"];

/// The speaker, outlet and month (`YYYY-MM`) of every hit a [`search`] ranks, unranked and
/// without their text: what a list of hits counts in facets, for much less than fetching
/// every hit. The month comes from the row's own `period`.
pub fn search_facets(targets: &[Target], search: &Search, filters: &Resolved) -> Select {
    let Some(plan) = Window::plan(search, filters) else {
        return Select::nothing(FACET_COLUMN_NAMES);
    };
    let mut b = Builder::new();
    for (i, &target) in targets.iter().enumerate() {
        if i > 0 {
            b.push(" UNION ALL ");
        }
        let (row, speaker) = match target {
            Target::Quotes => ("x", "sp.name"),
            Target::Claims => ("x", "sp.name"),
            Target::Articles => ("a", "NULL"),
        };
        b.bind("SELECT ? AS type, ", target.as_str().to_string())
            .push(&format!(
                "{speaker} AS speaker, src.name AS source,
                 nullif(substr({row}.period, 8, 4) || '-' || substr({row}.period, 12, 2), '-')
                   AS month FROM ("
            ));
        window(&mut b, target, targets, filters, &plan);
        b.push(match target {
            Target::Quotes => {
                ") w CROSS JOIN quotes x ON x.id = w.id CROSS JOIN speakers sp ON sp.id = x.speaker_id
                 CROSS JOIN articles a ON a.id = x.article_id LEFT JOIN sources src ON src.id = a.source_id"
            }
            Target::Claims => {
                ") w CROSS JOIN claims x ON x.id = w.id CROSS JOIN speakers sp ON sp.id = x.speaker_id
                 CROSS JOIN articles a ON a.id = x.article_id LEFT JOIN sources src ON src.id = a.source_id"
            }
            Target::Articles => {
                ") w CROSS JOIN articles a ON a.id = w.id LEFT JOIN sources src ON src.id = a.source_id"
            }
        });
    }
    b.finish(search.raw)
}

/// How many of the newest matches a search ranks, in each place, at most.
pub const RANK_WINDOW: i64 = 1_000;

/// A `--raw` query's error is the user's syntax, said in one line; any other is a bug.
fn explain(raw_fts: bool, err: rusqlite::Error) -> anyhow::Error {
    if raw_fts {
        anyhow!("invalid --raw search query: {err} (without --raw any text can be searched)")
    } else {
        anyhow::Error::new(err)
    }
}

/// `AND <fts>.rowid IN (...)` for the speaker and article filters of a search.
fn row_ids(b: &mut Builder, target: Target, filters: &Resolved) {
    let table = fts_table(target);
    if let Some(speakers) = &filters.speakers {
        let ids = id_list(speakers.iter().map(|s| s.id));
        b.push(&format!(" AND +{table}.rowid IN ("));
        match target {
            Target::Quotes => b.bind(
                "SELECT id FROM quotes WHERE speaker_id IN (SELECT value FROM json_each(?))",
                ids,
            ),
            Target::Claims => b.bind(
                "SELECT id FROM claims WHERE speaker_id IN (SELECT value FROM json_each(?))",
                ids,
            ),
            Target::Articles => b
                .bind(
                    "SELECT article_id FROM quotes
                      WHERE speaker_id IN (SELECT value FROM json_each(?))",
                    ids.clone(),
                )
                .bind(
                    " UNION SELECT article_id FROM claims
                      WHERE speaker_id IN (SELECT value FROM json_each(?))",
                    ids,
                ),
        };
        b.push(")");
    }
    if let Some(articles) = &filters.articles {
        let ids = id_list(articles.iter().copied());
        b.push(&format!(" AND +{table}.rowid IN ("));
        match target {
            Target::Quotes => b.bind(
                "SELECT id FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))",
                ids,
            ),
            Target::Claims => b.bind(
                "SELECT id FROM claims WHERE article_id IN (SELECT value FROM json_each(?))",
                ids,
            ),
            Target::Articles => b.bind("SELECT value FROM json_each(?)", ids),
        };
        b.push(")");
    }
}

/// The search's MATCH expression with its date filter: the dates of the range as tokens of
/// the `period` column (migration 0002), so FTS5 filters them as it reads its index instead
/// of each match being joined to its article. `None` when nothing can match.
fn dated_expression(search: &Search, filters: &Resolved) -> Option<String> {
    let expression = search.expression()?;
    match &filters.periods {
        None => Some(expression),
        Some(tokens) if tokens.is_empty() => None,
        Some(tokens) => Some(format!(
            "({expression}) AND period : ({})",
            tokens.join(" OR ")
        )),
    }
}

/// Relevance of a match: words in the date tokens count for nothing.
fn bm25(target: Target) -> &'static str {
    match target {
        Target::Quotes => "bm25(quotes_fts, 1.0, 0.0)",
        Target::Claims => "bm25(claims_fts, 1.0, 0.0)",
        Target::Articles => "bm25(articles_fts, 1.0, 1.0, 0.0)",
    }
}

fn fts_table(target: Target) -> &'static str {
    match target {
        Target::Quotes => "quotes_fts",
        Target::Claims => "claims_fts",
        Target::Articles => "articles_fts",
    }
}

impl Store {
    /// Runs `select` and hands every row to `sink` as it comes: constant memory for any
    /// number of rows. Returns how many rows there were.
    pub fn stream(&self, select: &Select, sink: &mut dyn RowSink) -> Result<u64> {
        let explain = |err| explain(select.raw_fts, err);
        let mut stmt = self.conn.prepare(&select.sql).map_err(explain)?;
        let names: Vec<String> = stmt.column_names().map(String::from).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let width = names.len();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(&select.params))
            .map_err(explain)?;
        let mut count = 0u64;
        // The first step is where a bad FTS5 query fails: before anything is written.
        while let Some(row) = rows.next().map_err(explain)? {
            if count == 0 {
                sink.begin(&names)?;
            }
            let mut cells = Vec::with_capacity(width);
            for i in 0..width {
                cells.push(Cell::from(row.get_ref(i)?));
            }
            sink.row(&cells)?;
            count += 1;
        }
        if count == 0 {
            sink.begin(&names)?;
        }
        sink.finish()?;
        Ok(count)
    }
}
