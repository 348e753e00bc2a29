/*
 * lsh: see lsh.h for banding and the bounded buckets.
 */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/err.h"
#include "link/lsh.h"
#include "core/banned.h"

int lsh_band_init(struct lsh_band *t, size_t n_posts)
{
	size_t ns = 16;

	memset(t, 0, sizeof(*t));
	if (n_posts >= UINT32_MAX)
		return ATL_ETOOBIG;
	while (ns < 2 * n_posts)
		ns *= 2;
	t->slots = malloc(ns * sizeof(*t->slots));
	t->next = malloc((n_posts ? n_posts : 1) * sizeof(*t->next));
	if (!t->slots || !t->next) {
		lsh_band_release(t);
		return ATL_ENOMEM;
	}
	t->n_slots = ns;
	t->max_posts = n_posts;
	lsh_band_reset(t);
	return 0;
}

void lsh_band_release(struct lsh_band *t)
{
	free(t->slots);
	free(t->next);
	memset(t, 0, sizeof(*t));
}

void lsh_band_reset(struct lsh_band *t)
{
	for (size_t i = 0; i < t->n_slots; i++) {
		t->slots[i].head = LSH_NONE;
		t->slots[i].count = 0;
	}
	t->max_bucket = 0;
}

uint64_t lsh_band_key(const uint32_t *sig, int band, int rows)
{
	return XXH3_64bits_withSeed(sig + (size_t)band * rows,
				    (size_t)rows * sizeof(*sig), (uint64_t)band);
}

size_t lsh_band_insert(struct lsh_band *t, uint64_t key, uint32_t post,
		       uint32_t *cand, size_t max_cand)
{
	size_t mask = t->n_slots - 1, i = (size_t)(key ^ key >> 29) & mask, n = 0;
	struct lsh_slot *s;
	uint32_t m;

	for (;; i = (i + 1) & mask) {
		s = &t->slots[i];
		if (s->head == LSH_NONE || s->key == key)
			break;
	}
	if (s->head == LSH_NONE) {
		s->key = key;
		t->next[post] = LSH_NONE;
	} else {
		for (m = s->head; m != LSH_NONE && n < max_cand; m = t->next[m])
			cand[n++] = m;
		t->next[post] = s->head;
	}
	s->head = post;
	if (s->count < UINT32_MAX)
		s->count++;
	if (s->count > t->max_bucket)
		t->max_bucket = s->count;
	return n;
}
