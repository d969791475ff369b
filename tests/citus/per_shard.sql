-- How far BM25 statistics of each shard alone (what a per-index BM25 has on
-- Citus) move the top 10 from the global statistics: for each question, the
-- shared articles of the two top-10 lists, whether the order is the same,
-- and the largest relative change of a global top-10 score.
\set ON_ERROR_STOP 1
\pset footer off
SET client_min_messages = warning;
\ir queries.sql
CREATE TEMP TABLE shard_docs AS
SELECT get_shard_id_for_distribution_column('articles', id) AS shard, id, tsv FROM articles;
CREATE TEMP TABLE shard_stats AS
SELECT shard, count(*) AS n, sum(arabic_bm25_length(tsv))::float8 / count(*) AS avgdl
FROM shard_docs GROUP BY shard;
CREATE TEMP TABLE qp AS
SELECT words, arabic_bm25_query('pg_arabic', words) AS q,
       arabic_bm25_prepare('articles', 'tsv', arabic_bm25_query('pg_arabic', words)) AS p
FROM questions;
-- the lexemes of each prepared query, read from its text form
CREATE TEMP TABLE qlex AS
SELECT words, replace(m[1], '''''', '''') AS lex
FROM qp, regexp_matches(p::text, '''((?:[^'']|'''')*)'':', 'g') m;
CREATE TEMP TABLE shard_value AS
SELECT qp.words, st.shard,
       format('N=%s avgdl=%s k1=0.9 b=0.4 %s', st.n, st.avgdl,
              coalesce((SELECT string_agg(format('''%s'':%s', replace(l.lex, '''', ''''''),
                                                 (SELECT count(*) FROM shard_docs d
                                                  WHERE d.shard = st.shard AND d.tsv @@ format('%L', l.lex)::tsquery)), ' ')
                        FROM qlex l WHERE l.words = qp.words), ''))::arabic_bm25_prepared AS p
FROM qp, shard_stats st;
-- self-check of that construction: over all shards it gives the global value
CREATE TEMP TABLE all_value AS
SELECT qp.words,
       format('N=%s avgdl=%s k1=0.9 b=0.4 %s', (SELECT count(*) FROM shard_docs),
              (SELECT sum(arabic_bm25_length(tsv))::float8 / count(*) FROM shard_docs),
              coalesce((SELECT string_agg(format('''%s'':%s', replace(l.lex, '''', ''''''),
                                                 (SELECT count(*) FROM shard_docs d
                                                  WHERE d.tsv @@ format('%L', l.lex)::tsquery)), ' ')
                        FROM qlex l WHERE l.words = qp.words), ''))::arabic_bm25_prepared AS p
FROM qp;
SELECT count(*) AS self_check_rows,
       count(*) FILTER (WHERE arabic_bm25(d.tsv, v.p) <> arabic_bm25(d.tsv, qp.p)) AS self_check_differ
FROM qp JOIN shard_docs d ON d.tsv @@ qp.q JOIN all_value v ON v.words = qp.words;
CREATE TEMP TABLE ranks AS
SELECT qp.words, d.id, arabic_bm25(d.tsv, qp.p) AS global, arabic_bm25(d.tsv, sv.p) AS per_shard
FROM qp JOIN shard_docs d ON d.tsv @@ qp.q
JOIN shard_value sv ON sv.words = qp.words AND sv.shard = d.shard;
CREATE TEMP TABLE top AS
SELECT words, id, global, per_shard,
       row_number() OVER (PARTITION BY words ORDER BY global DESC, id) AS g_rank,
       row_number() OVER (PARTITION BY words ORDER BY per_shard DESC, id) AS s_rank
FROM ranks;
SELECT words AS question,
       count(*) FILTER (WHERE g_rank <= 10) AS top10,
       count(*) FILTER (WHERE g_rank <= 10 AND s_rank <= 10) AS shared,
       bool_and(g_rank = s_rank) FILTER (WHERE g_rank <= 10) AS same_order,
       round(max(abs(per_shard - global) / global) FILTER (WHERE g_rank <= 10)::numeric, 3) AS max_rel_change
FROM top GROUP BY words ORDER BY words;
SELECT sum(least(n, 10)) AS top10_slots,
       (SELECT count(*) FROM top WHERE g_rank <= 10 AND s_rank <= 10) AS kept,
       round((SELECT count(*) FROM top WHERE g_rank <= 10 AND s_rank <= 10)::numeric / sum(least(n, 10)), 3) AS overlap_at_10
FROM (SELECT words, count(*) AS n FROM ranks GROUP BY words) t;
