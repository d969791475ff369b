-- The 120 queries of tests/bench/bm25_index.sh: 30 each of 1, 2, 3-4 and
-- 5-8 words, cut from titles(title) (SaudiNewsNet) and questions(question)
-- (the qa-retrieval sets): 20 titles and 10 questions per length, or 30
-- titles when there are no questions.  Only letters are kept; the order is
-- random with a fixed seed, and each length takes other titles (offsets).
SET client_min_messages = warning;
DROP TABLE IF EXISTS pool, queries;
SELECT setseed(0.12) \gset
CREATE TABLE pool AS
SELECT src, text, random() AS r,
       regexp_split_to_array(btrim(regexp_replace(text, '[^[:alpha:][:space:]]', ' ', 'g')), '\s+') AS w
FROM (SELECT 'title' AS src, title AS text FROM (SELECT DISTINCT title FROM titles ORDER BY 1) t
      UNION ALL
      SELECT 'question', question FROM (SELECT DISTINCT question FROM questions ORDER BY 1) q) x;
SELECT (count(*) > 0) AS have_questions FROM questions \gset
CREATE TABLE queries (qid int, bucket text, src text, words text);
INSERT INTO queries
SELECT row_number() OVER (ORDER BY spec.bucket, share.src DESC, p.r), spec.bucket, share.src,
       CASE spec.bucket
	   -- one word: the longest of the text (a name or a rare noun more often than a particle)
	   WHEN '1' THEN (SELECT x FROM unnest(p.w) x ORDER BY length(x) DESC, x LIMIT 1)
	   WHEN '2' THEN array_to_string(p.w[2:3], ' ')
	   WHEN '3-4' THEN array_to_string(p.w[1:3 + (length(p.text) % 2)], ' ')
	   ELSE array_to_string(p.w[1:5 + (length(p.text) % 4)], ' ') END
FROM (VALUES ('1', 3, 0), ('2', 4, 30), ('3-4', 5, 60), ('5-8', 9, 90)) spec(bucket, min_words, skip),
     (VALUES ('title', CASE WHEN :'have_questions'::bool THEN 20 ELSE 30 END),
             ('question', CASE WHEN :'have_questions'::bool THEN 10 ELSE 0 END)) share(src, n),
     LATERAL (SELECT * FROM pool WHERE pool.src = share.src AND cardinality(pool.w) >= spec.min_words
              ORDER BY pool.r OFFSET spec.skip LIMIT share.n) p;
SELECT bucket, src, count(*) AS queries, min(words) AS example FROM queries GROUP BY bucket, src ORDER BY bucket, src DESC;
