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

TEST(lsh, candidates_newest_first_and_bounded)
{
	struct lsh_band t = LSH_BAND_INIT;
	uint32_t cand[4];

	CHECK_INT(lsh_band_init(&t, 100), 0);
	CHECK_INT(lsh_band_insert(&t, 42, 0, cand, 4), 0);
	CHECK_INT(lsh_band_insert(&t, 7, 1, cand, 4), 0);
	CHECK_INT(lsh_band_insert(&t, 42, 2, cand, 4), 1);
	CHECK_INT(cand[0], 0);
	for (uint32_t i = 3; i < 10; i++)
		lsh_band_insert(&t, 42, i, cand, 4);
	CHECK_INT(lsh_band_insert(&t, 42, 10, cand, 4), 4);
	CHECK_INT(cand[0], 9);
	CHECK_INT(cand[3], 6);
	CHECK_INT(t.max_bucket, 10);
	lsh_band_reset(&t);
	CHECK_INT(lsh_band_insert(&t, 42, 11, cand, 4), 0);
	lsh_band_release(&t);
}

TEST(lsh, colliding_slots_keep_keys_apart)
{
	struct lsh_band t = LSH_BAND_INIT;
	uint32_t cand[8];
	size_t total = 0;

	/* keys whose slot bits are all equal probe onward */
	CHECK_INT(lsh_band_init(&t, 9), 0);
	for (uint32_t i = 0; i < 8; i++)
		total += lsh_band_insert(&t, (uint64_t)i << 40, i, cand, 8);
	CHECK_INT(total, 0);
	CHECK_INT(lsh_band_insert(&t, (uint64_t)3 << 40, 8, cand, 8), 1);
	CHECK_INT(cand[0], 3);
	lsh_band_release(&t);
}
