/*-------------------------------------------------------------------------
 *
 * pga_bench_floor.c
 *	  The floor of the to_tsvector benchmark: a parser that only splits at
 *	  ASCII spaces and a dictionary that only copies each token.
 *
 * Tokens are slices of the input covering every byte: a run of bytes other
 * than ' ' is a word (type 3, as in the default parser), a run of ' ' is a
 * blank (type 12), so pg_catalog.prsd_headline works.  No classification,
 * no lowercasing, no allocation per token in the parser; the dictionary
 * allocates the lexeme it returns and its result array, nothing else.
 *
 * tests/bench/floor/pga_bench_floor.c
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "fmgr.h"
#include "tsearch/ts_public.h"

PG_MODULE_MAGIC;

#define FLOOR_WORD	3
#define FLOOR_BLANK 12

typedef struct FloorParser
{
	const char *text;
	int			len;
	int			pos;
} FloorParser;

PG_FUNCTION_INFO_V1(pga_floor_start);
PG_FUNCTION_INFO_V1(pga_floor_gettoken);
PG_FUNCTION_INFO_V1(pga_floor_end);
PG_FUNCTION_INFO_V1(pga_floor_lextype);
PG_FUNCTION_INFO_V1(pga_floor_lexize);

Datum
pga_floor_start(PG_FUNCTION_ARGS)
{
	FloorParser *p = palloc(sizeof(FloorParser));

	p->text = (const char *) PG_GETARG_POINTER(0);
	p->len = PG_GETARG_INT32(1);
	p->pos = 0;
	PG_RETURN_POINTER(p);
}

/* gettoken(state, char **token, int *length) returns the type, 0 at the end */
Datum
pga_floor_gettoken(PG_FUNCTION_ARGS)
{
	FloorParser *p = (FloorParser *) PG_GETARG_POINTER(0);
	char	  **token = (char **) PG_GETARG_POINTER(1);
	int		   *length = (int *) PG_GETARG_POINTER(2);
	int			start = p->pos;
	bool		blank;

	if (p->pos >= p->len)
		PG_RETURN_INT32(0);
	blank = (p->text[p->pos] == ' ');
	while (p->pos < p->len && (p->text[p->pos] == ' ') == blank)
		p->pos++;
	*token = (char *) p->text + start;
	*length = p->pos - start;
	PG_RETURN_INT32(blank ? FLOOR_BLANK : FLOOR_WORD);
}

Datum
pga_floor_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

/* The token types, terminated by an entry with lexid 0. */
Datum
pga_floor_lextype(PG_FUNCTION_ARGS)
{
	LexDescr   *types = palloc0(3 * sizeof(LexDescr));

	types[0].lexid = FLOOR_WORD;
	types[0].alias = pstrdup("word");
	types[0].descr = pstrdup("Run of bytes other than ASCII space");
	types[1].lexid = FLOOR_BLANK;
	types[1].alias = pstrdup("blank");
	types[1].descr = pstrdup("Run of ASCII spaces");
	PG_RETURN_POINTER(types);
}

/* lexize(dict data, char *token, int length, DictSubState *) copies the token */
Datum
pga_floor_lexize(PG_FUNCTION_ARGS)
{
	char	   *token = (char *) PG_GETARG_POINTER(1);
	int32		length = PG_GETARG_INT32(2);
	TSLexeme   *res = palloc0(2 * sizeof(TSLexeme));

	res[0].lexeme = pnstrdup(token, length);
	PG_RETURN_POINTER(res);
}
