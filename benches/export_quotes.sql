-- The sqlite3 floor for `newsclaims export quotes`: the same columns, joins and row order.
SELECT x.id AS id, a.origin AS origin, substr(a.published_at, 1, 10) AS date,
       a.published_at AS published_at, src.name AS source, a.title AS title, a.url AS url,
       sp.name AS speaker, x.speaker_role AS speaker_role, sp.kind AS speaker_kind,
       x.cue AS cue, x.text AS text, c.kind AS kind, x.claim_id AS claim_id,
       x.paragraph AS paragraph, x.start AS start, x."end" AS "end",
       round(x.confidence, 3) AS confidence, x.article_id AS article_id,
       x.speaker_id AS speaker_id
FROM quotes x
JOIN articles a ON a.id = x.article_id
LEFT JOIN sources src ON src.id = a.source_id
JOIN speakers sp ON sp.id = x.speaker_id
LEFT JOIN claims c ON c.id = x.claim_id
ORDER BY x.id;
