/*
 * ar_tokenize.c
 *		Locale-independent tokenizer of Arabic (and mixed) text.
 *
 * Server-independent; no PostgreSQL headers.
 *
 *----------
 * At each position the first character decides what is tried:
 *	- a letter of the Arabic blocks starts an Arabic word, which takes in
 *	  letters, marks, tatweel and invisible controls that sit between letters
 *	  (controls at its end go back to the blank that follows); digits end it,
 *	  so و2024 and الـ٥ split into a word and a number;
 *	- an ASCII letter tries, in order, a URL (scheme:// or www.), an e-mail
 *	  address and a host name, then a Latin word; other letters start a word;
 *	  a Latin word that takes in ASCII digits is a numword (G20, mp3);
 *	- a digit starts a number: digits with single inner separators . , ٫ ٬
 *	  (a float when the separator is . or ٫), or a numword when Latin letters
 *	  follow (5G, 10km); a digit may also start an e-mail address;
 *	- '#' or '@' before a word character start a hashtag or mention;
 *	- anything else is blank up to the next character that can start a token.
 * E-mail and host scans are bounded (RFC lengths), so no position is scanned
 * more than a constant number of times and the whole pass stays linear.
 *----------
 */
#include "ar_chars.h"
#include "ar_tokenize.h"
#include "ar_utf8.h"

#define MAX_EMAIL_LOCAL	64
#define MAX_HOST		253

/* Decode at p; class of the code point, with its length in *n. */
static inline __attribute__((always_inline)) ArCharClass
class_at(const unsigned char *p, const unsigned char *end, int *n)
{
	uint32_t	cp;

	if (*p < 0x80)
	{
		*n = 1;
		return (ArCharClass) ar_char_stage2[0][*p];
	}
	/* the Arabic block, U+0600-06FF: lead byte D8-DB */
	if ((*p & 0xFC) == 0xD8 && p + 1 < end && (p[1] & 0xC0) == 0x80)
	{
		*n = 2;
		return (ArCharClass) ar_char_arabic[((p[0] & 0x03) << 6) | (p[1] & 0x3F)];
	}
	*n = ar_utf8_decode(p, end, &cp);
	return ar_char_class(cp);
}

/* Is c an ASCII letter or digit? */
static inline int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Is c an ASCII letter? */
static inline int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Does the text at p start with the ASCII word w, case-insensitively? */
static int
starts_with(const unsigned char *p, const unsigned char *end, const char *w)
{
	for (; *w; w++, p++)
		if (p >= end || (*p | 0x20) != *w)
			return 0;
	return 1;
}

/*
 * Scan a host name at p: labels of ASCII letters, digits and inner hyphens
 * joined by single dots, at least two labels, the last of 2+ letters, not
 * followed by a letter or digit.  Returns the end or NULL.
 */
static const unsigned char *
scan_host(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *start = p;
	const unsigned char *last_label = NULL;
	int			labels = 0;

	while (p < end && p - start < MAX_HOST)
	{
		const unsigned char *label = p;

		while (p < end && (is_alnum(*p) || (*p == '-' && p > label)) && p - start < MAX_HOST)
			p++;
		if (p == label || p[-1] == '-')
			return NULL;
		labels++;
		last_label = label;
		if (p + 1 < end && *p == '.' && is_alnum(p[1]))
			p++;
		else
			break;
	}
	if (labels < 2 || p - last_label < 2 || (p < end && is_alnum(*p)))
		return NULL;
	for (const unsigned char *q = last_label; q < p; q++)
		if (!is_alpha(*q))
			return NULL;
	return p;
}

/* Scan an e-mail address at p; returns its end or NULL. */
static const unsigned char *
scan_email(const unsigned char *p, const unsigned char *end)
{
	const unsigned char *start = p;

	while (p < end && p - start <= MAX_EMAIL_LOCAL &&
		   (is_alnum(*p) || *p == '.' || *p == '_' || *p == '%' || *p == '+' || *p == '-'))
		p++;
	if (p == start || p >= end || *p != '@' || p - start > MAX_EMAIL_LOCAL)
		return NULL;
	return scan_host(p + 1, end);
}

/* Does a URL stop at this byte (ASCII delimiters; spaces checked apart)? */
static inline int
url_delim(unsigned char c)
{
	return c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\'' || c == '`' ||
		c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
		c == '|' || c == '\\' || c == '^';
}

/* Scan a URL from p (known to start with a scheme or www.). */
static const unsigned char *
scan_url(const unsigned char *p, const unsigned char *end)
{
	while (p < end)
	{
		int			n;
		ArCharClass c;

		if (*p < 0x80)
		{
			if (url_delim(*p))
				break;
			p++;
			continue;
		}
		c = class_at(p, end, &n);
		/* spaces, controls, Arabic punctuation and guillemets end a URL */
		if (c == AR_CC_SPACE || c == AR_CC_INVIS || c == AR_CC_OTHER)
			break;
		p += n;
	}
	/* trailing sentence punctuation belongs to the text, not the URL */
	while (p[-1] == '.' || p[-1] == ',' || p[-1] == ';' || p[-1] == ':' ||
		   p[-1] == '!' || p[-1] == '?')
		p--;
	return p;
}

/* Is there a URL start at p? Returns the byte after "://" or "www." or NULL. */
static const unsigned char *
url_start(const unsigned char *p, const unsigned char *end)
{
	static const char *const schemes[] = {"https://", "http://", "ftp://", "www."};

	for (int i = 0; i < 4; i++)
	{
		size_t		n = 0;

		while (schemes[i][n])
			n++;
		if (starts_with(p, end, schemes[i]) && p + n < end && is_alnum(p[n]))
			return p + n;
	}
	return NULL;
}

/*
 * Scan a word of the given script from p; sets *digits when digits were
 * taken in (Latin words only).  Invisible controls are taken only when a
 * letter or mark follows them.
 */
static const unsigned char *
scan_word(const unsigned char *p, const unsigned char *end, int arabic, int *digits)
{
	const unsigned char *last = p;	/* end of the last letter or mark */

	*digits = 0;
	while (p < end)
	{
		int			n;
		ArCharClass c = class_at(p, end, &n);

		if (arabic ? (c == AR_CC_ARABIC || c == AR_CC_AMARK || c == AR_CC_MARK) :
			(c == AR_CC_ALPHA || c == AR_CC_LETTER || c == AR_CC_MARK))
		{
			p += n;
			last = p;
		}
		else if (c == AR_CC_INVIS)
			p += n;
		else if (c == AR_CC_DIGIT && !arabic && *p <= '9')
		{
			*digits = 1;
			p += n;
			last = p;
		}
		else
			break;
	}
	return last;
}

/* Scan a number; sets *decimal when a decimal separator was taken in. */
static const unsigned char *
scan_number(const unsigned char *p, const unsigned char *end, int *decimal)
{
	*decimal = 0;
	while (p < end)
	{
		int			n;
		ArCharClass c = class_at(p, end, &n);
		int			sep = 0;

		if (c == AR_CC_DIGIT)
		{
			p += n;
			continue;
		}
		/* a single separator between digits: . , or ٫ (U+066B) ٬ (U+066C) */
		if (*p == '.' || *p == ',')
			sep = 1;
		else if (p + 1 < end && p[0] == 0xD9 && (p[1] == 0xAB || p[1] == 0xAC))
			sep = 2;
		if (sep && p + sep < end && class_at(p + sep, end, &n) == AR_CC_DIGIT)
		{
			if (*p == '.' || p[1] == 0xAB)
				*decimal = 1;
			p += sep;
			continue;
		}
		break;
	}
	return p;
}

/* Can a token start with this class? */
static inline int
starts_token(ArCharClass c)
{
	return c == AR_CC_ARABIC || c == AR_CC_ALPHA || c == AR_CC_LETTER || c == AR_CC_DIGIT;
}

/* Is a hashtag or mention starting at p ('#' or '@')? */
static int
tag_start(const unsigned char *p, const unsigned char *end)
{
	int			n;

	if (p + 1 >= end || (*p != '#' && *p != '@'))
		return 0;
	if (*p == '@')
		return is_alnum(p[1]) || p[1] == '_';
	return p[1] == '_' || starts_token(class_at(p + 1, end, &n));
}

/* Scan the body of a hashtag: word characters of any script, digits, '_'. */
static const unsigned char *
scan_tag(const unsigned char *p, const unsigned char *end, int mention)
{
	const unsigned char *last = p;

	while (p < end)
	{
		int			n;
		ArCharClass c = class_at(p, end, &n);

		if (mention ? (is_alnum(*p) || *p == '_') :
			(starts_token(c) || c == AR_CC_AMARK || c == AR_CC_MARK || *p == '_'))
		{
			p += n;
			last = p;
		}
		else if (c == AR_CC_INVIS && !mention)
			p += n;
		else
			break;
	}
	return last;
}

/* Start tokenizing buf[0..len). */
void
ar_tok_init(ArTokenizer *t, const char *buf, size_t len)
{
	t->p = (const unsigned char *) buf;
	t->end = t->p + len;
}

/* Return the next token; see ar_tokenize.h. */
ArTokType
ar_tok_next(ArTokenizer *t, const char **tok, size_t *toklen)
{
	const unsigned char *p = t->p;
	const unsigned char *end = t->end;
	const unsigned char *q = NULL;
	ArTokType	type = AR_TOK_BLANK;
	int			n;
	int			first;
	int			flag;
	ArCharClass c;

	if (p >= end)
		return AR_TOK_END;
	c = class_at(p, end, &first);
	n = first;
	switch (c)
	{
		case AR_CC_ARABIC:
			q = scan_word(p, end, 1, &flag);
			type = AR_TOK_ARABIC;
			break;
		case AR_CC_ALPHA:
			if ((q = url_start(p, end)) != NULL)
			{
				q = scan_url(q, end);
				type = AR_TOK_URL;
			}
			else if ((q = scan_email(p, end)) != NULL)
				type = AR_TOK_EMAIL;
			else if ((q = scan_host(p, end)) != NULL)
				type = AR_TOK_HOST;
			/* FALLTHROUGH */
		case AR_CC_LETTER:
			if (q == NULL)
			{
				q = scan_word(p, end, 0, &flag);
				type = flag ? AR_TOK_NUMWORD : AR_TOK_WORD;
				if (!flag)
				{
					type = AR_TOK_ASCIIWORD;
					for (const unsigned char *r = p; r < q; r++)
						if (*r >= 0x80)
							type = AR_TOK_WORD;
				}
			}
			break;
		case AR_CC_DIGIT:
			if ((q = scan_email(p, end)) != NULL)
			{
				type = AR_TOK_EMAIL;
				break;
			}
			q = scan_number(p, end, &flag);
			type = flag ? AR_TOK_FLOAT : AR_TOK_UINT;
			if (q < end && !flag && *p <= '9')
			{
				ArCharClass next = class_at(q, end, &n);

				if (next == AR_CC_ALPHA || next == AR_CC_LETTER)
				{
					q = scan_word(p, end, 0, &flag);
					type = AR_TOK_NUMWORD;
				}
			}
			break;
		default:
			if (tag_start(p, end))
			{
				q = scan_tag(p + 1, end, *p == '@');
				type = (*p == '@') ? AR_TOK_MENTION : AR_TOK_HASHTAG;
				break;
			}
			/* blank: up to the next character that can start a token */
			q = p + first;
			while (q < end)
			{
				c = class_at(q, end, &n);
				if (starts_token(c) || tag_start(q, end))
					break;
				q += n;
			}
			break;
	}
	if (q <= p)
		q = p + first;			/* never stall, never split a character */
	*tok = (const char *) p;
	*toklen = (size_t) (q - p);
	t->p = q;
	return type;
}
