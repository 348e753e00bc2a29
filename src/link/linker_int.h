/*
 * linker_int: what linker.c (linking) and netwrite.c (networks.jsonl)
 * share. Private to src/link; the API is link.h.
 */
#ifndef ATL_LINKER_INT_H
#define ATL_LINKER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "link/intern.h"
#include "link/link.h"
#include "link/minhash.h"
#include "link/spill.h"
#include "link/template.h"

#define NONE UINT32_MAX
#define MAX_IND_PER_POST 256
#define MAX_ID_BYTES 256
#define MAX_TIME_BYTES 64
#define MAX_SAMPLE_TEXT LINK_SAMPLE_TEXT
#define TOP_VALUES 50
#define TOP_SHARED 20
#define MAX_POSTS_LISTED 1000
#define MAX_PULLED_IN 50
#define JSON_LINE_MAX ((size_t)64 << 20)

/* First byte of an interned key: what the rest of it is. */
enum {
	K_PHONE = 'P', K_LINK = 'L', K_URL = 'U', K_HANDLE = 'H', K_EMAIL = 'E',
	K_PLACE = 'S', K_CURRENCY = 'C', K_ACCOUNT = 'A', K_PLATFORM = 'F',
};

enum edge_kind { E_TEXT, E_PHONE, E_LINK, E_URL, E_ACCOUNT, E__N };
extern const char *const link_edge_name[E__N];	/* "text", "phone", ... */

/* PF_CONTACT: the post carries a contact (is_contact), glue or not */
enum { PF_FLAGGED = 1, PF_SHORT = 2, PF_SAMPLED = 4, PF_SCORED = 8, PF_CONTACT = 16 };

struct pind {
	uint32_t id;		/* interned key */
	float amount;		/* prices: the amount; else 0 */
};

struct edge {
	uint32_t a, b;		/* posts */
	uint32_t what;		/* intern id, or agreeing signature values */
	uint8_t kind;		/* enum edge_kind */
};

struct cluster {
	uint32_t first;		/* first post */
	uint32_t size;
	uint32_t n_flagged, n_scored;
	double score_sum;
	double score;		/* aggregated; see the top comment */
	int flagged;
	uint32_t edges[E__N];
	char label[16];
	uint32_t n_sample;
	uint64_t last_sample;	/* offset of its newest sample in L->samples */
	uint32_t seen;		/* posts seen so far while sampling */
};

/* What netwrite needs of a post and linking does not: kept on disk, one
 * record a post (linker_meta reads it back). */
struct pmeta {
	float score;		/* -1 when none */
	uint32_t platform;	/* intern id or NONE */
	const char *created;	/* NULL when none; else into created_buf */
	char id[MAX_ID_BYTES + 1];
	char created_buf[MAX_TIME_BYTES + 1];
};

/* The block of the meta file last read (posts are mostly read in input
 * order, so most records come from it). */
struct meta_cache {
	char *blk;
	uint64_t off;		/* file offset of blk[0] */
	size_t len;		/* bytes in blk */
};
#define META_CACHE_INIT { NULL, 0, 0 }
#define META_BLOCK_POSTS 65536	/* posts per meta_base entry */

struct linker {
	struct link_opts o;
	struct link_tuning t;
	struct minhash_cfg mh;
	int rows;

	/* per post */
	size_t n, cap, n_short;
	struct spill sigs;	/* n_hashes uint32 per post, in post order */
	struct spill *bkeys;	/* per band: the band's uint64 key per post */
	int broken;		/* a write to them failed */
	uint8_t *flags;
	uint32_t *account;
	struct spill meta;	/* struct pmeta records, variable length */
	uint64_t *meta_base;	/* offset of every META_BLOCK_POSTS-th record */
	uint32_t *meta_rel;	/* offset of each record from its block's */
	uint32_t *ind_off;	/* n + 1 offsets into ind */
	struct pind *ind;
	size_t n_ind, cap_ind;

	struct intern keys;

	char *kind;		/* during linker_finish: key_kind of each id */

	/* after finish */
	int finished;
	uint8_t *glue;		/* per intern id */
	struct spill edges;	/* struct edge records: the spanning forest */
	size_t n_edges;
	char *tmp_dir;		/* link_opts.tmp_dir, copied */
	uint32_t *cluster_of;	/* per post: cluster index or NONE */
	struct cluster *cl;
	size_t n_cl, n_net;
	struct spill samples;	/* sample records (linker_add_text), each
				 * after the one before it of its cluster */
	struct link_stats st;
};

static inline char key_kind(const struct linker *L, uint32_t id)
{
	return intern_str(&L->keys, id)[0];
}

/* Contacts: what the veto compares. */
static inline int is_contact(char k)
{
	return k == K_PHONE || k == K_LINK;
}

/* Values that link posts. */
static inline int links(char k)
{
	return k == K_PHONE || k == K_LINK || k == K_URL;
}

static inline int edge_of_key(char k)
{
	return k == K_PHONE ? E_PHONE : k == K_LINK ? E_LINK : k == K_URL ? E_URL : E_ACCOUNT;
}

int link_cmp_u64(const void *a, const void *b);	/* for qsort */

/* Post p's record (after linker_finish; thread-safe with one cache per
 * thread). 0, ATL_EIO, ATL_ENOMEM. */
int linker_meta(const struct linker *L, struct meta_cache *mc, uint32_t p, struct pmeta *out);
void meta_cache_release(struct meta_cache *mc);

/* Edge i of the spanning forest (after linker_finish). 0 or ATL_EIO. */
int linker_edge_at(const struct linker *L, size_t i, struct edge *out);

/* The n_sample samples of C, in input order, allocated in a. 0, ATL_EIO,
 * ATL_ENOMEM. */
int linker_samples(const struct linker *L, const struct cluster *C, struct arena *a,
		   struct tmpl_post **out);

#endif
