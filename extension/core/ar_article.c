/*
 * ar_article.c
 *		Splitting a scraped Arabic news article into fields: the assembly.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * Three passes over the lines of the article:
 *	1. classify (in steps, for interrupt checks; ar_article_lines.c): fold
 *	   each line, find the first rule that matches it, its dates and the
 *	   features of the content model;
 *	2. the content model (ar_article_model.c) gives every unlabelled line a
 *	   class from its features and its neighbours;
 *	3. assemble: one walk over the lines.  A labelled line is placed by its
 *	   label (byline, source, tags, stamps ...); a read-also label or a
 *	   related header places the lines it governs (ar_article_related.c);
 *	   an unlabelled line is a date line of the head, boilerplate when the
 *	   model says BAD, the title when it is the first title-like line before
 *	   the body, else a body paragraph.
 * Tags need the phrases of the whole title and body, so their grams are
 * collected before the walk from every unlabelled line.
 *----------
 */
#include "ar_article_int.h"

/* Read one digit of any of the three systems at s[*i]; -1 when none. */
static int
digit_at(const char *s, size_t n, size_t *i)
{
	const unsigned char *u = (const unsigned char *) s;

	if (*i < n && u[*i] >= '0' && u[*i] <= '9')
		return u[(*i)++] - '0';
	if (*i + 1 < n && u[*i] == 0xD9 && u[*i + 1] >= 0xA0 && u[*i + 1] <= 0xA9)
		return (*i += 2, u[*i - 1] - 0xA0);
	if (*i + 1 < n && u[*i] == 0xDB && u[*i + 1] >= 0xB0 && u[*i + 1] <= 0xB9)
		return (*i += 2, u[*i - 1] - 0xB0);
	return -1;
}

/* A trailer line that starts with a time "H:MM" or "HH:MM": set it on d. */
static void
trailer_time(ArDate *d, const char *s, size_t n)
{
	size_t		i = 0;
	int			h,
				m1,
				m2,
				x;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if ((h = digit_at(s, n, &i)) < 0)
		return;
	if ((x = digit_at(s, n, &i)) >= 0)
		h = h * 10 + x;
	if (i >= n || s[i++] != ':')
		return;
	if ((m1 = digit_at(s, n, &i)) < 0 || (m2 = digit_at(s, n, &i)) < 0)
		return;
	if (digit_at(s, n, &i) >= 0 || h > 23 || m1 * 10 + m2 > 59)
		return;
	d->hour = h;
	d->minute = m1 * 10 + m2;
	d->second = 0;
	d->has_time = true;
}


/* Set the publication date from a line of the head, once. */
static void
head_date(Assembly *as, const ArDate *d)
{
	if (d != NULL && !as->art->has_published && !as->body_started)
	{
		as->art->published = *d;
		as->art->has_published = true;
	}
}

/* The first date of a line, or NULL. */
static const ArDate *
line_date(const Assembly *as, const Line *ln)
{
	return ln->date >= 0 ? &((const ArDate *) as->ps->dates.data)[ln->date] : NULL;
}

/* A line with a title prefix (عاجل | ...): the prefix is boilerplate, the rest the title. */
static ArStatus
title_prefix_line(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;
	bool		ok;

	TRY(ar_art_boiler(as, s, ln->m_end));
	TRY(ar_art_value(as, s + ln->m_end, ln->len - ln->m_end, false, AR_DEST_TITLE,
					 &as->art->title, &ok));
	as->art->has_title = ok;
	return AR_OK;
}

/*
 * A dateline opening the first paragraph: the place to the dateline, the
 * rest to the body; a credit "person - outlet - place:" (sabq) names the
 * reporter too (the rule's (?<b>...)), and its outlet is neither.  A place
 * that opens with a given name is a person (the byline), not a place.
 */
static ArStatus
dateline_line(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;
	size_t		b = ln->b_start,
				bn = ln->b_end - ln->b_start;
	int			w = ar_art_count_words(s, ln->v_start, ln->v_end);
	bool		ok = false;
	bool		split;

	/* "place - person" or "person - place": each side to its field */
	TRY(ar_art_reporter_side(as, ln, &split));
	if (split)
	{
		bn = 0;
		ok = as->art->has_dateline;
	}
	else if (bn == 0 && w >= 2 && w <= 4 &&
			 ar_art_given_first(as->ps->rules, &as->scratch, s + ln->v_start,
								ln->v_end - ln->v_start))
	{
		/*
		 * a "place" of two to four words that opens with a given name is the
		 * reporter ("عين اليوم – هيفاء عبدالله", "قاسم الزرعي –"): the byline
		 */
		/* the person ends at a dash: "لجين الأحمدي – متابعات" names the desk after it */
		b = ln->v_start;
		bn = ln->v_end - ln->v_start;
		for (size_t k = 0; k < bn; k++)
			if (s[b + k] == '-' || (k + 2 < bn && memcmp(s + b + k, "\xE2\x80", 2) == 0 &&
									 ((unsigned char) s[b + k + 2] == 0x93 ||
									  (unsigned char) s[b + k + 2] == 0x94)))
			{
				bn = k;
				break;
			}
	}
	else
		TRY(ar_art_value(as, s + ln->v_start, ln->v_end - ln->v_start, false, -1,
						 &as->art->dateline, &ok));
	as->art->has_dateline = ok;
	if (bn > 0 && !as->art->has_byline)
		TRY(ar_art_value(as, s + b, bn, false, -1, &as->art->byline, &as->art->has_byline));
	TRY(ar_art_boiler(as, s, ln->m_end));
	if (ln->m_end < ln->len)
	{
		TRY(ar_art_paragraph(as, s + ln->m_end, ln->len - ln->m_end));
		as->body_started = true;
		as->nparas++;
	}
	return AR_OK;
}

/* A labelled field (byline, source) s[vs..ve) taken once; the line goes to the boilerplate. */
static ArStatus
field_line(Assembly *as, const Line *ln, size_t vs, size_t ve, ArSpan *field, bool *has)
{
	const char *s = as->ps->s + ln->off;

	if (!*has && ve > vs)
		TRY(ar_art_value(as, s + vs, ve - vs, false, -1, field, has));
	return ar_art_boiler(as, s, ln->len);
}

/*
 * A byline naming a news agency ("كتب: إفي", "متابعة - وكالات") credits the
 * agency: it is the source (unless a source label says otherwise), not the
 * byline.
 */
static ArStatus
byline_line(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;
	ArArticle  *art = as->art;
	bool		agency;
	size_t		ve = ar_art_before_date(ln, s, ln->v_start, ln->v_end);	/* "فلان - 21 مايو" */

	TRY(ar_art_agency(as, s + ln->v_start, ve - ln->v_start, &agency));
	if (!agency)
		return field_line(as, ln, ln->v_start, ve, &art->byline, &art->has_byline);
	if (!art->has_source)
	{
		TRY(ar_art_value(as, s + ln->v_start, ve - ln->v_start, false, -1,
						 &art->source, &art->has_source));
		as->source_credit = art->has_source;
	}
	return ar_art_boiler(as, s, ln->len);
}

/* A paragraph with a trailer glued to its end: the text before it stays in the body. */
static ArStatus
tail_line(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;

	if (ar_art_count_words(s, 0, ln->m_start) > 0)
	{
		TRY(ar_art_paragraph(as, s, ln->m_start));
		as->body_started = true;
		as->nparas++;
	}
	return ar_art_boiler(as, s + ln->m_start, ln->len - ln->m_start);
}

/* Place a labelled line by its kind; *done is false when it reads as unlabelled. */
static ArStatus
labelled_line(Assembly *as, size_t i, bool *done)
{
	const Line *ln = LINE(as->ps, i);
	ArArticle  *art = as->art;
	const char *s = as->ps->s + ln->off;
	const ArDate *d = line_date(as, ln);

	*done = true;
	switch (ln->kind)
	{
		case AR_RK_TITLE_PREFIX:
			if (art->has_title || as->body_started)
				break;
			return title_prefix_line(as, ln);
		case AR_RK_DATELINE:
			/* a dateline only opens the article: not a date line, not what looks like the title */
			if (art->has_dateline || as->nparas > 1 || ar_art_date_line(ln, false) ||
				(!art->has_title && !as->body_started && ar_art_title_like(ln)))
				break;
			return dateline_line(as, ln);
		case AR_RK_UPDATED:
			/* a date before "last updated" is the publication date */
			if (ln->date_first >= ln->v_end)
				d = NULL;
			head_date(as, d);
			return ar_art_boiler(as, s, ln->len);
		case AR_RK_STAMP:
			ar_art_stamp_date(as, i, d);
			return ar_art_boiler(as, s, ln->len);
		case AR_RK_BYLINE:
			head_date(as, d);
			return byline_line(as, ln);
		case AR_RK_SOURCE:
			/* a source label outranks an agency credit */
			if (as->source_credit)
				art->has_source = as->source_credit = false;
			return field_line(as, ln, ln->v_start, ln->v_end, &art->source, &art->has_source);
		case AR_RK_TAGS:
			if (art->tags.len == 0)
				TRY(ar_art_tags(as, s + ln->v_start, ln->v_end - ln->v_start));
			return ar_art_boiler(as, s, ln->len);
		case AR_RK_READALSO:
			return ar_art_readalso(as, i);
		case AR_RK_RELATED:
			return ar_art_related_block(as, i);
		case AR_RK_WIDGET:
			TRY(ar_art_widget(as, s + ln->v_start, ln->v_end - ln->v_start));
			return ar_art_boiler(as, s, ln->len);
		case AR_RK_TAIL:
			return tail_line(as, ln);
		case AR_RK_TRAILER:
			/* an SPA time line "10:46 ت م" gives the time of a date without one */
			if (art->has_published && !art->published.has_time)
				trailer_time(&art->published, s, ln->len);
			return ar_art_boiler(as, s, ln->len);
		default:
			/* share, caption, desk: removed */
			return ar_art_boiler(as, s, ln->len);
	}
	*done = false;
	return AR_OK;
}

/*
 * A date line of the head is the publication date; with a place before the
 * date and an agency after it, it is an SPA-style dateline candidate, as
 * written: "تبوك 08 جمادى الآخرة 1446 هـ الموافق 09 ديسمبر 2024 م واس".
 */
static ArStatus
date_line(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;

	if (!as->body_started && !as->art->has_published)
	{
		head_date(as, line_date(as, ln));
		if (!as->have_cand && ln->date_first > 0 && ln->date_last < ln->len &&
			ar_art_count_words(s, 0, ln->date_first) <= 3 &&
			ar_art_count_words(s, ln->date_last, ln->len) <= 3 &&
			ar_art_count_words(s, ln->date_last, ln->len) >= 1 &&
			memchr(s, ':', ln->len) == NULL && memchr(s, '|', ln->len) == NULL)
			TRY(ar_art_value(as, s, ln->len, false, -1, &as->cand, &as->have_cand));
	}
	else if (!as->art->has_published)
	{
		/*
		 * no date in the head: a date bar in the chrome above the headline,
		 * else a date line of its own after the body (a footer) is the date
		 */
		as->art->published = as->have_chrome_date ? as->chrome_date : *line_date(as, ln);
		as->art->has_published = true;
	}
	return ar_art_boiler(as, s, ln->len);
}

/*
 * Where s[0..n) has a dash between spaces (" - ", " – ", " — "): the offset
 * of the space before it, *dlen the bytes of space, dash and space; SIZE_MAX
 * when none.
 */
size_t
ar_art_spaced_dash(const char *s, size_t n, size_t *dlen)
{
	for (size_t i = 1; i + 1 < n; i++)
	{
		if (s[i - 1] != ' ')
			continue;
		if (s[i] == '-' && s[i + 1] == ' ')
			return (*dlen = 3, i - 1);
		if (i + 3 < n && memcmp(s + i, "\xE2\x80", 2) == 0 &&
			((unsigned char) s[i + 2] == 0x93 || (unsigned char) s[i + 2] == 0x94) && s[i + 3] == ' ')
			return (*dlen = 5, i - 1);
	}
	return SIZE_MAX;
}

/*
 * Whether an unlabelled line after the title is a label left in the page:
 * in the head, a section name of at most two words (اقتصاد); anywhere, a
 * credit line of at most five words joined by a dash, without digits ("عين
 * اليوم – متابعات", "فلان – عين اليوم"; "الهلال 2 - 1 النصر" is a score).
 * Neither is a sentence.  *credit tells a credit line.
 */
static bool
head_label(const Assembly *as, const Line *ln, bool *credit)
{
	size_t		dlen;

	*credit = false;
	if (!(as->art->has_title || as->body_started) || (ln->flags & LF_SENTENCE))
		return false;
	if (ln->nwords <= 2 && as->art->has_title && !as->body_started)
		return true;
	*credit = ln->nwords <= 7 && ln->ndigit == 0 &&
		ar_art_spaced_dash(as->ps->s + ln->off, ln->len, &dlen) != SIZE_MAX &&
		ar_art_count_words(as->ps->s + ln->off, 0, ln->len) <= 5;	/* the dash is no word */
	return *credit;
}

/*
 * A credit line names the reporter on the side that opens with a given name
 * of the rules file (kind given), of two to four words: "نبض المغرب - كريم
 * العلوي", "لجين الأحمدي – عين اليوم", "الرياض - أحمد الشمالي"; the other
 * side is the outlet, the desk or the place.  The first one found is the
 * byline; the line goes to the boilerplate either way.
 */
static ArStatus
credit_byline(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;
	size_t		dlen,
				d = ar_art_spaced_dash(s, ln->len, &dlen);
	const char *side[2] = {s, s + d + dlen};
	size_t		len[2] = {d, ln->len - d - dlen};

	for (int k = 0; k < 2 && !as->art->has_byline; k++)
	{
		int			w = ar_art_count_words(side[k], 0, len[k]);

		if (w >= 2 && w <= 4 && ar_art_given_first(as->ps->rules, &as->scratch, side[k], len[k]))
			TRY(ar_art_value(as, side[k], len[k], false, -1, &as->art->byline,
							 &as->art->has_byline));
	}
	return AR_OK;
}

/*
 * Whether line i, before the title, is a section kicker (اقتصاد, محليات |,
 * مباشر): at most two words and no sentence punctuation (a short title
 * "طريق القدس..!" has some), and the next line is a longer title-like line
 * of at most KICKER_TITLE_MAX_WORDS words that is not a sentence or a date
 * line, and has a line under it ("البارحة" above a date line is the title;
 * so is a short title above a long photo caption, or above a lone caption).
 */
#define KICKER_TITLE_MAX_WORDS 20
static bool
kicker(const Assembly *as, size_t i)
{
	ArArticleParse *ps = as->ps;
	size_t		j = i + 1,
				k;
	const Line *next;

	if (LINE(ps, i)->nwords > 2 || (LINE(ps, i)->flags & LF_SENTENCE))
		return false;
	while (j < NLINES(ps) && LINE(ps, j)->blank)
		j++;
	if (j >= NLINES(ps))
		return false;
	next = LINE(ps, j);
	/* a headline has a story under it: a short title over a lone photo caption is the title */
	for (k = j + 1; k < NLINES(ps) && LINE(ps, k)->blank; k++)
		;
	if (k >= NLINES(ps))
		return false;
	return (next->kind == AR_RK_NONE || next->kind == AR_RK_TITLE_PREFIX) &&
		next->nwords >= 3 && next->nwords <= KICKER_TITLE_MAX_WORDS && ar_art_title_like(next) &&
		!(next->flags & LF_PERIOD) && !ar_art_date_line(next, false);
}

/* The title line; a date closing it (dated_title) is the head's date. */
static ArStatus
title_line(Assembly *as, const Line *ln)
{
	const char *s = as->ps->s + ln->off;
	size_t		e = ar_art_dated_title(ln, s);
	bool		ok;

	TRY(ar_art_value(as, s, e > 0 ? e : ln->len, false, AR_DEST_TITLE, &as->art->title, &ok));
	as->art->has_title = ok;
	if (e > 0)
	{
		head_date(as, line_date(as, ln));
		TRY(ar_art_boiler(as, s + e, ln->len - e));
	}
	return AR_OK;
}

/*
 * Place a line no label claimed, by the content model.  Only prose (GOOD or
 * NEARGOOD) closes the page head: a short line kept in the body before the
 * first paragraph ("نبض المغرب - فلان") does not hide the date line after it.
 */
static ArStatus
unlabelled_line(Assembly *as, size_t i)
{
	const Line *ln = LINE(as->ps, i);
	const char *s = as->ps->s + ln->off;
	bool		credit = false;

	if (!as->art->has_title && !as->body_started && ln->cls != PC_BAD &&
		ar_art_dated_title(ln, s) > 0)
		return title_line(as, ln);
	if (ar_art_date_line(ln, as->body_started))
		return date_line(as, ln);
	if (ln->cls == PC_BAD || head_label(as, ln, &credit))
	{
		if (credit)
			TRY(credit_byline(as, ln));
		return ar_art_boiler(as, s, ln->len);
	}
	if (!as->art->has_title && !as->body_started && ar_art_title_like(ln))
	{
		if (kicker(as, i))
			return ar_art_boiler(as, s, ln->len);
		return title_line(as, ln);
	}
	TRY(ar_art_paragraph(as, s, ln->len));
	/* without a title, any paragraph opens the body: no later line may become the title */
	if (ln->cls == PC_GOOD || ln->cls == PC_NEARGOOD || !as->art->has_title)
		as->body_started = true;
	as->nparas++;
	return AR_OK;
}

/* Join the body paragraphs with newlines into art->body. */
static ArStatus
join_body(Assembly *as)
{
	ArArticle  *art = as->art;
	const ArSpan *p = (const ArSpan *) as->body.data;
	size_t		np = as->body.len / sizeof(ArSpan);

	art->body.off = art->text.len;
	for (size_t i = 0; i < np; i++)
	{
		if (i > 0)
			TRY(ar_art_buf_append(&art->text, "\n", 1));
		TRY(ar_buf_reserve(&art->text, p[i].len));
		memcpy(art->text.data + art->text.len, art->text.data + p[i].off, p[i].len);
		art->text.len += p[i].len;
	}
	art->body.len = art->text.len - art->body.off;
	return AR_OK;
}

/* Collect the grams of every unlabelled line, for the tag splitter. */
static ArStatus
collect_grams(Assembly *as)
{
	ArArticleParse *ps = as->ps;
	bool		has_tags = false;

	for (size_t i = 0; i < NLINES(ps) && !has_tags; i++)
		has_tags = LINE(ps, i)->kind == AR_RK_TAGS;
	for (size_t i = 0; i < NLINES(ps) && has_tags; i++)
	{
		const Line *ln = LINE(ps, i);

		if (ln->blank)
			continue;
		if (ln->kind == AR_RK_NONE)
			TRY(ar_art_grams(as, ps->s + ln->off, ln->len));
		else if (ln->kind == AR_RK_DATELINE || ln->kind == AR_RK_TITLE_PREFIX)
			TRY(ar_art_grams(as, ps->s + ln->off + ln->m_end, ln->len - ln->m_end));
	}
	return AR_OK;
}

/* Assemble the fields from the classified lines. */
static ArStatus
assemble(Assembly *as)
{
	ArArticleParse *ps = as->ps;

	ar_art_model(ps);
	TRY(collect_grams(as));
	for (size_t i = 0; i < NLINES(ps); i++)
	{
		const Line *ln = LINE(ps, i);
		bool		done = false;

		if (i < as->skip_to || (ln->blank && ln->len == 0))
			continue;
		if (ln->blank)
		{
			/* no text to fold (spaces, controls): what display keeps of it is boilerplate */
			TRY(ar_art_boiler(as, ps->s + ln->off, ln->len));
			continue;
		}
		if (ln->flags & LF_CHROME)
		{
			if (!as->have_chrome_date && ar_art_date_line(ln, false))
				as->chrome_date = *line_date(as, ln), as->have_chrome_date = true;
			TRY(ar_art_boiler(as, ps->s + ln->off, ln->len));
			continue;
		}
		if (ln->kind != AR_RK_NONE)
			TRY(labelled_line(as, i, &done));
		if (!done)
			TRY(unlabelled_line(as, i));
	}
	if (!as->art->has_published && as->have_chrome_date)
		as->art->published = as->chrome_date, as->art->has_published = true;
	if (!as->art->has_dateline && as->have_cand)
	{
		as->art->dateline = as->cand;
		as->art->has_dateline = true;
	}
	return join_body(as);
}

/* Release the parse state. */
static void
free_parse(ArArticleParse *ps)
{
	if (ps->md != NULL)
		pcre2_match_data_free(ps->md);
	if (ps->gctx != NULL)
		pcre2_general_context_free(ps->gctx);
	ar_buf_free(&ps->lines);
	ar_buf_free(&ps->dates);
	ar_buf_free(&ps->key);
	ar_buf_free(&ps->map);
	ps->alloc.free(ps->alloc.ctx, ps);
}

/* Assemble and release the parse state. */
ArStatus
ar_article_finish(ArArticleParse *ps)
{
	Assembly	as;
	ArStatus	st;

	memset(&as, 0, sizeof(as));
	as.ps = ps;
	as.art = ps->art;
	st = ar_hashset_init(&as.main_bag, &ps->alloc);
	if (st == AR_OK)
		st = ar_hashset_init(&as.ra_bag, &ps->alloc);
	if (st == AR_OK)
		st = ar_hashset_init(&as.grams, &ps->alloc);
	if (st == AR_OK)
		st = ar_hashset_init(&as.defs, &ps->alloc);
	if (st == AR_OK)
		st = ar_hashset_init(&as.nouns, &ps->alloc);
	if (st == AR_OK)
		st = ar_buf_init(&as.body, &ps->alloc, 16 * sizeof(ArSpan));
	if (st == AR_OK)
		st = ar_buf_init(&as.scratch, &ps->alloc, 1024);
	if (st == AR_OK)
		st = ar_buf_init(&as.pre, &ps->alloc, 1024);
	if (st == AR_OK)
		st = ar_buf_init(&as.fold, &ps->alloc, 1024);
	if (st == AR_OK)
		st = assemble(&as);
	ar_hashset_free(&as.main_bag);
	ar_hashset_free(&as.ra_bag);
	ar_hashset_free(&as.grams);
	ar_hashset_free(&as.defs);
	ar_hashset_free(&as.nouns);
	ar_buf_free(&as.body);
	ar_buf_free(&as.scratch);
	ar_buf_free(&as.pre);
	ar_buf_free(&as.fold);
	free_parse(ps);
	return st;
}

/* One-call form: begin, steps, finish. */
ArStatus
ar_article_parse(const ArRules *rules, const ArDateEnv *denv, const char *s, size_t len,
				 const ArAllocator *alloc, ArArticle *art)
{
	ArArticleParse *ps;
	ArStatus	st = ar_article_begin(rules, denv, s, len, alloc, art, &ps);
	bool		done = false;

	while (st == AR_OK && !done)
		st = ar_article_step(ps, 1000, &done);
	if (ps == NULL)
		return st;
	if (st != AR_OK)
	{
		free_parse(ps);			/* without assembling */
		return st;
	}
	return ar_article_finish(ps);
}

/* Release the result's buffers; safe to call twice. */
void
ar_article_free(ArArticle *art)
{
	if (art->text.alloc != NULL)
		ar_buf_free(&art->text);
	if (art->tags.alloc != NULL)
		ar_buf_free(&art->tags);
	if (art->related.alloc != NULL)
		ar_buf_free(&art->related);
	if (art->boilerplate.alloc != NULL)
		ar_buf_free(&art->boilerplate);
	if (art->trace.alloc != NULL)
		ar_buf_free(&art->trace);
}
