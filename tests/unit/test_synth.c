#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "test.h"
#include "core/ascii.h"
#include "core/buf.h"
#include "synth/phrases.h"
#include "synth/synth.h"

/* Generate a corpus into two bufs; returns 0 or a negative code. */
static int gen(uint64_t n, uint64_t seed, int split, uint64_t bad, struct buf *posts,
	       struct buf *truth)
{
	struct synth_opts o = { n, seed, split, bad };
	struct atl_err err = ATL_ERR_INIT;
	struct synth *s = NULL;
	int rc;

	buf_init(posts, 256u << 20);
	buf_init(truth, 256u << 20);
	rc = synth_new(&s, &o, &err);
	if (rc < 0)
		return rc;
	while ((rc = synth_next(s, posts, truth, &err)) > 0)
		;
	synth_free(s);
	return rc;
}

static size_t count_lines(const struct buf *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->len; i++)
		n += b->p[i] == '\n';
	return n;
}

/* Calls fn on each line (NUL-terminated copy). */
typedef void line_fn(void *ctx, char *line, size_t len);
static void each_line(const struct buf *b, line_fn *fn, void *ctx)
{
	const char *p = buf_cstr(b), *end = p + b->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = malloc(len + 1);

		memcpy(line, p, len);
		line[len] = 0;
		fn(ctx, line, len);
		free(line);
		p += len + 1;
	}
}

TEST(synth, deterministic_per_seed)
{
	struct buf p1, t1, p2, t2, p3, t3;

	CHECK_INT(gen(2000, 5, SYNTH_TRAIN, 3, &p1, &t1), 0);
	CHECK_INT(gen(2000, 5, SYNTH_TRAIN, 3, &p2, &t2), 0);
	CHECK_INT(gen(2000, 6, SYNTH_TRAIN, 3, &p3, &t3), 0);
	CHECK(p1.len == p2.len && memcmp(p1.p, p2.p, p1.len) == 0);
	CHECK(t1.len == t2.len && memcmp(t1.p, t2.p, t1.len) == 0);
	CHECK(p1.len != p3.len || memcmp(p1.p, p3.p, p1.len) != 0);
	CHECK(t1.len != t3.len || memcmp(t1.p, t3.p, t1.len) != 0);
	buf_release(&p1), buf_release(&t1), buf_release(&p2), buf_release(&t2);
	buf_release(&p3), buf_release(&t3);
}

TEST(synth, counts_and_bad_lines)
{
	struct buf p, t;
	size_t n_bad = 0;
	const char *q;

	CHECK_INT(gen(1500, 9, SYNTH_TRAIN, 7, &p, &t), 0);
	CHECK_INT(count_lines(&p), 1507);
	CHECK_INT(count_lines(&t), 1500);
	for (q = buf_cstr(&p); (q = strstr(q, "{\"id\":\"bad")) != NULL; q++)
		n_bad++;
	CHECK_INT(n_bad, 7);
	buf_release(&p), buf_release(&t);

	/* Zero posts still gives the malformed lines, and nothing else. */
	CHECK_INT(gen(0, 9, SYNTH_TRAIN, 2, &p, &t), 0);
	CHECK_INT(count_lines(&p), 2);
	CHECK_INT(t.len, 0);
	buf_release(&p), buf_release(&t);
}

TEST(synth, rejects_bad_options)
{
	struct synth_opts o = { SYNTH_MAX_POSTS + 1, 1, SYNTH_TRAIN, 0 };
	struct atl_err err = ATL_ERR_INIT;
	struct synth *s = NULL;

	CHECK_INT(synth_new(&s, &o, &err), ATL_EINVAL);
	CHECK(s == NULL);
	o.n_posts = 10;
	o.split = 7;
	CHECK_INT(synth_new(&s, &o, &err), ATL_EINVAL);
}

struct scan {
	int *test_failed_;
	size_t n_valid, n_invalid, n_smug, n_phones, n_bad_phone, n_bad_label;
	size_t lang[LANG_COUNT];
	char genres[32][32];
	size_t n_genres;
	size_t n_network_mismatch;
};

static const char *get_str(yajl_val v, const char *key)
{
	const char *path[] = { key, NULL };
	yajl_val x = yajl_tree_get(v, path, yajl_t_string);

	return x ? YAJL_GET_STRING(x) : NULL;
}

static int is_e164(const char *s)
{
	size_t n = 0;

	if (s[0] != '+' || s[1] < '1' || s[1] > '9')
		return 0;
	for (s++; *s; s++, n++)
		if (!ascii_is_digit((unsigned char)*s))
			return 0;
	return n >= 8 && n <= 15;
}

static void scan_truth(void *ctx, char *line, size_t len)
{
	struct scan *sc = ctx;
	char ebuf[128];
	yajl_val v = yajl_tree_parse(line, ebuf, sizeof(ebuf));
	const char *label, *genre, *lang;
	const char *p_phones[] = { "phones", NULL }, *p_net[] = { "network", NULL };
	yajl_val phones, net;

	(void)len;
	if (!v || !YAJL_IS_OBJECT(v)) {
		sc->n_invalid++;
		yajl_tree_free(v);
		return;
	}
	sc->n_valid++;
	label = get_str(v, "label");
	genre = get_str(v, "genre");
	lang = get_str(v, "lang");
	if (!label || (strcmp(label, "smuggling") && strcmp(label, "benign")) || !genre || !lang)
		sc->n_bad_label++;
	else
		sc->n_smug += !strcmp(label, "smuggling");
	for (int l = 0; lang && l < LANG_COUNT; l++)
		if (!strcmp(lang, phrase_lang_code((enum synth_lang)l)))
			sc->lang[l]++;
	if (genre) {
		size_t i = 0;

		while (i < sc->n_genres && strcmp(sc->genres[i], genre))
			i++;
		if (i == sc->n_genres && i < 32 && strlen(genre) < 32)
			memcpy(sc->genres[sc->n_genres++], genre, strlen(genre) + 1);
	}
	net = yajl_tree_get(v, p_net, yajl_t_any);
	if (label && net && ((!strcmp(label, "smuggling")) != (YAJL_IS_STRING(net) &&
							       YAJL_GET_STRING(net)[0] == 'N')))
		sc->n_network_mismatch++;
	phones = yajl_tree_get(v, p_phones, yajl_t_array);
	if (!phones) {
		sc->n_bad_phone++;
	} else {
		for (size_t i = 0; i < YAJL_GET_ARRAY(phones)->len; i++) {
			yajl_val ph = YAJL_GET_ARRAY(phones)->values[i];

			sc->n_phones++;
			if (!YAJL_IS_STRING(ph) || !is_e164(YAJL_GET_STRING(ph)))
				sc->n_bad_phone++;
		}
	}
	yajl_tree_free(v);
}

static void scan_posts(void *ctx, char *line, size_t len)
{
	struct scan *sc = ctx;
	char ebuf[128];
	yajl_val v = yajl_tree_parse(line, ebuf, sizeof(ebuf));

	(void)len;
	if (v && YAJL_IS_OBJECT(v) && get_str(v, "id") && get_str(v, "text") &&
	    get_str(v, "text")[0] && get_str(v, "created_at") && get_str(v, "platform") && get_str(v, "author"))
		sc->n_valid++;
	else
		sc->n_invalid++;
	yajl_tree_free(v);
}

TEST(synth, lines_are_json_with_labels_langs_genres)
{
	struct buf p, t;
	struct scan st = { .test_failed_ = test_failed_ }, sp = { .test_failed_ = test_failed_ };

	CHECK_INT(gen(4000, 11, SYNTH_TRAIN, 4, &p, &t), 0);
	each_line(&t, scan_truth, &st);
	each_line(&p, scan_posts, &sp);
	CHECK_INT(st.n_valid, 4000);
	CHECK_INT(st.n_invalid, 0);
	CHECK_INT(st.n_bad_label, 0);
	CHECK_INT(st.n_network_mismatch, 0);
	CHECK_INT(sp.n_valid, 4000);
	/* The 4 malformed lines: broken JSON, empty text, invalid UTF-8 (yajl
	 * validates strings), no text field. */
	CHECK_INT(sp.n_invalid, 4);
	CHECK_MSG(st.n_smug >= 4000 * 25 / 100 && st.n_smug <= 4000 * 36 / 100,
		  "smuggling share %zu of 4000", st.n_smug);
	for (int l = 0; l < LANG_COUNT; l++)
		CHECK_MSG(st.lang[l] >= 40, "language %s has %zu posts",
			  phrase_lang_code((enum synth_lang)l), st.lang[l]);
	CHECK_MSG(st.n_genres >= 16, "only %zu genres", st.n_genres);
	CHECK(st.n_phones > 1000);
	CHECK_INT(st.n_bad_phone, 0);
	buf_release(&p), buf_release(&t);
}

/* Every "wa.me/<digits>" written in a post has its phone in the truth line
 * of the same post: a check of truth exactness that needs no extractor. */
TEST(synth, wame_links_are_in_truth)
{
	struct buf p, t;
	const char *pl, *tl, *pend, *tend;
	size_t checked = 0;

	CHECK_INT(gen(3000, 12, SYNTH_TRAIN, 0, &p, &t), 0);
	pl = buf_cstr(&p);
	tl = buf_cstr(&t);
	pend = pl + p.len;
	tend = tl + t.len;
	while (pl < pend && tl < tend) {
		const char *pnl = memchr(pl, '\n', (size_t)(pend - pl));
		const char *tnl = memchr(tl, '\n', (size_t)(tend - tl));
		const char *q = pl;

		if (!pnl || !tnl)
			break;
		while ((q = memmem(q, (size_t)(pnl - q), "wa.me/", 6)) != NULL) {
			const char *d = q + 6;
			char want[40] = "\"+";
			size_t n = 0;

			while (n < 30 && ascii_is_digit((unsigned char)d[n]))
				n++;
			/* Mexico's old "521" WhatsApp form canonicalises to "52". */
			if (n == 13 && !memcmp(d, "521", 3)) {
				memcpy(want + 2, "52", 2);
				memcpy(want + 4, d + 3, n - 3);
				n--;
			} else {
				memcpy(want + 2, d, n);
			}
			want[2 + n] = '"';
			want[3 + n] = 0;
			CHECK_MSG(memmem(tl, (size_t)(tnl - tl), want, n + 3) != NULL,
				  "%s missing from truth line %.*s", want, (int)(tnl - tl), tl);
			checked++;
			q = d + n;
		}
		pl = pnl + 1;
		tl = tnl + 1;
	}
	CHECK(checked > 20);
	buf_release(&p), buf_release(&t);
}

/* The literal runs of a phrase (text between placeholders) of 16+ bytes. */
typedef void frag_fn(void *ctx, const char *frag, size_t len, int split);
static void each_fragment(frag_fn *fn, void *ctx)
{
	for (int sl = 0; sl < SL_COUNT; sl++)
		for (int l = 0; l < LANG_COUNT; l++) {
			const struct phrase_bank *b = phrase_bank_get((enum synth_slot)sl, (enum synth_lang)l);

			for (size_t i = 0; i < b->n; i++) {
				const char *p = b->items[i];

				while (*p) {
					const char *q = strchr(p, '{');
					size_t len = q ? (size_t)(q - p) : strlen(p);

					const char *a = p, *z = p + len;

					/* trim: a separator may follow a run */
					while (a < z && (*a == ' ' || *a == ',' || *a == '.'))
						a++;
					while (z > a && (z[-1] == ' ' || z[-1] == ',' || z[-1] == '.'))
						z--;
					if (z - a >= 16)
						fn(ctx, a, (size_t)(z - a), (int)(i % 2));
					p += len;
					if (*p)
						p += 3;
				}
			}
		}
}

struct frag_check {
	int *test_failed_;
	const struct buf *train, *heldout;
	size_t n_own, n_own_found, n_leaks;
	const char *frag;
	size_t len;
	int split, shared;
};

static void find_in_other_split(void *ctx, const char *frag, size_t len, int split)
{
	struct frag_check *fc = ctx;

	if (split != fc->split && memmem(frag, len, fc->frag, fc->len))
		fc->shared = 1;
}

static void check_fragment(void *ctx, const char *frag, size_t len, int split)
{
	struct frag_check *fc = ctx;
	const struct buf *own = split ? fc->heldout : fc->train;
	const struct buf *other = split ? fc->train : fc->heldout;
	int *test_failed_ = fc->test_failed_;

	/* Skip a run that also occurs inside a phrase of the other split. */
	fc->frag = frag;
	fc->len = len;
	fc->split = split;
	fc->shared = 0;
	each_fragment(find_in_other_split, fc);
	if (fc->shared)
		return;
	fc->n_own++;
	fc->n_own_found += memmem(own->p, own->len, frag, len) != NULL;
	if (memmem(other->p, other->len, frag, len)) {
		fc->n_leaks++;
		CHECK_MSG(0, "split %d phrase \"%.*s\" appears in the other split", split, (int)len, frag);
	}
}

TEST(synth, heldout_phrases_disjoint_from_train)
{
	struct buf pt, tt, ph, th;
	struct frag_check fc = { .test_failed_ = test_failed_ };

	CHECK_INT(gen(3000, 21, SYNTH_TRAIN, 0, &pt, &tt), 0);
	CHECK_INT(gen(3000, 21, SYNTH_HELDOUT, 0, &ph, &th), 0);
	fc.train = &pt;
	fc.heldout = &ph;
	each_fragment(check_fragment, &fc);
	CHECK_INT(fc.n_leaks, 0);
	CHECK(fc.n_own > 100);
	/* The check has teeth: most phrases do show up in their own split. */
	CHECK_MSG(fc.n_own_found * 2 > fc.n_own, "only %zu of %zu phrases seen", fc.n_own_found,
		  fc.n_own);
	/* Same seed, other split: other numbers too. */
	CHECK(tt.len != th.len || memcmp(tt.p, th.p, tt.len) != 0);
	buf_release(&pt), buf_release(&tt), buf_release(&ph), buf_release(&th);
}
