-- Analysis of every document and query of tests/bench/retrieval.sh with the
-- PostgreSQL text search configuration :'cfg' (the analyzer is named after it).
--
-- Terms are the lexemes of to_tsvector; tf is the number of positions of the
-- lexeme; the document length is its number of distinct positions.  to_tsvector keeps at most 256 positions per lexeme and clamps
-- positions above 16383 (then drops the duplicates), and a stripped tsvector
-- has none: tf would then be undercounted, so such lexemes are counted and
-- reported below (the sets here are far from these limits).
-- Query terms are the distinct lexemes of to_tsvector(cfg, query), each
-- counted once.  The ts_rank_cd run ORs exactly these lexemes: the tsquery is
-- built by casting 'l1' | 'l2' | ... to tsquery, which takes the lexemes
-- as they are; to_tsquery(cfg, ...) would run them through the dictionaries
-- a second time (a stemmer may stem a stem again) and query other terms than
-- the BM25 run.

SELECT set_config('bench.cfg', :'cfg', false) AS cfg \gset

INSERT INTO doc_tsv
SELECT set, :'cfg', did, to_tsvector(:'cfg'::regconfig, body) FROM doc;

INSERT INTO doc_term
SELECT v.set, v.an, v.did, u.lexeme, coalesce(array_length(u.positions, 1), 1)
FROM doc_tsv v, unnest(v.tsv) u
WHERE v.an = :'cfg';

-- The length of a document is its number of tokens that gave lexemes: its
-- distinct positions.  Not the sum of tf: a dictionary may return several
-- lexemes for one token (pg_arabic_stem gives وقال -> قال, وقال), which
-- share a position and are one token.  Lexemes without positions (stripped)
-- count one each.
INSERT INTO doc_len
SELECT v.set, v.an, v.did,
       (SELECT count(DISTINCT p) FROM unnest(v.tsv) u, unnest(u.positions) p)
       + (SELECT count(*) FROM unnest(v.tsv) u WHERE u.positions IS NULL)
FROM doc_tsv v
WHERE v.an = :'cfg';

INSERT INTO query_term
SELECT DISTINCT q.set, :'cfg', q.qid, u.lexeme
FROM query q, unnest(to_tsvector(:'cfg'::regconfig, q.body)) u;

INSERT INTO query_tsq
SELECT set, an, qid,
       string_agg('''' || replace(replace(term, '\', '\\'), '''', '''''') || '''', ' | ')::tsquery
FROM query_term
WHERE an = :'cfg'
GROUP BY set, an, qid;

INSERT INTO system VALUES (:'cfg', 'bm25'), (:'cfg', 'ts_rank_cd'), (:'cfg', 'ts_rank');

SELECT count(*) AS n_suspect, count(*) > 0 AS suspect
FROM doc_tsv v, unnest(v.tsv) u
WHERE v.an = :'cfg'
  AND (u.positions IS NULL OR array_length(u.positions, 1) >= 256 OR 16383 = ANY (u.positions))
\gset
\if :suspect
\echo 'warning: ':n_suspect' lexemes of ':cfg' have stripped, clamped or 256 positions: their tf is a lower bound'
\endif

-- Every tsquery must OR exactly the query's terms: each term alone matches
-- it, and it has one operand per term (n operands ORed make 2n - 1 nodes).
DO $$
DECLARE
	bad bigint;
BEGIN
	SELECT count(*) INTO bad
	FROM query_tsq s
	WHERE s.an = current_setting('bench.cfg')
	  AND (numnode(s.tsq) <> 2 * (SELECT count(*) FROM query_term t
	                              WHERE (t.set, t.an, t.qid) = (s.set, s.an, s.qid)) - 1
	       OR EXISTS (SELECT FROM query_term t
	                  WHERE (t.set, t.an, t.qid) = (s.set, s.an, s.qid)
	                    AND NOT array_to_tsvector(ARRAY[t.term]) @@ s.tsq));
	IF bad > 0 THEN
		RAISE EXCEPTION '% tsqueries of % do not hold exactly their query terms',
			bad, current_setting('bench.cfg');
	END IF;
END
$$;
