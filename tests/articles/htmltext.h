/*
 * htmltext.h
 *		Full HTML page -> the text a simple scraper stores (htmltext.c).
 */
#ifndef HTMLTEXT_H
#define HTMLTEXT_H

#include "artcommon.h"

/* Append the visible text of html[0..len) to out, one block a line. */
extern void html_text(const char *html, size_t len, Str *out);

#endif							/* HTMLTEXT_H */
