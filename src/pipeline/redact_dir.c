/*
 * redact_dir: see redact_dir.h. Three streams: networks.jsonl once for the
 * cluster sizes (the sampling rule needs them), posts.jsonl once (each line
 * redacted and written, sampled texts kept), networks.jsonl again (each line
 * rewritten, templates rebuilt).
 *
 * Lines are rewritten from their yajl tree in their own key order: numbers
 * keep their text (yajl's "r"), strings go through the same JSON writer the
 * scan uses, so an untouched value keeps its bytes.
 */
#include "redact_dir.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "link/link.h"
#include "link/template.h"
#include "pipeline/post.h"
#include "report/jsonl.h"
#include "text/normalize.h"
#include "core/utf8.h"
#include "core/banned.h"

#define PATH_BYTES 4096
#define MAX_LIST_VALUES 100000	/* values of one list in one network line */
#define MAX_KEYS 64		/* keys looked at in one object (a scan writes < 20) */

struct cluster {
	char *label;		/* "C12", malloc'd */
	uint64_t size;		/* from networks.jsonl */
	uint64_t seen;		/* its posts seen so far in posts.jsonl */
	uint32_t n_sample;
	struct tmpl_post *sample;	/* LINK_SAMPLE_MAX, in samples */
};

struct rd {
	const struct redactor *r;
	const struct extract_opts *xo;
	struct post_ctx pc;	/* r and xo, for post_redact */
	const struct jsonl_in *in;	/* the file being rewritten, for messages */
	struct cluster *cl;	/* sorted by label */
	size_t n_cl, cap_cl;
	struct arena samples;	/* sampled texts, for the whole run */
	struct arena a;		/* per line */
	struct buf out;		/* one output line */
};

/* ---- output files ------------------------------------------------------------ */

struct part {
	FILE *f;
	char path[PATH_BYTES], tmp[PATH_BYTES + 8];
};

static int part_open(struct part *p, const char *dir, const char *name, struct atl_err *err)
{
	snprintf(p->path, sizeof(p->path), "%s/%s", dir, name);
	snprintf(p->tmp, sizeof(p->tmp), "%s.part", p->path);
	p->f = fopen(p->tmp, "wb");
	if (!p->f)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", p->tmp, strerror(errno));
	return 0;
}

static int part_write(struct part *p, const struct buf *b, struct atl_err *err)
{
	if (buf_error(b))
		return atl_err_set(err, buf_error(b), "output line too large");
	if (b->len && fwrite(b->p, 1, b->len, p->f) != b->len)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", p->tmp, strerror(errno));
	return 0;
}

/* Rename into place when rc is 0, else remove; returns rc or the error. */
static int part_close(struct part *p, int rc, struct atl_err *err)
{
	if (!p->f)
		return rc;
	if (fclose(p->f) != 0 && rc == 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", p->tmp, strerror(errno));
	p->f = NULL;
	if (rc == 0 && rename(p->tmp, p->path) != 0)
		rc = atl_err_set(err, ATL_EIO, "cannot rename '%s': %s", p->tmp, strerror(errno));
	if (rc < 0)
		remove(p->tmp);
	return rc;
}

/* ---- writing a tree back ------------------------------------------------------ */

static void emit(struct buf *b, yajl_val v)
{
	if (!v) {
		buf_adds(b, "null");
		return;
	}
	switch (v->type) {
	case yajl_t_string:
		json_add_cstr(b, v->u.string);
		break;
	case yajl_t_number:
		buf_adds(b, v->u.number.r);
		break;
	case yajl_t_object:
		buf_addc(b, '{');
		for (size_t i = 0; i < v->u.object.len; i++) {
			if (i)
				buf_addc(b, ',');
			json_add_cstr(b, v->u.object.keys[i]);
			buf_addc(b, ':');
			emit(b, v->u.object.values[i]);
		}
		buf_addc(b, '}');
		break;
	case yajl_t_array:
		buf_addc(b, '[');
		for (size_t i = 0; i < v->u.array.len; i++) {
			if (i)
				buf_addc(b, ',');
			emit(b, v->u.array.values[i]);
		}
		buf_addc(b, ']');
		break;
	case yajl_t_true:
		buf_adds(b, "true");
		break;
	case yajl_t_false:
		buf_adds(b, "false");
		break;
	default:
		buf_adds(b, "null");
	}
}

/* The keys a scan writes, per object. A key not listed is left out, and so
 * is a repeated key (readers take the first one): either could hold a raw
 * value this redactor does not know about. */
static const char *const post_keys[] = {
	"id", "platform", "author", "created_at", "url", "lang", "text", "ocr", "source",
	"warnings", "indicators", "score", "flagged", "tactics", "reasons", "forwarded_from",
	"forwarded_from_id", "cluster", NULL
};
static const char *const item_keys[] = {
	"value", "region", "kind", "from", "text", "start", "end", "amount", "currency", NULL
};
static const char *const reason_keys[] = { "tactic", "from", "text", "start", "end", NULL };
static const char *const net_keys[] = {
	"id", "flagged", "score", "size", "posts", "posts_truncated", "accounts", "platforms",
	"indicators", "prices", "places", "first_seen", "last_seen", "template", "slots",
	"evidence", "pulled_in", NULL
};
static const char *const evidence_keys[] = {
	"text_edges", "phone_edges", "link_edges", "url_edges", "account_edges", "shared", NULL
};
static const char *const pulled_keys[] = { "id", "score", "via", "value", "with", NULL };

/* Is the i-th key of object o in known (NULL: any) and the first of its name? */
static int keep_key(yajl_val o, size_t i, const char *const *known)
{
	const char *k = o->u.object.keys[i];
	int listed = !known;

	if (i >= MAX_KEYS)
		return 0;
	/* first bytes compared first: this runs for every key of every line */
	for (const char *const *p = known; p && *p && !listed; p++)
		listed = (*p)[0] == k[0] && !strcmp(*p, k);
	if (!listed)
		return 0;
	for (size_t j = 0; j < i; j++)
		if (o->u.object.keys[j][0] == k[0] && !strcmp(o->u.object.keys[j], k))
			return 0;
	return 1;
}

/* ---- posts ----------------------------------------------------------------- */

/* A post as post_redact needs it (the scan's own struct post: caption,
 * image texts, segments, indicators, reasons), and which of its items have
 * a span to move. */
struct rpost {
	struct post p;
	uint8_t *ind_ok, *rsn_ok;	/* per indicator (p.ind order), per reason */
	int has_text;			/* "text" is a string */
};

static const char *const ocr_keys[] = {
	"image", "confidence", "text", "timed_out", "error", NULL
};

static int kind_of_key(const char *key)
{
	for (int k = 0; k < IND__N; k++)
		if (!strcmp(key, ind_kind_key((enum ind_kind)k)))
			return k;
	return -1;
}

/* The span of item x in the full text of P (caption and image texts, as
 * post_segments joins them): its start and end are offsets in the text its
 * "from" names (the caption when absent, else the first image of that
 * path: the scan names an image by its path), moved by where that text
 * starts. 0 when it has no span a scan could have written. */
static int span_in(const struct rpost *P, yajl_val x, uint32_t *s, uint32_t *e)
{
	yajl_val a = jv_get(x, "start"), b = jv_get(x, "end");
	const char *from = jv_str(x, "from");
	const struct post *p = &P->p;
	struct str seg = p->rec.text;
	size_t k = 0;

	if (!YAJL_IS_INTEGER(a) || !YAJL_IS_INTEGER(b) || a->u.number.i < 0 ||
	    b->u.number.i < a->u.number.i || b->u.number.i > UINT32_MAX)
		return 0;
	if (from && strcmp(from, "caption") != 0) {
		for (k = 1; k <= p->n_ocr; k++)
			if (p->ocr[k - 1].image && !strcmp(p->ocr[k - 1].image, from))
				break;
		if (k > p->n_ocr || p->ocr[k - 1].text.len == 0)
			return 0;
		seg = p->ocr[k - 1].text;
	} else if (!P->has_text) {
		return 0;
	}
	if ((uint64_t)b->u.number.i > seg.len)
		return 0;
	*s = (uint32_t)a->u.number.i + p->seg_start[k];
	*e = (uint32_t)b->u.number.i + p->seg_start[k];
	return 1;
}

/* The post as post_redact needs it: text, author, platform, forwarded
 * author, the image texts ("ocr"), the indicators in the scan's order (by
 * kind, then as in the line: within a kind the caption's first, then each
 * image's, as post.c merges them) and the reason spans. Items without a
 * usable span keep their value but no span. ATL_EPARSE: more images than a
 * record holds. */
static int load_post(struct rpost *P, yajl_val v, struct arena *a)
{
	yajl_val ind = jv_get(v, "indicators"), reasons = jv_get(v, "reasons");
	yajl_val ocr = jv_get(v, "ocr");
	struct post *p = &P->p;
	size_t n = 0;
	int rc;

	memset(P, 0, sizeof(*P));
	p->rec.text = str_cstr(jv_str(v, "text"));
	p->rec.author = str_cstr(jv_str(v, "author"));
	p->rec.platform = str_cstr(jv_str(v, "platform"));
	p->rec.forwarded_from = str_cstr(jv_str(v, "forwarded_from"));
	p->rec.forwarded_from_id = str_cstr(jv_str(v, "forwarded_from_id"));
	P->has_text = !str_is_null(p->rec.text);
	if (!P->has_text)	/* not a scan's line; redact_post skips a NULL text,
				 * and with it the indicator values */
		p->rec.text = str_make("", 0);
	if (jv_len(ocr) > REC_MAX_MEDIA)
		return ATL_EPARSE;
	p->ocr = arena_calloc(a, jv_len(ocr) + 1, sizeof(*p->ocr));
	if (!p->ocr)
		return ATL_ENOMEM;
	for (size_t i = 0; i < jv_len(ocr); i++) {
		const char *t = jv_str(jv_at(ocr, i), "text");
		struct post_ocr *o = &p->ocr[p->n_ocr++];
		o->image = jv_str(jv_at(ocr, i), "image");
		o->text = str_cstr(t ? t : "");
	}
	rc = post_segments(p, a);
	if (rc < 0)
		return rc;
	for (int k = 0; k < IND__N; k++)
		n += jv_len(jv_get(ind, ind_kind_key((enum ind_kind)k)));
	p->ind.v = arena_calloc(a, n + 1, sizeof(*p->ind.v));
	p->det.reasons = arena_calloc(a, jv_len(reasons) + 1, sizeof(*p->det.reasons));
	P->ind_ok = arena_calloc(a, n + 1, 1);
	P->rsn_ok = arena_calloc(a, jv_len(reasons) + 1, 1);
	if (!p->ind.v || !p->det.reasons || !P->ind_ok || !P->rsn_ok)
		return ATL_ENOMEM;
	p->ind.cap = n + 1;
	for (int k = 0; k < IND__N; k++) {
		yajl_val arr = jv_get(ind, ind_kind_key((enum ind_kind)k));
		for (size_t i = 0; i < jv_len(arr); i++) {
			yajl_val x = jv_at(arr, i);
			struct indicator *d = &p->ind.v[p->ind.n];
			d->kind = (enum ind_kind)k;
			d->value = jv_str(x, k == IND_PRICE ? "amount" : "value");
			P->ind_ok[p->ind.n++] = (uint8_t)span_in(P, x, &d->start, &d->end);
		}
	}
	for (size_t i = 0; i < jv_len(reasons); i++) {
		struct reason *d = &p->det.reasons[p->det.n_reasons];
		P->rsn_ok[p->det.n_reasons++] =
			(uint8_t)span_in(P, jv_at(reasons, i), &d->start, &d->end);
	}
	return 0;
}

/* "text", "start", "end" of a span of the new full text, relative to its
 * segment, as post.c's add_span writes them ("from" is the line's own). */
static void emit_span(struct buf *b, const struct rpost *P, uint32_t s, uint32_t e)
{
	size_t k;
	struct str seg = post_span(&P->p, s, e, &k, &s, &e);

	buf_adds(b, "\"text\":");
	json_add_str(b, seg.p + s, e - s);
	buf_adds(b, ",\"start\":");
	json_add_int(b, s);
	buf_adds(b, ",\"end\":");
	json_add_int(b, e);
}

/* One indicator or reason object (its keys: known) with its value (when
 * value_key) and span replaced. */
static void emit_item(struct buf *b, yajl_val x, const struct rpost *P, const char *value,
		      uint32_t s, uint32_t e, int value_key, const char *const *known)
{
	int first = 1, spanned = 0;

	buf_addc(b, '{');
	for (size_t i = 0; i < x->u.object.len; i++) {
		const char *k = x->u.object.keys[i];
		if (!keep_key(x, i, known))
			continue;
		if (!strcmp(k, "text") || !strcmp(k, "start") || !strcmp(k, "end")) {
			if (spanned++)
				continue;
			if (!first)
				buf_addc(b, ',');
			first = 0;
			emit_span(b, P, s, e);
			continue;
		}
		json_add_key(b, &first, k);
		if (value_key && !strcmp(k, "value"))
			json_add_cstr(b, value);
		else
			emit(b, x->u.object.values[i]);
	}
	buf_addc(b, '}');
}

static void emit_indicators(struct buf *b, yajl_val ind, const struct rpost *P)
{
	size_t base[IND__N + 1] = { 0 };
	int first = 1;

	for (int k = 0; k < IND__N; k++)
		base[k + 1] = base[k] + jv_len(jv_get(ind, ind_kind_key((enum ind_kind)k)));
	buf_addc(b, '{');
	for (size_t i = 0; i < ind->u.object.len; i++) {
		const char *key = ind->u.object.keys[i];
		yajl_val arr = ind->u.object.values[i];
		int k = kind_of_key(key);

		if (k < 0 || !keep_key(ind, i, NULL))
			continue;
		json_add_key(b, &first, key);
		if (!YAJL_IS_ARRAY(arr)) {
			buf_adds(b, "[]");
			continue;
		}
		buf_addc(b, '[');
		for (size_t j = 0; j < arr->u.array.len; j++) {
			yajl_val x = arr->u.array.values[j];
			const struct indicator *d = &P->p.ind.v[base[k] + j];
			if (j)
				buf_addc(b, ',');
			if (!YAJL_IS_OBJECT(x) || !P->ind_ok[base[k] + j]) {
				/* no span to move: the value alone, redacted */
				if (YAJL_IS_OBJECT(x) && k != IND_PRICE) {
					int f = 1;
					buf_addc(b, '{');
					json_add_key(b, &f, "value");
					json_add_cstr(b, d->value);
					buf_addc(b, '}');
				} else {
					emit(b, k == IND_PRICE ? x : NULL);
				}
				continue;
			}
			emit_item(b, x, P, d->value, d->start, d->end, k != IND_PRICE, item_keys);
		}
		buf_addc(b, ']');
	}
	buf_addc(b, '}');
}

static void emit_reasons(struct buf *b, yajl_val reasons, const struct rpost *P)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < reasons->u.array.len; i++) {
		yajl_val x = reasons->u.array.values[i];
		if (i)
			buf_addc(b, ',');
		if (!YAJL_IS_OBJECT(x) || !P->rsn_ok[i]) {
			int f = 1;
			buf_addc(b, '{');
			json_add_key(b, &f, "tactic");
			json_add_cstr(b, jv_str(x, "tactic"));
			buf_addc(b, '}');
			continue;
		}
		emit_item(b, x, P, NULL, P->p.det.reasons[i].start, P->p.det.reasons[i].end, 0,
			  reason_keys);
	}
	buf_addc(b, ']');
}

/* "ocr" with each image's text replaced by its redacted text; the image
 * path, confidence and error stay as the scan wrote them (scan --redact
 * keeps them too). */
static void emit_ocr(struct buf *b, yajl_val ocr, const struct rpost *P)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < P->p.n_ocr; i++) {
		yajl_val x = ocr->u.array.values[i];
		int first = 1;
		if (i)
			buf_addc(b, ',');
		if (!YAJL_IS_OBJECT(x)) {
			buf_adds(b, "null");
			continue;
		}
		buf_addc(b, '{');
		for (size_t j = 0; j < x->u.object.len; j++) {
			const char *k = x->u.object.keys[j];
			yajl_val y = x->u.object.values[j];
			if (!keep_key(x, j, ocr_keys))
				continue;
			json_add_key(b, &first, k);
			if (!strcmp(k, "text") && YAJL_IS_STRING(y))
				json_add_sv(b, P->p.ocr[i].text);
			else if (!strcmp(k, "text"))
				buf_adds(b, "null");
			else
				emit(b, y);
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static int cmp_cluster(const void *pa, const void *pb)
{
	const struct cluster *x = pa, *y = pb;

	return strcmp(x->label, y->label);
}

static struct cluster *find_cluster(struct rd *R, const char *label)
{
	struct cluster key;

	if (!label || !R->n_cl)
		return NULL;
	key.label = (char *)label;
	return bsearch(&key, R->cl, R->n_cl, sizeof(*R->cl), cmp_cluster);
}

/* The linker's sampling (link_sample_takes, with the default sample_max),
 * texts cut to LINK_SAMPLE_TEXT; a post without text is passed over. The text
 * is the caption alone, as the scan's (it reads back each line's "text"):
 * no image text reaches a template or a slot. */
static int sample_post(struct rd *R, const char *label, const struct rpost *P)
{
	const uint64_t S = LINK_SAMPLE_MAX;
	struct cluster *C = find_cluster(R, label);
	struct str text = P->p.rec.text;
	struct tmpl_post *tp;
	struct norm_text nt;
	uint64_t r, s;
	size_t ol, nl;
	int rc;

	if (!C)
		return 0;
	r = C->seen++;
	s = C->size;
	if (!link_sample_takes(r, s, S))
		return 0;
	if (!P->has_text || C->n_sample >= S)
		return 0;
	if (!C->sample && !(C->sample = arena_calloc(&R->samples, S, sizeof(*C->sample))))
		return ATL_ENOMEM;
	rc = normalize_text(&nt, text.p, text.len, &R->a);
	if (rc < 0)
		return rc;
	tp = &C->sample[C->n_sample];
	ol = utf8_cut(text.p, text.len, LINK_SAMPLE_TEXT);
	nl = utf8_cut(nt.s, nt.len, LINK_SAMPLE_TEXT);
	tp->orig = arena_strndup(&R->samples, text.p, ol);
	tp->orig_len = ol;
	tp->norm = arena_strndup(&R->samples, nt.s, nl);
	tp->norm_len = nl;
	if (!tp->orig || !tp->norm)
		return ATL_ENOMEM;
	C->n_sample++;
	return 0;
}

static int redact_one_post(struct rd *R, yajl_val v, struct atl_err *err)
{
	struct buf *b = &R->out;
	struct rpost P;
	const struct record *rec = &P.p.rec;
	int first = 1, rc;

	rc = load_post(&P, v, &R->a);
	if (rc == ATL_EPARSE)
		return atl_err_set(err, rc, "%s:%llu: post '%s' has more than %d images",
				   R->in->path, (unsigned long long)R->in->line_no,
				   jv_str(v, "id") ? jv_str(v, "id") : "?", REC_MAX_MEDIA);
	if (rc == 0)
		rc = post_redact(&R->pc, &P.p, &R->a);
	if (rc < 0)
		return atl_err_set(err, rc, "out of memory");
	buf_reset(b);
	buf_addc(b, '{');
	for (size_t i = 0; i < v->u.object.len; i++) {
		const char *k = v->u.object.keys[i];
		yajl_val x = v->u.object.values[i];

		if (!keep_key(v, i, post_keys))
			continue;
		json_add_key(b, &first, k);
		if (!strcmp(k, "text") && P.has_text)
			json_add_sv(b, rec->text);
		else if (!strcmp(k, "author") && !str_is_null(rec->author))
			json_add_sv(b, rec->author);
		else if (!strcmp(k, "forwarded_from") && !str_is_null(rec->forwarded_from))
			json_add_sv(b, rec->forwarded_from);
		else if (!strcmp(k, "forwarded_from_id") && !str_is_null(rec->forwarded_from_id))
			json_add_sv(b, rec->forwarded_from_id);
		else if (!strcmp(k, "ocr") && YAJL_IS_ARRAY(x))
			emit_ocr(b, x, &P);
		else if (!strcmp(k, "ocr"))
			buf_adds(b, "[]");
		else if (!strcmp(k, "indicators") && YAJL_IS_OBJECT(x))
			emit_indicators(b, x, &P);
		else if (!strcmp(k, "reasons") && YAJL_IS_ARRAY(x))
			emit_reasons(b, x, &P);
		else
			emit(b, x);
	}
	buf_adds(b, "}\n");
	return sample_post(R, jv_str(v, "cluster"), &P) < 0
		       ? atl_err_set(err, ATL_ENOMEM, "out of memory") : 0;
}

/* ---- networks -------------------------------------------------------------- */

struct val {
	const char *disp;	/* the value as written */
	const char *key;	/* what the linker sorts by */
	char kind;		/* the linker's key kind: 'A', 'P', 'L', ... */
	int ki;			/* index in kinds[] */
	int64_t count;
};

/* An account "author@platform" (or "author" with no platform) of a network
 * whose platforms are plats: its redacted display and sort key. */
static int redact_account(struct rd *R, const char *d, yajl_val plats, struct val *out)
{
	size_t n = strlen(d), best = 0;
	const char *tok, *platform = "";
	struct str author = str_make(d, n);
	char *disp, *key;
	int rc;

	for (size_t i = 0; i < jv_len(plats); i++) {
		const char *p = jv_str(jv_at(plats, i), "value");
		size_t pl = p ? strlen(p) : 0;
		if (pl && pl > best && n > pl + 1 && d[n - pl - 1] == '@' &&
		    !memcmp(d + n - pl, p, pl)) {
			best = pl;
			platform = p;
			author = str_make(d, n - pl - 1);
		}
	}
	rc = redact_author_value(R->r, str_cstr(platform), author, &R->a, &tok);
	if (rc < 0)
		return rc;
	if (tok)
		author = str_cstr(tok);
	disp = arena_alloc(&R->a, author.len + strlen(platform) + 2);
	key = arena_alloc(&R->a, author.len + strlen(platform) + 2);
	if (!disp || !key)
		return ATL_ENOMEM;
	memcpy(disp, author.p, author.len);
	memcpy(key, author.p, author.len);
	snprintf(disp + author.len, strlen(platform) + 2, "%s%s", best ? "@" : "", platform);
	snprintf(key + author.len, strlen(platform) + 2, "\x1f%s", platform);
	out->disp = disp;
	out->key = key;
	return 0;
}

/* kind names of evidence and pulled-in edges, and of network indicator lists */
static const struct {
	const char *edge, *list;
	char k;
	int ind;		/* enum ind_kind, or -1 for accounts */
} kinds[] = {
	{ "account", "accounts", 'A', -1 },
	{ "phone", "phones", 'P', IND_PHONE },
	{ "link", "links", 'L', IND_LINK },
	{ "url", "urls", 'U', IND_URL },
	{ NULL, "handles", 'H', IND_HANDLE },
	{ NULL, "emails", 'E', IND_EMAIL },
};

static int kind_by(const char *name, int edge)
{
	for (size_t i = 0; name && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if ((edge ? kinds[i].edge : kinds[i].list) &&
		    !strcmp(name, edge ? kinds[i].edge : kinds[i].list))
			return (int)i;
	return -1;
}

static int redact_val(struct rd *R, int ki, const char *v, yajl_val plats, struct val *out)
{
	const char *tok;
	int rc;

	out->kind = kinds[ki].k;
	out->ki = ki;
	if (kinds[ki].ind < 0)
		return redact_account(R, v, plats, out);
	rc = redact_value(R->r, (enum ind_kind)kinds[ki].ind, v, &R->a, &tok);
	out->disp = out->key = tok ? tok : v;
	return rc;
}

static int cmp_val(const void *pa, const void *pb)	/* netwrite.c's cmp_tv */
{
	const struct val *x = pa, *y = pb;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int cmp_same(const void *pa, const void *pb)	/* equal values side by side */
{
	const struct val *x = pa, *y = pb;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->disp, y->disp);
}

static int cmp_shared(const void *pa, const void *pb)	/* netwrite.c's */
{
	const struct val *x = pa, *y = pb;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* [{value, count}] (or, shared, [{kind, value, posts}]) redacted, merged
 * where two values got one token, and sorted as the linker sorts. */
static int emit_values(struct rd *R, yajl_val arr, int ki, yajl_val plats, int shared)
{
	const char *count_key = shared ? "posts" : "count";
	size_t n = 0, m = 0, len = jv_len(arr);
	struct val *v;
	int rc;

	if (len > MAX_LIST_VALUES)
		len = MAX_LIST_VALUES;
	v = arena_calloc(&R->a, len + 1, sizeof(*v));
	if (!v)
		return ATL_ENOMEM;
	for (size_t i = 0; i < len; i++) {
		yajl_val x = jv_at(arr, i), c = jv_get(x, count_key);
		const char *s = jv_str(x, "value");
		int k = shared ? kind_by(jv_str(x, "kind"), 1) : ki;
		if (!s || k < 0 || !YAJL_IS_INTEGER(c) || c->u.number.i < 0)
			continue;	/* nothing a scan writes: dropped, never copied */
		rc = redact_val(R, k, s, plats, &v[n]);
		if (rc < 0)
			return rc;
		v[n++].count = c->u.number.i;
	}
	qsort(v, n, sizeof(*v), cmp_same);
	for (size_t i = 0; i < n; i++) {	/* merge equal (kind, value) */
		if (m && v[m - 1].kind == v[i].kind && !strcmp(v[m - 1].disp, v[i].disp))
			v[m - 1].count = v[m - 1].count > INT64_MAX - v[i].count
					 ? INT64_MAX : v[m - 1].count + v[i].count;
		else
			v[m++] = v[i];
	}
	qsort(v, m, sizeof(*v), shared ? cmp_shared : cmp_val);
	buf_addc(&R->out, '[');
	for (size_t i = 0; i < m; i++) {
		int f = 1;
		if (i)
			buf_addc(&R->out, ',');
		buf_addc(&R->out, '{');
		if (shared) {
			json_add_key(&R->out, &f, "kind");
			json_add_cstr(&R->out, kinds[v[i].ki].edge);
		}
		json_add_key(&R->out, &f, "value");
		json_add_cstr(&R->out, v[i].disp);
		json_add_key(&R->out, &f, count_key);
		json_add_int(&R->out, v[i].count);
		buf_addc(&R->out, '}');
	}
	buf_addc(&R->out, ']');
	return 0;
}

/* The template and slots, rebuilt from the sampled redacted texts and
 * written by the same template_json / template_slots_json as netwrite.c. */
static int emit_template(struct rd *R, const struct cluster *C, int slots)
{
	struct buf *b = &R->out;
	size_t n = C && C->sample ? C->n_sample : 0;
	const struct tmpl_post *sample = n ? C->sample : NULL;
	struct tmpl t;
	int rc = template_build(&t, sample, n, &R->a);

	if (rc < 0)
		return rc;
	if (slots)
		template_slots_json(b, &t);
	else
		template_json(b, &t, sample, n);
	return 0;
}

static int emit_evidence(struct rd *R, yajl_val ev, yajl_val plats)
{
	int first = 1, rc;

	buf_addc(&R->out, '{');
	for (size_t i = 0; i < ev->u.object.len; i++) {
		const char *k = ev->u.object.keys[i];
		yajl_val x = ev->u.object.values[i];
		if (!keep_key(ev, i, evidence_keys))
			continue;
		json_add_key(&R->out, &first, k);
		if (!strcmp(k, "shared")) {
			rc = emit_values(R, x, -1, plats, 1);
			if (rc < 0)
				return rc;
		} else if (YAJL_IS_NUMBER(x)) {
			emit(&R->out, x);
		} else {
			buf_adds(&R->out, "null");	/* not a scan's: never copied */
		}
	}
	buf_addc(&R->out, '}');
	return 0;
}

static int emit_pulled_in(struct rd *R, yajl_val arr, yajl_val plats)
{
	struct buf *b = &R->out;

	buf_addc(b, '[');
	for (size_t i = 0; i < jv_len(arr); i++) {
		yajl_val x = jv_at(arr, i);
		int first = 1, ki = kind_by(jv_str(x, "via"), 1);
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '{');
		for (size_t j = 0; YAJL_IS_OBJECT(x) && j < x->u.object.len; j++) {
			const char *k = x->u.object.keys[j];
			yajl_val y = x->u.object.values[j];
			struct val v;
			if (!keep_key(x, j, pulled_keys))
				continue;
			json_add_key(b, &first, k);
			if (strcmp(k, "value") != 0 || YAJL_IS_NUMBER(y)) {
				emit(b, y);	/* a text edge's value is a similarity */
				continue;
			}
			if (ki < 0 || !YAJL_IS_STRING(y)) {
				buf_adds(b, "null");
				continue;
			}
			int rc = redact_val(R, ki, y->u.string, plats, &v);
			if (rc < 0)
				return rc;
			json_add_cstr(b, v.disp);
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	return 0;
}

static int emit_net_indicators(struct rd *R, yajl_val ind, yajl_val plats)
{
	int first = 1, rc;

	buf_addc(&R->out, '{');
	for (size_t i = 0; i < ind->u.object.len; i++) {
		const char *k = ind->u.object.keys[i];
		int ki = kind_by(k, 0);
		if (ki < 0 || ki == 0 || !keep_key(ind, i, NULL))
			continue;	/* no such list in a scan */
		json_add_key(&R->out, &first, k);
		rc = emit_values(R, ind->u.object.values[i], ki, plats, 0);
		if (rc < 0)
			return rc;
	}
	buf_addc(&R->out, '}');
	return 0;
}

static int redact_one_network(struct rd *R, yajl_val v, struct atl_err *err)
{
	const struct cluster *C = find_cluster(R, jv_str(v, "id"));
	yajl_val plats = jv_get(v, "platforms");
	struct buf *b = &R->out;
	int first = 1, rc = 0;

	buf_reset(b);
	buf_addc(b, '{');
	for (size_t i = 0; i < v->u.object.len && rc == 0; i++) {
		const char *k = v->u.object.keys[i];
		yajl_val x = v->u.object.values[i];

		if (!keep_key(v, i, net_keys))
			continue;
		json_add_key(b, &first, k);
		if (!strcmp(k, "accounts"))
			rc = emit_values(R, x, 0, plats, 0);
		else if (!strcmp(k, "indicators") && YAJL_IS_OBJECT(x))
			rc = emit_net_indicators(R, x, plats);
		else if (!strcmp(k, "template"))
			rc = emit_template(R, C, 0);
		else if (!strcmp(k, "slots"))
			rc = emit_template(R, C, 1);
		else if (!strcmp(k, "evidence") && YAJL_IS_OBJECT(x))
			rc = emit_evidence(R, x, plats);
		else if (!strcmp(k, "pulled_in"))
			rc = emit_pulled_in(R, x, plats);
		else if (!strcmp(k, "indicators") || !strcmp(k, "evidence"))
			buf_adds(b, "null");
		else
			emit(b, x);
	}
	buf_adds(b, "}\n");
	return rc < 0 ? atl_err_set(err, rc, "out of memory") : 0;
}

/* ---- the run ---------------------------------------------------------------- */

static int read_clusters(struct rd *R, const char *path, struct atl_err *err)
{
	struct jsonl_in in;
	yajl_val v;
	int rc = jsonl_open(&in, path, REDACT_DIR_LINE_MAX, JSONL_STRICT, err);

	while (rc == 0 && (rc = jsonl_next(&in, &v, err)) > 0) {
		const char *id = jv_str(v, "id");
		yajl_val size = jv_get(v, "size");

		rc = 0;
		if (id && YAJL_IS_INTEGER(size) && size->u.number.i > 0) {
			if (R->n_cl == R->cap_cl) {
				size_t cap = R->cap_cl ? 2 * R->cap_cl : 256;
				struct cluster *p = realloc(R->cl, cap * sizeof(*p));
				if (!p)
					rc = ATL_ENOMEM;
				else
					R->cl = p, R->cap_cl = cap;
			}
			if (rc == 0) {
				struct cluster *C = &R->cl[R->n_cl];
				memset(C, 0, sizeof(*C));
				C->label = strdup(id);
				C->size = (uint64_t)size->u.number.i;
				if (!C->label)
					rc = ATL_ENOMEM;
				else
					R->n_cl++;
			}
			if (rc < 0)
				rc = atl_err_set(err, rc, "out of memory");
		}
		yajl_tree_free(v);
	}
	jsonl_close(&in);
	if (rc == 0 && R->n_cl > 1) {
		qsort(R->cl, R->n_cl, sizeof(*R->cl), cmp_cluster);
		for (size_t i = 1; i < R->n_cl; i++)
			if (!strcmp(R->cl[i - 1].label, R->cl[i].label))
				return atl_err_set(err, ATL_EPARSE, "%s: network '%s' appears twice",
						   path, R->cl[i].label);
	}
	return rc;
}

typedef int line_fn(struct rd *R, yajl_val v, struct atl_err *err);

static int rewrite(struct rd *R, const char *in_dir, const char *out_dir, const char *name,
		   line_fn *fn, struct atl_err *err)
{
	char path[PATH_BYTES];
	struct jsonl_in in;
	struct part out = { 0 };
	yajl_val v;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", in_dir, name);
	rc = jsonl_open(&in, path, REDACT_DIR_LINE_MAX, JSONL_STRICT, err);
	R->in = &in;
	if (rc == 0)
		rc = part_open(&out, out_dir, name, err);
	while (rc == 0 && (rc = jsonl_next(&in, &v, err)) > 0) {
		rc = fn(R, v, err);
		yajl_tree_free(v);
		if (rc == 0)
			rc = part_write(&out, &R->out, err);
		arena_reset(&R->a);
	}
	jsonl_close(&in);
	R->in = NULL;
	return part_close(&out, rc, err);
}

static int copy_file(const char *in_dir, const char *out_dir, const char *name,
		     struct atl_err *err)
{
	char path[PATH_BYTES], chunk[1 << 16];
	struct part out = { 0 };
	FILE *f;
	size_t n;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", in_dir, name);
	f = fopen(path, "rb");
	if (!f)
		return errno == ENOENT ? 0 : atl_err_set(err, ATL_EIO, "cannot read '%s': %s",
							  path, strerror(errno));
	rc = part_open(&out, out_dir, name, err);
	while (rc == 0 && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (fwrite(chunk, 1, n, out.f) != n)
			rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", out.tmp);
	if (rc == 0 && ferror(f))
		rc = atl_err_set(err, ATL_EIO, "cannot read '%s'", path);
	fclose(f);
	return part_close(&out, rc, err);
}

/* The whole of a small JSON file (summary.json, manifest.json) parsed, into
 * *out (NULL when absent and may_be_absent). */
static int read_object(const char *path, int may_be_absent, yajl_val *out, struct atl_err *err)
{
	struct jsonl_in in;
	struct buf all = BUF_INIT((size_t)16 << 20);
	int rc;

	*out = NULL;
	rc = jsonl_open(&in, path, (size_t)16 << 20, JSONL_STRICT, err);
	while (rc == 0 && (rc = jsonl_next_line(&in, err)) > 0) {
		buf_add(&all, in.line.p ? in.line.p : "", in.line.len);
		buf_addc(&all, '\n');
		rc = 0;
	}
	jsonl_close(&in);
	if (rc == ATL_ENOTFOUND && may_be_absent)
		rc = 0;
	else if (rc == 0 && !(*out = jsonl_parse_object(buf_cstr(&all), all.len)))
		rc = atl_err_set(err, ATL_EPARSE, "'%s' is not a JSON object", path);
	buf_release(&all);
	return rc;
}

int redact_dir(const char *in_dir, const char *out_dir, const struct redactor *r,
	       const struct extract_opts *xo, struct atl_err *err)
{
	char path[PATH_BYTES];
	struct rd R;
	yajl_val man;
	int rc;

	/* a redacted scan's tokens were made with some key: redacting again
	 * would mix keys */
	snprintf(path, sizeof(path), "%s/manifest.json", in_dir);
	rc = read_object(path, 1, &man, err);
	if (rc < 0)
		return rc;
	rc = YAJL_IS_TRUE(jv_get(jv_get(man, "options"), "redact"));
	yajl_tree_free(man);
	if (rc)
		return atl_err_set(err, ATL_EINVAL, "'%s' is a redacted scan already (made with "
				   "--redact): export it without --redact", in_dir);
	memset(&R, 0, sizeof(R));
	R.r = r;
	R.xo = xo;
	R.pc.xopts = xo;
	R.pc.redact = r;
	arena_init(&R.samples, 1 << 20);
	arena_init(&R.a, 1 << 20);
	buf_init(&R.out, 2 * REDACT_DIR_LINE_MAX);
	snprintf(path, sizeof(path), "%s/networks.jsonl", in_dir);
	rc = read_clusters(&R, path, err);
	if (rc == 0)
		rc = rewrite(&R, in_dir, out_dir, "posts.jsonl", redact_one_post, err);
	if (rc == 0)
		rc = rewrite(&R, in_dir, out_dir, "networks.jsonl", redact_one_network, err);
	if (rc == 0)
		rc = copy_file(in_dir, out_dir, "summary.json", err);
	for (size_t i = 0; i < R.n_cl; i++)
		free(R.cl[i].label);
	free(R.cl);
	arena_release(&R.samples);
	arena_release(&R.a);
	buf_release(&R.out);
	return rc;
}

int redact_dir_region(const char *dir, char region[3], struct atl_err *err)
{
	char path[PATH_BYTES];
	yajl_val s = NULL;
	const char *opt, *p;
	int rc;

	region[0] = '\0';
	snprintf(path, sizeof(path), "%s/summary.json", dir);
	rc = read_object(path, 0, &s, err);
	if (rc < 0)
		return rc;
	/* the command line, words joined by spaces; a region is two letters */
	opt = jv_str(s, "options");
	for (p = opt; p && (p = strstr(p, "--default-region")) != NULL; p += 16) {
		const char *v = p + 16;
		if ((p != opt && p[-1] != ' ') || (*v != ' ' && *v != '='))
			continue;
		v++;
		if (v[0] && v[1] && (v[2] == ' ' || v[2] == '\0')) {
			region[0] = v[0];
			region[1] = v[1];
			region[2] = '\0';
		}
	}
	yajl_tree_free(s);
	return 0;
}
