/*
 * post: normalise, extract, detect, sign, and render one post.
 *
 * The posts.jsonl line is the output contract (stable; later work adds keys,
 * never renames them). Key order is fixed and "cluster" comes last, so the
 * second pass of a scan can fill it in by rewriting only the line's end.
 *
 * Text inside images (OCR): each attached image's text is kept apart from
 * the caption ("ocr": [{"image", "confidence", "text"}]). Indicators are
 * extracted from the caption and from each image text separately (a number
 * cannot be glued together across two images), then merged, first
 * occurrence kept per (kind, value), caption first, for linking. The score,
 * tactics and reasons come from one detection over the concatenation, so an
 * offer split between caption and flyer still scores as one post. Every
 * indicator and reason says where it was found: "from" is "caption" or the
 * image path, and its start/end are byte offsets in that text (the caption,
 * or that image's "ocr" text).
 */
#include <time.h>

#include "post.h"

#include <assert.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "ocr/ocr.h"
#include "pipeline/redact.h"
#include "core/banned.h"

_Static_assert(sizeof(((struct post_ocr *)0)->hash) == OCR_HASH_BYTES, "post_ocr.hash");

#define SEP "\n\n"		/* between segments of the concatenation */
#define SEP_LEN 2

/* "key": and the string or null; key is a literal (JSON_KEY). */
#define add_sv_or_null(b, first, key, s) \
	do { \
		JSON_KEY(b, first, key); \
		json_add_sv(b, s); \
	} while (0)

/* The segment of full that holds offset off: 0 the caption, k image k-1. */
static size_t segment_of(const struct post *p, uint32_t off)
{
	size_t k = 0;

	while (k < p->n_ocr && p->seg_start[k + 1] <= off)
		k++;
	return k;
}

struct str post_span(const struct post *p, uint32_t start, uint32_t end, size_t *seg,
		     uint32_t *s, uint32_t *e)
{
	size_t k = segment_of(p, start);
	struct str text = k ? p->ocr[k - 1].text : p->rec.text;

	start -= p->seg_start[k];
	end = end >= p->seg_start[k] ? end - p->seg_start[k] : 0;
	if (end > text.len)
		end = (uint32_t)text.len;
	if (start > end)
		start = end;
	*seg = k;
	*s = start;
	*e = end;
	return text;
}

/* "from", "text", "start", "end" of a span of full, relative to its segment. */
static void add_span(struct buf *b, const struct post *p, uint32_t start, uint32_t end)
{
	size_t k;
	struct str seg = post_span(p, start, end, &k, &start, &end);
	int first = 0;

	JSON_KEY(b, &first, "from");
	if (k)
		json_add_cstr(b, p->ocr[k - 1].image);
	else
		buf_adds(b, "\"caption\"");
	JSON_KEY(b, &first, "text");
	json_add_str(b, seg.p + start, end - start);
	JSON_KEY(b, &first, "start");
	json_add_int(b, start);
	JSON_KEY(b, &first, "end");
	json_add_int(b, end);
}

static void render_ocr(struct buf *b, const struct post *p)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < p->n_ocr; i++) {
		const struct post_ocr *o = &p->ocr[i];
		int f = 1;
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		JSON_KEY(b, &f, "image");
		json_add_cstr(b, o->image);
		JSON_KEY(b, &f, "confidence");
		json_add_num(b, o->confidence, 2);
		JSON_KEY(b, &f, "text");
		json_add_sv(b, o->text);
		if (o->timed_out) {
			JSON_KEY(b, &f, "timed_out");
			json_add_bool(b, 1);
		}
		if (o->error) {
			JSON_KEY(b, &f, "error");
			json_add_cstr(b, o->error);
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static void render_indicators(struct buf *b, const struct post *p)
{
	int first_kind = 1;

	buf_addc(b, '{');
	for (int k = 0; k < IND__N; k++) {
		int first = 1;
		json_add_key(b, &first_kind, ind_kind_key((enum ind_kind)k));
		buf_addc(b, '[');
		for (size_t i = 0; i < p->ind.n; i++) {
			const struct indicator *x = &p->ind.v[i];
			int f = 1;
			if (x->kind != (enum ind_kind)k)
				continue;
			if (!first)
				buf_addc(b, ',');
			first = 0;
			buf_addc(b, '{');
			if (x->kind == IND_PRICE) {
				JSON_KEY(b, &f, "amount");
				json_add_cstr(b, x->amount);
				JSON_KEY(b, &f, "currency");
				json_add_cstr(b, x->currency);
			} else {
				JSON_KEY(b, &f, "value");
				json_add_cstr(b, x->value);
				if (x->kind == IND_PHONE && x->region) {
					JSON_KEY(b, &f, "region");
					json_add_cstr(b, x->region);
				}
				if (x->kind == IND_LINK && x->link_kind) {
					JSON_KEY(b, &f, "kind");
					json_add_cstr(b, x->link_kind);
				}
			}
			add_span(b, p, x->start, x->end);
			buf_addc(b, '}');
		}
		buf_addc(b, ']');
	}
	buf_addc(b, '}');
}

static void render_warnings(struct buf *b, unsigned w)
{
	int first = 1;

	buf_addc(b, '[');
	for (unsigned bit = 1; bit && bit <= w; bit <<= 1) {
		if (!(w & bit))
			continue;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		json_add_cstr(b, rec_warn_name(bit));
	}
	buf_addc(b, ']');
}

static void render(struct buf *b, const struct post *p)
{
	const struct record *r = &p->rec;
	int first = 1;

	buf_addc(b, '{');
	add_sv_or_null(b, &first, "id", r->id);
	add_sv_or_null(b, &first, "platform", r->platform);
	add_sv_or_null(b, &first, "author", r->author);
	add_sv_or_null(b, &first, "created_at", r->created_at);
	add_sv_or_null(b, &first, "url", r->url);
	JSON_KEY(b, &first, "lang");
	json_add_cstr(b, p->det.lang);
	add_sv_or_null(b, &first, "text", r->text);
	JSON_KEY(b, &first, "ocr");
	render_ocr(b, p);

	JSON_KEY(b, &first, "source");
	{
		int f = 1;
		buf_addc(b, '{');
		JSON_KEY(b, &f, "file");
		json_add_sv(b, r->source);
		JSON_KEY(b, &f, "line");
		json_add_int(b, r->line);
		if (!str_is_null(r->locator)) {
			JSON_KEY(b, &f, "locator");
			json_add_sv(b, r->locator);
		}
		JSON_KEY(b, &f, "format");
		json_add_cstr(b, r->format);
		buf_addc(b, '}');
	}
	JSON_KEY(b, &first, "warnings");
	render_warnings(b, r->warnings);
	JSON_KEY(b, &first, "indicators");
	render_indicators(b, p);

	JSON_KEY(b, &first, "score");
	json_add_num(b, p->det.score, 4);
	JSON_KEY(b, &first, "flagged");
	json_add_bool(b, p->det.flagged);
	JSON_KEY(b, &first, "tactics");
	buf_addc(b, '[');
	{
		int f = 1;
		for (int t = 0; t < TAC__N; t++) {
			if (!(p->det.tactics & (1u << t)))
				continue;
			if (!f)
				buf_addc(b, ',');
			f = 0;
			json_add_cstr(b, tactic_name((enum tactic)t));
		}
	}
	buf_addc(b, ']');
	JSON_KEY(b, &first, "reasons");
	buf_addc(b, '[');
	for (size_t i = 0; i < p->det.n_reasons; i++) {
		const struct reason *x = &p->det.reasons[i];
		int f = 1;
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		JSON_KEY(b, &f, "tactic");
		json_add_cstr(b, tactic_name(x->tactic));
		add_span(b, p, x->start, x->end);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	/* keys added later go here, before "cluster" (which stays last) */
	if (!str_is_null(r->forwarded_from))
		add_sv_or_null(b, &first, "forwarded_from", r->forwarded_from);
	if (!str_is_null(r->forwarded_from_id))
		add_sv_or_null(b, &first, "forwarded_from_id", r->forwarded_from_id);
	buf_addc(b, ',');
	buf_adds(b, POST_CLUSTER_NULL);
	buf_addc(b, '\n');
}

/* Read each attached image; fills p->ocr. A failure stays with its image
 * (an "error" in the output); only ATL_ENOMEM fails the post. */
static int read_images(struct ocr *ocr, struct post *p, struct arena *a)
{
	const struct record *r = &p->rec;

	p->ocr = arena_calloc(a, r->n_media, sizeof(*p->ocr));
	if (!p->ocr)
		return ATL_ENOMEM;
	for (size_t i = 0; i < r->n_media; i++) {
		struct post_ocr *o = &p->ocr[p->n_ocr++];
		struct ocr_result res;
		struct atl_err e = ATL_ERR_INIT;
		int rc;

		o->image = r->media[i].p;
		o->text = str_make("", 0);
		if (p->refused[i]) {
			o->error = p->refused[i];
			continue;
		}
		rc = i == 0 && p->image
		     ? ocr_image_named(ocr, p->image, p->image_len, r->media[i].p, &res, a, &e)
		     : ocr_image(ocr, r->media[i].p, &res, a, &e);
		memcpy(o->hash, res.hash, sizeof(o->hash));
		if (rc == ATL_ENOMEM)
			return rc;
		if (rc < 0) {
			o->error = arena_strdup(a, e.msg[0] ? e.msg : atl_code_str(rc));
			if (!o->error)
				return ATL_ENOMEM;
			continue;
		}
		o->text = str_make(res.text, res.len);
		o->confidence = res.confidence;
		o->timed_out = res.timed_out;
		o->from = res.cached;
		o->width = res.width;
		o->height = res.height;
	}
	return 0;
}

/* Append l (found in a segment starting at off) to out, shifted into full's
 * coordinates; a (kind, value) already in out is not added again. */
static int merge(struct indicator_list *out, const struct indicator_list *l, uint32_t off,
		 struct arena *a)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct indicator *x = &l->v[i];
		size_t j;
		for (j = 0; j < out->n; j++)
			if (out->v[j].kind == x->kind && !strcmp(out->v[j].value, x->value))
				break;
		if (j < out->n)
			continue;
		if (out->n == out->cap) {
			size_t cap = out->cap ? out->cap * 2 : 16;
			struct indicator *v = arena_realloc(a, out->v, out->cap * sizeof(*v),
							    cap * sizeof(*v));
			if (!v)
				return ATL_ENOMEM;
			out->v = v;
			out->cap = cap;
		}
		out->v[out->n] = *x;
		out->v[out->n].start += off;
		out->v[out->n].end += off;
		out->n++;
	}
	return 0;
}

/* p->full = the caption and each image's text, SEP between them;
 * p->seg_start where each starts. */
static int build_full(struct post *p, struct arena *a)
{
	size_t n = p->rec.text.len;
	char *full;

	for (size_t i = 0; i < p->n_ocr; i++)
		n += SEP_LEN + p->ocr[i].text.len;
	if (n > UINT32_MAX / 2)
		return ATL_ENOMEM;
	full = arena_alloc(a, n + 1);
	if (!full)
		return ATL_ENOMEM;
	if (p->rec.text.len)
		memcpy(full, p->rec.text.p, p->rec.text.len);
	n = p->rec.text.len;
	p->seg_start[0] = 0;
	for (size_t i = 0; i < p->n_ocr; i++) {
		memcpy(full + n, SEP, SEP_LEN);
		n += SEP_LEN;
		p->seg_start[i + 1] = (uint32_t)n;
		if (p->ocr[i].text.len)
			memcpy(full + n, p->ocr[i].text.p, p->ocr[i].text.len);
		n += p->ocr[i].text.len;
	}
	full[n] = '\0';
	p->full = str_make(full, n);
	return 0;
}

/* With OCR text, extraction runs over full or its segments; without, over
 * rec.text alone. */
static int has_ocr_text(const struct post *p)
{
	return p->full.p != p->rec.text.p;
}

int post_segments(struct post *p, struct arena *a)
{
	int any = 0;

	assert(p->n_ocr <= REC_MAX_MEDIA);
	memset(p->seg_start, 0, sizeof(p->seg_start));
	p->full = p->rec.text;
	for (size_t i = 0; i < p->n_ocr; i++)
		any |= p->ocr[i].text.len > 0;
	if (any)
		return build_full(p, a);
	for (size_t k = 1; k <= p->n_ocr; k++)	/* every span is in the caption */
		p->seg_start[k] = UINT32_MAX;
	return 0;
}

/* p->ind merged from the segments' own extractions. */
static int extract_segments(const struct post_ctx *c, struct post *p, struct arena *a)
{
	for (size_t k = 0; k <= p->n_ocr; k++) {
		struct str seg = k ? p->ocr[k - 1].text : p->rec.text;
		struct norm_text nt;
		struct indicator_list l = { NULL, 0, 0 };
		int rc;

		if (seg.len == 0)
			continue;
		rc = normalize_text(&nt, seg.p, seg.len, a);
		if (rc == 0)
			rc = extract_indicators(&l, seg.p, seg.len, &nt, c->xopts, a);
		if (rc == 0)
			rc = merge(&p->ind, &l, p->seg_start[k], a);
		if (rc < 0)
			return rc;
	}
	return 0;
}

const char *const post_stage_names[POST_N_STAGES] = {
	"normalise", "extract", "score", "sign", "render",
};

/* Each stage runs over a whole batch before the next starts, so its tables
 * stay in cache. With OCR text, the normalise stage reads the images and
 * extracts each segment on the way; extract then has nothing left to do
 * for that post. */
static int stage_normalise(const struct post_ctx *c, struct detect_scratch *scratch,
			   struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	const struct record *r = &p->rec;
	int rc;

	(void)scratch;
	(void)out;
	p->ind.v = NULL;
	p->ind.n = p->ind.cap = 0;
	p->ocr = NULL;
	p->n_ocr = 0;
	if (ocr && r->n_media) {
		rc = read_images(ocr, p, a);
		if (rc < 0)
			return rc;
	}
	rc = post_segments(p, a);
	if (rc < 0)
		return rc;
	if (has_ocr_text(p)) {
		rc = extract_segments(c, p, a);
		return rc < 0 ? rc : normalize_text(&p->nt, p->full.p, p->full.len, a);
	}
	return normalize_text(&p->nt, r->text.p, r->text.len, a);
}

static int stage_extract(const struct post_ctx *c, struct detect_scratch *scratch,
			 struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	(void)scratch;
	(void)ocr;
	(void)out;
	if (has_ocr_text(p))
		return 0;	/* done segment by segment in stage_normalise */
	return extract_indicators(&p->ind, p->rec.text.p, p->rec.text.len, &p->nt,
				  c->xopts, a);
}

/* The score stage in three steps over the batch: the count scans of
 * every post (several posts a scan: complete after count_flush), the
 * scores, then the span scans of the posts at or above the threshold, so
 * that each step's Hyperscan databases stay in cache. */
static int stage_count(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	(void)ocr;
	(void)a;
	(void)out;
	return detect_count(c->det, scratch, &p->nt, &p->counts);
}

static int count_flush(const struct post_ctx *c, struct detect_scratch *scratch)
{
	return detect_count_flush(c->det, scratch);
}

static int stage_score(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	(void)ocr;
	(void)a;
	(void)out;
	detect_score_counted(c->det, scratch, &p->nt, &p->ind, &p->counts, &p->det);
	return 0;
}

static int stage_reasons(const struct post_ctx *c, struct detect_scratch *scratch,
			 struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	(void)ocr;
	(void)out;
	return detect_reasons_counted(c->det, scratch, &p->nt, &p->ind, &p->counts,
				      &p->det, a);
}

/* --redact over a post with text read from images: each segment (the
 * caption, each image's text) is redacted on its own by redact_post, with
 * the indicators and reasons that start in it moved into its coordinates
 * (a reason running past its segment is cut at the segment's end), and
 * then full, seg_start and every span are rebuilt from the new segments.
 * Segment by segment, so a token never swallows the separator between two
 * texts and each image's text stays its own. */
static int redact_segments(const struct post_ctx *c, struct post *p, struct arena *a)
{
	size_t n_ind = p->ind.n, n_rsn = p->det.n_reasons;
	uint8_t *ind_seg = arena_alloc(a, n_ind + 1), *rsn_seg = arena_alloc(a, n_rsn + 1);
	struct indicator *lv = arena_alloc(a, (n_ind + 1) * sizeof(*lv));
	struct reason *lr = arena_alloc(a, (n_rsn + 1) * sizeof(*lr));
	int rc;

	if (!ind_seg || !rsn_seg || !lv || !lr)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n_ind; i++)
		ind_seg[i] = (uint8_t)segment_of(p, p->ind.v[i].start);
	for (size_t i = 0; i < n_rsn; i++)
		rsn_seg[i] = (uint8_t)segment_of(p, p->det.reasons[i].start);
	for (size_t k = 0; k <= p->n_ocr; k++) {
		struct record r = p->rec;
		struct indicator_list li = { lv, 0, n_ind };
		struct detect_result ld = p->det;
		uint32_t off = p->seg_start[k];
		size_t j;

		if (k) {	/* an image's text: no author of its own */
			r.text = p->ocr[k - 1].text;
			r.author = STR_NULL;
			r.forwarded_from = r.forwarded_from_id = STR_NULL;
		}
		ld.reasons = lr;
		ld.n_reasons = 0;
		for (size_t i = 0; i < n_ind; i++)
			if (ind_seg[i] == k) {
				lv[li.n] = p->ind.v[i];
				lv[li.n].start -= off;
				lv[li.n].end -= off;
				li.n++;
			}
		for (size_t i = 0; i < n_rsn; i++)
			if (rsn_seg[i] == k) {
				lr[ld.n_reasons] = p->det.reasons[i];
				lr[ld.n_reasons].start -= off;
				lr[ld.n_reasons].end = lr[ld.n_reasons].end - off > r.text.len
						       ? (uint32_t)r.text.len
						       : lr[ld.n_reasons].end - off;
				ld.n_reasons++;
			}
		rc = redact_post(c->redact, c->xopts, &r, &li, &ld, a);
		if (rc < 0)
			return rc;
		/* back, in the segment's coordinates until full is rebuilt */
		j = 0;
		for (size_t i = 0; i < n_ind; i++)
			if (ind_seg[i] == k)
				p->ind.v[i] = lv[j++];
		j = 0;
		for (size_t i = 0; i < n_rsn; i++)
			if (rsn_seg[i] == k)
				p->det.reasons[i] = lr[j++];
		if (k) {
			p->ocr[k - 1].text = r.text;
		} else {
			p->rec.text = r.text;
			p->rec.author = r.author;
			p->rec.forwarded_from = r.forwarded_from;
			p->rec.forwarded_from_id = r.forwarded_from_id;
		}
	}
	rc = build_full(p, a);
	if (rc < 0)
		return rc;
	for (size_t i = 0; i < n_ind; i++) {
		p->ind.v[i].start += p->seg_start[ind_seg[i]];
		p->ind.v[i].end += p->seg_start[ind_seg[i]];
	}
	for (size_t i = 0; i < n_rsn; i++) {
		p->det.reasons[i].start += p->seg_start[rsn_seg[i]];
		p->det.reasons[i].end += p->seg_start[rsn_seg[i]];
	}
	return 0;
}

int post_redact(const struct post_ctx *c, struct post *p, struct arena *a)
{
	if (has_ocr_text(p))
		return redact_segments(c, p, a);
	return redact_post(c->redact, c->xopts, &p->rec, &p->ind, &p->det, a);
}

static int stage_sign(const struct post_ctx *c, struct detect_scratch *scratch,
		      struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	(void)scratch;
	(void)ocr;
	(void)out;
	p->sig = arena_alloc(a, sizeof(uint32_t) * (size_t)link_n_hashes(c->linker));
	if (!p->sig)
		return ATL_ENOMEM;
	link_sign(c->linker, &p->nt, p->sig);
	/* after signing: nothing raw reaches the outputs */
	return c->redact ? post_redact(c, p, a) : 0;
}

static int stage_render(const struct post_ctx *c, struct detect_scratch *scratch,
			struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	(void)c;
	(void)scratch;
	(void)ocr;
	(void)a;
	p->line_off = out->len;
	render(out, p);
	if (buf_error(out))
		return buf_error(out);
	p->line_len = out->len - p->line_off;
	return 0;
}

typedef int stage_fn(const struct post_ctx *c, struct detect_scratch *scratch,
		     struct ocr *ocr, struct post *p, struct arena *a, struct buf *out);

/* The steps in order, the stage whose CPU time each is counted in, and
 * what completes a step once it ran on every post (or NULL). */
static const struct step {
	stage_fn *fn;
	enum post_stage stage;
	int (*flush)(const struct post_ctx *c, struct detect_scratch *scratch);
} steps[] = {
	{ stage_normalise, POST_NORMALISE, NULL }, { stage_extract, POST_EXTRACT, NULL },
	{ stage_count, POST_SCORE, count_flush }, { stage_score, POST_SCORE, NULL },
	{ stage_reasons, POST_SCORE, NULL },
	{ stage_sign, POST_SIGN, NULL }, { stage_render, POST_RENDER, NULL },
};
#define N_STEPS (sizeof(steps) / sizeof(steps[0]))

static double thread_cpu_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int post_process(const struct post_ctx *c, struct detect_scratch *scratch,
		 struct ocr *ocr, struct post *p, struct arena *a, struct buf *out)
{
	for (size_t k = 0; k < N_STEPS; k++) {
		int rc = steps[k].fn(c, scratch, ocr, p, a, out);

		if (steps[k].flush) {
			int rc2 = steps[k].flush(c, scratch);

			if (rc == 0)
				rc = rc2;
		}
		if (rc < 0)
			return rc;
	}
	return 0;
}

/* Up to the first 256 bytes of t's text and of its start map. */
static inline void prefetch_text(const struct norm_text *t)
{
	size_t n = t->len < 256 ? t->len : 256;

	for (size_t o = 0; o < n; o += 64)
		__builtin_prefetch(t->s + o);
	__builtin_prefetch(t->start);
}

int post_process_batch(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct ocr *ocr, struct post *v, size_t n, struct arena *a,
		       struct buf *out, double *stage_cpu_s, size_t *failed)
{
	double t = stage_cpu_s ? thread_cpu_s() : 0;

	for (size_t k = 0; k < N_STEPS; k++) {
		for (size_t i = 0; i < n; i++) {
			int rc;

			/* A batch is far bigger than the cache, so each step
			 * after the first finds a post's normalised text in
			 * memory again: fetch the next post's first lines now
			 * (a post's text is too short for the hardware's
			 * stream prefetcher to catch). */
			if (k > 0 && i + 1 < n)
				prefetch_text(&v[i + 1].nt);
			rc = steps[k].fn(c, scratch, ocr, &v[i], a, out);

			if (rc < 0) {
				if (steps[k].flush)	/* leave nothing waiting in scratch */
					(void)steps[k].flush(c, scratch);
				*failed = i;
				return rc;
			}
		}
		if (steps[k].flush) {
			int rc = steps[k].flush(c, scratch);

			if (rc < 0) {
				*failed = n - 1;
				return rc;
			}
		}
		if (stage_cpu_s) {
			double now = thread_cpu_s();

			stage_cpu_s[steps[k].stage] += now - t;
			t = now;
		}
	}
	return 0;
}
