-- tests/citus/setup.sql: the raw table, distributed by id on Citus
-- (psql variable citus: 1 in the distributed database, 0 on one node).
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET citus.shard_count = 32;
CREATE TABLE articles_raw (id bigint PRIMARY KEY, url text NOT NULL, raw text NOT NULL,
                           fetched_at timestamptz);
\if :citus
SELECT create_distributed_table('articles_raw', 'id') \g /dev/null
\endif
