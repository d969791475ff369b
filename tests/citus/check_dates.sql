-- Dates: every date found in every article, parsed datelines, published.
SELECT r.id, d.* FROM articles_raw r, LATERAL arabic_find_dates(r.raw) d ORDER BY 1, 2, 3, 4;
SELECT id, dateline, arabic_parse_date(dateline), published FROM articles
WHERE dateline IS NOT NULL OR published IS NOT NULL ORDER BY id;
SELECT date_trunc('month', published) AS month, count(*) FROM articles GROUP BY 1 ORDER BY 1;
