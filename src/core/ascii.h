/*
 * ascii: locale-independent byte classes. Never use <ctype.h> on raw text
 * bytes: its behaviour depends on the locale and it is undefined for
 * negative chars.
 */
#ifndef ATL_ASCII_H
#define ATL_ASCII_H

static inline int ascii_is_digit(int c) { return c >= '0' && c <= '9'; }
static inline int ascii_is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int ascii_is_lower(int c) { return c >= 'a' && c <= 'z'; }
static inline int ascii_is_alpha(int c) { return ascii_is_upper(c) || ascii_is_lower(c); }
static inline int ascii_is_alnum(int c) { return ascii_is_alpha(c) || ascii_is_digit(c); }
static inline int ascii_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline int ascii_is_xdigit(int c)
{
	return ascii_is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static inline int ascii_tolower(int c) { return ascii_is_upper(c) ? c + 32 : c; }
static inline int ascii_toupper(int c) { return ascii_is_lower(c) ? c - 32 : c; }
static inline int ascii_hexval(int c)
{
	if (ascii_is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Byte-class tables built by the compiler: with F(c) a constant expression
 * (ASCII_ALNUM_C and the like, not the functions above),
 *     static const unsigned char t[256] = { ASCII_TABLE(F) };
 * holds F(0) .. F(255). A table lookup tests a byte with one load where a
 * chain of ranges takes several compares and branches. */
#define ASCII_ALNUM_C(c) (((c) >= '0' && (c) <= '9') || ((c) >= 'A' && (c) <= 'Z') || \
			  ((c) >= 'a' && (c) <= 'z'))
#define ASCII_T4_(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define ASCII_T16_(F, c) ASCII_T4_(F, c), ASCII_T4_(F, (c) + 4), ASCII_T4_(F, (c) + 8), \
			 ASCII_T4_(F, (c) + 12)
#define ASCII_T64_(F, c) ASCII_T16_(F, c), ASCII_T16_(F, (c) + 16), ASCII_T16_(F, (c) + 32), \
			 ASCII_T16_(F, (c) + 48)
#define ASCII_TABLE(F) ASCII_T64_(F, 0), ASCII_T64_(F, 64), ASCII_T64_(F, 128), \
		       ASCII_T64_(F, 192)

#endif
