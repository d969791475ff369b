/*
 * ar_normalize.c
 *		One-pass normalizer of Arabic text over UTF-8 bytes.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * The pass reads each code point once and decides with a table lookup:
 *	- ASCII goes through plan->ascii (copy, case-fold, space, drop);
 *	- U+0600-06FF goes through plan->arabic, compiled from the entry table;
 *	- anything else is looked up in ar_norm_entries only when its 256-code-
 *	  point page has entries at all (ar_norm_pages), so Latin, CJK or emoji
 *	  cost one bit test.
 * Spaces and line breaks are not written at once: they set a pending
 * separator that is written before the next visible character, which
 * collapses runs and trims both ends without a second pass.  A line break
 * wins over a space in the same run.
 * A replacement whose code points have entries of their own (ﻷ -> لأ, then
 * أ -> ا) is fed back through the same lookup, at most a few levels deep
 * (the generator checks the depth).
 * Composition: U+0653-0655 after the last written letter is merged with it
 * when Unicode composes the pair (ا + ٔ = أ); the merged letter is then
 * folded like any other.  Composing against the output rather than the input
 * makes the result the same as if the text had been composed first, and
 * keeps normalization idempotent.
 *----------
 */
#include <string.h>

#include "ar_norm_data.h"
#include "ar_normalize.h"
#include "ar_utf8.h"

/* Action codes of the compiled tables (ASCII bytes are below 0x80). */
#define AR_ACT_COPY		0x80
#define AR_ACT_DROP		0x81
#define AR_ACT_SPACE	0x82
#define AR_ACT_NEWLINE	0x83
#define AR_ACT_MAP		0x84	/* copy the pool bytes */
#define AR_ACT_CHAIN	0x85	/* feed the pool bytes back through */
#define AR_ACT_COMPOSE	0x86	/* hamza/madda mark: try to compose */

#define PEND_NONE		0
#define PEND_SPACE		1
#define PEND_NEWLINE	2

#define MAX_DEPTH		4

_Static_assert(AR_NORM_MAX_EMIT + 4 <= AR_NORM_SLACK, "AR_NORM_SLACK too small");

const		ArNormRuleInfo ar_norm_rules[AR_NR_COUNT] = {
	[AR_NR_PRESENTATION] = {"presentation",
	"presentation forms and ligatures (U+FB50-FDFF, U+FE70-FEFF, math letters) to base letters (NFKC)"},
	[AR_NR_COMPOSE] = {"compose",
	"a letter followed by a separate hamza or madda mark (U+0653-0655) composed, so ا + ٔ equals أ"},
	[AR_NR_TATWEEL] = {"tatweel",
	"tatweel (kashida, U+0640) removed"},
	[AR_NR_INVISIBLE] = {"invisible",
	"zero-width and bidi controls (ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, LRE-RLO, LRI-PDI), BOM, soft hyphen and C0/C1 controls removed"},
	[AR_NR_SPACES] = {"spaces",
	"Unicode spaces (NBSP, tab, U+2000-200A, U+202F, U+3000 ...) to one space, line breaks to one newline, runs collapsed, ends trimmed"},
	[AR_NR_LINEBREAKS] = {"linebreaks",
	"line breaks (LF, CR, VT, FF, NEL, U+2028, U+2029) treated as spaces (with spaces)"},
	[AR_NR_HARAKAT] = {"harakat",
	"Arabic marks removed: harakat, tanween, shadda, sukun, superscript alef, Quranic marks (U+0610-061A, U+064B-065F, U+0670, U+06D6-06ED, U+08D3-08FF)"},
	[AR_NR_ALEF] = {"alef",
	"alef with hamza or madda and alef wasla (أ إ آ ٱ ٲ ٳ ٵ) to bare alef ا"},
	[AR_NR_ALEF_MAQSURA] = {"alef_maqsura",
	"alef maqsura ى to yeh ي"},
	[AR_NR_TEH_MARBUTA] = {"teh_marbuta",
	"teh marbuta ة to heh ه"},
	[AR_NR_HAMZA] = {"hamza",
	"hamza on waw or yeh and high hamza (ؤ ئ ٴ ٶ ٸ) to bare hamza ء, so مسؤول and مسئول meet"},
	[AR_NR_PERSIAN] = {"persian",
	"Persian, Urdu and Maghrebi letters (ی ې ے ک گ ڭ ہ ۀ ھ ە ۃ پ چ ژ ڤ ڨ) to the Arabic letters they stand for"},
	[AR_NR_DIGITS] = {"digits",
	"Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits to ASCII 0-9"},
	[AR_NR_PUNCTUATION] = {"punctuation",
	"Arabic punctuation (، ؛ ؟ ٪ ٫ ٬ ٭ ۔) to ASCII , ; ? % . , * ."},
	[AR_NR_CASEFOLD] = {"casefold",
	"Latin, Greek and Cyrillic letters case-folded (Unicode full case folding)"},
};

#define DISPLAY_MASK (AR_NORM_BIT(AR_NR_PRESENTATION) | AR_NORM_BIT(AR_NR_COMPOSE) | \
					  AR_NORM_BIT(AR_NR_TATWEEL) | AR_NORM_BIT(AR_NR_INVISIBLE) | \
					  AR_NORM_BIT(AR_NR_SPACES))

const		ArNormFormInfo ar_norm_forms[] = {
	{"search", AR_NORM_MASK_SEARCH,
	"every rule: the form for matching, search and deduplication"},
	{"display", DISPLAY_MASK,
	"invisible and encoding noise only; keeps the letters, diacritics, digits and punctuation a reader sees"},
};
const size_t ar_norm_nforms = sizeof(ar_norm_forms) / sizeof(ar_norm_forms[0]);

/* State of one normalization pass. */
typedef struct NormState
{
	const ArNormPlan *plan;
	ArBuf	   *out;
	size_t		start;			/* out->len when the pass began */
	int			pending;		/* PEND_* separator owed before next letter */
	uint32_t	last_cp;		/* last code point written, 0 after a gap */
	size_t		last_off;		/* where last_cp starts in out */
} NormState;

/* Find the entry of a code point, or NULL. */
static const ArNormEntry *
find_entry(uint32_t cp)
{
	size_t		lo = 0;
	size_t		hi = ar_norm_nentries;

	if (cp >= 0x20000 ? cp < 0xE0000 :
		!(ar_norm_pages[cp >> 11] & (1 << ((cp >> 8) & 7))))
		return NULL;
	while (lo < hi)
	{
		size_t		mid = (lo + hi) / 2;

		if (ar_norm_entries[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ar_norm_nentries && ar_norm_entries[lo].cp == cp)
		return &ar_norm_entries[lo];
	return NULL;
}

/* Decide what the plan does with a code point that has an entry. */
static int
entry_action(ArNormMask mask, uint32_t cp, const ArNormEntry *e)
{
	if (e == NULL)
		return AR_ACT_COPY;
	if ((mask & AR_NORM_BIT(AR_NR_COMPOSE)) && cp >= 0x0653 && cp <= 0x0655)
		return AR_ACT_COMPOSE;
	if (!(mask & AR_NORM_BIT(e->rule)))
		return AR_ACT_COPY;
	switch (e->kind)
	{
		case AR_NK_DROP:
			return AR_ACT_DROP;
		case AR_NK_SPACE:
			return AR_ACT_SPACE;
		case AR_NK_NEWLINE:
			return (mask & AR_NORM_BIT(AR_NR_LINEBREAKS)) ? AR_ACT_SPACE : AR_ACT_NEWLINE;
		default:
			return e->chain ? AR_ACT_CHAIN : AR_ACT_MAP;
	}
}

/* Compile a rule mask into direct tables. */
void
ar_norm_plan_init(ArNormPlan *plan, ArNormMask mask)
{
	plan->mask = mask;
	for (uint32_t cp = 0; cp < 128; cp++)
	{
		const ArNormEntry *e = find_entry(cp);
		int			act = entry_action(mask, cp, e);

		if (act == AR_ACT_COPY)
			plan->ascii[cp] = (uint8_t) cp;
		else if (act == AR_ACT_MAP && e->len == 1)
			plan->ascii[cp] = ar_norm_pool[e->off];
		else
			plan->ascii[cp] = (uint8_t) act;
	}
	for (uint32_t i = 0; i < 256; i++)
	{
		const ArNormEntry *e = find_entry(0x0600 + i);
		uint32_t	act = entry_action(mask, 0x0600 + i, e);

		plan->arabic[i] = (act << 16) | (e ? (uint32_t) (e - ar_norm_entries) : 0);
	}
}

/* Write the pending separator, if any, before a visible character. */
static inline void
flush_pending(NormState *st)
{
	if (st->pending != PEND_NONE)
	{
		if (st->out->len > st->start)
			st->out->data[st->out->len++] = (st->pending == PEND_NEWLINE) ? '\n' : ' ';
		st->pending = PEND_NONE;
	}
}

/* Note a separator: collapse with any pending one, newline winning. */
static inline void
add_pending(NormState *st, int kind)
{
	if (kind > st->pending)
		st->pending = kind;
	st->last_cp = 0;
}

static void emit_cp(NormState *st, uint32_t cp, const char *raw, int rawlen, int depth);

/* Write replacement bytes, re-reading them when they chain. */
static void
emit_repl(NormState *st, const ArNormEntry *e, int chain, int depth)
{
	const unsigned char *p = ar_norm_pool + e->off;
	const unsigned char *end = p + e->len;

	if (!chain)
	{
		uint32_t	last = 0;
		int			n;

		flush_pending(st);
		/* remember the replacement's last code point for composition */
		for (const unsigned char *q = p; q < end; q += n)
		{
			n = ar_utf8_decode(q, end, &last);
			st->last_off = st->out->len + (size_t) (q - p);
		}
		memcpy(st->out->data + st->out->len, p, e->len);
		st->out->len += e->len;
		st->last_cp = last;
		return;
	}
	while (p < end)
	{
		uint32_t	cp;
		int			n = ar_utf8_decode(p, end, &cp);

		emit_cp(st, cp, (const char *) p, n, depth + 1);
		p += n;
	}
}

/* Merge a hamza/madda mark into the last written letter when they compose. */
static int
try_compose(NormState *st, uint32_t mark, int depth)
{
	char		buf[4];

	if (st->last_cp == 0 || st->pending != PEND_NONE)
		return 0;
	for (size_t i = 0; i < ar_norm_ncompose; i++)
	{
		if (ar_norm_compose[i].base == st->last_cp && ar_norm_compose[i].mark == mark)
		{
			uint32_t	composed = ar_norm_compose[i].composed;

			st->out->len = st->last_off;
			st->last_cp = 0;
			emit_cp(st, composed, buf, ar_utf8_encode(composed, buf), depth + 1);
			return 1;
		}
	}
	return 0;
}

/* Process one code point through the general (non-table) path. */
static void
emit_cp(NormState *st, uint32_t cp, const char *raw, int rawlen, int depth)
{
	const ArNormEntry *e = (cp == AR_UTF8_REPLACEMENT) ? NULL : find_entry(cp);
	int			act = (depth > MAX_DEPTH) ? AR_ACT_COPY : entry_action(st->plan->mask, cp, e);

	switch (act)
	{
		case AR_ACT_DROP:
			return;
		case AR_ACT_SPACE:
			add_pending(st, PEND_SPACE);
			return;
		case AR_ACT_NEWLINE:
			add_pending(st, PEND_NEWLINE);
			return;
		case AR_ACT_MAP:
		case AR_ACT_CHAIN:
			emit_repl(st, e, act == AR_ACT_CHAIN, depth);
			return;
		case AR_ACT_COMPOSE:
			if (try_compose(st, cp, depth))
				return;
			if (st->plan->mask & AR_NORM_BIT(e->rule))
				return;			/* the mark is dropped by its own rule */
			break;
		default:
			break;
	}
	flush_pending(st);
	st->last_off = st->out->len;
	st->last_cp = cp;
	if (cp == AR_UTF8_REPLACEMENT)
		rawlen = ar_utf8_encode(cp, st->out->data + st->out->len);
	else
		memcpy(st->out->data + st->out->len, raw, rawlen);
	st->out->len += rawlen;
}

/* Normalize one span with a compiled plan; see ar_normalize.h. */
ArStatus
ar_norm_apply(const ArNormPlan *plan, const char *src, size_t len, ArBuf *out)
{
	return ar_norm_apply_checked(plan, src, len, out, NULL);
}

/* Normalize, asking stop() now and then whether to give up. */
ArStatus
ar_norm_apply_checked(const ArNormPlan *plan, const char *src, size_t len, ArBuf *out,
					  int (*stop) (void))
{
	const unsigned char *p = (const unsigned char *) src;
	const unsigned char *end = p + len;
	const unsigned char *check_at = p + AR_NORM_CHECK_EVERY;
	NormState	st = {plan, out, out->len, PEND_NONE, 0, 0};
	ArStatus	status;

	while (p < end)
	{
		unsigned char c = *p;

		if (p >= check_at)
		{
			if (stop != NULL && stop())
				return AR_EINTR;
			check_at = p + AR_NORM_CHECK_EVERY;
		}

		/* room for the widest emission plus a pending separator */
		if (out->cap - out->len < AR_NORM_SLACK &&
			(status = ar_buf_grow(out, AR_NORM_SLACK)) != AR_OK)
			return status;

		if (c < 0x80)
		{
			uint8_t		a = plan->ascii[c];

			if (a < 0x80)
			{
				flush_pending(&st);
				out->data[out->len++] = (char) a;
				st.last_cp = 0;
			}
			else if (a == AR_ACT_SPACE)
				add_pending(&st, PEND_SPACE);
			else if (a == AR_ACT_NEWLINE)
				add_pending(&st, PEND_NEWLINE);
			else if (a != AR_ACT_DROP)
				emit_cp(&st, c, (const char *) p, 1, 0);
			p++;
		}
		else if ((c & 0xFC) == 0xD8 && p + 1 < end && (p[1] & 0xC0) == 0x80)
		{
			/* U+0600 .. U+06FF: lead byte D8-DB */
			uint32_t	i = ((uint32_t) (c & 0x03) << 6) | (p[1] & 0x3F);
			uint32_t	a = plan->arabic[i];

			if ((a >> 16) == AR_ACT_COPY)
			{
				flush_pending(&st);
				st.last_off = out->len;
				st.last_cp = 0x0600 + i;
				out->data[out->len] = (char) c;
				out->data[out->len + 1] = (char) p[1];
				out->len += 2;
			}
			else if ((a >> 16) == AR_ACT_MAP)
				emit_repl(&st, &ar_norm_entries[a & 0xFFFF], 0, 0);
			else if ((a >> 16) != AR_ACT_DROP)
				emit_cp(&st, 0x0600 + i, (const char *) p, 2, 0);
			p += 2;
		}
		else
		{
			uint32_t	cp;
			int			n = ar_utf8_decode(p, end, &cp);

			emit_cp(&st, cp, (const char *) p, n, 0);
			p += n;
		}
	}
	return AR_OK;
}

/* Look up a rule or form name of the given length. */
static int
name_eq(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(s, name, len) == 0;
}

/* Parse a form specification; see ar_normalize.h. */
ArStatus
ar_norm_parse_spec(const char *spec, size_t len, ArNormMask *mask,
				   size_t *bad, size_t *badlen)
{
	size_t		i = 0;
	int			first = 1;
	int			any = 0;

	*mask = 0;
	while (i < len)
	{
		size_t		start;
		int			sign = 1;
		int			found = 0;

		if (spec[i] == ' ' || spec[i] == ',' || spec[i] == '\t' || spec[i] == '\n')
		{
			i++;
			continue;
		}
		start = i;
		if (spec[i] == '+' || spec[i] == '-')
			sign = (spec[i++] == '+') ? 1 : -1;
		while (i < len && spec[i] != ' ' && spec[i] != ',' && spec[i] != '\t' && spec[i] != '\n')
			i++;
		*bad = start + (spec[start] == '+' || spec[start] == '-');
		*badlen = i - *bad;
		if (first && spec[start] != '+' && spec[start] != '-')
		{
			for (size_t f = 0; f < ar_norm_nforms && !found; f++)
			{
				if (name_eq(spec + start, i - start, ar_norm_forms[f].name))
				{
					*mask = ar_norm_forms[f].mask;
					found = 1;
				}
			}
		}
		for (int r = 0; r < AR_NR_COUNT && !found; r++)
		{
			size_t		nlen = i - start - (sign != 1 || spec[start] == '+');

			if (name_eq(spec + i - nlen, nlen, ar_norm_rules[r].name))
			{
				if (sign > 0)
					*mask |= AR_NORM_BIT(r);
				else
					*mask &= ~AR_NORM_BIT(r);
				found = 1;
			}
		}
		if (!found)
			return (first && spec[start] != '+' && spec[start] != '-') ?
				AR_EUNKNOWN_FORM : AR_EUNKNOWN_RULE;
		first = 0;
		any = 1;
	}
	if (!any)
	{
		*bad = 0;
		*badlen = len;
		return AR_ESYNTAX;
	}
	return AR_OK;
}
