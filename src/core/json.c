#include "json.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

/* The escaping of json_add_str, one byte sequence at a time, appending
 * through buf_add: used when the worst case (6 bytes out per byte in) does
 * not fit under the buffer's limit, so that a string near the limit fails
 * exactly where it runs out of room. */
static int add_str_slow(struct buf *b, const unsigned char *p, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run;
	uint32_t cp;

	buf_grow(b, len + 2);
	buf_addc(b, '"');
	while (i < len) {
		unsigned char c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			/* copy plain ASCII in runs */
			run = i;
			while (i < len && p[i] >= 0x20 && p[i] != '"' && p[i] != '\\' && p[i] < 0x80)
				i++;
			buf_add(b, p + run, i - run);
			continue;
		}
		if (c < 0x80) {
			char esc[7] = "\\u00";
			switch (c) {
			case '"': buf_add(b, "\\\"", 2); break;
			case '\\': buf_add(b, "\\\\", 2); break;
			case '\n': buf_add(b, "\\n", 2); break;
			case '\r': buf_add(b, "\\r", 2); break;
			case '\t': buf_add(b, "\\t", 2); break;
			case '\b': buf_add(b, "\\b", 2); break;
			case '\f': buf_add(b, "\\f", 2); break;
			default:
				esc[4] = hex[c >> 4];
				esc[5] = hex[c & 15];
				buf_add(b, esc, 6);
			}
			i++;
			continue;
		}
		int k = utf8_decode(p + i, len - i, &cp);
		if (k < 0) {
			buf_add(b, "\xEF\xBF\xBD", 3);
			i += (size_t)-k;
		} else if (cp == 0x2028 || cp == 0x2029) {
			buf_add(b, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
			i += (size_t)k;
		} else {
			buf_add(b, p + i, (size_t)k);
			i += (size_t)k;
		}
	}
	return buf_addc(b, '"');
}

/* Bytes that are copied as they are: printable ASCII but '"' and '\\'. */
#define P8 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char plain_byte[256] = {
	[0x20] = 1, 1, 0, 1, 1, 1, 1, 1, P8,	/* '"' is 0x22 */
	P8, P8, P8, P8, P8, 1, 1, 1, 1,	/* 0x30-0x5B */
	0, 1, 1, 1, P8, P8, P8, P8,	/* '\\' is 0x5C, up to 0x7F */
};
#undef P8

static int plain(unsigned char c)
{
	return plain_byte[c];
}

/* Does any of the 8 bytes in x need escaping or decoding (>= 0x80, < 0x20,
 * '"' or '\\')? has_less(x, n): some byte is below n (n <= 0x80; exact,
 * since a borrow only starts at such a byte). */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull
static int word_special(uint64_t x)
{
#define has_less(v, n) (((v) - ONES * (n)) & ~(v) & HIGHS)
	return ((x & HIGHS) | has_less(x, 0x20) | has_less(x ^ (ONES * '"'), 1) |
		has_less(x ^ (ONES * '\\'), 1)) != 0;
#undef has_less
}

int json_add_str(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint32_t cp;
	char *o;

	if (!s)
		return buf_add(b, "null", 4);
	/* Room for the worst case, then write in place: one bounds check per
	 * string instead of one per byte sequence. */
	if (b->err || b->max - b->len < 2 || len > (b->max - b->len - 2) / 6 ||
	    buf_grow(b, 6 * len + 2))
		return add_str_slow(b, p, len);
	o = b->p + b->len;
	*o++ = '"';
	while (i < len) {
		unsigned char c = p[i];

		if (plain(c)) {
			size_t run = i;
			uint64_t x;

			/* 8 bytes at a time while none is special */
			while (i + 8 <= len) {
				memcpy(&x, p + i, 8);
				if (word_special(x))
					break;
				i += 8;
			}
			while (i < len && plain(p[i]))
				i++;
			memcpy(o, p + run, i - run);
			o += i - run;
			continue;
		}
		if (c < 0x80) {
			*o++ = '\\';
			switch (c) {
			case '"': *o++ = '"'; break;
			case '\\': *o++ = '\\'; break;
			case '\n': *o++ = 'n'; break;
			case '\r': *o++ = 'r'; break;
			case '\t': *o++ = 't'; break;
			case '\b': *o++ = 'b'; break;
			case '\f': *o++ = 'f'; break;
			default:
				memcpy(o, "u00", 3);
				o[3] = hex[c >> 4];
				o[4] = hex[c & 15];
				o += 5;
			}
			i++;
			continue;
		}
		int k = utf8_decode(p + i, len - i, &cp);
		if (k < 0) {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			i += (size_t)-k;
		} else if (cp == 0x2028 || cp == 0x2029) {
			memcpy(o, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
			o += 6;
			i += (size_t)k;
		} else {
			memcpy(o, p + i, (size_t)k);
			o += k;
			i += (size_t)k;
		}
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->p);
	return 0;
}

int json_add_key(struct buf *b, int *first, const char *key)
{
	size_t n = strlen(key), i;

	/* Keys are short literals that need no escaping: copied in place. */
	if (!b->err && b->p && n + 4 < b->cap - b->len && n + 4 <= b->max - b->len) {
		char *o = b->p + b->len;

		for (i = 0; i < n && plain((unsigned char)key[i]); i++)
			;
		if (i == n) {
			if (!*first)
				*o++ = ',';
			*first = 0;
			*o++ = '"';
			memcpy(o, key, n);
			o += n;
			*o++ = '"';
			*o++ = ':';
			*o = '\0';
			b->len = (size_t)(o - b->p);
			return 0;
		}
	}
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	json_add_cstr(b, key);
	return buf_addc(b, ':');
}

/* Decimal digits as printf's %PRId64 writes them. */
int json_add_int(struct buf *b, int64_t v)
{
	char tmp[24], *e = tmp + sizeof(tmp), *d = e;
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;

	do {
		*--d = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--d = '-';
	return buf_add(b, d, (size_t)(e - d));
}

int json_add_num(struct buf *b, double v, int digits)
{
	char tmp[40];
	int n;

	if (!isfinite(v))
		return buf_add(b, "null", 4);
	if (digits < 1 || digits > 17)
		digits = 6;
	n = snprintf(tmp, sizeof(tmp), "%.*g", digits, v);
	return buf_add(b, tmp, (size_t)n);
}

int json_add_bool(struct buf *b, int v)
{
	return v ? buf_add(b, "true", 4) : buf_add(b, "false", 5);
}
