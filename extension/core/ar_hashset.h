/*
 * ar_hashset.h
 *		A set of 64-bit hashes (open addressing, linear probing).
 *
 * Server-independent; no PostgreSQL headers.  Keys are hashes already
 * (ar_dedup_hash); the set stores them with the low bit forced to 1 so that
 * 0 can mark an empty slot.  Two keys that differ only in the low bit are
 * one key: a 2^-63 confusion, far below what the callers care about.
 */
#ifndef AR_HASHSET_H
#define AR_HASHSET_H

#include <stdbool.h>
#include <stdint.h>

#include "ar_alloc.h"
#include "ar_status.h"

typedef struct ArHashSet
{
	ArBuf		buf;			/* uint64_t slots */
	size_t		n;
	size_t		mask;			/* slot count - 1 (a power of two) */
} ArHashSet;

extern ArStatus ar_hashset_init(ArHashSet *h, const ArAllocator *alloc);
extern bool ar_hashset_has(const ArHashSet *h, uint64_t v);
extern ArStatus ar_hashset_add(ArHashSet *h, uint64_t v);
extern void ar_hashset_clear(ArHashSet *h);
extern void ar_hashset_free(ArHashSet *h);

#endif							/* AR_HASHSET_H */
