-- Whether the plan of a query mentions pat (plan shapes other than the one
-- asserted vary between PostgreSQL versions).
CREATE FUNCTION pg_temp.plan_mentions(query text, pat text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || query LOOP
		IF strpos(line, pat) > 0 THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END
$$;
