/*
 * model: L2-regularised logistic regression over sparse features, its
 * training, calibration, threshold choice and file format.
 *
 * Feature space: MODEL_N_DENSE named features (filled by detect.c: tactic
 * and context counts, indicators, language, length) followed by 2^18
 * hashed buckets for word unigrams, word bigrams and character 4-grams of
 * the normalised text (XXH3, signed hashing). A feature vector is a list of
 * (index, value) pairs; indices may repeat (their values add up).
 *
 * Training is deterministic: AdaGrad SGD over a seeded permutation for a
 * fixed number of epochs, with seeded dropout of the hashed features,
 * double-precision accumulators, no threads. The same
 * examples in the same order give identical weights, hence identical bytes.
 *
 * Calibration: Platt scaling (sigmoid(a*z + b), Platt 1999 with his target
 * smoothing) fitted on the validation part of the training data; the
 * default threshold is the one maximising F1 on that same validation part.
 *
 * File format (all little-endian):
 *   "ATLM", u32 version (1), u32 hash_bits, u32 n_dense, u32 feature_version,
 *   f32 threshold, f32 platt_a, f32 platt_b,
 *   f32 weights[n_dense + 2^hash_bits],
 *   u64 XXH64 (seed 0) of every byte before it.
 */
#ifndef ATL_MODEL_H
#define ATL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct buf;

#define MODEL_HASH_BITS 18
#define MODEL_N_HASHED (1u << MODEL_HASH_BITS)
#define MODEL_N_DENSE 128
#define MODEL_DIM (MODEL_N_DENSE + MODEL_N_HASHED)
#define MODEL_MAX_GRAMS 2048	/* per kind (words, char 4-grams) and post */
#define MODEL_FVEC_CAP (MODEL_N_DENSE + 3 * MODEL_MAX_GRAMS)

struct fvec {
	uint32_t *idx;	/* feature indices, < MODEL_DIM */
	float *val;
	size_t n, cap;	/* additions past cap are dropped */
};

struct model {
	float *w;		/* MODEL_DIM weights; malloc'd */
	uint32_t feature_version;	/* what detect.c's dense block means */
	float threshold;	/* default decision threshold on the probability */
	float platt_a, platt_b;	/* probability = sigmoid(a * logit + b) */
};

struct train_opts {
	double l2;		/* L2 penalty per update; 0 = 1e-6 */
	int epochs;		/* 0 = 8 */
	double eta;		/* AdaGrad step; 0 = 0.2 */
	uint64_t seed;		/* permutation and dropout seed; 0 = 1 */
	double dropout;		/* hashed-feature dropout in [0, 1); < 0 = 0.5 */
};

static inline void fvec_add(struct fvec *f, uint32_t idx, float val)
{
	if (f->n < f->cap) {
		f->idx[f->n] = idx;
		f->val[f->n] = val;
		f->n++;
	}
}

/* Add the hashed word unigram, bigram and char 4-gram features of len bytes
 * of normalised text (digits count as '0'; at most MODEL_MAX_GRAMS each). */
void model_hash_text(struct fvec *f, const char *s, size_t len);

/* model_hash_text(f, s, len) and then model_logit(m, f), the same features
 * and the same double bit for bit; the logit's additions interleaved with
 * the hashing where the vector has room for every feature. */
double model_hash_text_logit(const struct model *m, struct fvec *f, const char *s,
			     size_t len);

/* A zeroed model (threshold 0.5, identity calibration); NULL on ENOMEM. */
struct model *model_new(uint32_t feature_version);
void model_free(struct model *m);

/* Parse model bytes. ATL_EPARSE on a bad magic, version, size, shape or
 * checksum; ATL_ENOMEM. */
int model_load(struct model **out, const void *bytes, size_t n,
	       struct atl_err *err);
/* Serialise; 0 or the buf's error. */
int model_save(const struct model *m, struct buf *out);

/* The raw score (logit) of a feature vector, and its calibrated probability. */
double model_logit(const struct model *m, const struct fvec *f);
double model_prob(const struct model *m, double logit);

struct pr_point;
/* Train on the examples with is_val[i] == 0, then fit the calibration and
 * the threshold on those with is_val[i] == 1 (if there are none, identity
 * calibration and threshold 0.5). y[i] is 1 for positive. val_out (may be
 * NULL) gets the validation precision/recall/F1 at the chosen threshold.
 * ATL_EINVAL when there is nothing to train on; ATL_ENOMEM. */
int model_train(struct model *m, const struct fvec *x, const uint8_t *y,
		const uint8_t *is_val, size_t n, const struct train_opts *o,
		struct pr_point *val_out, struct atl_err *err);

/* Deterministic validation split: about one id in ten. */
int model_is_validation(const char *id, size_t len);

/* Metrics over scores (higher = more positive). */
struct pr_point {
	double threshold;	/* flag when score >= threshold */
	double precision, recall, f1;
};
/* The threshold maximising F1 (midway between the last flagged and the next
 * score); its precision/recall/F1. ATL_ENOMEM. */
int metrics_best_f1(const double *score, const uint8_t *y, size_t n,
		    struct pr_point *out);
/* Area under the precision-recall curve (average precision). */
int metrics_auc_pr(const double *score, const uint8_t *y, size_t n,
		   double *out);

#endif
