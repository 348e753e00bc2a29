/*
 * lsh: candidate pairs for near-duplicate signatures by banding.
 *
 * The k-value signature is cut into b bands of r = k / b rows; two posts
 * are candidates when some band is identical. For true Jaccard J that
 * happens with probability 1 - (1 - J^r)^b, an S-curve whose midpoint is
 * about (1/b)^(1/r) (Leskovec, Rajaraman, Ullman, "Mining of Massive
 * Datasets", ch. 3.4).
 *
 * The linker processes one band at a time and only needs, for each post,
 * the previous post (in input order) with the same band key: prev[post].
 * The bucket's members, newest first, are then prev[i], prev[prev[i]], ...,
 * and the linker compares each post with at most max_bucket_probe of them,
 * so a giant bucket (10 000 reposts of one ad) costs O(n * probe), not
 * O(n^2). That is enough for union-find connectivity: the members already
 * met are already joined.
 *
 * lsh_table maps a band key to the newest post seen with it (open
 * addressing, kept at most half full, grown on demand). The linker bounds
 * its size by feeding it one partition of the keys at a time (a key's
 * partition is fixed by its high bits), so the table holds a bounded
 * number of keys whatever the number of posts; prev[] is 4 bytes a post.
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

struct lsh_table {
	struct lsh_slot *slots;
	size_t n_slots;		/* power of two */
	size_t n_used;
	size_t max_bucket;	/* largest bucket seen since reset (stats) */
};

#define LSH_TABLE_INIT { NULL, 0, 0, 0 }

/* Room for about expect keys before it grows. 0 or ATL_ENOMEM. */
int lsh_table_init(struct lsh_table *t, size_t expect);
void lsh_table_release(struct lsh_table *t);
/* Forget all keys (the next partition or band). */
void lsh_table_reset(struct lsh_table *t);

/* The key of band `band` (rows values starting at sig[band * rows]). */
uint64_t lsh_band_key(const uint32_t *sig, int band, int rows);

/* Which of n_parts partitions key belongs to (from bits the table's slot
 * choice does not use much). */
static inline uint32_t lsh_part_of(uint64_t key, uint32_t n_parts)
{
	return (uint32_t)(((key >> 32) * (uint64_t)n_parts) >> 32);
}

/* The slot where the search for key starts (of n_slots, a power of two). */
static inline size_t lsh_slot_of(uint64_t key, size_t n_slots)
{
	return (size_t)(key ^ key >> 29) & (n_slots - 1);
}

/* Start loading key's slot into the cache, ahead of lsh_table_put. */
static inline void lsh_table_prefetch(const struct lsh_table *t, uint64_t key)
{
	__builtin_prefetch(&t->slots[lsh_slot_of(key, t->n_slots)], 1);
}

/* Make post the newest member of key's bucket; *prev_out gets the member
 * before it (LSH_NONE for the first). 0 or ATL_ENOMEM. */
int lsh_table_put(struct lsh_table *t, uint64_t key, uint32_t post, uint32_t *prev_out);

#endif
