-- ts_rank, ts_rank_cd and ts_headline of the 10 best matches of each question.
\ir queries.sql
SELECT format($q$SELECT %L, id, ts_rank(tsv, q), ts_rank_cd(tsv, q) AS rcd,
                      ts_headline('pg_arabic', body, q, 'MaxFragments=1, MaxWords=14, MinWords=6')
               FROM articles, websearch_to_tsquery('pg_arabic', %L) AS q
               WHERE tsv @@ q ORDER BY rcd DESC, id LIMIT 10$q$, words, words)
FROM questions ORDER BY words \gexec
