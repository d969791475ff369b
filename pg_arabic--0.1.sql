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

-- Text search: parser, template, dictionary and configuration.
CREATE FUNCTION pg_arabic_prs_start(internal, int4)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_prs_start'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_prs_nexttoken(internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_prs_nexttoken'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_prs_end(internal)
RETURNS void
AS 'MODULE_PATHNAME', 'pg_arabic_prs_end'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_prs_lextype(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_prs_lextype'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH PARSER pg_arabic_parser (
	START = pg_arabic_prs_start,
	GETTOKEN = pg_arabic_prs_nexttoken,
	END = pg_arabic_prs_end,
	LEXTYPES = pg_arabic_prs_lextype,
	HEADLINE = pg_catalog.prsd_headline
);

COMMENT ON TEXT SEARCH PARSER pg_arabic_parser IS
'locale-independent parser for Arabic and mixed text; tokens are slices of the input';

CREATE FUNCTION pg_arabic_stem_init(internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_stem_init'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE FUNCTION pg_arabic_stem_lexize(internal, internal, internal, internal)
RETURNS internal
AS 'MODULE_PATHNAME', 'pg_arabic_stem_lexize'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH TEMPLATE pg_arabic_stem (
	INIT = pg_arabic_stem_init,
	LEXIZE = pg_arabic_stem_lexize
);

COMMENT ON TEXT SEARCH TEMPLATE pg_arabic_stem IS
'normalize Arabic words, drop stopwords, light-stem';

CREATE TEXT SEARCH DICTIONARY pg_arabic_stem (
	TEMPLATE = pg_arabic_stem,
	StopWords = pg_arabic
);

COMMENT ON TEXT SEARCH DICTIONARY pg_arabic_stem IS
'Arabic: search normalization, pg_arabic stopwords, light stemming';

CREATE TEXT SEARCH CONFIGURATION pg_arabic (PARSER = pg_arabic_parser);

COMMENT ON TEXT SEARCH CONFIGURATION pg_arabic IS
'Arabic news: normalized, stopword-free, light-stemmed Arabic; Latin words case-folded, not stemmed';

ALTER TEXT SEARCH CONFIGURATION pg_arabic
	ADD MAPPING FOR arabicword, hashtag, asciiword, word, numword, uint, float
	WITH pg_arabic_stem;

ALTER TEXT SEARCH CONFIGURATION pg_arabic
	ADD MAPPING FOR email, url, host, mention
	WITH pg_catalog.simple;
