-- pgbench: date parsing and normalization of a sample.
\set n random(1, :samples)
SELECT arabic_parse_date(raw), (SELECT count(*) FROM arabic_find_dates(raw)), length(arabic_normalize(raw))
FROM articles WHERE id = :n;
