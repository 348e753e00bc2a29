/*
 * extract: the entry point that runs every extractor over one post.
 *
 * Order matters because later extractors use what earlier ones found:
 *   1. places (normalised text) name countries, the evidence for reading
 *      national phone numbers and a bare "$";
 *   2. URLs and messaging links (original text) claim their spans, and
 *      wa.me / t.me/+digits links add a phone with an explicit country code;
 *   3. e-mails, then handles (original text);
 *   4. phones (normalised text), skipping claimed spans; explicit country
 *      codes are read first so that they count as evidence for the others;
 *   5. prices (normalised text), skipping phones.
 * At the end the new entries are sorted by (kind, start), so each kind is
 * ordered by offset, as the contract in extract.h says.
 */
#include <string.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/err.h"
#include "extract/extract.h"
#include "extract/ind.h"
#include "core/banned.h"

#define EXTRACT_DEFAULT_MAX 64

#define WORD_BYTE(c) (ASCII_ALNUM_C(c) || (c) >= 0x80)
const unsigned char ind_word_byte[256] = { ASCII_TABLE(WORD_BYTE) };

static const char *const kind_keys[IND__N] = {
	[IND_PHONE] = "phones",
	[IND_LINK] = "links",
	[IND_URL] = "urls",
	[IND_DOMAIN] = "domains",
	[IND_HANDLE] = "handles",
	[IND_EMAIL] = "emails",
	[IND_PRICE] = "prices",
	[IND_PLACE] = "places",
};

const char *ind_kind_key(enum ind_kind k)
{
	if ((unsigned)k >= IND__N)
		return "unknown";
	return kind_keys[k];
}

int ind_add(struct ind_sink *k, enum ind_kind kind, const char *val,
	    size_t len, uint32_t start, uint32_t end, struct indicator **got)
{
	struct indicator_list *l = k->out;
	struct indicator *it;
	char *copy;

	if (got)
		*got = NULL;
	if (k->n_kind[kind] >= k->max_per_kind)
		return 1;
	/* At most max_per_kind entries per kind: a linear scan is cheaper
	 * than any hash at these sizes. */
	for (size_t i = k->base; i < l->n; i++) {
		const char *v = l->v[i].value;
		if (l->v[i].kind == kind && strncmp(v, val, len) == 0 &&
		    v[len] == '\0')
			return 1;
	}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct indicator *v = arena_realloc(k->a, l->v,
						    l->n * sizeof(*v),
						    cap * sizeof(*v));
		if (!v)
			return ATL_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	copy = arena_strndup(k->a, val, len);
	if (!copy)
		return ATL_ENOMEM;
	it = &l->v[l->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->value = copy;
	it->start = start;
	it->end = end;
	k->n_kind[kind]++;
	if (got)
		*got = it;
	return 0;
}

int ind_add_phone(struct ind_sink *k, const char *e164, const char *region,
		  uint32_t start, uint32_t end)
{
	struct indicator *it;
	int rc = ind_add(k, IND_PHONE, e164, strlen(e164), start, end, &it);

	if (rc < 0)
		return rc;
	if (it)
		it->region = region;
	ind_note_region(k->phone_regions, &k->n_phone_regions, region);
	return 0;
}

void ind_note_region(const char **list, size_t *n, const char *region)
{
	if (!region)
		return;
	for (size_t i = 0; i < *n; i++)
		if (strcmp(list[i], region) == 0)
			return;
	if (*n < IND_MAX_REGIONS)
		list[(*n)++] = region;
}

void ind_take(struct ind_sink *k, uint32_t start, uint32_t end)
{
	if (k->n_taken < IND_MAX_TAKEN)
		k->taken[k->n_taken++] = (struct ind_span){ start, end };
}

int ind_is_taken(const struct ind_sink *k, uint32_t start, uint32_t end)
{
	for (size_t i = 0; i < k->n_taken; i++)
		if (start < k->taken[i].end && k->taken[i].start < end)
			return 1;
	return 0;
}


/* Insertion sort of the new entries by (kind, start): a few dozen entries,
 * mostly in order already, and stable for equal starts. */
static void sort_new(struct indicator_list *l, size_t base)
{
	for (size_t i = base + 1; i < l->n; i++) {
		struct indicator t = l->v[i];
		size_t j = i;
		while (j > base && (l->v[j - 1].kind > t.kind ||
				    (l->v[j - 1].kind == t.kind &&
				     l->v[j - 1].start > t.start))) {
			l->v[j] = l->v[j - 1];
			j--;
		}
		l->v[j] = t;
	}
}

int extract_indicators(struct indicator_list *out, const char *orig,
		       size_t orig_len, const struct norm_text *nt,
		       const struct extract_opts *o, struct arena *a)
{
	struct ind_sink k;
	int rc;

	memset(&k, 0, sizeof(k));
	k.out = out;
	k.a = a;
	k.base = out->n;
	k.max_per_kind = o && o->max_indicators ? o->max_indicators
						: EXTRACT_DEFAULT_MAX;
	k.orig = orig;
	k.orig_len = orig_len > UINT32_MAX ? UINT32_MAX : orig_len;
	k.nt = nt && nt->s && nt->start && nt->end ? nt : NULL;
	k.default_region = o ? o->default_region : NULL;

	if (k.nt && (rc = place_find(&k)) < 0)
		goto out;
	if (orig && (rc = url_find(&k)) < 0)
		goto out;
	if (orig && (rc = email_find(&k)) < 0)
		goto out;
	if (orig && (rc = handle_find(&k)) < 0)
		goto out;
	if (k.nt && (rc = phone_find(&k)) < 0)
		goto out;
	if (k.nt && (rc = price_find(&k)) < 0)
		goto out;
	rc = 0;
out:
	sort_new(out, k.base);
	return rc;
}
