/*
 * lsh: see lsh.h for banding, prev[] and the bounded table.
 */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/err.h"
#include "link/lsh.h"
#include "core/banned.h"

static void clear(struct lsh_slot *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		s[i].head = LSH_NONE;
		s[i].count = 0;
	}
}

int lsh_table_init(struct lsh_table *t, size_t expect)
{
	size_t ns = 16;

	memset(t, 0, sizeof(*t));
	while (ns < 2 * expect)
		ns *= 2;
	t->slots = malloc(ns * sizeof(*t->slots));
	if (!t->slots)
		return ATL_ENOMEM;
	t->n_slots = ns;
	clear(t->slots, ns);
	return 0;
}

void lsh_table_release(struct lsh_table *t)
{
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

void lsh_table_reset(struct lsh_table *t)
{
	clear(t->slots, t->n_slots);
	t->n_used = 0;
	t->max_bucket = 0;
}

uint64_t lsh_band_key(const uint32_t *sig, int band, int rows)
{
	return XXH3_64bits_withSeed(sig + (size_t)band * rows,
				    (size_t)rows * sizeof(*sig), (uint64_t)band);
}

static struct lsh_slot *find(struct lsh_slot *slots, size_t n_slots, uint64_t key)
{
	size_t mask = n_slots - 1, i = lsh_slot_of(key, n_slots);

	for (;; i = (i + 1) & mask)
		if (slots[i].head == LSH_NONE || slots[i].key == key)
			return &slots[i];
}

static int grow(struct lsh_table *t)
{
	size_t ns = t->n_slots * 2;
	struct lsh_slot *s = malloc(ns * sizeof(*s));

	if (!s)
		return ATL_ENOMEM;
	clear(s, ns);
	for (size_t i = 0; i < t->n_slots; i++)
		if (t->slots[i].head != LSH_NONE)
			*find(s, ns, t->slots[i].key) = t->slots[i];
	free(t->slots);
	t->slots = s;
	t->n_slots = ns;
	return 0;
}

int lsh_table_put(struct lsh_table *t, uint64_t key, uint32_t post, uint32_t *prev_out)
{
	struct lsh_slot *s = find(t->slots, t->n_slots, key);

	if (s->head == LSH_NONE) {
		if (2 * (t->n_used + 1) > t->n_slots) {
			int rc = grow(t);

			if (rc < 0)
				return rc;
			s = find(t->slots, t->n_slots, key);
		}
		s->key = key;
		t->n_used++;
	}
	*prev_out = s->head;
	s->head = post;
	if (s->count < UINT32_MAX)
		s->count++;
	if (s->count > t->max_bucket)
		t->max_bucket = s->count;
	return 0;
}
