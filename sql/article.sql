-- arabic_parse_article over the 24 samples, bad inputs, user rules, limits.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
CREATE TEMP TABLE samples (id text PRIMARY KEY, raw text NOT NULL);
\set raw `cat tests/samples/01_cairo_metro.txt`
INSERT INTO samples VALUES ('01', :'raw');
\set raw `cat tests/samples/02_riyadh_housing_spa.txt`
INSERT INTO samples VALUES ('02', :'raw');
\set raw `cat tests/samples/03_dubai_weather.txt`
INSERT INTO samples VALUES ('03', :'raw');
\set raw `cat tests/samples/04_beirut_fuel_prices.txt`
INSERT INTO samples VALUES ('04', :'raw');
\set raw `cat tests/samples/05_algiers_football.txt`
INSERT INTO samples VALUES ('05', :'raw');
\set raw `cat tests/samples/06_rabat_dams.txt`
INSERT INTO samples VALUES ('06', :'raw');
\set raw `cat tests/samples/07_baghdad_electricity.txt`
INSERT INTO samples VALUES ('07', :'raw');
\set raw `cat tests/samples/08_gaza_water.txt`
INSERT INTO samples VALUES ('08', :'raw');
\set raw `cat tests/samples/09_amman_startup.txt`
INSERT INTO samples VALUES ('09', :'raw');
\set raw `cat tests/samples/10_kuwait_vaccination.txt`
INSERT INTO samples VALUES ('10', :'raw');
\set raw `cat tests/samples/11_tunis_olive_oil.txt`
INSERT INTO samples VALUES ('11', :'raw');
\set raw `cat tests/samples/12_cairo_court.txt`
INSERT INTO samples VALUES ('12', :'raw');
\set raw `cat tests/samples/13_bonn_climate_talks.txt`
INSERT INTO samples VALUES ('13', :'raw');
\set raw `cat tests/samples/14_makkah_ramadan.txt`
INSERT INTO samples VALUES ('14', :'raw');
\set raw `cat tests/samples/15_riyadh_inflation.txt`
INSERT INTO samples VALUES ('15', :'raw');
\set raw `cat tests/samples/16_doha_book_fair.txt`
INSERT INTO samples VALUES ('16', :'raw');
\set raw `cat tests/samples/17_muscat_tropical_low.txt`
INSERT INTO samples VALUES ('17', :'raw');
\set raw `cat tests/samples/18_smartphone_launch.txt`
INSERT INTO samples VALUES ('18', :'raw');
\set raw `cat tests/samples/19_dubai_satellite.txt`
INSERT INTO samples VALUES ('19', :'raw');
\set raw `cat tests/samples/20_tabuk_road_works.txt`
INSERT INTO samples VALUES ('20', :'raw');
\set raw `cat tests/samples/21_damascus_wheat.txt`
INSERT INTO samples VALUES ('21', :'raw');
\set raw `cat tests/samples/22_egypt_exams.txt`
INSERT INTO samples VALUES ('22', :'raw');
\set raw `cat tests/samples/23_marrakech_tourism.txt`
INSERT INTO samples VALUES ('23', :'raw');
\set raw `cat tests/samples/24_mosul_old_market.txt`
INSERT INTO samples VALUES ('24', :'raw');
CREATE TEMP TABLE parsed AS SELECT id, (arabic_parse_article(raw)).* FROM samples;

-- The fields of every sample (expected values reviewed by hand).
SELECT id, title, byline, dateline, published, source FROM parsed ORDER BY id;
SELECT id, tags FROM parsed WHERE tags <> '{}' ORDER BY id;
SELECT id, r->>'title' AS related_title, r->>'date' AS related_date
FROM parsed, jsonb_array_elements(related) WITH ORDINALITY AS x(r, n) ORDER BY id, n;
-- Body: paragraphs, first words, nothing of the boilerplate left in it.
SELECT id, array_length(string_to_array(body, E'\n'), 1) AS paragraphs,
       left(body, 30) AS body_starts, right(body, 20) AS body_ends,
       array_length(boilerplate, 1) AS removed
FROM parsed ORDER BY id;
SELECT id, b AS leaked FROM parsed, unnest(boilerplate) AS b
WHERE length(b) > 20 AND strpos(body, b) > 0 ORDER BY id;
-- (the tatweel of the Hijri abbreviation هـ is kept: it is not noise)
SELECT count(*) AS bodies_with_noise FROM parsed
WHERE regexp_replace(body, E'(?<![\u0621-\u064A])\u0647\u0640(?![\u0621-\u064A])', '', 'g')
      ~ E'[\r\u00A0\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u0640]';

-- The composite, for one article.
SELECT (arabic_parse_article(raw)).* FROM samples WHERE id = '12' \gx

-- Bad inputs: empty, no Arabic, all boilerplate, CRLF/NBSP/invisible noise.
SELECT title, body, tags, related, boilerplate FROM arabic_parse_article('');
SELECT title, body FROM arabic_parse_article(E'Just an English line\nand another one.');
SELECT title, body, byline, source, boilerplate
FROM arabic_parse_article(E'شارك\r\nفيسبوك\r\nكتب: أحمد\r\nالمصدر: وكالات\r\n\u00A0\r\n// انتهى //');
SELECT title, byline, published, body
FROM arabic_parse_article(E'\uFEFFعنوان\u200F الخبر\r\n\u00A0\r\nتاريخ\u00A0النشر: 14\u00A0أبريل 2025\r\nكتـــب: ســارة\r\nنص الخبر الأول هنا وهو طويل بما يكفي ليكون فقرة من فقرات المتن.\r\n');

-- Display details: a zero-width space that surely separates two words is a
-- space (before ال after a word, after ة, between scripts), elsewhere it goes;
-- the Hijri abbreviation هـ keeps its tatweel (also glued to digits), other tatweel goes.
SELECT body FROM arabic_parse_article(E'عنوان\nتقنيات الذكاء\u200Bالاصطناعي والزيت\u200B السائب لشركة\u200Bناشئة Nova\u200Bهاتف وهؤ\u200Bلاء و\u200Bالتجربة وب\u200Bالعمل "\u200Bمافيا"\u200B في عام 1446 هـ، و1447ه\u0640\u0640 الموافق والـ٢٧ وهـذا.');
-- SPA: the header line is the dateline as written; the time line after the
-- end marker (Makkah time, not pm) gives the time of the date.
SELECT dateline, published, body FROM arabic_parse_article(E'عنوان الخبر هنا\nجدة 08 جمادى الآخرة 1446 ه\u0640 الموافق 09 ديسمبر 2024 م واس\nنص الخبر الأول طويل بما يكفي ليكون فقرة من المتن هنا.\n// انتهى //\n٠٩:٠٥ ت م');
-- Run-together tags: phrases of the text, a construct only after a noun the
-- text uses with the article, a noun and its nisba adjective (not a word the
-- text uses as a noun, after a preposition: في السعودية).
SELECT tags FROM arabic_parse_article(E'عنوان\nزار الوفد مدينة جدة وناقش الأدب والتعليم في السعودية، ثم عرض ميزانية الدولة.\nوسوم: جدة التعليم السعودية أدب الأطفال الموارد المائية الريال السعودي ميزانية الدولة');

-- Large inputs: 100,000 lines; a label line repeated 20,000 times; 50 MB.
SELECT length(body) AS body_chars, cardinality(boilerplate) AS removed
FROM arabic_parse_article(repeat(E'هذا سطر من متن الخبر\r\n', 100000));
SELECT tags, body = '' AS empty_body, array_length(boilerplate, 1) AS removed
FROM arabic_parse_article(repeat(E'كلمات دلالية: وسم\n', 20000));
SELECT length(body) AS body_chars FROM arabic_parse_article(repeat('نص ', 17 * 1024 * 1024));

-- A site's own rules: the shipped ones plus a line, as a second argument.
SELECT source, boilerplate FROM arabic_parse_article(
	E'عنوان\nنص الخبر الأول طويل بما يكفي ليكون فقرة من المتن هنا.\nاشترك في النشرة البريدية\nالمصدر: وكالات',
	arabic_article_rules() || E'\nshare\t^اشترك في النشرة');
SELECT length(arabic_article_rules()) > 1000 AS rules_shipped;

-- Bad rules and a catastrophic pattern: clear errors, no hang.
SELECT title FROM arabic_parse_article('x', E'source\t^(unclosed');
SELECT title FROM arabic_parse_article('x', E'nosuchkind\tx');
SELECT title FROM arabic_parse_article(repeat('a', 60) || '!', E'share\t^(\\w+\\s?)*$');

-- The content model (issue 11): a one-line read-also link keeps the story after it; a breadcrumb,
-- a caption and a call to action leave the body; run-together tags keep multiword names; a
-- related date keeps its time; guillemets that are not an outer pair stay.
SELECT title, array_length(string_to_array(body, E'\n'), 1) AS paragraphs, tags, related,
       boilerplate
FROM arabic_parse_article(E'الرئيسية > اقتصاد > بنوك\n'
	'الحكومة تعلن حزمة إجراءات لدعم الأسر\n'
	'الوزير خلال الجولة (أرشيفية)\n'
	'قال وزير المالية إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة من الإجراءات لدعم الأسر ذات الدخل المحدود.\n'
	'اقرأ أيضا: الحكومة تحدد موعد صرف المعاشات\n'
	'وأضاف أن هذه الإجراءات تشمل زيادة المعاشات ورفع حد الإعفاء الضريبي، مشيرا إلى أن التكلفة تبلغ نحو ملياري جنيه.\n'
	'اضغط هنا لمتابعة التغطية الكاملة\n'
	'كلمات دلالية: الأمم المتحدة المملكة العربية السعودية الإعفاء الضريبي\n'
	'أخبار ذات صلة\n'
	'«التعاون الإسلامي» تُدين اعتداء على سفينة «مادلين»\n'
	'21 مايو 2025 - 2:42 صباحًا\n');
-- A page without a title line and a bare dateline: the first paragraph stays in the body.
SELECT title, dateline, left(body, 20) AS body_start
FROM arabic_parse_article(E'عمّان — قال وزير المالية إن الحكومة ستعلن خلال الأسبوع المقبل عن حزمة من الإجراءات لدعم الأسر.\n'
	'وأضاف أن هذه الإجراءات تشمل زيادة المعاشات ورفع حد الإعفاء الضريبي.');

-- Credits of real pages: an agency credited as the writer is the source, not the byline (a
-- person whose name starts like an agency stays the byline); "person- outlet- place:" gives the
-- byline and the dateline, not the outlet; a "Next Previous" carousel glued before a credit goes.
SELECT byline, source, dateline, left(body, 20) AS body_start
FROM (VALUES
	(E'عنوان الخبر هنا\nالثلاثاء 07-09-2010 15:11 | كتب: إفي |\nذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.'),
	(E'عنوان الخبر هنا\nكتب: وائل قنديل\nذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.'),
	(E'عنوان الخبر هنا\n حسن العيسي- سبق- القنفذة: ذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة.'),
	(E'عنوان الخبر هنا\nNext Previous نايف عبدالله – جدة\nذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة.')
) AS t(raw), arabic_parse_article(raw);

-- Dates and datelines of more outlets (issue 11): a publication stamp at the bottom of the page;
-- a date in the credit line and after the title; "(agency) -", "place in day month (agency) -",
-- "city (الأمم المتحدة) -", "place: agency -", "place - outlet:", "place - reporter:"; a dashed aside
-- opening a sentence is no dateline; an update stamp or a relative time is not the date.
SELECT title, byline, dateline, published, left(body, 20) AS body_start
FROM (VALUES
	(E'خطة جديدة للنقل العام في المدن\nقالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل في ثلاث مدن كبرى.\nتاريخ النشر: 21/05/2025 - 02:42 م'),
	(E'خطة جديدة للنقل العام في المدن\nكتب: محمد الشامي - 21 مايو 2025 - 14:42\nقالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل في ثلاث مدن كبرى.'),
	(E'خطة جديدة للنقل العام في المدن | 21 مايو 2025\nقالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل في ثلاث مدن كبرى.'),
	(E'خطة جديدة للنقل العام في المدن\n(بترا) - قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.'),
	(E'خطة جديدة للنقل العام في المدن\nالرباط في 21 ماي (ومع) - قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.'),
	(E'خطة جديدة للنقل العام في المدن\nنيويورك (الأمم المتحدة) - قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.'),
	(E'خطة جديدة للنقل العام في المدن\nالرياض: واس - قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.'),
	(E'خطة جديدة للنقل العام في المدن\nبيروت - سكاي نيوز عربية: قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.'),
	(E'خطة جديدة للنقل العام في المدن\nالقاهرة - محمد الشامي: قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.'),
	(E'خطة جديدة للنقل العام في المدن\nقالت الحكومة - في بيان مطول صدر اليوم - إن الخطة تبدأ قريبا في ثلاث مدن.'),
	(E'خطة جديدة للنقل العام في المدن\nآخر تحديث: 22 مايو 2025 - 09:00\nمنذ 3 ساعات\nقالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل.')
) AS t(raw), arabic_parse_article(raw);

-- A label line is no dateline: "المصدر: سونا" stays the source, a read-also line with a dash and a
-- colon stays a related item.
SELECT dateline, source, related
FROM arabic_parse_article(E'خطة جديدة للنقل العام في المدن\n'
	'اقرأ أيضا - وزير المالية: لا زيادة في أسعار تذاكر الحافلات هذا العام\n'
	'قالت الحكومة اليوم إن خطة النقل الجديدة تبدأ الشهر المقبل في ثلاث مدن كبرى.\n'
	'المصدر: سونا');
-- Credits signed with the outlet (issue 11, real data): the reporters are the byline, the
-- outlet is neither; "outlet place:" without a dash gives the place, "سبق أن" (a verb) does
-- not; an agency named by its adjective alone is the source.  Comment policies, opinion
-- disclaimers and copyright lines under the story leave the body.
SELECT byline, dateline, source, left(body, 20) AS body_start
FROM (VALUES
	(E'عنوان الخبر هنا\nحامد القرشي – قاسم الزرعي – عين اليوم\nذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.'),
	(E'عنوان الخبر هنا\nنايف عبدالله – عين اليوم ذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة.'),
	(E'عنوان الخبر هنا\nسبق أبها: ذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.'),
	(E'عنوان الخبر هنا\nسبق أن ذكر تقرير إخباري أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.'),
	(E'عنوان الخبر هنا\nكتب: الألمانية\nذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة.')
) AS t(raw), arabic_parse_article(raw);
SELECT body, boilerplate
FROM arabic_parse_article(E'عنوان الخبر هنا\n'
	'ذكر تقرير إخباري اليوم أن اللاعب سيغيب عن المباراة المقبلة بسبب الإصابة في الركبة.\n'
	'يرحب الموقع بتعليقاتكم، وننصحك بقراءة شروط الاستخدام قبل نشرها حتى لا نضطر إلى حذفها.\n'
	'الآراء الواردة أدناه لا تعبر عن رأي الموقع بل عن أصحابها.\n'
	'© 2025 جميع الحقوق محفوظة');

-- A list written once: "define NAME = pattern" in the rules, used as {NAME}; bad defines are
-- clear errors (unknown, used before it is defined, using itself, given twice, too long once
-- expanded).
SELECT source FROM arabic_parse_article(E'عنوان الخبر\nالمصدر: وام',
	E'define\tAG = وام|واس\nsource\t^المصدر:\\s*(?<v>{AG})$');
SELECT source FROM arabic_parse_article('x', E'source\t^{NOPE}');
SELECT source FROM arabic_parse_article('x', E'source\t^{AG}\ndefine\tAG = x');
SELECT source FROM arabic_parse_article('x', E'define\tAG = x|{AG}');
SELECT source FROM arabic_parse_article('x', E'define\tAG = x\ndefine\tAG = y');
SELECT source FROM arabic_parse_article('x', E'define\tag = x');
SELECT source FROM arabic_parse_article('x', E'define\tA = ' || repeat('x', 1000) ||
	E'\ndefine\tB = {A}{A}{A}{A}{A}\nsource\t^{B}$');
