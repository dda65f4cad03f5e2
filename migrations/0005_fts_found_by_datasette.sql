-- The full-text indexes of migrations 0002 and 0003 again, with one thing changed: their
-- external content is spelled `content="quotes"`. Datasette and sqlite-utils find a table's
-- full-text index by that exact text in the index's CREATE statement
-- (`sql LIKE '%VIRTUAL TABLE%USING FTS%content="quotes"%'`, or `content=[quotes]`); spelled
-- `content = 'quotes'`, the archive opened in them with no search at all.
--
-- Columns, tokenizers and settings are those of 0002 and 0003. The triggers of 0002 name the
-- indexes, not their definitions, and stay as they are; the writer indexes inserts itself.

DROP TABLE quotes_fts;
DROP TABLE claims_fts;
DROP TABLE articles_fts;
DROP TABLE speakers_fts;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, period, content="quotes", content_rowid="id",
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    content, period, content="claims", content_rowid="id",
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, period, content="articles", content_rowid="id",
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Keys hold letters, digits, `'`, `-` and single spaces: with `'` and `-` as word characters,
-- the index's words are exactly the key's space-separated words.
CREATE VIRTUAL TABLE speakers_fts USING fts5(
    key, content="speakers", content_rowid="id",
    tokenize = "unicode61 remove_diacritics 0 tokenchars '''-'"
);

-- The settings first (0003 says why), so that the rebuilds below write few, large segments.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO speakers_fts (speakers_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO claims_fts (claims_fts, rank) VALUES ('automerge', 16);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 16);
INSERT INTO speakers_fts (speakers_fts, rank) VALUES ('automerge', 16);

INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO speakers_fts (speakers_fts) VALUES ('rebuild');
