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

TEST(utf8, cut_never_splits_a_sequence)
{
	const char *s = "a\xc3\xb1\xe2\x82\xac";	/* a, n-tilde (2 bytes), euro (3) */

	CHECK_INT((long)utf8_cut(s, 6, 10), 6);
	CHECK_INT((long)utf8_cut(s, 6, 6), 6);
	CHECK_INT((long)utf8_cut(s, 6, 5), 3);
	CHECK_INT((long)utf8_cut(s, 6, 4), 3);
	CHECK_INT((long)utf8_cut(s, 6, 3), 3);
	CHECK_INT((long)utf8_cut(s, 6, 2), 1);
	CHECK_INT((long)utf8_cut(s, 6, 0), 0);
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

/* json_add_str writes in place when 6 bytes per input byte fit under the
 * limit, else byte sequence by sequence: both give the same bytes, and a
 * string that does not fit fails with the sticky error. */
TEST(json, in_place_and_near_limit_agree)
{
	static const char in[] = "x\"\\\t\b\f\r\n\x1F\xC3\xB1\xE2\x80\xA9\xF0\x9F\x98\x80\xED\xA0\x80 fin";
	const char *want;
	struct buf big = BUF_INIT(1 << 20), tight;
	size_t n;

	CHECK_INT(json_add_str(&big, in, sizeof(in) - 1), 0);
	want = buf_cstr(&big);
	CHECK_STR(want, "\"x\\\"\\\\\\t\\b\\f\\r\\n\\u001f\xC3\xB1\\u2029\xF0\x9F\x98\x80"
			"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD fin\"");
	n = big.len;
	buf_init(&tight, n);	/* exactly the output: the slow path, no error */
	CHECK_INT(json_add_str(&tight, in, sizeof(in) - 1), 0);
	CHECK_STR(buf_cstr(&tight), want);
	buf_release(&tight);
	buf_init(&tight, n - 1);
	CHECK_INT(json_add_str(&tight, in, sizeof(in) - 1), ATL_ETOOBIG);
	CHECK_INT(buf_error(&tight), ATL_ETOOBIG);
	buf_release(&tight);
	buf_release(&big);
}

TEST(json, keys_and_ints)
{
	struct buf b = BUF_INIT(1024), t = BUF_INIT(8);
	int first = 1;

	json_add_key(&b, &first, "a");
	json_add_int(&b, 0);
	json_add_key(&b, &first, "q\"k");	/* escaped: the general path */
	json_add_int(&b, -1);
	json_add_key(&b, &first, "min");
	json_add_int(&b, INT64_MIN);
	json_add_key(&b, &first, "max");
	json_add_int(&b, INT64_MAX);
	JSON_KEY(&b, &first, "lit");	/* quoted at compile time */
	json_add_int(&b, 7);
	CHECK_STR(buf_cstr(&b), "\"a\":0,\"q\\\"k\":-1,\"min\":-9223372036854775808,"
			       "\"max\":9223372036854775807,\"lit\":7");
	first = 1;
	buf_reset(&b);
	JSON_KEY(&b, &first, "x");
	CHECK_STR(buf_cstr(&b), "\"x\":");
	first = 0;	/* ,"key": is 7 bytes: with a limit of 8, 1 byte is left */
	CHECK_INT(json_add_key(&t, &first, "key"), 0);
	CHECK_INT(buf_addc(&t, '1'), 0);
	CHECK_INT(buf_addc(&t, '2'), ATL_ETOOBIG);
	CHECK_STR(buf_cstr(&t), ",\"key\":1");
	buf_release(&t);
	buf_release(&b);
}

/* Plain runs are scanned 8 bytes at a time: a byte to escape at every
 * offset of a word gives what the byte-by-byte path gives. */
TEST(json, special_byte_at_every_offset)
{
	static const char specials[] = { '"', '\\', '\n', 0x1F, 0x7F, (char)0xC3, (char)0xFF };

	for (size_t k = 0; k < sizeof(specials); k++)
		for (size_t at = 0; at < 20; at++) {
			char in[32];
			struct buf fast = BUF_INIT(1 << 16), slow;

			memset(in, 'a', sizeof(in));
			in[at] = specials[k];
			if (specials[k] == (char)0xC3)
				in[at + 1] = (char)0xB1;	/* a whole n-tilde */
			json_add_str(&fast, in, sizeof(in));
			buf_init(&slow, fast.len);	/* too tight for 6x: the slow path */
			CHECK_INT(json_add_str(&slow, in, sizeof(in)), 0);
			CHECK_MSG(!strcmp(buf_cstr(&fast), buf_cstr(&slow)), "special %zu at %zu", k, at);
			CHECK_INT(strlen(buf_cstr(&fast)), fast.len);
			buf_release(&fast);
			buf_release(&slow);
		}
}
