/*
 * fuzz_tokenize.c
 *		Fuzz target of the tokenizer and the stemmer.  Invariants: tokens
 *		cover the input exactly and in order, every step consumes bytes,
 *		types are known ids; the stems of every normalized word are
 *		non-empty slices no longer than the word.
 */
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_tokenize.h"
#include "fuzz_common.h"

/* Is this a type id the tokenizer may return? */
static int
known_type(ArTokType t)
{
	switch (t)
	{
		case AR_TOK_ASCIIWORD:
		case AR_TOK_WORD:
		case AR_TOK_NUMWORD:
		case AR_TOK_EMAIL:
		case AR_TOK_HOST:
		case AR_TOK_BLANK:
		case AR_TOK_FLOAT:
		case AR_TOK_UINT:
		case AR_TOK_ARABIC:
		case AR_TOK_HASHTAG:
		case AR_TOK_MENTION:
		case AR_TOK_URL:
			return 1;
		default:
			return 0;
	}
}

/* Stem a token's normalized form and check the stems. */
static void
check_stems(const ArNormPlan *plan, const char *tok, size_t len)
{
	ArBuf		norm;
	ArStem		stems[2];
	int			n;

	INVARIANT(ar_buf_init(&norm, &fz_heap, 16) == AR_OK, "buffer");
	INVARIANT(ar_norm_apply(plan, tok, len, &norm) == AR_OK, "normalization");
	n = ar_stem_word(norm.data, norm.len, stems);
	INVARIANT(n == 1 || n == 2, "one or two stems");
	for (int i = 0; i < n; i++)
	{
		INVARIANT(stems[i].off + stems[i].len <= norm.len, "stem inside the word");
		INVARIANT(norm.len == 0 || stems[i].len > 0, "stem not empty");
	}
	ar_buf_free(&norm);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	ArTokenizer t;
	ArNormPlan	plan;
	const char *tok;
	size_t		toklen;
	size_t		covered = 0;
	ArTokType	type;

	ar_norm_plan_init(&plan, AR_NORM_MASK_SEARCH);
	ar_tok_init(&t, s, size);
	while ((type = ar_tok_next(&t, &tok, &toklen)) != AR_TOK_END)
	{
		INVARIANT(known_type(type), "known token type");
		INVARIANT(toklen > 0, "every step makes progress");
		INVARIANT(tok == s + covered, "tokens are contiguous and in order");
		covered += toklen;
		INVARIANT(covered <= size, "tokens stay inside the input");
		if (type != AR_TOK_BLANK)
			check_stems(&plan, tok, toklen);
	}
	INVARIANT(covered == size, "tokens cover the whole input");
	return 0;
}
