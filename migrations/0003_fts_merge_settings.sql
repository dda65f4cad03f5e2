-- How the full-text indexes grow during an ingest. Each batch adds one segment to each index,
-- and FTS5 merges segments as they pile up; at its defaults, it flushed a batch's terms in 1 MB
-- pieces (two or three segments a batch) and merged every 4 segments of a level, so every
-- indexed word was rewritten once more each time the archive grew fourfold.
-- hashsize: a batch's terms go to disk as one segment (memory stays bounded by the batch).
-- automerge: merge 16 segments of a level at a time: each word is rewritten half as often as
-- at 4, for a few more segments for a search to visit.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO claims_fts (claims_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO speakers_fts (speakers_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
INSERT INTO claims_fts (claims_fts, rank) VALUES ('automerge', 16);
INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('automerge', 16);
INSERT INTO speakers_fts (speakers_fts, rank) VALUES ('automerge', 16);
