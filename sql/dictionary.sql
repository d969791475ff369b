-- pg_arabic_stem: normalization, stopwords and light stemming, per option.
SET client_encoding = 'UTF8';
-- Invisible characters shown as <U+XXXX>: psql 15 and 17 pad them differently.
CREATE FUNCTION pg_temp.visible(s text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN (SELECT coalesce(string_agg(CASE WHEN c ~ E'[\u00A0\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]'
        THEN '<U+' || upper(lpad(to_hex(ascii(c)), 4, '0')) || '>' ELSE c END, '' ORDER BY n), '')
        FROM regexp_split_to_table(s, '') WITH ORDINALITY AS t(c, n));

SELECT pg_temp.visible(w) AS w, ts_lexize('pg_arabic_stem', w) AS lexemes
FROM (VALUES ('والمعلمون'), ('المعلم'), ('للطلاب'), ('وللطلاب'), ('بالمدرسة'), ('القرارات'),
             ('قرارات'), ('وقال'), ('سيعلن'), ('كتابهم'), ('مدرستها'), ('رسمياً'), ('الرسمية'),
             ('مسئول'), ('مسؤول'), ('مستشفى'), ('مستشفي'), ('ﺍﻟﻤﺴﺘﺸﻔﻰ'), (E'المستشفـــى\u200F'),
             ('بايدن'), ('لبنان'), ('عليكم'), ('في'), ('وفي'), ('فإن'), ('أيضاً'), ('ایران'),
             ('۲۰۲۵'), ('٢٠٢٥'), ('Reuters'), ('ÉCOLE'), ('#غزة'), (E'\u064B\u0651'), ('الله')) AS t(w)
ORDER BY t.w;

-- Options, each combination through ALTER TEXT SEARCH DICTIONARY.
CREATE TEXT SEARCH DICTIONARY test_ar (TEMPLATE = pg_arabic_stem);
SELECT ts_lexize('test_ar', 'في') AS no_stopwords, ts_lexize('test_ar', 'والمعلمون') AS stemmed;
ALTER TEXT SEARCH DICTIONARY test_ar (StopWords = pg_arabic);
SELECT ts_lexize('test_ar', 'في') AS stopword, ts_lexize('test_ar', 'والمعلمون') AS stemmed;
ALTER TEXT SEARCH DICTIONARY test_ar (Stemming = false);
SELECT ts_lexize('test_ar', 'في') AS stopword, ts_lexize('test_ar', 'والمعلمون') AS unstemmed;
ALTER TEXT SEARCH DICTIONARY test_ar (Stemming = true, Normalization = 'search -hamza');
SELECT ts_lexize('test_ar', 'مسئول') AS hamza_kept, ts_lexize('test_ar', 'المسئولين') AS stemmed;
ALTER TEXT SEARCH DICTIONARY test_ar (Stemming = off, Normalization = 'display');
SELECT ts_lexize('test_ar', 'مُسْتَشْفَى') AS display_form;
ALTER TEXT SEARCH DICTIONARY test_ar (Stemming);
SELECT ts_lexize('test_ar', 'المستشفيات') AS stemming_bare_true;

-- Bad options.
ALTER TEXT SEARCH DICTIONARY test_ar (StopWord = pg_arabic);
CREATE TEXT SEARCH DICTIONARY test_dup (TEMPLATE = pg_arabic_stem, StopWords = pg_arabic, StopWords = pg_arabic);
CREATE TEXT SEARCH DICTIONARY test_dup (TEMPLATE = pg_arabic_stem, Stemming = true, Stemming = false);
ALTER TEXT SEARCH DICTIONARY test_ar (Stemming = maybe);
ALTER TEXT SEARCH DICTIONARY test_ar (Normalization = 'serch');
CREATE TEXT SEARCH DICTIONARY test_dup (TEMPLATE = pg_arabic_stem, Normalization = 'search', Normalization = 'display');
ALTER TEXT SEARCH DICTIONARY test_ar (StopWords = no_such_list);
ALTER TEXT SEARCH DICTIONARY test_ar (StopWords = '../../../etc/passwd');
DROP TEXT SEARCH DICTIONARY test_ar;

-- Long tokens: normalized beyond the scratch buffer, no limit in lexize.
SELECT length((ts_lexize('pg_arabic_stem', repeat('بَ', 5000)))[1]) AS long_token;
SELECT length((ts_lexize('pg_arabic_stem', repeat('ﷺ', 3000)))[1]) AS widest_long_token;
