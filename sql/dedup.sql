-- Near-duplicate articles: shingles, exact Jaccard, MinHash signatures,
-- LSH bands, the recommended table layout and its queries, bad input.
SET client_encoding = 'UTF8';

-- shingle counts: 5-word shingles; fewer words make one shingle; no words, none
SELECT n, k, cardinality(arabic_shingles(t, k)) AS shingles
FROM (VALUES (1, 'ذهب الولد إلى المدرسة صباحا اليوم', 5),
             (2, 'ذهب الولد إلى المدرسة صباحا', 5),
             (3, 'ذهب الولد إلى', 5),
             (4, 'ذهب الولد إلى المدرسة صباحا اليوم', 1),
             (5, 'خبر خبر خبر خبر خبر خبر خبر خبر', 5),
             (6, '', 5),
             (7, '، . ! ؟ -- ...', 5),
             (8, E'\u200F \u0640', 5)) AS v(n, t, k)
ORDER BY n;

-- the default shingle size is 5, and the hashes are fixed
SELECT arabic_shingles('واحد اثنان ثلاثة أربعة خمسة ستة') AS shingles;

-- exact Jaccard over search-normalized shingles
SELECT n, round(arabic_jaccard(a, b)::numeric, 4) AS jaccard
FROM (VALUES
  (1, 'واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة',
      'واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة'),
  -- diacritics, tatweel, hamza forms and punctuation are folded: 1
  (2, 'قَالَ الرئيسُ إنّ المسؤولية مشتركة، والعمل مستمر',
      E'قال الرئي\u0640س ان المسئولية مشتركة والعمل مستمر!'),
  -- the last word differs: 5 of 7 distinct shingles shared
  (3, 'واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة',
      'واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة مئة'),
  -- short texts are one shingle: equal or not
  (4, 'ذهب الولد', 'ذهب الولد'),
  (5, 'ذهب الولد', 'ذهب البنت'),
  (6, 'ذهب الولد', 'ذهب الولد إلى المدرسة صباحا'),
  -- a text without words is a near-duplicate of nothing, even another one
  (7, '', ''),
  (8, '', 'كلمة'),
  -- one repeated word: a single shingle, whatever the count
  (9, 'خبر خبر خبر خبر خبر خبر خبر', 'خبر خبر خبر خبر خبر')) AS v(n, a, b)
ORDER BY n;

SELECT arabic_jaccard('a b c d', 'd c b a', 1) AS k1, arabic_jaccard('a b c d', 'd c b a', 2) AS k2;

-- signatures: 12-byte header ("MH", version 1, shingle size, permutations,
-- flags, seed) and 4 bytes a permutation
SELECT octet_length(s) AS bytes, substr(encode(s, 'hex'), 1, 24) AS header
FROM (VALUES (1, arabic_minhash('واحد اثنان ثلاثة أربعة خمسة ستة')),
             (2, arabic_minhash('واحد اثنان ثلاثة أربعة خمسة ستة', 3, 16)),
             (3, arabic_minhash(''))) AS v(n, s)
ORDER BY n;

SELECT arabic_minhash('واحد اثنان ثلاثة أربعة خمسة ستة', 5, 4) AS pinned;

-- the estimate follows the exact value
WITH t(a, b) AS (VALUES (
  'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمائة سرير، '
  'ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب، وأكد الوزير أن '
  'المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية خلال العام المقبل',
  'أعلنت وزارة الصحة أمس عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمائة سرير، '
  'ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب، وأكد الوزير أن '
  'المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المنطقة الغربية'))
SELECT round(arabic_jaccard(a, b)::numeric, 3) AS exact,
       round(arabic_minhash_similarity(arabic_minhash(a), arabic_minhash(b))::numeric, 3) AS estimate,
       round(arabic_minhash_similarity(arabic_minhash(a, 5, 1024), arabic_minhash(b, 5, 1024))::numeric, 3) AS estimate_1024,
       arabic_minhash_bands(arabic_minhash(a)) && arabic_minhash_bands(arabic_minhash(b)) AS candidates
FROM t;

SELECT arabic_minhash_similarity(arabic_minhash('ذهب الولد'), arabic_minhash('ذهب الولد')) AS same_short,
       arabic_minhash_similarity(arabic_minhash(''), arabic_minhash('')) AS both_empty,
       arabic_minhash_similarity(arabic_minhash('خبر خبر خبر خبر خبر خبر'),
                                 arabic_minhash('خبر خبر خبر خبر خبر')) AS repeated_word;

-- bands: 128 / 3 = 42 by default; none for a text without words
SELECT cardinality(arabic_minhash_bands(arabic_minhash('ذهب الولد'))) AS default_rows,
       cardinality(arabic_minhash_bands(arabic_minhash('ذهب الولد'), 4)) AS rows_4,
       cardinality(arabic_minhash_bands(arabic_minhash('ذهب الولد'), 128)) AS rows_128,
       arabic_minhash_bands(arabic_minhash('')) AS empty,
       arabic_minhash_bands(arabic_minhash('ذهب الولد')) && arabic_minhash_bands(arabic_minhash('ذهب البنت')) AS unrelated;

-- every function is IMMUTABLE, STRICT and PARALLEL SAFE
SELECT p.oid::regprocedure AS function, provolatile, proisstrict, proparallel
FROM pg_proc p
WHERE proname IN ('arabic_shingles', 'arabic_jaccard', 'arabic_minhash',
                  'arabic_minhash_similarity', 'arabic_minhash_bands')
ORDER BY 1::text;

-- the recommended layout: a stored signature and a GIN index over its bands
CREATE TABLE dedup_news (
	id int PRIMARY KEY,
	body text NOT NULL,
	sig bytea GENERATED ALWAYS AS (arabic_minhash(body)) STORED
);
CREATE INDEX dedup_news_bands ON dedup_news USING gin (arabic_minhash_bands(sig));

INSERT INTO dedup_news (id, body) VALUES
 (1, 'أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمائة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب'),
 (2, 'أعلنت وزارة الصحة أمس عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمائة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب'),
 (3, 'أَعلنت وزارة الصحة أمس عن افتتاح مستشفى جديد في مدينة جدة بسعة خمسمائة سرير، ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب والأعصاب'),
 (4, 'فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الدوري التي أقيمت مساء الجمعة على ملعب الملك فهد الدولي في الرياض'),
 (5, 'فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الدوري التي أقيمت مساء الجمعة على ملعب الملك فهد في الرياض'),
 (6, 'ارتفعت أسعار النفط في التعاملات الآسيوية اليوم مع تراجع المخزونات الأمريكية'),
 (7, ''),
 (8, '');

-- near-duplicates of one article: the index gives candidates; an estimate
-- >= 0.8 accepts, < 0.3 rejects, the exact Jaccard decides the rest
SET enable_seqscan = off;
EXPLAIN (COSTS OFF)
SELECT d.id FROM dedup_news a JOIN dedup_news d
  ON arabic_minhash_bands(d.sig) && arabic_minhash_bands(a.sig) AND d.id <> a.id
WHERE a.id = 1;
RESET enable_seqscan;

SELECT d.id, round(arabic_jaccard(a.body, d.body)::numeric, 3) AS jaccard
FROM dedup_news a JOIN dedup_news d
  ON arabic_minhash_bands(d.sig) && arabic_minhash_bands(a.sig) AND d.id <> a.id
WHERE a.id = 1
  AND (arabic_minhash_similarity(a.sig, d.sig) >= 0.8
       OR (arabic_minhash_similarity(a.sig, d.sig) >= 0.3
           AND arabic_jaccard(a.body, d.body) >= 0.5))
ORDER BY jaccard DESC, d.id;

-- all near-duplicate pairs of the table
CREATE VIEW dedup_pairs AS
SELECT a.id AS a, b.id AS b
FROM dedup_news a JOIN dedup_news b
  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id
WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.8
   OR (arabic_minhash_similarity(a.sig, b.sig) >= 0.3
       AND arabic_jaccard(a.body, b.body) >= 0.5);

SELECT a, b FROM dedup_pairs ORDER BY a, b;

-- stories: connected components of the pairs, named by their smallest id
WITH RECURSIVE edge AS (
  SELECT a, b FROM dedup_pairs UNION ALL SELECT b, a FROM dedup_pairs
), reach(id, other) AS (
  SELECT a, a FROM edge
  UNION
  SELECT r.id, e.b FROM reach r JOIN edge e ON e.a = r.other
)
SELECT min(other) AS story, id FROM reach GROUP BY id ORDER BY story, id;

DROP VIEW dedup_pairs;
DROP TABLE dedup_news;

-- bad input: NULLs (STRICT)
SELECT arabic_jaccard(NULL, 'a') IS NULL AS j, arabic_shingles(NULL) IS NULL AS s,
       arabic_minhash(NULL) IS NULL AS m, arabic_minhash('a', NULL) IS NULL AS m2,
       arabic_minhash_similarity(NULL, arabic_minhash('a')) IS NULL AS e,
       arabic_minhash_bands(NULL) IS NULL AS b;

-- bad input: parameters out of range
SELECT arabic_shingles('a b c', 0);
SELECT arabic_jaccard('a', 'b', 33);
SELECT arabic_minhash('a', 5, 0);
SELECT arabic_minhash('a', 5, 1025);
SELECT arabic_minhash_bands(arabic_minhash('a'), 0);
SELECT arabic_minhash_bands(arabic_minhash('a', 5, 16), 17);

-- bad input: signatures that cannot be compared, and bytes that are none
SELECT arabic_minhash_similarity(arabic_minhash('a b c'), arabic_minhash('a b c', 5, 256));
SELECT arabic_minhash_similarity(arabic_minhash('a b c'), arabic_minhash('a b c', 3));
SELECT arabic_minhash_similarity(arabic_minhash('a b c'), set_byte(arabic_minhash('a b c'), 8, 0));
SELECT arabic_minhash_similarity(arabic_minhash('a b c'), '\x00'::bytea);
SELECT arabic_minhash_similarity(arabic_minhash('a b c'), substr(arabic_minhash('a b c'), 1, 100));
SELECT arabic_minhash_bands(set_byte(arabic_minhash('a b c'), 2, 9));

-- a 50 MB value: a repeated sentence has 10 distinct shingles (6 inside the
-- sentence, 4 across its repetitions); one repeated word has one
CREATE TEMP TABLE big AS
SELECT repeat('قال المتحدث إن الاجتماع سيعقد غدا في الرياض بحضور الوزراء. ', 490000) AS t;
SELECT octet_length(t) > 50000000 AS over_50mb, cardinality(arabic_shingles(t)) AS shingles,
       arabic_jaccard(t, 'قال المتحدث إن الاجتماع سيعقد غدا في الرياض بحضور الوزراء') AS jaccard,
       arabic_minhash_similarity(arabic_minhash(t), arabic_minhash(t || ' ')) AS self
FROM big;
SELECT arabic_jaccard(repeat('خبر ', 13000000), 'خبر خبر خبر خبر خبر') AS one_word;

-- long values are shingled in chunks with interrupt checks: a timeout cancels
SET statement_timeout = '50ms';
SELECT length(arabic_minhash(t)) FROM big;
RESET statement_timeout;
