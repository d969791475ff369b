/*
 * ar_norm_data.h
 *		Layout of the normalizer's generated code point table.
 *
 * Server-independent; no PostgreSQL headers.  The table itself is
 * ar_norm_data.c, written by extension/gen/gen_norm_data.py.
 */
#ifndef AR_NORM_DATA_H
#define AR_NORM_DATA_H

#include <stddef.h>
#include <stdint.h>

/* What a code point becomes when its rule is on. */
typedef enum ArNormKind
{
	AR_NK_MAP,					/* replaced by pool[off .. off+len) */
	AR_NK_DROP,					/* removed */
	AR_NK_SPACE,				/* a space: collapsed and trimmed */
	AR_NK_NEWLINE				/* a line break: collapsed and trimmed */
} ArNormKind;

typedef struct ArNormEntry
{
	uint32_t	cp;
	uint8_t		rule;			/* an ArNormRule */
	uint8_t		kind;			/* an ArNormKind */
	uint8_t		chain;			/* replacement holds code points with entries */
	uint16_t	off;
	uint8_t		len;
} ArNormEntry;

typedef struct ArNormCompose
{
	uint32_t	base;
	uint32_t	mark;
	uint32_t	composed;
} ArNormCompose;

/* No entry's replacement, resolved through chains, is longer than this. */
#define AR_NORM_MAX_EMIT 64

extern const ArNormEntry ar_norm_entries[];
extern const size_t ar_norm_nentries;
extern const unsigned char ar_norm_pool[];
extern const unsigned char ar_norm_pages[64];	/* bit per 256-code-point page
												 * below U+20000 */
extern const ArNormCompose ar_norm_compose[];
extern const size_t ar_norm_ncompose;

#endif							/* AR_NORM_DATA_H */
