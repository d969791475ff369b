/* tests/bench/floor/pga_bench_floor--1.0.sql */

\echo Use "CREATE EXTENSION pga_bench_floor" to load this file. \quit

CREATE FUNCTION pga_floor_start(internal, int4) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION pga_floor_gettoken(internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION pga_floor_end(internal) RETURNS void
	AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION pga_floor_lextype(internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;
CREATE FUNCTION pga_floor_lexize(internal, internal, internal, internal) RETURNS internal
	AS 'MODULE_PATHNAME' LANGUAGE C STRICT PARALLEL SAFE;

CREATE TEXT SEARCH PARSER pga_floor_parser (
	START = pga_floor_start,
	GETTOKEN = pga_floor_gettoken,
	END = pga_floor_end,
	LEXTYPES = pga_floor_lextype,
	HEADLINE = pg_catalog.prsd_headline
);

CREATE TEXT SEARCH TEMPLATE pga_floor_template (LEXIZE = pga_floor_lexize);
CREATE TEXT SEARCH DICTIONARY pga_floor_dict (TEMPLATE = pga_floor_template);

CREATE TEXT SEARCH CONFIGURATION pga_floor (PARSER = pga_floor_parser);
ALTER TEXT SEARCH CONFIGURATION pga_floor ADD MAPPING FOR word WITH pga_floor_dict;
