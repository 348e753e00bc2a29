/*
 * template: representative, common phrases and slots of a cluster's sample;
 * see template.h. The sample is small (the linker keeps at most a few dozen
 * posts per cluster) and tokens are capped at TMPL_MAX_TOKENS.
 *
 * Every post is tokenised once; equal token hashes get one small id for the
 * whole sample (ids), so the steps below compare integers:
 *   - medoid: each post's distinct ids as a bitset over the sample's ids;
 *     |A & B| by popcount gives the Jaccard of every pair once;
 *   - phrases: the representative's 3-grams (of ids) in a small table, and
 *     each post's 3-grams looked up in it, counted once per post;
 *   - slots: the LCS table of representative x post by the bit-parallel
 *     algorithm (Allison and Dix 1986; Hyyrö 2004, "Bit-parallel LCS-length
 *     computation revisited"): one row of at most TMPL_MAX_TOKENS bits per
 *     representative token instead of one cell per token pair. The walk
 *     through the table is the one of the plain dynamic programme, reading
 *     any cell from its row (the row's bits are the steps of that row).
 * The results are those of comparing the token hashes directly.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/json.h"
#include "core/swar.h"
#include "link/template.h"
#include "core/banned.h"

#define MAX_VALUE_BYTES 80
#define PHRASE_SHARE 0.6
#define LCS_WORDS ((TMPL_MAX_TOKENS + 63) / 64)	/* words of a bit row */

struct toks {
	const char *s;		/* normalised text */
	uint32_t *off, *len;	/* token spans in s */
	uint32_t *id;		/* token ids, equal for equal hashes (sample-wide) */
	size_t n, n_set;	/* tokens; distinct ids */
};

struct slotval {
	uint32_t pos;
	uint32_t count;		/* posts with this value here */
	const char *s;
};

static const char *const kind_names[5] = { "price", "date", "number", "place", "other" };
enum { KIND_PRICE, KIND_DATE, KIND_NUMBER, KIND_PLACE, KIND_OTHER };

static size_t pow2_at_least(size_t n)
{
	size_t c = 16;

	while (c < n)
		c *= 2;
	return c;
}

/* Token spans of s and their hashes (h: TMPL_MAX_TOKENS of them). */
static int tokenize(struct toks *t, uint64_t *h, const char *s, size_t len, struct arena *a)
{
	size_t i = 0, n = 0;

	t->s = s;
	t->off = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->off));
	t->len = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->len));
	t->id = arena_alloc(a, TMPL_MAX_TOKENS * sizeof(*t->id));
	if (!t->off || !t->len || !t->id)
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
		h[n] = XXH3_64bits(s + b, i - b);
		n++;
	}
	t->n = n;
	return 0;
}

/* Tokenise every post and number the distinct token hashes 0.. in order
 * of first appearance; *n_ids gets their count. */
static int tokenize_all(struct toks *tk, const struct tmpl_post *posts, size_t n,
			size_t *n_ids, struct arena *a)
{
	uint64_t *h = arena_alloc(a, n * TMPL_MAX_TOKENS * sizeof(*h)), *key;
	uint32_t *val;		/* id + 1; 0: empty */
	size_t total = 0, cap, mask, ids = 0;
	int rc;

	if (!h)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		rc = tokenize(&tk[i], h + total, posts[i].norm ? posts[i].norm : "",
			      posts[i].norm ? posts[i].norm_len : 0, a);
		if (rc < 0)
			return rc;
		total += tk[i].n;
	}
	cap = pow2_at_least(2 * total);
	mask = cap - 1;
	key = arena_alloc(a, cap * sizeof(*key));
	val = arena_calloc(a, cap, sizeof(*val));
	if (!key || !val)
		return ATL_ENOMEM;
	total = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < tk[i].n; k++) {
			uint64_t x = h[total + k];
			size_t slot = (size_t)x & mask;

			while (val[slot] && key[slot] != x)
				slot = (slot + 1) & mask;
			if (!val[slot]) {
				key[slot] = x;
				val[slot] = (uint32_t)++ids;
			}
			tk[i].id[k] = val[slot] - 1;
		}
		total += tk[i].n;
	}
	*n_ids = ids;
	return 0;
}

/* The medoid: the highest sum of token-set Jaccard similarities to the
 * others, summed in post order; the first one on a tie. */
static int find_medoid(struct tmpl *out, struct toks *tk, size_t n, size_t n_ids,
		       struct arena *a)
{
	size_t nw = (n_ids + 63) / 64;
	uint64_t *bits = arena_calloc(a, n * (nw ? nw : 1), sizeof(*bits));
	double *jac = arena_alloc(a, n * n * sizeof(*jac)), best = -1.0;

	if (!bits || !jac)
		return ATL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		uint64_t *b = bits + i * nw;
		size_t d = 0;

		for (size_t k = 0; k < tk[i].n; k++) {
			uint32_t x = tk[i].id[k];
			uint64_t m = (uint64_t)1 << (x % 64);

			d += !(b[x / 64] & m);
			b[x / 64] |= m;
		}
		tk[i].n_set = d;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++) {
			const uint64_t *x = bits + i * nw, *y = bits + j * nw;
			size_t common = 0, na = tk[i].n_set, nb = tk[j].n_set;
			double v;

			for (size_t w = 0; w < nw; w++)
				common += swar_popcount(x[w] & y[w]);
			v = !na && !nb ? 1.0 : (double)common / (double)(na + nb - common);
			jac[i * n + j] = jac[j * n + i] = v;
		}
	for (size_t i = 0; i < n; i++) {
		double sum = 0.0;

		for (size_t j = 0; j < n; j++)
			if (j != i)
				sum += jac[i * n + j];
		if (sum > best) {
			best = sum;
			out->rep = i;
		}
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

struct word {
	const char *s;
	size_t len;
};
#define WORD(x) { x, sizeof(x) - 1 }
#define N_WORDS(list) (sizeof(list) / sizeof((list)[0]))

/* Bytes [b, b + len) against w, in bytewise order (a prefix first). */
static int cmp_word(const char *b, size_t len, const struct word *w)
{
	int r = (unsigned char)b[0] - (unsigned char)w->s[0];	/* both non-empty */

	if (r)
		return r;
	r = memcmp(b, w->s, len < w->len ? len : w->len);

	return r ? r : len < w->len ? -1 : len > w->len;
}

#ifndef NDEBUG
static int words_sorted(const struct word *list, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (cmp_word(list[i - 1].s, list[i - 1].len, &list[i]) >= 0)
			return 0;
	return 1;
}
#endif

/* Whether s has one of the words of list (n of them, sorted bytewise) as a
 * whole word: the words are ASCII letters, so a match is a maximal run of
 * ASCII letters of s (any other byte, UTF-8 ones too, ends a word). */
static int has_word(const char *s, const struct word *list, size_t n)
{
	assert(words_sorted(list, n));
	while (*s) {
		const char *b;
		size_t len, lo = 0, hi = n;

		if (!ascii_is_alpha((unsigned char)*s)) {
			s++;
			continue;
		}
		for (b = s; ascii_is_alpha((unsigned char)*s); s++)
			;
		len = (size_t)(s - b);
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int r = cmp_word(b, len, &list[mid]);

			if (!r)
				return 1;
			if (r < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return 0;
}

/* The word lists are sorted bytewise (has_word bisects them). */
static const struct word currency_words[] = {
	WORD("brl"), WORD("dlls"), WORD("dls"), WORD("dolar"), WORD("dolares"),
	WORD("dollar"), WORD("dollars"), WORD("eur"), WORD("euros"), WORD("gbp"),
	WORD("gtq"), WORD("hnl"), WORD("k"), WORD("l"), WORD("lempiras"),
	WORD("libras"), WORD("mil"), WORD("mxn"), WORD("pesos"), WORD("pounds"),
	WORD("q"), WORD("quetzales"), WORD("reais"), WORD("usd"), WORD("verdes"),
};
static const struct word date_words[] = {
	WORD("abril"), WORD("agosto"), WORD("april"), WORD("august"),
	WORD("december"), WORD("dezembro"), WORD("diciembre"), WORD("domingo"),
	WORD("enero"), WORD("febrero"), WORD("february"), WORD("fevereiro"),
	WORD("friday"), WORD("hoy"), WORD("janeiro"), WORD("january"),
	WORD("jueves"), WORD("julho"), WORD("julio"), WORD("july"), WORD("june"),
	WORD("junho"), WORD("junio"), WORD("lunes"), WORD("maio"), WORD("manana"),
	WORD("march"), WORD("marco"), WORD("martes"), WORD("marzo"), WORD("may"),
	WORD("mayo"), WORD("mes"), WORD("miercoles"), WORD("monday"), WORD("month"),
	WORD("november"), WORD("novembro"), WORD("noviembre"), WORD("october"),
	WORD("octubre"), WORD("outubro"), WORD("sabado"), WORD("saturday"),
	WORD("semana"), WORD("september"), WORD("septiembre"), WORD("setembro"),
	WORD("setiembre"), WORD("sunday"), WORD("thursday"), WORD("today"),
	WORD("tomorrow"), WORD("tuesday"), WORD("viernes"), WORD("wednesday"),
	WORD("week"),
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

static const struct word price_cues[] = {
	WORD("cobramos"), WORD("cobro"), WORD("costo"), WORD("cuesta"), WORD("only"),
	WORD("pago"), WORD("precio"), WORD("precios"), WORD("preco"), WORD("price"),
	WORD("prices"), WORD("solo"), WORD("tarifa"), WORD("valor"),
};

/* The representative's tokens around a slot, and what they say (looked up
 * once for all the slot's values; -1: not yet). */
struct around {
	const char *prev, *next;	/* or NULL */
	int next_currency, prev_cue, prev_prep;
};

static int next_is_currency(struct around *ar)
{
	if (ar->next_currency < 0)
		ar->next_currency = ar->next &&
				    has_word(ar->next, currency_words, N_WORDS(currency_words));
	return ar->next_currency;
}

static int prev_is_cue(struct around *ar)
{
	if (ar->prev_cue < 0)
		ar->prev_cue = ar->prev && has_word(ar->prev, price_cues, N_WORDS(price_cues));
	return ar->prev_cue;
}

static int prev_is_prep(struct around *ar)
{
	if (ar->prev_prep < 0)
		ar->prev_prep = ar->prev && is_place_prep(ar->prev);
	return ar->prev_prep;
}

/* template_classify, as an index into kind_names. */
static int classify(const char *v, struct around *ar)
{
	size_t n_digit = 0, n_alpha = 0, n_other = 0, n_sep = 0;
	int has_sign = 0;	/* $, € or £ */
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
		/* $, and the UTF-8 of € (e2 82 ac) and £ (c2 a3); p[1] and
		 * p[2] are read only while the bytes before them match */
		has_sign |= c == '$' ||
			    (c == 0xe2 && (unsigned char)p[1] == 0x82 &&
			     (unsigned char)p[2] == 0xac) ||
			    (c == 0xc2 && (unsigned char)p[1] == 0xa3);
	}
	if (n_digit && (has_sign || has_word(v, currency_words, N_WORDS(currency_words))))
		return KIND_PRICE;
	if (n_digit && !n_alpha && (next_is_currency(ar) || prev_is_cue(ar)))
		return KIND_PRICE;
	if (has_word(v, date_words, N_WORDS(date_words)))
		return KIND_DATE;
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
			return KIND_DATE;
		return KIND_NUMBER;
	}
	if (!n_digit && n_alpha && prev_is_prep(ar))
		return KIND_PLACE;
	return KIND_OTHER;
}

const char *template_classify(const char *v, const char *prev, const char *next)
{
	struct around ar = { prev, next, -1, -1, -1 };

	return kind_names[classify(v, &ar)];
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

/* Small runs are sorted by insertion, without qsort's calls; the order is
 * the same (both comparisons are total orders, or merge equal values). */
#define SMALL_SORT 16

static void sort_values(struct tmpl_value *v, size_t n)
{
	if (n > SMALL_SORT) {
		qsort(v, n, sizeof(*v), cmp_value);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		struct tmpl_value x = v[i];
		size_t j = i;

		for (; j > 0 && cmp_value(&x, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* sv sorted by cmp_slotval into a new array: by position with a counting
 * sort (positions are 0..n_pos-1), then each position's values. */
static struct slotval *sort_slotvals(const struct slotval *sv, size_t n_sv, size_t n_pos,
				     struct arena *a)
{
	struct slotval *o = arena_alloc(a, (n_sv ? n_sv : 1) * sizeof(*o));
	uint32_t *at = arena_calloc(a, n_pos + 1, sizeof(*at));

	if (!o || !at)
		return NULL;
	for (size_t i = 0; i < n_sv; i++)
		at[sv[i].pos + 1]++;
	for (size_t p = 0; p < n_pos; p++)
		at[p + 1] += at[p];
	for (size_t i = 0; i < n_sv; i++)
		o[at[sv[i].pos]++] = sv[i];
	for (size_t b = 0, e; b < n_sv; b = e) {
		for (e = b + 1; e < n_sv && o[e].pos == o[b].pos; e++)
			;
		if (e - b > SMALL_SORT) {
			qsort(o + b, e - b, sizeof(*o), cmp_slotval);
			continue;
		}
		for (size_t i = b + 1; i < e; i++) {
			struct slotval x = o[i];
			size_t j = i;

			for (; j > b && strcmp(x.s, o[j - 1].s) < 0; j--)
				o[j] = o[j - 1];
			o[j] = x;
		}
	}
	return o;
}

/* Scratch of the LCS of the representative and one post at a time. */
struct lcs {
	uint64_t *pm;		/* per id: M (see lcs_rows), LCS_WORDS words */
	uint32_t *stamp;	/* per id: pm is the current post's when == cur */
	uint32_t cur;		/* bumped for each post */
	uint64_t *V;		/* rows 0..R, LCS_WORDS words each */
};

/* LCS(rep[i:], p[j:]) from row i of V (see lcs_rows). */
static inline size_t lcs_at(const uint64_t *V, size_t i, size_t j, size_t P)
{
	const uint64_t *v = V + i * LCS_WORDS;
	size_t c = P - j, ones = 0, w;

	for (w = 0; w < c / 64; w++)
		ones += swar_popcount(v[w]);
	if (c % 64)
		ones += swar_popcount(v[w] & (((uint64_t)1 << (c % 64)) - 1));
	return c - ones;
}

/* Rows 0..R of the LCS table of rep and p, bit-parallel: bit t of row i
 * stands for p's token P-1-t (p reversed), and the zeros among the low
 * P-j bits of row i count LCS(rep[i:], p[j:]). Row R is all ones (empty
 * rep side); row i is row i+1 after one step of Hyyrö's recurrence with
 * rep[i]: U = V & M, V' = (V + U) | (V - U), where M has the bits of p's
 * tokens equal to rep[i] (V - U is V & ~U: U is a subset of V). Only the
 * nw words that hold P bits are computed (carries go up, never down), and
 * only rows from..R. */
static void lcs_rows(const struct toks *rep, const struct lcs *L, size_t nw, size_t from)
{
	static const uint64_t none[LCS_WORDS];	/* M of an id p does not have */
	size_t R = rep->n;
	uint64_t *V = L->V;

	for (size_t w = 0; w < nw; w++)
		V[R * LCS_WORDS + w] = ~(uint64_t)0;
	for (size_t i = R; i-- > from;) {
		uint32_t id = rep->id[i];
		const uint64_t *v = V + (i + 1) * LCS_WORDS;
		const uint64_t *m = L->stamp[id] == L->cur ? L->pm + (size_t)id * LCS_WORDS : none;
		uint64_t *o = V + i * LCS_WORDS, carry = 0;

		for (size_t w = 0; w < nw; w++) {
			uint64_t u = v[w] & m[w], t = v[w] + u, s = t + carry;

			carry = (uint64_t)(t < v[w]) | (uint64_t)(s < t);
			o[w] = s | (v[w] & ~u);
		}
	}
}

/* LCS of rep and p; each gap (rep tokens [r0, re), post tokens [p0, pe))
 * with a non-empty, short post side becomes a slot value at r0. The walk
 * takes a match where the tokens are equal, else steps in rep when that
 * keeps the LCS as long as stepping in p. */
static int align(const struct toks *rep, const struct toks *p, struct lcs *L,
		 uint16_t *rep_end, uint8_t *matched, struct slotval *out,
		 size_t *n_out, size_t cap, struct arena *a)
{
	size_t R = rep->n, P = p->n, nw = (P + 63) / 64;	/* words used of a row */
	size_t i, j, r0 = 0, p0 = 0, same = 0;
	const uint64_t *V = L->V;

	/* The walk matches a common prefix without looking at the table, and
	 * reads rows >= the first mismatch only. */
	while (same < R && same < P && rep->id[same] == p->id[same])
		same++;
	if (same < R && same < P) {
		L->cur++;
		for (j = 0; j < P; j++) {
			uint32_t id = p->id[j];
			uint64_t *m = L->pm + (size_t)id * LCS_WORDS;
			size_t t = P - 1 - j;

			if (L->stamp[id] != L->cur) {
				L->stamp[id] = L->cur;
				for (size_t w = 0; w < nw; w++)
					m[w] = 0;
			}
			m[t / 64] |= (uint64_t)1 << (t % 64);
		}
		lcs_rows(rep, L, nw, same);
	}
	i = j = 0;
	for (;;) {
		int at_end = i >= R || j >= P;

		if (at_end || rep->id[i] == p->id[j]) {
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
		} else if (lcs_at(V, i + 1, j, P) >= lcs_at(V, i, j + 1, P))
			i++;
		else
			j++;
	}
	return 0;
}

static int build_slots(struct tmpl *out, const struct toks *tk, size_t n, size_t n_ids,
		       struct arena *a)
{
	const struct toks *rep = &tk[out->rep];
	size_t cap = n * (TMPL_MAX_TOKENS / 2 + 2) + TMPL_MAX_TOKENS, n_sv = 0;
	struct slotval *sv = arena_alloc(a, cap * sizeof(*sv));
	struct lcs L = {
		arena_alloc(a, (n_ids ? n_ids : 1) * LCS_WORDS * sizeof(*L.pm)),
		arena_calloc(a, n_ids ? n_ids : 1, sizeof(*L.stamp)), 0,
		arena_alloc(a, (rep->n + 1) * LCS_WORDS * sizeof(*L.V)),
	};
	uint16_t *rep_end = arena_calloc(a, rep->n + 1, sizeof(*rep_end));
	uint8_t *matched = arena_calloc(a, n * (rep->n + 1), 1);
	size_t i, k;
	int rc;

	out->slots = arena_alloc(a, TMPL_MAX_SLOTS * sizeof(*out->slots));
	out->n_slots = 0;
	if (!sv || !L.pm || !L.stamp || !L.V || !rep_end || !matched || !out->slots)
		return ATL_ENOMEM;
	for (i = 0; i < n; i++) {
		if (i == out->rep)
			continue;
		rc = align(rep, &tk[i], &L, rep_end, matched + i * (rep->n + 1),
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
	sv = sort_slotvals(sv, n_sv, rep->n + 1, a);	/* positions 0..R */
	if (!sv)
		return ATL_ENOMEM;
	for (i = 0; i < n_sv && out->n_slots < TMPL_MAX_SLOTS;) {
		size_t e = i, n_v = 0, best;
		struct tmpl_slot *sl;
		struct tmpl_value *vals;
		int kind_votes[5] = { 0, 0, 0, 0, 0 };
		const char *prev, *next;
		struct around ar;

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
		ar.prev = prev;
		ar.next = next;
		ar.next_currency = ar.prev_cue = ar.prev_prep = -1;
		for (k = 0; k < n_v; k++)
			kind_votes[classify(vals[k].s, &ar)] += (int)vals[k].count;
		best = 0;
		for (int q = 1; q < 5; q++)
			if (kind_votes[q] > kind_votes[best])
				best = (size_t)q;
		sort_values(vals, n_v);
		sl = &out->slots[out->n_slots++];
		sl->kind = kind_names[best];
		sl->pos = sv[i].pos;
		sl->v = vals;
		sl->n_values = n_v < TMPL_MAX_VALUES ? n_v : TMPL_MAX_VALUES;
		i = e;
	}
	return 0;
}

struct tri {			/* a distinct 3-gram of the representative */
	uint32_t id[3];
	uint32_t have;		/* posts that have it */
	uint32_t last;		/* the last post counted, + 1 */
};

static size_t tri_slot(const uint32_t *id, size_t mask)
{
	uint64_t x = id[0] * 0x9e3779b97f4a7c15u ^ id[1] * 0xc2b2ae3d27d4eb4fu ^
		     id[2] * 0x165667b19e3779f9u;

	return (size_t)(x >> 29) & mask;
}

/* The 3-gram of ids at id in the table (NULL when not there); with add,
 * put it there when missing. */
static struct tri *tri_find(struct tri **tab, size_t mask, const uint32_t *id,
			    struct tri *pool, size_t *n_pool, int add)
{
	size_t slot = tri_slot(id, mask);

	for (; tab[slot]; slot = (slot + 1) & mask)
		if (!memcmp(tab[slot]->id, id, sizeof(tab[slot]->id)))
			return tab[slot];
	if (!add)
		return NULL;
	tab[slot] = &pool[(*n_pool)++];
	memcpy(tab[slot]->id, id, sizeof(tab[slot]->id));
	tab[slot]->have = tab[slot]->last = 0;
	return tab[slot];
}

static int build_phrases(struct tmpl *out, const struct toks *tk, size_t n,
			 struct arena *a)
{
	const struct toks *rep = &tk[out->rep];
	size_t need = (size_t)(PHRASE_SHARE * (double)n + 0.999999), i;
	size_t n_tri = rep->n >= 3 ? rep->n - 2 : 0, tcap = pow2_at_least(2 * n_tri), n_pool = 0;
	uint8_t *cover = arena_calloc(a, rep->n + 1, 1);
	struct tri **tab = arena_calloc(a, tcap, sizeof(*tab));
	struct tri *pool = arena_alloc(a, (n_tri ? n_tri : 1) * sizeof(*pool));
	struct tri **at = arena_alloc(a, (n_tri ? n_tri : 1) * sizeof(*at));

	if (need < 1)
		need = 1;
	out->phrases = arena_alloc(a, TMPL_MAX_PHRASES * sizeof(*out->phrases));
	out->n_phrases = 0;
	if (!cover || !tab || !pool || !at || !out->phrases)
		return ATL_ENOMEM;
	for (i = 0; i < n_tri; i++)
		at[i] = tri_find(tab, tcap - 1, rep->id + i, pool, &n_pool, 1);
	for (size_t p = 0; p < n && n_tri; p++)
		for (size_t k = 0; k + 3 <= tk[p].n; k++) {
			struct tri *t = tri_find(tab, tcap - 1, tk[p].id + k, pool, &n_pool, 0);

			if (t && t->last != p + 1) {
				t->last = (uint32_t)(p + 1);
				t->have++;
			}
		}
	for (i = 0; i < n_tri; i++)
		if (at[i]->have >= need)
			cover[i] = cover[i + 1] = cover[i + 2] = 1;
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
	size_t n_ids;
	int rc;

	memset(out, 0, sizeof(*out));
	if (n == 0)
		return 0;
	tk = arena_alloc(a, n * sizeof(*tk));
	if (!tk)
		return ATL_ENOMEM;
	rc = tokenize_all(tk, posts, n, &n_ids, a);
	if (rc == 0)
		rc = find_medoid(out, tk, n, n_ids, a);
	if (rc == 0)
		rc = build_phrases(out, tk, n, a);
	if (rc == 0)
		rc = build_slots(out, tk, n, n_ids, a);
	return rc;
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
