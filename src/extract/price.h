/*
 * price: money amounts in es/en/pt/fr/ht posts, on the normalised text.
 *
 * An amount is a price only with a marker: a currency symbol or code before
 * it ("$", "us$", "q", "l.", "rd$", "s/", "usd" ...), a currency word after
 * it ("dolares", "dls", "pesos", "quetzales" ...), or a multiplier ("8k",
 * "8 mil", "1.5 millones"). Separators follow docs/formats.md 9.3: one mark
 * followed by exactly 3 digits groups, by 1-2 digits is decimal, a repeated
 * mark groups, with both marks the last one is decimal; a space groups only
 * before exactly 3 digits ("1 500 000").
 *
 * Currency: the explicit marker wins. "pesos" is COP, DOP or CUP when the
 * post's evidence (phone country codes, then places) says so, else MXN. A
 * bare "$" (or a multiplier alone) takes the currency of the first evidence
 * country that uses a dollar sign (MX -> MXN, CO -> COP, DO -> DOP, US, SV,
 * EC, PA, PR -> USD); with no such evidence the currency is NULL (unknown).
 */
#ifndef ATL_PRICE_H
#define ATL_PRICE_H

#include <stddef.h>

/* Currency codes with special meaning for the resolver. */
#define PRICE_DOLLAR_SIGN "$"	/* "$" alone: resolve from evidence */
#define PRICE_PESOS "pesos"	/* "pesos": MXN unless evidence says else */

/* If a currency marker ends just before s[i] (one space allowed between),
 * return 1, set *mstart to where it begins and *cur to its ISO code (or one
 * of the PRICE_* markers above). s is the normalised text. */
int price_prefix(const char *s, size_t i, size_t *mstart, const char **cur);

/* After an amount ending at s[j]: an optional multiplier ("k", "mil",
 * "millones", ...; *pow10 = 3 or 6, else 0) then an optional currency word
 * ("dolares", "quetzales", ...; *cur, else NULL). Returns 1 and sets *mend
 * past what was read if either was found, else 0. */
int price_suffix(const char *s, size_t len, size_t j, size_t *mend,
		 unsigned *pow10, const char **cur);

#define PRICE_MAX_DIGITS 15	/* integer digits of an amount, multiplied */

struct price_amount {
	char digits[PRICE_MAX_DIGITS + 1];	/* integer then fraction digits */
	size_t n_int, n_frac;
};

/* Read an amount at s[i] (a digit): digit groups with grouping/decimal
 * marks. Returns the number of bytes read, or 0 if it is not an amount
 * (too many digits). */
size_t price_scan_amount(const char *s, size_t len, size_t i,
			 struct price_amount *am);

/* The amount times 10^pow10 as a decimal string ("8000", "5000.50",
 * "8500" for 8.5k) into out (cap bytes). Returns 0, or -1 if it does not
 * fit. */
int price_format(const struct price_amount *am, unsigned pow10, char *out,
		 size_t cap);

#endif
