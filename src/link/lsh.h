/*
 * lsh: candidate pairs for near-duplicate signatures by banding.
 *
 * The k-value signature is cut into b bands of r = k / b rows; two posts
 * are candidates when some band is identical. For true Jaccard J that
 * happens with probability 1 - (1 - J^r)^b, an S-curve whose midpoint is
 * about (1/b)^(1/r) (Leskovec, Rajaraman, Ullman, "Mining of Massive
 * Datasets", ch. 3.4).
 *
 * The linker processes one band at a time, so only one band's table lives
 * at once: an open-addressing table from the band's 64-bit key to the most
 * recent post with that key, and a next[] chain through earlier posts.
 * lsh_band_insert returns the newest members of the bucket, at most
 * max_cand of them, then adds the post: each post meets a bounded number of
 * bucket members, so a giant bucket (10 000 reposts of one ad) costs
 * O(n * max_cand), not O(n^2). That is enough for union-find connectivity:
 * the members already met are already joined.
 * Memory: 16 bytes x 2 slots + 4 bytes per post, reused across bands.
 */
#ifndef ATL_LSH_H
#define ATL_LSH_H

#include <stddef.h>
#include <stdint.h>

#define LSH_NONE UINT32_MAX

struct lsh_slot {
	uint64_t key;
	uint32_t head;		/* newest post with this key; LSH_NONE = empty */
	uint32_t count;		/* posts with this key (saturates) */
};

struct lsh_band {
	struct lsh_slot *slots;
	size_t n_slots;		/* power of two, >= 2 * max posts */
	uint32_t *next;		/* next[post]: previous post in its bucket */
	size_t max_posts;
	size_t max_bucket;	/* largest bucket seen since reset (stats) */
};

#define LSH_BAND_INIT { NULL, 0, NULL, 0, 0 }

/* Room for n_posts posts (indices 0..n_posts-1). 0 or ATL_ENOMEM. */
int lsh_band_init(struct lsh_band *t, size_t n_posts);
void lsh_band_release(struct lsh_band *t);
/* Forget all buckets (for the next band). */
void lsh_band_reset(struct lsh_band *t);

/* The key of band `band` (rows values starting at sig[band * rows]). */
uint64_t lsh_band_key(const uint32_t *sig, int band, int rows);

/* Write into cand up to max_cand posts already in key's bucket, newest
 * first, and return how many; then add post to the bucket. post must be
 * below the n_posts given to init and not yet added since the reset. */
size_t lsh_band_insert(struct lsh_band *t, uint64_t key, uint32_t post,
		       uint32_t *cand, size_t max_cand);

#endif
