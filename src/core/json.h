/*
 * json: writing JSON text into a struct buf.
 *
 * Strings are escaped per RFC 8259; invalid UTF-8 is written as U+FFFD so the
 * output is always valid JSON whatever the input. U+2028/U+2029 are escaped
 * too, so a line stays a line for JavaScript consumers.
 * Parsing lives in src/io (yajl), not here.
 */
#ifndef ATL_JSON_H
#define ATL_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "str.h"

/* "..." with escapes; a NULL pointer writes null. */
int json_add_str(struct buf *b, const char *s, size_t len);
static inline int json_add_cstr(struct buf *b, const char *s)
{
	return s ? json_add_str(b, s, strlen(s)) : buf_add(b, "null", 4);
}
static inline int json_add_sv(struct buf *b, struct str s)
{
	return json_add_str(b, s.p, s.len);
}
/* "key": (with a leading comma when *first is 0; sets *first = 0). */
int json_add_key(struct buf *b, int *first, const char *key);
/* The same for a string-literal key that needs no escaping (letters,
 * digits, '_'): quoted at compile time, appended in one piece. */
#define JSON_KEY(b, first, lit) \
	json_add_quoted_key((b), (first), "\"" lit "\":", sizeof("\"" lit "\":") - 1)
static inline int json_add_quoted_key(struct buf *b, int *first, const char *quoted,
				      size_t n)
{
	if (!*first)
		buf_addc(b, ',');
	*first = 0;
	return buf_add(b, quoted, n);
}
int json_add_int(struct buf *b, int64_t v);
/* A finite double with up to `digits` significant digits; NaN/inf as null. */
int json_add_num(struct buf *b, double v, int digits);
int json_add_bool(struct buf *b, int v);

#endif
