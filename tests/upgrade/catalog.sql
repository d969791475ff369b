-- tests/upgrade/catalog.sql: one line per object of the extension pg_arabic,
-- with everything that defines it, in a form that does not depend on the
-- database it lives in.  An installation updated with ALTER EXTENSION ...
-- UPDATE must print the same lines as a fresh install of the same version.
--
-- The objects: everything that depends on the extension with deptype 'e'
-- (functions, types, operators, operator classes and families, access
-- methods, text search objects, tables, casts ...), then, repeatedly, what
-- depends on those automatically or internally (columns' defaults,
-- constraints, indexes, policies, operator family members, array and row
-- types, toast tables), plus the columns of the tables.  Nothing is listed by
-- name, so objects added to the install script later are covered as well.
--
-- For each object: its catalog row as JSON, where an OID of an object
-- created after initdb (>= 16384, different in every database) reads
-- "local", transaction ids and node trees are left out, and the physical
-- details an upgrade may legitimately leave different (column numbers counting
-- dropped columns, "missing" values of added columns, table statistics) are
-- normalized; the objects it references (pg_depend, described by name); the
-- readable definition PostgreSQL gives for it (functions, indexes,
-- constraints, policies, defaults, views, triggers, text search mappings);
-- its comment; and its initial privileges (pg_init_privs, what pg_dump uses).
\set ON_ERROR_STOP 1
SET search_path = public;

-- The digits of every OID in s, those of local objects replaced by "local".
CREATE FUNCTION pg_temp.stable_oids(s text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT pg_catalog.string_agg(CASE WHEN m[1]::bigint >= 16384 THEN 'local' ELSE m[1] END, ' ' ORDER BY n)
	FROM pg_catalog.regexp_matches(s, '(\d+)', 'g') WITH ORDINALITY AS t(m, n)
$$;

-- Toast tables and foreign key triggers are named after OIDs.
CREATE FUNCTION pg_temp.stable_names(s text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT pg_catalog.regexp_replace(pg_catalog.regexp_replace(s,
		'pg_toast_\d+', 'pg_toast_N', 'g'), '(RI_ConstraintTrigger_[a-z])_\d+', '\1_N', 'g')
$$;

CREATE FUNCTION pg_temp.describe(c oid, o oid, s int) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT pg_temp.stable_names(pg_catalog.pg_describe_object(c, o, s))
$$;

-- The catalog row of an object (a column when s > 0), made comparable.
CREATE FUNCTION pg_temp.catalog_row(c regclass, o oid, s int) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
	tab regclass := c;
	r jsonb;
	col record;
BEGIN
	IF c = 'pg_catalog.pg_class'::regclass AND s <> 0 THEN
		tab := 'pg_catalog.pg_attribute'::regclass;
		SELECT pg_catalog.to_jsonb(a) INTO r FROM pg_catalog.pg_attribute a WHERE a.attrelid = o AND a.attnum = s;
		-- the position among the live columns, not counting dropped ones
		r := r - '{atthasmissing,attmissingval,attcacheoff}'::text[] || pg_catalog.jsonb_build_object('attnum',
			(SELECT pg_catalog.count(*) FROM pg_catalog.pg_attribute a
			 WHERE a.attrelid = o AND a.attnum > 0 AND a.attnum <= s AND NOT a.attisdropped));
		-- this server build tags every column with a "pg_attver=N" option
		-- whose value differs from one creation to the next
		r := r || pg_catalog.jsonb_build_object('attoptions',
			(SELECT pg_catalog.array_agg(x ORDER BY x) FROM pg_catalog.pg_attribute a,
				pg_catalog.unnest(a.attoptions) x
			 WHERE a.attrelid = o AND a.attnum = s AND x NOT LIKE 'pg\_attver=%'));
	ELSE
		EXECUTE pg_catalog.format('SELECT pg_catalog.to_jsonb(t) FROM %s t WHERE t.oid = $1', c) INTO r USING o;
		r := r - 'oid';
	END IF;
	IF tab = 'pg_catalog.pg_class'::regclass THEN
		r := r - '{relpages,reltuples,relallvisible,relnatts}'::text[];
	END IF;
	FOR col IN
		SELECT a.attname, a.atttypid FROM pg_catalog.pg_attribute a
		WHERE a.attrelid = tab AND a.attnum > 0 AND NOT a.attisdropped
			AND a.atttypid IN ('pg_catalog.oid'::regtype, 'pg_catalog.oidvector'::regtype,
				'pg_catalog.oid[]'::regtype, 'pg_catalog.xid'::regtype, 'pg_catalog.pg_node_tree'::regtype)
	LOOP
		IF col.atttypid IN ('pg_catalog.xid'::regtype, 'pg_catalog.pg_node_tree'::regtype) THEN
			r := r - col.attname::text;
		ELSIF r ->> col.attname::text IS NOT NULL THEN
			r := pg_catalog.jsonb_set(r, ARRAY[col.attname::text],
				pg_catalog.to_jsonb(coalesce(pg_temp.stable_oids(r ->> col.attname::text), '')));
		END IF;
	END LOOP;
	RETURN r;
END
$$;

-- The definition PostgreSQL prints for the objects that have one.
CREATE FUNCTION pg_temp.definition(c regclass, o oid, s int) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT CASE
	WHEN c = 'pg_catalog.pg_proc'::regclass THEN
		(SELECT CASE WHEN p.prokind IN ('f', 'p') THEN pg_catalog.pg_get_functiondef(p.oid) END
		 FROM pg_catalog.pg_proc p WHERE p.oid = o)
	WHEN c = 'pg_catalog.pg_class'::regclass AND s <> 0 THEN
		(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
		 WHERE a.attrelid = o AND a.attnum = s)
	WHEN c = 'pg_catalog.pg_class'::regclass THEN
		(SELECT CASE WHEN r.relkind IN ('i', 'I') THEN pg_catalog.pg_get_indexdef(r.oid)
			WHEN r.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(r.oid) END
		 FROM pg_catalog.pg_class r WHERE r.oid = o)
	WHEN c = 'pg_catalog.pg_constraint'::regclass THEN pg_catalog.pg_get_constraintdef(o)
	WHEN c = 'pg_catalog.pg_trigger'::regclass THEN pg_catalog.pg_get_triggerdef(o)
	WHEN c = 'pg_catalog.pg_rewrite'::regclass THEN pg_catalog.pg_get_ruledef(o)
	WHEN c = 'pg_catalog.pg_attrdef'::regclass THEN
		(SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d WHERE d.oid = o)
	WHEN c = 'pg_catalog.pg_policy'::regclass THEN
		(SELECT pg_catalog.concat_ws(' / ', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
			pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), p.polroles::regrole[]::text)
		 FROM pg_catalog.pg_policy p WHERE p.oid = o)
	WHEN c = 'pg_catalog.pg_ts_config'::regclass THEN
		(SELECT pg_catalog.string_agg(t.alias || ':' || m.mapdict::regdictionary::text, ' '
			ORDER BY m.maptokentype, m.mapseqno)
		 FROM pg_catalog.pg_ts_config f, pg_catalog.ts_token_type(f.cfgparser) t, pg_catalog.pg_ts_config_map m
		 WHERE f.oid = o AND m.mapcfg = o AND t.tokid = m.maptokentype)
	WHEN c = 'pg_catalog.pg_statistic_ext'::regclass THEN pg_catalog.pg_get_statisticsobjdef(o)
	END
$$;

WITH RECURSIVE members(classid, objid, objsubid) AS (
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid
	WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND e.extname = 'pg_arabic' AND d.deptype = 'e'
	UNION
	SELECT d.classid, d.objid, d.objsubid
	FROM pg_catalog.pg_depend d JOIN members m ON d.refclassid = m.classid AND d.refobjid = m.objid
	WHERE d.deptype IN ('a', 'i')
), objects AS (
	SELECT * FROM members
	UNION
	SELECT 'pg_catalog.pg_class'::regclass, a.attrelid, a.attnum
	FROM members m JOIN pg_catalog.pg_attribute a ON a.attrelid = m.objid
	WHERE m.classid = 'pg_catalog.pg_class'::regclass AND a.attnum > 0 AND NOT a.attisdropped
)
SELECT pg_temp.describe(o.classid, o.objid, o.objsubid) AS object,
	pg_temp.stable_names(pg_catalog.jsonb_build_object(
		'row', pg_temp.catalog_row(o.classid, o.objid, o.objsubid),
		'definition', pg_temp.definition(o.classid, o.objid, o.objsubid),
		'references', (SELECT pg_catalog.array_agg(pg_temp.describe(d.refclassid, d.refobjid, d.refobjsubid)
				|| ' (' || d.deptype::text || ')' ORDER BY 1)
			FROM pg_catalog.pg_depend d
			WHERE d.classid = o.classid AND d.objid = o.objid AND d.objsubid = o.objsubid
				AND d.refclassid <> 'pg_catalog.pg_extension'::regclass),
		'comment', (SELECT c.description FROM pg_catalog.pg_description c
			WHERE c.classoid = o.classid AND c.objoid = o.objid AND c.objsubid = o.objsubid),
		'initprivs', (SELECT i.privtype::text || ' ' || i.initprivs::text FROM pg_catalog.pg_init_privs i
			WHERE i.classoid = o.classid AND i.objoid = o.objid AND i.objsubid = o.objsubid)
	)::text) AS details
FROM objects o
UNION ALL
SELECT 'extension ' || e.extname, pg_catalog.jsonb_build_object('version', e.extversion,
	'relocatable', e.extrelocatable, 'schema', e.extnamespace::regnamespace::text,
	'config', e.extconfig::regclass[]::text, 'condition', e.extcondition)::text
FROM pg_catalog.pg_extension e WHERE e.extname = 'pg_arabic'
ORDER BY object, details;
