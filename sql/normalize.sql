-- arabic_normalize: every rule, both forms, the listings, bad input.
SET client_encoding = 'UTF8';

-- What the forms do, rule by rule.
SELECT rule, search, display FROM arabic_normalize_rules() ORDER BY rule;
SELECT form, rules FROM arabic_normalize_forms() ORDER BY form;
SELECT count(*) AS described FROM arabic_normalize_rules() WHERE length(description) > 20;

-- One input per rule, under both forms.
CREATE TABLE norm_cases (rule text, input text);
INSERT INTO norm_cases VALUES
  ('presentation', 'ﺍﻟﺤﻜﻮﻣﺔ ﻻ ﻷ ﷲ'),
  ('presentation ﷺ', 'ﷺ'),
  ('compose', E'ا\u0654 و\u0654 ي\u0654 ا\u0653 ا\u0655'),
  ('tatweel', 'عاجـــل الـرئيس'),
  ('invisible', E'\u200Fمر\u200Cحبا\u200E \uFEFFخبر \u061Cعام \u202Bنص\u202C \u2067نص\u2069 كو\u00ADفيد'),
  ('spaces', E'  أ\u00A0\u00A0 ب\u2009ج\u3000 \t د  '),
  ('linebreaks', E'سطر\r\n\r\n\u00A0\r\nسطر ثان\u2028ثالث'),
  ('harakat', 'مُحَمَّدٌ الرَّحْمَٰنِ'),
  ('alef', 'أحمد إيمان آمال ٱلله'),
  ('alef_maqsura', 'مستشفى على'),
  ('teh_marbuta', 'مدرسة الحكومة'),
  ('hamza', 'مسئول مسؤول شئون شؤون'),
  ('persian', 'کتاب یوم ہ ۀ ھ ے ڤيروس پاریس'),
  ('digits', '٢٠٢٥ ۱۴۴۶ 2025'),
  ('punctuation', 'نعم، لا؛ لماذا؟ ٣٫٥٪ ١٬٢٠٠'),
  ('casefold', 'Reuters COVID-19 ÉCOLE Straße'),
  ('non-Arabic', E'東京 😀 e\u0301 ñ');
SELECT rule,
       arabic_normalize(input) AS search,
       arabic_normalize(input, 'display') AS display
FROM norm_cases ORDER BY rule;

-- The default form is 'search'.
SELECT count(*) AS differ FROM norm_cases
WHERE arabic_normalize(input) <> arabic_normalize(input, 'search');

-- Display keeps what a reader sees.
SELECT arabic_normalize(E'أَحْمَدُ فِي الْمُسْتَشْفَى، ٢٠٢٥ Reuters', 'display') AS display;

-- Rules switched on and off by name.
SELECT arabic_normalize('مسئول في مدرسة', 'search -hamza') AS no_hamza,
       arabic_normalize('مسئول في مدرسة', 'search -hamza, -teh_marbuta') AS two_off,
       arabic_normalize('مُدَرِّسة ٢٠٢٥', 'display +digits') AS display_digits,
       arabic_normalize('مُدَرِّسة ٢٠٢٥', 'harakat') AS only_harakat,
       arabic_normalize('مُدَرِّسة ٢٠٢٥', '+harakat +teh_marbuta') AS signed;

-- Idempotent: f(f(x)) = f(x) for every case and form.
SELECT count(*) AS not_idempotent FROM norm_cases, (VALUES ('search'), ('display')) f(form)
WHERE arabic_normalize(arabic_normalize(input, form), form) <> arabic_normalize(input, form);

-- ... and over the sample articles.
CREATE TABLE samples (name text, b64 text);
\copy samples FROM PROGRAM 'cd tests/samples && for f in *.txt; do printf "%s\t%s\n" "$f" "$(base64 -w0 "$f")"; done'
CREATE TABLE sample_text AS
  SELECT name, convert_from(decode(b64, 'base64'), 'UTF8') AS raw FROM samples;
SELECT count(*) >= 20 AS enough_samples,
       count(*) FILTER (WHERE arabic_normalize(arabic_normalize(raw)) <> arabic_normalize(raw)) AS search_not_idempotent,
       count(*) FILTER (WHERE arabic_normalize(arabic_normalize(raw, 'display'), 'display')
                          <> arabic_normalize(raw, 'display')) AS display_not_idempotent,
       count(*) FILTER (WHERE arabic_normalize(raw) ~ E'[\u064B-\u065F\u0640\u200C-\u200F\uFEFF\u00A0\u0660-\u0669]') AS search_leftovers,
       count(*) FILTER (WHERE arabic_normalize(raw, 'display') ~ E'[\u0640\u200C-\u200F\uFEFF\uFE70-\uFEFC]') AS display_leftovers
FROM sample_text;

-- Equal words compare equal.
SELECT arabic_normalize('المُسْتَشْفَى') = arabic_normalize('المستشفي') AS maqsura,
       arabic_normalize('مسئولية') = arabic_normalize('مسؤولية') AS hamza,
       arabic_normalize('ﺍﻟﻘﺎﻫﺮﺓ') = arabic_normalize('القاهره') AS presentation,
       arabic_normalize(E'إسرا\u200Fئيل') = arabic_normalize('اسرائيل') AS invisible_alef;

-- Volatility and parallel safety as declared.
SELECT p.proname, p.provolatile, p.proparallel, p.proisstrict
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE p.proname LIKE 'arabic_normalize%' ORDER BY p.proname;

-- Bad and extreme input.
SELECT arabic_normalize('') AS empty, arabic_normalize('', 'display') AS empty_display;
SELECT arabic_normalize(E'\u064B\u064C\u0651') AS only_marks,
       arabic_normalize(E'\u200F\u200E\uFEFF\u200B') AS only_invisible,
       arabic_normalize(E'\u00A0 \t\n') AS only_spaces,
       arabic_normalize(E'\u0640\u0640') AS only_tatweel;
SELECT arabic_normalize(NULL) AS null_input, arabic_normalize('x', NULL) AS null_form;
SELECT length(arabic_normalize(repeat('بَ', 1000000))) AS long_word;
SELECT length(arabic_normalize(repeat('كِتَابٌ ', 3500000))) AS fifty_mb,
       octet_length(repeat('كِتَابٌ ', 3500000)) AS input_bytes;
SELECT length(arabic_normalize(repeat('ﷺ', 100000))) AS widest_expansion;
SELECT arabic_normalize('x', 'serch');
SELECT arabic_normalize('x', 'search -hamz');
SELECT arabic_normalize('x', 'search display');
SELECT arabic_normalize('x', '');
SELECT arabic_normalize('x', ' , ');

-- A database that is not UTF8 gets a clear error (already when the
-- extension's text search dictionary is created).
SELECT current_database() AS regress_db \gset
CREATE DATABASE pga_sql_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
\c pga_sql_ascii
-- PostgreSQL 18 adds a CONTEXT naming the script line; 15 and 17 do not.
\set SHOW_CONTEXT never
CREATE EXTENSION pg_arabic;
\c :regress_db
\set SHOW_CONTEXT errors
DROP DATABASE pga_sql_ascii;

DROP TABLE norm_cases, samples, sample_text;
