/*
 * ar_tokenize.h
 *		Locale-independent tokenizer of Arabic (and mixed) text.
 *
 * Server-independent; no PostgreSQL headers.  Tokens are slices of the
 * input that together cover every byte, in order.  Type ids follow
 * PostgreSQL's default parser where the meaning matches, so its headline
 * function can be reused; new types are numbered above 23.
 */
#ifndef AR_TOKENIZE_H
#define AR_TOKENIZE_H

#include <stddef.h>

typedef enum ArTokType
{
	AR_TOK_END = 0,
	AR_TOK_ASCIIWORD = 1,		/* Latin word of ASCII letters */
	AR_TOK_WORD = 2,			/* word of other (non-Arabic) letters */
	AR_TOK_NUMWORD = 3,			/* Latin letters and digits: G20, mp3 */
	AR_TOK_EMAIL = 4,
	AR_TOK_HOST = 6,
	AR_TOK_BLANK = 12,			/* spaces, punctuation, symbols */
	AR_TOK_FLOAT = 20,			/* digits with a decimal separator */
	AR_TOK_UINT = 22,			/* digits, with optional group separators */
	AR_TOK_ARABIC = 24,			/* Arabic word, marks and controls inside */
	AR_TOK_HASHTAG = 25,		/* #word */
	AR_TOK_MENTION = 26,		/* @handle */
	AR_TOK_URL = 27				/* not 5: prsd_headline would hide it */
} ArTokType;

#define AR_TOK_MAXID 27

typedef struct ArTokenizer
{
	const unsigned char *p;
	const unsigned char *end;
} ArTokenizer;

extern void ar_tok_init(ArTokenizer *t, const char *buf, size_t len);

/*
 * Return the next token type and set *tok and *toklen to its slice; returns
 * AR_TOK_END (0) when the input is exhausted.  Each call consumes at least
 * one byte; the work per token is linear in its length.
 */
extern ArTokType ar_tok_next(ArTokenizer *t, const char **tok, size_t *toklen);

#endif							/* AR_TOKENIZE_H */
