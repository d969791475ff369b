-- A distributed UPDATE cannot call a STABLE function with column references
-- (the one-argument arabic_parse_article); the two-argument form with the
-- rules as a value can; so can a BM25 score.  Same result on both sides.
UPDATE articles a SET title = (arabic_parse_article(r.raw, arabic_article_rules())).title || ' *'
FROM articles_raw r WHERE r.id = a.id AND a.id % 100 = 7;
SELECT id, title FROM articles WHERE title LIKE '% *' ORDER BY id;
UPDATE articles a SET title = (arabic_parse_article(r.raw, arabic_article_rules())).title
FROM articles_raw r WHERE r.id = a.id AND a.title LIKE '% *';
SELECT count(*) FROM articles WHERE title LIKE '% *';
-- BM25 scores stored by an UPDATE: on Citus arabic_bm25_prepare (STABLE, no
-- column) is evaluated once on the coordinator, the score on the shards.
ALTER TABLE articles ADD COLUMN score float8;
\if :citus
UPDATE articles SET score = arabic_bm25(tsv, arabic_bm25_prepare('articles', 'tsv', arabic_bm25_query('pg_arabic', 'وزارة الصحة')))
WHERE tsv @@ arabic_bm25_query('pg_arabic', 'وزارة الصحة');
\else
UPDATE articles SET score = arabic_bm25(tsv, arabic_bm25_query('pg_arabic', 'وزارة الصحة'), 'articles', 'tsv')
WHERE tsv @@ arabic_bm25_query('pg_arabic', 'وزارة الصحة');
\endif
SELECT id, score FROM articles WHERE score IS NOT NULL ORDER BY id;
ALTER TABLE articles DROP COLUMN score;
