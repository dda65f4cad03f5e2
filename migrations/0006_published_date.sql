-- The calendar date of publication as the article gives it, in the publisher's own time zone
-- (`YYYY-MM-DD`), beside the UTC instant `published_at`: a page published on the evening of
-- 24 February in New York is of the 24th, though `published_at` is on the 25th. Listings,
-- exports, `--since`/`--until` and the date tokens of the full-text indexes use it.
--
-- Stored articles get it from the date they gave (newsclaims_calendar_date() is
-- src/ingest/date.rs, registered on the connection that migrates), else from `published_at`.

ALTER TABLE articles ADD COLUMN published_date TEXT;
UPDATE articles SET published_date = coalesce(newsclaims_calendar_date(published_raw),
                                              substr(published_at, 1, 10));
CREATE INDEX articles_published_date ON articles(published_date);

-- `period` (migration 0002) is generated from published_date now. A generated column cannot
-- be altered: the triggers that read it go, it is made again, they come back.
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
ALTER TABLE articles DROP COLUMN period;
ALTER TABLE articles ADD COLUMN period TEXT GENERATED ALWAYS AS (
    CASE WHEN published_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN
        'y' || substr(published_date, 1, 4)
        || ' m' || substr(published_date, 1, 4) || substr(published_date, 6, 2)
        || ' d' || substr(published_date, 1, 4) || substr(published_date, 6, 2)
        || substr(published_date, 9, 2)
    ELSE '' END
) VIRTUAL;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, period)
    VALUES ('delete', old.id, old.title, old.body, old.period);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body, published_date ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body, period)
    VALUES ('delete', old.id, old.title, old.body, old.period);
    INSERT INTO articles_fts (rowid, title, body, period)
    VALUES (new.id, new.title, new.body, new.period);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- Quotes and claims copy their article's period; their triggers reindex the rows that change.
UPDATE claims SET period = (SELECT period FROM articles a WHERE a.id = claims.article_id)
 WHERE period IS NOT (SELECT period FROM articles a WHERE a.id = claims.article_id);
UPDATE quotes SET period = (SELECT period FROM articles a WHERE a.id = quotes.article_id)
 WHERE period IS NOT (SELECT period FROM articles a WHERE a.id = quotes.article_id);
