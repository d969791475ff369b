/*
 * ar_normalize.h
 *		Arabic text normalization: rules, forms and the one-pass normalizer.
 *
 * Server-independent; no PostgreSQL headers.
 *
 * A form is a set of rules (an ArNormMask).  ar_norm_plan_init compiles a
 * mask into direct lookup tables for ASCII and the Arabic block; the plan is
 * then applied to any number of texts, read-only, by ar_norm_apply.
 */
#ifndef AR_NORMALIZE_H
#define AR_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "ar_alloc.h"
#include "ar_status.h"

/* Rule ids; the order is the order of ar_norm_rules and of the SQL listing. */
typedef enum ArNormRule
{
	AR_NR_PRESENTATION,
	AR_NR_COMPOSE,
	AR_NR_TATWEEL,
	AR_NR_INVISIBLE,
	AR_NR_SPACES,
	AR_NR_LINEBREAKS,
	AR_NR_HARAKAT,
	AR_NR_ALEF,
	AR_NR_ALEF_MAQSURA,
	AR_NR_TEH_MARBUTA,
	AR_NR_HAMZA,
	AR_NR_PERSIAN,
	AR_NR_DIGITS,
	AR_NR_PUNCTUATION,
	AR_NR_CASEFOLD,
	AR_NR_COUNT
} ArNormRule;

typedef uint32_t ArNormMask;

#define AR_NORM_BIT(rule)	((ArNormMask) 1 << (rule))

typedef struct ArNormRuleInfo
{
	const char *name;
	const char *description;
} ArNormRuleInfo;

typedef struct ArNormFormInfo
{
	const char *name;
	ArNormMask	mask;
	const char *description;
} ArNormFormInfo;

extern const ArNormRuleInfo ar_norm_rules[AR_NR_COUNT];
extern const ArNormFormInfo ar_norm_forms[];
extern const size_t ar_norm_nforms;

#define AR_NORM_MASK_SEARCH		(AR_NORM_BIT(AR_NR_COUNT) - 1)

/*
 * Compiled form.  act[] codes: below 0x80 an ASCII byte to emit, otherwise
 * one of AR_ACT_*; arabic[] holds (action << 16 | entry index).
 */
typedef struct ArNormPlan
{
	ArNormMask	mask;
	uint8_t		ascii[128];
	uint32_t	arabic[256];	/* U+0600 .. U+06FF */
} ArNormPlan;

/*
 * Parse a form specification: an optional form name, then rule names each
 * optionally prefixed with '+' (add, the default) or '-' (remove), separated
 * by spaces or commas, e.g. "search -hamza" or "display, digits".  Without a
 * form name the set starts empty.  On an unknown name, *bad and *badlen
 * locate it in spec.
 */
extern ArStatus ar_norm_parse_spec(const char *spec, size_t len, ArNormMask *mask,
								   size_t *bad, size_t *badlen);

extern void ar_norm_plan_init(ArNormPlan *plan, ArNormMask mask);

/*
 * Normalize src[0..len) into out, which must be initialized (ar_buf_init).
 * The result is written after out->len.  The output never needs more than
 * ar_norm_bound(len) bytes, but usually is no longer than the input.
 */
extern ArStatus ar_norm_apply(const ArNormPlan *plan, const char *src, size_t len,
							  ArBuf *out);

/*
 * The same, asking stop() after every AR_NORM_CHECK_EVERY input bytes
 * whether to give up (for query cancellation); returns AR_EINTR when it
 * says so.  The pass holds no resources of its own, so nothing leaks.
 */
#define AR_NORM_CHECK_EVERY ((size_t) 1 << 20)
extern ArStatus ar_norm_apply_checked(const ArNormPlan *plan, const char *src, size_t len,
									  ArBuf *out, int (*stop) (void));

/* Worst-case output size for an input of len bytes. */
static inline size_t
ar_norm_bound(size_t len)
{
	return len * 11 + 1;
}

/*
 * Headroom the pass keeps free in its output: a fixed buffer of
 * ar_norm_bound(len) + AR_NORM_SLACK bytes never needs to grow.
 */
#define AR_NORM_SLACK 72

#endif							/* AR_NORMALIZE_H */
