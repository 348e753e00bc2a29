#include <stdint.h>
#include <stdlib.h>

#include "test.h"
#include "link/xsort.h"

struct rec {
	uint32_t key, seq;
	uint64_t pad;
};

static int cmp_key(const void *pa, const void *pb)
{
	const struct rec *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* n pseudo-random records through a buffer of mem_bytes: in order, all of
 * them, each once. Returns the runs written to disk, or -1. */
static int sort_check(int *test_failed_, size_t n, size_t mem_bytes)
{
	struct xsort x;
	struct atl_err err = ATL_ERR_INIT;
	struct rec r, last = { 0, 0, 0 };
	uint64_t sum = 0, want = 0;
	size_t got = 0;
	const void *p;
	int rc, runs, ordered = 1;

	CHECK_INT(xsort_init(&x, sizeof(r), cmp_key, mem_bytes, test_tmp_dir()), 0);
	for (size_t i = 0; i < n; i++) {
		r.key = (uint32_t)((i * 2654435761u) % 1000);	/* many ties on key */
		r.seq = (uint32_t)i;
		r.pad = i * 7;
		want += r.key * 3 + r.pad;
		if (xsort_add(&x, &r, &err) < 0)
			return -1;
	}
	CHECK_INT(xsort_sort(&x, &err), 0);
	while ((p = xsort_next(&x, &rc))) {
		memcpy(&r, p, sizeof(r));
		if (got && cmp_key(&last, &r) >= 0)
			ordered = 0;
		CHECK(r.pad == (uint64_t)r.seq * 7);
		sum += r.key * 3 + r.pad;
		last = r;
		got++;
	}
	CHECK_INT(rc, 0);
	CHECK(ordered);
	CHECK_INT(got, n);
	CHECK(sum == want);
	CHECK_INT(xsort_count(&x), n);
	runs = (int)xsort_runs(&x);
	xsort_release(&x);
	return runs;
}

TEST(xsort, fits_in_memory_without_a_file)
{
	CHECK_INT(sort_check(test_failed_, 5000, (size_t)1 << 20), 0);
	CHECK_INT(sort_check(test_failed_, 0, 1024), 0);
	CHECK_INT(sort_check(test_failed_, 1, 1024), 0);
}

TEST(xsort, merges_runs_from_disk)
{
	/* 64 records a run: 157 runs, the last one short */
	CHECK_INT(sort_check(test_failed_, 10000, 64 * sizeof(struct rec)), 157);
	/* exactly full runs */
	CHECK_INT(sort_check(test_failed_, 640, 64 * sizeof(struct rec)), 10);
	/* a buffer smaller than a record holds one */
	CHECK_INT(sort_check(test_failed_, 50, 3), 50);
}

TEST(xsort, unwritable_directory_fails_when_it_spills)
{
	struct xsort x;
	struct atl_err err = ATL_ERR_INIT;
	struct rec r = { 1, 2, 3 };
	char dir[1024];
	int rc = 0;

	snprintf(dir, sizeof(dir), "%s/none/here", test_tmp_dir());
	CHECK_INT(xsort_init(&x, sizeof(r), cmp_key, 2 * sizeof(r), dir), 0);
	for (int i = 0; i < 5 && rc == 0; i++)
		rc = xsort_add(&x, &r, &err);
	CHECK_INT(rc, ATL_EIO);
	CHECK(strstr(err.msg, "none/here") != NULL);
	xsort_release(&x);
}

static int cmp_u64_test(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

/* xsort_u64 gives qsort's order: small and large arrays, repeats, values
 * that share their high bytes (skipped passes) or differ only there. */
TEST(xsort, u64_sorts_as_qsort_does)
{
	static const size_t sizes[] = { 0, 1, 2, 255, 256, 257, 5000, 70000 };
	uint64_t x = 99;
	int ok = 1;

	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (int shape = 0; shape < 4; shape++) {
			size_t n = sizes[s];
			uint64_t *a = malloc((n ? n : 1) * sizeof(*a));
			uint64_t *b = malloc((n ? n : 1) * sizeof(*b));

			CHECK(a && b);
			if (!a || !b) {
				free(a);
				free(b);
				return;
			}
			for (size_t i = 0; i < n; i++) {
				x = x * 6364136223846793005ULL + 1442695040888963407ULL;
				a[i] = shape == 0 ? x : shape == 1 ? x >> 40 :
				       shape == 2 ? (x >> 60) << 56 : (uint64_t)(i % 7) << 32 | (x >> 62);
				b[i] = a[i];
			}
			xsort_u64(a, n);
			if (n)
				qsort(b, n, sizeof(*b), cmp_u64_test);
			ok &= n == 0 || memcmp(a, b, n * sizeof(*a)) == 0;
			free(a);
			free(b);
		}
	}
	CHECK(ok);
}
