#include "test.h"
#include "link/unionfind.h"

TEST(unionfind, union_find_sizes)
{
	struct uf u = UF_INIT;

	CHECK_INT(uf_resize(&u, 10), 0);
	for (uint32_t i = 0; i < 10; i++)
		CHECK_INT(uf_find(&u, i), i);
	CHECK_INT(uf_union(&u, 1, 2), 1);
	CHECK_INT(uf_union(&u, 2, 1), 0);
	CHECK_INT(uf_union(&u, 3, 4), 1);
	CHECK_INT(uf_union(&u, 4, 2), 1);
	CHECK(uf_find(&u, 1) == uf_find(&u, 3));
	CHECK(uf_find(&u, 0) != uf_find(&u, 1));
	CHECK_INT(uf_size_of(&u, 4), 4);
	CHECK_INT(uf_size_of(&u, 9), 1);
	uf_release(&u);
}

TEST(unionfind, deterministic_root_by_size_then_first)
{
	struct uf u = UF_INIT;

	CHECK_INT(uf_resize(&u, 6), 0);
	uf_union(&u, 5, 0);		/* tie: the first argument's root wins */
	CHECK_INT(uf_find(&u, 0), 5);
	uf_union(&u, 1, 2);
	uf_union(&u, 1, 3);		/* {1,2,3} has 3 members */
	uf_union(&u, 0, 1);		/* the larger set's root wins */
	CHECK_INT(uf_find(&u, 5), 1);
	CHECK_INT(uf_size_of(&u, 0), 5);
	uf_release(&u);
}

TEST(unionfind, long_chain_compresses)
{
	struct uf u = UF_INIT;
	const uint32_t n = 100000;

	CHECK_INT(uf_resize(&u, n), 0);
	for (uint32_t i = 1; i < n; i++)
		uf_union(&u, i, i - 1);
	for (uint32_t i = 0; i < n; i++)
		CHECK(uf_find(&u, i) == uf_find(&u, 0));
	CHECK_INT(uf_size_of(&u, n - 1), n);
	uf_release(&u);
}

TEST(unionfind, add_and_copy_are_independent)
{
	struct uf u = UF_INIT, v = UF_INIT;

	CHECK_INT(uf_add(&u), 0);
	CHECK_INT(uf_add(&u), 0);
	CHECK_INT(u.n, 2);
	CHECK_INT(uf_copy(&v, &u), 0);
	uf_union(&v, 0, 1);
	CHECK(uf_find(&v, 0) == uf_find(&v, 1));
	CHECK(uf_find(&u, 0) != uf_find(&u, 1));
	uf_release(&u);
	uf_release(&v);
}
