/*
 * xsort: external merge sort of fixed-size records in bounded memory.
 *
 * Records are added into an in-memory buffer of mem_bytes; when it fills,
 * it is sorted (qsort) and written as a run to an unlinked temporary file
 * (spill.h). xsort_sort then either sorts the buffer in place (nothing was
 * spilled: no file is ever created) or merges the runs, each read through
 * its own share of mem_bytes. The comparison must be a total order on the
 * bytes that matter (records it calls equal come out in an unspecified
 * order), so the output does not depend on mem_bytes.
 *
 * Memory: about mem_bytes, whatever the number of records.
 */
#ifndef ATL_XSORT_H
#define ATL_XSORT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "link/spill.h"

typedef int xsort_cmp_fn(const void *a, const void *b);

struct xsort {
	size_t rec;
	xsort_cmp_fn *cmp;
	size_t mem_bytes;
	char *dir;		/* for the runs file (NULL: $TMPDIR) */
	char *buf;		/* cap records; n used */
	size_t cap, n, pos;
	struct spill runs;
	uint64_t *run_end;	/* record index where each run ends */
	size_t n_runs, cap_runs;
	uint64_t total;		/* records added */
	int sorted;
	/* merging */
	struct spill_reader *rd;
	const char **head;	/* current record of each run, NULL when done */
	size_t *heap;		/* run numbers, smallest head first */
	size_t n_heap;
	int pending;		/* heap top was returned: advance it first */
};

/* 0 or ATL_ENOMEM. dir is copied. */
int xsort_init(struct xsort *x, size_t rec, xsort_cmp_fn *cmp, size_t mem_bytes,
	       const char *dir);
void xsort_release(struct xsort *x);
/* Add one record (before xsort_sort). 0, ATL_ENOMEM, ATL_EIO (with err). */
int xsort_add(struct xsort *x, const void *r, struct atl_err *err);
/* No more records: sort them. 0, ATL_ENOMEM, ATL_EIO (with err). */
int xsort_sort(struct xsort *x, struct atl_err *err);
/* The next record in order, or NULL at the end or on an error (*rc: 0 at
 * the end, ATL_EIO). Valid until the next call. */
const void *xsort_next(struct xsort *x, int *rc);
static inline uint64_t xsort_count(const struct xsort *x)
{
	return x->total;
}
/* Runs written to disk so far (0: everything fit in memory). */
static inline size_t xsort_runs(const struct xsort *x)
{
	return x->n_runs;
}

/* Sort n uint64 values ascending in memory: a radix sort (8 passes of a
 * byte, those where every value has the same byte skipped) with a scratch
 * copy of n values, or qsort when that can not be had or n is small. The
 * order is the values' own, so the result is the same either way. */
void xsort_u64(uint64_t *v, size_t n);

#endif
