-- pg_arabic_parser: token types, slices of the input, locale independence.
SET client_encoding = 'UTF8';

SELECT tokid, alias, description FROM ts_token_type('pg_arabic_parser') ORDER BY tokid;

-- Every token, blanks included: Arabic punctuation separates words, marks,
-- tatweel and invisible controls stay inside the word they sit in.
SELECT t.tokid, a.alias, t.token
FROM ts_parse('pg_arabic_parser',
       E'قالَ «الرئيـــس»، مر\u200Cحبا؛ كوفيد-19 و2024 الـ٥ ٣٫٥٪ ١٬٢٠٠ Reuters G20 école')
     WITH ORDINALITY AS t(tokid, token, ord)
JOIN ts_token_type('pg_arabic_parser') a ON a.tokid = t.tokid
ORDER BY t.ord;

-- URLs (with Arabic slugs), e-mail, hosts, hashtags, mentions.
SELECT t.tokid, a.alias, t.token
FROM ts_parse('pg_arabic_parser',
       'راجع https://www.alkhabar.example/news/2025/وزير-المالية. أو اكتب إلى desk@alkhabar.example عبر alkhabar.example #غزة #اليوم_الوطني @AlkhabarNews')
     WITH ORDINALITY AS t(tokid, token, ord)
JOIN ts_token_type('pg_arabic_parser') a ON a.tokid = t.tokid
WHERE a.alias <> 'blank'
ORDER BY t.ord;

-- The tokens reassemble every sample article exactly.
CREATE TABLE parser_samples (name text, b64 text);
\copy parser_samples FROM PROGRAM 'cd tests/samples && for f in *.txt; do printf "%s\t%s\n" "$f" "$(base64 -w0 "$f")"; done'
SELECT count(*) AS articles,
       count(*) FILTER (WHERE (SELECT string_agg(token, '' ORDER BY ord)
                               FROM ts_parse('pg_arabic_parser', raw) WITH ORDINALITY AS t(id, token, ord)) = raw) AS reassembled
FROM (SELECT convert_from(decode(b64, 'base64'), 'UTF8') AS raw FROM parser_samples) s;
DROP TABLE parser_samples;

-- Invisible controls around (not inside) a word go to the blanks.
SELECT tokid, length(token) AS chars
FROM ts_parse('pg_arabic_parser', E'\u200F\u200Fمصر\u200E \uFEFF')
ORDER BY 1, 2;

-- ts_debug through the configuration.
SELECT alias, token, dictionaries, lexemes
FROM ts_debug('pg_arabic', 'والمعلمون في المدارس 2024 Reuters http://x.example/a')
ORDER BY alias, token;

-- Bad and extreme input.
SELECT count(*) AS tokens FROM ts_parse('pg_arabic_parser', '');
SELECT count(*) AS tokens, max(length(token)) AS longest
FROM ts_parse('pg_arabic_parser', repeat('ب', 1000000));
SELECT count(*) AS tokens FROM ts_parse('pg_arabic_parser', repeat('a.', 100000));
SELECT count(*) AS tokens FROM ts_parse('pg_arabic_parser', repeat(E'\u200C', 10000));
SELECT string_agg(tokid::text, ',') AS types
FROM ts_parse('pg_arabic_parser', E'\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000\u1680\t\n\r\u2028\u2029');
SELECT string_agg(token, '|' ORDER BY ord) AS mixed
FROM ts_parse('pg_arabic_parser', 'مرحباHello東京١٢abc') WITH ORDINALITY AS t(id, token, ord);
