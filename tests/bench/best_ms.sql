-- pg_temp.best_ms(sql, rounds): the best of rounds run times of a statement,
-- in ms (shared by the BM25 benches: psql -v best_ms_sql=<this file>, \i :best_ms_sql).
CREATE FUNCTION pg_temp.best_ms(sql text, rounds int) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz;
	best float8 := 'Infinity';
BEGIN
	FOR i IN 1 .. rounds LOOP
		t0 := clock_timestamp();
		EXECUTE sql;
		best := least(best, extract(epoch FROM clock_timestamp() - t0) * 1000);
	END LOOP;
	RETURN best;
END
$$;
