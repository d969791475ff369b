-- Safe install: trusted, relocatable, usable by a plain database owner,
-- no reliance on search_path.
SET client_encoding = 'UTF8';

SELECT extname, extrelocatable, (SELECT trusted FROM pg_available_extension_versions v
                                 WHERE v.name = e.extname AND v.version = e.extversion) AS trusted
FROM pg_extension e WHERE extname = 'pg_arabic';

-- Every C function is STRICT and PARALLEL SAFE, and none callable from SQL
-- is VOLATILE (the text search callbacks, on internal arguments, keep the
-- default), except the one that writes: arabic_bm25_analyze builds the
-- statistics tables (and takes an optional configuration, so is not STRICT).
SELECT count(*) AS functions FROM pg_proc p
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic';
SELECT p.proname, p.proisstrict, p.proparallel, p.provolatile
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_arabic'
WHERE NOT p.proisstrict OR p.proparallel <> 's'
   OR (p.provolatile = 'v' AND NOT 'internal'::regtype = ANY (p.proargtypes::regtype[]))
ORDER BY 1;

-- A plain (non-superuser) database owner installs and uses it.
SELECT current_database() AS regress_db, current_user AS regress_user \gset
CREATE ROLE pga_owner LOGIN;
CREATE DATABASE pga_trusted OWNER pga_owner ENCODING 'UTF8' TEMPLATE template0;
-- SET ROLE rather than a new login: Debian's pg_virtualenv clusters (autopkgtest)
-- ask a password of every login.
\c pga_trusted
SET ROLE pga_owner;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
CREATE SCHEMA ar;
CREATE EXTENSION pg_arabic SCHEMA ar;
SELECT ar.arabic_normalize('المُسْتَشْفَى') AS normalized;
SELECT to_tsvector('ar.pg_arabic', 'والمعلمون في المدارس') AS vector;

-- A hostile search_path and look-alike objects change nothing.
CREATE SCHEMA evil;
CREATE FUNCTION evil.length(text) RETURNS int LANGUAGE sql AS 'SELECT -1';
CREATE FUNCTION evil.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''hijacked''';
CREATE FUNCTION evil.to_tsvector(regconfig, text) RETURNS tsvector LANGUAGE sql AS 'SELECT ''hijacked''::tsvector';
CREATE TEXT SEARCH CONFIGURATION evil.pg_arabic (COPY = pg_catalog.simple);
SET search_path = evil, public;
SELECT pg_catalog.to_tsvector('ar.pg_arabic', 'والمعلمون') AS qualified,
       ts_headline('ar.pg_arabic', 'قال المسئول إن المستشفى جديد', to_tsquery('ar.pg_arabic', 'مسؤول')) AS headline,
       (ar.arabic_parse_article(E'عنوان الخبر\nالقاهرة - (د ب أ) - نص الخبر هنا.')).title AS article_title;
RESET search_path;
-- The owner may drop it again, and nothing is left behind.
DROP EXTENSION pg_arabic;
SELECT (SELECT count(*) FROM pg_proc WHERE proname ~ '^(pg_)?arabic') AS functions,
       (SELECT count(*) FROM pg_type WHERE typname ~ '^_?arabic') AS types,
       (SELECT count(*) FROM pg_class WHERE relname ~ '^arabic') AS relations,
       (SELECT count(*) FROM pg_ts_config WHERE cfgname = 'pg_arabic' AND cfgnamespace <> 'evil'::regnamespace) AS configs,
       (SELECT count(*) FROM pg_ts_dict WHERE dictname ~ '^pg_arabic') AS dictionaries,
       (SELECT count(*) FROM pg_ts_parser WHERE prsname ~ '^pg_arabic') AS parsers,
       (SELECT count(*) FROM pg_ts_template WHERE tmplname ~ '^pg_arabic') AS templates;

-- Relocation (as superuser: a trusted extension's objects belong to the
-- bootstrap superuser): the configuration follows the extension.
\c pga_trusted :regress_user
CREATE EXTENSION pg_arabic SCHEMA ar;
CREATE SCHEMA moved;
ALTER EXTENSION pg_arabic SET SCHEMA moved;
SELECT to_tsvector('moved.pg_arabic', 'القرارات') AS after_move, moved.arabic_normalize('ﻻ') AS normalized;
\c :regress_db :regress_user
DROP DATABASE pga_trusted;
DROP ROLE pga_owner;
