-- Report of tests/bench/stemming.sh once gold_row (the Wikinews gold, one
-- row per word) and word_lexeme (analyzer, word, lexeme) are filled.
--
-- Word types: the distinct corrected words of Arabic letters (diacritics
-- and tatweel allowed).  Each gets the lemma and the gold stem of its most
-- frequent reading.  Gold stem: the content segments of the gold Farasa
-- segmentation (NOUN, ADJ, V, NUM, ADV, FOREIGN, ABBREV) joined, i.e. the
-- word without its conjunction, preposition, article, future particle,
-- pronoun, feminine/plural/dual suffix and case ending; a word without a
-- content segment (a particle, a pronoun) is a function word and is left
-- out.  Lemmas and stems are compared after fold(): pg_arabic's search
-- normalization and every hamza letter as alef, so that spelling variants
-- of one lemma are one lemma.
--
-- Evaluated: the content word types that every analyzer indexes (none
-- drops them as a stopword).  Per analyzer:
--   conflation: a pair of word types is conflated when they share a lexeme
--   (then each finds the other in a search); precision = conflated pairs
--   of the same lemma / conflated pairs, recall = conflated pairs of the
--   same lemma / pairs of the same lemma, F1.
--   stem accuracy: the share of word types one of whose lexemes is the
--   gold stem (folded the same way); lexemes per word.
\pset footer off
SET work_mem = '256MB';

CREATE FUNCTION pg_temp.fold(x text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT
AS $$ SELECT translate(arabic_normalize(x, 'search'), 'ءأإآٱ', 'ااااا') $$;

CREATE TEMP TABLE seg AS
SELECT r.idx, r.corr_word AS word, pg_temp.fold(r.ref_lemma_undiac) AS lemma,
	   string_agg(s.seg, '' ORDER BY s.n) FILTER (WHERE s.tag IN
		('NOUN', 'ADJ', 'V', 'NUM', 'ADV', 'FOREIGN', 'ABBREV', 'ADJ/NUM', 'NOUN/DET', 'ADJ/DET')) AS stem
FROM gold_row r,
	 unnest(string_to_array(r.farasa_seg, '+'), string_to_array(r.farasa_pos, '+')) WITH ORDINALITY AS s(seg, tag, n)
WHERE r.corr_word ~ '^[ء-يًٌٍَُِّْٰـ]+$'
  AND cardinality(string_to_array(r.farasa_seg, '+')) = cardinality(string_to_array(r.farasa_pos, '+'))
GROUP BY r.idx, r.corr_word, r.ref_lemma_undiac;

CREATE TEMP TABLE wtype AS
SELECT DISTINCT ON (word) word, lemma, pg_temp.fold(stem) AS stem, n AS tokens
FROM (SELECT word, lemma, stem, count(*) OVER (PARTITION BY word) AS n,
			 count(*) OVER (PARTITION BY word, lemma, stem) AS k
	  FROM seg) s
WHERE stem IS NOT NULL AND stem <> ''
ORDER BY word, k DESC, lemma, stem;

CREATE TEMP TABLE an AS SELECT DISTINCT an FROM word_lexeme;
CREATE TEMP TABLE item AS
SELECT w.* FROM wtype w
WHERE NOT EXISTS (SELECT 1 FROM an
				  WHERE NOT EXISTS (SELECT 1 FROM word_lexeme l WHERE l.an = an.an AND l.word = w.word));
CREATE TEMP TABLE wl AS
SELECT DISTINCT l.an, l.word, l.lexeme FROM word_lexeme l JOIN item USING (word);
ANALYZE wtype, item, wl;

\echo
\echo 'Word types: content words of the gold, and those every analyzer indexes (evaluated)'
SELECT (SELECT count(*) FROM gold_row) AS gold_tokens,
	   (SELECT count(*) FROM wtype) AS content_types,
	   (SELECT count(*) FROM item) AS evaluated_types,
	   (SELECT sum(tokens) FROM item) AS evaluated_tokens,
	   (SELECT count(DISTINCT lemma) FROM item) AS lemmas;

\echo 'Content word types an analyzer drops (gives no lexeme)'
SELECT an.an AS analyzer, count(w.word) AS dropped_types
FROM an CROSS JOIN wtype w
WHERE NOT EXISTS (SELECT 1 FROM word_lexeme l WHERE l.an = an.an AND l.word = w.word)
GROUP BY an.an ORDER BY an.an;

CREATE TEMP TABLE lemma_pairs AS
SELECT sum(n * (n - 1) / 2)::float8 AS pairs
FROM (SELECT count(*) AS n FROM item GROUP BY lemma) g;

CREATE TEMP TABLE conflated AS
SELECT DISTINCT a.an, a.word AS w1, b.word AS w2
FROM wl a JOIN wl b ON a.an = b.an AND a.lexeme = b.lexeme AND a.word < b.word;

\echo 'Conflation against the gold lemmas (pairs of word types), and stem accuracy'
SELECT an.an AS analyzer,
	   c.pairs AS conflated_pairs,
	   c.same_lemma AS of_same_lemma,
	   round((c.same_lemma / nullif(c.pairs, 0))::numeric, 3) AS precision,
	   round((c.same_lemma / lp.pairs)::numeric, 3) AS recall,
	   round((2 * c.same_lemma / nullif(c.pairs + lp.pairs, 0))::numeric, 3) AS f1,
	   round(acc.accuracy::numeric, 3) AS stem_accuracy,
	   round(acc.lexemes::numeric, 2) AS lexemes_per_word
FROM an
CROSS JOIN lemma_pairs lp
CROSS JOIN LATERAL (
	SELECT count(*)::float8 AS pairs,
		   count(*) FILTER (WHERE i1.lemma = i2.lemma)::float8 AS same_lemma
	FROM conflated x JOIN item i1 ON i1.word = x.w1 JOIN item i2 ON i2.word = x.w2
	WHERE x.an = an.an) c
CROSS JOIN LATERAL (
	SELECT avg(CASE WHEN EXISTS (SELECT 1 FROM wl WHERE wl.an = an.an AND wl.word = i.word
								 AND pg_temp.fold(wl.lexeme) = i.stem) THEN 1.0 ELSE 0.0 END) AS accuracy,
		   (SELECT count(*)::float8 FROM wl WHERE wl.an = an.an) / count(*) AS lexemes
	FROM item i) acc
ORDER BY f1 DESC;

\echo 'Same lemma, no shared lexeme (missed conflations), most frequent lemmas first: 25 per analyzer'
SELECT an, lemma, string_agg(word || ' {' || lexemes || '}', '  ' ORDER BY word) AS forms
FROM (SELECT an.an, i.lemma, i.word, (SELECT string_agg(lexeme, ',' ORDER BY lexeme) FROM wl
									  WHERE wl.an = an.an AND wl.word = i.word) AS lexemes,
			 dense_rank() OVER (PARTITION BY an.an ORDER BY g.n DESC, i.lemma) AS r
	  FROM an CROSS JOIN item i
	  JOIN (SELECT lemma, count(*) AS n FROM item GROUP BY lemma) g USING (lemma)
	  WHERE EXISTS (SELECT 1 FROM item j WHERE j.lemma = i.lemma AND j.word <> i.word
					AND NOT EXISTS (SELECT 1 FROM conflated x WHERE x.an = an.an
									AND x.w1 = least(i.word, j.word) AND x.w2 = greatest(i.word, j.word)))) s
WHERE r <= 25
GROUP BY an, lemma, r ORDER BY an, r;
