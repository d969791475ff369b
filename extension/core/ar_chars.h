/*
 * ar_chars.h
 *		Character classes of the tokenizer.
 *
 * Server-independent; no PostgreSQL headers.  Classes depend on no locale:
 * they come from the generated table ar_char_data.c.
 */
#ifndef AR_CHARS_H
#define AR_CHARS_H

#include <stdint.h>

typedef enum ArCharClass
{
	AR_CC_OTHER,				/* punctuation, symbols: separates words */
	AR_CC_ARABIC,				/* a letter of the Arabic blocks */
	AR_CC_AMARK,				/* an Arabic mark or tatweel: inside a word */
	AR_CC_INVIS,				/* zero-width or bidi control: inside a word */
	AR_CC_ALPHA,				/* ASCII letter */
	AR_CC_LETTER,				/* any other letter */
	AR_CC_MARK,					/* any other combining mark */
	AR_CC_DIGIT,				/* a decimal digit of any script */
	AR_CC_SPACE					/* white space and line breaks */
} ArCharClass;

extern const uint8_t ar_char_stage1[0x110000 >> 7];
extern const uint8_t ar_char_stage2[][128];
extern const uint8_t ar_char_arabic[256];	/* U+0600-06FF */

/* Return the class of a code point (cp <= U+10FFFF). */
static inline ArCharClass
ar_char_class(uint32_t cp)
{
	return (ArCharClass) ar_char_stage2[ar_char_stage1[cp >> 7]][cp & 127];
}

#endif							/* AR_CHARS_H */
