-- Arabic dates: arabic_parse_date and arabic_find_dates.
SET client_encoding = 'UTF8';
SET DateStyle = 'ISO, YMD';
-- Invisible characters shown as <U+XXXX>: psql 15 and 17 pad them differently.
CREATE FUNCTION pg_temp.visible(s text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN (SELECT coalesce(string_agg(CASE WHEN c ~ E'[\u00A0\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]'
        THEN '<U+' || upper(lpad(to_hex(ascii(c)), 4, '0')) || '>' ELSE c END, '' ORDER BY n), '')
        FROM regexp_split_to_table(s, '') WITH ORDINALITY AS t(c, n));

-- Every regional month system, digits of three systems, weekdays and times.
SELECT pg_temp.visible(input) AS input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('21 مايو 2025'),
	('تاريخ النشر: 14 أبريل 2025 - 9:15 صباحًا'),
	('14 ابريل 2025 - 1:40 مساءً'),
	('5 أغسطس 2023'), ('5 اغسطس 2023'), ('1 يونيه 2020'),
	('الأربعاء ١١ حزيران ٢٠٢٥ | ١١:٣٠'),
	('٢٠ تشرين الثاني ٢٠٢٥'), ('31 كانون الأول 2024'), ('1 كانون الثاني 2024'),
	('5 آذار/مارس 2021'), ('تاريخ النشر: الأربعاء، ٢ نيسان ٢٠٢٥ - ٠٤:١٥ م'),
	('03 جانفي 2025'), ('28 فيفري 2025'), ('12 ماي 2025 - 23:10'), ('1 جوان 2025'),
	('5 جويلية 2024'), ('15 أوت 2024'), ('9 أفريل 2024'),
	('حرر بتاريخ 14 يوليوز 2025 على الساعة 17:45'), ('2 غشت 2023'), ('7 شتنبر 2022'),
	('30 نونبر 2022'), ('31 دجنبر 2022'),
	('۳۰ حزيران ۲۰۲۵'),
	(E'الخميس 26 يونيو 2025 - 10:31 مساءً'),
	(E'21\u00A0مايو\u200F 2025'),
	(E'١٥ مايـــو ٢٠٢٥'),
	('Monday, 10 August 2015 - 13:12 pm'),
	('08 ديسمبر 2016 11:30 KSA'),
	('الاثنين - 26 مايو 2014')
) AS t(input)
ORDER BY input COLLATE "C";

-- Hijri dates (Umm al-Qura through ICU) and dual dates: Gregorian wins.
SELECT input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('23 ذو القعدة 1446 هـ'),
	('16 رمضان 1446 هـ'),
	('۵ محرم ۱۴۴۷ هـ'),
	('1446/11/23 هـ'),
	('10 ذي الحجة 1446 هـ'),
	('الرياض 23 ذو القعدة 1446 هـ الموافق 21 مايو 2025 م واس'),
	('الاحد 16 رمضان 1446 هـ - 16 مارس 2025  00:04'),
	('الأحد ٦ ربيع الآخر ١٤٤٧ هـ - 28/09/2025 | 08:45 م'),
	('حرر بتاريخ الأربعاء 08 رجب 1446 هـ الموافق 08 يناير 2025 على الساعة 11:20'),
	('بغداد - الاثنين ۵ محرم ۱۴۴۷ هـ / ۳۰ حزيران ۲۰۲۵'),
	('تبوك 08 جمادى الآخرة 1446 هـ الموافق 09 ديسمبر 2024 م واس')
) AS t(input)
ORDER BY input COLLATE "C";

-- Numeric dates: day first, or year first.
SELECT input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('28/09/2025'), ('الأحد 16-03-2025 14:30'), ('2025/09/28'), ('2025-09-28 08:00'),
	('٠٢/٠٦/٢٠٢٥ - ٠٦:١٥ م'), ('21 مايو 2025 10:46 ت م')
) AS t(input)
ORDER BY input COLLATE "C";

-- Numeric with spaces around the slashes: both slashes spaced alike and a
-- 4-digit year at one end; a score, a fraction or a mixed form is no date.
SELECT input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('١ / ١٢ / ٢٠٢٠'), ('نشر في 1 / 12 / 2020 - 09:23'), ('2020 / 12 / 01'),
	('فاز الفريق 2 / 3 في المباراة'), ('2 / 3 / 4'), ('1 / 2 / 20'), ('1/2 / 2020'),
	('1 - 12 - 2020'), ('1 / 12 / 2020 / 5'), ('31 / 02 / 2024')
) AS t(input)
ORDER BY input COLLATE "C";

-- Every date of a text, with its position, as written.
SELECT "position", matched, value, has_time, calendar
FROM arabic_find_dates('الرياض 23 ذو القعدة 1446 هـ الموافق 21 مايو 2025 م واس، وكان آخر تحديث في 28/09/2025 | 08:45 م')
ORDER BY "position";

SELECT count(*) AS dates_in_nothing FROM arabic_find_dates('لا تاريخ هنا');

-- Impossible dates are not dates; an impossible time is not taken.
SELECT pg_temp.visible(input) AS input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('31 فبراير 2024'), ('29 فبراير 2023'), ('29 فبراير 2024'),
	('99:99 م'), ('1 يناير 2024 99:99 م'), ('1 يناير 2024 25:00'),
	('1 يناير 0000'), ('1 يناير 0'), ('1 يناير 99999'),
	('31/02/2024'), ('13/13/2024'), ('1.5.2024.7'),
	('1 محرم 0 هـ'), ('1 محرم 0000 هـ'), ('30 رمضان 1446 هـ'),
	('مايو 2025'), ('يوم الأحد'), (''), ('no date here'),
	(E'\u200F\u200E\u00A0'), (repeat('٩', 20) || ' مايو 2025')
) AS t(input)
ORDER BY input COLLATE "C";

-- Forms of Arab outlets (issue 11): month first (WordPress, English), ISO 8601
-- with a zone (the time kept as written), Maghrebi hours, the time before the
-- date, two month names, weekday + الموافق, Persian digits, قبل/بعد الظهر.
SELECT pg_temp.visible(input) AS input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('مايو 21، 2025'), ('May 21, 2025'), ('Wed, 21 May 2025 14:42:00 GMT'),
	('Sept. 5th 2025, 8:00 pm'), ('2025-05-21T14:42:00+03:00'), ('2025-05-21T09:05:00Z'),
	('الأربعاء 21 ماي 2025 - 14h42'), ('14:42 - الأربعاء 21 مايو 2025'),
	('02:42 م، 21/05/2025'), ('21 أيار (مايو) 2025'), ('21 مايو/ أيار 2025'),
	('الأحد الموافق 7 سبتمبر 2025'),
	('الأحد 12 ربيع الأول 1447هـ الموافق لـ 5 سبتمبر 2025م'),
	('۲۱ مايو ۲۰۲۵ - ۱۰:۳۰'), ('21 مايو 2025 الساعة 3:10 بعد الظهر'),
	('21 مايو 2025 في تمام الساعة 8:15 مساءً')
) AS t(input)
ORDER BY input COLLATE "C";

-- Not dates, or not these: relative times (the function has no reference
-- time), a score, phone numbers, a year or a time alone, impossible days and
-- hours (the date stays without the impossible time).
SELECT pg_temp.visible(input) AS input, arabic_parse_date(input) AS parsed
FROM (VALUES
	('منذ 3 ساعات'), ('منذ يومين'), ('فاز الهلال 2 - 1'), ('للتواصل 0100-123-4567'),
	('هاتف: 02-2345-6789'), ('عام 2025'), ('14:42'), ('الساعة 14:42 مساءً'),
	('February 30, 2024'), ('مايو 32، 2025'), ('مايو 15 مليون'),
	('2025-05-21T25:10:00Z'), ('21 مايو 2025 - 14h75'), ('13:00 ص 21 مايو 2025')
) AS t(input)
ORDER BY input COLLATE "C";

SELECT arabic_parse_date(NULL) IS NULL AS strict_null;

-- Large inputs: 100,000 lines with the date at the end; a 50 MB value.
SELECT arabic_parse_date(repeat(E'سطر بلا تاريخ 12 و 34\r\n', 100000) || '3 مايو 2025') AS at_the_end;
SELECT arabic_parse_date(repeat('ا', 50 * 1024 * 1024)) AS fifty_mb;
SELECT count(*) AS found FROM arabic_find_dates(repeat('1 مايو 2025 ', 10000));
