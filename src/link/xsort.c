/*
 * xsort: see xsort.h. The merge keeps a binary heap of run numbers keyed
 * by each run's current record; ties go to the lower run number.
 */
#include <stdlib.h>
#include <string.h>

#include "link/xsort.h"
#include "core/banned.h"

#define MIN_READ_BYTES ((size_t)64 << 10)

int xsort_init(struct xsort *x, size_t rec, xsort_cmp_fn *cmp, size_t mem_bytes,
	       const char *dir)
{
	memset(x, 0, sizeof(*x));
	x->runs.fd = -1;
	x->rec = rec ? rec : 1;
	x->cmp = cmp;
	x->mem_bytes = mem_bytes;
	x->cap = mem_bytes / x->rec ? mem_bytes / x->rec : 1;
	if (dir && !(x->dir = strdup(dir)))
		return ATL_ENOMEM;
	return 0;
}

void xsort_release(struct xsort *x)
{
	for (size_t i = 0; x->rd && i < x->n_runs; i++)
		spill_reader_release(&x->rd[i]);
	free(x->rd);
	free(x->head);
	free(x->heap);
	free(x->buf);
	free(x->run_end);
	free(x->dir);
	spill_close(&x->runs);
	memset(x, 0, sizeof(*x));
	x->runs.fd = -1;
}

static int write_run(struct xsort *x, struct atl_err *err)
{
	int rc;

	if (x->runs.fd < 0) {
		rc = spill_open(&x->runs, x->dir, (size_t)1 << 20, err);
		if (rc < 0)
			return rc;
	}
	if (x->n_runs == x->cap_runs) {
		size_t cap = x->cap_runs ? 2 * x->cap_runs : 16;
		uint64_t *v = realloc(x->run_end, cap * sizeof(*v));

		if (!v)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		x->run_end = v;
		x->cap_runs = cap;
	}
	if (x->n > 1)
		qsort(x->buf, x->n, x->rec, x->cmp);
	rc = spill_append(&x->runs, x->buf, x->n * x->rec);
	if (rc < 0)
		return atl_err_set(err, rc, "cannot write a temporary file");
	x->run_end[x->n_runs++] = x->total;
	x->n = 0;
	return 0;
}

int xsort_add(struct xsort *x, const void *r, struct atl_err *err)
{
	if (!x->buf && !(x->buf = malloc(x->cap * x->rec)))
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (x->n == x->cap) {
		int rc = write_run(x, err);

		if (rc < 0)
			return rc;
	}
	memcpy(x->buf + x->n * x->rec, r, x->rec);
	x->n++;
	x->total++;
	return 0;
}

static int less(const struct xsort *x, size_t a, size_t b)
{
	int c = x->cmp(x->head[a], x->head[b]);

	return c < 0 || (c == 0 && a < b);
}

static void sift_down(struct xsort *x, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i, t;

		if (l < x->n_heap && less(x, x->heap[l], x->heap[m]))
			m = l;
		if (l + 1 < x->n_heap && less(x, x->heap[l + 1], x->heap[m]))
			m = l + 1;
		if (m == i)
			return;
		t = x->heap[i];
		x->heap[i] = x->heap[m];
		x->heap[m] = t;
		i = m;
	}
}

int xsort_sort(struct xsort *x, struct atl_err *err)
{
	size_t share;
	int rc;

	x->sorted = 1;
	if (!x->n_runs) {
		if (x->n > 1)
			qsort(x->buf, x->n, x->rec, x->cmp);
		return 0;
	}
	if (x->n) {
		rc = write_run(x, err);
		if (rc < 0)
			return rc;
	}
	free(x->buf);
	x->buf = NULL;
	rc = spill_flush(&x->runs);
	if (rc < 0)
		return atl_err_set(err, rc, "cannot write a temporary file");
	share = x->mem_bytes / x->n_runs;
	if (share < MIN_READ_BYTES)
		share = MIN_READ_BYTES;
	x->rd = calloc(x->n_runs, sizeof(*x->rd));
	x->head = calloc(x->n_runs, sizeof(*x->head));
	x->heap = calloc(x->n_runs, sizeof(*x->heap));
	if (!x->rd || !x->head || !x->heap)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	for (size_t i = 0; i < x->n_runs; i++) {
		uint64_t from = i ? x->run_end[i - 1] : 0;

		rc = spill_reader_init(&x->rd[i], &x->runs, x->rec, from * x->rec,
				       x->run_end[i] * x->rec, share);
		if (rc < 0)
			return atl_err_set(err, rc, "out of memory");
		x->head[i] = spill_reader_next(&x->rd[i], &rc);
		if (rc < 0)
			return atl_err_set(err, rc, "cannot read a temporary file");
		if (x->head[i])
			x->heap[x->n_heap++] = i;
	}
	for (size_t i = x->n_heap / 2; i-- > 0;)
		sift_down(x, i);
	return 0;
}

const void *xsort_next(struct xsort *x, int *rc)
{
	*rc = 0;
	if (!x->n_runs)
		return x->pos < x->n ? x->buf + x->rec * x->pos++ : NULL;
	if (x->pending) {	/* advance the run returned last time */
		size_t r = x->heap[0];

		x->pending = 0;
		x->head[r] = spill_reader_next(&x->rd[r], rc);
		if (*rc < 0)
			return NULL;
		if (!x->head[r])
			x->heap[0] = x->heap[--x->n_heap];
		if (x->n_heap)
			sift_down(x, 0);
	}
	if (!x->n_heap)
		return NULL;
	x->pending = 1;
	return x->head[x->heap[0]];
}

static int cmp_u64(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

#define RADIX_MIN 256	/* fewer values: qsort */

void xsort_u64(uint64_t *v, size_t n)
{
	size_t cnt[8][256];
	uint64_t *scratch, *src = v, *dst;

	if (n < 2)
		return;
	if (n < RADIX_MIN || !(scratch = malloc(n * sizeof(*scratch)))) {
		qsort(v, n, sizeof(*v), cmp_u64);
		return;
	}
	memset(cnt, 0, sizeof(cnt));
	for (size_t i = 0; i < n; i++)
		for (int p = 0; p < 8; p++)
			cnt[p][(v[i] >> (8 * p)) & 255]++;
	dst = scratch;
	for (int p = 0; p < 8; p++) {
		size_t *c = cnt[p], sum = 0;

		if (c[(src[0] >> (8 * p)) & 255] == n)	/* one byte value: as is */
			continue;
		for (int b = 0; b < 256; b++) {
			size_t t = c[b];

			c[b] = sum;
			sum += t;
		}
		for (size_t i = 0; i < n; i++)	/* stable: the passes before hold */
			dst[c[(src[i] >> (8 * p)) & 255]++] = src[i];
		dst = src;
		src = src == v ? scratch : v;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
	free(scratch);
}
