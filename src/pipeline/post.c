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

static uint64_t mono_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Stage boundary: the time since the last one goes to stage k. */
#define MARK(k)								\
	do {								\
		if (timed) {						\
			uint64_t now_ = mono_ns();			\
			dt[k] = now_ - t0;				\
			t0 = now_;					\
		}							\
	} while (0)

int post_process(const struct post_ctx *c, struct detect_scratch *scratch,
		 struct post *p, struct arena *a, struct buf *out)
{
	return post_process_timed(c, scratch, p, a, out, NULL);
}

int post_process_timed(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct post *p, struct arena *a, struct buf *out,
		       struct post_timing *tm)
{
	const struct record *r = &p->rec;
	uint64_t dt[POST_N_STAGES], t0 = 0, sum = 0;
	int timed = tm && tm->n_seen++ % POST_TIMING_EVERY == 0;
	int rc;

	if (timed)
		t0 = mono_ns();
	rc = normalize_text(&p->nt, r->text.p, r->text.len, a);
	if (rc < 0)
		return rc;
	MARK(POST_NORMALISE);
	p->ind.v = NULL;
	p->ind.n = p->ind.cap = 0;
	rc = extract_indicators(&p->ind, r->text.p, r->text.len, &p->nt, c->xopts, a);
	if (rc < 0)
		return rc;
	MARK(POST_EXTRACT);
	rc = detect_post(c->det, scratch, r, &p->nt, &p->ind, &p->det, a);
	if (rc < 0)
		return rc;
	MARK(POST_SCORE);
	p->sig = arena_alloc(a, sizeof(uint32_t) * (size_t)link_n_hashes(c->linker));
	if (!p->sig)
		return ATL_ENOMEM;
	link_sign(c->linker, &p->nt, p->sig);
	MARK(POST_SIGN);
	p->line_off = out->len;
	render(out, p);
	if (buf_error(out))
		return buf_error(out);
	p->line_len = out->len - p->line_off;
	MARK(POST_RENDER);
	if (timed) {
		for (int k = 0; k < POST_N_STAGES; k++)
			sum += dt[k];
		if (sum <= POST_TIMING_MAX_NS) {
			for (int k = 0; k < POST_N_STAGES; k++)
				tm->ns[k] += dt[k];
			tm->n_timed++;
		}
	}
	return 0;
}
