/*
 * linker: posts -> clusters -> networks (the API in link.h).
 *
 * Pass 1 (linker_add, in input order) keeps in memory per post only its
 * flags, interned account, indicator ids and where its meta record is;
 * texts are never kept. linker_finish builds one union-find; each union
 * that joins two groups is an edge of the cluster's spanning forest,
 * recorded with its kind, so a cluster's evidence counts add up to
 * size - 1.
 *
 * Memory. Everything per post that is only read in order, or rarely, is
 * on disk, in files created in link_opts.tmp_dir (a scan's output
 * directory) and unlinked at once (spill.h: pread, or mmap of a bounded
 * window, so the bytes sit in the page cache and not in the process's
 * RSS; nothing is left behind, even after a crash):
 *   signatures (4 k bytes a post), each band's keys (8 bytes a post a
 *   band), the meta records (id, created_at, platform, score), the text
 *   edges (sorted by xsort.c in bounded runs), the spanning forest's
 *   edges, and the template samples (chained per cluster).
 * What stays in memory, in bytes per post (n posts, k = 64):
 *   always:             flags 1, account 4, meta offset 4, indicator
 *                       offset 4, and 8 per indicator                  13
 *   finish, text step:  text union-find 8, LSH prev[] 4 (two with
 *                       link_opts.threads > 1: the next band's is built
 *                       on a second thread)                       +12 or 16
 *                       signature fingerprints (link_tuning.fp_posts:
 *                       by default every post's in a scan of at most
 *                       1,048,576 posts, so at most 32 MiB; none in a
 *                       larger one, whose memory is nearer its bound)  +32
 *   finish, then:       union-find 8, contact flags 1, cluster of 4,
 *                       root -> cluster 4 (the text union-find is
 *                       freed first unless contact_veto is 3)          +17
 *   networks.jsonl:     cluster of 4, posts by cluster 4, first edge 4 +12
 *                       (written on link_opts.threads threads, netwrite.c:
 *                       each other thread adds 4 per distinct value, and
 *                       a ring of 8 chunks of 16 clusters' lines a thread)
 * plus per distinct value (intern.h, about 40 bytes and the string, and 6
 * in finish), per cluster about 130 bytes, and fixed buffers: the LSH
 * table (lsh_table_keys keys: 16 MiB, or two of a quarter), the signature
 * window (sig_window signatures: 8 MiB of the signatures file mapped, or
 * copied in where mmap fails) and cache of older ones (2 MiB), the
 * text-edge sort (8 MiB), 1 MiB read buffers.
 * The pairs counted by the glue and account rules (8 bytes per linking
 * indicator of a post, and per pair of groups an account joins) are still
 * sorted in memory. So the linker peaks near 30 bytes a post: a 1 GiB
 * WhatsApp export (5.3M messages) scans in under 200 MiB in all. The
 * bounds change memory and time, never the result (a test links with a
 * 50-key table and a 32-signature window and compares the bytes).
 *
 * Text candidates are found band by band: the band's keys are read
 * n / lsh_table_keys times, one partition of key values at a time, to
 * build prev[] (the previous post with the same key, lsh.h); then the
 * posts are visited in order, each compared with at most
 * max_bucket_probe of prev[i], prev[prev[i]], ..., their signatures read
 * through the window (recent posts) or with pread. This visits the same
 * candidates in the same order as one in-memory hash table would. With
 * link_opts.threads > 1 the next band's prev[] is built on a second
 * thread meanwhile; the comparisons stay on one (which pairs are compared
 * depends on the unions before them).
 *
 * The rule, in order (measured on synth corpora; numbers in the link
 * branch's report):
 *
 *   1. Text candidates. LSH banding (lsh.c) over MinHash signatures of word
 *      3-grams (minhash.c), one band at a time; each post is compared to at
 *      most max_bucket_probe newest members of its bucket; a pair with
 *      estimated Jaccard >= jaccard (0.5) is a text edge. Texts under
 *      min_tokens (6) tokens never link by text. Two posts that both carry
 *      contacts (phones, messaging links) and share none are no text edge
 *      (a copycat that reuses a network's template with its own number is
 *      another network). These edges also give the text groups of step 2.
 *   2. Shared values. A phone, messaging link or URL links every post that
 *      carries it, unless it is glue:
 *        (a) its document frequency is over the hard cap,
 *            df > max(max_indicator_posts, max_indicator_df * n_posts)
 *            (500 posts and 1% by default); or
 *        (b) it is spread thin: its posts fall into at least
 *            glue_min_sources (20) distinct text groups AND come from at
 *            least as many distinct accounts, each count being at least
 *            glue_source_frac (half) of its df.
 *      Plain df can not tell a network that reposts its number 200 times
 *      from a hotline quoted by strangers; (b) can: a network's posts come
 *      from a handful of accounts (and often a few templates), a hotline's
 *      from as many people as posts. Either count alone fails on synth: a
 *      network's free-text ads make as many text groups as posts.
 *      Domains, prices, places and handles (mentions) never link.
 *   3. Accounts. An account is author@platform: a platform's author field
 *      names one account, so a shared account is an identity and joins
 *      the groups of its posts (the same name on two platforms is two
 *      accounts). Safety nets for exports that give display names: an
 *      account is glue when its author is empty or a placeholder
 *      ("Anonymous", "Facebook User", ...), when it is over the hard cap,
 *      or when its posts with contacts lie in more than account_max_groups
 *      (8) groups after step 2; and account_min_support (default 1) can
 *      ask for that many distinct accounts before two groups that both
 *      carry contacts are joined. An account's posts without contacts
 *      join the one group its contact posts ended in (none when several);
 *      an account that never posts a contact links its own posts (a shop
 *      posting daily is a cluster; cluster is not network).
 *   4. Text. The text edges of step 1 are replayed, most similar first,
 *      and never join two groups that both carry contacts (contact_veto 2):
 *      a post without contacts joins the group it resembles most, and one
 *      copied ad can not bridge two networks. A text edge joins a group
 *      without contacts to one with contacts only at estimated Jaccard
 *      >= jaccard_attach (0.6): stock phrases make unrelated networks'
 *      contact-less posts about 0.5 alike, and such a post would carry
 *      its whole group into the wrong network. (contact_veto 1 only vetoes
 *      the pair; 3 also refuses to attach posts whose text group touches
 *      several contact groups.)
 *
 * A cluster is a set of two or more posts; clusters are numbered C1, C2, ...
 * in order of their first post. A cluster's score is
 *      score = max(sum(scores) / (n_scored + 1), n_flagged / (size + 1)),
 * the mean detector score or the flagged share, each with one pseudo-post
 * of score 0 (so a pair needs both posts to agree). It is a network when
 * its flagged share n_flagged / (size + 1) is >= network_threshold: a
 * post is flagged only when the detector also found reasons, and scores
 * without reasons (chit-chat, warnings about coyotes) made 0.4% of benign
 * clusters networks on synth heldout when the mean score could decide.
 * A big benign cluster with one false positive stays benign.

 * networks.jsonl, one object per cluster, most risky first, then larger,
 * then by number: id, flagged, score, size, posts (ids in input order, at
 * most 1000, then posts_truncated), accounts ("author@platform", top 50),
 * platforms, indicators {phones, links, urls, handles, emails} as
 * [{value, count}] (top 50), prices [{currency, min, median, max, n}],
 * places, first_seen, last_seen (created_at, compared as strings),
 * template {text, common_phrases}, slots [{kind, values}], evidence
 * {text_edges, phone_edges, link_edges, url_edges, account_edges, shared:
 * [{kind, value, posts}] (top 20)}, and for networks pulled_in: the posts
 * below the detector threshold with the edge that brought them in
 * ({id, score, via, value, with}).
 */
#include <assert.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "link/linker_int.h"
#include "link/lsh.h"
#include "link/unionfind.h"
#include "link/xsort.h"
#include "core/utf8.h"
#include "core/banned.h"

#define SIG_BUF_BYTES ((size_t)256 << 10)	/* append buffers */
#define KEY_BUF_BYTES ((size_t)32 << 10)
#define KEY_READ_BYTES ((size_t)1 << 20)
#define SIG_WINDOW (32 * 1024)	/* recent signatures kept (8 MiB at k = 64) */
#define SIG_CACHE 8192		/* older ones read back and kept (2 MiB) */
#define FP_MAX_POSTS (1 << 20)	/* fp_posts -1: every post's fingerprint in a scan
				 * of at most this many posts (k / 2 bytes each:
				 * at most 32 MiB at k = 64), none in a larger one */
#define LSH_TABLE_KEYS (1 << 19)	/* band keys in the table (16 MiB) */
#define TE_SORT_BYTES ((size_t)8 << 20)	/* text edges sorted in memory */

const char *const link_edge_name[E__N] = { "text", "phone", "link", "url", "account" };

void link_tuning_default(struct link_tuning *t)
{
	t->shingle = MINHASH_WORD3;
	t->min_tokens = 6;
	t->contact_veto = 2;
	t->jaccard_attach = 0.6;
	t->max_bucket_probe = 8;
	t->glue_min_sources = 20;
	t->glue_source_frac = 0.5;
	t->account_max_groups = 8;
	t->account_min_support = 1;
	t->sample_max = LINK_SAMPLE_MAX;
	t->lsh_table_keys = LSH_TABLE_KEYS;
	t->sig_window = SIG_WINDOW;
	t->sig_pread = 0;
	t->fp_posts = -1;
}

int linker_new(struct linker **out, const struct link_opts *o, struct atl_err *err)
{
	return linker_new_tuned(out, o, NULL, err);
}

int linker_new_tuned(struct linker **out, const struct link_opts *o,
		     const struct link_tuning *t, struct atl_err *err)
{
	struct linker *L;
	struct link_opts d = { 0 };
	int rc;

	*out = NULL;
	if (o)
		d = *o;
	if (!d.n_hashes)
		d.n_hashes = 64;
	if (!d.bands)
		d.bands = d.n_hashes / 4;
	if (d.jaccard <= 0)
		d.jaccard = 0.5;
	if (d.max_indicator_df <= 0)
		d.max_indicator_df = 0.01;
	if (!d.max_indicator_posts)
		d.max_indicator_posts = 500;
	if (d.network_threshold <= 0)	/* 0 would make every cluster one */
		d.network_threshold = 0.5;
	if (d.n_hashes < 8 || d.n_hashes > LINK_SIG_MAX)
		return atl_err_set(err, ATL_EINVAL, "signature length %d not in 8..%d",
				   d.n_hashes, LINK_SIG_MAX);
	if (d.bands < 1 || d.n_hashes % d.bands)
		return atl_err_set(err, ATL_EINVAL, "%d bands do not divide %d hashes",
				   d.bands, d.n_hashes);
	if (d.jaccard > 1)
		return atl_err_set(err, ATL_EINVAL, "jaccard threshold %g above 1", d.jaccard);
	L = calloc(1, sizeof(*L));
	if (!L)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	L->o = d;
	if (t)
		L->t = *t;
	else
		link_tuning_default(&L->t);
	if (L->t.max_bucket_probe < 1)
		L->t.max_bucket_probe = 1;
	if (L->t.sample_max < 1)
		L->t.sample_max = 1;
	if (L->t.lsh_table_keys < 1)
		L->t.lsh_table_keys = LSH_TABLE_KEYS;
	if (L->t.sig_window < 1)
		L->t.sig_window = SIG_WINDOW;
	L->t.sig_window = (L->t.sig_window + 31) / 32 * 32;
	L->mh.k = d.n_hashes;
	L->mh.shingle = L->t.shingle;
	L->mh.min_tokens = L->t.min_tokens;
	L->mh.seed = 0x61746c6c696e6b31ULL;	/* "atllink1": format version */
	L->rows = d.n_hashes / d.bands;
	intern_init(&L->keys);
	L->sigs.fd = L->meta.fd = L->samples.fd = L->edges.fd = -1;
	L->bkeys = calloc((size_t)d.bands, sizeof(*L->bkeys));
	if (!L->bkeys) {
		linker_free(L);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	for (int b = 0; b < d.bands; b++)
		L->bkeys[b].fd = -1;
	if (d.tmp_dir && !(L->tmp_dir = strdup(d.tmp_dir))) {
		linker_free(L);
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	L->o.tmp_dir = L->tmp_dir;
	rc = spill_open(&L->sigs, d.tmp_dir, SIG_BUF_BYTES, err);
	if (rc == 0)
		rc = spill_open(&L->edges, d.tmp_dir, SIG_BUF_BYTES, err);
	if (rc == 0)
		rc = spill_open(&L->meta, d.tmp_dir, SIG_BUF_BYTES, err);
	if (rc == 0)
		rc = spill_open(&L->samples, d.tmp_dir, SIG_BUF_BYTES, err);
	for (int b = 0; rc == 0 && b < d.bands; b++)
		rc = spill_open(&L->bkeys[b], d.tmp_dir, KEY_BUF_BYTES, err);
	if (rc < 0) {
		linker_free(L);
		return rc;
	}
	*out = L;
	return 0;
}

void linker_free(struct linker *L)
{
	if (!L)
		return;
	spill_close(&L->sigs);
	for (int b = 0; L->bkeys && b < L->o.bands; b++)
		spill_close(&L->bkeys[b]);
	free(L->bkeys);
	spill_close(&L->meta);
	free(L->meta_base);
	free(L->meta_rel);
	free(L->flags);
	free(L->account);
	free(L->ind_off);
	free(L->ind);
	intern_release(&L->keys);
	free(L->glue);
	free(L->kind);
	spill_close(&L->edges);
	free(L->tmp_dir);
	free(L->cluster_of);
	free(L->cl);
	spill_close(&L->samples);
	free(L);
}

int link_n_hashes(const struct linker *L)
{
	return L->o.n_hashes;
}

void link_sign(const struct linker *L, const struct norm_text *nt, uint32_t *sig)
{
	minhash_sign(&L->mh, nt ? nt->s : "", nt ? nt->len : 0, sig);
}

/* ---- pass 1 ---- */

#define GROW(L, ptr, newcap)                                                   \
	do {                                                                   \
		void *np_ = realloc((ptr), (newcap) * sizeof(*(ptr)));         \
		if (!np_)                                                      \
			goto nomem;                                            \
		(ptr) = np_;                                                   \
	} while (0)

static int reserve_posts(struct linker *L)
{
	size_t cap;

	if (L->n < L->cap)
		return 0;
	if (L->n >= UINT32_MAX - 1)
		return ATL_ETOOBIG;
	cap = L->cap ? L->cap * 2 : 4096;
	GROW(L, L->flags, cap);
	GROW(L, L->account, cap);
	GROW(L, L->meta_rel, cap);
	GROW(L, L->meta_base, cap / META_BLOCK_POSTS + 1);
	GROW(L, L->ind_off, cap + 1);
	L->cap = cap;
	return 0;
nomem:
	return ATL_ENOMEM;
}

/* Intern kind byte + value (+ \x1f + extra). */
static int put_key(struct linker *L, char kind, const char *v, const char *extra,
		   uint32_t *id)
{
	char tmp[INTERN_MAX_LEN + 1];
	size_t n = 0, vl = v ? strlen(v) : 0, el = extra ? strlen(extra) : 0;

	tmp[n++] = kind;
	if (vl > INTERN_MAX_LEN - 1)
		vl = INTERN_MAX_LEN - 1;
	memcpy(tmp + n, v, vl);
	n += vl;
	if (extra && n < INTERN_MAX_LEN) {
		tmp[n++] = '\x1f';
		if (el > INTERN_MAX_LEN - n)
			el = INTERN_MAX_LEN - n;
		memcpy(tmp + n, extra, el);
		n += el;
	}
	return intern_put(&L->keys, tmp, n, id);
}

static int add_ind(struct linker *L, uint32_t id, float amount, size_t from)
{
	if (amount == 0.0f)	/* values other than prices: once per post */
		for (size_t i = from; i < L->n_ind; i++)
			if (L->ind[i].id == id && L->ind[i].amount == 0.0f)
				return 1;
	if (L->n_ind == L->cap_ind) {
		size_t cap = L->cap_ind ? L->cap_ind * 2 : 4096;

		GROW(L, L->ind, cap);
		L->cap_ind = cap;
	}
	L->ind[L->n_ind].id = id;
	L->ind[L->n_ind].amount = amount;
	L->n_ind++;
	return 0;
nomem:
	return ATL_ENOMEM;
}

static char ind_key(enum ind_kind k)
{
	switch (k) {
	case IND_PHONE: return K_PHONE;
	case IND_LINK: return K_LINK;
	case IND_URL: return K_URL;
	case IND_HANDLE: return K_HANDLE;
	case IND_EMAIL: return K_EMAIL;
	case IND_PRICE: return K_CURRENCY;
	case IND_PLACE: return K_PLACE;
	default: return 0;	/* domains do not link and are not listed */
	}
}

/* A WhatsApp export names a sender that is not in the phone's contacts by
 * its number ("+55 11 91807-3175"): that author is a phone, in E.164
 * ("+5511918073175") as the extractor writes phones. Numbers without a
 * country code are left alone (their country is a guess). Returns the
 * length written to out (at most 16), or 0. */
/* A redacted phone, "tok:ph:" and 16 hex digits (pipeline/redact.c): a
 * WhatsApp author that --redact tokenised is that phone's token, the one
 * the indicators of other posts carry. */
#define PHONE_TOKEN_LEN 23

static size_t author_phone(const char *platform, const char *author, char *out)
{
	size_t n = 0;

	if (!platform || !author || strcmp(platform, "whatsapp") != 0)
		return 0;
	if (strncmp(author, "tok:ph:", 7) == 0) {
		for (n = 7; n < PHONE_TOKEN_LEN; n++)
			if (!ascii_is_xdigit((unsigned char)author[n]))
				return 0;
		if (author[n] != '\0')
			return 0;
		memcpy(out, author, n + 1);
		return n;
	}
	if (author[0] != '+')
		return 0;
	out[n++] = '+';
	for (const char *c = author + 1; *c; c++) {
		if (ascii_is_digit((unsigned char)*c)) {
			if (n == 16 || (n == 1 && *c == '0'))
				return 0;
			out[n++] = *c;
		} else if (!strchr(" -.()", *c)) {
			return 0;
		}
	}
	out[n] = '\0';
	return n >= 9 ? n : 0;	/* E.164: 8 to 15 digits */
}

/* The meta record: score (float), platform (uint32), id length (uint16),
 * created_at length (uint8), the id, created_at. */
#define META_HEAD 11

static int put_meta(struct linker *L, size_t i, const struct link_post *p, uint32_t platform)
{
	char head[META_HEAD];
	float score = p->score >= 0 ? (float)p->score : -1.0f;
	uint16_t il = (uint16_t)(p->id ? strnlen(p->id, MAX_ID_BYTES) : 0);
	uint8_t cl = (uint8_t)(p->created_at ? strnlen(p->created_at, MAX_TIME_BYTES) : 0);
	uint64_t off = spill_size(&L->meta);
	int rc;

	if (i % META_BLOCK_POSTS == 0)
		L->meta_base[i / META_BLOCK_POSTS] = off;
	L->meta_rel[i] = (uint32_t)(off - L->meta_base[i / META_BLOCK_POSTS]);
	memcpy(head, &score, 4);
	memcpy(head + 4, &platform, 4);
	memcpy(head + 8, &il, 2);
	head[10] = (char)cl;
	rc = spill_append(&L->meta, head, sizeof(head));
	if (rc == 0 && il)
		rc = spill_append(&L->meta, p->id, il);
	if (rc == 0 && cl)
		rc = spill_append(&L->meta, p->created_at, cl);
	return rc;
}

void meta_cache_release(struct meta_cache *mc)
{
	free(mc->blk);
	mc->blk = NULL;
	mc->off = 0;
	mc->len = 0;
}

#define META_CACHE_BYTES ((size_t)64 << 10)
#define META_SMALL_READ ((size_t)1 << 10)	/* > the largest record */

/* Bytes [off, off + n) of the meta file, through the cache: a read just
 * past the cached block (reading in input order) fetches a large block,
 * another (a small cluster's posts, scattered) a small one. */
static const char *meta_bytes(const struct linker *L, struct meta_cache *mc, uint64_t off,
			      size_t n, int *rc)
{
	size_t want = META_SMALL_READ;
	long got;

	if (mc->blk && off >= mc->off && off + n <= mc->off + mc->len)
		return mc->blk + (off - mc->off);
	if (!mc->blk && !(mc->blk = malloc(META_CACHE_BYTES))) {
		*rc = ATL_ENOMEM;
		return NULL;
	}
	if (mc->len && off >= mc->off && off - mc->off <= mc->len + META_SMALL_READ)
		want = META_CACHE_BYTES;
	got = spill_read(&L->meta, mc->blk, want, off);
	mc->off = off;
	mc->len = got > 0 ? (size_t)got : 0;
	if (got < 0 || (size_t)got < n) {
		*rc = ATL_EIO;
		return NULL;
	}
	return mc->blk;
}

int linker_meta(const struct linker *L, struct meta_cache *mc, uint32_t p, struct pmeta *out)
{
	uint64_t off = L->meta_base[p / META_BLOCK_POSTS] + L->meta_rel[p];
	const char *h;
	uint16_t il;
	uint8_t cl;
	int rc = 0;

	assert(p < L->n);
	h = meta_bytes(L, mc, off, META_HEAD, &rc);
	if (!h)
		return rc;
	memcpy(&out->score, h, 4);
	memcpy(&out->platform, h + 4, 4);
	memcpy(&il, h + 8, 2);
	cl = (uint8_t)h[10];
	if (il > MAX_ID_BYTES || cl > MAX_TIME_BYTES)
		return ATL_EIO;
	h = meta_bytes(L, mc, off + META_HEAD, (size_t)il + cl, &rc);
	if (!h)
		return rc;
	memcpy(out->id, h, il);
	out->id[il] = '\0';
	memcpy(out->created_buf, h + il, cl);
	out->created_buf[cl] = '\0';
	out->created = cl ? out->created_buf : NULL;
	return 0;
}

int linker_add(struct linker *L, const struct link_post *p, struct atl_err *err)
{
	uint32_t sig[LINK_SIG_MAX], platform;
	char aphone[PHONE_TOKEN_LEN + 1];
	size_t i = L->n, from = L->n_ind, k = (size_t)L->o.n_hashes;
	uint32_t id;
	int rc;

	assert(!L->finished);
	rc = reserve_posts(L);
	if (rc < 0)
		goto fail;
	if (p->sig)
		memcpy(sig, p->sig, k * sizeof(*p->sig));
	else
		for (size_t j = 0; j < k; j++)
			sig[j] = MINHASH_EMPTY;
	L->flags[i] = p->flagged ? PF_FLAGGED : 0;
	if (minhash_is_empty(sig))
		L->flags[i] |= PF_SHORT;
	if (p->score >= 0)
		L->flags[i] |= PF_SCORED;
	L->account[i] = platform = NONE;
	if (p->author && p->author[0]) {
		rc = put_key(L, K_ACCOUNT, p->author, p->platform ? p->platform : "", &id);
		if (rc < 0)
			goto fail;
		L->account[i] = id;
	}
	if (p->platform && p->platform[0]) {
		rc = put_key(L, K_PLATFORM, p->platform, NULL, &id);
		if (rc < 0)
			goto fail;
		platform = id;
	}
	L->ind_off[i] = (uint32_t)L->n_ind;
	if (author_phone(p->platform, p->author, aphone)) {
		rc = put_key(L, K_PHONE, aphone, NULL, &id);
		if (rc < 0)
			goto fail;
		rc = add_ind(L, id, 0.0f, from);
		if (rc < 0)
			goto fail;
	}
	for (size_t j = 0; j < p->n_ind && L->n_ind - from < MAX_IND_PER_POST; j++) {
		const struct indicator *d = &p->ind[j];
		char kc = ind_key(d->kind);
		float amount = 0.0f;

		if (!kc || !d->value)
			continue;
		if (kc == K_CURRENCY) {
			char *end;
			double v = d->amount ? strtod(d->amount, &end) : NAN;

			if (!(v > 0) || !isfinite(v))
				continue;
			amount = (float)v;
			rc = put_key(L, kc, d->currency ? d->currency : "", NULL, &id);
		} else {
			rc = put_key(L, kc, d->value, NULL, &id);
		}
		if (rc < 0)
			goto fail;
		rc = add_ind(L, id, amount, from);
		if (rc < 0)
			goto fail;
		if (rc == 1)	/* repeated in this post: counts are posts */
			L->keys.v[id].count--;
	}
	if (L->n_ind > UINT32_MAX - MAX_IND_PER_POST) {
		rc = ATL_ETOOBIG;
		goto fail;
	}
	/* last, so that nothing above can fail after a record is on disk; a
	 * failed write leaves the files out of step: the linker is unusable */
	rc = L->broken ? ATL_EIO : spill_append(&L->sigs, sig, k * sizeof(*sig));
	if (rc == 0)
		rc = put_meta(L, i, p, platform);
	for (int b = 0; rc == 0 && b < L->o.bands; b++) {
		uint64_t key = L->flags[i] & PF_SHORT ? 0 : lsh_band_key(sig, b, L->rows);

		rc = spill_append(&L->bkeys[b], &key, sizeof(key));
	}
	if (rc < 0) {
		L->broken = 1;
		goto fail;
	}
	for (size_t j = from; j < L->n_ind; j++)
		if (is_contact(key_kind(L, L->ind[j].id)))
			L->flags[i] |= PF_CONTACT;
	L->n_short += (L->flags[i] & PF_SHORT) != 0;
	L->n++;
	L->ind_off[L->n] = (uint32_t)L->n_ind;
	return 0;
fail:
	L->n_ind = from;
	return atl_err_set(err, rc, "cannot add post %zu to the linker: %s", i,
			   atl_code_str(rc));
}

/* ---- linker_finish ---- */

/* key_kind, from the array linker_finish fills (one byte an id, not a
 * look-up of the interned string). */
static inline char kind_of(const struct linker *L, uint32_t id)
{
	return L->kind[id];
}

/* Both posts carry contacts and share none: the contact veto. */
static int contact_conflict(const struct linker *L, uint32_t a, uint32_t b)
{
	if (!(L->flags[a] & L->flags[b] & PF_CONTACT))
		return 0;
	/* the values they share, then which of them are contacts */
	for (uint32_t i = L->ind_off[a]; i < L->ind_off[a + 1]; i++) {
		uint32_t x = L->ind[i].id;

		for (uint32_t j = L->ind_off[b]; j < L->ind_off[b + 1]; j++)
			if (L->ind[j].id == x) {
				if (is_contact(kind_of(L, x)))
					return 0;
				break;
			}
	}
	return 1;
}

static int add_edge(struct linker *L, uint32_t a, uint32_t b, uint32_t what, int kind)
{
	struct edge e;
	int rc;

	memset(&e, 0, sizeof(e));	/* no stray padding bytes in the file */
	e.a = a;
	e.b = b;
	e.what = what;
	e.kind = (uint8_t)kind;
	rc = spill_append(&L->edges, &e, sizeof(e));
	if (rc < 0)
		return rc;
	L->n_edges++;
	L->st.edges[kind]++;
	return 0;
}

int linker_edge_at(const struct linker *L, size_t i, struct edge *out)
{
	if (i >= L->n_edges ||
	    spill_read(&L->edges, out, sizeof(*out), (uint64_t)i * sizeof(*out)) !=
		    (long)sizeof(*out))
		return ATL_EIO;
	return 0;
}

/* The signatures link_text compares, read in post order through a window
 * of the last SIG_WINDOW posts (the bucket members met are often recent);
 * older ones are read with pread. The window is the signatures file
 * mapped (the pages behind it let go as it moves, so that at most about
 * ring_posts + chunk signatures are resident), or where mmap fails a ring
 * copied in with pread. */
struct sigwin {
	const uint32_t *map;	/* the signatures file (spill_map) or NULL */
	uint64_t map_len;
	uint64_t dropped;	/* map bytes below this are let go */
	uint32_t *ring;		/* ring_posts signatures (no map) */
	size_t ring_posts;	/* sig_window, or fewer for small linkers */
	size_t chunk;		/* posts read at once: ring_posts / 32 */
	uint64_t loaded;	/* posts below this (within the ring) are in it */
	/* older signatures read with pread, direct-mapped by post: a big
	 * bucket's newest members are every new member's candidates */
	uint32_t *cache;	/* SIG_CACHE signatures */
	uint32_t *tag;		/* the post in each slot, NONE when empty */
	/* The fingerprints (minhash_nibbles) of the first fp_posts posts,
	 * filled in the first band as each post is compared (fp_kept after
	 * it): a candidate among them outside the window whose fingerprint
	 * agrees with the post's on fewer than need positions can not reach
	 * need, and is rejected without reading its signature back. */
	uint64_t *fp;		/* fp_posts * fp_words, or NULL */
	size_t fp_posts, fp_words;
	int fp_kept;
};

/* Post i's signature is in the window. */
static inline int in_window(const struct sigwin *w, uint32_t i)
{
	return i < w->loaded && w->loaded - i <= w->ring_posts;
}

/* sig_of when i is not in the window. */
static int sig_read(struct linker *L, struct sigwin *w, uint32_t i, const uint32_t **out)
{
	size_t k = (size_t)L->o.n_hashes, rb = k * sizeof(uint32_t);
	int rc;

	if (i < w->loaded) {
		size_t slot = i % SIG_CACHE;

		*out = w->cache + slot * k;
		if (w->tag[slot] == i)
			return 0;
		w->tag[slot] = NONE;
		rc = spill_pread(&L->sigs, w->cache + slot * k, rb, (uint64_t)i * rb);
		if (rc == 0)
			w->tag[slot] = i;
		return rc;
	}
	if (w->map) {
		uint64_t e = ((uint64_t)i / w->chunk + 1) * w->chunk;

		w->loaded = e < L->n ? e : L->n;
		if (w->loaded > w->ring_posts)
			w->dropped = spill_map_drop(w->map, w->dropped,
						    (w->loaded - w->ring_posts) * rb);
		*out = w->map + (size_t)i * k;
		return 0;
	}
	/* Skip what the ring would drop. The ring slots of the posts skipped
	 * over still hold older posts, but no candidate is among them: every
	 * post between the last one asked for and i is short (link_text asks
	 * for each long post in order), short posts are in no bucket, and the
	 * posts before the skip fail the test above because loaded and
	 * ring_posts are multiples of chunk. */
	if (i >= w->loaded + w->ring_posts)
		w->loaded = i - i % w->chunk;
	while (i >= w->loaded) {
		uint64_t s = w->loaded, e = s + w->chunk < L->n ? s + w->chunk : L->n;

		rc = spill_pread(&L->sigs, w->ring + (s % w->ring_posts) * k,
				 (size_t)(e - s) * rb, s * rb);
		if (rc < 0)
			return rc;
		w->loaded = e;
	}
	*out = w->ring + (i % w->ring_posts) * k;
	return 0;
}

/* Signature of post i into *out. i is the current post (never below the
 * one before) or a candidate before it. 0 or ATL_EIO. */
static inline int sig_of(struct linker *L, struct sigwin *w, uint32_t i, const uint32_t **out)
{
	if (in_window(w, i)) {
		size_t k = (size_t)L->o.n_hashes;

		*out = w->map ? w->map + (size_t)i * k : w->ring + (i % w->ring_posts) * k;
		return 0;
	}
	return sig_read(L, w, i, out);
}

#define KEY_AHEAD 16	/* band_prev prefetches the table slot this far ahead */

/* prev[] of one band (lsh.h): the band's keys (flushed: spill_read, so
 * that bands can be read on two threads) are read n_parts times, one
 * partition of keys at a time, so the table holds at most about
 * lsh_table_keys keys. buf holds KEY_READ_BYTES; *max_bucket gets the
 * largest bucket. */
static int band_prev(const struct linker *L, int band, uint32_t n_parts,
		     struct lsh_table *t, uint32_t *prev, uint64_t *buf, size_t *max_bucket)
{
	size_t nb = KEY_READ_BYTES / sizeof(*buf);

	*max_bucket = 0;
	for (uint32_t part = 0; part < n_parts; part++) {
		lsh_table_reset(t);
		for (uint32_t s = 0; s < L->n; s += (uint32_t)nb) {
			size_t m = L->n - s < nb ? L->n - s : nb;
			long got = spill_read(&L->bkeys[band], buf, m * sizeof(*buf),
					      (uint64_t)s * sizeof(*buf));

			if (got != (long)(m * sizeof(*buf)))
				return ATL_EIO;	/* short file */
			for (size_t j = 0; j < m; j++) {
				uint32_t i = s + (uint32_t)j;
				uint64_t key = buf[j];
				int rc;

				if (j + KEY_AHEAD < m && !(L->flags[i + KEY_AHEAD] & PF_SHORT) &&
				    (n_parts == 1 || lsh_part_of(buf[j + KEY_AHEAD], n_parts) == part))
					lsh_table_prefetch(t, buf[j + KEY_AHEAD]);
				if (L->flags[i] & PF_SHORT)
					continue;
				if (n_parts > 1 && lsh_part_of(key, n_parts) != part)
					continue;
				rc = lsh_table_put(t, key, i, &prev[i]);
				if (rc < 0)
					return rc;
			}
		}
		if (t->max_bucket > *max_bucket)
			*max_bucket = t->max_bucket;
	}
	return 0;
}

/* One band's prev[], built on a thread of its own while the band before
 * it is compared (link_opts.threads > 1). */
struct prev_job {
	const struct linker *L;
	int band;
	uint32_t n_parts;
	struct lsh_table t;
	uint32_t *prev;
	uint64_t *buf;
	size_t max_bucket;
	int rc;
};

static void *prev_main(void *arg)
{
	struct prev_job *j = arg;

	j->rc = band_prev(j->L, j->band, j->n_parts, &j->t, j->prev, j->buf, &j->max_bucket);
	return NULL;
}

/* Posts whose candidates are gathered at once (link_text). */
#define CAND_BATCH 64

/* The candidates of posts i0 .. i0 + nb - 1 (nb <= CAND_BATCH): at most
 * probe of prev[i], prev[prev[i]], ... each, newest first, into
 * cand[x * probe ..] and their number into nc[x] (0 for short posts, whose
 * prev[] is stale). The chains are walked side by side, one step of each
 * in turn, so that their cache misses overlap, and each candidate's
 * union-find entry is fetched for the comparisons to come; what they give
 * does not depend on it. */
static void gather_candidates(const struct linker *L, const uint32_t *prev,
			      const struct uf *u, uint32_t i0, uint32_t nb, size_t probe,
			      uint32_t *cand, size_t *nc)
{
	uint32_t cur[CAND_BATCH], live[CAND_BATCH];	/* chains not at their end */
	size_t n_live = 0;

	for (uint32_t x = 0; x < nb; x++) {
		nc[x] = 0;
		cur[x] = L->flags[i0 + x] & PF_SHORT ? LSH_NONE : prev[i0 + x];
		if (cur[x] != LSH_NONE)
			live[n_live++] = x;
	}
	for (size_t d = 0; n_live && d < probe; d++) {
		size_t still = 0;

		for (size_t l = 0; l < n_live; l++) {
			uint32_t x = live[l], m = cur[x];

			cand[x * probe + d] = m;
			nc[x] = d + 1;
			__builtin_prefetch(&u->parent[m]);
			cur[x] = prev[m];
			if (cur[x] != LSH_NONE)
				live[still++] = x;
		}
		n_live = still;
	}
}

/* One band's comparisons: each post, in input order, with at most probe
 * newest members of its bucket before it (prev[]) that are not yet in its
 * text group. */
static int compare_band(struct linker *L, struct uf *u, struct xsort *te, struct sigwin *w,
			const uint32_t *prev, struct atl_err *err)
{
	uint32_t cand[CAND_BATCH * 64];
	size_t nc[CAND_BATCH];
	size_t k = (size_t)L->o.n_hashes, probe = (size_t)L->t.max_bucket_probe;
	int need = (int)ceil(L->o.jaccard * (double)k - 1e-9);
	struct edge e;
	int rc = 0;

	if (probe > 64)
		probe = 64;
	spill_map_drop(w->map, 0, w->map_len);
	w->loaded = w->dropped = 0;
	for (uint32_t i0 = 0; rc == 0 && i0 < L->n; i0 += CAND_BATCH) {
		uint32_t nb = L->n - i0 < CAND_BATCH ? L->n - i0 : CAND_BATCH;

		gather_candidates(L, prev, u, i0, nb, probe, cand, nc);
		for (uint32_t x = 0; rc == 0 && x < nb; x++) {
			uint32_t i = i0 + x, ri;
			const uint32_t *si, *sc;
			const uint64_t *fi = NULL;
			uint64_t fbuf[MINHASH_NIBBLE_WORDS(LINK_SIG_MAX)];

			if (L->flags[i] & PF_SHORT)
				continue;
			rc = sig_of(L, w, i, &si);
			if (rc == 0 && i < w->fp_posts) {	/* kept for later bands */
				fi = w->fp + (size_t)i * w->fp_words;
				if (!w->fp_kept)
					minhash_nibbles(si, (int)k, w->fp + (size_t)i * w->fp_words);
			}
			ri = uf_find(u, i);
			for (size_t c = 0; rc == 0 && c < nc[x]; c++) {
				uint32_t m = cand[x * probe + c];
				int agree;

				if (uf_find(u, m) == ri)
					continue;
				if (L->t.contact_veto && contact_conflict(L, i, m))
					continue;
				L->st.text_checks++;
				if (m < w->fp_posts && !in_window(w, m)) {
					if (!fi) {	/* post i's, when first needed */
						minhash_nibbles(si, (int)k, fbuf);
						fi = fbuf;
					}
					if (minhash_nibbles_agree(fi, w->fp + (size_t)m * w->fp_words,
								  (int)k) < need)
						continue;	/* so would the signatures */
				}
				rc = sig_of(L, w, m, &sc);
				if (rc < 0)
					break;
				agree = minhash_agree_min(si, sc, (int)k, need);
				if (agree < need)
					continue;
				uf_union(u, i, m);
				ri = uf_find(u, i);
				memset(&e, 0, sizeof(e));
				e.a = i;
				e.b = m;
				e.what = (uint32_t)agree;
				e.kind = E_TEXT;
				rc = xsort_add(te, &e, err);
			}
		}
	}
	return rc;
}

/* Step 1 (the top comment), band by band. With link_opts.threads > 1 the
 * next band's prev[] is built on a second thread while this one's posts
 * are compared: a second prev[], and two tables of a quarter of the keys
 * each (half the memory of one, in four times the partitions: more reads
 * of the keys, on the second thread). */
static int link_text(struct linker *L, struct uf *u, struct xsort *te, struct atl_err *err)
{
	struct prev_job job[2];
	struct sigwin w;
	size_t k = (size_t)L->o.n_hashes;
	size_t active = L->n - L->n_short, max_keys = (size_t)L->t.lsh_table_keys;
	size_t win = (size_t)L->t.sig_window;
	int two = L->o.threads > 1 && L->o.bands > 1, n_jobs = two ? 2 : 1;
	int rc = 0;

	if (two)	/* the second prev[] paid for by smaller tables */
		max_keys = max_keys / 4 ? max_keys / 4 : 1;
	memset(job, 0, sizeof(job));
	memset(&w, 0, sizeof(w));
	w.chunk = win / 32;
	w.ring_posts = L->n < win ? (L->n + w.chunk - 1) / w.chunk * w.chunk : win;
	if (!w.ring_posts)
		w.ring_posts = w.chunk;
	for (int b = 0; rc == 0 && b < L->o.bands; b++)	/* band_prev reads them */
		rc = spill_flush(&L->bkeys[b]);
	if (rc == 0 && !L->t.sig_pread)
		w.map = spill_map(&L->sigs, &w.map_len);
	if (!w.map)
		w.ring = malloc(w.ring_posts * k * sizeof(*w.ring));
	w.cache = malloc(SIG_CACHE * k * sizeof(*w.cache));
	w.tag = malloc(SIG_CACHE * sizeof(*w.tag));
	for (size_t j = 0; w.tag && j < SIG_CACHE; j++)
		w.tag[j] = NONE;
	if (L->t.fp_posts < 0)	/* the default: all or none */
		w.fp_posts = L->n <= FP_MAX_POSTS ? L->n : 0;
	else
		w.fp_posts = (size_t)L->t.fp_posts;
	if (w.fp_posts > L->n)
		w.fp_posts = L->n;
	w.fp_words = MINHASH_NIBBLE_WORDS(k);
	if (w.fp_posts)	/* without them (no memory) only slower */
		w.fp = malloc(w.fp_posts * w.fp_words * sizeof(*w.fp));
	if (!w.fp)
		w.fp_posts = 0;
	if (rc == 0 && !((w.map || w.ring) && w.cache && w.tag))
		rc = ATL_ENOMEM;
	for (int j = 0; j < n_jobs; j++) {
		job[j].L = L;
		job[j].n_parts = (uint32_t)((active + max_keys - 1) / max_keys);
		if (job[j].n_parts < 1)
			job[j].n_parts = 1;
		job[j].prev = malloc((L->n ? L->n : 1) * sizeof(*job[j].prev));
		job[j].buf = malloc(KEY_READ_BYTES);
		if (rc == 0)
			rc = job[j].prev && job[j].buf ?
			     lsh_table_init(&job[j].t, active < max_keys ? active : max_keys) :
			     ATL_ENOMEM;
	}
	if (rc == 0) {	/* band 0, here */
		prev_main(&job[0]);
		rc = job[0].rc;
	}
	for (int band = 0; rc == 0 && band < L->o.bands; band++) {
		struct prev_job *cur = &job[band % n_jobs], *next = &job[(band + 1) % n_jobs];
		pthread_t tid;
		int started = 0;

		if (cur->max_bucket > L->st.max_bucket)
			L->st.max_bucket = cur->max_bucket;
		if (two && band + 1 < L->o.bands) {
			next->band = band + 1;
			started = pthread_create(&tid, NULL, prev_main, next) == 0;
		}
		rc = compare_band(L, u, te, &w, cur->prev, err);
		w.fp_kept = 1;	/* band 0 filled them */
		if (started)
			pthread_join(tid, NULL);
		else if (band + 1 < L->o.bands) {	/* one thread, or no second one */
			next->band = band + 1;
			prev_main(next);
		}
		if (rc == 0 && band + 1 < L->o.bands)
			rc = next->rc;
	}
	for (int j = 0; j < n_jobs; j++) {
		lsh_table_release(&job[j].t);
		free(job[j].prev);
		free(job[j].buf);
	}
	spill_unmap(w.map, w.map_len);
	free(w.ring);
	free(w.cache);
	free(w.tag);
	free(w.fp);
	return rc;
}

/* Display names that many unrelated people share. Compared ASCII
 * case-insensitively after trimming spaces. */
static const char *const placeholder_authors[] = {
	"anonymous", "anon", "anonymous user", "anonymous participant",
	"anonimo", "an\xc3\xb3nimo", "participante an\xc3\xb3nimo",
	"usuario an\xc3\xb3nimo", "facebook user", "usuario de facebook",
	"utilisateur de facebook", "usu\xc3\xa1rio do facebook",
	"instagram user", "usuario de instagram", "unknown", "desconocido",
	"deleted", "[deleted]", "deleted account", "deleted user",
	"cuenta eliminada", "null", "none", "n/a", "user", "usuario", "admin",
	"group member", "miembro del grupo", "member", "guest", NULL
};

static int is_placeholder(const char *author, size_t len)
{
	while (len && author[0] == ' ') {
		author++;
		len--;
	}
	while (len && author[len - 1] == ' ')
		len--;
	if (!len)
		return 1;
	for (const char *const *p = placeholder_authors; *p; p++) {
		size_t i;

		if ((unsigned char)(*p)[0] != ascii_tolower((unsigned char)author[0]) ||
		    strlen(*p) != len)
			continue;
		for (i = 0; i < len; i++)
			if (ascii_tolower((unsigned char)author[i]) != (unsigned char)(*p)[i])
				break;
		if (i == len)
			return 1;
	}
	return 0;
}

int link_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* For each distinct high half of the sorted pairs, the number of distinct
 * low halves: calls fn(L, high, n_distinct, arg). */
static void count_distinct(struct linker *L, uint64_t *pairs, size_t n,
			   void (*fn)(struct linker *, uint32_t, size_t, double),
			   double arg)
{
	size_t i = 0;

	xsort_u64(pairs, n);
	while (i < n) {
		uint32_t hi = (uint32_t)(pairs[i] >> 32);
		size_t d = 0, j = i;

		for (; j < n && (uint32_t)(pairs[j] >> 32) == hi; j++)
			if (j == i || pairs[j] != pairs[j - 1])
				d++;
		fn(L, hi, d, arg);
		i = j;
	}
}

static void account_verdict(struct linker *L, uint32_t acc, size_t n_groups, double max)
{
	if ((double)n_groups > max)
		L->glue[acc] = 1;
}

/* Rule (b), in two halves: the value is spread over many text groups
 * (bit 2) and over many accounts (bit 4); glue needs both. */
static void value_verdict(struct linker *L, uint32_t v, size_t n_sources, double bit)
{
	double df = (double)intern_count(&L->keys, v);

	if (n_sources >= (size_t)L->t.glue_min_sources &&
	    (double)n_sources >= L->t.glue_source_frac * df)
		L->glue[v] |= (uint8_t)bit;
}

/* Sources of rule (b) for values (accounts = 0: text groups; 1: accounts,
 * a post without one counting as its own), or contact groups per account
 * (accounts = 2). */
static int glue_pairs(struct linker *L, struct uf *u, int mode)
{
	size_t np = 0, cap = 0;
	uint64_t *pairs = NULL;

	for (uint32_t i = 0; i < L->n; i++) {
		for (uint32_t j = L->ind_off[i]; j < L->ind_off[i + 1]; j++) {
			uint32_t v = L->ind[j].id, hi, lo;

			if (mode == 2) {
				hi = L->account[i];
				lo = uf_find(u, i);
				if (hi == NONE || L->glue[hi] || !is_contact(kind_of(L, v)))
					continue;
			} else {
				hi = v;
				if (mode == 0)
					lo = uf_find(u, i);
				else
					lo = L->account[i] != NONE ? L->account[i] : (UINT32_C(1) << 31) | i;
				if (L->glue[v] & 1 || !links(kind_of(L, v)) ||
				    intern_count(&L->keys, v) < 2)
					continue;
			}
			if (np == cap) {
				cap = cap ? 2 * cap : 4096;
				GROW(L, pairs, cap);
			}
			pairs[np++] = (uint64_t)hi << 32 | lo;
		}
	}
	if (mode == 2)
		count_distinct(L, pairs, np, account_verdict, L->t.account_max_groups);
	else
		count_distinct(L, pairs, np, value_verdict, mode == 0 ? 2 : 4);
	free(pairs);
	return 0;
nomem:
	free(pairs);
	return ATL_ENOMEM;
}

static int decide_glue(struct linker *L, struct uf *u, int accounts)
{
	size_t n_keys = intern_n(&L->keys);
	double hard = (double)L->o.max_indicator_posts;
	int rc;

	if (L->o.max_indicator_df * (double)L->n > hard)
		hard = L->o.max_indicator_df * (double)L->n;
	for (uint32_t id = 0; id < n_keys; id++) {
		char k = kind_of(L, id);

		if (accounts ? k != K_ACCOUNT : !links(k))
			continue;
		if ((double)intern_count(&L->keys, id) > hard)
			L->glue[id] = 1;
		else if (k == K_ACCOUNT) {
			const char *s = intern_str(&L->keys, id) + 1;

			if (is_placeholder(s, strcspn(s, "\x1f")))
				L->glue[id] = 1;
		}
	}
	if (accounts)
		return glue_pairs(L, u, 2);
	rc = glue_pairs(L, u, 0);
	if (rc == 0)
		rc = glue_pairs(L, u, 1);
	for (uint32_t id = 0; id < n_keys; id++)
		L->glue[id] = (L->glue[id] & 1) || (L->glue[id] & 6) == 6;
	return rc;
}

/* Union a and b, recording the edge, unless the contact veto forbids it:
 * with cflag (veto mode 2), two groups that both carry contacts are never
 * joined by text or account. Returns 0 or ATL_ENOMEM. */
static int join(struct linker *L, struct uf *u, uint8_t *cflag, uint32_t a,
		uint32_t b, uint32_t what, int kind)
{
	uint32_t ra = uf_find(u, a), rb = uf_find(u, b);
	uint8_t f;

	if (ra == rb)
		return 0;
	if (cflag && cflag[ra] && cflag[rb])
		return 0;
	f = cflag ? (uint8_t)(cflag[ra] | cflag[rb]) : 0;
	uf_union(u, a, b);
	if (cflag)
		cflag[uf_find(u, a)] = f;
	return add_edge(L, a, b, what, kind);
}

/* Join each post to the first post with the same non-glue value. */
static int link_values(struct linker *L, struct uf *u, uint32_t *first,
		       uint8_t *cflag, int accounts)
{
	int rc;

	for (uint32_t i = 0; i < L->n; i++) {
		uint32_t b = accounts ? 0 : L->ind_off[i], e = accounts ? 1 : L->ind_off[i + 1];

		for (uint32_t j = b; j < e; j++) {
			uint32_t v = accounts ? L->account[i] : L->ind[j].id;

			if (v == NONE || L->glue[v])
				continue;
			if (!accounts && !links(kind_of(L, v)))
				continue;
			if (first[v] == NONE) {
				first[v] = i;
				continue;
			}
			rc = join(L, u, accounts ? cflag : NULL, i, first[v], v,
				  edge_of_key(kind_of(L, v)));
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static int post_has_contact(const struct linker *L, uint32_t i)
{
	if (!(L->flags[i] & PF_CONTACT))
		return 0;
	for (uint32_t j = L->ind_off[i]; j < L->ind_off[i + 1]; j++)
		if (is_contact(kind_of(L, L->ind[j].id)) && !L->glue[L->ind[j].id])
			return 1;
	return 0;
}

struct gpair {
	uint64_t groups;	/* smaller root << 32 | larger root */
	uint32_t account;
};

static int cmp_gpair(const void *pa, const void *pb)
{
	const struct gpair *x = pa, *y = pb;

	if (x->groups != y->groups)
		return x->groups < y->groups ? -1 : 1;
	return x->account < y->account ? -1 : x->account > y->account;
}

#define AMBIGUOUS (UINT32_MAX - 1)

/* Step 3, accounts. Display names collide (two networks' "Agencia Cruce"),
 * so one shared account is not enough to join two groups that carry
 * contacts: they are joined when at least account_min_support distinct
 * accounts post in both. An account's posts without contacts then join the
 * one group its contact posts ended in (none when they still span several);
 * an account that never posts a contact links its posts together. */
static int link_accounts(struct linker *L, struct uf *u, uint32_t *home)
{
	uint64_t *pairs = NULL;
	struct gpair *gp = NULL;
	size_t np = 0, cap = 0, ng = 0, gcap = 0, i;
	int rc = 0;

	for (uint32_t p = 0; p < L->n; p++) {
		uint32_t a = L->account[p];

		if (a == NONE || L->glue[a] || !post_has_contact(L, p))
			continue;
		if (np == cap) {
			cap = cap ? 2 * cap : 4096;
			GROW(L, pairs, cap);
		}
		pairs[np++] = (uint64_t)a << 32 | uf_find(u, p);
	}
	xsort_u64(pairs, np);
	for (i = 0; i < np;) {
		size_t j = i, e;

		while (j < np && pairs[j] >> 32 == pairs[i] >> 32)
			j++;
		e = j;
		for (size_t x = i; x < e; x++) {
			if (x > i && pairs[x] == pairs[x - 1])
				continue;
			for (size_t y = x + 1; y < e; y++) {
				if (pairs[y] == pairs[y - 1])
					continue;
				if (ng == gcap) {
					gcap = gcap ? 2 * gcap : 4096;
					GROW(L, gp, gcap);
				}
				gp[ng].groups = (pairs[x] & 0xffffffffu) << 32 |
						(pairs[y] & 0xffffffffu);
				gp[ng++].account = (uint32_t)(pairs[i] >> 32);
			}
		}
		i = j;
	}
	if (ng > 1)
		qsort(gp, ng, sizeof(*gp), cmp_gpair);
	for (i = 0; i < ng && rc == 0;) {
		size_t j = i, support = 0;

		for (; j < ng && gp[j].groups == gp[i].groups; j++)
			support++;
		if (support >= (size_t)L->t.account_min_support)
			rc = join(L, u, NULL, (uint32_t)(gp[i].groups >> 32),
				  (uint32_t)gp[i].groups, gp[i].account, E_ACCOUNT);
		i = j;
	}
	/* home group of each account, from its contact posts */
	for (i = 0; i < np; i++) {
		uint32_t a = (uint32_t)(pairs[i] >> 32), r = uf_find(u, (uint32_t)pairs[i]);

		if (home[a] == NONE)
			home[a] = r;
		else if (home[a] != AMBIGUOUS && uf_find(u, home[a]) != r)
			home[a] = AMBIGUOUS;
	}
	for (uint32_t p = 0; p < L->n && rc == 0; p++) {
		uint32_t a = L->account[p];

		if (a == NONE || L->glue[a] || home[a] == AMBIGUOUS || post_has_contact(L, p))
			continue;
		if (home[a] == NONE)
			home[a] = p;
		else
			rc = join(L, u, NULL, p, home[a], a, E_ACCOUNT);
	}
	free(pairs);
	free(gp);
	return rc;
nomem:
	free(pairs);
	free(gp);
	return ATL_ENOMEM;
}

static int cmp_text_edge(const void *pa, const void *pb)
{
	const struct edge *x = pa, *y = pb;

	if (x->what != y->what)
		return x->what > y->what ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

/* Text edges into the union-find of shared values, most similar first, so
 * that a post without contacts joins the group it resembles most before a
 * weaker edge could pull it elsewhere. */
static int replay_text(struct linker *L, struct uf *u, struct xsort *te,
		       uint8_t *cflag, struct uf *ut, const uint8_t *mixed)
{
	int rc = 0;
	uint32_t attach = (uint32_t)ceil(L->t.jaccard_attach * (double)L->o.n_hashes - 1e-9);
	const void *p;
	struct edge e;

	while (rc == 0 && (p = xsort_next(te, &rc))) {
		uint32_t a, b, ra, rb;

		memcpy(&e, p, sizeof(e));
		a = e.a;
		b = e.b;
		if (cflag && e.what < attach &&
		    (cflag[uf_find(u, a)] || cflag[uf_find(u, b)]))
			continue;

		if (mixed) {
			/* veto 3: a group without contacts joins one with
			 * contacts only when its post's text group (text
			 * alone) met no other contact group */
			ra = uf_find(u, a);
			rb = uf_find(u, b);
			if (cflag[ra] != cflag[rb] &&
			    mixed[uf_find(ut, cflag[ra] ? b : a)])
				continue;
		}
		rc = join(L, u, cflag, a, b, e.what, E_TEXT);
	}
	return rc;
}

/* Text groups (text alone) whose posts with contacts lie in more than one
 * group after shared values and accounts: copies of one ad by several
 * networks, where a post without contacts can not say whose it is. */
static uint8_t *mixed_text_groups(struct linker *L, struct uf *ut, struct uf *u)
{
	uint32_t *grp = malloc((L->n ? L->n : 1) * sizeof(*grp));
	uint8_t *mixed = calloc(L->n ? L->n : 1, 1);

	if (!grp || !mixed) {
		free(grp);
		free(mixed);
		return NULL;
	}
	for (uint32_t i = 0; i < L->n; i++)
		grp[i] = NONE;
	for (uint32_t i = 0; i < L->n; i++) {
		uint32_t t, g;

		if (!post_has_contact(L, i))
			continue;
		t = uf_find(ut, i);
		g = uf_find(u, i);
		if (grp[t] == NONE)
			grp[t] = g;
		else if (uf_find(u, grp[t]) != g)
			mixed[t] = 1;
	}
	free(grp);
	return mixed;
}

static int make_clusters(struct linker *L, struct uf *u)
{
	uint32_t *root_cl = NULL;
	size_t cap = 0;
	uint64_t S = (uint64_t)L->t.sample_max;
	struct meta_cache mc = META_CACHE_INIT;
	struct spill_reader er;
	struct pmeta pm;
	int rc = ATL_ENOMEM;

	L->cluster_of = malloc((L->n ? L->n : 1) * sizeof(*L->cluster_of));
	root_cl = malloc((L->n ? L->n : 1) * sizeof(*root_cl));
	if (!L->cluster_of || !root_cl)
		goto nomem;
	for (uint32_t i = 0; i < L->n; i++)
		root_cl[i] = NONE;
	for (uint32_t i = 0; i < L->n; i++) {
		uint32_t r = uf_find(u, i), c;
		struct cluster *C;

		L->cluster_of[i] = NONE;
		if (u->size[r] < 2)
			continue;
		if (root_cl[r] == NONE) {
			if (L->n_cl == cap) {
				cap = cap ? 2 * cap : 1024;
				GROW(L, L->cl, cap);
			}
			C = &L->cl[L->n_cl];
			memset(C, 0, sizeof(*C));
			C->first = i;
			snprintf(C->label, sizeof(C->label), "C%zu", L->n_cl + 1);
			root_cl[r] = (uint32_t)L->n_cl++;
		}
		c = root_cl[r];
		C = &L->cl[c];
		L->cluster_of[i] = c;
		C->size++;
		if (L->flags[i] & PF_FLAGGED)
			C->n_flagged++;
		if (L->flags[i] & PF_SCORED) {
			rc = linker_meta(L, &mc, i, &pm);
			if (rc < 0)
				goto fail;
			C->n_scored++;
			C->score_sum += pm.score;
		}
	}
	free(root_cl);
	root_cl = NULL;
	meta_cache_release(&mc);
	rc = spill_reader_init(&er, &L->edges, sizeof(struct edge), 0,
			       (uint64_t)L->n_edges * sizeof(struct edge), KEY_READ_BYTES);
	for (size_t e = 0; rc == 0 && e < L->n_edges; e++) {
		const void *p = spill_reader_next(&er, &rc);
		struct edge E;

		if (!p) {
			rc = rc < 0 ? rc : ATL_EIO;
			break;
		}
		memcpy(&E, p, sizeof(E));
		L->cl[L->cluster_of[E.a]].edges[E.kind]++;
	}
	spill_reader_release(&er);
	if (rc < 0)
		goto fail;
	for (size_t c = 0; c < L->n_cl; c++) {
		struct cluster *C = &L->cl[c];
		double mean = C->score_sum / (C->n_scored + 1.0);
		double frac = C->n_flagged / (C->size + 1.0);

		C->score = mean > frac ? mean : frac;
		C->flagged = frac >= L->o.network_threshold;
		L->n_net += (size_t)C->flagged;
	}
	/* Sample sample_max posts per cluster (link_sample_takes). */
	for (uint32_t i = 0; i < L->n; i++) {
		uint32_t c = L->cluster_of[i];
		uint64_t r, s;

		if (c == NONE)
			continue;
		r = L->cl[c].seen++;
		s = L->cl[c].size;
		if (link_sample_takes(r, s, S))
			L->flags[i] |= PF_SAMPLED;
	}
	return 0;
nomem:
	rc = ATL_ENOMEM;
fail:
	free(root_cl);
	meta_cache_release(&mc);
	return rc;
}

int linker_finish(struct linker *L, struct atl_err *err)
{
	struct uf ut = UF_INIT, u = UF_INIT;
	uint32_t *first = NULL;
	uint8_t *cflag = NULL, *mixed = NULL;
	struct xsort te;
	size_t n_keys = intern_n(&L->keys);
	int rc;

	assert(!L->finished);
	L->finished = 1;
	memset(&L->st, 0, sizeof(L->st));
	rc = L->broken ? ATL_EIO : spill_flush(&L->meta);	/* linker_meta reads it */
	if (rc < 0)
		return atl_err_set(err, rc, "cannot link posts: %s", atl_code_str(rc));
	L->glue = calloc(n_keys ? n_keys : 1, 1);
	L->kind = malloc(n_keys ? n_keys : 1);
	first = malloc((n_keys ? n_keys : 1) * sizeof(*first));
	rc = xsort_init(&te, sizeof(struct edge), cmp_text_edge, TE_SORT_BYTES, L->tmp_dir);
	if (rc == 0)
		rc = L->glue && L->kind && first ? uf_resize(&ut, L->n) : ATL_ENOMEM;
	if (rc < 0)
		goto out;
	for (size_t i = 0; i < n_keys; i++)
		L->kind[i] = key_kind(L, (uint32_t)i);
	for (size_t i = 0; i < n_keys; i++)
		first[i] = NONE;
	/* 1. text alone: candidate edges, and the groups that rule (b) of the
	 * glue decision counts */
	rc = link_text(L, &ut, &te, err);
	if (rc == 0)
		rc = xsort_sort(&te, err);
	if (rc == 0)
		rc = decide_glue(L, &ut, 0);
	if (L->t.contact_veto < 3)	/* only veto 3 looks at text groups again */
		uf_release(&ut);
	/* 2. shared values, 3. accounts, 4. text, into one forest */
	if (rc == 0)
		rc = uf_resize(&u, L->n);
	if (rc == 0)
		rc = link_values(L, &u, first, NULL, 0);
	if (rc == 0)
		rc = decide_glue(L, &u, 1);
	if (rc == 0)
		rc = link_accounts(L, &u, first);
	if (rc == 0 && L->t.contact_veto >= 2) {
		/* which groups carry contacts; join() keeps it per root */
		cflag = calloc(L->n ? L->n : 1, 1);
		if (!cflag)
			rc = ATL_ENOMEM;
		for (uint32_t i = 0; rc == 0 && i < L->n; i++)
			for (uint32_t j = L->ind_off[i]; j < L->ind_off[i + 1]; j++)
				if (is_contact(kind_of(L, L->ind[j].id)) && !L->glue[L->ind[j].id])
					cflag[uf_find(&u, i)] = 1;
	}
	if (rc == 0 && L->t.contact_veto >= 3) {
		mixed = mixed_text_groups(L, &ut, &u);
		if (!mixed)
			rc = ATL_ENOMEM;
	}
	if (rc == 0)
		rc = replay_text(L, &u, &te, cflag, &ut, mixed);
	if (rc == 0)
		rc = make_clusters(L, &u);
	for (size_t i = 0; i < n_keys; i++) {
		char k = kind_of(L, (uint32_t)i);

		if (L->glue && L->glue[i])
			*(k == K_ACCOUNT ? &L->st.glue_accounts : &L->st.glue_values) += 1;
	}
out:
	free(L->kind);
	L->kind = NULL;
	uf_release(&ut);
	uf_release(&u);
	free(first);
	free(cflag);
	free(mixed);
	xsort_release(&te);
	if (rc == 0)	/* linker_edge_at reads it */
		rc = spill_flush(&L->edges);
	if (rc < 0)
		return atl_err_set(err, rc, "cannot link posts: %s", atl_code_str(rc));
	return 0;
}

const char *linker_cluster_of(const struct linker *L, uint64_t idx)
{
	if (!L->finished || idx >= L->n || L->cluster_of[idx] == NONE)
		return NULL;
	return L->cl[L->cluster_of[idx]].label;
}

size_t linker_n_clusters(const struct linker *L)
{
	return L->n_cl;
}

size_t linker_n_networks(const struct linker *L)
{
	return L->n_net;
}

size_t linker_n_edges(const struct linker *L)
{
	return L->n_edges;
}

int linker_edge(const struct linker *L, size_t i, struct link_edge *out)
{
	struct edge e;

	memset(out, 0, sizeof(*out));
	if (linker_edge_at(L, i, &e) < 0)
		return ATL_EIO;
	out->a = e.a;
	out->b = e.b;
	out->kind = (enum link_edge_kind)e.kind;
	out->jaccard = e.kind == E_TEXT ? (double)e.what / L->o.n_hashes : 0.0;
	out->value = e.kind == E_TEXT ? NULL : intern_str(&L->keys, e.what) + 1;
	return 0;
}

const char *link_edge_kind_name(enum link_edge_kind k)
{
	return (unsigned)k < E__N ? link_edge_name[k] : "unknown";
}

void linker_stats(const struct linker *L, struct link_stats *out)
{
	size_t per_post = 1 + 4 + 4 + 4;	/* flags, account, meta_rel, ind_off */

	*out = L->st;
	out->n_posts = L->n;
	out->n_short = 0;
	for (size_t i = 0; i < L->n; i++)
		out->n_short += (L->flags[i] & PF_SHORT) != 0;
	out->mem_bytes = L->cap * per_post + L->cap_ind * sizeof(*L->ind) +
			 L->keys.cap * sizeof(struct intern_ent) +
			 L->keys.n_slots * 4 + L->keys.a.used_bytes;
}

/* ---- second pass ---- */

int linker_wants_text(const struct linker *L, uint64_t idx)
{
	if (!L->finished || idx >= L->n || !(L->flags[idx] & PF_SAMPLED) ||
	    L->cluster_of[idx] == NONE)
		return 0;
	return L->cl[L->cluster_of[idx]].n_sample < (uint32_t)L->t.sample_max;
}

/* A sample record: the offset of the cluster's sample before it (uint64,
 * UINT64_MAX for none), the original and normalised lengths (uint32 each),
 * then the two texts. */
#define SAMPLE_HEAD 16

int linker_add_text(struct linker *L, uint64_t idx, const char *text,
		    size_t len, const struct norm_text *nt, struct atl_err *err)
{
	struct cluster *C;
	char head[SAMPLE_HEAD];
	uint64_t off, before;
	uint32_t ol, nl;
	int rc;

	if (!L->finished || idx >= L->n)
		return atl_err_set(err, ATL_EINVAL, "post %llu is not in the linker",
				   (unsigned long long)idx);
	if (!(L->flags[idx] & PF_SAMPLED))
		return 0;
	C = &L->cl[L->cluster_of[idx]];
	if (C->n_sample >= (uint32_t)L->t.sample_max)
		return 0;
	ol = (uint32_t)(text ? utf8_cut(text, len, MAX_SAMPLE_TEXT) : 0);
	nl = (uint32_t)(nt ? utf8_cut(nt->s, nt->len, MAX_SAMPLE_TEXT) : 0);
	off = spill_size(&L->samples);
	before = C->n_sample ? C->last_sample : UINT64_MAX;
	memcpy(head, &before, 8);
	memcpy(head + 8, &ol, 4);
	memcpy(head + 12, &nl, 4);
	rc = spill_append(&L->samples, head, sizeof(head));
	if (rc == 0 && ol)
		rc = spill_append(&L->samples, text, ol);
	if (rc == 0 && nl)
		rc = spill_append(&L->samples, nt->s, nl);
	if (rc < 0) {
		L->broken = 1;
		return atl_err_set(err, rc, "cannot keep a sample text: %s", atl_code_str(rc));
	}
	C->last_sample = off;
	C->n_sample++;
	L->flags[idx] &= (uint8_t)~PF_SAMPLED;
	return 0;
}

/* Most sample records (16 bytes and a post's text twice) fit in a 1 KiB
 * read; reading the bound of 8 KiB for each one was most of the networks
 * phase's kernel copying. A longer record takes a second read. */
#define SAMPLE_FIRST_READ 1024

int linker_samples(const struct linker *L, const struct cluster *C, struct arena *a,
		   struct tmpl_post **out)
{
	struct tmpl_post *tp;
	uint64_t off = C->last_sample;

	*out = NULL;
	if (!C->n_sample)
		return 0;
	tp = arena_calloc(a, C->n_sample, sizeof(*tp));
	if (!tp)
		return ATL_ENOMEM;
	for (uint32_t j = C->n_sample; j-- > 0;) {
		char *head, *t;
		uint32_t ol, nl;
		long got;

		/* the record is at most SAMPLE_HEAD + 2 texts */
		head = arena_alloc(a, SAMPLE_HEAD + 2 * (size_t)MAX_SAMPLE_TEXT + 2);
		if (!head)
			return ATL_ENOMEM;
		/* most records fit a small read; the rest, when not */
		got = off == UINT64_MAX ? ATL_EIO :
		      spill_read(&L->samples, head, SAMPLE_FIRST_READ, off);
		if (got < SAMPLE_HEAD)
			return ATL_EIO;
		memcpy(&ol, head + 8, 4);
		memcpy(&nl, head + 12, 4);
		if (ol > MAX_SAMPLE_TEXT || nl > MAX_SAMPLE_TEXT)
			return ATL_EIO;
		if (got < SAMPLE_HEAD + (long)ol + (long)nl) {
			long more = spill_read(&L->samples, head + got,
					       SAMPLE_HEAD + ol + nl - (size_t)got, off + (uint64_t)got);

			if (more < 0 || got + more < SAMPLE_HEAD + (long)ol + (long)nl)
				return ATL_EIO;
		}
		t = head + SAMPLE_HEAD;
		memmove(t + ol + 1, t + ol, nl);
		t[ol] = '\0';
		t[ol + 1 + nl] = '\0';
		tp[j].orig = t;
		tp[j].orig_len = ol;
		tp[j].norm = t + ol + 1;
		tp[j].norm_len = nl;
		memcpy(&off, head, 8);
	}
	*out = tp;
	return 0;
}
