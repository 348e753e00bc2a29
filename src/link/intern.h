/*
 * intern: a set of byte strings, each given a dense id (0, 1, ... in order
 * of first sight) and a count of how often it was put.
 *
 * The linker interns indicator values and accounts ("author\x1fplatform")
 * so that per-post state is a few uint32 ids, and the number of distinct
 * values, not the number of posts, decides the memory. Strings live in the
 * table's own arena; ids and pointers stay valid until intern_release.
 * Memory: about 32 bytes per distinct string plus the string itself.
 */
#ifndef ATL_INTERN_H
#define ATL_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"

struct intern_ent {
	const char *s;		/* NUL-terminated copy, in the table's arena */
	uint64_t hash;		/* XXH3_64bits of the bytes */
	uint32_t len;		/* bytes, excluding the NUL */
	uint32_t count;		/* intern_put calls for this string (saturates) */
};

struct intern {
	struct arena a;			/* the strings */
	struct intern_ent *v;		/* by id; n used, cap allocated */
	size_t n, cap;
	uint32_t *slots;		/* open addressing, id + 1; 0 = empty */
	size_t n_slots;			/* power of two, >= 2 * n */
};

#define INTERN_MAX_LEN 4096	/* longer strings are cut to this many bytes */

void intern_init(struct intern *t);
void intern_release(struct intern *t);

/* Id of s (added on first sight) with its count incremented. Strings longer
 * than INTERN_MAX_LEN are cut first. 0, ATL_ENOMEM or ATL_ETOOBIG (more
 * than UINT32_MAX - 1 strings). */
int intern_put(struct intern *t, const char *s, size_t len, uint32_t *id_out);
/* Id of s without adding or counting: 1 when found, 0 when not. */
int intern_get(const struct intern *t, const char *s, size_t len, uint32_t *id_out);

static inline size_t intern_n(const struct intern *t) { return t->n; }
static inline const char *intern_str(const struct intern *t, uint32_t id)
{
	return t->v[id].s;
}
static inline uint32_t intern_len(const struct intern *t, uint32_t id)
{
	return t->v[id].len;
}
static inline uint32_t intern_count(const struct intern *t, uint32_t id)
{
	return t->v[id].count;
}

#endif
