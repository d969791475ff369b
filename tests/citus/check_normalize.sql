-- Normalization in SELECT, WHERE, GROUP BY and through an expression index.
SELECT id, md5(arabic_normalize(raw)), md5(arabic_normalize(raw, 'display'))
FROM articles_raw ORDER BY id;
SELECT count(*) FROM articles_raw WHERE arabic_normalize(raw) LIKE '%' || arabic_normalize('المسئولين') || '%';
SELECT arabic_normalize(w) AS form, count(*), count(DISTINCT w)
FROM (SELECT (regexp_matches(title, '[ء-ي]+', 'g'))[1] AS w FROM articles) t
GROUP BY 1 HAVING count(DISTINCT w) > 1 ORDER BY 2 DESC, 1 LIMIT 100;
SET enable_seqscan = off;
SELECT id FROM articles WHERE arabic_normalize(title) = (SELECT arabic_normalize(title) FROM articles WHERE id = 1001)
ORDER BY id;
