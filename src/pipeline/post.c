/*
 * post: normalise, extract, detect, sign, and render one post.
 *
 * The posts.jsonl line is the output contract (stable; later work adds keys,
 * never renames them). Key order is fixed and "cluster" comes last, so the
 * second pass of a scan can fill it in by rewriting only the line's end.
 */
#include <time.h>

#include "post.h"

#include "core/arena.h"
#include "core/err.h"
#include "core/json.h"
#include "pipeline/redact.h"
#include "core/banned.h"

static void add_sv_or_null(struct buf *b, int *first, const char *key, struct str s)
{
	json_add_key(b, first, key);
	json_add_sv(b, s);
}

static void add_span(struct buf *b, const struct record *r, uint32_t start, uint32_t end)
{
	int first = 0;

	if (end > r->text.len)
		end = (uint32_t)r->text.len;
	if (start > end)
		start = end;
	json_add_key(b, &first, "text");
	json_add_str(b, r->text.p + start, end - start);
	json_add_key(b, &first, "start");
	json_add_int(b, start);
	json_add_key(b, &first, "end");
	json_add_int(b, end);
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
				json_add_key(b, &f, "amount");
				json_add_cstr(b, x->amount);
				json_add_key(b, &f, "currency");
				json_add_cstr(b, x->currency);
			} else {
				json_add_key(b, &f, "value");
				json_add_cstr(b, x->value);
				if (x->kind == IND_PHONE && x->region) {
					json_add_key(b, &f, "region");
					json_add_cstr(b, x->region);
				}
				if (x->kind == IND_LINK && x->link_kind) {
					json_add_key(b, &f, "kind");
					json_add_cstr(b, x->link_kind);
				}
			}
			add_span(b, &p->rec, x->start, x->end);
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
	json_add_key(b, &first, "lang");
	json_add_cstr(b, p->det.lang);
	add_sv_or_null(b, &first, "text", r->text);

	json_add_key(b, &first, "source");
	{
		int f = 1;
		buf_addc(b, '{');
		json_add_key(b, &f, "file");
		json_add_sv(b, r->source);
		json_add_key(b, &f, "line");
		json_add_int(b, r->line);
		if (!str_is_null(r->locator)) {
			json_add_key(b, &f, "locator");
			json_add_sv(b, r->locator);
		}
		json_add_key(b, &f, "format");
		json_add_cstr(b, r->format);
		buf_addc(b, '}');
	}
	json_add_key(b, &first, "warnings");
	render_warnings(b, r->warnings);
	json_add_key(b, &first, "indicators");
	render_indicators(b, p);

	json_add_key(b, &first, "score");
	json_add_num(b, p->det.score, 4);
	json_add_key(b, &first, "flagged");
	json_add_bool(b, p->det.flagged);
	json_add_key(b, &first, "tactics");
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
	json_add_key(b, &first, "reasons");
	buf_addc(b, '[');
	for (size_t i = 0; i < p->det.n_reasons; i++) {
		const struct reason *x = &p->det.reasons[i];
		int f = 1;
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		json_add_key(b, &f, "tactic");
		json_add_cstr(b, tactic_name(x->tactic));
		add_span(b, r, x->start, x->end);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	buf_addc(b, ',');
	buf_adds(b, POST_CLUSTER_NULL);
	buf_addc(b, '\n');
}

const char *const post_stage_names[POST_N_STAGES] = {
	"normalise", "extract", "score", "sign", "render",
};

static int stage_normalise(const struct post_ctx *c, struct detect_scratch *scratch,
			   struct post *p, struct arena *a, struct buf *out)
{
	(void)c;
	(void)scratch;
	(void)out;
	return normalize_text(&p->nt, p->rec.text.p, p->rec.text.len, a);
}

static int stage_extract(const struct post_ctx *c, struct detect_scratch *scratch,
			 struct post *p, struct arena *a, struct buf *out)
{
	(void)scratch;
	(void)out;
	p->ind.v = NULL;
	p->ind.n = p->ind.cap = 0;
	return extract_indicators(&p->ind, p->rec.text.p, p->rec.text.len, &p->nt,
				  c->xopts, a);
}

static int stage_score(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct post *p, struct arena *a, struct buf *out)
{
	(void)out;
	return detect_post(c->det, scratch, &p->rec, &p->nt, &p->ind, &p->det, a);
}

static int stage_sign(const struct post_ctx *c, struct detect_scratch *scratch,
		      struct post *p, struct arena *a, struct buf *out)
{
	(void)scratch;
	(void)out;
	p->sig = arena_alloc(a, sizeof(uint32_t) * (size_t)link_n_hashes(c->linker));
	if (!p->sig)
		return ATL_ENOMEM;
	link_sign(c->linker, &p->nt, p->sig);
	if (c->redact) {	/* after signing: nothing raw reaches the outputs */
		int rc = redact_post(c->redact, c->xopts, &p->rec, &p->ind, &p->det, a);
		if (rc < 0)
			return rc;
	}
	return 0;
}

static int stage_render(const struct post_ctx *c, struct detect_scratch *scratch,
			struct post *p, struct arena *a, struct buf *out)
{
	(void)c;
	(void)scratch;
	(void)a;
	p->line_off = out->len;
	render(out, p);
	if (buf_error(out))
		return buf_error(out);
	p->line_len = out->len - p->line_off;
	return 0;
}

typedef int stage_fn(const struct post_ctx *c, struct detect_scratch *scratch,
		     struct post *p, struct arena *a, struct buf *out);

static stage_fn *const stages[POST_N_STAGES] = {
	stage_normalise, stage_extract, stage_score, stage_sign, stage_render,
};

static double thread_cpu_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int post_process(const struct post_ctx *c, struct detect_scratch *scratch,
		 struct post *p, struct arena *a, struct buf *out)
{
	for (int k = 0; k < POST_N_STAGES; k++) {
		int rc = stages[k](c, scratch, p, a, out);

		if (rc < 0)
			return rc;
	}
	return 0;
}

int post_process_batch(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct post *v, size_t n, struct arena *a, struct buf *out,
		       double *stage_cpu_s, size_t *failed)
{
	double t = stage_cpu_s ? thread_cpu_s() : 0;

	for (int k = 0; k < POST_N_STAGES; k++) {
		for (size_t i = 0; i < n; i++) {
			int rc = stages[k](c, scratch, &v[i], a, out);

			if (rc < 0) {
				*failed = i;
				return rc;
			}
		}
		if (stage_cpu_s) {
			double now = thread_cpu_s();

			stage_cpu_s[k] += now - t;
			t = now;
		}
	}
	return 0;
}
