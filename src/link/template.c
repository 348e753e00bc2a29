/*
 * template: representative, common phrases and slots of a cluster's sample;
 * see template.h. The sample is small (the linker keeps at most a few dozen
 * posts per cluster) and tokens are capped, so the quadratic steps here
 * (medoid, LCS) are bounded: 32 posts x 256 x 256 cells at most.
 */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "link/template.h"
#include "core/banned.h"

#define MAX_VALUE_BYTES 80
#define PHRASE_SHARE 0.6

struct toks {
	const char *s;		/* normalised text */
	uint32_t *off, *len;	/* token spans in s */
	uint64_t *h;		/* token hashes */
	uint64_t *set;		/* sorted distinct token hashes */
	uint64_t *tri;		/* sorted distinct 3-gram hashes */
	size_t n, n_set, n_tri;
};

struct slotval {
	uint32_t pos;
	uint32_t count;		/* posts with this value here */
	const char *s;
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static size_t sort_uniq(uint64_t *v, size_t n)
{
	size_t o = 0;

	qsort(v, n, sizeof(*v), cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (!o || v[o - 1] != v[i])
			v[o++] = v[i];
	return o;
}

static uint64_t tri_hash(const uint64_t *h)
{
	return XXH3_64bits(h, 3 * sizeof(*h));
}

static int tokenize(struct toks *t, const char *s, size_t len, struct arena *a)
{
	size_t i = 0, n = 0;

	t->s = s;
	t->off = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->off));
	t->len = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->len));
	t->h = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->h));
	t->set = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->set));
	t->tri = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->tri));
	if (!t->off || !t->len || !t->h || !t->set || !t->tri)
		return ATL_ENOMEM;
	while (i < len && n < TMPL_MAX_TOKENS) {
		size_t b;

		while (i < len && s[i] == ' ')
			i++;
		if (i >= len)
			break;
		b = i;
		while (i < len && s[i] != ' ')
			i++;
		t->off[n] = (uint32_t)b;
		t->len[n] = (uint32_t)(i - b);
		t->h[n] = XXH3_64bits(s + b, i - b);
		n++;
	}
	t->n = n;
	memcpy(t->set, t->h, n * sizeof(*t->h));
	t->n_set = sort_uniq(t->set, n);
	t->n_tri = 0;
	for (size_t j = 0; j + 3 <= n; j++)
		t->tri[t->n_tri++] = tri_hash(t->h + j);
	t->n_tri = sort_uniq(t->tri, t->n_tri);
	return 0;
}

static double set_jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, common = 0;

	if (!na && !nb)
		return 1.0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j])
			i++;
		else
			j++;
	}
	return (double)common / (double)(na + nb - common);
}

static int has_u64(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] == x)
			return 1;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Tokens [b, e) of t joined by single spaces, cut at MAX_VALUE_BYTES. */
static const char *span_text(const struct toks *t, size_t b, size_t e, struct arena *a)
{
	size_t len;

	if (b >= e)
		return NULL;
	len = t->off[e - 1] + t->len[e - 1] - t->off[b];
	if (len > MAX_VALUE_BYTES) {
		len = MAX_VALUE_BYTES;
		/* do not cut inside a UTF-8 sequence */
		while (len > 0 && ((unsigned char)t->s[t->off[b] + len] & 0xc0) == 0x80)
			len--;
	}
	return arena_strndup(a, t->s + t->off[b], len);
}

static int str_has(const char *s, const char *w)
{
	return strstr(s, w) != NULL;
}

/* Whole-word match of any of the words in list (NULL-terminated). */
static int has_word(const char *s, const char *const *list)
{
	for (; *list; list++) {
		size_t wl = strlen(*list);

		for (const char *p = strstr(s, *list); p; p = strstr(p + 1, *list)) {
			int left = p == s || !ascii_is_alpha((unsigned char)p[-1]);
			int right = !ascii_is_alpha((unsigned char)p[wl]);

			if (left && right)
				return 1;
		}
	}
	return 0;
}

static const char *const currency_words[] = {
	"usd", "dls", "dlls", "dolares", "dollars", "dolar", "dollar", "verdes",
	"pesos", "mxn", "quetzales", "gtq", "lempiras", "hnl", "eur", "euros",
	"gbp", "libras", "pounds", "mil", "k", "q", "l", "reais", "brl", NULL
};
static const char *const date_words[] = {
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	"septiembre", "setiembre", "octubre", "noviembre", "diciembre",
	"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "janeiro", "fevereiro",
	"marco", "maio", "junho", "julho", "setembro", "outubro", "novembro",
	"dezembro", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
	"domingo", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "hoy", "manana", "today", "tomorrow", "semana",
	"week", "mes", "month", NULL
};
static const char *const place_preps[] = {
	"desde", "hasta", "hacia", "from", "to", "para", "en", "a", "in", "de",
	"via", "por", "rumbo", NULL
};

static int is_place_prep(const char *w)
{
	for (const char *const *p = place_preps; *p; p++)
		if (!strcmp(w, *p))
			return 1;
	return 0;
}

static const char *const price_cues[] = {
	"precio", "precios", "price", "prices", "costo", "cuesta", "cobro",
	"cobramos", "pago", "solo", "only", "preco", "valor", "tarifa", NULL
};

const char *template_classify(const char *v, const char *prev, const char *next)
{
	size_t n_digit = 0, n_alpha = 0, n_other = 0, n_sep = 0;
	const char *p;

	for (p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (ascii_is_digit(c))
			n_digit++;
		else if (ascii_is_alpha(c) || c >= 0x80)
			n_alpha++;
		else if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '/' ||
			 c == ':' || c == '+' || c == '(' || c == ')')
			n_sep++;
		else
			n_other++;
	}
	if (n_digit && (str_has(v, "$") || str_has(v, "\xe2\x82\xac") ||
			str_has(v, "\xc2\xa3") || has_word(v, currency_words)))
		return "price";
	if (n_digit && !n_alpha && ((next && has_word(next, currency_words)) ||
				    (prev && has_word(prev, price_cues))))
		return "price";
	if (has_word(v, date_words))
		return "date";
	if (n_digit && !n_alpha && !n_other) {
		/* d/m, d/m/y, d-m-y: two or three groups of 1-4 digits split by
		 * slashes or dashes; anything else is a number. */
		int groups = 0, ok = 1;
		size_t run = 0;

		for (p = v;; p++) {
			if (ascii_is_digit((unsigned char)*p)) {
				run++;
				continue;
			}
			if (run == 0 || run > 4) {
				ok = 0;
				break;
			}
			groups++;
			run = 0;
			if (!*p)
				break;
			if (*p != '/' && *p != '-') {
				ok = 0;
				break;
			}
		}
		if (ok && (groups == 2 || groups == 3) && strchr(v, '/'))
			return "date";
		return "number";
	}
	if (!n_digit && n_alpha && prev && is_place_prep(prev))
		return "place";
	return "other";
}

static int cmp_slotval(const void *a, const void *b)
{
	const struct slotval *x = a, *y = b;

	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return strcmp(x->s, y->s);
}

static int cmp_value(const void *a, const void *b)
{
	const struct tmpl_value *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->s, y->s);
}

/* LCS of rep and p; each gap (rep tokens [r0, re), post tokens [p0, pe))
 * with a non-empty, short post side becomes a slot value at r0. */
static int align(const struct toks *rep, const struct toks *p, uint16_t *dp,
		 uint16_t *rep_end, uint8_t *matched, struct slotval *out,
		 size_t *n_out, size_t cap, struct arena *a)
{
	size_t R = rep->n, P = p->n, W = P + 1;
	size_t i, j, r0 = 0, p0 = 0;

	for (i = 0; i <= R; i++)
		dp[i * W + P] = 0;
	for (j = 0; j <= P; j++)
		dp[R * W + j] = 0;
	for (i = R; i-- > 0;)
		for (j = P; j-- > 0;) {
			if (rep->h[i] == p->h[j])
				dp[i * W + j] = (uint16_t)(dp[(i + 1) * W + j + 1] + 1);
			else {
				uint16_t d = dp[(i + 1) * W + j], r = dp[i * W + j + 1];

				dp[i * W + j] = d > r ? d : r;
			}
		}
	i = j = 0;
	for (;;) {
		int at_end = i >= R || j >= P;

		if (at_end || rep->h[i] == p->h[j]) {
			size_t pe = at_end ? P : j, re = at_end ? R : i;

			if (pe > p0 && pe - p0 <= TMPL_MAX_SLOT_TOKENS &&
			    re - r0 <= TMPL_MAX_SLOT_TOKENS && *n_out < cap) {
				const char *s = span_text(p, p0, pe, a);

				if (!s)
					return ATL_ENOMEM;
				out[*n_out].pos = (uint32_t)r0;
				out[*n_out].count = 1;
				out[*n_out].s = s;
				(*n_out)++;
				if (!rep_end[r0])
					rep_end[r0] = (uint16_t)(re + 1);
			}
			if (at_end)
				break;
			matched[i] = 1;
			i++;
			j++;
			r0 = i;
			p0 = j;
		} else if (dp[(i + 1) * W + j] >= dp[i * W + j + 1])
			i++;
		else
			j++;
	}
	return 0;
}

static int build_slots(struct tmpl *out, const struct toks *tk, size_t n,
		       struct arena *a)
{
	const struct toks *rep = &tk[out->rep];
	size_t cap = n * (TMPL_MAX_TOKENS / 2 + 2) + TMPL_MAX_TOKENS, n_sv = 0;
	struct slotval *sv = arena_alloc(a, cap * sizeof(*sv));
	uint16_t *dp = arena_alloc(a, (size_t)(TMPL_MAX_TOKENS + 1) *
				      (TMPL_MAX_TOKENS + 1) * sizeof(*dp));
	uint16_t *rep_end = arena_calloc(a, rep->n + 1, sizeof(*rep_end));
	uint8_t *matched = arena_calloc(a, n * (rep->n + 1), 1);
	size_t i, k;
	int rc;

	out->slots = arena_alloc(a, TMPL_MAX_SLOTS * sizeof(*out->slots));
	out->n_slots = 0;
	if (!sv || !dp || !rep_end || !matched || !out->slots)
		return ATL_ENOMEM;
	for (i = 0; i < n; i++) {
		if (i == out->rep)
			continue;
		rc = align(rep, &tk[i], dp, rep_end, matched + i * (rep->n + 1),
			   sv, &n_sv, cap - rep->n - 1, a);
		if (rc < 0)
			return rc;
	}
	/* The representative's own value at each slot (its side of the first
	 * gap seen there; none for a pure insertion), counted for itself and
	 * every post that matched all of its tokens. */
	for (i = 0; i < rep->n; i++) {
		size_t re = rep_end[i] ? rep_end[i] - 1u : i;

		if (re <= i)
			continue;
		sv[n_sv].pos = (uint32_t)i;
		sv[n_sv].count = 1;
		for (size_t p = 0; p < n; p++) {
			const uint8_t *m = matched + p * (rep->n + 1);
			size_t r = i;

			if (p == out->rep)
				continue;
			while (r < re && m[r])
				r++;
			sv[n_sv].count += r == re;
		}
		sv[n_sv].s = span_text(rep, i, re, a);
		if (!sv[n_sv].s)
			return ATL_ENOMEM;
		n_sv++;
	}
	qsort(sv, n_sv, sizeof(*sv), cmp_slotval);
	for (i = 0; i < n_sv && out->n_slots < TMPL_MAX_SLOTS;) {
		size_t e = i, n_v = 0, best;
		struct tmpl_slot *sl;
		struct tmpl_value *vals;
		int kind_votes[5] = { 0, 0, 0, 0, 0 };
		static const char *const kinds[5] = { "price", "date", "number",
						       "place", "other" };
		const char *prev, *next;

		while (e < n_sv && sv[e].pos == sv[i].pos)
			e++;
		vals = arena_alloc(a, (e - i) * sizeof(*vals));
		if (!vals)
			return ATL_ENOMEM;
		for (k = i; k < e; k++) {
			if (n_v && !strcmp(vals[n_v - 1].s, sv[k].s)) {
				vals[n_v - 1].count += sv[k].count;
				continue;
			}
			vals[n_v].s = sv[k].s;
			vals[n_v].count = sv[k].count;
			n_v++;
		}
		if (n_v < 2) {	/* nothing varies here */
			i = e;
			continue;
		}
		prev = next = NULL;
		if (sv[i].pos > 0) {
			prev = span_text(rep, sv[i].pos - 1, sv[i].pos, a);
			if (!prev)
				return ATL_ENOMEM;
		}
		/* the token after the slot: after the representative's own
		 * value when it has one there */
		k = rep_end[sv[i].pos] ? rep_end[sv[i].pos] - 1u : sv[i].pos;
		if (k < rep->n) {
			next = span_text(rep, k, k + 1, a);
			if (!next)
				return ATL_ENOMEM;
		}
		for (k = 0; k < n_v; k++) {
			const char *kd = template_classify(vals[k].s, prev, next);

			for (int q = 0; q < 5; q++)
				if (!strcmp(kd, kinds[q]))
					kind_votes[q] += (int)vals[k].count;
		}
		best = 0;
		for (int q = 1; q < 5; q++)
			if (kind_votes[q] > kind_votes[best])
				best = (size_t)q;
		qsort(vals, n_v, sizeof(*vals), cmp_value);
		sl = &out->slots[out->n_slots++];
		sl->kind = kinds[best];
		sl->pos = sv[i].pos;
		sl->v = vals;
		sl->n_values = n_v < TMPL_MAX_VALUES ? n_v : TMPL_MAX_VALUES;
		i = e;
	}
	return 0;
}

static int build_phrases(struct tmpl *out, const struct toks *tk, size_t n,
			 struct arena *a)
{
	const struct toks *rep = &tk[out->rep];
	size_t need = (size_t)(PHRASE_SHARE * (double)n + 0.999999), i;
	uint8_t *cover = arena_calloc(a, rep->n + 1, 1);

	if (need < 1)
		need = 1;
	out->phrases = arena_alloc(a, TMPL_MAX_PHRASES * sizeof(*out->phrases));
	out->n_phrases = 0;
	if (!cover || !out->phrases)
		return ATL_ENOMEM;
	for (i = 0; i + 3 <= rep->n; i++) {
		uint64_t h = tri_hash(rep->h + i);
		size_t have = 0;

		for (size_t p = 0; p < n; p++)
			have += has_u64(tk[p].tri, tk[p].n_tri, h);
		if (have >= need)
			cover[i] = cover[i + 1] = cover[i + 2] = 1;
	}
	for (i = 0; i < rep->n && out->n_phrases < TMPL_MAX_PHRASES;) {
		size_t e = i;

		if (!cover[i]) {
			i++;
			continue;
		}
		while (e < rep->n && cover[e])
			e++;
		/* not span_text: a phrase may be longer than a slot value */
		out->phrases[out->n_phrases] = arena_strndup(
			a, rep->s + rep->off[i],
			rep->off[e - 1] + rep->len[e - 1] - rep->off[i]);
		if (!out->phrases[out->n_phrases])
			return ATL_ENOMEM;
		out->n_phrases++;
		i = e;
	}
	return 0;
}

int template_build(struct tmpl *out, const struct tmpl_post *posts, size_t n,
		   struct arena *a)
{
	struct toks *tk;
	double best = -1.0;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	tk = arena_alloc(a, n * sizeof(*tk));
	if (!tk)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		rc = tokenize(&tk[i], posts[i].norm ? posts[i].norm : "",
			      posts[i].norm ? posts[i].norm_len : 0, a);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < n; i++) {
		double sum = 0.0;

		for (size_t j = 0; j < n; j++)
			if (j != i)
				sum += set_jaccard(tk[i].set, tk[i].n_set,
						   tk[j].set, tk[j].n_set);
		if (sum > best) {
			best = sum;
			out->rep = i;
		}
	}
	rc = build_phrases(out, tk, n, a);
	if (rc < 0)
		return rc;
	return build_slots(out, tk, n, a);
}

void template_json(struct buf *b, const struct tmpl *t, const struct tmpl_post *posts,
		   size_t n)
{
	buf_adds(b, "{\"text\":");
	if (n)
		json_add_str(b, posts[t->rep].orig, posts[t->rep].orig_len);
	else
		buf_adds(b, "null");
	buf_adds(b, ",\"common_phrases\":[");
	for (size_t i = 0; i < t->n_phrases; i++) {
		if (i)
			buf_addc(b, ',');
		json_add_cstr(b, t->phrases[i]);
	}
	buf_adds(b, "]}");
}

void template_slots_json(struct buf *b, const struct tmpl *t)
{
	buf_addc(b, '[');
	for (size_t i = 0; i < t->n_slots; i++) {
		if (i)
			buf_addc(b, ',');
		buf_adds(b, "{\"kind\":");
		json_add_cstr(b, t->slots[i].kind);
		buf_adds(b, ",\"values\":[");
		for (size_t j = 0; j < t->slots[i].n_values; j++) {
			if (j)
				buf_addc(b, ',');
			buf_adds(b, "{\"value\":");
			json_add_cstr(b, t->slots[i].v[j].s);
			buf_adds(b, ",\"count\":");
			json_add_int(b, t->slots[i].v[j].count);
			buf_addc(b, '}');
		}
		buf_adds(b, "]}");
	}
	buf_addc(b, ']');
}
