/*
 * test_tokenize.c
 *		Unit tests of the tokenizer: token types and slices, lossless
 *		coverage of the input, progress on hostile input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "ar_tokenize.h"
#include "unit.h"

typedef struct TokCase
{
	const char *in;
	const char *want;			/* "type:text|type:text|..." without blanks */
} TokCase;

static const TokCase cases[] = {
	{"والمعلمون في المدارس", "24:والمعلمون|24:في|24:المدارس"},
	{"مُحَمَّدٌ", "24:مُحَمَّدٌ"},
	{"عاجـــل", "24:عاجـــل"},
	{"مر\xE2\x80\x8Cحبا", "24:مر\xE2\x80\x8Cحبا"},	/* ZWNJ inside */
	{"\xE2\x80\x8Fمصر\xE2\x80\x8F", "24:مصر"},	/* RLM around: blank */
	{"نعم،لا؛ماذا؟«غزة»", "24:نعم|24:لا|24:ماذا|24:غزة"},
	{"كوفيد-19", "24:كوفيد|22:19"},
	{"و2024 الـ٥", "24:و|22:2024|24:الـ|22:٥"},
	{"٣٫٥٪ ١٬٢٠٠ 3.5 1,200", "20:٣٫٥|22:١٬٢٠٠|20:3.5|22:1,200"},
	{"Reuters iPhone G20 5G école", "1:Reuters|1:iPhone|3:G20|3:5G|2:école"},
	{"https://example.com/a?b=1. www.alkhabar.example/news", "27:https://example.com/a?b=1|27:www.alkhabar.example/news"},
	{"ahmed.ali@news.example", "4:ahmed.ali@news.example"},
	{"Reuters.com alkhabar.example", "6:Reuters.com|6:alkhabar.example"},
	{"#غزة #اليوم_الوطني @user_1", "25:#غزة|25:#اليوم_الوطني|26:@user_1"},
	{"# @ #", ""},
	{"e.g U.S", "1:e|1:g|1:U|1:S"},
	{"ﺍﻟﺤﻜﻮﻣﺔ ﻻ", "24:ﺍﻟﺤﻜﻮﻣﺔ|24:ﻻ"},
	{"東京タワー", "2:東京タワー"},
	{"مرحباHello", "24:مرحبا|1:Hello"},
	{"Hello東京١٢abc ١٢kg 12kg", "2:Hello東京|22:١٢|1:abc|22:١٢|1:kg|3:12kg"},
	{"", ""},
	{"\xC2\xA0\xE2\x80\x89\xE3\x80\x80", ""},
	{"\xD9\x8B\xD9\x8C", ""},	/* marks alone */
	{"a\x80" "b", "1:a|1:b"},	/* invalid byte: blank */
};

/* Tokenize and render non-blank tokens; also check coverage and progress. */
static void
render(const char *in, size_t len, char *out, size_t outsize, int *lossless)
{
	ArTokenizer t;
	const char *tok;
	size_t		toklen;
	size_t		covered = 0;
	size_t		o = 0;
	ArTokType	type;

	*lossless = 1;
	out[0] = '\0';
	ar_tok_init(&t, in, len);
	while ((type = ar_tok_next(&t, &tok, &toklen)) != AR_TOK_END)
	{
		if (tok != in + covered || toklen == 0)
			*lossless = 0;
		covered += toklen;
		if (type == AR_TOK_BLANK)
			continue;
		o += snprintf(out + o, o < outsize ? outsize - o : 0, "%s%d:%.*s",
					  o ? "|" : "", (int) type, (int) toklen, tok);
	}
	if (covered != len)
		*lossless = 0;
}

/* Deterministic xorshift. */
static uint32_t
next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* Unit tests of the tokenizer. */
void
test_tokenize(void)
{
	char		out[4096];
	int			lossless;
	uint32_t	seed = 7;
	int			bad = 0;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		render(cases[i].in, strlen(cases[i].in), out, sizeof(out), &lossless);
		CHECK(strcmp(out, cases[i].want) == 0, "tokens of \"%s\": got \"%s\", want \"%s\"",
			  cases[i].in, out, cases[i].want);
		CHECK(lossless, "tokens of \"%s\" do not cover the input", cases[i].in);
	}

	/* random bytes: every byte covered once, in order, always progressing */
	for (int iter = 0; iter < 2000; iter++)
	{
		static const char *const atoms[] = {
			"ا", "ب", "\xD9\x8E", "ـ", "\xE2\x80\x8C", "\xE2\x80\x8F", " ", "،", "1", "٣",
			".", ",", "a", "Z", "@", "#", "_", "-", "http://", "www.", "\x80", "\xD8",
			"é", "x.com", "\xC2\xA0", "\n",
		};
		char		text[512];
		size_t		len = 0;
		int			natoms = next_rand(&seed) % 40;

		for (int k = 0; k < natoms; k++)
		{
			const char *a = atoms[next_rand(&seed) % (sizeof(atoms) / sizeof(atoms[0]))];

			memcpy(text + len, a, strlen(a));
			len += strlen(a);
		}
		render(text, len, out, sizeof(out), &lossless);
		bad += !lossless;
	}
	CHECK(bad == 0, "%d random texts not covered losslessly", bad);

	/* long runs stay linear: a 1 MB word and 1 MB of dotted letters */
	{
		size_t		n = 1 << 20;
		char	   *big = malloc(n);
		ArTokenizer t;
		const char *tok;
		size_t		toklen;
		size_t		count = 0;

		for (size_t i = 0; i < n; i += 2)
			memcpy(big + i, "ب", 2);
		ar_tok_init(&t, big, n);
		while (ar_tok_next(&t, &tok, &toklen) != AR_TOK_END)
			count++;
		CHECK(count == 1, "1 MB Arabic word gives %zu tokens", count);
		for (size_t i = 0; i < n; i += 2)
			memcpy(big + i, "a.", 2);
		ar_tok_init(&t, big, n);
		count = 0;
		while (ar_tok_next(&t, &tok, &toklen) != AR_TOK_END)
			count++;
		CHECK(count == n, "dotted letters give %zu tokens", count);
		free(big);
	}
}
