/*
 * pga_tsparser.c
 *		Text search parser pg_arabic_parser: glue over ar_tokenize.
 *
 * Tokens are slices of the caller's buffer, which stays valid until the end
 * callback, so nothing is copied.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "tsearch/ts_public.h"

#include "ar_tokenize.h"
#include "pga_error.h"

PG_FUNCTION_INFO_V1(pg_arabic_prs_start);
PG_FUNCTION_INFO_V1(pg_arabic_prs_nexttoken);
PG_FUNCTION_INFO_V1(pg_arabic_prs_end);
PG_FUNCTION_INFO_V1(pg_arabic_prs_lextype);

/* Token types: ids, aliases and descriptions, ending with id 0. */
static const struct
{
	int			id;
	const char *alias;
	const char *descr;
}			token_types[] = {
	{AR_TOK_ASCIIWORD, "asciiword", "Word, all ASCII letters"},
	{AR_TOK_WORD, "word", "Word, all letters (not Arabic)"},
	{AR_TOK_NUMWORD, "numword", "Word, letters and digits"},
	{AR_TOK_EMAIL, "email", "Email address"},
	{AR_TOK_HOST, "host", "Host"},
	{AR_TOK_BLANK, "blank", "Space symbols"},
	{AR_TOK_FLOAT, "float", "Decimal notation"},
	{AR_TOK_UINT, "uint", "Unsigned integer"},
	{AR_TOK_ARABIC, "arabicword", "Arabic word"},
	{AR_TOK_HASHTAG, "hashtag", "Hashtag"},
	{AR_TOK_MENTION, "mention", "Mention of a user"},
	{AR_TOK_URL, "url", "URL"},
	{0, NULL, NULL}
};

/* start(internal buffer, int4 length) returns the tokenizer state */
Datum
pg_arabic_prs_start(PG_FUNCTION_ARGS)
{
	ArTokenizer *t = palloc(sizeof(ArTokenizer));

	pga_require_utf8();
	ar_tok_init(t, (const char *) PG_GETARG_POINTER(0), (size_t) PG_GETARG_INT32(1));
	PG_RETURN_POINTER(t);
}

/* gettoken(state, char **token, int *length) returns the token type */
Datum
pg_arabic_prs_nexttoken(PG_FUNCTION_ARGS)
{
	ArTokenizer *t = (ArTokenizer *) PG_GETARG_POINTER(0);
	char	  **token = (char **) PG_GETARG_POINTER(1);
	int		   *length = (int *) PG_GETARG_POINTER(2);
	const char *tok;
	size_t		len;
	ArTokType	type;

	/* to_tsvector of a huge value loops here: let a cancel through */
	CHECK_FOR_INTERRUPTS();
	type = ar_tok_next(t, &tok, &len);

	*token = (char *) tok;
	*length = (int) len;
	PG_RETURN_INT32((int32) type);
}

/* end(state) */
Datum
pg_arabic_prs_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

/* lextype(internal) returns the LexDescr array */
Datum
pg_arabic_prs_lextype(PG_FUNCTION_ARGS)
{
	int			n = lengthof(token_types);
	LexDescr   *descr = palloc(sizeof(LexDescr) * n);

	for (int i = 0; i < n; i++)
	{
		descr[i].lexid = token_types[i].id;
		descr[i].alias = token_types[i].alias ? pstrdup(token_types[i].alias) : NULL;
		descr[i].descr = token_types[i].descr ? pstrdup(token_types[i].descr) : NULL;
	}
	PG_RETURN_POINTER(descr);
}
