/*
 * intern: see intern.h. Linear probing over a power-of-two slot array kept
 * at most half full; a slot holds id + 1, and the full 64-bit hash is kept
 * per entry so that probing compares strings only on a hash match.
 */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "core/err.h"
#include "link/intern.h"
#include "core/banned.h"

void intern_init(struct intern *t)
{
	memset(t, 0, sizeof(*t));
	arena_init(&t->a, 1 << 20);
}

void intern_release(struct intern *t)
{
	arena_release(&t->a);
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

static size_t probe(const struct intern *t, const char *s, size_t len,
		    uint64_t h, int *found)
{
	size_t mask = t->n_slots - 1, i = (size_t)h & mask;

	for (;; i = (i + 1) & mask) {
		uint32_t sl = t->slots[i];
		const struct intern_ent *e;

		if (!sl) {
			*found = 0;
			return i;
		}
		e = &t->v[sl - 1];
		if (e->hash == h && e->len == len && !memcmp(e->s, s, len)) {
			*found = 1;
			return i;
		}
	}
}

static int grow_slots(struct intern *t)
{
	size_t ns = t->n_slots ? t->n_slots * 2 : 1024;
	uint32_t *sl = calloc(ns, sizeof(*sl));

	if (!sl)
		return ATL_ENOMEM;
	for (size_t id = 0; id < t->n; id++) {
		size_t i = (size_t)t->v[id].hash & (ns - 1);

		while (sl[i])
			i = (i + 1) & (ns - 1);
		sl[i] = (uint32_t)id + 1;
	}
	free(t->slots);
	t->slots = sl;
	t->n_slots = ns;
	return 0;
}

int intern_get(const struct intern *t, const char *s, size_t len, uint32_t *id_out)
{
	int found;
	size_t i;

	if (len > INTERN_MAX_LEN)
		len = INTERN_MAX_LEN;
	if (!t->n_slots)
		return 0;
	i = probe(t, s, len, XXH3_64bits(s, len), &found);
	if (found)
		*id_out = t->slots[i] - 1;
	return found;
}

int intern_put(struct intern *t, const char *s, size_t len, uint32_t *id_out)
{
	uint64_t h;
	size_t i;
	int found, rc;
	struct intern_ent *e;

	if (len > INTERN_MAX_LEN)
		len = INTERN_MAX_LEN;
	if (2 * (t->n + 1) > t->n_slots) {
		rc = grow_slots(t);
		if (rc < 0)
			return rc;
	}
	h = XXH3_64bits(s, len);
	i = probe(t, s, len, h, &found);
	if (found) {
		e = &t->v[t->slots[i] - 1];
		if (e->count < UINT32_MAX)
			e->count++;
		*id_out = t->slots[i] - 1;
		return 0;
	}
	if (t->n >= UINT32_MAX - 1)
		return ATL_ETOOBIG;
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		struct intern_ent *v = realloc(t->v, cap * sizeof(*v));

		if (!v)
			return ATL_ENOMEM;
		t->v = v;
		t->cap = cap;
	}
	e = &t->v[t->n];
	e->s = arena_strndup(&t->a, s, len);
	if (!e->s)
		return ATL_ENOMEM;
	e->hash = h;
	e->len = (uint32_t)len;
	e->count = 1;
	t->slots[i] = (uint32_t)t->n + 1;
	*id_out = (uint32_t)t->n++;
	return 0;
}
