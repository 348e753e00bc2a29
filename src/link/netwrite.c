/*
 * netwrite: networks.jsonl, one JSON object per cluster (the fields are
 * listed at the top of linker.c). Per cluster, the values of its posts are
 * counted in a scratch array indexed by intern id and reset after the
 * cluster, so writing is linear in posts + indicators; order is fixed
 * (sorted values, clusters by risk, size, number), never hash order.
 */
#include <assert.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/json.h"
#include "link/linker_int.h"
#include "core/banned.h"

struct tv {			/* one counted value of a cluster */
	const char *s;		/* interned key (kind byte first) */
	uint32_t count;
	uint32_t id;
	char kind;
};

struct wctx {
	uint32_t *off, *posts;	/* posts by cluster, in input order */
	uint32_t *edge_of;	/* per post: first spanning-forest edge */
	const char *kind_of;	/* per intern id: its kind byte (one small
				 * array, where key_kind reads two places) */
	uint32_t *cnt;		/* per intern id, zero between clusters */
	struct tv *tv;
	size_t n_tv, cap_tv;
	uint64_t *prices;	/* (currency id << 32 | float bits) */
	size_t n_prices, cap_prices;
	struct buf b;
	struct arena a;		/* per cluster */
	struct meta_cache mc, mc_with;	/* the cluster's posts; pulled_in's "with" */
	struct pmeta pm, pm_with;
};

struct corder {
	double score;
	uint32_t size, c;
};

static int cmp_corder(const void *pa, const void *pb)
{
	const struct corder *x = pa, *y = pb;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->size != y->size)
		return x->size > y->size ? -1 : 1;
	return x->c < y->c ? -1 : x->c > y->c;
}

static int cmp_tv(const void *pa, const void *pb)
{
	const struct tv *x = pa, *y = pb;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int cmp_shared(const void *pa, const void *pb)
{
	const struct tv *x = pa, *y = pb;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int count_id(struct wctx *w, uint32_t id)
{
	if (id == NONE)
		return 0;
	if (w->cnt[id]++ == 0) {
		if (w->n_tv == w->cap_tv) {
			size_t cap = w->cap_tv ? 2 * w->cap_tv : 256;
			struct tv *v = realloc(w->tv, cap * sizeof(*v));

			if (!v)
				return ATL_ENOMEM;
			w->tv = v;
			w->cap_tv = cap;
		}
		w->tv[w->n_tv++].id = id;
	}
	return 0;
}

/* The display form of an interned key: the value, and for accounts
 * "author@platform". */
static void add_display(struct buf *b, const char *key)
{
	const char *v = key + 1, *sep;

	if (key[0] != K_ACCOUNT || !(sep = strchr(v, '\x1f'))) {
		json_add_cstr(b, v);
		return;
	}
	if (!sep[1]) {
		json_add_str(b, v, (size_t)(sep - v));
		return;
	}
	{
		char tmp[INTERN_MAX_LEN + 2];
		size_t al = (size_t)(sep - v), pl = strlen(sep + 1);

		memcpy(tmp, v, al);
		tmp[al] = '@';
		memcpy(tmp + al + 1, sep + 1, pl);
		json_add_str(b, tmp, al + 1 + pl);
	}
}

/* [{value, count}] for the counted values of one kind (tv sorted by
 * cmp_tv, so they are together: bisect to the first). */
static void add_value_list(struct buf *b, const struct tv *tv, size_t n, char kind)
{
	size_t shown = 0, lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (tv[mid].kind < kind)
			lo = mid + 1;
		else
			hi = mid;
	}
	buf_addc(b, '[');
	for (size_t i = lo; i < n && tv[i].kind == kind && shown < TOP_VALUES; i++) {
		if (shown++)
			buf_addc(b, ',');
		buf_adds(b, "{\"value\":");
		add_display(b, tv[i].s);
		buf_adds(b, ",\"count\":");
		json_add_int(b, tv[i].count);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static float price_of(uint64_t p)
{
	uint32_t bits = (uint32_t)p;
	float f;

	memcpy(&f, &bits, sizeof(f));
	return f;
}

static void add_prices(struct linker *L, struct wctx *w)
{
	struct buf *b = &w->b;
	size_t i = 0, groups = 0;

	/* positive floats sort like their bit patterns */
	if (w->n_prices > 1)
		qsort(w->prices, w->n_prices, sizeof(*w->prices), link_cmp_u64);
	buf_addc(b, '[');
	while (i < w->n_prices) {
		uint32_t cur = (uint32_t)(w->prices[i] >> 32);
		size_t j = i, n;
		const char *cs = intern_str(&L->keys, cur) + 1;

		while (j < w->n_prices && (uint32_t)(w->prices[j] >> 32) == cur)
			j++;
		n = j - i;
		if (groups++)
			buf_addc(b, ',');
		buf_adds(b, "{\"currency\":");
		json_add_cstr(b, cs[0] ? cs : NULL);
		buf_adds(b, ",\"min\":");
		json_add_num(b, price_of(w->prices[i]), 10);
		buf_adds(b, ",\"median\":");
		json_add_num(b, n % 2 ? price_of(w->prices[i + n / 2]) :
			     (price_of(w->prices[i + n / 2 - 1]) +
			      (double)price_of(w->prices[i + n / 2])) / 2, 10);
		buf_adds(b, ",\"max\":");
		json_add_num(b, price_of(w->prices[j - 1]), 10);
		buf_adds(b, ",\"n\":");
		json_add_int(b, (int64_t)n);
		buf_addc(b, '}');
		i = j;
	}
	buf_addc(b, ']');
}

static int add_template(struct linker *L, struct wctx *w, const struct cluster *C)
{
	struct buf *b = &w->b;
	struct tmpl t;
	int rc;

	struct tmpl_post *sample;

	arena_reset(&w->a);
	rc = linker_samples(L, C, &w->a, &sample);
	if (rc == 0)
		rc = template_build(&t, sample, sample ? C->n_sample : 0, &w->a);
	if (rc < 0)
		return rc;
	buf_adds(b, ",\"template\":");
	template_json(b, &t, sample, C->n_sample);
	buf_adds(b, ",\"slots\":");
	template_slots_json(b, &t);
	return 0;
}

static void add_evidence(struct linker *L, struct wctx *w, const struct cluster *C)
{
	struct buf *b = &w->b;
	size_t shown = 0, n_shared = 0;
	static const char *const ename[E__N] = { "text_edges", "phone_edges",
		"link_edges", "url_edges", "account_edges" };

	buf_adds(b, ",\"evidence\":{");
	for (int k = 0; k < E__N; k++) {
		if (k)
			buf_addc(b, ',');
		json_add_cstr(b, ename[k]);
		buf_addc(b, ':');
		json_add_int(b, C->edges[k]);
	}
	buf_adds(b, ",\"shared\":[");
	/* only the values that can be shown are sorted: moved to the front
	 * (the value lists are written, tv's order is free now) */
	for (size_t i = 0; i < w->n_tv; i++) {
		struct tv v = w->tv[i];

		if (v.count < 2 || L->glue[v.id] || !(links(v.kind) || v.kind == K_ACCOUNT))
			continue;
		w->tv[i] = w->tv[n_shared];
		w->tv[n_shared++] = v;
	}
	if (n_shared > 1)
		qsort(w->tv, n_shared, sizeof(*w->tv), cmp_shared);
	for (size_t i = 0; i < n_shared && shown < TOP_SHARED; i++) {
		const struct tv *v = &w->tv[i];

		if (shown++)
			buf_addc(b, ',');
		buf_adds(b, "{\"kind\":");
		json_add_cstr(b, link_edge_name[edge_of_key(v->kind)]);
		buf_adds(b, ",\"value\":");
		add_display(b, v->s);
		buf_adds(b, ",\"posts\":");
		json_add_int(b, v->count);
		buf_addc(b, '}');
	}
	buf_adds(b, "]}");
}

static int add_pulled_in(struct linker *L, struct wctx *w, uint32_t c)
{
	struct buf *b = &w->b;
	size_t shown = 0;
	int rc;

	buf_adds(b, ",\"pulled_in\":[");
	for (uint32_t i = w->off[c]; i < w->off[c + 1] && shown < MAX_PULLED_IN; i++) {
		uint32_t p = w->posts[i], e = w->edge_of[p];
		struct edge Ebuf;
		const struct edge *E = &Ebuf;

		if (L->flags[p] & PF_FLAGGED || e == NONE)
			continue;
		rc = linker_edge_at(L, e, &Ebuf);
		if (rc == 0)
			rc = linker_meta(L, &w->mc, p, &w->pm);
		if (rc == 0)
			rc = linker_meta(L, &w->mc_with, E->a == p ? E->b : E->a, &w->pm_with);
		if (rc < 0)
			return rc;
		if (shown++)
			buf_addc(b, ',');
		buf_adds(b, "{\"id\":");
		json_add_cstr(b, w->pm.id);
		buf_adds(b, ",\"score\":");
		if (L->flags[p] & PF_SCORED)
			json_add_num(b, w->pm.score, 4);
		else
			buf_adds(b, "null");
		buf_adds(b, ",\"via\":");
		json_add_cstr(b, link_edge_name[E->kind]);
		buf_adds(b, ",\"value\":");
		if (E->kind == E_TEXT)
			json_add_num(b, (double)E->what / L->o.n_hashes, 4);
		else
			add_display(b, intern_str(&L->keys, E->what));
		buf_adds(b, ",\"with\":");
		json_add_cstr(b, w->pm_with.id);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	return 0;
}

/* t into dst (MAX_TIME_BYTES + 1 bytes), cut there like snprintf would. */
static void copy_time(char *dst, const char *t)
{
	size_t len = strnlen(t, MAX_TIME_BYTES);

	memcpy(dst, t, len);
	dst[len] = '\0';
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif
#define PREFETCH_POSTS 4	/* posts ahead */

/* Cluster c's line into w->b. */
static int write_cluster(struct linker *L, struct wctx *w, uint32_t c)
{
	const struct cluster *C = &L->cl[c];
	struct buf *b = &w->b;
	char first_seen[MAX_TIME_BYTES + 1], last_seen[MAX_TIME_BYTES + 1];
	const char **ids;	/* of the first MAX_POSTS_LISTED posts */
	int has_seen = 0;
	static const char kinds[] = { K_PHONE, K_LINK, K_URL, K_HANDLE, K_EMAIL };
	static const char *const kind_keys[] = { "phones", "links", "urls", "handles", "emails" };
	int rc = 0, first = 1;

	buf_reset(b);
	w->n_tv = w->n_prices = 0;
	arena_reset(&w->a);	/* the listed ids, until add_template */
	ids = arena_calloc(&w->a, C->size < MAX_POSTS_LISTED ? C->size : MAX_POSTS_LISTED,
			   sizeof(*ids));
	if (!ids)
		return ATL_ENOMEM;
	for (uint32_t i = w->off[c]; i < w->off[c + 1] && rc == 0; i++) {
		uint32_t p = w->posts[i];
		const char *t;

		/* a cluster's posts are scattered: ask for the next ones'
		 * indicators early (their ind_off was asked for before) */
		if (i + 2 * PREFETCH_POSTS < w->off[c + 1]) {
			PREFETCH(&L->ind_off[w->posts[i + 2 * PREFETCH_POSTS]]);
			PREFETCH(&L->account[w->posts[i + 2 * PREFETCH_POSTS]]);
		}
		if (i + PREFETCH_POSTS < w->off[c + 1])
			PREFETCH(&L->ind[L->ind_off[w->posts[i + PREFETCH_POSTS]]]);
		rc = linker_meta(L, &w->mc, p, &w->pm);
		if (rc < 0)
			break;
		if (i - w->off[c] < MAX_POSTS_LISTED &&
		    !(ids[i - w->off[c]] = arena_strndup(&w->a, w->pm.id, strlen(w->pm.id)))) {
			rc = ATL_ENOMEM;
			break;
		}
		t = w->pm.created;
		if (t && (!has_seen || strcmp(t, first_seen) < 0))
			copy_time(first_seen, t);
		if (t && (!has_seen || strcmp(t, last_seen) > 0))
			copy_time(last_seen, t);
		has_seen |= t != NULL;
		rc = count_id(w, L->account[p]);
		if (rc == 0)
			rc = count_id(w, w->pm.platform);
		for (uint32_t j = L->ind_off[p]; j < L->ind_off[p + 1] && rc == 0; j++) {
			const struct pind *d = &L->ind[j];
			uint32_t bits;

			if (w->kind_of[d->id] != K_CURRENCY) {
				rc = count_id(w, d->id);
				continue;
			}
			if (w->n_prices == w->cap_prices) {
				size_t cap = w->cap_prices ? 2 * w->cap_prices : 256;
				uint64_t *v = realloc(w->prices, cap * sizeof(*v));

				if (!v) {
					rc = ATL_ENOMEM;
					break;
				}
				w->prices = v;
				w->cap_prices = cap;
			}
			memcpy(&bits, &d->amount, sizeof(bits));
			w->prices[w->n_prices++] = (uint64_t)d->id << 32 | bits;
		}
	}
	for (size_t i = 0; i < w->n_tv; i++) {
		struct tv *v = &w->tv[i];

		v->s = intern_str(&L->keys, v->id);
		v->kind = v->s[0];
		v->count = w->cnt[v->id];
		w->cnt[v->id] = 0;
	}
	if (rc < 0)
		return rc;
	if (w->n_tv > 1)
		qsort(w->tv, w->n_tv, sizeof(*w->tv), cmp_tv);

	buf_addc(b, '{');
	json_add_key(b, &first, "id");
	json_add_cstr(b, C->label);
	json_add_key(b, &first, "flagged");
	json_add_bool(b, C->flagged);
	json_add_key(b, &first, "score");
	json_add_num(b, C->score, 4);
	json_add_key(b, &first, "size");
	json_add_int(b, C->size);
	json_add_key(b, &first, "posts");
	buf_addc(b, '[');
	for (uint32_t i = w->off[c]; i < w->off[c + 1] && i - w->off[c] < MAX_POSTS_LISTED; i++) {
		if (i > w->off[c])
			buf_addc(b, ',');
		json_add_cstr(b, ids[i - w->off[c]]);
	}
	buf_addc(b, ']');
	if (C->size > MAX_POSTS_LISTED) {
		json_add_key(b, &first, "posts_truncated");
		json_add_int(b, C->size - MAX_POSTS_LISTED);
	}
	json_add_key(b, &first, "accounts");
	add_value_list(b, w->tv, w->n_tv, K_ACCOUNT);
	json_add_key(b, &first, "platforms");
	add_value_list(b, w->tv, w->n_tv, K_PLATFORM);
	json_add_key(b, &first, "indicators");
	buf_addc(b, '{');
	for (size_t k = 0; k < sizeof(kinds); k++) {
		if (k)
			buf_addc(b, ',');
		json_add_cstr(b, kind_keys[k]);
		buf_addc(b, ':');
		add_value_list(b, w->tv, w->n_tv, kinds[k]);
	}
	buf_addc(b, '}');
	json_add_key(b, &first, "prices");
	add_prices(L, w);
	json_add_key(b, &first, "places");
	add_value_list(b, w->tv, w->n_tv, K_PLACE);
	json_add_key(b, &first, "first_seen");
	json_add_cstr(b, has_seen ? first_seen : NULL);
	json_add_key(b, &first, "last_seen");
	json_add_cstr(b, has_seen ? last_seen : NULL);
	rc = add_template(L, w, C);
	if (rc < 0)
		return rc;
	add_evidence(L, w, C);
	if (C->flagged) {
		rc = add_pulled_in(L, w, c);
		if (rc < 0)
			return rc;
	}
	buf_adds(b, "}\n");
	return buf_error(b);
}

/*
 * Clusters are written on L->o.threads threads (the templates are the
 * costly part): the clusters, in output order, are cut into chunks of
 * NET_CHUNK, and each thread (the caller is one) takes the next chunk not
 * taken yet, whichever thread is free, and writes its lines into the ring
 * slot of that chunk (chunk j in slot j % n_ring). Whoever finds the next
 * chunk in output order ready copies it to the file, and the ones after it
 * that are ready, one thread at a time, so the bytes are those of one
 * thread. A thread waits only when its chunk's slot still holds the chunk
 * n_ring before it (at most n_ring chunks in memory). Each thread has its
 * own scratch (wctx: counts, arena, meta caches); the posts by cluster, the
 * linker's arrays and its files (spill_read) are only read.
 */
#define NET_CHUNK 16
#define NET_RING_PER_THREAD 8	/* ring slots per thread (a thread preempted
				 * on a loaded machine stalls the others
				 * only once they are this far ahead) */

struct nslot {
	struct buf out;		/* a chunk's lines */
	int ready;		/* written and not copied yet */
	int rc;
};

struct nctx {
	struct linker *L;
	const struct corder *ord;
	FILE *out;
	size_t n_cl;
	uint32_t n_chunks;
	struct nslot *ring;
	uint32_t n_ring;
	pthread_mutex_t mu;	/* guards all below, and the slots' flags */
	pthread_cond_t cv;
	uint32_t next;		/* the first chunk not taken */
	uint32_t done;		/* chunks copied to out */
	int copying;		/* a thread is copying to out */
	int stop;		/* a chunk failed: take no more */
	int rc;			/* the first failure in output order */
};

struct nthread {
	struct nctx *x;
	struct wctx w;
	pthread_t tid;
	int started;
};

static int wctx_init(struct wctx *w, const struct wctx *shared, size_t n_keys)
{
	memset(w, 0, sizeof(*w));
	buf_init(&w->b, JSON_LINE_MAX);
	arena_init(&w->a, 1 << 20);
	if (shared) {
		w->off = shared->off;
		w->posts = shared->posts;
		w->edge_of = shared->edge_of;
		w->kind_of = shared->kind_of;
	}
	w->cnt = calloc(n_keys ? n_keys : 1, sizeof(*w->cnt));
	return w->cnt ? 0 : ATL_ENOMEM;
}

/* Frees the scratch; the shared arrays are the caller's. */
static void wctx_release(struct wctx *w)
{
	free(w->cnt);
	free(w->tv);
	free(w->prices);
	buf_release(&w->b);
	arena_release(&w->a);
	meta_cache_release(&w->mc);
	meta_cache_release(&w->mc_with);
}

/* Chunk j's lines into b. */
static int write_chunk(struct nctx *x, struct wctx *w, uint32_t j, struct buf *b)
{
	size_t from = (size_t)j * NET_CHUNK;
	size_t to = from + NET_CHUNK < x->n_cl ? from + NET_CHUNK : x->n_cl;
	int rc = 0;

	buf_reset(b);
	for (size_t i = from; i < to && rc == 0; i++) {
		rc = write_cluster(x->L, w, x->ord[i].c);
		if (rc == 0)
			rc = buf_add_grow(b, w->b.p, w->b.len);
	}
	return rc;
}

/* With x->mu held: the ready chunks next in output order to the file, unless
 * another thread is at it (it will see them: it looks again after each). */
static void copy_ready(struct nctx *x)
{
	while (!x->copying && !x->rc && x->done < x->n_chunks &&
	       x->ring[x->done % x->n_ring].ready) {
		struct nslot *s = &x->ring[x->done % x->n_ring];
		int rc = s->rc;

		x->copying = 1;
		pthread_mutex_unlock(&x->mu);
		if (rc == 0 && fwrite(s->out.p, 1, s->out.len, x->out) != s->out.len)
			rc = ATL_EIO;
		pthread_mutex_lock(&x->mu);
		x->copying = 0;
		s->ready = 0;
		x->done++;
		if (rc < 0) {
			x->rc = rc;
			x->stop = 1;
		}
		pthread_cond_broadcast(&x->cv);
	}
}

/* One thread's share: chunks until none is left (or one failed). */
static void net_work(struct nctx *x, struct wctx *w)
{
	pthread_mutex_lock(&x->mu);
	while (!x->stop && x->next < x->n_chunks) {
		uint32_t j = x->next++;
		struct nslot *s = &x->ring[j % x->n_ring];
		int rc;

		while (!x->rc && j - x->done >= x->n_ring)	/* the slot's last chunk */
			pthread_cond_wait(&x->cv, &x->mu);
		if (x->rc)
			break;
		pthread_mutex_unlock(&x->mu);
		rc = write_chunk(x, w, j, &s->out);
		pthread_mutex_lock(&x->mu);
		s->rc = rc;
		s->ready = 1;
		if (rc < 0)
			x->stop = 1;
		copy_ready(x);
	}
	pthread_mutex_unlock(&x->mu);
}

static void *nthread_main(void *arg)
{
	struct nthread *me = arg;

	net_work(me->x, &me->w);
	return NULL;
}

static int write_all(struct linker *L, struct wctx *w, const struct corder *ord, FILE *out)
{
	size_t n_keys = intern_n(&L->keys);
	struct nctx x;
	struct nthread *th;
	uint32_t n_thr;
	int rc;

	memset(&x, 0, sizeof(x));
	x.L = L;
	x.ord = ord;
	x.out = out;
	x.n_cl = L->n_cl;
	x.n_chunks = (uint32_t)((L->n_cl + NET_CHUNK - 1) / NET_CHUNK);
	n_thr = L->o.threads > 1 ? (uint32_t)L->o.threads : 1;
	if (n_thr > 64)
		n_thr = 64;
	if (n_thr > x.n_chunks)	/* nothing for the others to do */
		n_thr = x.n_chunks ? x.n_chunks : 1;
	x.n_ring = NET_RING_PER_THREAD * n_thr;
	th = calloc(n_thr, sizeof(*th));
	x.ring = calloc(x.n_ring, sizeof(*x.ring));
	if (!th || !x.ring) {
		free(th);
		free(x.ring);
		return ATL_ENOMEM;
	}
	for (uint32_t i = 0; i < x.n_ring; i++)
		buf_init(&x.ring[i].out, SIZE_MAX / 2);
	pthread_mutex_init(&x.mu, NULL);
	pthread_cond_init(&x.cv, NULL);
	for (uint32_t i = 1; i < n_thr; i++) {	/* fewer threads if these fail */
		th[i].x = &x;
		if (wctx_init(&th[i].w, w, n_keys) < 0 ||
		    pthread_create(&th[i].tid, NULL, nthread_main, &th[i]) != 0)
			break;
		th[i].started = 1;
	}
	net_work(&x, w);
	for (uint32_t i = 1; i < n_thr; i++) {
		if (th[i].started)
			pthread_join(th[i].tid, NULL);
		wctx_release(&th[i].w);
	}
	/* every chunk taken was copied, unless one failed */
	rc = x.rc ? x.rc : x.done == x.n_chunks ? 0 : ATL_EIO;
	for (uint32_t i = 0; i < x.n_ring; i++)
		buf_release(&x.ring[i].out);
	pthread_mutex_destroy(&x.mu);
	pthread_cond_destroy(&x.cv);
	free(x.ring);
	free(th);
	return rc;
}

int linker_write_networks(struct linker *L, FILE *out, struct atl_err *err)
{
	struct wctx w;
	struct spill_reader er;
	struct corder *ord = NULL;
	char *kind_of = NULL;
	size_t n_keys = intern_n(&L->keys);
	int rc = 0;

	assert(L->finished);
	rc = L->broken ? ATL_EIO : spill_flush(&L->samples);	/* linker_samples reads it */
	if (rc < 0)
		return atl_err_set(err, rc, "cannot write networks: %s", atl_code_str(rc));
	rc = wctx_init(&w, NULL, n_keys);
	w.off = calloc(L->n_cl + 1, sizeof(*w.off));
	w.posts = malloc((L->n ? L->n : 1) * sizeof(*w.posts));
	w.edge_of = malloc((L->n ? L->n : 1) * sizeof(*w.edge_of));
	kind_of = malloc(n_keys ? n_keys : 1);
	w.kind_of = kind_of;
	ord = malloc((L->n_cl ? L->n_cl : 1) * sizeof(*ord));
	if (rc < 0 || !w.off || !w.posts || !w.edge_of || !kind_of || !ord) {
		rc = ATL_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < n_keys; i++)
		kind_of[i] = key_kind(L, (uint32_t)i);
	/* counting sort of posts by cluster keeps input order inside each */
	for (size_t c = 0; c < L->n_cl; c++)
		w.off[c + 1] = w.off[c] + L->cl[c].size;
	for (size_t c = 0; c < L->n_cl; c++)
		L->cl[c].seen = 0;
	for (uint32_t i = 0; i < L->n; i++) {
		uint32_t c = L->cluster_of[i];

		w.edge_of[i] = NONE;
		if (c != NONE)
			w.posts[w.off[c] + L->cl[c].seen++] = i;
	}
	rc = spill_reader_init(&er, &L->edges, sizeof(struct edge), 0,
			       (uint64_t)L->n_edges * sizeof(struct edge), (size_t)1 << 20);
	for (size_t e = 0; rc == 0 && e < L->n_edges; e++) {
		const void *p = spill_reader_next(&er, &rc);
		struct edge E;

		if (!p) {
			rc = rc < 0 ? rc : ATL_EIO;
			break;
		}
		memcpy(&E, p, sizeof(E));
		if (w.edge_of[E.a] == NONE)
			w.edge_of[E.a] = (uint32_t)e;
		if (w.edge_of[E.b] == NONE)
			w.edge_of[E.b] = (uint32_t)e;
	}
	spill_reader_release(&er);
	if (rc < 0)
		goto out;
	for (size_t c = 0; c < L->n_cl; c++) {
		ord[c].score = L->cl[c].score;
		ord[c].size = L->cl[c].size;
		ord[c].c = (uint32_t)c;
	}
	qsort(ord, L->n_cl, sizeof(*ord), cmp_corder);
	rc = write_all(L, &w, ord, out);
out:
	free(ord);
	free(w.off);
	free(w.posts);
	free(w.edge_of);
	free(kind_of);
	wctx_release(&w);
	if (rc == ATL_EIO)
		return atl_err_set(err, rc, "cannot write networks");
	if (rc < 0)
		return atl_err_set(err, rc, "cannot write networks: %s", atl_code_str(rc));
	return 0;
}
