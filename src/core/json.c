#include "json.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "utf8.h"

int json_add_str(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0;
	uint32_t cp;

	if (!s)
		return buf_add(b, "null", 4);
	buf_grow(b, len + 2);
	buf_addc(b, '"');
	while (i < len) {
		unsigned char c = p[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			/* copy plain ASCII in runs */
			run = i;
			while (i < len && p[i] >= 0x20 && p[i] != '"' && p[i] != '\\' && p[i] < 0x80)
				i++;
			buf_add(b, s + run, i - run);
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
			buf_add(b, s + i, (size_t)k);
			i += (size_t)k;
		}
	}
	return buf_addc(b, '"');
}

int json_add_key(struct buf *b, int *first, const char *key)
{
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	json_add_cstr(b, key);
	return buf_addc(b, ':');
}

int json_add_int(struct buf *b, int64_t v)
{
	char tmp[24];
	int n = snprintf(tmp, sizeof(tmp), "%" PRId64, v);

	return buf_add(b, tmp, (size_t)n);
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
