/*
 * ar_hashset.c
 *		A set of 64-bit hashes (open addressing, linear probing).
 *
 * Server-independent; no PostgreSQL headers.  The table doubles when it is
 * half full, so a probe sequence stays short.
 */
#include <string.h>

#include "ar_hashset.h"

#define INITIAL_SLOTS 256

/* Allocate a zeroed table of cap slots into b. */
static ArStatus
table_init(ArBuf *b, const ArAllocator *alloc, size_t cap)
{
	ArStatus	st = ar_buf_init(b, alloc, cap * sizeof(uint64_t));

	if (st != AR_OK)
		return st;
	memset(b->data, 0, cap * sizeof(uint64_t));
	b->len = cap * sizeof(uint64_t);
	return AR_OK;
}

ArStatus
ar_hashset_init(ArHashSet *h, const ArAllocator *alloc)
{
	h->n = 0;
	h->mask = INITIAL_SLOTS - 1;
	return table_init(&h->buf, alloc, INITIAL_SLOTS);
}

bool
ar_hashset_has(const ArHashSet *h, uint64_t v)
{
	const uint64_t *t = (const uint64_t *) h->buf.data;

	v |= 1;
	for (size_t i = v & h->mask;; i = (i + 1) & h->mask)
	{
		if (t[i] == v)
			return true;
		if (t[i] == 0)
			return false;
	}
}

/* Put v (low bit set) into a table that has room. */
static bool
put(uint64_t *t, size_t mask, uint64_t v)
{
	for (size_t i = v & mask;; i = (i + 1) & mask)
	{
		if (t[i] == v)
			return false;
		if (t[i] == 0)
		{
			t[i] = v;
			return true;
		}
	}
}

/* Double the table. */
static ArStatus
grow(ArHashSet *h)
{
	size_t		ncap = (h->mask + 1) * 2;
	const uint64_t *old = (const uint64_t *) h->buf.data;
	ArBuf		nb;
	ArStatus	st = table_init(&nb, h->buf.alloc, ncap);

	if (st != AR_OK)
		return st;
	for (size_t i = 0; i <= h->mask; i++)
		if (old[i] != 0)
			(void) put((uint64_t *) nb.data, ncap - 1, old[i]);
	ar_buf_free(&h->buf);
	h->buf = nb;
	h->mask = ncap - 1;
	return AR_OK;
}

ArStatus
ar_hashset_add(ArHashSet *h, uint64_t v)
{
	if ((h->n + 1) * 2 > h->mask + 1)
	{
		ArStatus	st = grow(h);

		if (st != AR_OK)
			return st;
	}
	if (put((uint64_t *) h->buf.data, h->mask, v | 1))
		h->n++;
	return AR_OK;
}

void
ar_hashset_clear(ArHashSet *h)
{
	if (h->n > 0)
		memset(h->buf.data, 0, h->buf.len);
	h->n = 0;
}

void
ar_hashset_free(ArHashSet *h)
{
	if (h->buf.alloc != NULL)
		ar_buf_free(&h->buf);
}
