/*
 * labeled: labelled posts for `train`, `eval` and the detector tests.
 *
 * A JSON Lines file with "id", "text" and a label, either in the same line
 * ("label": "smuggling" | "benign") or in a separate truth file (one
 * {"id": ..., "label": ...} per line, joined by id; synth writes one). An
 * optional "lang" is kept for language-id accuracy, and an optional "cluster"
 * (posts made from one template family) for a validation split that does
 * not leak templates. The io reader only knows
 * the logical post fields, so this small reader parses lines with yajl
 * itself. Lines that do not parse, or have no text or label, are counted
 * and skipped.
 */
#ifndef ATL_LABELED_H
#define ATL_LABELED_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct labeled {
	char *id;	/* malloc'd, NUL-terminated */
	char *text;	/* malloc'd */
	size_t text_len;
	char lang[8];	/* "" when absent */
	char group[40];	/* "cluster" (template family) when given, else "" */
	uint8_t label;	/* 1 smuggling, 0 benign */
};

struct labeled_set {
	struct labeled *v;
	size_t n, cap;
	size_t n_bad;		/* lines that do not parse or lack id/text */
	size_t n_unlabeled;	/* posts without a label */
};

#define LABELED_SET_INIT { NULL, 0, 0, 0, 0 }
#define LABELED_MAX_LINE (1u << 20)

/* Read posts (and labels from truth, if not NULL). ATL_ENOTFOUND/ATL_EIO
 * when a file cannot be read, ATL_ENOMEM. */
int labeled_read(struct labeled_set *out, const char *posts, const char *truth,
		 struct atl_err *err);
void labeled_release(struct labeled_set *s);

struct arena;
struct norm_text;
struct indicator_list;
/* Normalise one post and extract its indicators (all in the arena), as
 * scan does. 0 or ATL_ENOMEM / ATL_ETOOBIG. */
int labeled_prepare(const struct labeled *p, struct arena *a,
		    struct norm_text *nt, struct indicator_list *ind);

#endif
