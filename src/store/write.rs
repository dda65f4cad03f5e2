//! Storing articles with their extractions: one transaction per batch, upserts only (never
//! `INSERT OR REPLACE`, which would drop curated rows), speakers resolved through aliases.

use anyhow::Result;
use std::borrow::Borrow;
use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use super::query::lookup_key;
use super::Store;
use crate::identity;
use crate::model::{Article, Extraction};

/// The next thing a batch still arriving brings: an article, or word that none is ready yet.
pub enum Arrival<T> {
    Article(T),
    /// The writer indexes what it has stored so far instead of idling, once that is at least
    /// [`PAUSE_INDEXES_FROM`] articles. Each such pause adds a full-text segment, so it comes
    /// only when the writer would otherwise wait.
    Pause,
}

/// How many articles must wait for their index entries before a pause indexes them. Each
/// segment costs merges later, and the writer's idle moments are not idle cores: the
/// extraction threads use them. Indexing at every pause made a segment of a few articles each
/// time, and merging them was 13% of the instructions of an ingest of the BBC set; a quarter
/// of a full batch still leaves little to index after the last article.
const PAUSE_INDEXES_FROM: usize = 512;

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleOutcome {
    New,
    Updated,
    Unchanged,
    /// Another input of an article already stored (its URL, or its title and body): kept as one of
    /// that article's origins, not stored again.
    Duplicate,
}

/// What an input that is no article's own origin is to the archive.
enum OtherOrigin {
    /// Nothing to store: read before unchanged, or a copy of a stored article.
    Seen(ArticleOutcome),
    /// The stored article `id` (from `origin`, which held what `hash` digests), with more text.
    Fuller {
        id: i64,
        origin: String,
        hash: String,
    },
    /// An article of its own.
    New,
}

/// Counts over everything written, for the closing summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub duplicates: usize,
    pub quotes: usize,
    pub claims: usize,
    pub speakers: usize,
}

impl WriteSummary {
    pub fn add(&mut self, other: WriteSummary) {
        self.new += other.new;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.duplicates += other.duplicates;
        self.quotes += other.quotes;
        self.claims += other.claims;
        self.speakers += other.speakers;
    }
}

/// Hash of everything ingest read, so an unchanged article is recognised without comparing
/// bodies. Fields are length-prefixed so that no two different articles can collide by shifting
/// text from one field to the next.
pub fn content_hash(article: &Article) -> String {
    let mut hasher = Sha256::new();
    for field in [
        Some(article.format.as_str()),
        article.url.as_deref(),
        article.title.as_deref(),
        article.author.as_deref(),
        article.published_raw.as_deref(),
        article.source.as_deref(),
        article.language.as_deref(),
        Some(article.body.as_str()),
    ] {
        let bytes = field.unwrap_or("").as_bytes();
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update([field.is_some() as u8]);
        hasher.update(bytes);
    }
    identity::hex(&hasher.finalize())
}

impl Store {
    /// Stores a batch of articles in one transaction: all of it or none of it.
    pub fn write_batch<I>(
        &mut self,
        batch: I,
        extractor_version: &str,
    ) -> Result<(WriteSummary, Vec<ArticleOutcome>)>
    where
        I: IntoIterator,
        I::Item: Borrow<(Article, Extraction)>,
    {
        self.write_arrivals(batch.into_iter().map(Arrival::Article), extractor_version)
    }

    /// Stores a batch that is still arriving (ingest hands over each part as soon as it is
    /// extracted), in one transaction that stays open until its last article.
    pub fn write_arrivals<I, B>(
        &mut self,
        arrivals: I,
        extractor_version: &str,
    ) -> Result<(WriteSummary, Vec<ArticleOutcome>)>
    where
        I: IntoIterator<Item = Arrival<B>>,
        B: Borrow<(Article, Extraction)>,
    {
        self.in_write_transaction(|writer| {
            let mut outcomes = Vec::new();
            for arrival in arrivals {
                let item = match arrival {
                    Arrival::Article(item) => item,
                    Arrival::Pause => {
                        if writer.unindexed.articles.len() >= PAUSE_INDEXES_FROM {
                            writer.unindexed.index(writer.tx)?;
                        }
                        continue;
                    }
                };
                let (article, extraction) = item.borrow();
                let outcome = writer.write_article(article, extraction, extractor_version)?;
                match outcome {
                    ArticleOutcome::New => writer.summary.new += 1,
                    ArticleOutcome::Updated => writer.summary.updated += 1,
                    ArticleOutcome::Unchanged => writer.summary.unchanged += 1,
                    ArticleOutcome::Duplicate => writer.summary.duplicates += 1,
                }
                outcomes.push(outcome);
            }
            Ok(outcomes)
        })
    }

    /// Replaces the stored extractions of a batch of articles (for `reextract`) in one
    /// transaction, leaving the articles and every curated speaker as they are.
    pub fn replace_extractions(
        &mut self,
        batch: &[(i64, Extraction)],
        extractor_version: &str,
    ) -> Result<WriteSummary> {
        let (summary, ()) = self.in_write_transaction(|writer| {
            for (article_id, extraction) in batch {
                writer.clear_extraction(*article_id)?;
                let period: String = writer
                    .tx
                    .prepare_cached("SELECT period FROM articles WHERE id = ?1")?
                    .query_row([article_id], |row| row.get(0))?;
                writer.insert_extraction(*article_id, &period, extraction)?;
                writer
                    .tx
                    .prepare_cached("UPDATE articles SET extractor_version = ?1 WHERE id = ?2")?
                    .execute(params![extractor_version, article_id])?;
            }
            Ok(())
        })?;
        Ok(summary)
    }

    /// Runs `write` in one IMMEDIATE transaction, then indexes what it inserted and commits.
    ///
    /// SQLite's foreign-key and CHECK constraints are not checked while it runs, because the
    /// writer makes them hold itself: every reference is to a row it inserted or found in
    /// this same transaction, which no one else can write in, and every `kind` is one of the
    /// model's enums. Checking cost a third of the time of the quote and claim inserts: a
    /// parent lookup per reference, and a temporary table built per row for each
    /// `kind IN (...)` of three or more values. Both are back on for everything else, so
    /// curation is checked and its deletes still cascade. Tests hold `foreign_key_check` to
    /// zero after writes.
    fn in_write_transaction<T>(
        &mut self,
        write: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<(WriteSummary, T)> {
        // The pragmas are no-ops inside a transaction, so they are set around it.
        self.set_constraint_checks(false)?;
        let written = self.write_unchecked(write);
        self.set_constraint_checks(true)?;
        written
    }

    fn set_constraint_checks(&self, on: bool) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", on)?;
        self.conn
            .pragma_update(None, "ignore_check_constraints", !on)?;
        Ok(())
    }

    fn write_unchecked<T>(
        &mut self,
        write: impl FnOnce(&mut Writer) -> Result<T>,
    ) -> Result<(WriteSummary, T)> {
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.let_log_restart();
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let written = (|| {
            let mut writer = Writer::begin(&tx, &mut self.known)?;
            let value = write(&mut writer)?;
            Ok((writer.finish()?, value))
        })();
        let committed = self.known.commit(tx, written)?;
        if let Some(checkpointer) = &self.checkpointer {
            checkpointer.committed();
        }
        Ok(committed)
    }
}

/// An article's date as the tokens its quotes and claims carry for search
/// (`y2004 m200405 d20040501`), or "" without a full date: the Rust twin of the generated
/// column `articles.period` (migrations 0002 and 0006), which a test holds them to.
fn period(published_date: Option<&str>) -> String {
    let Some(date) = published_date else {
        return String::new();
    };
    let b = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| range.into_iter().all(|i| b[i].is_ascii_digit());
    if b.len() < 10
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
    {
        return String::new();
    }
    let (year, month, day) = (&date[0..4], &date[5..7], &date[8..10]);
    format!("y{year} m{year}{month} d{year}{month}{day}")
}

/// The stored articles with an input's URL key (?1) or text digest (?2). The earliest is picked
/// in Rust: with `ORDER BY id LIMIT 1` SQLite plans the query by the values bound, and a cached
/// statement's values are cleared each time it goes back to the cache, so it was planned again
/// for every article, a tenth of the writer's work.
const SAME_ARTICLE: &str = "SELECT id, origin, content_hash, length(body) FROM articles
                            WHERE url_key = ?1 OR text_digest = ?2";

/// Speakers and sources the writer has already looked up or created, by key, so that a
/// bulk ingest asks the database once per name rather than once per mention.
///
/// Valid only while no other connection has changed the archive (a `speakers merge` or
/// `alias` run during an ingest): `PRAGMA data_version` tells, and a change empties it.
/// A batch that fails empties it too, since its new ids were rolled back.
#[derive(Default)]
pub(super) struct Known {
    data_version: Option<i64>,
    speakers: HashMap<String, KnownSpeaker>,
    sources: HashMap<String, i64>,
}

#[derive(Clone, Copy)]
struct KnownSpeaker {
    id: i64,
    /// Whether the stored speaker has a role already, so none needs to be filled in.
    has_role: bool,
}

/// How many speakers [`Known`] holds before it starts over: ingest memory must not grow with
/// the archive.
const KNOWN_SPEAKERS_MAX: usize = 50_000;

impl Known {
    fn refresh(&mut self, tx: &Transaction) -> Result<()> {
        let version: i64 = tx.query_row("PRAGMA data_version", [], |row| row.get(0))?;
        if self.data_version != Some(version) || self.speakers.len() > KNOWN_SPEAKERS_MAX {
            *self = Known {
                data_version: Some(version),
                ..Known::default()
            };
        }
        Ok(())
    }

    /// Commits what was written, or forgets what this batch taught if it failed.
    fn commit<T>(&mut self, tx: Transaction, written: Result<T>) -> Result<T> {
        let committed = written.and_then(|value| {
            tx.commit()?;
            Ok(value)
        });
        if committed.is_err() {
            *self = Known::default();
        }
        committed
    }
}

/// One batch being written: its transaction, what it has counted, what waits to be indexed.
struct Writer<'a> {
    tx: &'a Transaction<'a>,
    known: &'a mut Known,
    now: String,
    summary: WriteSummary,
    unindexed: Unindexed,
}

/// Rows inserted in this transaction and not yet in the full-text indexes.
///
/// Updates and deletes reach the FTS5 tables through triggers, but inserts are indexed here,
/// once per batch: FTS5 flushes its pending terms to disk at every statement savepoint, and a
/// per-row insert trigger made each article its own tiny index segment, which cost most of
/// the ingest time in merges.
#[derive(Default)]
struct Unindexed {
    articles: Vec<i64>,
    claims: Vec<i64>,
    quotes: Vec<i64>,
    speakers: Vec<i64>,
}

impl Unindexed {
    fn index(&mut self, tx: &Transaction) -> Result<()> {
        for (ids, sql) in [
            (
                &mut self.articles,
                "INSERT INTO articles_fts (rowid, title, body, period)
                 SELECT id, title, body, period
                 FROM articles WHERE id IN (SELECT value FROM json_each(?1))",
            ),
            (
                &mut self.claims,
                "INSERT INTO claims_fts (rowid, content, period) SELECT id, content, period
                 FROM claims WHERE id IN (SELECT value FROM json_each(?1))",
            ),
            (
                &mut self.quotes,
                "INSERT INTO quotes_fts (rowid, text, period) SELECT id, text, period
                 FROM quotes WHERE id IN (SELECT value FROM json_each(?1))",
            ),
            (
                &mut self.speakers,
                "INSERT INTO speakers_fts (rowid, key) SELECT id, key
                 FROM speakers WHERE id IN (SELECT value FROM json_each(?1))",
            ),
        ] {
            if !ids.is_empty() {
                tx.prepare_cached(sql)?
                    .execute([serde_json::to_string(&*ids)?])?;
                ids.clear();
            }
        }
        Ok(())
    }

    /// Whether an article written earlier in this batch waits for its index entries: its rows
    /// must be indexed before a trigger deletes them from the index.
    fn holds_article(&self, id: i64) -> bool {
        self.articles.contains(&id)
    }
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl<'a> Writer<'a> {
    fn begin(tx: &'a Transaction<'a>, known: &'a mut Known) -> Result<Writer<'a>> {
        known.refresh(tx)?;
        Ok(Writer {
            tx,
            known,
            now: now(),
            summary: WriteSummary::default(),
            unindexed: Unindexed::default(),
        })
    }

    /// Indexes what is left and hands back the counts.
    fn finish(mut self) -> Result<WriteSummary> {
        self.unindexed.index(self.tx)?;
        Ok(self.summary)
    }

    fn write_article(
        &mut self,
        article: &Article,
        extraction: &Extraction,
        extractor_version: &str,
    ) -> Result<ArticleOutcome> {
        let tx = self.tx;
        let hash = content_hash(article);
        let mut existing: Option<(i64, String)> = tx
            .prepare_cached("SELECT id, content_hash FROM articles WHERE origin = ?1")?
            .query_row([&article.origin], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if existing.as_ref().is_some_and(|(_, stored)| *stored == hash) {
            return Ok(ArticleOutcome::Unchanged);
        }
        let url_key = article.url.as_deref().and_then(identity::url_key);
        let text_digest = identity::text_digest(article.title.as_deref(), &article.body);
        // The input whose text this one replaces, kept as one of the article's origins.
        let mut replaced: Option<(String, String)> = None;
        if existing.is_none() {
            match self.as_other_origin(
                article,
                &hash,
                url_key.as_deref(),
                text_digest.as_deref(),
            )? {
                OtherOrigin::Seen(outcome) => return Ok(outcome),
                OtherOrigin::Fuller { id, origin, hash } => {
                    // It holds more of the article than the input stored (a page after its feed
                    // item's summary): from now on the article is this input's text.
                    tx.prepare_cached("UPDATE articles SET origin = ?1 WHERE id = ?2")?
                        .execute(params![article.origin, id])?;
                    existing = Some((id, hash.clone()));
                    replaced = Some((origin, hash));
                }
                OtherOrigin::New => {}
            }
        }
        if let Some((id, _)) = &existing {
            if self.unindexed.holds_article(*id) {
                self.unindexed.index(tx)?;
            }
        }
        let source_id = match article.source.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => Some(self.source_id(name, article.url.as_deref())?),
            _ => None,
        };
        tx.prepare_cached(
            "INSERT INTO articles (origin, url, title, author, published_at, published_raw,
                 source_id, language, body, content_hash, format, ingested_at, updated_at,
                 extractor_version, url_key, text_digest, published_date)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT (origin) DO UPDATE SET
                 url = excluded.url, title = excluded.title, author = excluded.author,
                 published_at = excluded.published_at, published_raw = excluded.published_raw,
                 published_date = excluded.published_date,
                 source_id = excluded.source_id, language = excluded.language,
                 body = excluded.body, content_hash = excluded.content_hash,
                 format = excluded.format, updated_at = excluded.updated_at,
                 extractor_version = excluded.extractor_version, url_key = excluded.url_key,
                 text_digest = excluded.text_digest",
        )?
        .execute(params![
            article.origin,
            article.url,
            article.title,
            article.author,
            article.published_at,
            article.published_raw,
            source_id,
            article.language,
            article.body,
            hash,
            article.format.as_str(),
            self.now,
            extractor_version,
            url_key,
            text_digest,
            article.published_date,
        ])?;
        // The SELECT above ran in this transaction, which no one else can write in: an
        // article it did not find was inserted, not updated.
        let article_id = match existing {
            Some((id, _)) => {
                self.clear_extraction(id)?;
                // The copies of what it held are copies no more: read again, each is whatever
                // its own text makes it.
                tx.prepare_cached("DELETE FROM article_origins WHERE article_id = ?1")?
                    .execute([id])?;
                if let Some((origin, hash)) = &replaced {
                    self.remember_origin(origin, id, hash)?;
                }
                id
            }
            None => {
                let id = tx.last_insert_rowid();
                self.unindexed.articles.push(id);
                id
            }
        };
        let period = period(article.published_date.as_deref());
        self.insert_extraction(article_id, &period, extraction)?;
        Ok(if existing.is_some() {
            ArticleOutcome::Updated
        } else {
            ArticleOutcome::New
        })
    }

    /// An input that is no article's own origin: is it another input of a stored article?
    /// Read before and unchanged; the same URL or text as a stored article, remembered as one
    /// of its origins with what it held; or the same URL with more text than the stored one.
    fn as_other_origin(
        &mut self,
        article: &Article,
        hash: &str,
        url_key: Option<&str>,
        text_digest: Option<&str>,
    ) -> Result<OtherOrigin> {
        let tx = self.tx;
        let seen: Option<String> = tx
            .prepare_cached("SELECT content_hash FROM article_origins WHERE origin = ?1")?
            .query_row([&article.origin], |row| row.get(0))
            .optional()?;
        if seen.as_deref() == Some(hash) {
            return Ok(OtherOrigin::Seen(ArticleOutcome::Unchanged));
        }
        // The earliest of them (see [`SAME_ARTICLE`] for why it is chosen here).
        let mut same: Option<(i64, String, String, i64)> = None;
        let mut statement = tx.prepare_cached(SAME_ARTICLE)?;
        let mut rows = statement.query(params![url_key, text_digest])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if same.as_ref().is_none_or(|(earliest, ..)| id < *earliest) {
                same = Some((id, row.get(1)?, row.get(2)?, row.get(3)?));
            }
        }
        drop(rows);
        drop(statement);
        if seen.is_some() {
            // It changed: whatever it is now, it is no longer the copy it was.
            tx.prepare_cached("DELETE FROM article_origins WHERE origin = ?1")?
                .execute([&article.origin])?;
        }
        Ok(match same {
            Some((id, origin, hash, stored_chars))
                if article.body.chars().count() as i64 > stored_chars =>
            {
                OtherOrigin::Fuller { id, origin, hash }
            }
            Some((id, ..)) => {
                self.remember_origin(&article.origin, id, hash)?;
                OtherOrigin::Seen(ArticleOutcome::Duplicate)
            }
            None => OtherOrigin::New,
        })
    }

    /// Files `origin` as another input of article `id`, which held what `hash` digests.
    fn remember_origin(&self, origin: &str, id: i64, hash: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO article_origins (origin, article_id, content_hash, seen_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id,
                     content_hash = excluded.content_hash, seen_at = excluded.seen_at",
            )?
            .execute(params![origin, id, hash, self.now])?;
        Ok(())
    }

    fn source_id(&mut self, name: &str, url: Option<&str>) -> Result<i64> {
        let key = lookup_key(name);
        if let Some(&id) = self.known.sources.get(&key) {
            return Ok(id);
        }
        let found: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM sources WHERE key = ?1")?
            .query_row([&key], |row| row.get(0))
            .optional()?;
        let id = match found {
            Some(id) => id,
            None => {
                let parsed = url.and_then(|u| url::Url::parse(u).ok());
                let domain = parsed
                    .as_ref()
                    .and_then(|u| u.host_str())
                    .map(|h| h.trim_start_matches("www.").to_string());
                let homepage = parsed.as_ref().and_then(|u| {
                    u.host_str()
                        .map(|host| format!("{}://{}/", u.scheme(), host))
                });
                self.tx
                    .prepare_cached(
                        "INSERT INTO sources (name, key, domain, homepage) VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![name, key, domain, homepage])?;
                self.tx.last_insert_rowid()
            }
        };
        self.known.sources.insert(key, id);
        Ok(id)
    }

    fn clear_extraction(&self, article_id: i64) -> Result<()> {
        self.tx
            .prepare_cached("DELETE FROM quotes WHERE article_id = ?1")?
            .execute([article_id])?;
        self.tx
            .prepare_cached("DELETE FROM claims WHERE article_id = ?1")?
            .execute([article_id])?;
        Ok(())
    }

    /// Inserts an article's quotes and claims; `period` is its date tokens (see [`period`]).
    fn insert_extraction(
        &mut self,
        article_id: i64,
        period: &str,
        extraction: &Extraction,
    ) -> Result<()> {
        let mut speaker_ids = Vec::with_capacity(extraction.speakers.len());
        for speaker in &extraction.speakers {
            speaker_ids.push(self.speaker_id(speaker)?);
        }
        let tx = self.tx;
        let role = |index: usize| extraction.speakers[index].role.as_deref();
        let mut claim_ids = Vec::with_capacity(extraction.claims.len());
        let mut insert_claim = tx.prepare_cached(
            "INSERT INTO claims (article_id, speaker_id, speaker_role, cue, content, kind, start,
                 end, paragraph, confidence, period)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for claim in &extraction.claims {
            insert_claim.execute(params![
                article_id,
                speaker_ids[claim.speaker],
                role(claim.speaker),
                claim.cue,
                claim.content,
                claim.kind.as_str(),
                claim.start as i64,
                claim.end as i64,
                claim.paragraph as i64,
                claim.confidence as f64,
                period,
            ])?;
            claim_ids.push(tx.last_insert_rowid());
        }
        self.unindexed.claims.extend(&claim_ids);
        let mut insert_quote = tx.prepare_cached(
            "INSERT INTO quotes (article_id, claim_id, speaker_id, speaker_role, cue, text, start,
                 end, paragraph, confidence, period)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for quote in &extraction.quotes {
            insert_quote.execute(params![
                article_id,
                quote.claim.map(|c| claim_ids[c]),
                speaker_ids[quote.speaker],
                role(quote.speaker),
                quote.cue,
                quote.text,
                quote.start as i64,
                quote.end as i64,
                quote.paragraph as i64,
                quote.confidence as f64,
                period,
            ])?;
            self.unindexed.quotes.push(tx.last_insert_rowid());
        }
        self.summary.claims += extraction.claims.len();
        self.summary.quotes += extraction.quotes.len();
        Ok(())
    }

    /// The archive's speaker for a name: through a user's alias first, then by key, else a
    /// new one.
    fn speaker_id(&mut self, speaker: &crate::model::Speaker) -> Result<i64> {
        let key = lookup_key(&speaker.name);
        let known = match self.known.speakers.get(&key) {
            Some(&known) => known,
            None => {
                let found: Option<i64> = self
                    .tx
                    .prepare_cached(
                        "SELECT speaker_id FROM speaker_aliases WHERE key = ?1
                         UNION ALL SELECT id FROM speakers WHERE key = ?1 LIMIT 1",
                    )?
                    .query_row([&key], |row| row.get(0))
                    .optional()?;
                match found {
                    Some(id) => KnownSpeaker {
                        id,
                        has_role: false,
                    },
                    None => {
                        self.tx
                            .prepare_cached(
                                "INSERT INTO speakers (name, key, kind, role, created_at)
                                 VALUES (?1, ?2, ?3, ?4, ?5)",
                            )?
                            .execute(params![
                                speaker.name,
                                key,
                                speaker.kind.as_str(),
                                speaker.role,
                                self.now
                            ])?;
                        self.summary.speakers += 1;
                        let id = self.tx.last_insert_rowid();
                        self.unindexed.speakers.push(id);
                        KnownSpeaker {
                            id,
                            has_role: speaker.role.is_some(),
                        }
                    }
                }
            }
        };
        let has_role = known.has_role || speaker.role.is_some();
        if speaker.role.is_some() && !known.has_role {
            self.tx
                .prepare_cached("UPDATE speakers SET role = ?1 WHERE id = ?2 AND role IS NULL")?
                .execute(params![speaker.role, known.id])?;
        }
        self.known.speakers.insert(
            key,
            KnownSpeaker {
                id: known.id,
                has_role,
            },
        );
        Ok(known.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, ClaimKind, Quote, Speaker, SpeakerKind};

    fn sample() -> (Article, Extraction) {
        let body = "“We will appeal,” said Jane Doe.".to_string();
        let article = Article {
            origin: "/tmp/a.txt".into(),
            title: Some("Firm to appeal".into()),
            source: Some("Daily Example".into()),
            url: Some("https://www.example.com/news/1".into()),
            body,
            ..Article::default()
        };
        let extraction = Extraction {
            speakers: vec![Speaker {
                name: "Jane Doe".into(),
                kind: SpeakerKind::Person,
                role: Some("spokeswoman".into()),
            }],
            claims: vec![Claim {
                speaker: 0,
                cue: "said".into(),
                content: "We will appeal,".into(),
                kind: ClaimKind::Direct,
                start: 1,
                end: 16,
                paragraph: 1,
                confidence: 0.9,
            }],
            quotes: vec![Quote {
                speaker: 0,
                claim: Some(0),
                cue: "said".into(),
                text: "We will appeal,".into(),
                start: 1,
                end: 16,
                paragraph: 1,
                confidence: 0.9,
            }],
        };
        (article, extraction)
    }

    fn count(store: &Store, table: &str) -> i64 {
        store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }

    /// [`sample`] with a longer quote: the same article, changed.
    fn sample_changed() -> (Article, Extraction) {
        let (mut article, mut extraction) = sample();
        article.body = "“We will appeal again,” said Jane Doe.".into();
        extraction.quotes[0].text = "We will appeal again,".into();
        extraction.quotes[0].end = 22;
        extraction.claims[0].content = "We will appeal again,".into();
        extraction.claims[0].end = 22;
        (article, extraction)
    }

    #[test]
    fn another_input_of_a_stored_article_is_remembered_not_stored() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let mut same_url = article.clone();
        same_url.origin = "https://example.com/news/1/?utm_source=feed".into();
        same_url.url = Some(same_url.origin.clone());
        same_url.title = Some("Firm appeals".into());
        let batch = [(article, extraction.clone()), (same_url, extraction)];
        let (summary, outcomes) = store.write_batch(&batch, "t").unwrap();
        assert_eq!(outcomes, [ArticleOutcome::New, ArticleOutcome::Duplicate]);
        assert_eq!((summary.new, summary.duplicates), (1, 1));
        assert_eq!(count(&store, "articles"), 1);
        assert_eq!(count(&store, "quotes"), 1);
        assert_eq!(count(&store, "article_origins"), 1);
        let (_, again) = store.write_batch(&batch, "t").unwrap();
        assert_eq!(
            again,
            [ArticleOutcome::Unchanged, ArticleOutcome::Unchanged]
        );
    }

    #[test]
    fn the_lookup_of_copies_is_planned_once_for_a_run_of_articles() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let body = "The council met on Tuesday to discuss the ferry timetable. ".repeat(5);
        let batch: Vec<_> = (0..5)
            .map(|i| {
                let mut article = article.clone();
                article.origin = format!("/tmp/{i}.txt");
                article.url = None;
                article.body = format!("{body} Number {i}.");
                (article, extraction.clone())
            })
            .collect();
        // (One batch: the pragmas set around each batch make SQLite plan every statement again.)
        store.write_batch(&batch, "t").unwrap();
        let replanned = store
            .conn()
            .prepare_cached(SAME_ARTICLE)
            .unwrap()
            .get_status(rusqlite::StatementStatus::RePrepare);
        assert_eq!(replanned, 0);
    }

    #[test]
    fn a_copy_that_changes_into_another_article_is_stored_as_one() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let mut copy = article.clone();
        copy.origin = "/tmp/copy.txt".into();
        store
            .write_batch(
                &[(article, extraction.clone()), (copy.clone(), extraction)],
                "t",
            )
            .unwrap();
        let (mut changed, changed_extraction) = sample_changed();
        changed.origin = copy.origin;
        changed.url = Some("https://www.example.com/news/3".into());
        let (_, outcomes) = store
            .write_batch(&[(changed, changed_extraction)], "t")
            .unwrap();
        assert_eq!(outcomes, [ArticleOutcome::New]);
        assert_eq!(count(&store, "articles"), 2);
        assert_eq!(count(&store, "article_origins"), 0);
    }

    #[test]
    fn second_write_of_the_same_article_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let batch = vec![sample()];
        let (first, _) = store.write_batch(&batch, "t").unwrap();
        assert_eq!(
            (first.new, first.quotes, first.claims, first.speakers),
            (1, 1, 1, 1)
        );
        let (second, outcomes) = store.write_batch(&batch, "t").unwrap();
        assert_eq!(outcomes, vec![ArticleOutcome::Unchanged]);
        assert_eq!((second.new, second.quotes), (0, 0));
        assert_eq!(count(&store, "quotes"), 1);
        let domain: String = store
            .conn()
            .query_row("SELECT domain FROM sources", [], |r| r.get(0))
            .unwrap();
        assert_eq!(domain, "example.com");
    }

    #[test]
    fn changed_article_is_updated_and_keeps_its_id() {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(&[sample()], "t").unwrap();
        let (mut article, extraction) = sample();
        article.title = Some("Firm will appeal".into());
        let (summary, outcomes) = store.write_batch(&[(article, extraction)], "t").unwrap();
        assert_eq!(outcomes, vec![ArticleOutcome::Updated]);
        assert_eq!(summary.speakers, 0);
        assert_eq!(count(&store, "articles"), 1);
        assert_eq!(count(&store, "quotes"), 1);
        let id: i64 = store
            .conn()
            .query_row("SELECT id FROM articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(id, 1);
    }

    #[test]
    fn offsets_give_back_the_quote_in_sql() {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(&[sample()], "t").unwrap();
        let (text, span): (String, String) = store
            .conn()
            .query_row(
                "SELECT q.text, substr(a.body, q.start + 1, q.end - q.start)
                 FROM quotes q JOIN articles a ON a.id = q.article_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(text, span);
    }

    #[test]
    fn a_user_alias_routes_new_mentions_to_the_curated_speaker() {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(&[sample()], "t").unwrap();
        store
            .conn()
            .execute(
                "INSERT INTO speaker_aliases (key, alias, speaker_id, origin)
                 VALUES ('j doe', 'J. Doe', 1, 'user')",
                [],
            )
            .unwrap();
        let (mut article, mut extraction) = sample();
        article.origin = "/tmp/b.txt".into();
        article.url = Some("https://www.example.com/news/2".into());
        extraction.speakers[0].name = "J. Doe".into();
        let (summary, _) = store.write_batch(&[(article, extraction)], "t").unwrap();
        assert_eq!(summary.speakers, 0);
        assert_eq!(count(&store, "speakers"), 1);
    }

    #[test]
    fn curation_by_another_process_during_an_ingest_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("archive.db");
        let mut ingest = Store::open(&path).unwrap();
        ingest.write_batch(&[sample()], "t").unwrap();
        // Between two batches, a user points the name at another speaker.
        let curator = Store::open(&path).unwrap();
        curator
            .conn()
            .execute_batch(
                "INSERT INTO speakers (id, name, key, kind, created_at)
                     VALUES (2, 'Jane Q. Doe', 'jane q doe', 'person', 'now');
                 INSERT INTO speaker_aliases (key, alias, speaker_id, origin)
                     VALUES ('jane doe', 'Jane Doe', 2, 'user');",
            )
            .unwrap();
        let (mut article, extraction) = sample();
        article.origin = "/tmp/b.txt".into();
        article.url = Some("https://www.example.com/news/2".into());
        ingest.write_batch(&[(article, extraction)], "t").unwrap();
        let speaker: i64 = ingest
            .conn()
            .query_row(
                "SELECT q.speaker_id FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE a.origin = '/tmp/b.txt'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(speaker, 2);
    }

    #[test]
    fn an_article_changed_twice_in_one_batch_keeps_the_indexes_whole() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let (changed, changed_extraction) = sample_changed();
        let (summary, _) = store
            .write_batch(&[(article, extraction), (changed, changed_extraction)], "t")
            .unwrap();
        assert_eq!((summary.new, summary.updated), (1, 1));
        crate::store::tests::fts_integrity(&store);
        let hits: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'again'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(hits, 1);
    }

    #[test]
    fn pauses_index_early_and_leave_the_indexes_as_one_pass_would() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let (changed, changed_extraction) = sample_changed();
        let mut other = article.clone();
        other.origin = "/tmp/b.txt".into();
        other.url = Some("https://www.example.com/news/2".into());
        // Enough articles before the second pause for it to index them.
        let earlier: Vec<_> = (0..PAUSE_INDEXES_FROM)
            .map(|i| {
                let mut earlier = article.clone();
                earlier.origin = format!("/tmp/earlier-{i}.txt");
                earlier.url = None;
                Arrival::Article((earlier, extraction.clone()))
            })
            .collect();
        let arrivals: Vec<_> = std::iter::once(Arrival::Pause)
            .chain(earlier)
            .chain([
                Arrival::Pause,
                Arrival::Article((article, extraction.clone())),
                Arrival::Pause,
                Arrival::Pause,
                Arrival::Article((changed, changed_extraction)),
                Arrival::Article((other, extraction)),
                Arrival::Pause,
            ])
            .collect();
        let (summary, _) = store.write_arrivals(arrivals, "t").unwrap();
        assert_eq!((summary.new, summary.updated), (PAUSE_INDEXES_FROM + 2, 1));
        crate::store::tests::fts_integrity(&store);
        let hits = |query: &str| -> i64 {
            store
                .conn()
                .query_row(
                    "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?1",
                    [query],
                    |r| r.get(0),
                )
                .unwrap()
        };
        assert_eq!(
            (hits("again"), hits("appeal")),
            (1, PAUSE_INDEXES_FROM as i64 + 2)
        );
    }

    #[test]
    fn every_reference_the_writer_makes_holds_and_checks_come_back_on() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let mut second = article.clone();
        second.origin = "/tmp/b.txt".into();
        second.url = Some("https://www.example.com/news/2".into());
        let mut changed = article.clone();
        changed.title = Some("Firm will appeal".into());
        store
            .write_batch(
                &[
                    (article, extraction.clone()),
                    (second, extraction.clone()),
                    (changed, extraction.clone()),
                ],
                "t",
            )
            .unwrap();
        store.replace_extractions(&[(2, extraction)], "t2").unwrap();
        let broken: i64 = store
            .conn()
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken, 0);
        let (foreign_keys, checks_ignored): (bool, bool) = store
            .conn()
            .query_row(
                "SELECT * FROM pragma_foreign_keys, pragma_ignore_check_constraints",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(foreign_keys && !checks_ignored);
        let wrong_kind = store.conn().execute(
            "UPDATE claims SET kind = 'rumour' WHERE id = (SELECT min(id) FROM claims)",
            [],
        );
        assert!(wrong_kind.is_err(), "CHECK constraints hold again");
        // Deleting an article still takes its quotes and claims with it.
        store
            .conn()
            .execute("DELETE FROM articles WHERE id = 1", [])
            .unwrap();
        assert_eq!(count(&store, "quotes"), 1);
        assert_eq!(count(&store, "claims"), 1);
    }

    #[test]
    fn period_is_the_generated_column_of_migration_2() {
        let store = Store::open_in_memory().unwrap();
        for (origin, published) in [
            None,
            Some(""),
            Some("2004-05-01T09:30:00Z"),
            Some("2004-05-01"),
            Some("1999-12-31 23:59"),
            Some("2004-5-01"),
            Some("2004-05-0"),
            Some("20040501"),
            Some("2004/05/01"),
            Some("2004-05-01x"),
            Some("２００４-05-01"),
            Some("abcd-ef-gh"),
            Some("2004-05-01é"),
        ]
        .into_iter()
        .enumerate()
        {
            let generated: String = store
                .conn()
                .query_row(
                    "INSERT INTO articles (origin, body, content_hash, format, ingested_at,
                         updated_at, extractor_version, published_date)
                     VALUES (?1, '', '', 'text', '', '', '', ?2) RETURNING period",
                    params![origin.to_string(), published],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(period(published), generated, "{published:?}");
        }
    }

    #[test]
    fn fts_follows_inserts_and_deletes() {
        let mut store = Store::open_in_memory().unwrap();
        store.write_batch(&[sample()], "t").unwrap();
        let hits = |store: &Store| -> i64 {
            store
                .conn()
                .query_row(
                    "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'appeal'",
                    [],
                    |r| r.get(0),
                )
                .unwrap()
        };
        assert_eq!(hits(&store), 1);
        crate::store::tests::fts_integrity(&store);
        store
            .replace_extractions(&[(1, Extraction::default())], "t2")
            .unwrap();
        assert_eq!(hits(&store), 0);
        crate::store::tests::fts_integrity(&store);
    }
}
