/*
 * store: the case database on SQLite.
 *
 * Design (decided here; see also src/pipeline/ingest.c):
 *
 * - One row per post version in `post`. Identity is (platform, source id);
 *   a post whose text changed is a new row (version n+1), and the unique key
 *   (platform, source_id, text_hash) with INSERT OR IGNORE makes re-ingesting
 *   the same input add nothing. text_hash is XXH3-64 of the original text
 *   (of the image's content hash for a post that is an image, whose text is
 *   empty: another picture under a stored file name is a new version).
 * - The row keeps what the rest of the tool needs without reprocessing: the
 *   posts.jsonl line as scan renders it (ending "cluster":null}), the
 *   original and the normalised text (FTS5 external-content index over
 *   `norm`), detector score/flag/tactics, the MinHash signature (uint32
 *   little-endian blob) and a packed copy of the indicators the linker reads
 *   (kind byte, value, amount, currency, each NUL-terminated), so a relink is
 *   one sequential scan of `post`. Indicators also go to `indicator`
 *   (indexed on (kind, value)) for queries and watch matching; reasons to
 *   `reason`.
 * - Networks: post.network holds a stable number (shown "N12"); `network`
 *   holds the networks.jsonl line of each, rewritten on every relink;
 *   `merge` records networks merged into an older one (or dissolved).
 * - Watchlists: `watch` (kind, value); matches become `alert` rows in the
 *   same transaction as the post, delivered (printed, appended to a file)
 *   after commit and then marked, so a crash never loses one (it may repeat
 *   one).
 * - Durability: WAL, synchronous=NORMAL (a power loss may lose the last
 *   committed batch, never corrupt), BEGIN IMMEDIATE with a 10 min
 *   busy_timeout so concurrent writers serialise instead of failing.
 * - Text read from images: `ocr`, one row per (image content hash, OCR
 *   engine key), written in the transaction of the batch that recognised
 *   it (INSERT OR IGNORE: two ingests reading the same image at once keep
 *   the first), read by the workers of later ingests (src/pipeline/ingest.c)
 *   through a connection of their own.
 * - Schema versions in PRAGMA user_version; migrations[i] takes version i
 *   to i+1 and is never edited once released (v1 is the first schema).
 */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "core/banned.h"

#define BUSY_TIMEOUT_MS 600000	/* a relink of millions of posts holds the lock for minutes */
#define PACK_MAX (64u << 10)		/* packed indicators per post */
#define LINK_IND_MAX 1024		/* indicators per post handed to the linker */
#define OPEN_RETRIES 100		/* opens that met SQLITE_BUSY at once (~10 s) */

static const char *const migrations[] = {
	/* 0 -> 1: the first schema */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"CREATE TABLE ingest(id INTEGER PRIMARY KEY, started_at TEXT NOT NULL,"
	" finished_at TEXT, options TEXT, posts_added INTEGER);"
	"CREATE TABLE post(id INTEGER PRIMARY KEY, platform TEXT NOT NULL,"
	" source_id TEXT NOT NULL, text_hash INTEGER NOT NULL, version INTEGER NOT NULL,"
	" ingest INTEGER NOT NULL, author TEXT, created_at TEXT, lang TEXT,"
	" score REAL NOT NULL, flagged INTEGER NOT NULL, tactics INTEGER NOT NULL,"
	" text TEXT NOT NULL, norm TEXT NOT NULL, line TEXT NOT NULL,"
	" sig BLOB NOT NULL, link BLOB NOT NULL, network INTEGER,"
	" UNIQUE(platform, source_id, text_hash));"
	"CREATE INDEX post_network ON post(network) WHERE network IS NOT NULL;"
	"CREATE INDEX post_author ON post(author);"
	"CREATE TABLE indicator(post INTEGER NOT NULL, kind INTEGER NOT NULL,"
	" value TEXT NOT NULL, start INTEGER, end INTEGER, extra TEXT);"
	"CREATE INDEX indicator_kv ON indicator(kind, value);"
	"CREATE TABLE reason(post INTEGER NOT NULL, tactic TEXT NOT NULL,"
	" start INTEGER, end INTEGER);"
	"CREATE VIRTUAL TABLE post_fts USING fts5(norm, content='post', content_rowid='id',"
	" tokenize='unicode61 remove_diacritics 2');"
	"CREATE TABLE network(id INTEGER PRIMARY KEY, ord INTEGER NOT NULL, json TEXT NOT NULL);",
	/* 1 -> 2: watchlists, alerts, merge history, pending marks (posts of
	 * a v1 database were all linked, hence the default 0) */
	"CREATE TABLE watch(kind INTEGER NOT NULL, value TEXT NOT NULL, note TEXT,"
	" added_at TEXT NOT NULL, PRIMARY KEY(kind, value));"
	"CREATE TABLE alert(id INTEGER PRIMARY KEY, ingest INTEGER NOT NULL,"
	" post INTEGER NOT NULL, kind INTEGER NOT NULL, value TEXT NOT NULL,"
	" reason TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(post, kind, value));"
	"CREATE INDEX alert_pending ON alert(id) WHERE delivered = 0;"
	"CREATE TABLE merge(id INTEGER PRIMARY KEY, ingest INTEGER NOT NULL,"
	" from_net INTEGER NOT NULL, into_net INTEGER, what TEXT NOT NULL);"
	"ALTER TABLE post ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX post_pending ON post(id) WHERE pending = 1;",
	/* 2 -> 3: the text read from images, by the image's content (XXH3-128,
	 * 16 bytes) and what makes a recognition reusable (ocr_ctx_key), so an
	 * image is recognised once ever, whatever its name */
	"CREATE TABLE ocr(hash BLOB NOT NULL, engine TEXT NOT NULL, text TEXT NOT NULL,"
	" confidence REAL NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,"
	" ingest INTEGER, PRIMARY KEY(hash, engine)) WITHOUT ROWID;",
};

enum stmt_id {
	Q_META_GET, Q_META_SET, Q_VERSIONS, Q_POST_INS, Q_FTS_INS, Q_IND_INS,
	Q_REASON_INS, Q_WATCH_MATCH, Q_ALERT_INS, Q_LINK_ALL, Q_NET_TEXT,
	Q_SET_NET, Q_MERGE_INS, Q_NET_INS, Q_NET_ALL, Q_WATCH_ADD, Q_WATCH_RM,
	Q_WATCH_ALL, Q_ALERTS, Q_ALERT_DONE, Q_INGEST_INS, Q_INGEST_END,
	Q_OCR_GET, Q_OCR_PUT,
	Q__N
};

#define POST_COLS "p.id, p.source_id, p.platform, p.author, p.created_at, p.text," \
		  " p.network, p.score, p.flagged, p.line"

static const char *const stmt_sql[Q__N] = {
	[Q_META_GET] = "SELECT value FROM meta WHERE key = ?1",
	[Q_META_SET] = "INSERT INTO meta(key, value) VALUES(?1, ?2)"
		       " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[Q_VERSIONS] = "SELECT count(*) FROM post WHERE platform = ?1 AND source_id = ?2",
	[Q_POST_INS] = "INSERT OR IGNORE INTO post(platform, source_id, text_hash, version,"
		       " ingest, author, created_at, lang, score, flagged, tactics, text, norm,"
		       " line, sig, link, pending) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		       " ?10, ?11, ?12, ?13, ?14, ?15, ?16, 1)",
	[Q_FTS_INS] = "INSERT INTO post_fts(rowid, norm) VALUES(?1, ?2)",
	[Q_IND_INS] = "INSERT INTO indicator(post, kind, value, start, end, extra)"
		      " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_REASON_INS] = "INSERT INTO reason(post, tactic, start, end) VALUES(?1, ?2, ?3, ?4)",
	[Q_WATCH_MATCH] = "SELECT 1 FROM watch WHERE kind = ?1 AND value = ?2",
	[Q_ALERT_INS] = "INSERT OR IGNORE INTO alert(ingest, post, kind, value, reason)"
			" VALUES(?1, ?2, ?3, ?4, ?5)",
	[Q_LINK_ALL] = "SELECT id, source_id, author, platform, created_at, sig, link, score,"
		       " flagged, network, pending FROM post ORDER BY id",
	[Q_NET_TEXT] = "SELECT id, text, norm FROM post WHERE network IS NOT NULL ORDER BY id",
	[Q_SET_NET] = "UPDATE post SET network = ?2 WHERE id = ?1",
	[Q_MERGE_INS] = "INSERT INTO merge(ingest, from_net, into_net, what) VALUES(?1, ?2, ?3, ?4)",
	[Q_NET_INS] = "INSERT INTO network(id, ord, json) VALUES(?1, ?2, ?3)",
	[Q_NET_ALL] = "SELECT json FROM network ORDER BY ord",
	[Q_WATCH_ADD] = "INSERT OR IGNORE INTO watch(kind, value, note, added_at)"
			" VALUES(?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
	[Q_WATCH_RM] = "DELETE FROM watch WHERE kind = ?1 AND value = ?2",
	[Q_WATCH_ALL] = "SELECT kind, value, note FROM watch ORDER BY kind, value",
	[Q_ALERTS] = "SELECT a.id, a.ingest, a.kind, a.value, a.reason, " POST_COLS
		     " FROM alert a JOIN post p ON p.id = a.post WHERE a.delivered = 0"
		     " ORDER BY a.id",
	[Q_ALERT_DONE] = "UPDATE alert SET delivered = 1 WHERE id = ?1",
	[Q_INGEST_INS] = "INSERT INTO ingest(started_at, options)"
			 " VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1)",
	[Q_INGEST_END] = "UPDATE ingest SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
			 " posts_added = coalesce(posts_added, 0) + ?2 WHERE id = ?1",
	[Q_OCR_GET] = "SELECT text, confidence, width, height FROM ocr WHERE hash = ?1 AND engine = ?2",
	[Q_OCR_PUT] = "INSERT OR IGNORE INTO ocr(hash, engine, text, confidence, width, height, ingest)"
		      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};

struct store {
	sqlite3 *db;
	sqlite3_stmt *st[Q__N];
	int version;
	unsigned char *pack;		/* scratch for packed indicators */
	struct indicator *ind;		/* scratch for unpacked ones */
};

static int db_err(struct store *s, struct atl_err *err, const char *what)
{
	return atl_err_set(err, ATL_EIO, "database: %s: %s", what, sqlite3_errmsg(s->db));
}

static sqlite3_stmt *stmt(struct store *s, enum stmt_id id, struct atl_err *err)
{
	if (!s->st[id] && sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					     &s->st[id], NULL) != SQLITE_OK) {
		db_err(s, err, "prepare");
		return NULL;
	}
	sqlite3_reset(s->st[id]);
	sqlite3_clear_bindings(s->st[id]);
	return s->st[id];
}

/* Step a statement that returns no rows. */
static int run(struct store *s, sqlite3_stmt *q, struct atl_err *err)
{
	int rc = sqlite3_step(q);

	sqlite3_reset(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_err(s, err, "write");
	return 0;
}

/* After a loop over rows: rc < 0 from the callback, else SQLite's code. */
static int step_end(struct store *s, sqlite3_stmt *q, int rc, struct atl_err *err,
		    const char *what)
{
	sqlite3_reset(q);
	if (rc < 0)
		return rc;
	return rc == SQLITE_DONE ? 0 : db_err(s, err, what);
}

static int exec(struct store *s, const char *sql, struct atl_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		atl_err_set(err, ATL_EIO, "database: %s", msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return ATL_EIO;
	}
	return 0;
}

static void bind_text(sqlite3_stmt *q, int i, const char *p, size_t n)
{
	if (p)
		sqlite3_bind_text(q, i, p, (int)n, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, i);
}

static const char *col_text(sqlite3_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(q, i);
}

/* ---- open, migrate, close --------------------------------------------------- */

static int migrate(struct store *s, int target, struct atl_err *err)
{
	sqlite3_stmt *q;
	int v, rc;

	rc = exec(s, "BEGIN IMMEDIATE", err);
	if (rc < 0)
		return rc;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK) {
		rc = db_err(s, err, "user_version");
		goto fail;
	}
	v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	if (v < 0 || v > STORE_SCHEMA_VERSION) {
		rc = atl_err_set(err, ATL_EINVAL, "database schema version %d is newer than this "
				 "atalaya understands (%d)", v, STORE_SCHEMA_VERSION);
		goto fail;
	}
	for (; v < target; v++) {
		char sql[64];
		rc = exec(s, migrations[v], err);
		if (rc < 0)
			goto fail;
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		rc = exec(s, sql, err);
		if (rc < 0)
			goto fail;
	}
	s->version = v;
	return exec(s, "COMMIT", err);
fail:
	exec(s, "ROLLBACK", &(struct atl_err)ATL_ERR_INIT);
	return rc;
}

static int open_once(struct store **out, const char *path, int version, int *busy,
		     struct atl_err *err)
{
	struct store *s = calloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	*busy = 0;
	if (!s)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	s->pack = malloc(PACK_MAX);
	s->ind = malloc(LINK_IND_MAX * sizeof(*s->ind));
	if (!s->pack || !s->ind) {
		store_close(s);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rc = atl_err_set(err, ATL_EIO, "cannot open database '%s': %s", path,
				 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return rc;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	rc = exec(s, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
		     " PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;", err);
	if (rc == 0)
		rc = migrate(s, version, err);
	if (rc < 0) {
		*busy = (sqlite3_extended_errcode(s->db) & 0xff) == SQLITE_BUSY;
		store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}

/* Two processes creating the same database at once: while one switches a
 * new file to WAL, the other's locks can fail at once with SQLITE_BUSY
 * (SQLite does not wait where waiting could deadlock), which the busy
 * timeout does not cover. Such an open is retried from the start. */
int store_open_version(struct store **out, const char *path, int version,
		       struct atl_err *err)
{
	int rc, busy;

	for (int tries = 0;; tries++) {
		rc = open_once(out, path, version, &busy, err);
		if (rc == 0 || !busy || tries == OPEN_RETRIES)
			return rc;
		atl_err_clear(err);
		sqlite3_sleep(20 + 10 * tries);
	}
}

int store_open(struct store **out, const char *path, struct atl_err *err)
{
	return store_open_version(out, path, STORE_SCHEMA_VERSION, err);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < Q__N; i++)
		sqlite3_finalize(s->st[i]);
	sqlite3_close(s->db);
	free(s->pack);
	free(s->ind);
	free(s);
}

int store_schema_version(struct store *s)
{
	return s->version;
}

int store_exec_sql(struct store *s, const char *sql, struct atl_err *err)
{
	return exec(s, sql, err);
}

static int count(struct store *s, const char *sql, int bind, int64_t *out, struct atl_err *err);

int store_query_int(struct store *s, const char *sql, int64_t *out, struct atl_err *err)
{
	return count(s, sql, -1, out, err);
}

int store_begin(struct store *s, struct atl_err *err)
{
	return exec(s, "BEGIN IMMEDIATE", err);
}

int store_commit(struct store *s, struct atl_err *err)
{
	return exec(s, "COMMIT", err);
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_meta_get(struct store *s, const char *key, int64_t *val, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_META_GET, err);
	int rc;

	if (!q)
		return ATL_EIO;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		*val = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_err(s, err, "meta");
	return rc == SQLITE_ROW ? 1 : 0;
}

int store_meta_set(struct store *s, const char *key, int64_t val, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_META_SET, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, val);
	return run(s, q, err);
}

/* ---- ingest ------------------------------------------------------------------ */

int store_ingest_begin(struct store *s, const char *options, int64_t *id_out,
		       struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_INGEST_INS, err);
	int rc;

	if (!q)
		return ATL_EIO;
	bind_text(q, 1, options, options ? strlen(options) : 0);
	rc = run(s, q, err);
	*id_out = sqlite3_last_insert_rowid(s->db);
	return rc;
}

int store_ingest_end(struct store *s, int64_t id, int64_t posts_added, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_INGEST_END, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int64(q, 2, posts_added);
	return run(s, q, err);
}

static size_t pack_str(unsigned char *dst, size_t o, const char *v)
{
	size_t n = v ? strlen(v) : 0;

	if (o + n + 1 > PACK_MAX)
		return SIZE_MAX;
	if (n)
		memcpy(dst + o, v, n);
	dst[o + n] = '\0';
	return o + n + 1;
}

/* The linker's view of the indicators: kind, value, amount, currency. */
static size_t pack_indicators(unsigned char *dst, const struct indicator_list *l)
{
	size_t o = 0;

	for (size_t i = 0; i < l->n && i < LINK_IND_MAX; i++) {
		const struct indicator *x = &l->v[i];
		size_t o2;
		if (o + 1 > PACK_MAX)
			break;
		dst[o] = (unsigned char)x->kind;
		o2 = pack_str(dst, o + 1, x->value);
		if (o2 != SIZE_MAX)
			o2 = pack_str(dst, o2, x->amount);
		if (o2 != SIZE_MAX)
			o2 = pack_str(dst, o2, x->currency);
		if (o2 == SIZE_MAX)
			break;		/* keep whole indicators only */
		o = o2;
	}
	return o;
}

static const char *unpack_str(const unsigned char **p, const unsigned char *end)
{
	const unsigned char *z = memchr(*p, '\0', (size_t)(end - *p));
	const char *v = (const char *)*p;

	if (!z)
		return NULL;
	*p = z + 1;
	return v;
}

static size_t unpack_indicators(struct indicator *v, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n;
	size_t k = 0;

	while (p < end && k < LINK_IND_MAX) {
		struct indicator *x = &v[k];
		memset(x, 0, sizeof(*x));
		if (*p >= IND__N)
			break;
		x->kind = (enum ind_kind)*p++;
		if (p >= end || !(x->value = unpack_str(&p, end)) ||
		    p >= end || !(x->amount = unpack_str(&p, end)) ||
		    p >= end || !(x->currency = unpack_str(&p, end)))
			break;
		if (!x->amount[0])
			x->amount = NULL;
		if (!x->currency[0])
			x->currency = NULL;
		k++;
	}
	return k;
}

static int queue_alert(struct store *s, int64_t ingest, int64_t post, int kind,
		       const char *value, const char *reason, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_ALERT_INS, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int64(q, 1, ingest);
	sqlite3_bind_int64(q, 2, post);
	sqlite3_bind_int(q, 3, kind);
	sqlite3_bind_text(q, 4, value, -1, SQLITE_STATIC);
	sqlite3_bind_text(q, 5, reason, -1, SQLITE_STATIC);
	return run(s, q, err);
}

static int is_watched(struct store *s, int kind, const char *value, size_t len,
		      struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_WATCH_MATCH, err);
	int rc;

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int(q, 1, kind);
	sqlite3_bind_text(q, 2, value, (int)len, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_err(s, err, "watch");
	return rc == SQLITE_ROW;
}

static int put_details(struct store *s, int64_t ingest, int64_t row, const struct store_post *p,
		       struct atl_err *err)
{
	const struct record *r = p->rec;
	sqlite3_stmt *q;
	int rc;

	q = stmt(s, Q_FTS_INS, err);
	if (!q)
		return ATL_EIO;
	sqlite3_bind_int64(q, 1, row);
	sqlite3_bind_text(q, 2, p->nt->s, (int)p->nt->len, SQLITE_STATIC);
	if ((rc = run(s, q, err)) < 0)
		return rc;
	for (size_t i = 0; i < p->ind->n; i++) {
		const struct indicator *x = &p->ind->v[i];
		const char *extra = x->kind == IND_PRICE ? x->currency :
				    x->kind == IND_LINK ? x->link_kind : x->region;
		const char *val = x->kind == IND_PRICE ? x->amount : x->value;
		if (!val)
			continue;
		q = stmt(s, Q_IND_INS, err);
		if (!q)
			return ATL_EIO;
		sqlite3_bind_int64(q, 1, row);
		sqlite3_bind_int(q, 2, (int)x->kind);
		sqlite3_bind_text(q, 3, val, -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 4, x->start);
		sqlite3_bind_int64(q, 5, x->end);
		bind_text(q, 6, extra, extra ? strlen(extra) : 0);
		if ((rc = run(s, q, err)) < 0)
			return rc;
		if (x->kind == IND_PRICE)
			continue;
		rc = is_watched(s, (int)x->kind, val, strlen(val), err);
		if (rc > 0)
			rc = queue_alert(s, ingest, row, (int)x->kind, val, "indicator", err);
		if (rc < 0)
			return rc;
	}
	if (r->author.p) {
		rc = is_watched(s, STORE_KIND_AUTHOR, r->author.p, r->author.len, err);
		if (rc > 0) {
			char *a = strndup(r->author.p, r->author.len);
			rc = a ? queue_alert(s, ingest, row, STORE_KIND_AUTHOR, a, "author", err)
			       : atl_err_set(err, ATL_ENOMEM, "out of memory");
			free(a);
		}
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < p->det->n_reasons; i++) {
		const struct reason *x = &p->det->reasons[i];
		q = stmt(s, Q_REASON_INS, err);
		if (!q)
			return ATL_EIO;
		sqlite3_bind_int64(q, 1, row);
		sqlite3_bind_text(q, 2, tactic_name(x->tactic), -1, SQLITE_STATIC);
		sqlite3_bind_int64(q, 3, x->start);
		sqlite3_bind_int64(q, 4, x->end);
		if ((rc = run(s, q, err)) < 0)
			return rc;
	}
	return 0;
}

int store_put_post(struct store *s, int64_t ingest_id, const struct store_post *p,
		   int *added, struct atl_err *err)
{
	const struct record *r = p->rec;
	struct str plat = r->platform.p ? r->platform : STR_LIT("");
	struct str id = r->id.p ? r->id : STR_LIT("");
	int64_t version = 1;
	size_t n_pack;
	sqlite3_stmt *q;
	int rc;

	*added = 0;
	q = stmt(s, Q_VERSIONS, err);
	if (!q)
		return ATL_EIO;
	bind_text(q, 1, plat.p, plat.len);
	bind_text(q, 2, id.p, id.len);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		version = sqlite3_column_int64(q, 0) + 1;
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return db_err(s, err, "post versions");

	n_pack = pack_indicators(s->pack, p->ind);
	q = stmt(s, Q_POST_INS, err);
	if (!q)
		return ATL_EIO;
	bind_text(q, 1, plat.p, plat.len);
	bind_text(q, 2, id.p, id.len);
	sqlite3_bind_int64(q, 3, (sqlite3_int64)(p->content_hash
			   ? XXH3_64bits(p->content_hash, STORE_OCR_HASH_BYTES)
			   : XXH3_64bits(r->text.p ? r->text.p : "", r->text.len)));
	sqlite3_bind_int64(q, 4, version);
	sqlite3_bind_int64(q, 5, ingest_id);
	bind_text(q, 6, r->author.p, r->author.len);
	bind_text(q, 7, r->created_at.p, r->created_at.len);
	bind_text(q, 8, p->det->lang, p->det->lang ? strlen(p->det->lang) : 0);
	sqlite3_bind_double(q, 9, p->det->score);
	sqlite3_bind_int(q, 10, p->det->flagged);
	sqlite3_bind_int64(q, 11, p->det->tactics);
	bind_text(q, 12, r->text.p ? r->text.p : "", r->text.len);
	bind_text(q, 13, p->nt->s, p->nt->len);
	bind_text(q, 14, p->line, p->line_len);
	sqlite3_bind_blob(q, 15, p->sig, (int)(p->n_sig * sizeof(uint32_t)), SQLITE_STATIC);
	sqlite3_bind_blob(q, 16, s->pack, (int)n_pack, SQLITE_STATIC);
	if ((rc = run(s, q, err)) < 0)
		return rc;
	if (sqlite3_changes(s->db) == 0)
		return 0;	/* already stored */
	*added = 1;
	return put_details(s, ingest_id, sqlite3_last_insert_rowid(s->db), p, err);
}

/* ---- relinking ------------------------------------------------------------------ */

int store_each_link_post(struct store *s, store_link_fn *fn, void *ctx, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_LINK_ALL, err);
	int rc;

	if (!q)
		return ATL_EIO;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct link_post lp;
		const void *link = sqlite3_column_blob(q, 6);
		size_t n_link = (size_t)sqlite3_column_bytes(q, 6);
		memset(&lp, 0, sizeof(lp));
		lp.id = col_text(q, 1);
		lp.author = col_text(q, 2);
		lp.platform = col_text(q, 3);
		if (lp.platform && !lp.platform[0])
			lp.platform = NULL;
		lp.created_at = col_text(q, 4);
		lp.sig = sqlite3_column_blob(q, 5);
		lp.n_ind = link ? unpack_indicators(s->ind, link, n_link) : 0;
		lp.ind = s->ind;
		lp.score = sqlite3_column_double(q, 7);
		lp.flagged = sqlite3_column_int(q, 8);
		rc = fn(ctx, sqlite3_column_int64(q, 0), (uint32_t)sqlite3_column_int64(q, 9),
			sqlite3_column_int(q, 10), &lp, err);
		if (rc < 0)
			break;
	}
	return step_end(s, q, rc, err, "read posts");
}

int store_each_network_text(struct store *s, store_text_fn *fn, void *ctx, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_NET_TEXT, err);
	int rc;

	if (!q)
		return ATL_EIO;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = fn(ctx, sqlite3_column_int64(q, 0),
			col_text(q, 1), (size_t)sqlite3_column_bytes(q, 1),
			col_text(q, 2), (size_t)sqlite3_column_bytes(q, 2), err);
		if (rc < 0)
			break;
	}
	return step_end(s, q, rc, err, "read texts");
}

int store_set_network(struct store *s, int64_t rowid, uint32_t net, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_SET_NET, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int64(q, 1, rowid);
	if (net)
		sqlite3_bind_int64(q, 2, net);
	return run(s, q, err);
}

static int count(struct store *s, const char *sql, int bind, int64_t *out, struct atl_err *err);

int store_count_pending(struct store *s, int64_t *n, struct atl_err *err)
{
	return count(s, "SELECT count(*) FROM post WHERE pending = 1", -1, n, err);
}

int store_clear_pending(struct store *s, struct atl_err *err)
{
	return exec(s, "UPDATE post SET pending = 0 WHERE pending = 1", err);
}

int store_add_merge(struct store *s, int64_t ingest_id, uint32_t from, uint32_t into,
		    const char *what, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_MERGE_INS, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int64(q, 1, ingest_id);
	sqlite3_bind_int64(q, 2, from);
	if (into)
		sqlite3_bind_int64(q, 3, into);
	sqlite3_bind_text(q, 4, what, -1, SQLITE_STATIC);
	return run(s, q, err);
}

int store_clear_networks(struct store *s, struct atl_err *err)
{
	return exec(s, "DELETE FROM network", err);
}

int store_put_network(struct store *s, uint32_t net, int64_t ord, const char *json,
		      size_t len, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_NET_INS, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int64(q, 1, net);
	sqlite3_bind_int64(q, 2, ord);
	sqlite3_bind_text(q, 3, json, (int)len, SQLITE_STATIC);
	return run(s, q, err);
}

int store_check_network_watch(struct store *s, int64_t ingest_id, int64_t rowid,
			      uint32_t net, struct atl_err *err)
{
	char v[24];
	int rc;

	snprintf(v, sizeof(v), "N%u", net);
	rc = is_watched(s, STORE_KIND_NETWORK, v, strlen(v), err);
	if (rc > 0)
		rc = queue_alert(s, ingest_id, rowid, STORE_KIND_NETWORK, v, "network", err);
	return rc < 0 ? rc : 0;
}

/* ---- queries ----------------------------------------------------------------------- */

static void row_from(sqlite3_stmt *q, int c, struct store_row *r)
{
	r->rowid = sqlite3_column_int64(q, c);
	r->id = col_text(q, c + 1);
	r->platform = col_text(q, c + 2);
	r->author = col_text(q, c + 3);
	r->created_at = col_text(q, c + 4);
	r->text = col_text(q, c + 5);
	r->net = (uint32_t)sqlite3_column_int64(q, c + 6);
	r->score = sqlite3_column_double(q, c + 7);
	r->flagged = sqlite3_column_int(q, c + 8);
	r->line = col_text(q, c + 9);
	r->line_len = (size_t)sqlite3_column_bytes(q, c + 9);
}

int store_query(struct store *s, enum store_query_kind k, int ind_kind, const char *value,
		size_t limit, store_row_fn *fn, void *ctx, struct atl_err *err)
{
	static const char *const sql[] = {
		[SQ_INDICATOR] = "SELECT " POST_COLS " FROM post p WHERE p.id IN"
				 " (SELECT post FROM indicator WHERE kind = ?1 AND value = ?2)"
				 " ORDER BY p.id",
		[SQ_TEXT] = "SELECT " POST_COLS " FROM post p WHERE p.id IN"
			    " (SELECT rowid FROM post_fts WHERE post_fts MATCH ?2) ORDER BY p.id",
		[SQ_NETWORK] = "SELECT " POST_COLS " FROM post p WHERE p.network = ?2 ORDER BY p.id",
		[SQ_AUTHOR] = "SELECT " POST_COLS " FROM post p WHERE p.author = ?2 ORDER BY p.id",
		[SQ_ALL] = "SELECT " POST_COLS " FROM post p ORDER BY p.id",
	};
	sqlite3_stmt *q;
	size_t n = 0;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql[k], -1, &q, NULL) != SQLITE_OK)
		return db_err(s, err, "query");
	if (k == SQ_INDICATOR)
		sqlite3_bind_int(q, 1, ind_kind);
	if (k == SQ_NETWORK)
		sqlite3_bind_int64(q, 2, strtoll(value, NULL, 10));
	else if (k != SQ_ALL)
		sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct store_row r;
		row_from(q, 0, &r);
		rc = fn(ctx, &r, err);
		if (rc < 0) {
			sqlite3_finalize(q);
			return rc;
		}
		if (limit && ++n >= limit) {
			rc = SQLITE_DONE;
			break;
		}
	}
	if (rc != SQLITE_DONE)
		rc = db_err(s, err, "query");
	else
		rc = 0;
	sqlite3_finalize(q);
	return rc;
}

int store_each_network(struct store *s, store_line_fn *fn, void *ctx, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_NET_ALL, err);
	int rc;

	if (!q)
		return ATL_EIO;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = fn(ctx, col_text(q, 0), (size_t)sqlite3_column_bytes(q, 0), err);
		if (rc < 0)
			break;
	}
	return step_end(s, q, rc, err, "networks");
}

static int count(struct store *s, const char *sql, int bind, int64_t *out, struct atl_err *err)
{
	sqlite3_stmt *q;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
		return db_err(s, err, "count");
	if (bind >= 0)
		sqlite3_bind_int(q, 1, bind);
	rc = sqlite3_step(q);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_finalize(q);
	return rc == SQLITE_ROW ? 0 : db_err(s, err, "count");
}

int store_counts(struct store *s, struct store_counts *c, struct atl_err *err)
{
	int rc;

	memset(c, 0, sizeof(*c));
	rc = count(s, "SELECT count(*) FROM post", -1, &c->posts, err);
	if (rc == 0)
		rc = count(s, "SELECT count(*) FROM post WHERE flagged", -1, &c->flagged, err);
	if (rc == 0)
		rc = count(s, "SELECT count(*) FROM network", -1, &c->networks, err);
	if (rc == 0)
		rc = count(s, "SELECT count(*) FROM network WHERE instr(json, ',\"flagged\":true,') > 0",
			   -1, &c->flagged_networks, err);
	if (rc == 0)
		rc = count(s, "SELECT count(*) FROM ingest", -1, &c->ingests, err);
	if (rc == 0)
		rc = count(s, "SELECT count(*) FROM merge", -1, &c->merges, err);
	for (int k = 0; k < IND__N && rc == 0; k++)
		rc = count(s, "SELECT count(*) FROM indicator WHERE kind = ?1", k,
			   &c->indicators[k], err);
	return rc;
}

/* ---- watchlists and alerts ---------------------------------------------------------- */

int store_watch_add(struct store *s, int kind, const char *value, const char *note,
		    int *changed, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_WATCH_ADD, err);
	int rc;

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int(q, 1, kind);
	sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
	bind_text(q, 3, note, note ? strlen(note) : 0);
	rc = run(s, q, err);
	*changed = rc == 0 && sqlite3_changes(s->db) > 0;
	return rc;
}

int store_watch_rm(struct store *s, int kind, const char *value, int *changed,
		   struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_WATCH_RM, err);
	int rc;

	if (!q)
		return ATL_EIO;
	sqlite3_bind_int(q, 1, kind);
	sqlite3_bind_text(q, 2, value, -1, SQLITE_STATIC);
	rc = run(s, q, err);
	*changed = rc == 0 && sqlite3_changes(s->db) > 0;
	return rc;
}

int store_watch_each(struct store *s, store_watch_fn *fn, void *ctx, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_WATCH_ALL, err);
	int rc;

	if (!q)
		return ATL_EIO;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		rc = fn(ctx, sqlite3_column_int(q, 0), col_text(q, 1), col_text(q, 2), err);
		if (rc < 0)
			break;
	}
	return step_end(s, q, rc, err, "watch list");
}

int store_deliver_alerts(struct store *s, store_alert_fn *fn, void *ctx, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_ALERTS, err);
	int64_t *done = NULL;
	size_t n = 0, cap = 0;
	int rc;

	if (!q)
		return ATL_EIO;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct store_alert a;
		a.id = sqlite3_column_int64(q, 0);
		a.ingest = sqlite3_column_int64(q, 1);
		a.kind = sqlite3_column_int(q, 2);
		a.value = col_text(q, 3);
		a.reason = col_text(q, 4);
		row_from(q, 5, &a.post);
		rc = fn(ctx, &a, err);
		if (rc < 0)
			break;
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 64;
			int64_t *v = realloc(done, nc * sizeof(*v));
			if (!v) {
				rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
				break;
			}
			done = v;
			cap = nc;
		}
		done[n++] = a.id;
	}
	sqlite3_reset(q);
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = db_err(s, err, "alerts");
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *u = stmt(s, Q_ALERT_DONE, err);
		int r2 = u ? 0 : ATL_EIO;
		if (u) {
			sqlite3_bind_int64(u, 1, done[i]);
			r2 = run(s, u, err);
		}
		if (r2 < 0 && rc == 0)
			rc = r2;
	}
	free(done);
	return rc;
}

/* ---- text read from images --------------------------------------------------- */

int store_ocr_put(struct store *s, int64_t ingest_id, const struct store_ocr *o,
		  struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_OCR_PUT, err);

	if (!q)
		return ATL_EIO;
	sqlite3_bind_blob(q, 1, o->hash, STORE_OCR_HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, o->engine, -1, SQLITE_STATIC);
	bind_text(q, 3, o->text ? o->text : "", o->text ? o->len : 0);
	sqlite3_bind_double(q, 4, o->confidence);
	sqlite3_bind_int(q, 5, o->width);
	sqlite3_bind_int(q, 6, o->height);
	sqlite3_bind_int64(q, 7, ingest_id);
	return run(s, q, err);
}

int store_ocr_get(struct store *s, const unsigned char *hash, const char *engine,
		  store_ocr_fn *fn, void *ctx, struct atl_err *err)
{
	sqlite3_stmt *q = stmt(s, Q_OCR_GET, err);
	struct store_ocr o;
	int rc;

	if (!q)
		return ATL_EIO;
	sqlite3_bind_blob(q, 1, hash, STORE_OCR_HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_text(q, 2, engine, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW) {
		o.hash = hash;
		o.engine = engine;
		o.text = col_text(q, 0);
		o.len = (size_t)sqlite3_column_bytes(q, 0);
		o.confidence = sqlite3_column_double(q, 1);
		o.width = sqlite3_column_int(q, 2);
		o.height = sqlite3_column_int(q, 3);
		if (!o.text)
			o.text = "";
		rc = fn(ctx, &o);
		sqlite3_reset(q);	/* ends the read: no snapshot held between lookups */
		return rc < 0 ? rc : 1;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
		return db_err(s, err, "ocr");
	return 0;
}
