/*
 * link: group posts into clusters and networks.
 *
 * Two kinds of edges: near-duplicate text (MinHash signatures over shingles
 * of the normalised text, LSH banding for candidates, verified by estimated
 * Jaccard) and shared indicators (phone, messaging link, specific URL,
 * account), where values too common to mean anything are ignored (decided
 * from their frequency in the data). Union-find over both gives clusters;
 * a cluster is a network when its aggregated detector score says so.
 *
 * Use, as the scan pipeline does:
 *   worker threads:  link_sign(cfg, nt, sig)          (pure, thread-safe)
 *   in input order:  linker_add(L, &post)              (copies what it needs)
 *   once at the end: linker_finish(L)                  (clusters, networks)
 *   then:            linker_cluster_of(L, idx)         -> cluster label or NULL
 *   second pass:     linker_add_text(L, idx, text...)  (only clustered posts;
 *                                                       for templates/slots)
 *   finally:         linker_write_networks(L, out)     (networks.jsonl lines)
 * Signatures, band keys, ids and dates, edges and template samples go to
 * unlinked temporary files (link_opts tmp_dir), read back with pread, so
 * memory is about 30 bytes per post plus indicators and distinct values,
 * not posts x signature size, and never depends on text size (the budget
 * is at the top of linker.c).
 */
#ifndef ATL_LINK_H
#define ATL_LINK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "extract/extract.h"
#include "text/normalize.h"

#define LINK_SIG_MAX 128	/* upper bound on signature length (uint32 each) */
#define LINK_SAMPLE_MAX 32	/* default posts sampled per cluster (sample_max) */
#define LINK_SAMPLE_TEXT 4096	/* bytes kept of a sampled text (UTF-8 safe cut) */

/* The template sample: sample_max (S) posts of a cluster of s, evenly
 * spaced in input order; the r-th (from 0) is taken when floor(r S / s)
 * steps. pipeline/redact_dir.c takes the same posts with this. */
static inline int link_sample_takes(uint64_t r, uint64_t s, uint64_t S)
{
	return s <= S || r == 0 || (r * S) / s != ((r - 1) * S) / s;
}

struct link_opts {
	int n_hashes;		/* signature length; 0 = default */
	int bands;		/* LSH bands; 0 = default (rows = n_hashes / bands) */
	double jaccard;		/* verification threshold; 0 = default */
	double max_indicator_df;	/* an indicator (or account) in more than
					 * this fraction of posts AND in more than
					 * max_indicator_posts posts does not link:
					 * the hard cap on top of the data-driven
					 * glue rule in linker.c; 0 = default 0.01 */
	size_t max_indicator_posts;	/* 0 = default 500 */
	double network_threshold;	/* aggregated score that makes a network;
					 * <= 0 = default 0.5 (pass the detector's
					 * threshold) */
	const char *tmp_dir;	/* where the linker's temporary files go
				 * (created and unlinked at once, see
				 * spill.h); NULL: $TMPDIR, else /tmp */
	int threads;		/* threads linker_finish compares texts on
				 * (0 or 1: the caller's only); never
				 * changes the result */
};

struct link_post {
	const char *id;			/* post id (copied) */
	const char *author;		/* may be NULL */
	const char *platform;		/* may be NULL */
	const char *created_at;		/* RFC 3339 or as given; may be NULL */
	const uint32_t *sig;		/* from link_sign; n_hashes values */
	const struct indicator *ind;	/* this post's indicators */
	size_t n_ind;
	double score;			/* detector score, or -1 when none */
	int flagged;
};

/* Knobs below the options, for tuning and evaluation (link_tuning_default
 * gives the values chosen by measurement; see linker.c). */
struct link_tuning {
	int shingle;		/* enum minhash_shingle: 0 word 3-grams,
				 * 1 character 5-grams */
	int min_tokens;		/* shorter texts do not link by text */
	int contact_veto;	/* 0: none; 1: no text edge between two posts
				 * that both carry contacts (phones, messaging
				 * links) and share none; 2 (default): also
				 * text never joins two groups that both carry
				 * contacts; 3: 2, and a post whose text group
				 * touches several contact groups stays out */
	double jaccard_attach;	/* estimated Jaccard a text edge needs to join
				 * a group without contacts to one with
				 * contacts (at least link_opts.jaccard) */
	int max_bucket_probe;	/* LSH bucket members a post is compared to */
	int glue_min_sources;	/* a value seen in at least this many text
				 * groups and as many accounts ... */
	double glue_source_frac;	/* ... each at least this fraction of its
					 * posts, is glue */
	int account_max_groups;	/* an account whose posts with contacts
				 * fall into more groups (after shared values)
				 * is a display name shared by
				 * unrelated people, not one account (a
				 * safety net for exports that give
				 * display names) */
	int account_min_support;	/* distinct accounts needed to join two
					 * groups that both carry contacts (1: an
					 * account, author@platform, is an
					 * identity) */
	int sample_max;		/* posts sampled per cluster for templates */
	/* memory bounds; they change the memory and time, never the result */
	int lsh_table_keys;	/* band keys the LSH table holds at once */
	int sig_window;		/* recent signatures kept in memory while
				 * comparing texts (rounded up to 32) */
	int sig_pread;		/* 1: copy that window in with pread (what the
				 * linker does where mmap fails); 0: map it */
	int fp_posts;		/* the first this many posts keep a fingerprint
				 * of their signature (k / 2 bytes each) while
				 * texts are compared: a candidate among them
				 * that can not agree is rejected without
				 * reading its signature back. 0: none; -1
				 * (default): every post's when there are at
				 * most 1,048,576 (32 MiB), else none. On 1M
				 * posts they take about 15% off
				 * linker_finish */
};

void link_tuning_default(struct link_tuning *t);

struct linker;

int linker_new(struct linker **out, const struct link_opts *o, struct atl_err *err);
/* linker_new with tuning knobs (t may be NULL for the defaults). */
int linker_new_tuned(struct linker **out, const struct link_opts *o,
		     const struct link_tuning *t, struct atl_err *err);
void linker_free(struct linker *L);
int link_n_hashes(const struct linker *L);

/* Signature of a post's normalised text into sig (link_n_hashes values).
 * Thread-safe; uses only the read-only linker configuration. */
void link_sign(const struct linker *L, const struct norm_text *nt, uint32_t *sig);

/* Add the next post (posts are numbered 0, 1, ... in call order). */
int linker_add(struct linker *L, const struct link_post *p, struct atl_err *err);

/* Compute clusters and networks. */
int linker_finish(struct linker *L, struct atl_err *err);

/* Cluster label ("C12") of post idx, or NULL when it is in no cluster of two
 * or more. Borrowed from the linker. */
const char *linker_cluster_of(const struct linker *L, uint64_t idx);

/* Whether linker_add_text would keep anything of post idx (it is in the
 * cluster's sample and the sample is not full): lets the second pass skip
 * unescaping and normalising the texts it would drop. */
int linker_wants_text(const struct linker *L, uint64_t idx);

/* Second pass: the original and normalised text of a clustered post, for the
 * cluster's template and slots. Cheap to call for every post; the linker
 * keeps only what it needs (a bounded sample per cluster, spread evenly over
 * the cluster's posts in input order). Not thread-safe: call from one
 * thread. */
int linker_add_text(struct linker *L, uint64_t idx, const char *text,
		    size_t len, const struct norm_text *nt, struct atl_err *err);

/* Write networks.jsonl (every cluster, most risky first; see linker.c for
 * the fields). Returns 0, or ATL_EIO when writing fails, ATL_ENOMEM. */
int linker_write_networks(struct linker *L, FILE *out, struct atl_err *err);

/* Counts for summary.json. */
size_t linker_n_clusters(const struct linker *L);
size_t linker_n_networks(const struct linker *L);

/* The edges that built the clusters (a spanning forest: each joined two
 * groups), in the order they were found, for graph exports. */
enum link_edge_kind {
	LINK_EDGE_TEXT, LINK_EDGE_PHONE, LINK_EDGE_LINK, LINK_EDGE_URL,
	LINK_EDGE_ACCOUNT
};
struct link_edge {
	uint64_t a, b;		/* post indices */
	enum link_edge_kind kind;
	double jaccard;		/* text: estimated Jaccard; else 0 */
	const char *value;	/* shared value ("author@platform" shows as
				 * "author\x1fplatform"); NULL for text.
				 * Borrowed from the linker. */
};
size_t linker_n_edges(const struct linker *L);
/* 0, or ATL_EIO when the edges' temporary file cannot be read. */
int linker_edge(const struct linker *L, size_t i, struct link_edge *out);
const char *link_edge_kind_name(enum link_edge_kind k);	/* "text", ... */

/* Statistics of the last linker_finish, for --verbose and benchmarks. */
struct link_stats {
	size_t n_posts, n_short;	/* posts; posts too short to link by text */
	size_t text_checks;		/* signature comparisons made */
	size_t edges[5];		/* unions by kind: text, phone, link, url,
					 * account */
	size_t glue_values, glue_accounts;	/* values and accounts ignored */
	size_t max_bucket;		/* largest LSH bucket */
	size_t mem_bytes;		/* bytes held for the posts (estimate) */
};
void linker_stats(const struct linker *L, struct link_stats *out);

#endif
