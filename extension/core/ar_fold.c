/*
 * ar_fold.c
 *		Folding of text into match keys, with a map back to the source.
 *
 * Server-independent; no PostgreSQL headers.
 */
#include <string.h>

#include "ar_fold.h"
#include "ar_utf8.h"

/* An allocator for fixed buffers: it never grows them. */
static void *
fixed_alloc(void *ctx, size_t size)
{
	return NULL;
}

static void *
fixed_realloc(void *ctx, void *ptr, size_t size)
{
	return NULL;
}

static void
fixed_free(void *ctx, void *ptr)
{
}

static const ArAllocator fixed_allocator = {
	fixed_alloc, fixed_realloc, fixed_free, NULL, 0
};

/* Fold one code point (its bytes at p) with the normalizer into out. */
static int
fold_cp_slow(const ArFold *fold, const char *p, int n, char *out)
{
	char		tmp[128];
	ArBuf		b = {tmp, 0, sizeof(tmp), &fixed_allocator};

	if (ar_norm_apply(&fold->plan, p, (size_t) n, &b) != AR_OK ||
		b.len > AR_FOLD_MAX_CP)
	{
		memcpy(out, p, n);		/* cannot happen with the shipped tables */
		return n;
	}
	memcpy(out, tmp, b.len);
	return (int) b.len;
}

/* Build the fast table of the Arabic block. */
void
ar_fold_init(ArFold *fold)
{
	ar_norm_plan_init(&fold->plan, AR_FOLD_MASK);
	for (int i = 0; i < 256; i++)
	{
		char		src[2] = {(char) (0xD8 | (i >> 6)), (char) (0x80 | (i & 0x3F))};
		char		out[AR_FOLD_MAX_CP];
		int			n = fold_cp_slow(fold, src, 2, out);

		if (n > 8)
			n = 8;				/* no Arabic-block folding is that long */
		memcpy(fold->arabic[i], out, n);
		fold->arabic_len[i] = (uint8_t) n;
	}
}

/* Return whether cp is a space or line break of any kind. */
int
ar_is_space(uint32_t cp)
{
	if (cp <= 0x20)
		return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
	if (cp < 0x85)
		return 0;
	return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
		(cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
		cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Fold the code point at p; return its byte count, set *olen. */
static inline int
fold_next(const ArFold *fold, const unsigned char *p, const unsigned char *end,
		  char *out, int *olen, int *space)
{
	unsigned char c = *p;
	uint32_t	cp;
	int			n;

	*space = 0;
	if (c < 0x80)
	{
		if (c <= 0x20 || c == 0x7F)
		{
			*space = (c == ' ' || (c >= 0x09 && c <= 0x0D));
			*olen = 0;
		}
		else
		{
			out[0] = (char) c;
			*olen = 1;
		}
		return 1;
	}
	if ((c & 0xFC) == 0xD8 && p + 1 < end && (p[1] & 0xC0) == 0x80)
	{
		int			i = ((c & 0x03) << 6) | (p[1] & 0x3F);

		memcpy(out, fold->arabic[i], fold->arabic_len[i]);
		*olen = fold->arabic_len[i];
		return 2;
	}
	n = ar_utf8_decode(p, end, &cp);
	if (ar_is_space(cp))
	{
		*space = 1;
		*olen = 0;
	}
	else if (cp == AR_UTF8_REPLACEMENT)
		*olen = ar_utf8_encode(cp, out);
	else
		*olen = fold_cp_slow(fold, (const char *) p, n, out);
	return n;
}

/* Fold a span into key (and map), collapsing and trimming spaces. */
ArStatus
ar_fold_span(const ArFold *fold, const char *src, size_t len, ArBuf *key, ArBuf *map)
{
	const unsigned char *p = (const unsigned char *) src;
	const unsigned char *end = p + len;
	int			pending = 0;
	int			started = 0;
	ArStatus	st;

	while (p < end)
	{
		char		out[AR_FOLD_MAX_CP + 1];
		int			olen,
					space;
		uint32_t	off = (uint32_t) (p - (const unsigned char *) src);
		int			n = fold_next(fold, p, end, out, &olen, &space);

		p += n;
		if (space)
		{
			pending = started;
			continue;
		}
		if (olen == 0)
			continue;
		if (pending)
		{
			memmove(out + 1, out, olen);
			out[0] = ' ';
			olen++;
			pending = 0;
		}
		started = 1;
		if ((st = ar_buf_reserve(key, olen)) != AR_OK)
			return st;
		memcpy(key->data + key->len, out, olen);
		key->len += olen;
		if (map != NULL)
		{
			if ((st = ar_buf_reserve(map, sizeof(uint32_t) * olen)) != AR_OK)
				return st;
			for (int i = 0; i < olen; i++)
			{
				memcpy(map->data + map->len, &off, sizeof(uint32_t));
				map->len += sizeof(uint32_t);
			}
		}
	}
	if (map != NULL)
	{
		uint32_t	off = (uint32_t) len;

		if ((st = ar_buf_reserve(map, sizeof(uint32_t))) != AR_OK)
			return st;
		memcpy(map->data + map->len, &off, sizeof(uint32_t));
		map->len += sizeof(uint32_t);
	}
	return AR_OK;
}

/* Fold a short span into a fixed buffer, ASCII lowercased. */
int
ar_fold_word(const ArFold *fold, const char *src, size_t len, char *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *) src;
	const unsigned char *end = p + len;
	size_t		o = 0;

	while (p < end)
	{
		char		tmp[AR_FOLD_MAX_CP];
		int			olen,
					space;

		p += fold_next(fold, p, end, tmp, &olen, &space);
		if (space)
			continue;
		if (o + olen > cap)
			return -1;
		for (int i = 0; i < olen; i++)
			out[o++] = (tmp[i] >= 'A' && tmp[i] <= 'Z') ? tmp[i] + 32 : tmp[i];
	}
	return (int) o;
}
