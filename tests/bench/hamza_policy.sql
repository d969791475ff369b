-- Measures the hamza policy of arabic_normalize on real news: which word
-- spellings each policy brings together.  Run by tests/bench/hamza_policy.sh.
--   ours:     ؤ ئ -> ء   (arabic_normalize 'search')
--   snowball: ؤ -> و, ئ -> ي (what PostgreSQL's arabic_stem and Lucene do)
\pset footer off

CREATE TEMP TABLE words AS
SELECT w, count(*) AS n
FROM (SELECT (regexp_matches(body, '[\u0621-\u064A\u0671-\u06D3]+', 'g'))[1] AS w FROM seed) t
GROUP BY w;

-- Fold everything but the hamza carriers, then apply each policy.
CREATE TEMP TABLE keyed AS
SELECT w, n,
       arabic_normalize(w, 'search -hamza') AS base,
       arabic_normalize(w, 'search') AS ours,
       translate(arabic_normalize(w, 'search -hamza'), 'ؤئ', 'وي') AS snowball
FROM words;

\echo 'Word types that meet another spelling only through the hamza policy'
\echo '(types whose search -hamza forms differ but whose policy keys are equal)'
WITH bases AS (
	SELECT base, min(ours) AS ours, min(snowball) AS snowball, sum(n) AS n
	FROM keyed GROUP BY base),
grouped AS (
	SELECT 'ours (ؤ ئ -> ء)' AS policy, ours AS key, count(*) AS types, sum(n) AS tokens,
	       string_agg(base || ':' || n, ' ' ORDER BY n DESC) AS spellings
	FROM bases GROUP BY ours HAVING count(*) > 1
	UNION ALL
	SELECT 'snowball (ؤ->و ئ->ي)', snowball, count(*), sum(n),
	       string_agg(base || ':' || n, ' ' ORDER BY n DESC)
	FROM bases GROUP BY snowball HAVING count(*) > 1)
SELECT policy, count(*) AS merged_groups, sum(types) AS types_in_them,
       sum(tokens) AS tokens_in_them,
       (array_agg(spellings ORDER BY tokens DESC))[1:6] AS largest_groups
FROM grouped GROUP BY policy ORDER BY policy;

\echo 'The regional pairs of the brief, occurrences in the corpus'
SELECT w, n, arabic_normalize(w) AS ours,
       translate(arabic_normalize(w, 'search -hamza'), 'ؤئ', 'وي') AS snowball
FROM words WHERE w IN ('مسئول', 'مسؤول', 'المسئول', 'المسؤول', 'مسئولية', 'مسؤولية', 'شئون', 'شؤون', 'المسئولين', 'المسؤولين')
ORDER BY w;
