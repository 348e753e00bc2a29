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
 * Memory is proportional to posts x signature size plus distinct indicators,
 * not to text size.
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

struct link_opts {
	int n_hashes;		/* signature length; 0 = default */
	int bands;		/* LSH bands; 0 = default (rows = n_hashes / bands) */
	double jaccard;		/* verification threshold; 0 = default */
	double max_indicator_df;	/* an indicator in more than this fraction
					 * of posts (or the absolute cap below) does
					 * not link; 0 = default */
	size_t max_indicator_posts;	/* 0 = default */
	double network_threshold;	/* aggregated score that makes a network;
					 * < 0 = default (the detector threshold) */
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

struct linker;

int linker_new(struct linker **out, const struct link_opts *o, struct atl_err *err);
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

/* Second pass: the original and normalised text of a clustered post, for the
 * cluster's template and slots. Cheap to call for every post; the linker
 * keeps only what it needs (a bounded sample per cluster). */
int linker_add_text(struct linker *L, uint64_t idx, const char *text,
		    size_t len, const struct norm_text *nt, struct atl_err *err);

/* Write networks.jsonl (every cluster, most risky first; see link.c for the
 * fields). Returns 0, or ATL_EIO when writing fails. */
int linker_write_networks(struct linker *L, FILE *out, struct atl_err *err);

/* Counts for summary.json. */
size_t linker_n_clusters(const struct linker *L);
size_t linker_n_networks(const struct linker *L);

#endif
