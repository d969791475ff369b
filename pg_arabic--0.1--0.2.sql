/* pg_arabic--0.1--0.2.sql */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION pg_arabic UPDATE TO '0.2'" to load this file. \quit

-- Every SQL object added or changed in 0.2 is created here as well as in
-- pg_arabic--0.2.sql, so that an updated 0.1 installation equals a fresh 0.2.

-- Prepared BM25 queries (issue 14): the statistics a query needs, computed
-- once where it is planned and passed to the per-row score, so the nodes
-- that score rows (Citus workers, partitions) read no statistics.
CREATE TYPE arabic_bm25_prepared;

CREATE FUNCTION arabic_bm25_prepared_in(pg_catalog.cstring)
RETURNS arabic_bm25_prepared
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_bm25_prepared_out(arabic_bm25_prepared)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_bm25_prepared_recv(pg_catalog.internal)
RETURNS arabic_bm25_prepared
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION arabic_bm25_prepared_send(arabic_bm25_prepared)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE arabic_bm25_prepared (
	INPUT = arabic_bm25_prepared_in,
	OUTPUT = arabic_bm25_prepared_out,
	RECEIVE = arabic_bm25_prepared_recv,
	SEND = arabic_bm25_prepared_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE arabic_bm25_prepared IS
'a BM25 query with its statistics: N, avgdl, k1, b and the df of each query lexeme (built by arabic_bm25_prepare)';

-- STABLE: it reads the statistics tables and counts the relation's rows;
-- PARALLEL RESTRICTED: on Citus that count is a distributed query.
CREATE FUNCTION arabic_bm25_prepare(rel pg_catalog.regclass, col pg_catalog.name, query tsquery,
	k1 double precision DEFAULT 0.9, b double precision DEFAULT 0.4, verify boolean DEFAULT true)
RETURNS arabic_bm25_prepared
AS 'MODULE_PATHNAME', 'arabic_bm25_prepare'
LANGUAGE C STABLE STRICT PARALLEL RESTRICTED;

COMMENT ON FUNCTION arabic_bm25_prepare(pg_catalog.regclass, pg_catalog.name, tsquery, double precision, double precision, boolean) IS
'the BM25 statistics of a query (N, avgdl and the df of its lexemes, from arabic_bm25_analyze), for arabic_bm25(tsv, prepared); verify: error when the relation no longer has N rows';

CREATE FUNCTION arabic_bm25(tsv tsvector, prepared arabic_bm25_prepared)
RETURNS double precision
AS 'MODULE_PATHNAME', 'arabic_bm25_prepared_score'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25(tsvector, arabic_bm25_prepared) IS
'BM25 score of a document for a prepared query (arabic_bm25_prepare): equal to arabic_bm25(tsv, query, rel, col, k1, b), with no statistics read';
