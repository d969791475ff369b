/* pg_arabic--0.1.sql */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION pg_arabic" to load this file. \quit

-- Normalization.  IMMUTABLE: the result depends only on the arguments and on
-- the Unicode tables compiled into the library (a new release of those tables
-- is a new extension version).
CREATE FUNCTION arabic_normalize(input text, form text DEFAULT 'search')
RETURNS text
AS 'MODULE_PATHNAME', 'arabic_normalize'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_normalize(text, text) IS
'fold the spelling and encoding noise of Arabic text; form is ''search'' (default), ''display'', or a list of rules such as ''search -hamza''';

CREATE FUNCTION arabic_normalize_rules(
	OUT rule text, OUT description text, OUT search boolean, OUT display boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_normalize_rules'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 16;

COMMENT ON FUNCTION arabic_normalize_rules() IS
'list the normalization rules, what each does and which forms include it';

CREATE FUNCTION arabic_normalize_forms(
	OUT form text, OUT description text, OUT rules text[])
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_normalize_forms'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 2;

COMMENT ON FUNCTION arabic_normalize_forms() IS
'list the named normalization forms and the rules each applies';
