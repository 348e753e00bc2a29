#include "test.h"
#include "link/lsh.h"

TEST(lsh, band_key_depends_on_rows_and_band)
{
	uint32_t a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	uint32_t b[8] = { 1, 2, 3, 4, 5, 6, 7, 9 };
	uint32_t c[4] = { 5, 6, 7, 8 };

	CHECK(lsh_band_key(a, 0, 4) == lsh_band_key(b, 0, 4));
	CHECK(lsh_band_key(a, 1, 4) != lsh_band_key(b, 1, 4));
	/* the same values in another band give another key */
	CHECK(lsh_band_key(c, 0, 4) != lsh_band_key(a, 1, 4));
	CHECK(lsh_band_key(c, 0, 4) == lsh_band_key(a + 4, 0, 4));
}

/* The bucket's members newest first: prev[i], prev[prev[i]], ... */
TEST(lsh, prev_chains_buckets_newest_first)
{
	struct lsh_table t = LSH_TABLE_INIT;
	uint32_t prev[12];

	CHECK_INT(lsh_table_init(&t, 100), 0);
	CHECK_INT(lsh_table_put(&t, 42, 0, &prev[0]), 0);
	CHECK_INT(prev[0], LSH_NONE);
	lsh_table_put(&t, 7, 1, &prev[1]);
	CHECK_INT(prev[1], LSH_NONE);
	lsh_table_put(&t, 42, 2, &prev[2]);
	CHECK_INT(prev[2], 0);
	for (uint32_t i = 3; i < 11; i++)
		lsh_table_put(&t, i % 2 ? 42 : 7, i, &prev[i]);
	CHECK_INT(prev[10], 8);
	CHECK_INT(prev[9], 7);
	CHECK_INT(prev[3], 2);
	CHECK_INT(prev[4], 1);
	CHECK_INT(t.max_bucket, 6);	/* 0 2 3 5 7 9 */
	lsh_table_reset(&t);
	CHECK_INT(t.max_bucket, 0);
	lsh_table_put(&t, 42, 11, &prev[11]);
	CHECK_INT(prev[11], LSH_NONE);
	lsh_table_release(&t);
}

TEST(lsh, colliding_slots_keep_keys_apart)
{
	struct lsh_table t = LSH_TABLE_INIT;
	uint32_t prev = 0, none = 0;

	/* keys whose slot bits are all equal probe onward */
	CHECK_INT(lsh_table_init(&t, 9), 0);
	for (uint32_t i = 0; i < 8; i++) {
		lsh_table_put(&t, (uint64_t)i << 40, i, &prev);
		none += prev == LSH_NONE;
	}
	CHECK_INT(none, 8);
	lsh_table_put(&t, (uint64_t)3 << 40, 8, &prev);
	CHECK_INT(prev, 3);
	lsh_table_release(&t);
}

/* A table sized for few keys grows and keeps every bucket. */
TEST(lsh, table_grows_past_its_size)
{
	struct lsh_table t = LSH_TABLE_INIT;
	uint32_t prev;
	int ok = 1;

	CHECK_INT(lsh_table_init(&t, 4), 0);
	CHECK_INT(t.n_slots, 16);
	for (uint32_t i = 0; i < 1000; i++) {
		lsh_table_put(&t, (uint64_t)(i % 300) * 0x9e3779b97f4a7c15ULL, i, &prev);
		ok &= i < 300 ? prev == LSH_NONE : prev == i - 300;
	}
	CHECK(ok);
	CHECK(t.n_slots >= 600);
	CHECK_INT(t.n_used, 300);
	CHECK_INT(t.max_bucket, 4);
	lsh_table_release(&t);
}

/* Partitions cover every key once and split them about evenly. */
TEST(lsh, partitions_split_keys)
{
	uint32_t count[7] = { 0 };
	uint32_t a[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };

	for (uint32_t i = 0; i < 7000; i++) {
		uint32_t p;

		a[0] = i;
		p = lsh_part_of(lsh_band_key(a, 0, 4), 7);
		CHECK(p < 7);
		if (p < 7)
			count[p]++;
	}
	for (int p = 0; p < 7; p++)
		CHECK_MSG(count[p] > 800 && count[p] < 1200, "part %d has %u keys", p, count[p]);
	CHECK_INT(lsh_part_of(UINT64_MAX, 1), 0);
}
