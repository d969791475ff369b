-- Checks of the crash tests (tests/crash/bm25_*.sh) on table c (id, tsv)
-- and its arabic_bm25 index c_rank: \i this file, then call them.

-- The index holds what its table holds (arabic_bm25_index_check).
CREATE FUNCTION pg_temp.bm25_equals_table() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	chk record;
BEGIN
	SELECT * INTO chk FROM arabic_bm25_index_check('c_rank');
	IF chk.missing <> 0 OR chk.unexpected <> 0 THEN
		RAISE EXCEPTION 'index differs from its table after the crash: %', chk;
	END IF;
END $$;

-- n random OR-queries over w1 .. w<vocab> give the same top 10 through
-- c_rank as through a rebuilt index (built and dropped here).
CREATE FUNCTION pg_temp.bm25_same_top10(n int, vocab int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	q tsquery;
	a int[];
	b int[];
BEGIN
	CREATE INDEX c_rebuilt ON c USING arabic_bm25 (tsv);
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_sort = off;
	FOR i IN 1 .. n LOOP
		q := replace((SELECT string_agg('w' || (1 + floor(vocab * random() ^ 1.5))::int, ' ')
					  FROM generate_series(1, 1 + (random() * 5)::int)), ' ', ' | ')::tsquery;
		a := ARRAY(SELECT id FROM c ORDER BY tsv <@> arabic_bm25_index_query('c_rank', q) LIMIT 10);
		b := ARRAY(SELECT id FROM c ORDER BY tsv <@> arabic_bm25_index_query('c_rebuilt', q) LIMIT 10);
		IF a IS DISTINCT FROM b THEN
			RAISE EXCEPTION 'query %: crashed index gives %, rebuilt index %', q, a, b;
		END IF;
	END LOOP;
	DROP INDEX c_rebuilt;
END $$;
