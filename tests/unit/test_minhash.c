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

/* Known answers over the densification paths: texts from 4 to 60 shingles
 * (few bins filled: most bins borrow, some after every probe misses), k
 * from 8 to 128, the linker's seed and another one, both shingle kinds.
 * Values from the code before densify was reworked (same bytes). */
TEST(minhash, known_answer_densify)
{
	static const char *const texts[] = {
		"uno dos tres cuatro cinco seis",
		"viaje seguro a usa salida hoy pago al llegar info 55 1234 5678",
		"\xc3\xb1" "and\xc3\xba \xc3\xbc" "ber stra\xc3\x9f" "e "
		"\xe6\x9d\xb1\xe4\xba\xac viaje seguro sin papeles cruce garantizado",
		"a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 "
		"7 8 9 aa bb cc dd ee ff gg hh ii jj kk ll mm nn oo pp qq rr ss tt "
		"uu vv ww xx yy zz",
	};
	static const uint64_t seeds[] = { 0x61746c6c696e6b31ULL, 12345 };
	static const struct {
		int text, k, seed, shingle;
		size_t n_tok;
		uint64_t fold;
	} kat[] = {
	{ 0, 8, 0, 0, 6, 344065506096124221ULL },
	{ 0, 8, 0, 1, 6, 1399026975410314570ULL },
	{ 0, 8, 1, 0, 6, 15569586252300750991ULL },
	{ 0, 8, 1, 1, 6, 3399128415414394663ULL },
	{ 0, 16, 0, 0, 6, 1896980891547283675ULL },
	{ 0, 16, 0, 1, 6, 514410027826001840ULL },
	{ 0, 16, 1, 0, 6, 15986314830920905043ULL },
	{ 0, 16, 1, 1, 6, 17878592204320316476ULL },
	{ 0, 64, 0, 0, 6, 15242606584330868013ULL },
	{ 0, 64, 0, 1, 6, 10545650364707487193ULL },
	{ 0, 64, 1, 0, 6, 3766330231484014639ULL },
	{ 0, 64, 1, 1, 6, 11679791936962680676ULL },
	{ 0, 100, 0, 0, 6, 1732028958215765819ULL },
	{ 0, 100, 0, 1, 6, 9910344871571773435ULL },
	{ 0, 100, 1, 0, 6, 2242851828472467595ULL },
	{ 0, 100, 1, 1, 6, 18414733912170273620ULL },
	{ 0, 128, 0, 0, 6, 2535987038358907805ULL },
	{ 0, 128, 0, 1, 6, 1454063542121717249ULL },
	{ 0, 128, 1, 0, 6, 7425049994682636551ULL },
	{ 0, 128, 1, 1, 6, 408669291597830013ULL },
	{ 1, 8, 0, 0, 13, 10053071728432769342ULL },
	{ 1, 8, 0, 1, 13, 14543009376295422061ULL },
	{ 1, 8, 1, 0, 13, 4832991004032609545ULL },
	{ 1, 8, 1, 1, 13, 58157492129485034ULL },
	{ 1, 16, 0, 0, 13, 9217754981290732882ULL },
	{ 1, 16, 0, 1, 13, 14992048517338232229ULL },
	{ 1, 16, 1, 0, 13, 13014501814728782149ULL },
	{ 1, 16, 1, 1, 13, 5066459219721143979ULL },
	{ 1, 64, 0, 0, 13, 3006139121834288154ULL },
	{ 1, 64, 0, 1, 13, 1024736818550499452ULL },
	{ 1, 64, 1, 0, 13, 14427705854855334794ULL },
	{ 1, 64, 1, 1, 13, 2562805906863097042ULL },
	{ 1, 100, 0, 0, 13, 18142926601199010890ULL },
	{ 1, 100, 0, 1, 13, 16653906377481340429ULL },
	{ 1, 100, 1, 0, 13, 8029839182967213668ULL },
	{ 1, 100, 1, 1, 13, 13362786572604917759ULL },
	{ 1, 128, 0, 0, 13, 13425781214983270795ULL },
	{ 1, 128, 0, 1, 13, 17288138861449380802ULL },
	{ 1, 128, 1, 0, 13, 16807612895915238639ULL },
	{ 1, 128, 1, 1, 13, 6240466918363528195ULL },
	{ 2, 8, 0, 0, 10, 4574022183434714994ULL },
	{ 2, 8, 0, 1, 10, 15663294656738674640ULL },
	{ 2, 8, 1, 0, 10, 13642749988554014981ULL },
	{ 2, 8, 1, 1, 10, 16931394266199643542ULL },
	{ 2, 16, 0, 0, 10, 8779953942339422129ULL },
	{ 2, 16, 0, 1, 10, 13510453661313532465ULL },
	{ 2, 16, 1, 0, 10, 17104337069518369739ULL },
	{ 2, 16, 1, 1, 10, 15518119549511068938ULL },
	{ 2, 64, 0, 0, 10, 9126629226274113001ULL },
	{ 2, 64, 0, 1, 10, 50467646926603299ULL },
	{ 2, 64, 1, 0, 10, 3075223189385110581ULL },
	{ 2, 64, 1, 1, 10, 5400966604498016813ULL },
	{ 2, 100, 0, 0, 10, 8801127430917645178ULL },
	{ 2, 100, 0, 1, 10, 6188818123800199516ULL },
	{ 2, 100, 1, 0, 10, 8194807085356096970ULL },
	{ 2, 100, 1, 1, 10, 5847135976703723923ULL },
	{ 2, 128, 0, 0, 10, 8398250450106805967ULL },
	{ 2, 128, 0, 1, 10, 4860648552534561669ULL },
	{ 2, 128, 1, 0, 10, 3729940576467765125ULL },
	{ 2, 128, 1, 1, 10, 2018885702757997204ULL },
	{ 3, 8, 0, 0, 62, 9241928786228739969ULL },
	{ 3, 8, 0, 1, 62, 16759649307409720194ULL },
	{ 3, 8, 1, 0, 62, 16672054720069229298ULL },
	{ 3, 8, 1, 1, 62, 5444935207723887448ULL },
	{ 3, 16, 0, 0, 62, 401365112605029865ULL },
	{ 3, 16, 0, 1, 62, 11430030382872015929ULL },
	{ 3, 16, 1, 0, 62, 8063746052135173964ULL },
	{ 3, 16, 1, 1, 62, 757265521114991576ULL },
	{ 3, 64, 0, 0, 62, 638336891029674731ULL },
	{ 3, 64, 0, 1, 62, 12831955095856483460ULL },
	{ 3, 64, 1, 0, 62, 11483060761142694237ULL },
	{ 3, 64, 1, 1, 62, 15790863621282150016ULL },
	{ 3, 100, 0, 0, 62, 1172617121292507442ULL },
	{ 3, 100, 0, 1, 62, 8813136207041188727ULL },
	{ 3, 100, 1, 0, 62, 17495423128944525754ULL },
	{ 3, 100, 1, 1, 62, 310333052474943415ULL },
	{ 3, 128, 0, 0, 62, 9317995512331146219ULL },
	{ 3, 128, 0, 1, 62, 7280005314193456548ULL },
	{ 3, 128, 1, 0, 62, 8564991086602707346ULL },
	{ 3, 128, 1, 1, 62, 3140124169025282060ULL },
	};

	for (size_t i = 0; i < sizeof(kat) / sizeof(kat[0]); i++) {
		struct minhash_cfg c = { kat[i].k, kat[i].shingle, 6,
					 seeds[kat[i].seed] };
		const char *t = texts[kat[i].text];
		uint32_t sig[MINHASH_MAX_K];
		size_t n = minhash_sign(&c, t, strlen(t), sig);

		CHECK_MSG(n == kat[i].n_tok && fold(sig, c.k) == kat[i].fold,
			  "row %zu: %zu tokens, fold %llu", i, n,
			  (unsigned long long)fold(sig, c.k));
	}
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

/* The word-3 token scan reads 8 bytes at a time: the signature of random
 * tokens (letters of both cases, digits, UTF-8 bytes, 1-13 bytes long) is
 * the same whatever separators (1-9 ASCII punctuation, space or control
 * bytes) stand between them and whatever lies before and after, so every
 * token and separator edge falls at every position of an 8-byte block. */
TEST(minhash, word3_tokens_at_every_alignment)
{
	static const char tokb[] = "aZq09xM\xc3\xa9\xe2\x82\xac";
	static const char sepb[] = " ,.!-\t\n\x01\x7f@[`{~/";
	uint64_t r = 0x2545F4914F6CDD1Dull;
	char a[400], b[400];
	uint32_t sa[64], sb[64];

	for (int round = 0; round < 3000; round++) {
		size_t na = 0, nb = 0, n_tok = 6 + (size_t)round % 12;

		for (size_t t = 0; t < n_tok; t++) {
			size_t tl, sl;

			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			tl = 1 + r % 13;
			sl = 1 + (r >> 8) % 9;
			if (t > 0)
				a[na++] = ' ';
			for (size_t k = 0; k < sl; k++)
				b[nb++] = sepb[(r >> (16 + 2 * k)) % (sizeof(sepb) - 1)];
			for (size_t k = 0; k < tl; k++) {
				r ^= r << 13, r ^= r >> 7, r ^= r << 17;
				a[na++] = b[nb++] = tokb[r % (sizeof(tokb) - 1)];
			}
		}
		b[nb++] = '.';
		minhash_sign(&word3, a, na, sa);
		minhash_sign(&word3, b, nb, sb);
		CHECK_MSG(!memcmp(sa, sb, sizeof(sa)), "round %d", round);
	}
}

/* minhash_nibbles_agree is never below minhash_agree, and is what the
 * low 4 bits of each value give, for even and odd lengths up to
 * MINHASH_MAX_K (the padding agrees with itself and is not counted). */
TEST(minhash, nibbles_agree_bounds_agree)
{
	uint32_t a[MINHASH_MAX_K], b[MINHASH_MAX_K];
	uint64_t fa[MINHASH_NIBBLE_WORDS(MINHASH_MAX_K)], fb[MINHASH_NIBBLE_WORDS(MINHASH_MAX_K)];
	uint64_t x = 777;
	int ok = 1;

	for (int round = 0; round < 3000; round++) {
		int k = 8 + round % (MINHASH_MAX_K - 7), low = 0, got;

		for (int i = 0; i < k; i++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			a[i] = (uint32_t)(x >> 33);
			/* equal, equal in the low 4 bits only, or different */
			b[i] = (int)((x >> 8) % 100) < round % 101 ? a[i] :
			       (x >> 16) % 3 == 0 ? a[i] ^ 0x10u : a[i] + 1;
			low += (a[i] & 15) == (b[i] & 15);
		}
		minhash_nibbles(a, k, fa);
		minhash_nibbles(b, k, fb);
		got = minhash_nibbles_agree(fa, fb, k);
		ok &= got == low && got >= minhash_agree(a, b, k);
		ok &= minhash_nibbles_agree(fa, fa, k) == k;
	}
	CHECK(ok);
}
