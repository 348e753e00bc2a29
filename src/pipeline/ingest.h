/*
 * ingest: add inputs to a case database (src/store), then relink.
 *
 *   scan_run without outputs (same readers, normalisation, extraction,
 *   detection and signatures as scan) -> each batch stored in one
 *   transaction (INSERT OR IGNORE: re-ingesting adds nothing) -> one final
 *   transaction: a linker rebuilt from the stored signatures and packed
 *   indicators of every post (old posts are not reprocessed), stable network
 *   ids, merge history, networks.jsonl lines, network alerts.
 *
 * Killed at any point, the database stays consistent: posts of committed
 * batches stay "pending" until a relink commits, and the next ingest (even of
 * nothing new) relinks them.
 */
#ifndef ATL_INGEST_H
#define ATL_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "pipeline/scan.h"
#include "store/store.h"

struct ingest_opts {
	const char *db_path;
	struct scan_opts scan;		/* out_dir and on_batch are ignored */
	const char *alerts_path;	/* JSON Lines appended, or NULL */
	/* each alert as it is delivered (line: its JSON, no newline) */
	void (*on_alert)(void *ctx, const struct store_alert *a, const char *line);
	void *alert_ctx;
};

struct ingest_stats {
	struct scan_stats scan;
	uint64_t added, already;	/* posts new / already stored */
	uint64_t total_posts, networks, merges, alerts;
	int relinked;
	double t_store, t_relink_load, t_relink_finish, t_relink_write, t_total;
};

int ingest_run(const struct ingest_opts *o, char *const *inputs, size_t n_inputs,
	       struct ingest_stats *st, struct atl_err *err);
void ingest_stats_release(struct ingest_stats *st);

/* Relink every stored post (what ingest_run does after storing). */
int ingest_relink(struct store *s, const struct link_opts *lo, int64_t ingest_id,
		  struct ingest_stats *st, struct atl_err *err);

/* Stable network ids. old[i]: post i's network before (0 none); cl[i]: its
 * cluster now (1..n_cl, 0 none). Fills net_of_cl[1..n_cl]: a cluster keeps
 * the oldest (smallest) id among the old networks it holds most of the
 * posts of; one without gets *next_net++. Calls merge(ctx, from, into, what)
 * with what "merged" (from absorbed by into), "split" (some of from's posts
 * now in the new network into), "dissolved" (into = 0). */
typedef int ingest_merge_fn(void *ctx, uint32_t from, uint32_t into, const char *what);
int ingest_assign_networks(const uint32_t *old, const uint32_t *cl, size_t n, size_t n_cl,
			   uint32_t *next_net, uint32_t *net_of_cl,
			   ingest_merge_fn *merge, void *ctx);

#endif
