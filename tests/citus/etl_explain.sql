EXPLAIN (COSTS OFF)
INSERT INTO articles (id, url, fetched_at, title, byline, dateline, published, body, source,
                      tags, related, boilerplate)
SELECT r.id, r.url, r.fetched_at, p.title, p.byline, p.dateline, p.published, p.body, p.source,
       p.tags, p.related, p.boilerplate
FROM articles_raw r, LATERAL arabic_parse_article(r.raw) p;
