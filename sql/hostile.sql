-- Hostile input: every case ends in a correct result or a clear error.
SET client_encoding = 'UTF8';

-- 1-3: PostgreSQL itself refuses ill-formed UTF-8 before it reaches us.
SELECT convert_from('\x80'::bytea, 'UTF8');
SELECT convert_from('\xc0af'::bytea, 'UTF8');
SELECT E'\uD800';

-- 4-7: U+FFFD runs.
SELECT length(arabic_normalize(repeat(E'\uFFFD', 10000))) AS fffd_norm,
       length(to_tsvector('pg_arabic', repeat(E'\uFFFD ', 10000))) AS fffd_tsv,
       (arabic_parse_article(repeat(E'\uFFFD\n', 1000))).title IS NOT NULL AS fffd_article,
       arabic_parse_date(repeat(E'\uFFFD', 1000)) AS fffd_date;

-- 8-11: every C0 and C1 control character around words.
CREATE TEMP TABLE controls AS
SELECT string_agg('كلمة' || chr(c) || 'word', '') AS t
FROM generate_series(1, 31) c UNION ALL
SELECT string_agg('كلمة' || chr(c) || 'word', '') FROM generate_series(127, 159) c;
SELECT length(arabic_normalize(t)) AS norm, length(to_tsvector('pg_arabic', t)) AS tsv,
       (arabic_parse_article(t)).body IS NOT NULL AS article, arabic_parse_date(t) AS date
FROM controls ORDER BY 1;

-- 12-15: every bidi override, embedding and isolate, alone and in words.
SELECT arabic_normalize(E'\u202Aمصر\u202B\u202Cمصر\u202D\u202Eمصر\u2066\u2067\u2068\u2069') AS bidi_norm,
       to_tsvector('pg_arabic', E'\u202Eمصر\u202C \u2067القاهرة\u2069') AS bidi_tsv,
       arabic_normalize(repeat(E'\u202E', 5000)) AS only_overrides,
       arabic_parse_date(E'\u202B21 مايو 2025\u202C') AS bidi_date;

-- 16-19: a 1 MB word.
SELECT length(arabic_normalize(repeat('ك', 1000000))) AS mb_word_norm,
       length((arabic_parse_article(repeat('ك', 1000000))).body) AS mb_word_article,
       arabic_parse_date(repeat('١', 1000000)) AS mb_digits_date,
       length(ts_headline('pg_arabic', repeat('ك', 100000) || ' مصر', to_tsquery('pg_arabic', 'مصر'))) > 0 AS headline;
SELECT length(to_tsvector('pg_arabic', repeat('ك', 1000000))) AS mb_word_tsv;

-- 20-22: a million one-letter words.
SELECT length(arabic_normalize(repeat('ب ', 1000000))) AS million_norm,
       length(to_tsvector('pg_arabic', repeat('ب ', 1000000))) AS million_tsv,
       (SELECT count(*) FROM ts_parse('pg_arabic_parser', repeat('ب ', 1000000))) AS million_tokens;

-- 23-26: 100,000 lines and a label repeated thousands of times.
SELECT cardinality((arabic_parse_article(repeat(E'اقرأ أيضاً:\n', 20000))).boilerplate) > 0 AS readalso_lines,
       length((arabic_parse_article(repeat(E'سطر من النص.\n', 100000))).body) AS hundred_k_lines,
       cardinality((arabic_parse_article(repeat(E'شارك\nواتساب\n', 5000))).boilerplate) AS share_lines,
       cardinality((arabic_parse_article(E'عنوان\n' || repeat(E'كلمات دلالية: مصر\n', 3000))).tags) >= 1 AS tag_lines;

-- 27-29: pathological user rules: catastrophic backtracking hits the PCRE2 limit.
SELECT (arabic_parse_article(repeat('a', 40) || '!', E'share\t^(a+)+$')).title;
SELECT (arabic_parse_article('x', E'share\t(')).title;
SELECT (arabic_parse_article('x', E'nosuchkind\tx')).title;

-- 30-35: impossible dates are not dates.
SELECT arabic_parse_date('31 فبراير 2024') AS feb31, arabic_parse_date('21 مايو 2025 99:99 م') AS bad_time,
       arabic_parse_date('1 يناير 0') AS year0, arabic_parse_date('1 يناير 99999') AS year5,
       arabic_parse_date('30 صفر 0 هـ') AS hijri0, arabic_parse_date('45/13/2025') AS numeric_bad;

-- 36-38: dictionary options that try to leave tsearch_data.
CREATE TEXT SEARCH DICTIONARY hostile_d (TEMPLATE = pg_arabic_stem, StopWords = '../../../../etc/passwd');
CREATE TEXT SEARCH DICTIONARY hostile_d (TEMPLATE = pg_arabic_stem, StopWords = '/etc/passwd');
CREATE TEXT SEARCH DICTIONARY hostile_d (TEMPLATE = pg_arabic_stem, StopWords = 'english');

-- 39-40: huge values: 100 MB normalized; a statement timeout cancels
-- normalization and to_tsvector of such a value promptly.
CREATE TEMP TABLE huge AS SELECT repeat('كِتَابٌ جديد ', 5500000) AS t;
SELECT octet_length(t) > 100000000 AS over_100mb, length(arabic_normalize(t)) AS normalized FROM huge;
SET statement_timeout = '100ms';
SELECT length(arabic_normalize(t)) FROM huge;
SELECT length(to_tsvector('pg_arabic', t)) FROM huge;
SELECT length(arabic_normalize(t, 'display')) FROM huge;
RESET statement_timeout;

-- 41-43: weird form specifications and tsqueries.
SELECT arabic_normalize('x', repeat('-', 10000));
SELECT arabic_normalize('x', repeat('search ', 2));
SELECT to_tsvector('pg_arabic', 'x') @@ websearch_to_tsquery('pg_arabic', repeat('"', 1000)) AS quotes_only;
