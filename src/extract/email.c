/*
 * email: simple, robust e-mail addresses in the original text.
 *
 * Anchored on each "@": the local part runs back over [A-Za-z0-9._%+-]
 * (no leading or trailing dot), the domain forward over labels of
 * [A-Za-z0-9-] joined by dots, with at least one dot and an alphabetic
 * top-level label of 2+ letters; a final "." is the sentence's. The value is
 * lower-cased. RFC 5322's quoted forms are not worth their risk here.
 */
#include <string.h>

#include "core/ascii.h"
#include "extract/ind.h"
#include "core/banned.h"

#define EMAIL_MAX_BYTES 254

static int is_local_char(unsigned char c)
{
	return ascii_is_alnum(c) || (c && strchr("._%+-", c));
}

/* End of the domain that starts at s[i], or i if there is none. */
static size_t domain_end(const char *s, size_t len, size_t i)
{
	size_t p = i, lab = i, last = i, n_dots = 0, end = i;

	for (;;) {
		while (p < len && (ascii_is_alnum((unsigned char)s[p]) ||
				   s[p] == '-'))
			p++;
		if (p == lab || s[lab] == '-' || s[p - 1] == '-' ||
		    p - lab > 63)
			break;
		last = lab;
		end = p;
		if (p + 1 < len && s[p] == '.' &&
		    ascii_is_alnum((unsigned char)s[p + 1])) {
			n_dots++;
			p++;
			lab = p;
			continue;
		}
		break;
	}
	if (n_dots == 0 || end - last < 2)
		return i;
	for (size_t k = last; k < end; k++)
		if (!ascii_is_alpha((unsigned char)s[k]))
			return i;
	return end;
}

int email_find(struct ind_sink *k)
{
	const char *s = k->orig;
	size_t len = k->orig_len;
	const char *at = s;

	while ((at = memchr(at, '@', len - (size_t)(at - s))) != NULL) {
		size_t i = (size_t)(at - s), b = i, e;
		char v[EMAIL_MAX_BYTES + 1];
		int rc;

		at++;
		while (b > 0 && is_local_char((unsigned char)s[b - 1]))
			b--;
		while (b < i && s[b] == '.')
			b++;
		if (b == i || s[i - 1] == '.' || i - b > 64)
			continue;
		e = domain_end(s, len, i + 1);
		if (e == i + 1 || e - b > EMAIL_MAX_BYTES)
			continue;
		if (ind_is_taken(k, (uint32_t)b, (uint32_t)e))
			continue;
		for (size_t j = b; j < e; j++)
			v[j - b] = (char)ascii_tolower((unsigned char)s[j]);
		rc = ind_add(k, IND_EMAIL, v, e - b, (uint32_t)b, (uint32_t)e,
			     NULL);
		if (rc < 0)
			return rc;
		ind_take(k, (uint32_t)b, (uint32_t)e);
	}
	return 0;
}
