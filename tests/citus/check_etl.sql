-- Every parsed field of every article, one line each.
SELECT id, md5(row(url, fetched_at, title, byline, dateline, published, body, source,
                   tags, related, boilerplate, tsv, sig)::text)
FROM articles ORDER BY id;
