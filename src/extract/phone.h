/*
 * phone: telephone numbers to E.164 for the countries these ads come from.
 *
 * The national rules (lengths, leading digits, trunk prefixes) follow the
 * table in docs/formats.md 8.1: NANP (US, CA, DO), MX, GT, SV, HN, NI, CR,
 * PA, CO, EC, VE, PE, CU, HT, BR. A few other country codes seen on the
 * European and South American routes are accepted after an explicit "+"
 * with a length check only.
 *
 * All functions take a string of ASCII digits (no separators) and write the
 * result, "+" and at most 15 digits, into out[PHONE_E164_MAX]. They return
 * the ISO 3166 alpha-2 region (a static string) or NULL when the digits are
 * not a valid number.
 */
#ifndef ATL_PHONE_H
#define ATL_PHONE_H

#include <stddef.h>

#define PHONE_E164_MAX 17	/* "+", 15 digits, NUL */

/* Digits written after an international prefix ("+", "00", "011", wa.me):
 * country code + national number. "5215512345678" -> "+525512345678". */
const char *phone_parse_intl(const char *d, size_t n,
			     char out[PHONE_E164_MAX]);

/* Digits written nationally (trunk prefix allowed) in region ("MX", "GT",
 * ...; "US", "CA" and "DO" all mean the NANP). For the NANP the returned
 * region comes from the area code (809/829/849 -> "DO", Canadian codes ->
 * "CA", else "US"). */
const char *phone_parse_national(const char *d, size_t n, const char *region,
				 char out[PHONE_E164_MAX]);

/* Digits with no country evidence: accepted only when the form fits one
 * reading. A valid NANP number (10 digits, or 1 + 10) is read as NANP; a
 * 10-digit number that is not valid NANP but valid in Mexico, or an old
 * Mexican mobile form (044/045 + 10 digits), as MX. Everything else
 * (8-digit Central American numbers, ...) needs evidence. */
const char *phone_parse_guess(const char *d, size_t n,
			      char out[PHONE_E164_MAX]);

/* 1 if region is one whose national numbers we can validate. */
int phone_region_known(const char *region);

#endif
