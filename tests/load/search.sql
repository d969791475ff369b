-- pgbench: a ranked search with highlighted snippets.
\set w random(1, 8)
SELECT id, ts_headline('pg_arabic', raw, q, 'MaxFragments=1')
FROM load_articles, websearch_to_tsquery('pg_arabic',
	(ARRAY['المستشفى', 'الوزير', 'أسعار الوقود', 'الأمطار', 'المدارس', 'مسئول', 'كأس', 'النفط'])[:w]) AS q
WHERE tsv @@ q
ORDER BY ts_rank_cd(tsv, q) DESC
LIMIT 5;
