/*
 * template: what the posts of one cluster share, and what varies.
 *
 * Given a bounded sample of a cluster's posts (original and normalised
 * text), find
 *   - the representative: the medoid, the post with the highest summed
 *     token-set Jaccard similarity to the others (first one on a tie);
 *   - the common phrases: maximal runs of the representative's tokens
 *     covered by token 3-grams present in >= 60% of the sampled posts;
 *   - the slots: each post is aligned to the representative by a longest
 *     common subsequence of tokens; a gap (the post's tokens between two
 *     matched tokens, at most TMPL_MAX_SLOT_TOKENS long) is a slot value,
 *     keyed by its position in the representative, and classified as
 *     price, date, number, place or other.
 * Tokens are the space-separated words of the normalised text (punctuation
 * kept, so "$8000" reads as a price). Counts are over the sample.
 */
#ifndef ATL_TEMPLATE_H
#define ATL_TEMPLATE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct buf;

#define TMPL_MAX_TOKENS 256		/* tokens per post considered */
#define TMPL_MAX_SLOT_TOKENS 8		/* longer gaps are rewrites, not slots */
#define TMPL_MAX_PHRASES 20
#define TMPL_MAX_SLOTS 12
#define TMPL_MAX_VALUES 10		/* per slot */

struct tmpl_post {
	const char *orig;	/* original text (may be NULL) */
	size_t orig_len;
	const char *norm;	/* normalised text */
	size_t norm_len;
};

struct tmpl_value {
	const char *s;		/* in the arena */
	uint32_t count;		/* sampled posts with this value here */
};

struct tmpl_slot {
	const char *kind;	/* "price", "date", "number", "place", "other" */
	uint32_t pos;		/* token position in the representative */
	struct tmpl_value *v;	/* most frequent first */
	size_t n_values;
};

struct tmpl {
	size_t rep;		/* index of the representative in the sample */
	const char **phrases;	/* in representative order */
	size_t n_phrases;
	struct tmpl_slot *slots;	/* by position */
	size_t n_slots;
};

/* Build the template of n >= 1 sampled posts; everything in the arena.
 * 0 or ATL_ENOMEM. */
int template_build(struct tmpl *out, const struct tmpl_post *posts, size_t n,
		   struct arena *a);

/* Kind of one slot value ("price", "date", "number", "place", "other");
 * prev and next are the representative's tokens around the slot, or NULL:
 * "precio 8000 dolares" makes 8000 a price, "desde tapachula" a place.
 * Returns a static string. */
const char *template_classify(const char *value, const char *prev, const char *next);

/* networks.jsonl's "template" object ({"text", "common_phrases"}: the
 * representative's original text, null without a sample) and "slots"
 * array of t, built from posts (n of them). netwrite.c and
 * pipeline/redact_dir.c write them with these, so they cannot drift. */
void template_json(struct buf *b, const struct tmpl *t, const struct tmpl_post *posts,
		   size_t n);
void template_slots_json(struct buf *b, const struct tmpl *t);

#endif
