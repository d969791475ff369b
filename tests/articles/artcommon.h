/*
 * artcommon.h
 *		Helpers shared by the article development tools (eval.c, realdata.c):
 *		loading the shipped rules, parsing one page, comparable strings.
 *
 * These tools link the server-independent core only; no PostgreSQL needed.
 */
#ifndef ARTCOMMON_H
#define ARTCOMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ar_article.h"

#define ART_RULES_PATH "extension/tsearch_data/pg_arabic_article.rules"

/* Growable string (malloc'ed). */
typedef struct Str
{
	char	   *s;
	size_t		len;
	size_t		cap;
} Str;

extern void str_add(Str *str, const char *s, size_t n);
extern void str_addc(Str *str, const char *s);

extern const ArAllocator art_malloc;

/* Rules and date environment, loaded once; exits on failure. */
extern void art_init(const char *rules_path);
extern void art_done(void);
/* Parse one page; returns the core's status (the result is freed by ar_article_free). */
extern ArStatus art_parse(const char *s, size_t len, ArArticle *a);

/* The date of a text (the core's ar_date_parse: the first date, Gregorian of a Hijri pair). */
extern bool art_date_of(const char *s, size_t len, ArDate *d);
/* Display form of s with every whitespace run made one space, trimmed. */
extern char *art_canon(const char *s, size_t len);
/* Canonical form of a span of the parse result, or NULL when absent. */
extern char *art_span(const ArArticle *a, ArSpan sp, bool present);
/* "YYYY-MM-DD HH:MM", or "YYYY-MM-DD" without a time; buf of >= 20 bytes. */
extern void art_date_str(const ArDate *d, char *buf, size_t n);

/* Whole file, NUL-terminated; NULL when missing. */
extern char *art_slurp(const char *path, size_t *len);

/* Multiset F1 of the words (the core tokenizer's non-blank tokens) of two texts; 1 when both are empty. */
extern double art_token_f1(const char *gold, const char *got);
/* Append code point cp as UTF-8. */
extern void art_utf8_put(Str *s, uint32_t cp);
/* Decode the JSON string starting at *pp (on its quote) into out; *pp moves past it. */
extern void art_json_string(const char **pp, const char *end, Str *out);
/* Where the value of the first "key" at or after from starts, or NULL. */
extern const char *art_json_find(const char *from, const char *end, const char *key);

#endif							/* ARTCOMMON_H */
