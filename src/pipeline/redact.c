/*
 * redact: see redact.h. One post at a time, in the worker threads; all new
 * strings go to the batch arena.
 *
 * A round collects replacements (span of the current text -> token), sorts
 * them, drops any that overlaps an earlier one, writes the new text and moves
 * every indicator and reason span with remap(). A span that starts or ends
 * inside a replaced region snaps to the region's token.
 */
#include "redact.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "report/digest.h"
#include "text/normalize.h"
#include "core/banned.h"

#define MAX_REPL 4096		/* replacements per round; more stay for the next */
#define MIN_DIGIT_RUN 7		/* a run this long is a phone number until shown not */

struct repl {
	uint32_t s, e;		/* span in the current text */
	const char *tok;	/* NUL-terminated token, in the arena */
	uint32_t new_s, new_e;	/* span of the token in the new text */
};

struct round {
	struct repl *v;
	size_t n;
};

int redactor_load(struct redactor *r, const char *path, struct atl_err *err)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	memset(r, 0, sizeof(*r));
	if (!f)
		return atl_err_set(err, ATL_EIO, "cannot read key '%s': %s", path, strerror(errno));
	n = fread(r->key, 1, sizeof(r->key), f);
	if (n == sizeof(r->key) && fgetc(f) != EOF) {
		fclose(f);
		return atl_err_set(err, ATL_EINVAL, "key '%s' is longer than %d bytes", path,
				   REDACT_MAX_KEY);
	}
	if (ferror(f)) {
		fclose(f);
		return atl_err_set(err, ATL_EIO, "cannot read key '%s'", path);
	}
	fclose(f);
	if (n && r->key[n - 1] == '\n')
		n--;
	if (n && r->key[n - 1] == '\r')
		n--;
	if (n < REDACT_MIN_KEY)
		return atl_err_set(err, ATL_EINVAL, "key '%s' has %zu bytes; at least %d are needed",
				   path, n, REDACT_MIN_KEY);
	r->key_len = n;
	return 0;
}

int redact_token(const struct redactor *r, const char *kind, const char *value, size_t n,
		 char out[REDACT_TOKEN_MAX])
{
	unsigned char mac[32], msg_small[256];
	unsigned char *msg = msg_small;
	size_t kl = strlen(kind), mn = kl + 1 + n;
	char hx[17];
	int rc;

	if (mn > sizeof(msg_small)) {
		msg = malloc(mn);
		if (!msg)
			return ATL_ENOMEM;
	}
	memcpy(msg, kind, kl);
	msg[kl] = ':';
	memcpy(msg + kl + 1, value, n);
	rc = digest_hmac_sha256(r->key, r->key_len, msg, mn, mac);
	if (msg != msg_small)
		free(msg);
	if (rc < 0)
		return rc;
	digest_hex(mac, 8, hx);
	snprintf(out, REDACT_TOKEN_MAX, "tok:%s:%s", kind, hx);
	return 0;
}

static char *token_dup(const struct redactor *r, const char *kind, const char *v, size_t n,
		       struct arena *a)
{
	char t[REDACT_TOKEN_MAX];

	if (redact_token(r, kind, v, n, t) < 0)
		return NULL;
	return arena_strdup(a, t);
}

static int is_token(const char *s, size_t n)
{
	return n >= 4 && memcmp(s, "tok:", 4) == 0;
}

/* "+digits" (or "digits") when s is a phone number written with separators
 * only ("+55 33 92041-5292", with bidi marks around it); else 0. */
static size_t phone_like(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0, digits = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (ascii_is_digit(c)) {
			if (o + 1 >= cap)
				return 0;
			out[o++] = (char)c;
			digits++;
		} else if (c == '+' && o == 0) {
			out[o++] = '+';
		} else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
			continue;
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
			i += 2;		/* U+2000..U+203F: bidi marks, odd spaces */
		} else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81) {
			i += 2;		/* U+2040..U+207F: FSI/PDI */
		} else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
			i += 1;
		} else {
			return 0;
		}
	}
	return digits >= MIN_DIGIT_RUN ? o : 0;
}

/* Does a URL carry something personal (a number, an address)? */
static int url_is_personal(const char *v)
{
	size_t run = 0;

	for (const char *p = v; *p; p++) {
		if (*p == '@')
			return 1;
		run = ascii_is_digit((unsigned char)*p) ? run + 1 : 0;
		if (run >= MIN_DIGIT_RUN)
			return 1;
	}
	return 0;
}

/* The token of an indicator, or NULL when its kind is kept as is. */
static const char *indicator_token(const struct redactor *r, const struct indicator *x,
				   struct arena *a, int *oom)
{
	const char *kind = NULL, *v = x->value;
	char num[64];

	*oom = 0;
	if (!v || is_token(v, strlen(v)))
		return NULL;
	switch (x->kind) {
	case IND_PHONE: kind = "ph"; break;
	case IND_EMAIL: kind = "em"; break;
	case IND_HANDLE: kind = "hd"; break;
	case IND_LINK:
		/* wa.me/<number> is the phone: give it the phone's token */
		if (!strncmp(v, "wa.me/", 6)) {
			size_t n = phone_like(v + 6, strlen(v + 6), num + 1, sizeof(num) - 1);
			if (n && num[1] != '+') {
				num[0] = '+';
				const char *t = token_dup(r, "ph", num, n + 1, a);
				*oom = !t;
				return t;
			}
		}
		kind = "ln";
		break;
	case IND_URL:
		if (!url_is_personal(v))
			return NULL;
		kind = "ur";
		break;
	default:
		return NULL;
	}
	const char *t = token_dup(r, kind, v, strlen(v), a);
	*oom = !t;
	return t;
}

static int add_repl(struct round *R, uint32_t s, uint32_t e, const char *tok)
{
	if (e <= s || R->n >= MAX_REPL)
		return 0;
	R->v[R->n].s = s;
	R->v[R->n].e = e;
	R->v[R->n].tok = tok;
	R->n++;
	return 1;
}

static int covered(const struct round *R, uint32_t s, uint32_t e)
{
	for (size_t i = 0; i < R->n; i++)
		if (s < R->v[i].e && R->v[i].s < e)
			return 1;
	return 0;
}

/* Every further occurrence of text[s, e) gets the same token: extraction
 * reports one span per value. */
static void add_repeats(struct round *R, const char *text, size_t len, uint32_t s, uint32_t e,
			const char *tok)
{
	size_t n = e - s;
	const char *p = text, *end = text + len;

	if (n < 3)
		return;
	while ((p = memmem(p, (size_t)(end - p), text + s, n)) != NULL) {
		uint32_t ps = (uint32_t)(p - text);
		if (!covered(R, ps, ps + (uint32_t)n))
			add_repl(R, ps, ps + (uint32_t)n, tok);
		p += n;
	}
}

/* Runs of 7+ ASCII digits split by single separators that no replacement or
 * price covers: numbers the extractor dropped for lack of evidence. */
/* The end of the token ("tok:xx:" + 16 hex) that covers text[i], or 0. */
static size_t token_end(const char *text, size_t len, size_t i)
{
	const size_t tl = REDACT_TOKEN_MAX - 1;

	for (size_t s = i >= tl - 1 ? i - (tl - 1) : 0; s <= i; s++) {
		size_t k = 7;
		if (s + tl > len || memcmp(text + s, "tok:", 4) != 0 ||
		    !ascii_is_lower((unsigned char)text[s + 4]) ||
		    !ascii_is_lower((unsigned char)text[s + 5]) || text[s + 6] != ':')
			continue;
		while (k < tl && (ascii_is_digit((unsigned char)text[s + k]) ||
				  (text[s + k] >= 'a' && text[s + k] <= 'f')))
			k++;
		if (k == tl)
			return s + tl;
	}
	return 0;
}

static int add_digit_runs(const struct redactor *r, struct round *R, const char *text, size_t len,
			  const struct indicator_list *ind, struct arena *a)
{
	size_t i = 0;

	while (i < len) {
		size_t te;
		if (!ascii_is_digit((unsigned char)text[i])) {
			i++;
			continue;
		}
		if ((te = token_end(text, len, i)) > 0) {
			i = te;		/* a token's hex digits: redacted already */
			continue;
		}
		size_t s = i, e = i, nd = 0;
		char digits[64];
		while (i < len) {
			unsigned char c = (unsigned char)text[i];
			if (ascii_is_digit(c)) {
				if (nd < sizeof(digits))
					digits[nd] = (char)c;
				nd++;
				e = ++i;
			} else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') &&
				   i + 1 < len && ascii_is_digit((unsigned char)text[i + 1])) {
				i++;
			} else {
				break;
			}
		}
		if (s > 0 && text[s - 1] == '+')
			s--;
		if (nd < MIN_DIGIT_RUN || nd > sizeof(digits) || covered(R, (uint32_t)s, (uint32_t)e))
			continue;
		int is_price = 0;
		for (size_t k = 0; k < ind->n; k++)
			if (ind->v[k].kind == IND_PRICE && ind->v[k].start < e && s < ind->v[k].end)
				is_price = 1;
		if (is_price)
			continue;
		const char *tok = token_dup(r, "nm", digits, nd, a);
		if (!tok)
			return ATL_ENOMEM;
		add_repl(R, (uint32_t)s, (uint32_t)e, tok);
	}
	return 0;
}

static int cmp_repl(const void *pa, const void *pb)
{
	const struct repl *x = pa, *y = pb;

	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e > y->e ? -1 : x->e < y->e;	/* longer first */
}

/* Where offset x of the old text lands in the new one. */
static uint32_t remap(const struct round *R, uint32_t x, int is_end)
{
	int64_t delta = 0;

	for (size_t i = 0; i < R->n; i++) {
		const struct repl *p = &R->v[i];
		if (x < p->s)
			break;
		if (x == p->s)
			return p->new_s;
		if (x < p->e)
			return is_end ? p->new_e : p->new_s;
		if (x == p->e)
			return p->new_e;
		delta += (int64_t)(p->new_e - p->new_s) - (int64_t)(p->e - p->s);
	}
	return (uint32_t)((int64_t)x + delta);
}

/* Apply a round: sort, drop overlaps, rebuild the text, move the spans. */
static int apply(struct round *R, struct record *rec, struct indicator_list *ind,
		 struct detect_result *det, struct arena *a)
{
	size_t k = 0, out_len = 0, o = 0;
	uint32_t prev = 0;
	char *t;

	if (R->n == 0)
		return 0;
	qsort(R->v, R->n, sizeof(R->v[0]), cmp_repl);
	for (size_t i = 0; i < R->n; i++) {
		if (k && R->v[i].s < R->v[k - 1].e)
			continue;
		R->v[k++] = R->v[i];
	}
	R->n = k;
	out_len = rec->text.len;
	for (size_t i = 0; i < R->n; i++)
		out_len += strlen(R->v[i].tok) - (R->v[i].e - R->v[i].s);
	t = arena_alloc(a, out_len + 1);
	if (!t)
		return ATL_ENOMEM;
	for (size_t i = 0; i < R->n; i++) {
		struct repl *p = &R->v[i];
		size_t tl = strlen(p->tok);
		memcpy(t + o, rec->text.p + prev, p->s - prev);
		o += p->s - prev;
		p->new_s = (uint32_t)o;
		memcpy(t + o, p->tok, tl);
		o += tl;
		p->new_e = (uint32_t)o;
		prev = p->e;
	}
	memcpy(t + o, rec->text.p + prev, rec->text.len - prev);
	o += rec->text.len - prev;
	t[o] = '\0';
	for (size_t i = 0; i < ind->n; i++) {
		ind->v[i].start = remap(R, ind->v[i].start, 0);
		ind->v[i].end = remap(R, ind->v[i].end, 1);
	}
	for (size_t i = 0; i < det->n_reasons; i++) {
		det->reasons[i].start = remap(R, det->reasons[i].start, 0);
		det->reasons[i].end = remap(R, det->reasons[i].end, 1);
	}
	rec->text = str_make(t, o);
	return 0;
}

/* "@name" in lower case when s is one word of [A-Za-z0-9_.] with an optional
 * leading '@' (an account name such as "coyote_expres" is the handle
 * "@coyote_expres" and gets its token); else 0. */
static size_t handle_like(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	if (n && s[0] == '@') {
		s++;
		n--;
	}
	if (n < 2 || n + 2 > cap)
		return 0;
	out[o++] = '@';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!ascii_is_alnum(c) && c != '_' && c != '.')
			return 0;
		out[o++] = (char)ascii_tolower(c);
	}
	return o;
}

int redact_author_value(const struct redactor *r, struct str platform, struct str author,
			struct arena *a, const char **out)
{
	char num[64];
	size_t n;
	const char *tok;

	*out = NULL;
	if (str_is_null(author) || author.len == 0 || is_token(author.p, author.len))
		return 0;
	n = phone_like(author.p, author.len, num, sizeof(num));
	if (n)
		tok = token_dup(r, "ph", num, n, a);
	else if ((n = handle_like(author.p, author.len, num, sizeof(num))) > 0)
		tok = token_dup(r, "hd", num, n, a);
	else if (str_eq_cstr(platform, "whatsapp"))
		tok = token_dup(r, "au", author.p, author.len, a);
	else
		return 0;
	if (!tok)
		return ATL_ENOMEM;
	*out = tok;
	return 0;
}

static int redact_author(const struct redactor *r, struct record *rec, struct arena *a)
{
	const char *tok;
	int rc = redact_author_value(r, rec->platform, rec->author, a, &tok);

	if (rc == 0 && tok)
		rec->author = str_cstr(tok);
	return rc;
}

/* A forwarded message's original author and id are authors too. */
static int redact_forwarded(const struct redactor *r, struct record *rec, struct arena *a)
{
	struct str *f[2] = { &rec->forwarded_from, &rec->forwarded_from_id };

	for (int i = 0; i < 2; i++) {
		const char *tok;
		int rc = redact_author_value(r, rec->platform, *f[i], a, &tok);
		if (rc < 0)
			return rc;
		if (tok)
			*f[i] = str_cstr(tok);
	}
	return 0;
}

int redact_value(const struct redactor *r, enum ind_kind kind, const char *value,
		 struct arena *a, const char **out)
{
	struct indicator x;
	int oom;

	memset(&x, 0, sizeof(x));
	x.kind = kind;
	x.value = value;
	*out = indicator_token(r, &x, a, &oom);
	return oom ? ATL_ENOMEM : 0;
}

int redact_post(const struct redactor *r, const struct extract_opts *xo, struct record *rec,
		struct indicator_list *ind, struct detect_result *det, struct arena *a)
{
	struct round R;
	int rc;

	rc = redact_author(r, rec, a);
	if (rc == 0)
		rc = redact_forwarded(r, rec, a);
	if (rc < 0)
		return rc;
	if (str_is_null(rec->text))
		return 0;
	R.v = arena_alloc(a, MAX_REPL * sizeof(*R.v));
	if (!R.v)
		return ATL_ENOMEM;

	/* round 0: the post's own indicators get tokens, their spans too */
	R.n = 0;
	for (size_t i = 0; i < ind->n; i++) {
		struct indicator *x = &ind->v[i];
		int oom;
		const char *tok = indicator_token(r, x, a, &oom);
		if (oom)
			return ATL_ENOMEM;
		if (!tok)
			continue;
		x->value = tok;
		if (x->end <= rec->text.len)
			add_repl(&R, x->start, x->end, tok);
	}
	for (size_t i = 0, n = R.n; i < n; i++)
		add_repeats(&R, rec->text.p, rec->text.len, R.v[i].s, R.v[i].e, R.v[i].tok);
	rc = add_digit_runs(r, &R, rec->text.p, rec->text.len, ind, a);
	if (rc == 0)
		rc = apply(&R, rec, ind, det, a);
	if (rc < 0)
		return rc;

	/* later rounds: whatever extraction still finds in the new text */
	for (int round = 1; round < REDACT_MAX_ROUNDS; round++) {
		struct norm_text nt;
		struct indicator_list more = { NULL, 0, 0 };

		rc = normalize_text(&nt, rec->text.p, rec->text.len, a);
		if (rc == 0)
			rc = extract_indicators(&more, rec->text.p, rec->text.len, &nt, xo, a);
		if (rc < 0)
			return rc;
		R.n = 0;
		for (size_t i = 0; i < more.n; i++) {
			const struct indicator *x = &more.v[i];
			int oom;
			const char *tok;
			if (x->end > rec->text.len || is_token(rec->text.p + x->start, x->end - x->start))
				continue;
			tok = indicator_token(r, x, a, &oom);
			if (oom)
				return ATL_ENOMEM;
			if (tok && !covered(&R, x->start, x->end))
				add_repl(&R, x->start, x->end, tok);
		}
		if (R.n == 0)
			break;
		rc = apply(&R, rec, ind, det, a);
		if (rc < 0)
			return rc;
	}
	return 0;
}
