//! Reading stored articles back for `reextract`.

use anyhow::Result;

use super::Store;
use crate::model::{Article, Format};

impl Store {
    /// Ids of the articles whose extraction is older than `version` (or all of them).
    pub fn articles_to_reextract(&self, version: &str, all: bool) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM articles WHERE ?1 OR extractor_version <> ?2 ORDER BY id")?;
        let ids = stmt
            .query_map(rusqlite::params![all, version], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// The stored articles with these ids, as extraction sees them.
    pub fn load_articles(&self, ids: &[i64]) -> Result<Vec<(i64, Article)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.origin, a.url, a.title, a.author, a.published_at, a.published_raw,
                    s.name, a.language, a.body, a.format, a.published_date
             FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
        )?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let article = stmt.query_row([id], |row| {
                Ok(Article {
                    origin: row.get(0)?,
                    url: row.get(1)?,
                    title: row.get(2)?,
                    author: row.get(3)?,
                    published_at: row.get(4)?,
                    published_raw: row.get(5)?,
                    source: row.get(6)?,
                    language: row.get(7)?,
                    body: row.get(8)?,
                    format: Format::parse(&row.get::<_, String>(9)?).unwrap_or_default(),
                    published_date: row.get(10)?,
                })
            })?;
            out.push((id, article));
        }
        Ok(out)
    }
}
