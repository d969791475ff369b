-- The questions of the search checks (a temp table on both sides).
CREATE TEMP TABLE questions (words text PRIMARY KEY);
INSERT INTO questions VALUES ('المسؤولين عن المستشفيات'), ('أسعار النفط'), ('الأمطار والسيول -جدة'),
	('"كأس العالم"'), ('وزارة الصحة'), ('الهلال النصر'), ('هيئة التحقيق والادعاء العام'),
	('الرياض'), ('فيروس كورونا'), ('الأمن العام');
