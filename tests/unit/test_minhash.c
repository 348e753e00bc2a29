#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "link/minhash.h"

static const struct minhash_cfg word3 = { 64, MINHASH_WORD3, 6, 0x61746c6c696e6b31ULL };
static const struct minhash_cfg char5 = { 64, MINHASH_CHAR5, 6, 0x61746c6c696e6b31ULL };

static const char kat_text[] =
	"viaje seguro a estados unidos salida este sabado desde tapachula "
	"precio 8000 dolares pago al llegar informes al 55 1234 5678";

static uint64_t fold(const uint32_t *sig, int k)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a over the values */

	for (int i = 0; i < k; i++) {
		h ^= sig[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Known-answer vectors: a change here is a signature format change (stored
 * signatures and tuned thresholds no longer match). */
TEST(minhash, known_answer_word3)
{
	uint32_t sig[64];

	minhash_sign(&word3, kat_text, strlen(kat_text), sig);
	CHECK_INT(sig[0], 2715235580u);
	CHECK_INT(sig[1], 2074515567u);
	CHECK_INT(sig[63], 3704296837u);
	CHECK_MSG(fold(sig, 64) == 12637243293490122466ULL, "fold %llu",
		  (unsigned long long)fold(sig, 64));
}

TEST(minhash, known_answer_char5)
{
	uint32_t sig[64];

	minhash_sign(&char5, kat_text, strlen(kat_text), sig);
	CHECK_INT(sig[0], 1270029685u);
	CHECK_MSG(fold(sig, 64) == 6208255852440424737ULL, "fold %llu",
		  (unsigned long long)fold(sig, 64));
}

TEST(minhash, punctuation_and_spacing_do_not_matter)
{
	const char *a = "salida este sabado, desde tapachula!! precio 8000 dolares";
	const char *b = "salida este sabado desde tapachula precio 8000 dolares...";
	uint32_t sa[64], sb[64];

	minhash_sign(&word3, a, strlen(a), sa);
	minhash_sign(&word3, b, strlen(b), sb);
	CHECK(minhash_jaccard(sa, sb, 64) == 1.0);
	minhash_sign(&char5, a, strlen(a), sa);
	minhash_sign(&char5, b, strlen(b), sb);
	CHECK(minhash_jaccard(sa, sb, 64) == 1.0);
}

TEST(minhash, short_text_gets_empty_signature)
{
	const char *s = "info al privado amigos";	/* 4 tokens */
	uint32_t sig[64];

	CHECK_INT(minhash_sign(&word3, s, strlen(s), sig), 4);
	CHECK(minhash_is_empty(sig));
	CHECK(minhash_jaccard(sig, sig, 64) == 0.0);
	CHECK_INT(minhash_sign(&word3, "", 0, sig), 0);
	CHECK(minhash_is_empty(sig));
	CHECK_INT(minhash_sign(&char5, "!!! ??? ...", 11, sig), 0);
	CHECK(minhash_is_empty(sig));
}

/* Text of n tokens: token i is "w<base + i>". */
static size_t make_text(char *out, size_t cap, int base, int n)
{
	size_t len = 0;

	for (int i = 0; i < n && len + 16 < cap; i++)
		len += (size_t)snprintf(out + len, cap - len, "%sw%d", i ? " " : "", base + i);
	return len;
}

/* The exact Jaccard of the 3-gram sets of two texts built by make_text with
 * the token streams a[] and b[]: 3-grams are runs of consecutive ints. */
static double exact3(const int *a, int na, const int *b, int nb)
{
	int inter = 0;

	for (int i = 0; i + 2 < na; i++)
		for (int j = 0; j + 2 < nb; j++)
			if (a[i] == b[j] && a[i + 1] == b[j + 1] && a[i + 2] == b[j + 2]) {
				inter++;
				break;
			}
	return (double)inter / ((na - 2) + (nb - 2) - inter);
}

TEST(minhash, estimate_tracks_exact_jaccard)
{
	static const int keep[] = { 100, 80, 60, 40, 20 };
	struct minhash_cfg c128 = word3;
	char ta[4096], tb[4096];
	int ia[100], ib[100];
	uint32_t sa[128], sb[128];

	c128.k = 128;
	for (size_t t = 0; t < sizeof(keep) / sizeof(keep[0]); t++) {
		size_t la = make_text(ta, sizeof(ta), 0, 100), lb;
		double est, ex;

		/* b shares a's first keep[t] tokens, then its own */
		lb = make_text(tb, sizeof(tb), 0, keep[t]);
		if (keep[t] < 100)
			lb += (size_t)snprintf(tb + lb, sizeof(tb) - lb, " ");
		lb += make_text(tb + lb, sizeof(tb) - lb, 1000, 100 - keep[t]);
		for (int i = 0; i < 100; i++) {
			ia[i] = i;
			ib[i] = i < keep[t] ? i : 1000 + i - keep[t];
		}
		ex = exact3(ia, 100, ib, 100);
		minhash_sign(&c128, ta, la, sa);
		minhash_sign(&c128, tb, lb, sb);
		est = minhash_jaccard(sa, sb, 128);
		CHECK_MSG(est > ex - 0.15 && est < ex + 0.15,
			  "keep %d: estimate %.3f, exact %.3f", keep[t], est, ex);
	}
}

TEST(minhash, unrelated_texts_rarely_agree)
{
	char ta[2048], tb[2048];
	uint32_t sa[64], sb[64];
	size_t la = make_text(ta, sizeof(ta), 0, 40), lb = make_text(tb, sizeof(tb), 500, 40);

	minhash_sign(&word3, ta, la, sa);
	minhash_sign(&word3, tb, lb, sb);
	CHECK(minhash_jaccard(sa, sb, 64) < 0.1);
	minhash_sign(&char5, ta, la, sa);
	minhash_sign(&char5, tb, lb, sb);
	/* "w1.." share many byte 5-grams ("w12 w"), so only a loose bound */
	CHECK(minhash_jaccard(sa, sb, 64) < 0.6);
}

TEST(minhash, long_text_is_bounded_and_deterministic)
{
	size_t n = 3 * MINHASH_MAX_BYTES;
	char *t = malloc(n);
	uint32_t s1[64], s2[64];

	CHECK(t != NULL);
	if (!t)
		return;
	make_text(t, n, 0, 5000);
	minhash_sign(&word3, t, strlen(t), s1);
	minhash_sign(&word3, t, MINHASH_MAX_BYTES, s2);
	CHECK(memcmp(s1, s2, sizeof(s1)) == 0);
	free(t);
}

/* minhash_agree_min is minhash_agree at or above need and below need
 * otherwise, for every agreement, need and length (blocks and a tail). */
TEST(minhash, agree_min_is_exact_at_or_above_need)
{
	uint32_t a[70], b[70];
	uint64_t x = 12345;
	int ok = 1;

	for (int round = 0; round < 2000; round++) {
		int k = round % 3 == 0 ? 64 : round % 3 == 1 ? 8 : 70, need, full, got;

		for (int i = 0; i < k; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			a[i] = (uint32_t)(x >> 33);
			/* agreement from none to all, varying with the round */
			b[i] = (int)((x >> 8) % 100) < round % 101 ? a[i] : a[i] + 1;
		}
		need = (int)((x >> 20) % (uint64_t)(k + 2));
		full = minhash_agree(a, b, k);
		got = minhash_agree_min(a, b, k, need);
		ok &= full >= need ? got == full : got < need;
	}
	CHECK(ok);
}
