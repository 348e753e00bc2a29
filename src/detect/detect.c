/*
 * detect: tactic patterns + language + indicators -> features -> calibrated
 * logistic regression -> score, flag, reasons (see detect.h).
 *
 * The dense feature block (indices below MODEL_N_DENSE) is defined here;
 * changing what an index means is a new DETECT_FEATURE_VERSION, and models
 * with another version are refused. Counts enter as log2(1 + n) so that a
 * post repeating "whatsapp" ten times is not ten times as suspicious.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "core/arena.h"
#include "detect/detect.h"
#include "detect/lang.h"
#include "detect/model.h"
#include "detect/tactics.h"
#include "core/banned.h"

#define MAX_MODEL_FILE_BYTES (64u << 20)

/* The model built into the library (default_model.S). */
extern const unsigned char atl_default_model[];
extern const unsigned char atl_default_model_end[];

/* Dense feature indices. */
enum {
	F_BIAS = 0,
	F_TAC_HAS = 1,				/* + enum tactic */
	F_TAC_CNT = F_TAC_HAS + TAC__N,		/* + enum tactic */
	F_CTX_HAS = F_TAC_CNT + TAC__N,		/* + (ctx - TAC__N) */
	F_CTX_CNT = F_CTX_HAS + (CTX__END - TAC__N),
	F_LANG = F_CTX_CNT + (CTX__END - TAC__N),	/* + enum lang */
	F_LEN = F_LANG + LANG__N,		/* + length bucket, 8 */
	F_NTAC = F_LEN + 8,			/* + distinct tactics 0..5+ */
	F_HAS_PHONE = F_NTAC + 6,
	F_N_PHONES,
	F_HAS_WA_LINK,
	F_HAS_TG_LINK,
	F_HAS_URL,
	F_HAS_HANDLE,
	F_HAS_EMAIL,
	F_HAS_PRICE,
	F_N_PRICES,
	F_X_OFFER_CONTACT,	/* offer cue and a way to get in touch */
	F_X_OFFER_TERMS,	/* offer cue and guarantee or payment terms */
	F_X_WARN_OFFER,		/* offer words inside a warning */
	F_X_NEWS_OFFER,		/* offer words inside news */
	F_X_DEMAND_NO_OFFER,	/* a question with no offer verb */
	F_X_CONTACT_ROUTE,	/* contact indicator and a route */
	F_X_PRICE_ROUTE,	/* price and a route */
	F_X_LEGAL_NO_OFFER,
	F_X_TRAVEL_NO_OFFER,
	F_HAS_PLACE,		/* gazetteer places (extract's IND_PLACE) */
	F_N_PLACES,
	F_HAS_DEST,		/* a destination place (US, Canada, Europe...) */
	F_QUOTED_HAS,		/* tactic words inside quotation marks */
	F_QUOTED_CNT,
	F_QUOTED_SHARE,		/* ... as a share of the tactic patterns matched */
	F_X_QUOTE_WARN,		/* quoted or reported offer in a warning or news */
	F_X_QUOTING_OFFER,	/* reported speech ("te prometen") and offer words */
	F_X_DEMAND_NO_1P,	/* a question or request, no offer to the reader */
	F_X_1P_CONTACT,		/* an offer to the reader and a way to get in touch */
	F_X_1P_NO_CTX,		/* an offer to the reader, no warning/news/legal/travel */
	F_X_SHORT_CONTACT,	/* a caption (< 80 bytes) with a contact cue */
	F_X_SHORT_OFFER,	/* a caption with an offer or schedule cue */
	F_X_SHORT_ROUTE_CONTACT,	/* a caption with a place (or flag) and a contact */
	F__END
};
_Static_assert(F__END <= MODEL_N_DENSE, "dense block too small");

struct detector {
	struct tactics *tac;
	struct model *m;	/* NULL for an untrained detector */
	double threshold;
	char model_id[33];	/* XXH3-128 of the model bytes, hex */
};

struct detect_scratch {
	struct tactics_scratch *ts;
	struct tactic_hits hits;
	uint32_t idx[MODEL_FVEC_CAP];
	float val[MODEL_FVEC_CAP];
};

static int new_common(struct detector **out, struct atl_err *err)
{
	struct detector *d = calloc(1, sizeof(*d));
	int rc;

	*out = NULL;
	if (!d)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	rc = tactics_new(&d->tac, err);
	if (rc < 0) {
		free(d);
		return rc;
	}
	*out = d;
	return 0;
}

int detector_new_untrained(struct detector **out, struct atl_err *err)
{
	return new_common(out, err);
}

static int read_file(const char *path, unsigned char **data, size_t *n,
		     struct atl_err *err)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	size_t len = 0, cap = 0;

	*data = NULL;
	if (!f)
		return atl_err_set(err, ATL_ENOTFOUND, "cannot open model '%s'", path);
	for (;;) {
		size_t got;

		if (len == cap) {
			unsigned char *q;

			if (cap >= MAX_MODEL_FILE_BYTES) {
				free(p);
				fclose(f);
				return atl_err_set(err, ATL_ETOOBIG, "model '%s' is too big", path);
			}
			cap = cap ? cap * 2 : (1u << 20) + 4096;
			q = realloc(p, cap);
			if (!q) {
				free(p);
				fclose(f);
				return atl_err_set(err, ATL_ENOMEM, "out of memory");
			}
			p = q;
		}
		got = fread(p + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(p);
		fclose(f);
		return atl_err_set(err, ATL_EIO, "cannot read model '%s'", path);
	}
	fclose(f);
	*data = p;
	*n = len;
	return 0;
}

int detector_new(struct detector **out, const char *model_path,
		 double threshold, struct atl_err *err)
{
	struct detector *d = NULL;
	struct model *m = NULL;
	unsigned char *file = NULL;
	const unsigned char *bytes = atl_default_model;
	size_t n = (size_t)(atl_default_model_end - atl_default_model);
	XXH128_hash_t h;
	int rc;

	*out = NULL;
	if (model_path) {
		rc = read_file(model_path, &file, &n, err);
		if (rc < 0)
			return rc;
		bytes = file;
	}
	rc = model_load(&m, bytes, n, err);
	if (rc < 0) {
		err->source = model_path;
		goto out;
	}
	if (m->feature_version != DETECT_FEATURE_VERSION) {
		rc = atl_err_set(err, ATL_EPARSE, "model has feature version %u, want %u",
				 m->feature_version, DETECT_FEATURE_VERSION);
		goto out;
	}
	rc = new_common(&d, err);	/* compile only once the model is good */
	if (rc < 0)
		goto out;
	d->m = m;
	m = NULL;
	d->threshold = threshold >= 0 ? threshold : d->m->threshold;
	h = XXH3_128bits(bytes, n);
	snprintf(d->model_id, sizeof(d->model_id), "%016llx%016llx",
		 (unsigned long long)h.high64, (unsigned long long)h.low64);
out:
	free(file);
	model_free(m);
	if (rc < 0) {
		detector_free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void detector_free(struct detector *d)
{
	if (!d)
		return;
	tactics_free(d->tac);
	model_free(d->m);
	free(d);
}

int detect_scratch_new(const struct detector *d, struct detect_scratch **out)
{
	struct detect_scratch *s = calloc(1, sizeof(*s));
	int rc;

	*out = NULL;
	if (!s)
		return ATL_ENOMEM;
	rc = tactics_scratch_new(d->tac, &s->ts);
	if (rc < 0) {
		free(s);
		return rc;
	}
	*out = s;
	return 0;
}

void detect_scratch_free(struct detect_scratch *s)
{
	if (!s)
		return;
	tactics_scratch_free(s->ts);
	free(s);
}

void detector_set_threshold(struct detector *d, double threshold)
{
	d->threshold = threshold >= 0 ? threshold : d->m->threshold;
}

double detector_threshold(const struct detector *d)
{
	return d->threshold;
}

const char *detector_model_id(const struct detector *d)
{
	return d->model_id;
}

/* ---- features ---- */

static float logc(uint32_t n)
{
	return (float)log2(1.0 + n);
}

struct ind_counts {
	uint32_t phones, wa, tg, urls, handles, emails, prices, places, dests;
};

static void count_indicators(const struct indicator_list *ind, struct ind_counts *c)
{
	memset(c, 0, sizeof(*c));
	for (size_t i = 0; ind && i < ind->n; i++) {
		const struct indicator *x = &ind->v[i];

		switch (x->kind) {
		case IND_PHONE: c->phones++; break;
		case IND_LINK:
			if (x->link_kind && !strncmp(x->link_kind, "telegram", 8))
				c->tg++;
			else
				c->wa++;
			break;
		case IND_URL: c->urls++; break;
		case IND_HANDLE: c->handles++; break;
		case IND_EMAIL: c->emails++; break;
		case IND_PRICE: c->prices++; break;
		case IND_PLACE:
			c->places++;
			if (x->region && (!strcmp(x->region, "US") || !strcmp(x->region, "CA") ||
					  !strcmp(x->region, "GB")))
				c->dests++;
			break;
		default: break;
		}
	}
}

static unsigned len_bucket(size_t len)
{
	unsigned b = 0;

	for (size_t lim = 40; b < 7 && len >= lim; lim *= 2)
		b++;
	return b;
}

static void dense_features(struct fvec *f, const struct tactic_hits *h, enum lang lang,
			   const struct ind_counts *ic, size_t len)
{
	const uint32_t *cnt = h->count;
	unsigned n_tac = 0, n_pat = 0;
	int offer = cnt[TAC_CROSSING_OFFER] > 0 || cnt[CTX_OFFER] > 0;
	int contact = ic->phones || ic->wa || ic->tg || cnt[TAC_CONTACT] > 0;
	int route = cnt[TAC_ROUTE] > 0 || ic->places > 0;

	fvec_add(f, F_BIAS, 1.0f);
	for (int t = 0; t < TAC__N; t++) {
		if (!cnt[t])
			continue;
		n_tac++;
		n_pat += cnt[t];
		fvec_add(f, F_TAC_HAS + (uint32_t)t, 1.0f);
		fvec_add(f, F_TAC_CNT + (uint32_t)t, logc(cnt[t]));
	}
	for (int c = TAC__N; c < CTX__END; c++) {
		if (!cnt[c])
			continue;
		fvec_add(f, F_CTX_HAS + (uint32_t)(c - TAC__N), 1.0f);
		fvec_add(f, F_CTX_CNT + (uint32_t)(c - TAC__N), logc(cnt[c]));
	}
	fvec_add(f, F_LANG + (uint32_t)lang, 1.0f);
	fvec_add(f, F_LEN + len_bucket(len), 1.0f);
	fvec_add(f, F_NTAC + (n_tac < 5 ? n_tac : 5), 1.0f);
	if (ic->phones) {
		fvec_add(f, F_HAS_PHONE, 1.0f);
		fvec_add(f, F_N_PHONES, logc(ic->phones));
	}
	if (ic->wa)
		fvec_add(f, F_HAS_WA_LINK, 1.0f);
	if (ic->tg)
		fvec_add(f, F_HAS_TG_LINK, 1.0f);
	if (ic->urls)
		fvec_add(f, F_HAS_URL, 1.0f);
	if (ic->handles)
		fvec_add(f, F_HAS_HANDLE, 1.0f);
	if (ic->emails)
		fvec_add(f, F_HAS_EMAIL, 1.0f);
	if (ic->prices) {
		fvec_add(f, F_HAS_PRICE, 1.0f);
		fvec_add(f, F_N_PRICES, logc(ic->prices));
	}
	if (ic->places) {
		fvec_add(f, F_HAS_PLACE, 1.0f);
		fvec_add(f, F_N_PLACES, logc(ic->places));
	}
	if (ic->dests)
		fvec_add(f, F_HAS_DEST, 1.0f);
	if (offer && contact)
		fvec_add(f, F_X_OFFER_CONTACT, 1.0f);
	if (offer && (cnt[TAC_GUARANTEE] || cnt[TAC_PAY_ON_ARRIVAL]))
		fvec_add(f, F_X_OFFER_TERMS, 1.0f);
	if (offer && cnt[CTX_WARNING])
		fvec_add(f, F_X_WARN_OFFER, 1.0f);
	if (offer && cnt[CTX_REPORTING])
		fvec_add(f, F_X_NEWS_OFFER, 1.0f);
	if (!offer && cnt[CTX_DEMAND])
		fvec_add(f, F_X_DEMAND_NO_OFFER, 1.0f);
	if (contact && route)
		fvec_add(f, F_X_CONTACT_ROUTE, 1.0f);
	if ((ic->prices || cnt[TAC_PRICE]) && route)
		fvec_add(f, F_X_PRICE_ROUTE, 1.0f);
	if (!offer && cnt[CTX_LEGAL])
		fvec_add(f, F_X_LEGAL_NO_OFFER, 1.0f);
	if (!offer && cnt[CTX_LEGIT_TRAVEL])
		fvec_add(f, F_X_TRAVEL_NO_OFFER, 1.0f);
	{
		int warn = cnt[CTX_WARNING] || cnt[CTX_REPORTING];
		int other = warn || cnt[CTX_LEGAL] || cnt[CTX_LEGIT_TRAVEL] || cnt[CTX_QUOTING];
		int offer1p = cnt[CTX_OFFER1P] > 0;
		int short_post = len < 80;

		if (h->quoted) {
			fvec_add(f, F_QUOTED_HAS, 1.0f);
			fvec_add(f, F_QUOTED_CNT, logc(h->quoted));
			fvec_add(f, F_QUOTED_SHARE, n_pat ? (float)h->quoted / (float)n_pat : 0.0f);
		}
		if ((h->quoted || cnt[CTX_QUOTING]) && warn)
			fvec_add(f, F_X_QUOTE_WARN, 1.0f);
		if (cnt[CTX_QUOTING] && (offer || offer1p))
			fvec_add(f, F_X_QUOTING_OFFER, 1.0f);
		if (cnt[CTX_DEMAND] && !offer1p)
			fvec_add(f, F_X_DEMAND_NO_1P, 1.0f);
		if (offer1p && contact)
			fvec_add(f, F_X_1P_CONTACT, 1.0f);
		if (offer1p && !other)
			fvec_add(f, F_X_1P_NO_CTX, 1.0f);
		if (short_post && contact)
			fvec_add(f, F_X_SHORT_CONTACT, 1.0f);
		if (short_post && (offer || offer1p || cnt[TAC_SCHEDULE]))
			fvec_add(f, F_X_SHORT_OFFER, 1.0f);
		if (short_post && route && contact)
			fvec_add(f, F_X_SHORT_ROUTE_CONTACT, 1.0f);
	}
}

/* The features of a post whose count pass is in s->hits; with m, also the
 * logit of f under m into *logit (the same double as model_logit's,
 * computed along with the hashing). */
static inline __attribute__((always_inline)) void
features_counted(struct detect_scratch *s, const struct norm_text *nt,
		 const struct indicator_list *ind, struct fvec *f,
		 const char **lang_out, const struct model *m, double *logit)
{
	struct ind_counts ic;
	enum lang lang;

	lang = lang_detect(nt->s, nt->len);
	count_indicators(ind, &ic);
	f->n = 0;
	dense_features(f, &s->hits, lang, &ic, nt->len);
	if (m)
		*logit = model_hash_text_logit(m, f, nt->s, nt->len);
	else
		model_hash_text(f, nt->s, nt->len);
	if (lang_out)
		*lang_out = lang_code(lang);
}

int detect_features(const struct detector *d, struct detect_scratch *s,
		    const struct norm_text *nt, const struct indicator_list *ind,
		    struct fvec *f, const char **lang_out)
{
	int rc = tactics_count(d->tac, s->ts, nt->s, nt->len, &s->hits);

	if (rc < 0)
		return rc;
	features_counted(s, nt, ind, f, lang_out, NULL, NULL);
	return 0;
}

int detect_count(const struct detector *d, struct detect_scratch *s,
		 const struct norm_text *nt, struct tactic_counts *c)
{
	return tactics_count_add(d->tac, s->ts, nt->s, nt->len, &s->hits, c);
}

int detect_count_flush(const struct detector *d, struct detect_scratch *s)
{
	return tactics_count_flush(d->tac, s->ts);
}

/* s->hits as tactics_count left it for the post of c (its quoted
 * stretches aside: only the count pass reads them). */
static void restore_counts(struct detect_scratch *s, const struct tactic_counts *c)
{
	s->hits.n = 0;
	memcpy(s->hits.seen, c->seen, sizeof(s->hits.seen));
	memcpy(s->hits.count, c->count, sizeof(s->hits.count));
	s->hits.quoted = c->quoted;
}

/* ---- reasons ---- */

static int by_tactic_start(const void *pa, const void *pb)
{
	const struct reason *a = pa, *b = pb;

	if (a->tactic != b->tactic)
		return a->tactic < b->tactic ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

static int by_start(const void *pa, const void *pb)
{
	const struct reason *a = pa, *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->tactic != b->tactic)
		return a->tactic < b->tactic ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* A flagged post has a few dozen reasons at most: insertion sort, with
 * the comparison inlined, is several times cheaper than qsort there. The
 * comparisons order on every field, so any sort gives the same array. */
#define SMALL_SORT 32

static inline __attribute__((always_inline)) void
sort_reasons(struct reason *r, size_t n, int (*cmp)(const void *, const void *))
{
	if (n > SMALL_SORT) {
		qsort(r, n, sizeof(*r), cmp);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		struct reason x = r[i];
		size_t j = i;

		for (; j > 0 && cmp(&r[j - 1], &x) > 0; j--)
			r[j] = r[j - 1];
		r[j] = x;
	}
}

static int ind_tactic(enum ind_kind k)
{
	switch (k) {
	case IND_PHONE: case IND_LINK: case IND_HANDLE: case IND_EMAIL:
		return TAC_CONTACT;
	case IND_PRICE:
		return TAC_PRICE;
	case IND_PLACE:
		return TAC_ROUTE;
	default:
		return -1;
	}
}

static int find_reasons(const struct detector *d, struct detect_scratch *s,
			const struct norm_text *nt, const struct indicator_list *ind,
			struct detect_result *out, struct arena *a)
{
	size_t n_ind = ind ? ind->n : 0, n = 0, m = 0;
	struct reason *r;
	int rc;

	rc = tactics_spans(d->tac, s->ts, nt->s, nt->len, &s->hits);
	if (rc < 0)
		return rc;
	r = arena_alloc(a, (s->hits.n + n_ind + 1) * sizeof(*r));
	if (!r)
		return ATL_ENOMEM;
	for (size_t i = 0; i < s->hits.n; i++) {
		const struct tactic_hit *h = &s->hits.v[i];
		size_t os, oe;

		if (h->group >= TAC__N || h->start >= h->end || h->end > nt->len)
			continue;
		norm_span_orig(nt, h->start, h->end, &os, &oe);
		if (os >= oe)
			continue;
		r[n++] = (struct reason){ (enum tactic)h->group, (uint32_t)os, (uint32_t)oe };
	}
	for (size_t i = 0; i < n_ind; i++) {
		int t = ind_tactic(ind->v[i].kind);

		if (t < 0 || ind->v[i].start >= ind->v[i].end)
			continue;
		r[n++] = (struct reason){ (enum tactic)t, ind->v[i].start, ind->v[i].end };
	}
	sort_reasons(r, n, by_tactic_start);
	for (size_t i = 0; i < n; i++) {	/* merge overlaps within a tactic */
		if (m > 0 && r[m - 1].tactic == r[i].tactic && r[i].start < r[m - 1].end) {
			if (r[i].end > r[m - 1].end)
				r[m - 1].end = r[i].end;
			continue;
		}
		r[m++] = r[i];
	}
	sort_reasons(r, m, by_start);
	for (size_t i = 0; i < m; i++)
		out->tactics |= 1u << r[i].tactic;
	out->reasons = r;
	out->n_reasons = m;
	return 0;
}

/* detect_post up to the reasons, once the count pass of nt is in s->hits. */
static void score_counted(const struct detector *d, struct detect_scratch *s,
			  const struct norm_text *nt, const struct indicator_list *ind,
			  struct detect_result *out)
{
	struct fvec f = { s->idx, s->val, 0, MODEL_FVEC_CAP };
	double logit = 0;

	memset(out, 0, sizeof(*out));
	out->lang = lang_code(LANG_OTHER);
	features_counted(s, nt, ind, &f, &out->lang, d->m, &logit);
	out->score = model_prob(d->m, logit);
	for (int t = 0; t < TAC__N; t++)
		if (s->hits.count[t])
			out->tactics |= 1u << t;
	for (size_t i = 0; ind && i < ind->n; i++) {
		int t = ind_tactic(ind->v[i].kind);

		if (t >= 0)
			out->tactics |= 1u << t;
	}
}

/* ... and the rest: the reasons of a post at or above the threshold. */
static int reasons_counted(const struct detector *d, struct detect_scratch *s,
			   const struct norm_text *nt, const struct indicator_list *ind,
			   struct detect_result *out, struct arena *a)
{
	int rc;

	if (out->score < d->threshold)
		return 0;
	rc = find_reasons(d, s, nt, ind, out, a);
	if (rc < 0)
		return rc;
	out->flagged = out->n_reasons > 0;
	return 0;
}

int detect_post(const struct detector *d, struct detect_scratch *s,
		const struct record *rec, const struct norm_text *nt,
		const struct indicator_list *ind, struct detect_result *out,
		struct arena *a)
{
	int rc;

	(void)rec;
	rc = tactics_count(d->tac, s->ts, nt->s, nt->len, &s->hits);
	if (rc < 0) {
		memset(out, 0, sizeof(*out));
		out->lang = lang_code(LANG_OTHER);
		return rc;
	}
	score_counted(d, s, nt, ind, out);
	return reasons_counted(d, s, nt, ind, out, a);
}

void detect_score_counted(const struct detector *d, struct detect_scratch *s,
			  const struct norm_text *nt, const struct indicator_list *ind,
			  const struct tactic_counts *c, struct detect_result *out)
{
	restore_counts(s, c);
	score_counted(d, s, nt, ind, out);
}

int detect_reasons_counted(const struct detector *d, struct detect_scratch *s,
			   const struct norm_text *nt, const struct indicator_list *ind,
			   const struct tactic_counts *c, struct detect_result *out,
			   struct arena *a)
{
	if (out->score < d->threshold)
		return 0;
	restore_counts(s, c);
	return reasons_counted(d, s, nt, ind, out, a);
}
