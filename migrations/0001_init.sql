-- The archive: outlets, articles, the speakers they quote, and what those speakers said.
-- Offsets (start, end) are character offsets into articles.body:
-- substr(body, start + 1, end - start) is exactly the quote text or claim content.

CREATE TABLE sources (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    key      TEXT NOT NULL UNIQUE,   -- names::key(name)
    domain   TEXT,
    homepage TEXT
);

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    origin            TEXT NOT NULL UNIQUE,  -- the path, URL or id it came from
    url               TEXT,
    title             TEXT,
    author            TEXT,
    published_at      TEXT,                  -- UTC ISO-8601
    published_raw     TEXT,                  -- the date as the article gave it
    source_id         INTEGER REFERENCES sources(id),
    language          TEXT,
    body              TEXT NOT NULL,
    content_hash      TEXT NOT NULL,
    format            TEXT NOT NULL,
    ingested_at       TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX articles_published_at ON articles(published_at);
CREATE INDEX articles_source_id ON articles(source_id);

CREATE TABLE speakers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    key        TEXT NOT NULL UNIQUE,     -- names::key(name): one speaker per key
    kind       TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'group', 'unnamed')),
    role       TEXT,                     -- the description first given
    curated    INTEGER NOT NULL DEFAULT 0, -- renamed or merged by a user: ingest keeps its name
    created_at TEXT NOT NULL
);

-- Other names of a speaker, added by users (alias) or left by a merge. Extraction resolves a
-- name through these before it creates a speaker, so curation survives re-ingest.
CREATE TABLE speaker_aliases (
    key        TEXT PRIMARY KEY,         -- names::key(alias)
    alias      TEXT NOT NULL,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    origin     TEXT NOT NULL CHECK (origin IN ('user', 'merge', 'rename'))
);
CREATE INDEX speaker_aliases_speaker_id ON speaker_aliases(speaker_id);

CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id   INTEGER NOT NULL REFERENCES speakers(id),
    speaker_role TEXT,                   -- the description this article gives
    cue          TEXT NOT NULL,
    content      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    paragraph    INTEGER NOT NULL,
    confidence   REAL NOT NULL
);
CREATE INDEX claims_article_id ON claims(article_id);
CREATE INDEX claims_speaker_id ON claims(speaker_id);

CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_id     INTEGER REFERENCES claims(id) ON DELETE SET NULL,
    speaker_id   INTEGER NOT NULL REFERENCES speakers(id),
    speaker_role TEXT,
    cue          TEXT NOT NULL,
    text         TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    paragraph    INTEGER NOT NULL,
    confidence   REAL NOT NULL
);
CREATE INDEX quotes_article_id ON quotes(article_id);
CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
CREATE INDEX quotes_claim_id ON quotes(claim_id);

-- Full-text indexes over the stored text (external content). Triggers keep them in sync on
-- update and delete; inserts are indexed by the writer once per batch, in the same transaction
-- (store/write.rs says why).
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content = 'quotes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content, content = 'claims', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content) VALUES ('delete', old.id, old.content);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF content ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content) VALUES ('delete', old.id, old.content);
    INSERT INTO claims_fts(rowid, content) VALUES (new.id, new.content);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body)
    VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
