/*
 * store: the case database (SQLite, WAL), the only module that includes
 * sqlite3.h. It keeps posts (one row per version: platform + source id +
 * text hash), their indicators, reasons, normalised text (FTS5), MinHash
 * signatures and packed linking indicators, the networks with stable ids
 * ("N12") and their merge history, watchlists and alerts, and the text read
 * from images (by content hash and OCR engine key).
 *
 * Lifecycle: store_open (creates or migrates), store_begin/store_commit
 * around writes (BEGIN IMMEDIATE: concurrent writers wait, up to
 * busy_timeout), store_close. Readers need no transaction (WAL snapshots).
 * One struct store is used from one thread at a time.
 *
 * Errors: ATL_EIO with the SQLite message in err; ATL_EINVAL for a database
 * this code cannot use (newer schema, other signature length).
 */
#ifndef ATL_STORE_H
#define ATL_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "detect/detect.h"
#include "extract/extract.h"
#include "io/record.h"
#include "link/link.h"
#include "text/normalize.h"

#define STORE_SCHEMA_VERSION 3
#define STORE_KIND_NETWORK 64	/* watch kinds beyond enum ind_kind */
#define STORE_KIND_AUTHOR 65

struct store;

int store_open(struct store **out, const char *path, struct atl_err *err);
/* Open at most at schema version `version` (tests: build an old database). */
int store_open_version(struct store **out, const char *path, int version,
		       struct atl_err *err);
void store_close(struct store *s);
int store_schema_version(struct store *s);

/* Run SQL statements (tests, maintenance); rows are discarded. */
int store_exec_sql(struct store *s, const char *sql, struct atl_err *err);
/* One integer from a query (tests: counts). */
int store_query_int(struct store *s, const char *sql, int64_t *out, struct atl_err *err);

int store_begin(struct store *s, struct atl_err *err);
int store_commit(struct store *s, struct atl_err *err);
void store_rollback(struct store *s);

/* meta: small key/value settings (signature length, network counter). */
int store_meta_get(struct store *s, const char *key, int64_t *val, struct atl_err *err);
int store_meta_set(struct store *s, const char *key, int64_t val, struct atl_err *err);

/* ---- ingest ---------------------------------------------------------------- */

int store_ingest_begin(struct store *s, const char *options, int64_t *id_out,
		       struct atl_err *err);
int store_ingest_end(struct store *s, int64_t id, int64_t posts_added,
		     struct atl_err *err);

struct store_post {		/* what one processed post contributes */
	const struct record *rec;
	const struct norm_text *nt;
	const struct indicator_list *ind;
	const struct detect_result *det;
	const uint32_t *sig;
	size_t n_sig;
	const char *line;	/* its posts.jsonl line, ending in
				 * "cluster":null} (no newline) */
	size_t line_len;
	/* a post that is an image (platform "image"): the image's content hash
	 * (16 bytes) stands for its text in the post's identity, so another
	 * image under a stored file name is a new version; NULL otherwise */
	const unsigned char *content_hash;
};

/* Insert a post unless (platform, source id, text) is already stored (text,
 * or content_hash when set).
 * *added = 1 when inserted; then alerts for watched indicators are queued
 * in the same transaction (see store_each_alert). Call inside
 * store_begin/store_commit. */
int store_put_post(struct store *s, int64_t ingest_id, const struct store_post *p,
		   int *added, struct atl_err *err);

/* ---- text read from images ------------------------------------------------- */

#define STORE_OCR_HASH_BYTES 16	/* XXH3-128 of the image bytes (OCR_HASH_BYTES) */

struct store_ocr {
	const unsigned char *hash;	/* STORE_OCR_HASH_BYTES */
	const char *engine;		/* ocr_ctx_key */
	const char *text;		/* UTF-8 */
	size_t len;
	double confidence;
	int width, height;
};

/* Keep one recognition (a complete, successful one); an (image, engine)
 * already kept is left as it is. Call inside store_begin/store_commit. */
int store_ocr_put(struct store *s, int64_t ingest_id, const struct store_ocr *o,
		  struct atl_err *err);
/* 1 after fn(ctx, row) (the row is borrowed during the call; fn's
 * negative return is passed on), or 0 when this image was never recognised
 * with this engine key. Needs no transaction (a WAL snapshot, ended before
 * returning). */
typedef int store_ocr_fn(void *ctx, const struct store_ocr *o);
int store_ocr_get(struct store *s, const unsigned char *hash, const char *engine,
		  store_ocr_fn *fn, void *ctx, struct atl_err *err);

/* ---- relinking --------------------------------------------------------------- */

/* Every stored post in insertion order, as the linker wants it; old_net is
 * its network number (12 for "N12") before this relink, or 0; is_pending is 1
 * for posts added since the last relink. Pointers are valid during the call. */
typedef int store_link_fn(void *ctx, int64_t rowid, uint32_t old_net, int is_pending,
			  const struct link_post *lp, struct atl_err *err);
int store_each_link_post(struct store *s, store_link_fn *fn, void *ctx, struct atl_err *err);

/* Text and normalised text of every post now in a network. */
typedef int store_text_fn(void *ctx, int64_t rowid, const char *text, size_t len,
			  const char *norm, size_t norm_len, struct atl_err *err);
int store_each_network_text(struct store *s, store_text_fn *fn, void *ctx, struct atl_err *err);

int store_set_network(struct store *s, int64_t rowid, uint32_t net, struct atl_err *err);
/* Posts not yet linked (added since the last relink). */
int store_count_pending(struct store *s, int64_t *n, struct atl_err *err);
/* Clear every pending mark (after a relink). */
int store_clear_pending(struct store *s, struct atl_err *err);
int store_add_merge(struct store *s, int64_t ingest_id, uint32_t from, uint32_t into,
		    const char *what, struct atl_err *err);
int store_clear_networks(struct store *s, struct atl_err *err);
int store_put_network(struct store *s, uint32_t net, int64_t ord, const char *json,
		      size_t len, struct atl_err *err);
/* Queue a network alert for post rowid when network net is watched. */
int store_check_network_watch(struct store *s, int64_t ingest_id, int64_t rowid,
			      uint32_t net, struct atl_err *err);

/* ---- queries ----------------------------------------------------------------- */

struct store_row {		/* one post; borrowed during the callback */
	int64_t rowid;
	const char *id, *platform, *author, *created_at, *text;
	uint32_t net;		/* 0 = none */
	double score;
	int flagged;
	const char *line;	/* posts.jsonl line ending "cluster":null} */
	size_t line_len;
};
typedef int store_row_fn(void *ctx, const struct store_row *r, struct atl_err *err);

enum store_query_kind { SQ_INDICATOR, SQ_TEXT, SQ_NETWORK, SQ_AUTHOR, SQ_ALL };

/* Posts matching: an indicator (ind_kind, canonical value), an FTS5 query
 * over normalised text, a network number (value "12"), an author, or all
 * (value ignored). In insertion order; at most limit rows (0 = all). */
int store_query(struct store *s, enum store_query_kind q, int ind_kind, const char *value,
		size_t limit, store_row_fn *fn, void *ctx, struct atl_err *err);

/* Stored networks.jsonl lines, most risky first. */
typedef int store_line_fn(void *ctx, const char *line, size_t len, struct atl_err *err);
int store_each_network(struct store *s, store_line_fn *fn, void *ctx, struct atl_err *err);

struct store_counts {
	int64_t posts, flagged, networks, flagged_networks, ingests, merges;
	int64_t indicators[IND__N];
};
int store_counts(struct store *s, struct store_counts *c, struct atl_err *err);

/* ---- watchlists and alerts ------------------------------------------------------ */

/* kind: enum ind_kind or STORE_KIND_*; value canonical. *changed = 1 when
 * the list changed. */
int store_watch_add(struct store *s, int kind, const char *value, const char *note,
		    int *changed, struct atl_err *err);
int store_watch_rm(struct store *s, int kind, const char *value, int *changed,
		   struct atl_err *err);
typedef int store_watch_fn(void *ctx, int kind, const char *value, const char *note,
			   struct atl_err *err);
int store_watch_each(struct store *s, store_watch_fn *fn, void *ctx, struct atl_err *err);

struct store_alert {
	int64_t id, ingest;
	int kind;		/* watched kind */
	const char *value;	/* watched value */
	const char *reason;	/* "indicator" or "network" */
	struct store_row post;
};
typedef int store_alert_fn(void *ctx, const struct store_alert *a, struct atl_err *err);
/* Alerts not yet delivered, oldest first; each is marked delivered after fn
 * returns 0 (at least once: a crash between the two repeats it). */
int store_deliver_alerts(struct store *s, store_alert_fn *fn, void *ctx, struct atl_err *err);

#endif
