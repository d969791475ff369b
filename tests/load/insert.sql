-- pgbench: insert a raw article (a sample with a unique last line), parsed
-- and indexed through the generated tsvector column.
\set n random(1, :samples)
INSERT INTO load_articles (client, raw, parsed)
SELECT :client_id, r, arabic_parse_article(r)
FROM (SELECT s.raw || E'\n' || :client_id || '-' || random() AS r FROM articles s WHERE s.id = :n) AS x;
