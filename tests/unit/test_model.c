/* model: metrics known answers, train/predict/save/load round trip, byte
 * determinism, incremental retraining, corrupt files. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "detect/model.h"
#include "test.h"

TEST(model, best_f1_known_answer)
{
	/* Ranked: 1 1 0 1 0 0 -> best cut after the 4th (P 3/4, R 1, F1 6/7)
	 * or after the 2nd (P 1, R 2/3, F1 0.8). */
	double s[] = { 0.9, 0.8, 0.7, 0.6, 0.5, 0.4 };
	uint8_t y[] = { 1, 1, 0, 1, 0, 0 };
	struct pr_point p;
	double ap;

	CHECK(metrics_best_f1(s, y, 6, &p) == 0);
	CHECK(p.f1 > 6.0 / 7 - 1e-9 && p.f1 < 6.0 / 7 + 1e-9);
	CHECK(p.threshold > 0.5 && p.threshold < 0.6);
	CHECK(metrics_auc_pr(s, y, 6, &ap) == 0);
	/* AP = (1 + 1 + 3/4) / 3 */
	CHECK(ap > 2.75 / 3 - 1e-9 && ap < 2.75 / 3 + 1e-9);
}

TEST(model, metrics_ties_and_empty)
{
	double s[] = { 0.5, 0.5, 0.5 };
	uint8_t y[] = { 1, 0, 1 };
	struct pr_point p;
	double ap;

	CHECK(metrics_best_f1(s, y, 3, &p) == 0);
	CHECK(p.recall == 1.0);
	CHECK(p.threshold == 0.5);
	CHECK(metrics_auc_pr(s, y, 3, &ap) == 0);
	CHECK(ap > 2.0 / 3 - 1e-9 && ap < 2.0 / 3 + 1e-9);
	CHECK(metrics_best_f1(s, y, 0, &p) == 0);
	CHECK(p.f1 == 0);
}

/* A toy corpus: offers with a contact cue vs warnings, in a few shapes. */
static const char *const pos_text[] = {
	"llevamos a tu familia al norte info por wasap 55 1234 5678",
	"pasamos gente segura pagas al llegar escribe al privado",
	"we take you across pay when you arrive dm me",
	"cruzamos familias con ninos 3 intentos whatsapp",
	"levamos voce pagamento na chegada chama no zap",
};
static const char *const neg_text[] = {
	"no confies en coyotes que piden dinero denuncia",
	"segun la policia fueron detenidos dos polleros",
	"beware of smugglers who ask for deposits report them",
	"boletos de autobus en la terminal horario de salidas",
	"abogado de inmigracion consulta gratis por telefono",
};

struct corpus {
	struct fvec x[64];
	uint32_t idx[64][MODEL_FVEC_CAP];
	float val[64][MODEL_FVEC_CAP];
	uint8_t y[64], is_val[64];
	size_t n;
};

static void corpus_add(struct corpus *c, const char *text, int label, int val)
{
	struct fvec *f = &c->x[c->n];

	f->idx = c->idx[c->n];
	f->val = c->val[c->n];
	f->n = 0;
	f->cap = MODEL_FVEC_CAP;
	fvec_add(f, 0, 1.0f);	/* bias */
	model_hash_text(f, text, strlen(text));
	c->y[c->n] = (uint8_t)label;
	c->is_val[c->n] = (uint8_t)val;
	c->n++;
}

static void corpus_fill(struct corpus *c, int copies)
{
	c->n = 0;
	for (int k = 0; k < copies; k++)
		for (size_t i = 0; i < 5; i++) {
			corpus_add(c, pos_text[i], 1, k == copies - 1);
			corpus_add(c, neg_text[i], 0, k == copies - 1);
		}
}

static int train_bytes(struct corpus *c, struct buf *out)
{
	struct model *m = model_new(7);
	struct atl_err err = ATL_ERR_INIT;
	struct train_opts o = { 0, 20, 0, 3, -1 };
	int rc = m ? 0 : -1;

	if (rc == 0)
		rc = model_train(m, c->x, c->y, c->is_val, c->n, &o, NULL, &err);
	if (rc == 0)
		rc = model_save(m, out);
	model_free(m);
	return rc;
}

TEST(model, train_predict_save_load)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct model *m = model_new(7), *m2 = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct train_opts o = { 0, 20, 0, 3, -1 };
	struct buf b = BUF_INIT(1u << 24);
	struct pr_point val;

	CHECK(c && m);
	corpus_fill(c, 3);
	CHECK(model_train(m, c->x, c->y, c->is_val, c->n, &o, &val, &err) == 0);
	CHECK(val.f1 == 1.0);
	for (size_t i = 0; i < c->n; i++) {
		double p = model_prob(m, model_logit(m, &c->x[i]));

		CHECK_MSG((p >= m->threshold) == c->y[i], "example %zu: p %.3f", i, p);
	}
	CHECK(model_save(m, &b) == 0);
	CHECK_INT(b.len, 4 + 16 + 12 + 4 * MODEL_DIM + 8);
	CHECK(model_load(&m2, b.p, b.len, &err) == 0);
	CHECK(m2 && m2->feature_version == 7);
	CHECK(m2 && m2->threshold == m->threshold && m2->platt_a == m->platt_a);
	for (size_t i = 0; m2 && i < c->n; i++)
		CHECK(model_logit(m2, &c->x[i]) == model_logit(m, &c->x[i]));
	model_free(m2);
	model_free(m);
	buf_release(&b);
	free(c);
}

TEST(model, retrain_is_byte_identical)
{
	struct corpus *c = calloc(1, sizeof(*c));
	struct buf a = BUF_INIT(1u << 24), b = BUF_INIT(1u << 24);
	struct buf a2 = BUF_INIT(1u << 24), b2 = BUF_INIT(1u << 24);

	CHECK(c != NULL);
	corpus_fill(c, 2);
	CHECK(train_bytes(c, &a) == 0);
	CHECK(train_bytes(c, &b) == 0);
	CHECK(a.len == b.len && !memcmp(a.p, b.p, a.len));
	/* 20 more labelled examples: a different model, again reproducible. */
	corpus_fill(c, 4);
	CHECK(train_bytes(c, &a2) == 0);
	CHECK(train_bytes(c, &b2) == 0);
	CHECK(a2.len == b2.len && !memcmp(a2.p, b2.p, a2.len));
	CHECK(a.len == a2.len && memcmp(a.p, a2.p, a.len) != 0);
	buf_release(&a);
	buf_release(&b);
	buf_release(&a2);
	buf_release(&b2);
	free(c);
}

TEST(model, load_rejects_corrupt)
{
	struct model *m = model_new(1), *m2 = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct buf b = BUF_INIT(1u << 24);

	CHECK(m && model_save(m, &b) == 0);
	CHECK(model_load(&m2, b.p, b.len - 1, &err) == ATL_EPARSE);
	b.p[100] ^= 1;
	CHECK(model_load(&m2, b.p, b.len, &err) == ATL_EPARSE);
	CHECK(strstr(err.msg, "checksum") != NULL);
	b.p[0] = 'X';
	CHECK(model_load(&m2, b.p, b.len, &err) == ATL_EPARSE);
	CHECK(model_load(&m2, "AT", 2, &err) == ATL_EPARSE);
	CHECK(m2 == NULL);
	model_free(m);
	buf_release(&b);
}

TEST(model, hashing_folds_digits_and_bounds)
{
	uint32_t i1[MODEL_FVEC_CAP], i2[MODEL_FVEC_CAP];
	float v1[MODEL_FVEC_CAP], v2[MODEL_FVEC_CAP];
	struct fvec a = { i1, v1, 0, MODEL_FVEC_CAP }, b = { i2, v2, 0, MODEL_FVEC_CAP };
	char *big = malloc(100000);

	model_hash_text(&a, "precio 5000 dls", 15);
	model_hash_text(&b, "precio 8000 dls", 15);
	CHECK(a.n == b.n && !memcmp(i1, i2, a.n * sizeof(uint32_t)));
	for (size_t i = 0; i < a.n; i++)
		CHECK(i1[i] >= MODEL_N_DENSE && i1[i] < MODEL_DIM);
	CHECK(big != NULL);
	memset(big, 'a', 100000);
	for (size_t i = 0; i < 100000; i += 7)
		big[i] = ' ';
	a.n = 0;
	model_hash_text(&a, big, 100000);
	CHECK(a.n <= 3 * MODEL_MAX_GRAMS);
	free(big);
}

/* The murmur3 finaliser the 4-grams hash with, as model.c's comment
 * defines it (mix_gram does its first step by hand). */
static uint64_t ref_mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

TEST(model, char_grams_known_answer)
{
	uint32_t idx[MODEL_FVEC_CAP];
	float val[MODEL_FVEC_CAP];
	struct fvec f = { idx, val, 0, MODEL_FVEC_CAP };
	/* "a9\xc3\xa9!" has one word (2 features, no bigram) and two grams:
	 * "a0\xc3\xa9" and "0\xc3\xa9!" (digits hash as '0') */
	const unsigned char t[] = "a9\xc3\xa9!";
	uint32_t g[2] = { 'a' | '0' << 8 | 0xc3u << 16 | 0xa9u << 24,
			  '0' | 0xc3u << 8 | 0xa9u << 16 | (uint32_t)'!' << 24 };

	model_hash_text(&f, (const char *)t, 5);
	CHECK_INT(f.n, 3);
	for (int k = 0; k < 2; k++) {
		uint64_t h = ref_mix64((uint64_t)g[k] ^ 0xC4ull << 32);

		CHECK_INT(idx[1 + k], MODEL_N_DENSE + (uint32_t)(h & (MODEL_N_HASHED - 1)));
		CHECK(val[1 + k] == (float)(0.5 / sqrt(2.0)) * (h >> 63 ? -1.0f : 1.0f));
	}
}

/* model_hash_text_logit against model_hash_text then model_logit: the same
 * features and the same double, over texts of 0-70 bytes (around the
 * 4-gram window and 8-byte boundaries), digits, non-ASCII bytes, a text
 * past MODEL_MAX_GRAMS, some dense features before, and a vector without
 * room for every feature (the checked path). */
TEST(model, hash_text_logit_same_as_separate)
{
	static uint32_t i1[MODEL_FVEC_CAP], i2[MODEL_FVEC_CAP];
	static float v1[MODEL_FVEC_CAP], v2[MODEL_FVEC_CAP];
	static const char alpha[] = "ab cd9 \xc3\xa9xy  z1.3\xe2\x82\xac-qq";
	struct model *m = model_new(1);
	uint64_t rng = 88172645463325252ull;
	char *big = malloc(3 * MODEL_MAX_GRAMS);
	char t[80];

	CHECK(m != NULL && big != NULL);
	for (size_t i = 0; i < MODEL_DIM; i++) {
		rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
		m->w[i] = (float)((double)(rng >> 11) / 9007199254740992.0 - 0.5);
	}
	for (int round = 0; round < 400; round++) {
		size_t len = (size_t)round % 71, n_dense = (size_t)round % 5;
		size_t cap = round % 9 == 8 ? n_dense + 7 : MODEL_FVEC_CAP;
		struct fvec a = { i1, v1, 0, cap }, b = { i2, v2, 0, cap };
		double za, zb;

		for (size_t i = 0; i < len; i++) {
			rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
			t[i] = alpha[rng % (sizeof(alpha) - 1)];
		}
		for (size_t i = 0; i < n_dense; i++) {
			fvec_add(&a, (uint32_t)(i * 7 + 1), 0.25f * (float)(i + 1));
			fvec_add(&b, (uint32_t)(i * 7 + 1), 0.25f * (float)(i + 1));
		}
		model_hash_text(&a, t, len);
		za = model_logit(m, &a);
		zb = model_hash_text_logit(m, &b, t, len);
		CHECK_MSG(a.n == b.n && !memcmp(i1, i2, a.n * sizeof(*i1)) &&
			  !memcmp(v1, v2, a.n * sizeof(*v1)) && !memcmp(&za, &zb, sizeof(za)),
			  "round %d, len %zu", round, len);
	}
	for (size_t i = 0; i < 3 * MODEL_MAX_GRAMS; i++)
		big[i] = alpha[i % (sizeof(alpha) - 1)];
	{
		struct fvec a = { i1, v1, 0, MODEL_FVEC_CAP }, b = { i2, v2, 0, MODEL_FVEC_CAP };
		double za, zb;

		model_hash_text(&a, big, 3 * MODEL_MAX_GRAMS);
		za = model_logit(m, &a);
		zb = model_hash_text_logit(m, &b, big, 3 * MODEL_MAX_GRAMS);
		CHECK(a.n == b.n && !memcmp(v1, v2, a.n * sizeof(*v1)) &&
		      !memcmp(&za, &zb, sizeof(za)));
	}
	free(big);
	model_free(m);
}
