/*
 * ingest: store batches, then relink (see ingest.h).
 *
 * Relinking rebuilds the in-memory linker from the stored rows in insertion
 * order, so ten ingests of ten files give exactly the clusters of one scan of
 * the ten files in that order (the linker's glue rules depend on the whole
 * corpus, which is why we relink rather than patch: the data-driven
 * thresholds move as posts arrive). The alternative, persisting LSH band
 * keys and the union-find, would be cheaper per batch but cannot reproduce
 * those rules: a phone that becomes "glue" (too common) must stop linking
 * posts it linked before, which an append-only union-find cannot undo.
 *
 * Measured (bench/store_bench.sh, 200k synthetic posts in 10 batches of 20k,
 * on a 2-core machine shared with other jobs, so wall times are inflated
 * about 3-5x): relink of 200k stored posts 8.9 s wall (load 2.7 s, link
 * 3.0 s, write 3.2 s), growing linearly with stored posts (~45 s expected at
 * 1M). The load reads every post row (the signature and packed indicators
 * sit in the same row as the texts); a narrow side table would cut that I/O
 * if it matters.
 *
 * Alerts for watched networks are raised here for posts still pending, so a
 * run killed before its relink alerts on the next one.
 *
 * Images are recognised once ever: the OCR workers look each image up by
 * content hash and engine key (ocr_ctx_key) in the store's `ocr` table
 * through a second connection of their own (one lookup at a time, behind a
 * mutex; a point query on a WAL snapshot, microseconds against the ~1 s of
 * a recognition), and what this run recognised is written with the batch
 * that holds it, in that batch's transaction. Results are complete ones
 * only (not timed out, not failed). Two ingests recognising the same new
 * image at once both run Tesseract; the first to commit keeps its row.
 */
#include "ingest.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "ocr/ocr.h"
#include "pipeline/post.h"
#include "core/banned.h"

struct ingest_run {
	const struct ingest_opts *o;
	struct store *s;
	struct ingest_stats *st;
	int64_t ingest_id;
	size_t n_sig;
	FILE *alerts;
	struct store *ocr_db;		/* the workers' lookups, or NULL */
	pthread_mutex_t ocr_mu;		/* one lookup at a time on ocr_db */
};

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- alerts ----------------------------------------------------------------- */

static const char *kind_prefix(int kind)
{
	static const char *const names[IND__N] = {
		[IND_PHONE] = "phone", [IND_LINK] = "link", [IND_URL] = "url",
		[IND_DOMAIN] = "domain", [IND_HANDLE] = "handle", [IND_EMAIL] = "email",
		[IND_PRICE] = "price", [IND_PLACE] = "place",
	};
	if (kind == STORE_KIND_NETWORK)
		return "network";
	if (kind == STORE_KIND_AUTHOR)
		return "author";
	return kind >= 0 && kind < IND__N ? names[kind] : "?";
}

struct deliver_ctx {
	struct ingest_run *R;
	struct buf b;
};

static int deliver_one(void *ctx, const struct store_alert *a, struct atl_err *err)
{
	struct deliver_ctx *d = ctx;
	struct buf *b = &d->b;
	int first = 1;
	char net[24];

	buf_reset(b);
	buf_addc(b, '{');
	json_add_key(b, &first, "watch");
	{
		struct buf w = BUF_INIT(1 << 20);
		buf_adds(&w, kind_prefix(a->kind));
		buf_addc(&w, ':');
		buf_adds(&w, a->value);
		json_add_str(b, buf_cstr(&w), w.len);
		buf_release(&w);
	}
	json_add_key(b, &first, "reason");
	json_add_cstr(b, a->reason);
	json_add_key(b, &first, "ingest");
	json_add_int(b, a->ingest);
	json_add_key(b, &first, "post");
	json_add_cstr(b, a->post.id);
	json_add_key(b, &first, "platform");
	json_add_cstr(b, a->post.platform);
	json_add_key(b, &first, "author");
	json_add_cstr(b, a->post.author);
	json_add_key(b, &first, "created_at");
	json_add_cstr(b, a->post.created_at);
	json_add_key(b, &first, "network");
	snprintf(net, sizeof(net), "N%u", a->post.net);
	json_add_cstr(b, a->post.net ? net : NULL);
	json_add_key(b, &first, "score");
	json_add_num(b, a->post.score, 4);
	json_add_key(b, &first, "text");
	json_add_cstr(b, a->post.text);
	buf_addc(b, '}');
	if (buf_error(b))
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (d->R->alerts) {
		if (fwrite(b->p, 1, b->len, d->R->alerts) != b->len ||
		    fputc('\n', d->R->alerts) == EOF || fflush(d->R->alerts) != 0)
			return atl_err_set(err, ATL_EIO, "cannot write '%s': %s",
					   d->R->o->alerts_path, strerror(errno));
	}
	if (d->R->o->on_alert)
		d->R->o->on_alert(d->R->o->alert_ctx, a, buf_cstr(b));
	d->R->st->alerts++;
	return 0;
}

static int deliver(struct ingest_run *R, struct atl_err *err)
{
	struct deliver_ctx d = { R, BUF_INIT(1 << 26) };
	int rc = store_deliver_alerts(R->s, deliver_one, &d, err);

	buf_release(&d.b);
	return rc;
}

/* ---- text read from images ------------------------------------------------------ */

struct ocr_copy {
	struct ocr_result *out;
	struct arena *a;
};

static int copy_ocr(void *ctx, const struct store_ocr *o)
{
	struct ocr_copy *c = ctx;
	char *t = arena_strndup(c->a, o->text, o->len);

	if (!t)
		return ATL_ENOMEM;
	c->out->text = t;
	c->out->len = o->len;
	c->out->confidence = o->confidence;
	c->out->width = o->width;
	c->out->height = o->height;
	return 0;
}

/* ocr_memo.get, from any worker thread. */
static int memo_get(void *ctx, const unsigned char hash[OCR_HASH_BYTES], const char *key,
		    struct ocr_result *out, struct arena *a)
{
	struct ingest_run *R = ctx;
	struct atl_err err = ATL_ERR_INIT;
	struct ocr_copy c = { out, a };
	int rc;

	pthread_mutex_lock(&R->ocr_mu);
	rc = store_ocr_get(R->ocr_db, hash, key, copy_ocr, &c, &err);
	pthread_mutex_unlock(&R->ocr_mu);
	return rc;
}

/* What this batch recognised, for later ingests. */
static int put_ocr(struct ingest_run *R, const struct post *p, struct atl_err *err)
{
	for (size_t i = 0; i < p->n_ocr; i++) {
		const struct post_ocr *o = &p->ocr[i];
		struct store_ocr so;
		int rc;
		if (o->from != OCR_RECOGNISED || o->error || o->timed_out)
			continue;
		so.hash = o->hash;
		so.engine = R->st->scan.ocr_key;
		so.text = o->text.p;
		so.len = o->text.len;
		so.confidence = o->confidence;
		so.width = o->width;
		so.height = o->height;
		rc = store_ocr_put(R->s, R->ingest_id, &so, err);
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* ---- storing batches ----------------------------------------------------------- */

/* A post that is an image: its image's content hash, or NULL. */
static const unsigned char *image_identity(const struct post *p)
{
	static const unsigned char zero[OCR_HASH_BYTES];

	if (!p->rec.format || strcmp(p->rec.format, "image") || p->n_ocr != 1 ||
	    !memcmp(p->ocr[0].hash, zero, sizeof(zero)))
		return NULL;
	return p->ocr[0].hash;
}

static int on_batch(void *ctx, const struct post *posts, size_t n, const char *lines,
		    struct atl_err *err)
{
	struct ingest_run *R = ctx;
	double t = now_s();
	int rc = store_begin(R->s, err);

	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct post *p = &posts[i];
		struct store_post sp;
		int added = 0;
		sp.rec = &p->rec;
		sp.nt = &p->nt;
		sp.ind = &p->ind;
		sp.det = &p->det;
		sp.sig = p->sig;
		sp.n_sig = R->n_sig;
		sp.content_hash = image_identity(p);
		sp.line = lines + p->line_off;
		sp.line_len = p->line_len;
		if (sp.line_len && sp.line[sp.line_len - 1] == '\n')
			sp.line_len--;
		rc = store_put_post(R->s, R->ingest_id, &sp, &added, err);
		if (rc == 0 && R->st->scan.ocr_key[0])
			rc = put_ocr(R, p, err);
		if (added)
			R->st->added++;
		else
			R->st->already++;
	}
	if (rc == 0)
		rc = store_commit(R->s, err);
	else
		store_rollback(R->s);
	if (rc == 0)
		rc = deliver(R, err);
	R->st->t_store += now_s() - t;
	return rc;
}

/* ---- stable network ids ----------------------------------------------------------- */

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int ingest_assign_networks(const uint32_t *old, const uint32_t *cl, size_t n, size_t n_cl,
			   uint32_t *next_net, uint32_t *net_of_cl,
			   ingest_merge_fn *merge, void *ctx)
{
	uint64_t *pairs = NULL;
	uint32_t *won_by = NULL;	/* old net -> cluster that keeps it */
	uint32_t *best = NULL;		/* its count there */
	uint32_t max_old = 0;
	size_t np = 0;
	int rc = 0;

	for (size_t i = 0; i < n; i++)
		if (old[i] > max_old)
			max_old = old[i];
	pairs = malloc((n ? n : 1) * sizeof(*pairs));
	won_by = calloc((size_t)max_old + 1, sizeof(*won_by));
	best = calloc((size_t)max_old + 1, sizeof(*best));
	if (!pairs || !won_by || !best) {
		rc = ATL_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (old[i] && cl[i] && cl[i] <= n_cl)
			pairs[np++] = (uint64_t)old[i] << 32 | cl[i];
	qsort(pairs, np, sizeof(*pairs), cmp_u64);
	for (size_t i = 0; i < np;) {	/* each old net goes to its largest share */
		size_t j = i;
		uint32_t o = (uint32_t)(pairs[i] >> 32), c = (uint32_t)pairs[i];
		while (j < np && pairs[j] == pairs[i])
			j++;
		if ((uint32_t)(j - i) > best[o]) {
			best[o] = (uint32_t)(j - i);
			won_by[o] = c;
		}
		i = j;
	}
	memset(net_of_cl, 0, (n_cl + 1) * sizeof(*net_of_cl));
	for (uint32_t o = 1; o <= max_old; o++)	/* ascending: the oldest survives */
		if (won_by[o] && !net_of_cl[won_by[o]])
			net_of_cl[won_by[o]] = o;
	for (size_t c = 1; c <= n_cl; c++)
		if (!net_of_cl[c])
			net_of_cl[c] = (*next_net)++;
	for (size_t i = 0; i < n; i++)	/* best[o] = 0: no post of o clusters now */
		if (old[i] && !best[old[i]]) {
			best[old[i]] = UINT32_MAX;
			rc = merge(ctx, old[i], 0, "dissolved");
			if (rc < 0)
				goto out;
		}
	for (uint32_t o = 1; o <= max_old && rc == 0; o++)
		if (won_by[o] && net_of_cl[won_by[o]] != o)
			rc = merge(ctx, o, net_of_cl[won_by[o]], "merged");
	for (size_t i = 0; i < np && rc == 0;) {	/* posts that left their network */
		size_t j = i;
		uint32_t o = (uint32_t)(pairs[i] >> 32), c = (uint32_t)pairs[i];
		while (j < np && pairs[j] == pairs[i])
			j++;
		if (won_by[o] != c && net_of_cl[c] != o)
			rc = merge(ctx, o, net_of_cl[c], "split");
		i = j;
	}
out:
	free(pairs);
	free(won_by);
	free(best);
	return rc;
}

/* ---- relinking ------------------------------------------------------------------ */

struct relink {
	struct store *s;
	struct linker *L;
	int64_t ingest_id;
	int64_t *rowid;
	uint32_t *old, *cl;
	unsigned char *pending;
	size_t n, cap;
	size_t n_merges;
};

static int load_one(void *ctx, int64_t rowid, uint32_t old_net, int is_pending,
		    const struct link_post *lp, struct atl_err *err)
{
	struct relink *X = ctx;

	if (X->n == X->cap) {
		size_t cap = X->cap ? X->cap * 2 : 65536;
		int64_t *r = realloc(X->rowid, cap * sizeof(*r));
		if (r)
			X->rowid = r;
		uint32_t *o = r ? realloc(X->old, cap * sizeof(*o)) : NULL;
		if (o)
			X->old = o;
		unsigned char *p = o ? realloc(X->pending, cap) : NULL;
		if (!p)
			return atl_err_set(err, ATL_ENOMEM, "out of memory");
		X->pending = p;
		X->cap = cap;
	}
	X->rowid[X->n] = rowid;
	X->old[X->n] = old_net;
	X->pending[X->n] = (unsigned char)is_pending;
	X->n++;
	return linker_add(X->L, lp, err);
}

static size_t find_idx(const struct relink *X, int64_t rowid)
{
	size_t lo = 0, hi = X->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (X->rowid[mid] < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int text_one(void *ctx, int64_t rowid, const char *text, size_t len,
		    const char *norm, size_t norm_len, struct atl_err *err)
{
	struct relink *X = ctx;
	size_t i = find_idx(X, rowid);
	struct norm_text nt;

	if (i >= X->n || X->rowid[i] != rowid)
		return 0;	/* added by a concurrent ingest? (cannot: locked) */
	memset(&nt, 0, sizeof(nt));
	nt.s = (char *)norm;
	nt.len = norm_len;
	nt.orig_len = len;
	return linker_add_text(X->L, i, text, len, &nt, err);
}

static int on_merge(void *ctx, uint32_t from, uint32_t into, const char *what)
{
	struct relink *X = ctx;
	struct atl_err e = ATL_ERR_INIT;

	X->n_merges++;
	return store_add_merge(X->s, X->ingest_id, from, into, what, &e);
}

static uint32_t label_num(const char *label)
{
	return label && label[0] == 'C' ? (uint32_t)strtoul(label + 1, NULL, 10) : 0;
}

/* Rewrite networks.jsonl lines' "id":"C12" to the stable "N7" and store them. */
static int store_networks(struct relink *X, const char *p, size_t n, const uint32_t *net_of_cl,
			  size_t n_cl, struct atl_err *err)
{
	static const char key[] = "{\"id\":\"";
	const char *end = p + n;
	int64_t ord = 0;
	struct buf b = BUF_INIT((size_t)1 << 30);
	int rc = store_clear_networks(X->s, err);

	while (rc == 0 && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *q;
		uint32_t c;
		if (!nl)
			nl = end;
		if ((size_t)(nl - p) < sizeof(key) || memcmp(p, key, sizeof(key) - 1) != 0) {
			rc = atl_err_set(err, ATL_EINVAL, "unexpected networks line");
			break;
		}
		q = p + sizeof(key) - 1;
		c = label_num(q);
		q = memchr(q, '"', (size_t)(nl - q));
		if (!c || c > n_cl || !q) {
			rc = atl_err_set(err, ATL_EINVAL, "unexpected network id");
			break;
		}
		buf_reset(&b);
		buf_addf(&b, "{\"id\":\"N%u", net_of_cl[c]);
		buf_add(&b, q, (size_t)(nl - q));
		if (buf_error(&b)) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			break;
		}
		rc = store_put_network(X->s, net_of_cl[c], ord++, b.p, b.len, err);
		p = nl + 1;
	}
	buf_release(&b);
	return rc;
}

static int relink_locked(struct relink *X, const struct link_opts *lo, struct ingest_stats *st,
			 struct atl_err *err)
{
	uint32_t *net_of_cl = NULL;
	int64_t next = 1;
	uint32_t next_net;
	size_t n_cl;
	char *nets = NULL;
	size_t nets_len = 0;
	FILE *mf = NULL;
	double t = now_s();
	int rc;

	rc = linker_new(&X->L, lo, err);
	if (rc == 0)
		rc = store_each_link_post(X->s, load_one, X, err);
	if (rc < 0)
		return rc;
	st->t_relink_load = now_s() - t;
	t = now_s();
	rc = linker_finish(X->L, err);
	if (rc < 0)
		return rc;
	n_cl = linker_n_clusters(X->L);
	X->cl = calloc(X->n ? X->n : 1, sizeof(*X->cl));
	net_of_cl = calloc(n_cl + 1, sizeof(*net_of_cl));
	if (!X->cl || !net_of_cl) {
		free(net_of_cl);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < X->n; i++)
		X->cl[i] = label_num(linker_cluster_of(X->L, i));
	rc = store_meta_get(X->s, "next_network", &next, err);
	if (rc < 0)
		goto out;
	if (rc == 0)
		next = 1;
	next_net = (uint32_t)next;
	rc = ingest_assign_networks(X->old, X->cl, X->n, n_cl, &next_net, net_of_cl, on_merge, X);
	if (rc < 0) {
		rc = atl_err_set(err, rc, "cannot assign network ids");
		goto out;
	}
	rc = store_meta_set(X->s, "next_network", next_net, err);
	st->t_relink_finish = now_s() - t;
	t = now_s();
	for (size_t i = 0; i < X->n && rc == 0; i++) {
		uint32_t net = X->cl[i] ? net_of_cl[X->cl[i]] : 0;
		if (net != X->old[i])
			rc = store_set_network(X->s, X->rowid[i], net, err);
		if (rc == 0 && net && X->pending[i])
			rc = store_check_network_watch(X->s, X->ingest_id, X->rowid[i], net, err);
	}
	if (rc == 0)
		rc = store_each_network_text(X->s, text_one, X, err);
	if (rc == 0) {
		mf = open_memstream(&nets, &nets_len);
		if (!mf)
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	if (rc == 0) {
		rc = linker_write_networks(X->L, mf, err);
		if (fclose(mf) != 0 && rc == 0)
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	if (rc == 0)
		rc = store_networks(X, nets, nets_len, net_of_cl, n_cl, err);
	if (rc == 0)
		rc = store_clear_pending(X->s, err);
	st->networks = n_cl;
	st->merges = X->n_merges;
	st->total_posts = X->n;
	st->t_relink_write = now_s() - t;
out:
	free(nets);
	free(net_of_cl);
	return rc;
}

int ingest_relink(struct store *s, const struct link_opts *lo, int64_t ingest_id,
		  struct ingest_stats *st, struct atl_err *err)
{
	struct relink X;
	int rc;

	memset(&X, 0, sizeof(X));
	X.s = s;
	X.ingest_id = ingest_id;
	rc = store_begin(s, err);
	if (rc < 0)
		return rc;
	rc = relink_locked(&X, lo, st, err);
	if (rc == 0)
		rc = store_commit(s, err);
	else
		store_rollback(s);
	if (rc == 0)
		st->relinked = 1;
	linker_free(X.L);
	free(X.rowid);
	free(X.old);
	free(X.cl);
	free(X.pending);
	return rc;
}

/* ---- the run ---------------------------------------------------------------------- */

static int check_sig_len(struct ingest_run *R, const struct link_opts *lo, struct atl_err *err)
{
	struct linker *L = NULL;
	int64_t stored = 0;
	int rc = linker_new(&L, lo, err);

	if (rc < 0)
		return rc;
	R->n_sig = (size_t)link_n_hashes(L);
	linker_free(L);
	rc = store_begin(R->s, err);
	if (rc < 0)
		return rc;
	rc = store_meta_get(R->s, "n_hashes", &stored, err);
	if (rc == 0)
		rc = store_meta_set(R->s, "n_hashes", (int64_t)R->n_sig, err);
	else if (rc > 0 && stored != (int64_t)R->n_sig)
		rc = atl_err_set(err, ATL_EINVAL, "the database holds signatures of %lld hashes, "
				 "not %zu", (long long)stored, R->n_sig);
	else if (rc > 0)
		rc = 0;
	if (rc == 0)
		rc = store_ingest_begin(R->s, R->o->scan.argv_line, &R->ingest_id, err);
	if (rc == 0)
		rc = store_commit(R->s, err);
	else
		store_rollback(R->s);
	return rc;
}

int ingest_run(const struct ingest_opts *o, char *const *inputs, size_t n_inputs,
	       struct ingest_stats *st, struct atl_err *err)
{
	struct ingest_run R;
	struct scan_opts so = o->scan;
	double t0 = now_s();
	int64_t pending = 0;
	int rc;

	memset(&R, 0, sizeof(R));
	memset(st, 0, sizeof(*st));
	R.o = o;
	R.st = st;
	rc = store_open(&R.s, o->db_path, err);
	if (rc < 0)
		return rc;
	if (o->alerts_path) {
		R.alerts = fopen(o->alerts_path, "ab");
		if (!R.alerts) {
			rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", o->alerts_path,
					 strerror(errno));
			goto out;
		}
	}
	rc = check_sig_len(&R, &o->scan.link, err);
	if (rc < 0)
		goto out;
	rc = deliver(&R, err);		/* left over from a killed run */
	if (rc < 0)
		goto out;
	if (!so.no_ocr) {
		rc = store_open(&R.ocr_db, o->db_path, err);
		if (rc < 0)
			goto out;
		pthread_mutex_init(&R.ocr_mu, NULL);
		so.ocr.memo.get = memo_get;
		so.ocr.memo.ctx = &R;
	}
	so.out_dir = NULL;
	so.on_batch = on_batch;
	so.cb_ctx = &R;
	if (!so.batch_records)
		so.batch_records = 8192;
	rc = scan_run(&so, inputs, n_inputs, &st->scan, err);
	if (rc < 0)
		goto out;
	/* relink when something is new, or a killed run left posts unlinked */
	rc = store_count_pending(R.s, &pending, err);
	if (rc < 0)
		goto out;
	if (pending) {
		rc = ingest_relink(R.s, &o->scan.link, R.ingest_id, st, err);
		if (rc == 0)
			rc = deliver(&R, err);
	}
	if (rc == 0) {
		rc = store_begin(R.s, err);
		if (rc == 0)
			rc = store_ingest_end(R.s, R.ingest_id, (int64_t)st->added, err);
		if (rc == 0)
			rc = store_commit(R.s, err);
		else
			store_rollback(R.s);
	}
out:
	if (R.alerts && fclose(R.alerts) != 0 && rc == 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", o->alerts_path);
	if (R.ocr_db) {
		store_close(R.ocr_db);
		pthread_mutex_destroy(&R.ocr_mu);
	}
	store_close(R.s);
	st->t_total = now_s() - t0;
	return rc;
}

void ingest_stats_release(struct ingest_stats *st)
{
	scan_stats_release(&st->scan);
}
