/*
 * ar_stopwords.c
 *		Stopword lists: parsed from text, normalized, kept in a hash set.
 *
 * Server-independent; no PostgreSQL headers.
 */
#include <string.h>

#include "ar_stopwords.h"

/* Hash a byte string eight bytes at a time (multiply and fold). */
static inline uint32_t
hash_bytes(const char *s, size_t len)
{
	uint64_t	h = 0x9E3779B97F4A7C15ull ^ len;

	while (len >= 8)
	{
		uint64_t	v;

		memcpy(&v, s, 8);
		h = (h ^ v) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 32;
		s += 8;
		len -= 8;
	}
	if (len > 0)
	{
		uint64_t	v = 0;

		memcpy(&v, s, len);
		h = (h ^ v) * 0xC4CEB9FE1A85EC53ull;
		h ^= h >> 29;
	}
	return (uint32_t) h;
}

/* Slot holding w, or the empty slot where it would go. */
static inline size_t
find_slot(const ArStopList *list, const char *pool, const char *w, size_t len)
{
	size_t		i = hash_bytes(w, len) & list->mask;

	for (;;)
	{
		uint32_t	k = list->slots[i];

		if (k == 0 ||
			(list->lens[k - 1] == len && memcmp(pool + list->offs[k - 1], w, len) == 0))
			return i;
		i = (i + 1) & list->mask;
	}
}

/* Put the collected words into the hash set, dropping duplicates. */
static ArStatus
build_set(ArStopList *list, const ArAllocator *alloc)
{
	size_t		size = 16;
	size_t		n = 0;

	while (size < list->n * 2)
		size *= 2;
	list->slots = alloc->alloc(alloc->ctx, size * sizeof(uint32_t));
	if (list->slots == NULL)
		return AR_ENOMEM;
	memset(list->slots, 0, size * sizeof(uint32_t));
	list->mask = size - 1;
	for (size_t i = 0; i < list->n; i++)
	{
		size_t		at;

		list->offs[n] = list->offs[i];
		list->lens[n] = list->lens[i];
		at = find_slot(list, list->pool, list->pool + list->offs[n], list->lens[n]);
		if (list->slots[at] == 0)
			list->slots[at] = (uint32_t) ++n;
	}
	list->n = n;
	return AR_OK;
}

/* Count lines, to size the arrays. */
static size_t
count_lines(const char *text, size_t len)
{
	size_t		n = 1;

	for (size_t i = 0; i < len; i++)
		n += (text[i] == '\n');
	return n;
}

/* Build a list from a file's text; see ar_stopwords.h. */
ArStatus
ar_stop_build(ArStopList *list, const char *text, size_t len,
			  const ArNormPlan *plan, const ArAllocator *alloc)
{
	size_t		maxwords;
	ArBuf		pool;
	ArStatus	st;
	size_t		i = 0;

	memset(list, 0, sizeof(*list));
	if (len > AR_STOP_MAX_BYTES)
		return AR_ETOOBIG;
	maxwords = count_lines(text, len);
	list->offs = alloc->alloc(alloc->ctx, maxwords * sizeof(uint32_t));
	list->lens = alloc->alloc(alloc->ctx, maxwords * sizeof(uint16_t));
	if (list->offs == NULL || list->lens == NULL)
		return AR_ENOMEM;
	if ((st = ar_buf_init(&pool, alloc, len + 64)) != AR_OK)
		return st;

	while (i < len)
	{
		size_t		s = i,
					e;
		size_t		before = pool.len;

		while (i < len && text[i] != '\n')
			i++;
		e = i++;
		while (s < e && (text[s] == ' ' || text[s] == '\t'))
			s++;
		while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r'))
			e--;
		if (s == e || text[s] == '#')
			continue;
		if (e - s > AR_STOP_MAX_WORD)
		{
			list->skipped++;
			continue;
		}
		if ((st = ar_norm_apply(plan, text + s, e - s, &pool)) != AR_OK)
			return st;
		if (pool.len == before)
			continue;			/* nothing left after normalization */
		list->offs[list->n] = (uint32_t) before;
		list->lens[list->n] = (uint16_t) (pool.len - before);
		list->n++;
	}
	list->pool = pool.data;
	return build_set(list, alloc);
}

/* Is w in the list? */
int
ar_stop_contains(const ArStopList *list, const char *w, size_t len)
{
	if (list->n == 0)
		return 0;
	return list->slots[find_slot(list, list->pool, w, len)] != 0;
}

/* Release a list's memory. */
void
ar_stop_free(ArStopList *list, const ArAllocator *alloc)
{
	if (list->pool)
		alloc->free(alloc->ctx, list->pool);
	if (list->offs)
		alloc->free(alloc->ctx, list->offs);
	if (list->lens)
		alloc->free(alloc->ctx, list->lens);
	if (list->slots)
		alloc->free(alloc->ctx, list->slots);
	memset(list, 0, sizeof(*list));
}
