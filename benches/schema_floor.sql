-- The schema floor: the sqlite3 shell copying the rows that `newsclaims ingest` stored (in the
-- archive attached as `src`) into an empty archive, full-text indexes included, in one
-- transaction. This is what storing them costs SQLite itself, with no reading, parsing,
-- extraction or Rust; benches/run.sh runs it after the migrations, beside the plain floor.
BEGIN;
INSERT INTO sources SELECT * FROM src.sources;
INSERT INTO articles (id, origin, url, title, author, published_at, published_raw, source_id,
    language, body, content_hash, format, ingested_at, updated_at, extractor_version)
SELECT id, origin, url, title, author, published_at, published_raw, source_id, language, body,
    content_hash, format, ingested_at, updated_at, extractor_version
FROM src.articles;
INSERT INTO speakers SELECT * FROM src.speakers;
INSERT INTO claims SELECT * FROM src.claims;
INSERT INTO quotes SELECT * FROM src.quotes;
-- In rowid order, as the writer indexes them: FTS5 starts a new segment whenever a rowid is not
-- above the last one, and `speakers` alone would otherwise be read in key order (its covering
-- index), one segment a row.
INSERT INTO articles_fts (rowid, title, body, period)
SELECT id, title, body, period FROM articles ORDER BY id;
INSERT INTO claims_fts (rowid, content, period) SELECT id, content, period FROM claims ORDER BY id;
INSERT INTO quotes_fts (rowid, text, period) SELECT id, text, period FROM quotes ORDER BY id;
INSERT INTO speakers_fts (rowid, key) SELECT id, key FROM speakers ORDER BY id;
COMMIT;
