#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/utf8.h"

TEST(buf, max_is_sticky)
{
	struct buf b = BUF_INIT(8);

	CHECK_INT(buf_adds(&b, "12345"), 0);
	CHECK_INT(buf_adds(&b, "6789"), ATL_ETOOBIG);
	CHECK_INT(buf_adds(&b, "x"), ATL_ETOOBIG);
	CHECK_INT(buf_error(&b), ATL_ETOOBIG);
	CHECK_STR(buf_cstr(&b), "12345");
	buf_release(&b);
}

TEST(buf, addf_and_detach)
{
	struct buf b = BUF_INIT(1024);
	char *s;
	size_t n;

	buf_addf(&b, "%s-%d", "a", 42);
	s = buf_detach(&b, &n);
	CHECK_STR(s, "a-42");
	CHECK_INT(n, 4);
	CHECK(b.p == NULL);
	free(s);
}

TEST(arena, alloc_align_reset)
{
	struct arena a;
	char *p, *q;

	arena_init(&a, 64);
	p = arena_alloc(&a, 3);
	q = arena_alloc(&a, 200);	/* larger than a block */
	CHECK(p && q);
	CHECK(((unsigned long)p % 16) == 0);
	CHECK(((unsigned long)q % 16) == 0);
	memset(q, 'x', 200);
	CHECK_STR(arena_strdup(&a, "hola"), "hola");
	arena_reset(&a);
	CHECK(arena_alloc(&a, 10) != NULL);
	arena_release(&a);
}

TEST(utf8, decode_rejects_overlong_and_surrogates)
{
	uint32_t cp;

	CHECK_INT(utf8_decode((const unsigned char *)"\xC3\xB1", 2, &cp), 2);
	CHECK_INT(cp, 0xF1);
	CHECK(utf8_decode((const unsigned char *)"\xC0\x80", 2, &cp) < 0);
	CHECK(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp) < 0);
	CHECK(utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp) < 0);
	CHECK(utf8_decode((const unsigned char *)"\xE2\x82", 2, &cp) < 0);
}

TEST(utf8, repair_replaces_maximal_subparts)
{
	struct arena a;
	size_t n, bad;
	char *s;

	arena_init(&a, 0);
	s = utf8_repair(&a, "a\xE2\x82z\xFF", 5, &n, &bad);
	CHECK_STR(s, "a\xEF\xBF\xBDz\xEF\xBF\xBD");
	CHECK_INT(bad, 2);
	arena_release(&a);
}

TEST(json, escapes_controls_quotes_and_bad_utf8)
{
	struct buf b = BUF_INIT(1024);

	json_add_str(&b, "a\"b\\\n\x01\xFF\xE2\x80\xA8", 10);
	CHECK_STR(buf_cstr(&b), "\"a\\\"b\\\\\\n\\u0001\xEF\xBF\xBD\\u2028\"");
	buf_release(&b);
}
