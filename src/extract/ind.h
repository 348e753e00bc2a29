/*
 * ind: what the extractors of one post share (internal to src/extract).
 *
 * extract_indicators() runs the extractors in a fixed order (places, links
 * and URLs, e-mails, handles, phones, prices) over one post. Each appends to
 * the same sink, which de-duplicates by (kind, value), caps each kind, and
 * collects the evidence later extractors need:
 *   - regions: countries named by places or by phone numbers with an
 *     explicit country code, used to read national phone numbers and "$";
 *   - taken: original-text spans already claimed (URLs, e-mails, phones), so
 *     that the digits of "wa.me/50255550123" are not read again as a phone
 *     and a phone number is not read as a price.
 * All of it lives on the caller's stack for one post; nothing is shared
 * between threads.
 */
#ifndef ATL_EXTRACT_IND_H
#define ATL_EXTRACT_IND_H

#include <stddef.h>
#include <stdint.h>

#include "extract/extract.h"

#define IND_MAX_REGIONS 8	/* evidence countries kept per post */
#define IND_MAX_TAKEN 128	/* claimed spans kept per post */

struct ind_span {
	uint32_t start, end;	/* original-text byte offsets */
};

struct ind_sink {
	struct indicator_list *out;
	struct arena *a;
	size_t base;			/* out->n when this post began */
	size_t max_per_kind;
	size_t n_kind[IND__N];
	const char *orig;		/* original text, orig_len bytes */
	size_t orig_len;
	const struct norm_text *nt;	/* may be NULL: no norm-text kinds */
	const char *default_region;	/* from extract_opts, or NULL */
	/* Evidence countries, most telling first: explicit country codes,
	 * then origin/transit places, then destination places. */
	const char *phone_regions[IND_MAX_REGIONS];
	size_t n_phone_regions;
	const char *place_regions[IND_MAX_REGIONS];
	size_t n_place_regions;
	const char *dest_regions[IND_MAX_REGIONS];
	size_t n_dest_regions;
	struct ind_span taken[IND_MAX_TAKEN];
	size_t n_taken;
};

/* Append an indicator with a copy of val[0..len) as its value. Returns 0 and
 * sets *got (if got != NULL) to the new entry, 1 when it is a duplicate or
 * the kind is full (*got = NULL), or ATL_ENOMEM. */
int ind_add(struct ind_sink *k, enum ind_kind kind, const char *val,
	    size_t len, uint32_t start, uint32_t end, struct indicator **got);

/* Append a phone (E.164) with its region, and note the region as evidence
 * for the post's other numbers. Returns 0 or ATL_ENOMEM. */
int ind_add_phone(struct ind_sink *k, const char *e164, const char *region,
		  uint32_t start, uint32_t end);

/* Letters, digits and any non-ASCII byte: what a word is made of in the
 * normalised text. */
extern const unsigned char ind_word_byte[256];	/* extract.c */

static inline int ind_is_word_char(unsigned char c)
{
	return ind_word_byte[c];	/* ASCII letter or digit, or >= 0x80 */
}

/* Remember an evidence country (static string) in one of the three lists;
 * duplicates and overflow are ignored. */
void ind_note_region(const char **list, size_t *n, const char *region);

/* Claim an original-text span; is_taken says whether [start, end) overlaps
 * a claimed span. */
void ind_take(struct ind_sink *k, uint32_t start, uint32_t end);
int ind_is_taken(const struct ind_sink *k, uint32_t start, uint32_t end);

/* Map the normalised span [ns, ne) to original offsets (inline: phone
 * runs map every fragment they try). */
static inline void ind_norm_span(const struct ind_sink *k, size_t ns, size_t ne,
				 uint32_t *os, uint32_t *oe)
{
	/* The maps are monotone (normalize.h), so the covering range is
	 * start[ns] .. end[ne - 1]. */
	*os = k->nt->start[ns];
	*oe = k->nt->end[ne - 1];
	if (*oe < *os)
		*oe = *os;
}

/* The extractors (each returns 0 or ATL_ENOMEM). */
int place_find(struct ind_sink *k);	/* place.c, normalised text */
int url_find(struct ind_sink *k);	/* url.c, original text */
int email_find(struct ind_sink *k);	/* email.c, original text */
int handle_find(struct ind_sink *k);	/* handle.c, original text */
int phone_find(struct ind_sink *k);	/* phone.c, normalised text */
int price_find(struct ind_sink *k);	/* price.c, normalised text */

#endif
