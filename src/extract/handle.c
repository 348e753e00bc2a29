/*
 * handle: "@name" social-media handles in the original text.
 *
 * 2-30 characters of [A-Za-z0-9_.] after an "@" that does not follow a
 * local-part character (so not the middle of an e-mail), with trailing dots
 * dropped (sentence ends) and at least one letter or "_" (so "@ 10" or
 * "@2024" are not handles). Longer runs are rejected, not cut. Handles
 * inside a URL or an e-mail are skipped. The value keeps the "@" and is
 * lower-cased: Instagram, TikTok, X and Telegram names are case-insensitive.
 */
#include <string.h>

#include "core/ascii.h"
#include "extract/ind.h"
#include "core/banned.h"

#define HANDLE_MIN 2
#define HANDLE_MAX 30

static int is_handle_char(unsigned char c)
{
	return ascii_is_alnum(c) || c == '_' || c == '.';
}

int handle_find(struct ind_sink *k)
{
	const char *s = k->orig;
	size_t len = k->orig_len;
	const char *at = s;

	while ((at = memchr(at, '@', len - (size_t)(at - s))) != NULL) {
		size_t i = (size_t)(at - s), e = i + 1, n;
		char v[HANDLE_MAX + 2];
		int has_alpha = 0, rc;

		at++;
		if (i > 0 && (is_handle_char((unsigned char)s[i - 1]) ||
			      strchr("%+-@", s[i - 1])))
			continue;
		while (e < len && is_handle_char((unsigned char)s[e]))
			e++;
		if (e - i - 1 > HANDLE_MAX + 8)
			continue;
		while (e > i + 1 && s[e - 1] == '.')
			e--;
		n = e - i - 1;
		if (n < HANDLE_MIN || n > HANDLE_MAX)
			continue;
		if (e < len && (s[e] == '@' || s[e] == '-'))
			continue;
		if (ind_is_taken(k, (uint32_t)i, (uint32_t)e))
			continue;
		v[0] = '@';
		for (size_t j = 0; j < n; j++) {
			unsigned char c = (unsigned char)s[i + 1 + j];
			has_alpha |= ascii_is_alpha(c) || c == '_';
			v[1 + j] = (char)ascii_tolower(c);
		}
		if (!has_alpha)
			continue;
		rc = ind_add(k, IND_HANDLE, v, n + 1, (uint32_t)i, (uint32_t)e,
			     NULL);
		if (rc < 0)
			return rc;
	}
	return 0;
}
