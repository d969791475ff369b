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

-- BM25 index access method (issue 12).  CREATE INDEX ... USING arabic_bm25
-- (tsv); ORDER BY tsv <@> arabic_bm25_index_query('the_index', 'pg_arabic',
-- 'words') LIMIT 10 is an ordered index scan (Block-Max WAND); the operator
-- gives the negated score (ascending order), arabic_bm25_index_score the
-- score, both from the index's own statistics.
CREATE FUNCTION arabic_bm25_am_handler(internal)
RETURNS index_am_handler
AS 'MODULE_PATHNAME', 'arabic_bm25_am_handler'
LANGUAGE C STRICT PARALLEL SAFE;

CREATE ACCESS METHOD arabic_bm25 TYPE INDEX HANDLER arabic_bm25_am_handler;

COMMENT ON ACCESS METHOD arabic_bm25 IS
'BM25 ranking index on a tsvector column: blocks of postings with score bounds, top-k by Block-Max WAND';

CREATE TYPE arabic_bm25_indexquery AS (index pg_catalog.regclass, query tsquery);

COMMENT ON TYPE arabic_bm25_indexquery IS
'a tsquery and the arabic_bm25 index whose statistics score it (built by arabic_bm25_index_query)';

-- STABLE: they read the index (its existence, its configuration).
CREATE FUNCTION arabic_bm25_index_query(index pg_catalog.regclass, query tsquery)
RETURNS arabic_bm25_indexquery
AS 'MODULE_PATHNAME', 'arabic_bm25_index_query'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_query(pg_catalog.regclass, tsquery) IS
'a query for ORDER BY tsv <@> ... on an arabic_bm25 index';

CREATE FUNCTION arabic_bm25_index_query(index pg_catalog.regclass, config pg_catalog.regconfig, words text)
RETURNS arabic_bm25_indexquery
AS 'MODULE_PATHNAME', 'arabic_bm25_index_query_words'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_query(pg_catalog.regclass, pg_catalog.regconfig, text) IS
'a user''s words parsed like arabic_bm25_query, for ORDER BY tsv <@> ... on an arabic_bm25 index (the configuration must be the column''s when it is known)';

-- STABLE: scores use the index's statistics, which inserts and VACUUM change.
CREATE FUNCTION arabic_bm25_index_distance(tsv tsvector, query arabic_bm25_indexquery)
RETURNS float8
AS 'MODULE_PATHNAME', 'arabic_bm25_index_distance'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION arabic_bm25_index_distance(tsvector, arabic_bm25_indexquery) IS
'minus the BM25 score of a document, with the statistics of the query''s index (the <@> operator)';

CREATE FUNCTION arabic_bm25_index_score(tsv tsvector, query arabic_bm25_indexquery)
RETURNS float8
AS 'MODULE_PATHNAME', 'arabic_bm25_index_score'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 50;

COMMENT ON FUNCTION arabic_bm25_index_score(tsvector, arabic_bm25_indexquery) IS
'BM25 score of a document, with the statistics of the query''s arabic_bm25 index';

CREATE OPERATOR <@> (
	LEFTARG = tsvector,
	RIGHTARG = arabic_bm25_indexquery,
	FUNCTION = arabic_bm25_index_distance
);

COMMENT ON OPERATOR <@> (tsvector, arabic_bm25_indexquery) IS
'minus the BM25 score: ORDER BY tsv <@> query ranks the best documents first';

CREATE OPERATOR CLASS arabic_bm25_ops
DEFAULT FOR TYPE tsvector USING arabic_bm25 AS
	OPERATOR 1 <@> (tsvector, arabic_bm25_indexquery) FOR ORDER BY pg_catalog.float_ops;

CREATE FUNCTION arabic_bm25_index_check(index pg_catalog.regclass,
	OUT documents int8, OUT postings int8, OUT missing int8, OUT unexpected int8)
RETURNS record
AS 'MODULE_PATHNAME', 'arabic_bm25_index_check'
LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;

COMMENT ON FUNCTION arabic_bm25_index_check(pg_catalog.regclass) IS
'compare an arabic_bm25 index with its table (ShareLock on the table): postings and documents missing from the index or unexpected in it (deleted rows count as unexpected until VACUUM); a damaged page raises index_corrupted';

-- BM25 index format 3 (issue 12): where the bytes of an index go
CREATE FUNCTION arabic_bm25_index_stats(index pg_catalog.regclass,
	OUT version int4, OUT pages int8, OUT dir_pages int8, OUT dict_pages int8,
	OUT skip_pages int8, OUT post_pages int8, OUT docs_pages int8, OUT docdir_pages int8,
	OUT pending_pages int8, OUT deleted_pages int8, OUT other_pages int8, OUT free_bytes int8,
	OUT terms int8, OUT postings int8, OUT documents int8, OUT pending_documents int8)
RETURNS record
AS 'MODULE_PATHNAME', 'arabic_bm25_index_stats'
LANGUAGE C VOLATILE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_stats(pg_catalog.regclass) IS
'pages of an arabic_bm25 index per stream (dir, dict, skip, post, docs, docdir, pending), pages retired by merges and not yet reused, other pages (never written), free bytes on pages in use, and the terms, postings and documents of the main structure and the documents of the pending list (the table''s owner)';

-- BM25 index segments (issue 12): the segments of an index
CREATE FUNCTION arabic_bm25_index_segments(index pg_catalog.regclass,
	OUT segment int4, OUT stamp int8, OUT documents int8, OUT terms int8,
	OUT postings int8, OUT pages int8)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'arabic_bm25_index_segments'
LANGUAGE C VOLATILE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION arabic_bm25_index_segments(pg_catalog.regclass) IS
'the segments of an arabic_bm25 index, oldest first: the generation that wrote each, its documents (deleted rows included until VACUUM), dictionary terms, postings and pages (the table''s owner); arabic_bm25_index_stats sums them';
