#include <stdio.h>

#include "test.h"
#include "link/intern.h"

TEST(intern, ids_dense_counts_and_lookup)
{
	struct intern t;
	uint32_t a, b, c, g;

	intern_init(&t);
	CHECK_INT(intern_put(&t, "+525512345678", 13, &a), 0);
	CHECK_INT(intern_put(&t, "t.me/ejemplo", 12, &b), 0);
	CHECK_INT(intern_put(&t, "+525512345678", 13, &c), 0);
	CHECK_INT(a, 0);
	CHECK_INT(b, 1);
	CHECK_INT(c, a);
	CHECK_INT(intern_count(&t, a), 2);
	CHECK_INT(intern_count(&t, b), 1);
	CHECK_STR(intern_str(&t, b), "t.me/ejemplo");
	CHECK_INT(intern_get(&t, "t.me/ejemplo", 12, &g), 1);
	CHECK_INT(g, b);
	CHECK_INT(intern_get(&t, "t.me/otro", 9, &g), 0);
	CHECK_INT(intern_count(&t, b), 1);	/* get does not count */
	/* binary-safe: embedded NUL and prefix are different strings */
	CHECK_INT(intern_put(&t, "ab\0c", 4, &g), 0);
	CHECK_INT(intern_put(&t, "ab", 2, &c), 0);
	CHECK(g != c);
	intern_release(&t);
}

TEST(intern, grows_past_many_strings)
{
	struct intern t;
	char s[32];
	uint32_t id;
	int ok = 1;

	intern_init(&t);
	for (int i = 0; i < 50000; i++) {
		int n = snprintf(s, sizeof(s), "v%d", i);

		ok &= intern_put(&t, s, (size_t)n, &id) == 0 && id == (uint32_t)i;
	}
	CHECK(ok);
	CHECK_INT(intern_n(&t), 50000);
	for (int i = 0; i < 50000; i += 997) {
		int n = snprintf(s, sizeof(s), "v%d", i);

		CHECK(intern_get(&t, s, (size_t)n, &id) && id == (uint32_t)i);
	}
	intern_release(&t);
}
