/*
 * str: a borrowed view of bytes (not NUL-terminated in general).
 * A view never outlives the owner of its bytes, usually a batch arena.
 */
#ifndef ATL_STR_H
#define ATL_STR_H

#include <stddef.h>
#include <string.h>

struct str {
	const char *p;	/* NULL for "absent", distinct from an empty string */
	size_t len;
};

#define STR_NULL ((struct str){ NULL, 0 })
#define STR_LIT(s) ((struct str){ (s), sizeof(s) - 1 })

static inline struct str str_make(const char *p, size_t len)
{
	struct str s = { p, len };
	return s;
}

static inline struct str str_cstr(const char *p)
{
	struct str s = { p, p ? strlen(p) : 0 };
	return s;
}

static inline int str_is_null(struct str s) { return s.p == NULL; }

static inline int str_eq(struct str a, struct str b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.p, b.p, a.len) == 0);
}

static inline int str_eq_cstr(struct str a, const char *b)
{
	return str_eq(a, str_cstr(b));
}

#endif
