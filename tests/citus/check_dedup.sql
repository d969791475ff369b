-- Every near-duplicate pair: on one node the README's self-join through the
-- GIN index of the bands; on Citus the band-table recipe (README, Citus).
SET client_min_messages = warning;
\if :citus
DROP TABLE IF EXISTS article_bands, article_candidates, article_check;
-- 1. one row per (band, article), distributed by band
CREATE TABLE article_bands (band int4, id bigint, sig bytea NOT NULL, PRIMARY KEY (band, id));
SELECT create_distributed_table('article_bands', 'band') \g /dev/null
INSERT INTO article_bands SELECT DISTINCT b, id, sig FROM articles, unnest(arabic_minhash_bands(sig)) b;
-- 2. candidate pairs: a self-join on the distribution column, run on every shard
CREATE TABLE article_candidates (a bigint, b bigint, estimate float8 NOT NULL, PRIMARY KEY (a, b));
SELECT create_distributed_table('article_candidates', 'a', colocate_with => 'articles') \g /dev/null
INSERT INTO article_candidates
SELECT DISTINCT x.id, y.id, arabic_minhash_similarity(x.sig, y.sig)
FROM article_bands x JOIN article_bands y ON y.band = x.band AND x.id < y.id;
-- 3. the uncertain ones carry a's text to b's shard
CREATE TABLE article_check (b bigint, a bigint, body_a text, PRIMARY KEY (b, a));
SELECT create_distributed_table('article_check', 'b', colocate_with => 'articles') \g /dev/null
INSERT INTO article_check
SELECT c.b, c.a, coalesce(x.body, '') FROM article_candidates c JOIN articles x ON x.id = c.a
WHERE c.estimate >= 0.3 AND c.estimate < 0.8;
-- 4. the pairs
SELECT a, b FROM article_candidates WHERE estimate >= 0.8
UNION ALL
SELECT k.a, k.b FROM article_check k JOIN articles y ON y.id = k.b
WHERE arabic_jaccard(k.body_a, coalesce(y.body, '')) >= 0.5
ORDER BY 1, 2;
\else
SELECT a.id AS a, b.id AS b
FROM articles a JOIN articles b
  ON arabic_minhash_bands(b.sig) && arabic_minhash_bands(a.sig) AND a.id < b.id
WHERE arabic_minhash_similarity(a.sig, b.sig) >= 0.8
   OR (arabic_minhash_similarity(a.sig, b.sig) >= 0.3
       AND arabic_jaccard(coalesce(a.body, ''), coalesce(b.body, '')) >= 0.5)
ORDER BY 1, 2;
\endif
