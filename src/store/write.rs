//! Storing articles with their extractions: one transaction per batch, upserts only (never
//! `INSERT OR REPLACE`, which would drop curated rows), speakers resolved through aliases.

use anyhow::Result;
use rusqlite::{params, OptionalExtension, Transaction};
use sha2::{Digest, Sha256};

use super::Store;
use crate::model::{Article, Extraction};
use crate::names;

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleOutcome {
    New,
    Updated,
    Unchanged,
}

/// Counts over everything written, for the closing summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub quotes: usize,
    pub claims: usize,
    pub speakers: usize,
}

impl WriteSummary {
    pub fn add(&mut self, other: WriteSummary) {
        self.new += other.new;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
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
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Stores a batch of articles in one transaction: all of it or none of it.
    pub fn write_batch(
        &mut self,
        batch: &[(Article, Extraction)],
        extractor_version: &str,
    ) -> Result<(WriteSummary, Vec<ArticleOutcome>)> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = now();
        let mut summary = WriteSummary::default();
        let mut outcomes = Vec::with_capacity(batch.len());
        let mut unindexed = Unindexed::default();
        for (article, extraction) in batch {
            let outcome = write_article(
                &tx,
                article,
                extraction,
                extractor_version,
                &now,
                &mut summary,
                &mut unindexed,
            )?;
            match outcome {
                ArticleOutcome::New => summary.new += 1,
                ArticleOutcome::Updated => summary.updated += 1,
                ArticleOutcome::Unchanged => summary.unchanged += 1,
            }
            outcomes.push(outcome);
        }
        unindexed.index(&tx)?;
        tx.commit()?;
        Ok((summary, outcomes))
    }

    /// Replaces the stored extractions of a batch of articles (for `reextract`) in one
    /// transaction, leaving the articles and every curated speaker as they are.
    pub fn replace_extractions(
        &mut self,
        batch: &[(i64, Extraction)],
        extractor_version: &str,
    ) -> Result<WriteSummary> {
        let tx = self.conn.transaction()?;
        let mut summary = WriteSummary::default();
        let mut unindexed = Unindexed::default();
        for (article_id, extraction) in batch {
            clear_extraction(&tx, *article_id)?;
            insert_extraction(&tx, *article_id, extraction, &mut summary, &mut unindexed)?;
            tx.prepare_cached("UPDATE articles SET extractor_version = ?1 WHERE id = ?2")?
                .execute(params![extractor_version, article_id])?;
        }
        unindexed.index(&tx)?;
        tx.commit()?;
        Ok(summary)
    }
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
}

impl Unindexed {
    fn index(&mut self, tx: &Transaction) -> Result<()> {
        for (ids, sql) in [
            (
                &mut self.articles,
                "INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body
                 FROM articles WHERE id IN (SELECT value FROM json_each(?1))",
            ),
            (
                &mut self.claims,
                "INSERT INTO claims_fts (rowid, content) SELECT id, content
                 FROM claims WHERE id IN (SELECT value FROM json_each(?1))",
            ),
            (
                &mut self.quotes,
                "INSERT INTO quotes_fts (rowid, text) SELECT id, text
                 FROM quotes WHERE id IN (SELECT value FROM json_each(?1))",
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

fn write_article(
    tx: &Transaction,
    article: &Article,
    extraction: &Extraction,
    extractor_version: &str,
    now: &str,
    summary: &mut WriteSummary,
    unindexed: &mut Unindexed,
) -> Result<ArticleOutcome> {
    let hash = content_hash(article);
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, content_hash FROM articles WHERE origin = ?1")?
        .query_row([&article.origin], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if let Some((id, stored_hash)) = &existing {
        if *stored_hash == hash {
            return Ok(ArticleOutcome::Unchanged);
        }
        if unindexed.holds_article(*id) {
            unindexed.index(tx)?;
        }
    }
    let source_id = match article.source.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => Some(source_id(tx, name, article.url.as_deref())?),
        _ => None,
    };
    let article_id: i64 = tx
        .prepare_cached(
            "INSERT INTO articles (origin, url, title, author, published_at, published_raw,
                 source_id, language, body, content_hash, format, ingested_at, updated_at,
                 extractor_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)
             ON CONFLICT (origin) DO UPDATE SET
                 url = excluded.url, title = excluded.title, author = excluded.author,
                 published_at = excluded.published_at, published_raw = excluded.published_raw,
                 source_id = excluded.source_id, language = excluded.language,
                 body = excluded.body, content_hash = excluded.content_hash,
                 format = excluded.format, updated_at = excluded.updated_at,
                 extractor_version = excluded.extractor_version
             RETURNING id",
        )?
        .query_row(
            params![
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
                now,
                extractor_version,
            ],
            |row| row.get(0),
        )?;
    match existing {
        Some(_) => clear_extraction(tx, article_id)?,
        None => unindexed.articles.push(article_id),
    }
    insert_extraction(tx, article_id, extraction, summary, unindexed)?;
    Ok(if existing.is_some() {
        ArticleOutcome::Updated
    } else {
        ArticleOutcome::New
    })
}

fn source_id(tx: &Transaction, name: &str, url: Option<&str>) -> Result<i64> {
    let key = names::key(name);
    let key = if key.is_empty() {
        name.to_lowercase()
    } else {
        key
    };
    if let Some(id) = tx
        .prepare_cached("SELECT id FROM sources WHERE key = ?1")?
        .query_row([&key], |row| row.get(0))
        .optional()?
    {
        return Ok(id);
    }
    let parsed = url.and_then(|u| url::Url::parse(u).ok());
    let domain = parsed
        .as_ref()
        .and_then(|u| u.host_str())
        .map(|h| h.trim_start_matches("www.").to_string());
    let homepage = parsed.as_ref().and_then(|u| {
        u.host_str()
            .map(|host| format!("{}://{}/", u.scheme(), host))
    });
    Ok(tx
        .prepare_cached(
            "INSERT INTO sources (name, key, domain, homepage) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        )?
        .query_row(params![name, key, domain, homepage], |row| row.get(0))?)
}

fn clear_extraction(tx: &Transaction, article_id: i64) -> Result<()> {
    tx.prepare_cached("DELETE FROM quotes WHERE article_id = ?1")?
        .execute([article_id])?;
    tx.prepare_cached("DELETE FROM claims WHERE article_id = ?1")?
        .execute([article_id])?;
    Ok(())
}

fn insert_extraction(
    tx: &Transaction,
    article_id: i64,
    extraction: &Extraction,
    summary: &mut WriteSummary,
    unindexed: &mut Unindexed,
) -> Result<()> {
    let mut speaker_ids = Vec::with_capacity(extraction.speakers.len());
    for speaker in &extraction.speakers {
        let (id, added) = speaker_id(tx, speaker)?;
        summary.speakers += added as usize;
        speaker_ids.push(id);
    }
    let role = |index: usize| extraction.speakers[index].role.as_deref();
    let mut claim_ids = Vec::with_capacity(extraction.claims.len());
    let mut insert_claim = tx.prepare_cached(
        "INSERT INTO claims (article_id, speaker_id, speaker_role, cue, content, kind, start, end,
             paragraph, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    )?;
    for claim in &extraction.claims {
        let id: i64 = insert_claim.query_row(
            params![
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
            ],
            |row| row.get(0),
        )?;
        claim_ids.push(id);
    }
    unindexed.claims.extend(&claim_ids);
    let mut insert_quote = tx.prepare_cached(
        "INSERT INTO quotes (article_id, claim_id, speaker_id, speaker_role, cue, text, start, end,
             paragraph, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id",
    )?;
    for quote in &extraction.quotes {
        let id: i64 = insert_quote.query_row(
            params![
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
            ],
            |row| row.get(0),
        )?;
        unindexed.quotes.push(id);
    }
    summary.claims += extraction.claims.len();
    summary.quotes += extraction.quotes.len();
    Ok(())
}

/// The archive's speaker for a name: through a user's alias first, then by key, else a new one.
fn speaker_id(tx: &Transaction, speaker: &crate::model::Speaker) -> Result<(i64, bool)> {
    let key = names::key(&speaker.name);
    let key = if key.is_empty() {
        speaker.name.to_lowercase()
    } else {
        key
    };
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT speaker_id FROM speaker_aliases WHERE key = ?1
             UNION ALL SELECT id FROM speakers WHERE key = ?1 LIMIT 1",
        )?
        .query_row([&key], |row| row.get(0))
        .optional()?;
    if let Some(id) = found {
        if speaker.role.is_some() {
            tx.prepare_cached("UPDATE speakers SET role = ?1 WHERE id = ?2 AND role IS NULL")?
                .execute(params![speaker.role, id])?;
        }
        return Ok((id, false));
    }
    let id = tx
        .prepare_cached(
            "INSERT INTO speakers (name, key, kind, role, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
             RETURNING id",
        )?
        .query_row(
            params![
                speaker.name,
                key,
                speaker.kind.as_str(),
                speaker.role,
                now()
            ],
            |row| row.get(0),
        )?;
    Ok((id, true))
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
        extraction.speakers[0].name = "J. Doe".into();
        let (summary, _) = store.write_batch(&[(article, extraction)], "t").unwrap();
        assert_eq!(summary.speakers, 0);
        assert_eq!(count(&store, "speakers"), 1);
    }

    fn fts_integrity(store: &Store) {
        for table in ["articles_fts", "claims_fts", "quotes_fts"] {
            store
                .conn()
                .execute(
                    &format!("INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"),
                    [],
                )
                .unwrap_or_else(|e| panic!("{table}: {e}"));
        }
    }

    #[test]
    fn an_article_changed_twice_in_one_batch_keeps_the_indexes_whole() {
        let mut store = Store::open_in_memory().unwrap();
        let (article, extraction) = sample();
        let mut changed = article.clone();
        changed.body = "“We will appeal again,” said Jane Doe.".into();
        let mut changed_extraction = extraction.clone();
        changed_extraction.quotes[0].text = "We will appeal again,".into();
        changed_extraction.quotes[0].end = 22;
        changed_extraction.claims[0].content = "We will appeal again,".into();
        changed_extraction.claims[0].end = 22;
        let (summary, _) = store
            .write_batch(&[(article, extraction), (changed, changed_extraction)], "t")
            .unwrap();
        assert_eq!((summary.new, summary.updated), (1, 1));
        fts_integrity(&store);
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
        fts_integrity(&store);
        store
            .replace_extractions(&[(1, Extraction::default())], "t2")
            .unwrap();
        assert_eq!(hits(&store), 0);
        fts_integrity(&store);
    }
}
