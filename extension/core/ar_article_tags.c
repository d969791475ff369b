/*
 * ar_article_tags.c
 *		Splitting the tag line into tags.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * A tag line with separators (، , | ; # or a dash between spaces) is split
 * on them.  A tag line
 * without any ("كلمات دلالية: التعاون الاسلامي الشعب الفلسطيني الأمم المتحدة")
 * is segmented by dynamic programming over its words, a phrase of k words
 * scoring:
 *	k*k + 1   a known multiword name of the rules file (kind "name"): الأمم
 *	          المتحدة, المملكة العربية السعودية;
 *	k*k       a word k-gram (k <= 4) of the title or body, or a phrase ending
 *	          in a number (a year joins the phrase before it);
 *	k*k - 1   a chain of word pairs, each a bigram of the text or a link, with
 *	          at most one link: two words that read as one noun phrase
 *	          although the text never has them together: a construct (a noun
 *	          the text also uses with the article, then a noun with it: أدب
 *	          الأطفال, not مراكش السياحة), or a noun with its nisba adjective
 *	          (العدوان الإسرائيلي) unless the text uses the second word after a
 *	          preposition, as a noun (في السعودية).  One link at most, and
 *	          never one to a word that links on to the word after the chain:
 *	          "العدوان الإسرائيلي القضية الفلسطينية" (القضية looks like a nisba)
 *	          is two tags, while "مراكز الرعاية الأولية" (a bigram of the body,
 *	          then a link) stays one;
 *	1         a single word.
 * Words are compared folded, without punctuation and without the proclitics
 * the core's stemmer surely sees (ar_stem.h), hashed with ar_dedup_hash.
 *----------
 */
#include "ar_article_int.h"
#include "ar_dedup.h"
#include "ar_stem.h"

#define MAX_TAG_WORDS 256
#define WORD_SEED 0x61727469636c65ULL	/* "article" */

#define AL "\xD8\xA7\xD9\x84"	/* ال */
#define LL "\xD9\x84\xD9\x84"	/* لل */

#define HAS_ARTICLE 1			/* ال or لل was there */
#define HAS_PREP 2				/* a preposition before it: بال, كال, لل */

/* Trim punctuation (ASCII, ، ؛ ؟ « » … “ ” ‘ ’ ٪ ۔) from both ends of a folded word. */
static void
trim_punct(const char **w, size_t *n)
{
	static const char *const marks[] = {
		"\xD8\x8C", "\xD8\x9B", "\xD8\x9F", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\xA6",
		"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", "\xD9\xAA",
		"\xDB\x94"
	};
	bool		changed = true;

	while (changed && *n > 0)
	{
		const unsigned char *u = (const unsigned char *) *w;
		unsigned char f = u[0],
					l = u[*n - 1];

		changed = false;
		if (f < 0x80 && !((f | 0x20) >= 'a' && (f | 0x20) <= 'z') && !(f >= '0' && f <= '9'))
			(*w)++, (*n)--, changed = true;
		else if (l < 0x80 && !((l | 0x20) >= 'a' && (l | 0x20) <= 'z') && !(l >= '0' && l <= '9'))
			(*n)--, changed = true;
		else
			for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]) && !changed; k++)
			{
				size_t		ml = strlen(marks[k]);

				if (*n >= ml && memcmp(*w, marks[k], ml) == 0)
					*w += ml, *n -= ml, changed = true;
				else if (*n >= ml && memcmp(*w + *n - ml, marks[k], ml) == 0)
					*n -= ml, changed = true;
			}
	}
}

/* What precedes a folded word's stem: the article, a preposition (HAS_*). */
static int
article_flags(const char *w, size_t n)
{
	const unsigned char *u = (const unsigned char *) w;

	if (n >= 8 && u[0] == 0xD9 && (u[1] == 0x88 || u[1] == 0x81))	/* و ف */
		u += 2, n -= 2;
	if (n >= 10 && ((u[0] == 0xD8 && u[1] == 0xA8) || (u[0] == 0xD9 && u[1] == 0x83)) &&
		memcmp(u + 2, AL, 4) == 0)	/* بال كال */
		return HAS_ARTICLE | HAS_PREP;
	if (n >= 8 && memcmp(u, LL, 4) == 0)
		return HAS_ARTICLE | HAS_PREP;
	if (n >= 8 && memcmp(u, AL, 4) == 0)
		return HAS_ARTICLE;
	return 0;
}

/* Whether a folded word is a preposition that a noun, not an adjective, follows. */
static bool
preposition(const char *w, size_t n)
{
	static const char *const preps[] = {
		"في", "من", "الي", "علي", "عن", "مع", "حول", "نحو", "لدي", "منذ"
	};

	for (size_t i = 0; i < sizeof(preps) / sizeof(preps[0]); i++)
		if (strlen(preps[i]) == n && memcmp(preps[i], w, n) == 0)
			return true;
	return false;
}

/*
 * Hash of a folded word, punctuation trimmed, without the proclitics the
 * core's stemmer (ar_stem.h) surely sees (و, ب, لل, ال before the article
 * ...): a noun and its nisba (السعودية, السعودي) stay apart, as the phrase
 * and noun evidence of the tag splitter needs.  flags get HAS_*.
 */
uint64_t
ar_art_word_hash(const ArRules *r, const char *w, size_t n, int *flags)
{
	ArStem		st[2];
	int			k;

	trim_punct(&w, &n);
	if (flags != NULL)
		*flags = article_flags(w, n);
	if (n == 0)
		return 0;
	k = ar_stem_word(w, n, st);
	return ar_dedup_hash(w + st[k - 1].off, n - st[k - 1].off, WORD_SEED);
}

/*
 * Hashes of the light stems of a folded word (ar_stem.h: proclitics and
 * suffixes off, so inflected forms meet); two when a leading letter may be
 * a clitic or part of the word (برنامج, وزارة).  Returns how many.
 */
int
ar_art_stem_hashes(const char *w, size_t n, uint64_t h[2])
{
	ArStem		st[2];
	int			k;

	trim_punct(&w, &n);
	if (n == 0)
		return 0;
	k = ar_stem_word(w, n, st);
	for (int i = 0; i < k; i++)
		h[i] = ar_dedup_hash(w + st[i].off, st[i].len, WORD_SEED);
	return k;
}

/* Hash of the gram of k word hashes ending at wh[last] (wh[last - k + 1 .. last]). */
static uint64_t
gram_hash(const uint64_t *wh, int last, int k)
{
	uint64_t	g = wh[last];

	for (int m = 1; m < k; m++)
		g = g * 31 + wh[last - m] * 1000003ULL;
	return g;
}

/* Add a multiword name (a plain phrase of the rules file) to the rules' names. */
ArStatus
ar_art_add_name(ArRules *r, const char *s, size_t n)
{
	uint64_t	wh[MAX_TAG_WORDS];
	int			nw = 0;
	ArBuf		key;
	ArStatus	st = ar_buf_init(&key, &r->alloc, n * 2 + 16);

	if (st == AR_OK)
		st = ar_fold_span(&r->fold, s, n, &key, NULL);
	for (size_t i = 0; st == AR_OK && i < key.len && nw < MAX_TAG_WORDS;)
	{
		size_t		j = i;

		while (j < key.len && key.data[j] != ' ')
			j++;
		wh[nw++] = ar_art_word_hash(r, key.data + i, j - i, NULL);
		i = j + 1;
	}
	if (st == AR_OK && nw >= 2)
		st = ar_hashset_add(&r->names, gram_hash(wh, nw - 1, nw));
	ar_buf_free(&key);
	return st;
}

#define GIVEN_SEED 0x676976656eULL	/* "given" */

/* Add the given names of a rule of kind given (words separated by spaces). */
ArStatus
ar_art_add_given(ArRules *r, const char *s, size_t n)
{
	ArBuf		key;
	ArStatus	st = ar_buf_init(&key, &r->alloc, n * 2 + 16);

	if (st == AR_OK)
		st = ar_fold_span(&r->fold, s, n, &key, NULL);
	for (size_t i = 0; st == AR_OK && i < key.len;)
	{
		size_t		j = i;

		while (j < key.len && key.data[j] != ' ')
			j++;
		if (j > i)
			st = ar_hashset_add(&r->names, ar_dedup_hash(key.data + i, j - i, GIVEN_SEED));
		i = j + 1;
	}
	ar_buf_free(&key);
	return st;
}

/* Whether the first word of raw text s[0..n) is a given name of the rules. */
bool
ar_art_given_first(const ArRules *r, ArBuf *scratch, const char *s, size_t n)
{
	size_t		j = 0;

	scratch->len = 0;
	if (ar_fold_span(&r->fold, s, n, scratch, NULL) != AR_OK)
		return false;
	while (j < scratch->len && scratch->data[j] != ' ')
		j++;
	return j > 0 && ar_hashset_has(&r->names, ar_dedup_hash(scratch->data, j, GIVEN_SEED));
}

/* Add the word 1- to 4-grams of raw text to as->grams, and the article and noun evidence. */
ArStatus
ar_art_grams(Assembly *as, const char *s, size_t n)
{
	const ArRules *r = as->ps->rules;
	uint64_t	wh[4];
	int			nw = 0;
	bool		prev_prep = false;

	as->scratch.len = 0;
	TRY(ar_fold_span(&r->fold, s, n, &as->scratch, NULL));
	for (size_t i = 0; i < as->scratch.len;)
	{
		const char *w = as->scratch.data + i;
		size_t		wl = 0;
		int			flags;
		uint64_t	h;

		while (i + wl < as->scratch.len && w[wl] != ' ')
			wl++;
		i += wl + 1;
		h = ar_art_word_hash(r, w, wl, &flags);
		if (h == 0)
			continue;
		if (prev_prep && (flags & HAS_ARTICLE))
			flags |= HAS_PREP;
		prev_prep = preposition(w, wl);
		if (flags & HAS_ARTICLE)
			TRY(ar_hashset_add(&as->defs, h));
		if (flags & HAS_PREP)
			TRY(ar_hashset_add(&as->nouns, h));
		memmove(wh, wh + 1, sizeof(uint64_t) * 3);
		wh[3] = h;
		nw = nw < 4 ? nw + 1 : 4;
		for (int k = 1; k <= nw; k++)
			TRY(ar_hashset_add(&as->grams, gram_hash(wh, 3, k)));
	}
	return AR_OK;
}

/* Whether a display-form word starts with the article (ال, أل). */
static bool
has_article(const char *w, size_t n)
{
	return n > 6 && ((unsigned char) w[0] == 0xD8 &&
					 ((unsigned char) w[1] == 0xA7 || (unsigned char) w[1] == 0xA3)) &&
		memcmp(w + 2, "\xD9\x84", 2) == 0;
}

/* Whether a display-form word with the article ends like a nisba adjective (ـي, ـية). */
static bool
nisba(const char *w, size_t n)
{
	if (!has_article(w, n) || n < 12)
		return false;
	if (memcmp(w + n - 2, "\xD9\x8A", 2) == 0)	/* ي */
		return true;
	return memcmp(w + n - 4, "\xD9\x8A\xD8\xA9", 4) == 0 ||	/* ية */
		memcmp(w + n - 4, "\xD9\x8A\xD9\x87", 4) == 0;	/* يه */
}

/* Whether display-form byte t[i..) starts a tag separator; *len gets its size. */
static bool
tag_sep(const char *t, size_t i, size_t n, size_t *len)
{
	unsigned char c = (unsigned char) t[i];

	*len = 1;
	if (c == ',' || c == '|' || c == ';' || c == '#')
		return true;
	/* a dash between spaces (كوفيد-19 keeps its hyphen): "مياهنا - عمّان" */
	if (c == '-' && i > 0 && t[i - 1] == ' ' && i + 1 < n && t[i + 1] == ' ')
		return true;
	*len = 3;
	if (c == 0xE2 && i > 0 && t[i - 1] == ' ' && i + 3 < n && t[i + 3] == ' ' &&
		(unsigned char) t[i + 1] == 0x80 &&
		((unsigned char) t[i + 2] == 0x93 || (unsigned char) t[i + 2] == 0x94))
		return true;			/* – or — between spaces */
	*len = 2;
	return c == 0xD8 && i + 1 < n &&
		((unsigned char) t[i + 1] == 0x8C || (unsigned char) t[i + 1] == 0x9B);	/* ، ؛ */
}

/* Add a word sequence [from, to) of the tag words as one tag. */
static ArStatus
tag(Assembly *as, const ArSpan *words, int from, int to)
{
	ArSpan		sp;

	sp.off = words[from].off;
	sp.len = words[to - 1].off + words[to - 1].len - sp.off;
	ar_art_trim(as->art, &sp, false);
	if (sp.len == 0)
		return AR_OK;
	return ar_art_buf_append(&as->art->tags, &sp, sizeof(sp));
}

/* Split all[] into words (or separated items when seps); return their count. */
static int
tag_words(const char *t, ArSpan all, bool seps, ArSpan *words)
{
	int			nw = 0;
	size_t		sl;

	for (size_t i = 0; i < all.len && nw < MAX_TAG_WORDS;)
	{
		size_t		j = i;

		while (j < all.len && (seps ? !tag_sep(t + all.off, j, all.len, &sl) : t[all.off + j] != ' '))
			j++;
		if (j > i)
		{
			words[nw].off = all.off + i;
			words[nw].len = j - i;
			nw++;
		}
		if (j < all.len && seps)
			(void) tag_sep(t + all.off, j, all.len, &sl);
		else
			sl = 1;
		i = j + sl;
	}
	return nw;
}

typedef struct TagSeg
{
	const char *t;
	const ArSpan *words;
	uint64_t	wh[MAX_TAG_WORDS];
	bool		link[MAX_TAG_WORDS + 1];
	int			best[MAX_TAG_WORDS + 1];
	int			step[MAX_TAG_WORDS + 1];
} TagSeg;

/* The score of the phrase of words i..i+k-1 (see the file header), or -1. */
static int
phrase_score(const Assembly *as, const TagSeg *sg, int i, int k)
{
	const ArSpan *last = &sg->words[i + k - 1];
	uint64_t	g = gram_hash(sg->wh, i + k - 1, k);
	bool		digits = true;
	int			links = 0;

	if (k == 1)
		return 1;
	if (ar_hashset_has(&as->ps->rules->names, g))
		return k * k + 1;
	for (size_t c = 0; c < last->len; c++)
		if (sg->t[last->off + c] < '0' || sg->t[last->off + c] > '9')
			digits = false;
	if (digits || ar_hashset_has(&as->grams, g))
		return k * k;
	/*
	 * a chain of pairs, each a phrase of the text or a link, at most one a
	 * link, and not a link to a word that links on to the next word (that
	 * word heads the next phrase: الإسرائيلي | القضية الفلسطينية)
	 */
	for (int m = i; m + 1 < i + k; m++)
	{
		if (ar_hashset_has(&as->grams, gram_hash(sg->wh, m + 1, 2)))
			continue;
		if (!sg->link[m] || links++ > 0 || (m + 2 == i + k && sg->link[m + 1]))
			return -1;
	}
	return k * k - 1;
}

/* Segment run-together tag words by phrases (dynamic programming from the end). */
static ArStatus
segment(Assembly *as, TagSeg *sg, int nw)
{
	sg->link[nw > 0 ? nw - 1 : 0] = false;
	for (int i = 0; i + 1 < nw; i++)
	{
		const char *a = sg->t + sg->words[i].off,
				   *b = sg->t + sg->words[i + 1].off;
		size_t		al = sg->words[i].len,
					bl = sg->words[i + 1].len;

		sg->link[i] = (!has_article(a, al) && has_article(b, bl) &&
					   ar_hashset_has(&as->defs, sg->wh[i])) ||
			(has_article(a, al) && nisba(b, bl) && !ar_hashset_has(&as->nouns, sg->wh[i + 1]));
	}
	sg->best[nw] = 0;
	for (int i = nw - 1; i >= 0; i--)
	{
		sg->best[i] = -1;
		for (int k = 1; k <= 4 && i + k <= nw; k++)
		{
			int			score = phrase_score(as, sg, i, k);

			if (score >= 0 && sg->best[i + k] >= 0 && score + sg->best[i + k] > sg->best[i])
			{
				sg->best[i] = score + sg->best[i + k];
				sg->step[i] = k;
			}
		}
	}
	for (int i = 0; i < nw; i += sg->step[i])
		TRY(tag(as, sg->words, i, i + sg->step[i]));
	return AR_OK;
}

/* Split the tag value: on separators, or by phrases of the names, title and body. */
ArStatus
ar_art_tags(Assembly *as, const char *s, size_t n)
{
	ArSpan		all,
				words[MAX_TAG_WORDS];
	TagSeg		sg;
	bool		seps = false;
	size_t		sl;
	int			nw;

	TRY(ar_art_emit(as, s, n, &all));
	sg.t = as->art->text.data;
	for (size_t i = 0; i < all.len && !seps; i++)
		seps = tag_sep(sg.t + all.off, i, all.len, &sl);
	nw = tag_words(sg.t, all, seps, words);
	if (seps)
	{
		for (int i = 0; i < nw; i++)
			TRY(tag(as, words, i, i + 1));
		return AR_OK;
	}
	sg.words = words;
	for (int i = 0; i < nw; i++)
	{
		char		key[256];
		int			kl = ar_fold_word(&as->ps->rules->fold, sg.t + words[i].off, words[i].len,
									  key, sizeof(key));

		sg.wh[i] = kl < 0 ? 0 : ar_art_word_hash(as->ps->rules, key, (size_t) kl, NULL);
	}
	return segment(as, &sg, nw);
}
