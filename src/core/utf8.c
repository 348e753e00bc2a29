#include "utf8.h"

#include <string.h>

#include "arena.h"

int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	uint32_t v;
	int len, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	for (i = 1; i < len; i++) {
		if ((size_t)i >= n || s[i] < lo || s[i] > hi)
			return -i;
		v = (v << 6) | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return len;
}

int utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = 0xFFFD;
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return utf8_encode(0xFFFD, out);
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t utf8_count_invalid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, bad = 0;
	uint32_t cp;

	while (i < n) {
		int k;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (k < 0) {
			bad++;
			i += (size_t)-k;
		} else {
			i += (size_t)k;
		}
	}
	return bad;
}

char *utf8_repair(struct arena *a, const char *s, size_t n, size_t *len_out,
		  size_t *n_bad_out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t bad = utf8_count_invalid(s, n);
	size_t i = 0, o = 0;
	char *out;
	uint32_t cp;

	/* each bad subpart (>= 1 byte) grows to at most 3 bytes */
	out = arena_alloc(a, n + 2 * bad + 1);
	if (!out)
		return NULL;
	if (!bad) {
		memcpy(out, s, n);
		o = n;
	} else {
		while (i < n) {
			int k = p[i] < 0x80 ? 1 : utf8_decode(p + i, n - i, &cp);
			if (k < 0) {
				memcpy(out + o, "\xEF\xBF\xBD", 3);
				o += 3;
				i += (size_t)-k;
			} else {
				memcpy(out + o, s + i, (size_t)k);
				o += (size_t)k;
				i += (size_t)k;
			}
		}
	}
	out[o] = '\0';
	if (len_out)
		*len_out = o;
	if (n_bad_out)
		*n_bad_out = bad;
	return out;
}

size_t utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}
