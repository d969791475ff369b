-- The pg_arabic configuration: to_tsvector, queries, ranking, headlines,
-- GIN index and generated column; the anchors' failures as cases.
SET client_encoding = 'UTF8';
-- Invisible characters shown as <U+XXXX>: psql 15 and 17 pad them differently.
CREATE FUNCTION pg_temp.visible(s text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN (SELECT coalesce(string_agg(CASE WHEN c ~ E'[\u00A0\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]'
        THEN '<U+' || upper(lpad(to_hex(ascii(c)), 4, '0')) || '>' ELSE c END, '' ORDER BY n), '')
        FROM regexp_split_to_table(s, '') WITH ORDINALITY AS t(c, n));

-- What the built-in arabic configuration and Lucene get wrong, now right.
SELECT label, q, pg_temp.visible(d) AS d, to_tsvector('pg_arabic', d) @@ plainto_tsquery('pg_arabic', q) AS matches
FROM (VALUES
  ('hamza carriers', 'مسؤول', 'قال مسئول في الوزارة'),
  ('hamza carriers', 'شئون', 'وزارة الشؤون الإسلامية'),
  ('alef maqsura', 'مستشفي', 'نقل إلى المستشفى'),
  ('stacked proclitics', 'المعلمون', 'والمعلمون في المدارس'),
  ('stacked proclitics', 'طلاب', 'وللطلاب حق'),
  ('query and document stem alike', 'قرارات', 'صدرت القرارات أمس'),
  ('pronoun suffix', 'كتاب', 'كتابهم الجديد'),
  ('future prefix', 'يعلن', 'وسيعلن الوزير'),
  ('Persian letters', 'ايران', 'زيارة إلى ایران'),
  ('Persian digits', '2025', 'في عام ۲۰۲۵'),
  ('Arabic-Indic digits', '٢٠٢٥', 'في عام 2025'),
  ('presentation forms', 'الحكومة', 'ﺍﻟﺤﻜﻮﻣﺔ تعلن'),
  ('invisible marks', 'مرحبا', E'مر\u200Cحبا\u200F بكم'),
  ('tatweel and harakat', 'عاجل', 'عاجـــلٌ'),
  ('hashtag', 'غزة', 'تضامنا مع #غزة'),
  ('name not over-stemmed', 'بايدن', 'قال بايدن'),
  ('name kept apart', 'بايد', 'قال بايدن'),
  ('Latin not stemmed', 'hamas', 'Hama city')
) AS t(label, q, d)
ORDER BY label, q;

-- Stopwords are matched after normalization; كوفيد-19 keeps a positive number.
SELECT to_tsvector('pg_arabic', 'أيضاً وفي فإن عليكم كوفيد-19') AS vector;
SELECT to_tsquery('pg_arabic', 'وزير') AS two_readings, to_tsquery('pg_arabic', 'الوزير') AS one_reading;

-- A table of articles searched the recommended way.
CREATE TABLE news (id int PRIMARY KEY, title text, body text,
                   tsv tsvector GENERATED ALWAYS AS (to_tsvector('pg_arabic', title || ' ' || body)) STORED);
INSERT INTO news (id, title, body) VALUES
 (1, 'وزير المالية يعلن الموازنة', 'أعلن وزيرُ المالية اليوم عن موازنة جديدة للعام ٢٠٢٥، وقال إن القرارات الاقتصادية ستدعم المستشفيات.'),
 (2, 'افتتاح مستشفى جديد', 'افتتحت الحكومة مستشفى جديداً في القاهرة بتكلفة ٣٫٥ مليار جنيه، وقال مسئول إن المستشفى يخدم مليون مواطن.'),
 (3, 'مباراة القمة', 'فاز الفريق الأهلي على الزمالك بهدفين، وسيلعب الفريق مباراته القادمة الأسبوع المقبل.'),
 (4, 'Reuters: oil prices', 'ارتفعت أسعار النفط، بحسب Reuters، إلى ٨٥ دولاراً للبرميل.');
CREATE INDEX news_tsv ON news USING gin (tsv);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id FROM news WHERE tsv @@ websearch_to_tsquery('pg_arabic', 'المستشفيات');
SELECT id FROM news WHERE tsv @@ websearch_to_tsquery('pg_arabic', 'المستشفيات') ORDER BY id;
RESET enable_seqscan;
SELECT id, round(ts_rank(tsv, q)::numeric, 4) AS rank, round(ts_rank_cd(tsv, q)::numeric, 4) AS rank_cd
FROM news, websearch_to_tsquery('pg_arabic', 'وزير المالية والقرارات') q
WHERE tsv @@ q ORDER BY rank DESC, id;
SELECT id FROM news WHERE tsv @@ websearch_to_tsquery('pg_arabic', '"وزير المالية" -مباراة') ORDER BY id;
SELECT id FROM news WHERE tsv @@ websearch_to_tsquery('pg_arabic', 'مسؤول OR الفريق') ORDER BY id;
SELECT id FROM news WHERE tsv @@ plainto_tsquery('pg_arabic', 'reuters النفط') ORDER BY id;
SELECT id FROM news WHERE tsv @@ phraseto_tsquery('pg_arabic', 'مستشفى جديد') ORDER BY id;

-- Possessive and prepositional forms meet the plain word: حكومتها (its
-- government, ة written ت), بحكومة (with a government), لحكومته.
SELECT w, to_tsvector('pg_arabic', w) @@ to_tsquery('pg_arabic', 'الحكومة') AS finds_the_government
FROM unnest(ARRAY['حكومتها', 'بحكومة', 'لحكومته', 'وبحكومتهم', 'حكومات', 'حكم']) w;

-- Headlines show the original words, diacritics included.
SELECT id, ts_headline('pg_arabic', body, websearch_to_tsquery('pg_arabic', 'وزير المستشفيات'),
                       'MaxWords=12, MinWords=4') AS headline
FROM news WHERE id IN (1, 2) ORDER BY id;
SELECT ts_headline('pg_arabic', 'زوروا https://www.alkhabar.example/news/غزة لمتابعة أخبار #غزة',
                   to_tsquery('pg_arabic', 'غزة')) AS keeps_url;
DROP TABLE news;

-- Bad and extreme input.
SELECT to_tsvector('pg_arabic', '') AS empty, to_tsvector('pg_arabic', E'\u064B\u0651 \u200F\u200E') AS marks_and_controls;
SELECT length(to_tsvector('pg_arabic', repeat('بب', 1100) || ' كلمة')) AS too_long_word_dropped;
SELECT length(to_tsvector('pg_arabic', repeat('ب', 1000000))) AS one_mb_word;
SELECT length(to_tsvector('pg_arabic', repeat('كلمة ', 200000))) AS repeated_words;
SELECT to_tsvector('pg_arabic', E'عربي\u00A0English\u3000中文\u2009Русский') AS mixed_scripts;
SELECT websearch_to_tsquery('pg_arabic', 'في من على') AS only_stopwords;
