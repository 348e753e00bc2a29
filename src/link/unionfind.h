/*
 * unionfind: disjoint sets over 0..n-1 (posts), with path halving and union
 * by size, so a sequence of m operations costs O(m alpha(n)).
 *
 * Deterministic: the root of a union is the root of the larger set, or of
 * the first argument on a tie, so the same calls give the same forest.
 * Memory: 8 bytes per element.
 */
#ifndef ATL_UNIONFIND_H
#define ATL_UNIONFIND_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

struct uf {
	uint32_t *parent;	/* parent[i] == i for a root */
	uint32_t *size;		/* size[r]: elements in the set of root r */
	size_t n, cap;
};

#define UF_INIT { NULL, NULL, 0, 0 }

void uf_init(struct uf *u);
void uf_release(struct uf *u);
/* Add one singleton (it gets the next index). 0 or ATL_ENOMEM. */
int uf_add(struct uf *u);
/* Grow to n elements, each new one a singleton. 0 or ATL_ENOMEM. */
int uf_resize(struct uf *u, size_t n);
/* Copy src into dst (dst is released first). 0 or ATL_ENOMEM. */
int uf_copy(struct uf *dst, const struct uf *src);

/* The root of x's set (inline: the linker calls it for every candidate
 * pair). */
static inline uint32_t uf_find(struct uf *u, uint32_t x)
{
	assert(x < u->n);
	while (u->parent[x] != x) {
		u->parent[x] = u->parent[u->parent[x]];
		x = u->parent[x];
	}
	return x;
}
/* Join the sets of a and b. Returns 1 when they were apart, 0 when they
 * were already one set. */
int uf_union(struct uf *u, uint32_t a, uint32_t b);
static inline uint32_t uf_size_of(struct uf *u, uint32_t x)
{
	return u->size[uf_find(u, x)];
}

#endif
