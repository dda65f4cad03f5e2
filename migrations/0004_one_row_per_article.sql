-- One row per article, however many inputs gave it. The same article saved twice, or read from
-- a saved page and from a feed, was stored twice and its quotes counted twice everywhere.
--
-- An input is the article already stored when its URL names the same page (`url_key`: no
-- scheme, `www.`, fragment, trailing slash or tracking parameters) or its title and body are the
-- same text (`text_digest`; none for bodies too short to tell articles apart).
-- Each other input that gave an article is kept in `article_origins` with the hash of what it
-- held, so that reading it again says "unchanged".
--
-- newsclaims_url_key() and newsclaims_text_digest() are src/identity.rs, registered on the
-- connection that migrates.

ALTER TABLE articles ADD COLUMN url_key TEXT;
ALTER TABLE articles ADD COLUMN text_digest TEXT;
UPDATE articles SET url_key = newsclaims_url_key(url), text_digest = newsclaims_text_digest(title, body);
CREATE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_text_digest ON articles(text_digest) WHERE text_digest IS NOT NULL;

CREATE TABLE article_origins (
    origin       TEXT PRIMARY KEY,           -- another path, URL or id that gave the article
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    content_hash TEXT NOT NULL,              -- of what that input held, as articles.content_hash
    seen_at      TEXT NOT NULL
);
CREATE INDEX article_origins_article_id ON article_origins(article_id);

-- Duplicates stored before: each becomes an origin of the copy with the most text (the earliest
-- of equals), and its row goes with its quotes and claims (that copy has them, or more).
CREATE TEMP TABLE duplicate_of AS
SELECT a.id AS id,
    (SELECT b.id FROM articles b
     WHERE b.url_key = a.url_key OR b.text_digest = a.text_digest
     ORDER BY length(b.body) DESC, b.id LIMIT 1) AS keep
FROM articles a
WHERE a.url_key IS NOT NULL OR a.text_digest IS NOT NULL;
DELETE FROM duplicate_of WHERE keep = id;
-- A copy of a copy (the same URL as one, the same text as another) goes to the last of the
-- chain: each step goes to more text or, with as much, an earlier row, so the chain ends.
CREATE TEMP TABLE duplicate_root AS
WITH RECURSIVE chain(id, keep, depth) AS (
    SELECT id, keep, 0 FROM duplicate_of
    UNION ALL
    SELECT chain.id, d.keep, chain.depth + 1 FROM chain JOIN duplicate_of d ON d.id = chain.keep
)
SELECT id, keep FROM chain c
WHERE depth = (SELECT max(depth) FROM chain last WHERE last.id = c.id);
INSERT INTO article_origins (origin, article_id, content_hash, seen_at)
SELECT a.origin, d.keep, a.content_hash, a.updated_at
FROM articles a JOIN duplicate_root d ON d.id = a.id;
DELETE FROM articles WHERE id IN (SELECT id FROM duplicate_root);
DROP TABLE duplicate_of;
DROP TABLE duplicate_root;
