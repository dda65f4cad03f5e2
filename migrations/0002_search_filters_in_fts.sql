-- Search filters that FTS5 answers by itself, so that a filtered search on a common word never
-- joins each of its matches to a table row.
--
-- 1. Dates: every indexed row carries its article's publication date as three tokens
--    (`y2004 m200405 d20040501`) in a `period` column of its full-text index, and
--    `search --since/--until` adds the years, months and days of the range to the MATCH.
--    An article's period is generated from published_at; its quotes and claims copy it when
--    they are written (their article's date changes only by re-ingest, which rewrites them).
-- 2. Speaker names: `--speaker jiyad` looks for the name as whole words of every speaker's
--    key; a word index over the keys replaces a LIKE scan of every speaker.

ALTER TABLE articles ADD COLUMN period TEXT GENERATED ALWAYS AS (
    CASE WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN
        'y' || substr(published_at, 1, 4)
        || ' m' || substr(published_at, 1, 4) || substr(published_at, 6, 2)
        || ' d' || substr(published_at, 1, 4) || substr(published_at, 6, 2)
        || substr(published_at, 9, 2)
    ELSE '' END
) VIRTUAL;
ALTER TABLE claims ADD COLUMN period TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN period TEXT NOT NULL DEFAULT '';
UPDATE claims SET period = (SELECT period FROM articles a WHERE a.id = claims.article_id);
UPDATE quotes SET period = (SELECT period FROM articles a WHERE a.id = quotes.article_id);

DROP TRIGGER quotes_fts_delete;
DROP TRIGGER quotes_fts_update;
DROP TRIGGER claims_fts_delete;
DROP TRIGGER claims_fts_update;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE quotes_fts;
DROP TABLE claims_fts;
DROP TABLE articles_fts;

-- As before, inserts are indexed by the writer once per batch (store/write.rs says why);
-- updates and deletes go through the triggers below.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, period, content = 'quotes', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content, period, content = 'claims', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, period, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Keys hold letters, digits, `'`, `-` and single spaces: with `'` and `-` as word characters,
-- the index's words are exactly the key's space-separated words.
CREATE VIRTUAL TABLE speakers_fts USING fts5(
    key, content = 'speakers', content_rowid = 'id',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '''-'"
);
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO speakers_fts (speakers_fts) VALUES ('rebuild');

CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, period)
    VALUES ('delete', old.id, old.text, old.period);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, period ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text, period)
    VALUES ('delete', old.id, old.text, old.period);
    INSERT INTO quotes_fts (rowid, text, period) VALUES (new.id, new.text, new.period);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, content, period)
    VALUES ('delete', old.id, old.content, old.period);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF content, period ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, content, period)
    VALUES ('delete', old.id, old.content, old.period);
    INSERT INTO claims_fts (rowid, content, period) VALUES (new.id, new.content, new.period);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, period)
    VALUES ('delete', old.id, old.title, old.body, old.period);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, published_at ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, period)
    VALUES ('delete', old.id, old.title, old.body, old.period);
    INSERT INTO articles_fts (rowid, title, body, period)
    VALUES (new.id, new.title, new.body, new.period);
END;

CREATE TRIGGER speakers_fts_delete AFTER DELETE ON speakers BEGIN
    INSERT INTO speakers_fts (speakers_fts, rowid, key) VALUES ('delete', old.id, old.key);
END;
CREATE TRIGGER speakers_fts_update AFTER UPDATE OF key ON speakers BEGIN
    INSERT INTO speakers_fts (speakers_fts, rowid, key) VALUES ('delete', old.id, old.key);
    INSERT INTO speakers_fts (rowid, key) VALUES (new.id, new.key);
END;
