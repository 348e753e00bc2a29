/*
 * unionfind: see unionfind.h. Path halving (every other node on the find
 * path points to its grandparent) gives the same bound as full path
 * compression without recursion or a second pass.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "link/unionfind.h"
#include "core/banned.h"

void uf_init(struct uf *u)
{
	memset(u, 0, sizeof(*u));
}

void uf_release(struct uf *u)
{
	free(u->parent);
	free(u->size);
	uf_init(u);
}

static int reserve(struct uf *u, size_t n)
{
	uint32_t *p, *s;
	size_t cap;

	if (n <= u->cap)
		return 0;
	if (n > UINT32_MAX)
		return ATL_ETOOBIG;
	cap = u->cap ? u->cap : 1024;
	while (cap < n)
		cap *= 2;
	p = realloc(u->parent, cap * sizeof(*p));
	if (!p)
		return ATL_ENOMEM;
	u->parent = p;
	s = realloc(u->size, cap * sizeof(*s));
	if (!s)
		return ATL_ENOMEM;
	u->size = s;
	u->cap = cap;
	return 0;
}

int uf_resize(struct uf *u, size_t n)
{
	int rc = reserve(u, n);

	if (rc < 0)
		return rc;
	for (size_t i = u->n; i < n; i++) {
		u->parent[i] = (uint32_t)i;
		u->size[i] = 1;
	}
	if (n > u->n)
		u->n = n;
	return 0;
}

int uf_add(struct uf *u)
{
	return uf_resize(u, u->n + 1);
}

int uf_copy(struct uf *dst, const struct uf *src)
{
	int rc;

	uf_release(dst);
	rc = reserve(dst, src->n ? src->n : 1);
	if (rc < 0)
		return rc;
	if (src->n) {
		memcpy(dst->parent, src->parent, src->n * sizeof(*src->parent));
		memcpy(dst->size, src->size, src->n * sizeof(*src->size));
	}
	dst->n = src->n;
	return 0;
}

int uf_union(struct uf *u, uint32_t a, uint32_t b)
{
	uint32_t ra = uf_find(u, a), rb = uf_find(u, b), t;

	if (ra == rb)
		return 0;
	if (u->size[ra] < u->size[rb]) {
		t = ra;
		ra = rb;
		rb = t;
	}
	u->parent[rb] = ra;
	u->size[ra] += u->size[rb];
	return 1;
}
