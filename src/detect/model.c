/*
 * model: logistic regression, training, calibration, file format (model.h).
 *
 * Why these choices
 *  - Feature hashing (Weinberger et al. 2009, signed) keeps the model a
 *    fixed 1 MiB array with no vocabulary to ship; 2^18 buckets keep
 *    collisions rare for the few hundred thousand n-grams of a corpus.
 *  - Each hashed group (words+bigrams, char 4-grams) is scaled by
 *    1/sqrt(n) so that long posts do not outvote the dense cue features.
 *  - Words and bigrams hash with XXH3, character 4-grams with a 64-bit
 *    finaliser (see mix_gram).
 *  - Digits hash as '0': phone numbers and prices change from post to post,
 *    their shapes do not.
 *  - AdaGrad (Duchi et al. 2011) needs no learning-rate schedule and is
 *    robust to the very different scales of dense and hashed features. The
 *    L2 term is applied to the weights an example touches (the usual lazy
 *    approximation), never to the bias (index 0).
 *  - Platt scaling follows Lin, Lin and Weng (2007), "A note on Platt's
 *    probabilistic outputs", with Newton steps and backtracking.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* inlined: model_hash_text hashes every word and bigram of a post */
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/ascii.h"
#include "core/buf.h"
#include "detect/model.h"
#include "core/banned.h"

#define MODEL_MAGIC "ATLM"
#define MODEL_VERSION 1u
#define HEADER_BYTES (4 + 4 * 4 + 3 * 4)
#define MAX_WORD 32	/* bytes of a word that are hashed */
/* Weight of each hashed group relative to the cue features: with AdaGrad a
 * smaller scale is a smaller step in logit space, a prior that the pattern
 * features, which carry over to new phrasings, should do most of the work
 * (held-out synthetic F1 0.982 at 1.0, 0.984 at 0.5). */
#define MODEL_TEXT_WEIGHT 0.5

enum { SEED_WORD = 0x57, SEED_BIGRAM = 0xB2 };
#define SEED_CHAR4 0xC4ull

/* ---- hashed text features ---- */

/* A 4-byte gram needs no general-purpose hash: the murmur3 finaliser mixes
 * every input bit into every output bit at a fraction of XXH3's call cost.
 * mix_gram(g) is mix64((uint64_t)g ^ SEED_CHAR4 << 32) with the first step
 * (x ^= x >> 33) done by hand: g < 2^32, so x >> 33 is SEED_CHAR4 >> 1. */
static inline uint64_t mix_gram(uint32_t g)
{
	uint64_t x = SEED_CHAR4 << 32 | (uint64_t)(g ^ (uint32_t)(SEED_CHAR4 >> 1));

	x *= 0xff51afd7ed558ccdull;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ull;
	x ^= x >> 33;
	return x;
}

/* The scale of a hashed group of n features. */
static float group_scale(size_t n)
{
	return (float)(MODEL_TEXT_WEIGHT / sqrt((double)n));
}

/* checked: the vector may be full (see model_hash_text); a constant where
 * it is inlined. */
static inline void add_hashed(struct fvec *f, uint64_t h, int checked)
{
	uint32_t idx = MODEL_N_DENSE + (uint32_t)(h & (MODEL_N_HASHED - 1));
	/* +1.0f or -1.0f by the top bit, with no branch: the sign of a hash
	 * is a coin toss, and a branch on it mispredicts half the time. */
	uint32_t bits = 0x3f800000u | (uint32_t)(h >> 63) << 31;
	float v;

	memcpy(&v, &bits, sizeof(v));
	if (checked) {
		fvec_add(f, idx, v);
	} else {
		f->idx[f->n] = idx;
		f->val[f->n] = v;
		f->n++;
	}
}

static void scale_from(struct fvec *f, size_t from)
{
	float s;

	if (f->n <= from)
		return;
	s = group_scale(f->n - from);
	for (size_t i = from; i < f->n; i++)
		f->val[i] *= s;
}

/* A word byte (ASCII letter or digit, or any byte of a multi-byte
 * character) as it is hashed, digits folded to '0'; 0 for the others. */
#define S8(x) (x), (x) + 1, (x) + 2, (x) + 3, (x) + 4, (x) + 5, (x) + 6, (x) + 7
#define S32(x) S8(x), S8((x) + 8), S8((x) + 16), S8((x) + 24)
static const unsigned char word_byte[256] = {
	['0'] = '0', '0', '0', '0', '0', '0', '0', '0', '0', '0',
	['A'] = S8('A'), S8('I'), S8('Q'), 'Y', 'Z',
	['a'] = S8('a'), S8('i'), S8('q'), 'y', 'z',
	[0x80] = S32(0x80), S32(0xA0), S32(0xC0), S32(0xE0),
};
#undef S8
#undef S32

static char fold_digit(char c)
{
	return ascii_is_digit((unsigned char)c) ? '0' : c;
}

/* The words and bigrams of s (the first group): appended to f, scaled.
 * With w (unchecked only), each feature's weight w[idx] is prefetched. */
static inline __attribute__((always_inline)) void
hash_words(struct fvec *f, const char *s, size_t len, int checked, const float *w)
{
	size_t from = f->n, i = 0, n_words = 0;
	uint64_t prev = 0;
	int have_prev = 0;

	while (i < len && n_words < MODEL_MAX_GRAMS) {
		char wb[MAX_WORD];
		size_t j, k = 0;
		uint64_t h;

		unsigned char c;

		while (i < len && !word_byte[(unsigned char)s[i]])
			i++;
		j = i;
		while (j < len && (c = word_byte[(unsigned char)s[j]]) != 0) {
			if (k < MAX_WORD)
				wb[k++] = (char)c;
			j++;
		}
		if (k == 0)
			break;
		h = XXH3_64bits_withSeed(wb, k, SEED_WORD);
		add_hashed(f, h, checked);
		if (w)
			__builtin_prefetch(&w[f->idx[f->n - 1]]);
		n_words++;
		if (have_prev) {
			uint64_t pair[2] = { prev, h };

			add_hashed(f, XXH3_64bits_withSeed(pair, sizeof(pair), SEED_BIGRAM),
				   checked);
			if (w)
				__builtin_prefetch(&w[f->idx[f->n - 1]]);
		}
		prev = h;
		have_prev = 1;
		i = j;
	}
	scale_from(f, from);
}

/* The number of char 4-grams of len bytes that are hashed. */
static size_t n_grams_of(size_t len)
{
	return len < 4 ? 0 : len - 3 < MODEL_MAX_GRAMS ? len - 3 : MODEL_MAX_GRAMS;
}

/* The first window of the 4-gram loop: bytes 0..2 in the top three bytes
 * (the gram at i is bytes i..i+3, s[i] lowest; each step shifts one folded
 * byte in). */
static uint32_t first_window(const char *s)
{
	return (uint32_t)(unsigned char)fold_digit(s[0]) << 8 |
	       (uint32_t)(unsigned char)fold_digit(s[1]) << 16 |
	       (uint32_t)(unsigned char)fold_digit(s[2]) << 24;
}

static inline __attribute__((always_inline)) void
hash_text(struct fvec *f, const char *s, size_t len, int checked)
{
	size_t from, n_grams = n_grams_of(len);

	hash_words(f, s, len, checked, NULL);
	from = f->n;
	if (n_grams > 0) {
		uint32_t g = first_window(s);

		for (size_t i = 0; i < n_grams; i++) {
			g = g >> 8 | (uint32_t)(unsigned char)fold_digit(s[i + 3]) << 24;
			add_hashed(f, mix_gram(g), checked);
		}
	}
	scale_from(f, from);
}

/* At most MODEL_MAX_GRAMS words, one bigram fewer and MODEL_MAX_GRAMS
 * 4-grams: with that much room (the detector's vector always has it) the
 * adds need no capacity check. */
#define HASH_TEXT_MAX_ADDS (3 * (size_t)MODEL_MAX_GRAMS - 1)

static int has_room(const struct fvec *f)
{
	return f->n <= f->cap && f->cap - f->n >= HASH_TEXT_MAX_ADDS;
}

void model_hash_text(struct fvec *f, const char *s, size_t len)
{
	if (has_room(f))
		hash_text(f, s, len, 0);
	else
		hash_text(f, s, len, 1);
}

/* The sum of model_logit, over f[0, n): one chain of double additions in
 * feature order (that order fixes the bytes of the score). */
static inline double logit_from(const struct model *m, const struct fvec *f,
				double z, size_t i, size_t n)
{
	for (; i < n; i++)
		z += (double)m->w[f->idx[i]] * f->val[i];
	return z;
}

double model_hash_text_logit(const struct model *m, struct fvec *f, const char *s,
			     size_t len)
{
	size_t from, n_grams = n_grams_of(len);
	const float *w = m->w;
	uint32_t *idx;
	float *val;
	uint32_t sbits;
	double z = 0;

	if (!has_room(f)) {
		model_hash_text(f, s, len);
		return model_logit(m, f);
	}
	hash_words(f, s, len, 0, w);
	from = f->n;
	if (n_grams == 0)
		return logit_from(m, f, 0, 0, f->n);
	/* The 4-grams' scale is known before them (all n_grams are added:
	 * the vector has room), so each value is written as +-scale at once:
	 * the same float as +-1.0f times it. */
	{
		float sc = group_scale(n_grams);

		memcpy(&sbits, &sc, sizeof(sbits));
	}
	idx = f->idx + from;
	val = f->val + from;
	/* The logit's chain of additions waits about 4 cycles a feature; it
	 * advances one feature per 4-gram here (feature i is written by then:
	 * i < from + i + 1), so that its latency hides behind the hashing. */
	{
		const uint32_t *fi = f->idx;
		const float *fv = f->val;
		uint32_t g = first_window(s);

		for (size_t i = 0; i < n_grams; i++) {
			uint64_t h;
			uint32_t bits;

			g = g >> 8 | (uint32_t)(unsigned char)fold_digit(s[i + 3]) << 24;
			h = mix_gram(g);
			idx[i] = MODEL_N_DENSE + (uint32_t)(h & (MODEL_N_HASHED - 1));
			__builtin_prefetch(&w[idx[i]]);
			bits = sbits | (uint32_t)(h >> 63) << 31;
			memcpy(&val[i], &bits, sizeof(bits));
			z += (double)w[fi[i]] * fv[i];
		}
	}
	f->n = from + n_grams;
	return logit_from(m, f, z, n_grams, f->n);
}

/* ---- model lifecycle and file format ---- */

struct model *model_new(uint32_t feature_version)
{
	struct model *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->w = calloc(MODEL_DIM, sizeof(float));
	if (!m->w) {
		free(m);
		return NULL;
	}
	m->feature_version = feature_version;
	m->threshold = 0.5f;
	m->platt_a = 1.0f;
	m->platt_b = 0.0f;
	return m;
}

void model_free(struct model *m)
{
	if (!m)
		return;
	free(m->w);
	free(m);
}

static void put_u32(struct buf *b, uint32_t v)
{
	unsigned char c[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };

	buf_add(b, c, 4);
}

static void put_f32(struct buf *b, float f)
{
	uint32_t v;

	memcpy(&v, &f, 4);
	put_u32(b, v);
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static float get_f32(const unsigned char *p)
{
	uint32_t v = get_u32(p);
	float f;

	memcpy(&f, &v, 4);
	return f;
}

int model_save(const struct model *m, struct buf *out)
{
	size_t start = out->len;
	uint64_t sum;

	buf_add(out, MODEL_MAGIC, 4);
	put_u32(out, MODEL_VERSION);
	put_u32(out, MODEL_HASH_BITS);
	put_u32(out, MODEL_N_DENSE);
	put_u32(out, m->feature_version);
	put_f32(out, m->threshold);
	put_f32(out, m->platt_a);
	put_f32(out, m->platt_b);
	for (size_t i = 0; i < MODEL_DIM; i++)
		put_f32(out, m->w[i]);
	if (buf_error(out))
		return buf_error(out);
	sum = XXH64(out->p + start, out->len - start, 0);
	put_u32(out, (uint32_t)sum);
	put_u32(out, (uint32_t)(sum >> 32));
	return buf_error(out);
}

int model_load(struct model **out, const void *bytes, size_t n,
	       struct atl_err *err)
{
	const unsigned char *p = bytes;
	size_t want = HEADER_BYTES + 4 * (size_t)MODEL_DIM + 8;
	struct model *m;
	uint64_t sum;

	*out = NULL;
	if (n < HEADER_BYTES || memcmp(p, MODEL_MAGIC, 4) != 0)
		return atl_err_set(err, ATL_EPARSE, "not an atalaya model (bad magic)");
	if (get_u32(p + 4) != MODEL_VERSION)
		return atl_err_set(err, ATL_EPARSE, "model version %u not supported",
				   get_u32(p + 4));
	if (get_u32(p + 8) != MODEL_HASH_BITS || get_u32(p + 12) != MODEL_N_DENSE)
		return atl_err_set(err, ATL_EPARSE, "model shape %u/%u, want %u/%u",
				   get_u32(p + 8), get_u32(p + 12),
				   MODEL_HASH_BITS, MODEL_N_DENSE);
	if (n != want)
		return atl_err_set(err, ATL_EPARSE, "model is %zu bytes, want %zu", n, want);
	sum = (uint64_t)get_u32(p + n - 8) | (uint64_t)get_u32(p + n - 4) << 32;
	if (sum != XXH64(p, n - 8, 0))
		return atl_err_set(err, ATL_EPARSE, "model checksum mismatch");
	m = model_new(get_u32(p + 16));
	if (!m)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	m->threshold = get_f32(p + 20);
	m->platt_a = get_f32(p + 24);
	m->platt_b = get_f32(p + 28);
	for (size_t i = 0; i < MODEL_DIM; i++)
		m->w[i] = get_f32(p + HEADER_BYTES + 4 * i);
	if (!isfinite(m->threshold) || !isfinite(m->platt_a) || !isfinite(m->platt_b)) {
		model_free(m);
		return atl_err_set(err, ATL_EPARSE, "model calibration is not finite");
	}
	*out = m;
	return 0;
}

/* ---- scoring ---- */

static double sigmoid(double z)
{
	if (z >= 0)
		return 1.0 / (1.0 + exp(-z));
	return exp(z) / (1.0 + exp(z));
}

double model_logit(const struct model *m, const struct fvec *f)
{
	return logit_from(m, f, 0, 0, f->n);
}

double model_prob(const struct model *m, double logit)
{
	return sigmoid((double)m->platt_a * logit + m->platt_b);
}

/* ---- training ---- */

static uint64_t xorshift64s(uint64_t *state)
{
	uint64_t x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

/* One pass of AdaGrad. Each hashed feature of an example is dropped with
 * probability `drop` (inverted dropout: kept ones are scaled by 1/(1-drop)),
 * so that no template n-gram can carry an example alone and the weights
 * spread over the cue features too; the mask comes from the seeded rng. */
static void sgd_epoch(double *w, double *g2, const struct fvec *x, const uint8_t *y,
		      const size_t *order, size_t n, double eta, double l2,
		      double drop, uint64_t *rng, float *scale)
{
	uint64_t cut = (uint64_t)(drop * 18446744073709551615.0);
	float keep = (float)(1.0 / (1.0 - drop));

	for (size_t k = 0; k < n; k++) {
		const struct fvec *f = &x[order[k]];
		double z = 0, g;

		for (size_t j = 0; j < f->n && j < MODEL_FVEC_CAP; j++) {
			scale[j] = 1.0f;
			if (drop > 0 && f->idx[j] >= MODEL_N_DENSE)
				scale[j] = xorshift64s(rng) < cut ? 0.0f : keep;
			z += w[f->idx[j]] * f->val[j] * scale[j];
		}
		g = sigmoid(z) - (y[order[k]] ? 1.0 : 0.0);
		for (size_t j = 0; j < f->n && j < MODEL_FVEC_CAP; j++) {
			uint32_t i = f->idx[j];
			double gi;

			if (scale[j] == 0.0f)
				continue;
			gi = g * f->val[j] * scale[j] + (i ? l2 * w[i] : 0.0);
			if (gi == 0)
				continue;
			g2[i] += gi * gi;
			w[i] -= eta * gi / sqrt(g2[i]);
		}
	}
}

/* Platt scaling: fit sigmoid(a*z + b) to targets smoothed as Platt did. */
static void fit_platt(const double *z, const uint8_t *y, size_t n, double *a_out,
		      double *b_out)
{
	double np = 0, nn = 0, a = 0, b, fval = 0;
	double hi, lo;

	for (size_t i = 0; i < n; i++) {
		if (y[i])
			np++;
		else
			nn++;
	}
	hi = (np + 1) / (np + 2);
	lo = 1 / (nn + 2);
	b = log((np + 1) / (nn + 1));
	for (size_t i = 0; i < n; i++) {
		double t = y[i] ? hi : lo, p = sigmoid(a * z[i] + b);

		fval -= t * log(p + 1e-300) + (1 - t) * log(1 - p + 1e-300);
	}
	for (int it = 0; it < 100; it++) {
		double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12, det, da, db;
		double step = 1;

		for (size_t i = 0; i < n; i++) {
			double t = y[i] ? hi : lo, p = sigmoid(a * z[i] + b);
			double d = p - t, v = p * (1 - p);

			ga += d * z[i];
			gb += d;
			haa += v * z[i] * z[i];
			hab += v * z[i];
			hbb += v;
		}
		if (fabs(ga) < 1e-7 && fabs(gb) < 1e-7)
			break;
		det = haa * hbb - hab * hab;
		if (det <= 0)
			break;
		da = -(hbb * ga - hab * gb) / det;
		db = -(-hab * ga + haa * gb) / det;
		while (step >= 1e-10) {
			double na = a + step * da, nb = b + step * db, nf = 0;

			for (size_t i = 0; i < n; i++) {
				double t = y[i] ? hi : lo, p = sigmoid(na * z[i] + nb);

				nf -= t * log(p + 1e-300) + (1 - t) * log(1 - p + 1e-300);
			}
			if (nf < fval + 1e-4 * step * (ga * da + gb * db)) {
				a = na;
				b = nb;
				fval = nf;
				break;
			}
			step /= 2;
		}
		if (step < 1e-10)
			break;
	}
	*a_out = a;
	*b_out = b;
}

int model_train(struct model *m, const struct fvec *x, const uint8_t *y,
		const uint8_t *is_val, size_t n, const struct train_opts *o,
		struct pr_point *val_out, struct atl_err *err)
{
	double l2 = o && o->l2 > 0 ? o->l2 : 1e-6;
	double eta = o && o->eta > 0 ? o->eta : 0.2;
	int epochs = o && o->epochs > 0 ? o->epochs : 8;
	uint64_t rng = o && o->seed ? o->seed : 1;
	double drop = o && o->dropout >= 0 && o->dropout < 1 ? o->dropout : 0.5;
	float *scale = malloc(MODEL_FVEC_CAP * sizeof(float));
	double *w = calloc(MODEL_DIM, sizeof(double));
	double *g2 = calloc(MODEL_DIM, sizeof(double));
	size_t *order = malloc((n ? n : 1) * sizeof(size_t));
	double *z = NULL, *p = NULL;
	uint8_t *yv = NULL;
	size_t n_tr = 0, n_val = 0;
	int rc = 0;

	if (val_out)
		memset(val_out, 0, sizeof(*val_out));
	if (!w || !g2 || !order || !scale) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (!is_val || !is_val[i])
			order[n_tr++] = i;
	if (n_tr == 0) {
		rc = atl_err_set(err, ATL_EINVAL, "no training examples");
		goto out;
	}
	for (int ep = 0; ep < epochs; ep++) {
		for (size_t k = n_tr; k > 1; k--) {	/* Fisher-Yates */
			size_t r = (size_t)(xorshift64s(&rng) % k), t = order[k - 1];

			order[k - 1] = order[r];
			order[r] = t;
		}
		sgd_epoch(w, g2, x, y, order, n_tr, eta, l2, drop, &rng, scale);
	}
	for (size_t i = 0; i < MODEL_DIM; i++)
		m->w[i] = (float)w[i];
	m->platt_a = 1.0f;
	m->platt_b = 0.0f;
	m->threshold = 0.5f;

	n_val = n - n_tr;
	if (n_val == 0 || !is_val)
		goto out;
	z = malloc(n_val * sizeof(double));
	p = malloc(n_val * sizeof(double));
	yv = malloc(n_val);
	if (!z || !p || !yv) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0, k = 0; i < n; i++) {
		if (!is_val[i])
			continue;
		z[k] = model_logit(m, &x[i]);	/* float weights, as at inference */
		yv[k++] = y[i];
	}
	{
		double a, b;
		struct pr_point best;

		fit_platt(z, yv, n_val, &a, &b);
		m->platt_a = (float)a;
		m->platt_b = (float)b;
		for (size_t k = 0; k < n_val; k++)
			p[k] = model_prob(m, z[k]);
		rc = metrics_best_f1(p, yv, n_val, &best);
		if (rc < 0) {
			atl_err_set(err, rc, "out of memory");
			goto out;
		}
		m->threshold = (float)best.threshold;
		if (val_out)
			*val_out = best;
	}
out:
	free(w);
	free(g2);
	free(order);
	free(scale);
	free(z);
	free(p);
	free(yv);
	return rc;
}

int model_is_validation(const char *id, size_t len)
{
	return XXH64(id, len, 0x7A11D) % 10 == 0;
}

/* ---- metrics ---- */

static int by_score_desc(const void *pa, const void *pb, void *ctx)
{
	const double *s = ctx;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;

	if (s[a] != s[b])
		return s[a] > s[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* Indices sorted by descending score; caller frees. */
static size_t *rank(const double *score, size_t n)
{
	size_t *ix = malloc((n ? n : 1) * sizeof(size_t));

	if (!ix)
		return NULL;
	for (size_t i = 0; i < n; i++)
		ix[i] = i;
	qsort_r(ix, n, sizeof(size_t), by_score_desc, (void *)score);
	return ix;
}

int metrics_best_f1(const double *score, const uint8_t *y, size_t n,
		    struct pr_point *out)
{
	size_t *ix = rank(score, n), np = 0, tp = 0, fp = 0;
	double best = -1;

	if (!ix)
		return ATL_ENOMEM;
	out->threshold = 0.5;
	out->precision = out->recall = out->f1 = 0;
	for (size_t i = 0; i < n; i++)
		np += y[i] != 0;
	for (size_t k = 0; k < n;) {
		double s = score[ix[k]], f1;

		while (k < n && score[ix[k]] == s) {	/* one tie group */
			if (y[ix[k]])
				tp++;
			else
				fp++;
			k++;
		}
		if (np == 0)
			break;
		f1 = 2.0 * (double)tp / (double)(2 * tp + fp + (np - tp));
		if (f1 > best) {
			best = f1;
			out->f1 = f1;
			out->precision = (double)tp / (double)(tp + fp);
			out->recall = (double)tp / (double)np;
			out->threshold = k < n ? (s + score[ix[k]]) / 2 : s;
		}
	}
	free(ix);
	return 0;
}

int metrics_auc_pr(const double *score, const uint8_t *y, size_t n, double *out)
{
	size_t *ix = rank(score, n), np = 0, tp = 0, fp = 0;
	double ap = 0, prev_recall = 0;

	if (!ix)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n; i++)
		np += y[i] != 0;
	for (size_t k = 0; k < n && np > 0;) {
		double s = score[ix[k]], recall;

		while (k < n && score[ix[k]] == s) {
			if (y[ix[k]])
				tp++;
			else
				fp++;
			k++;
		}
		recall = (double)tp / (double)np;
		ap += (recall - prev_recall) * (double)tp / (double)(tp + fp);
		prev_recall = recall;
	}
	free(ix);
	*out = ap;
	return 0;
}
