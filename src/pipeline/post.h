/*
 * post: the per-post work of a scan (normalise, extract, detect, sign) and
 * the rendering of its posts.jsonl line. Pure with respect to shared state:
 * worker threads call post_process concurrently, each with its own scratch.
 */
#ifndef ATL_POST_H
#define ATL_POST_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "detect/detect.h"
#include "detect/tactics.h"
#include "extract/extract.h"
#include "io/record.h"
#include "link/link.h"
#include "text/normalize.h"

struct arena;
struct redactor;
struct ocr;

struct post_ctx {			/* shared, read-only during a scan */
	const struct detector *det;
	const struct linker *linker;	/* for link_sign's configuration */
	const struct extract_opts *xopts;
	const struct redactor *redact;	/* NULL: keep raw values (redact.h) */
};

struct post_ocr {			/* the text read in one attached image */
	const char *image;		/* its path, as in rec.media */
	struct str text;		/* "" when none or failed */
	double confidence;		/* [0, 1] */
	const char *error;		/* why it could not be read, or NULL */
	int timed_out;
	int from;			/* enum ocr_from: recognised now, or reused */
	int width, height;
	unsigned char hash[16];		/* XXH3-128 of the image bytes (OCR_HASH_BYTES) */
};

struct post {				/* one processed post; in the batch arena */
	struct record rec;
	/* the bytes of rec.media[0] when they are in no file (an image read
	 * from standard input), or NULL */
	const unsigned char *image;
	size_t image_len;
	/* why rec.media[i] was refused before reading (too big, truncated,
	 * ...; it is not read, and this is its "error"), or NULL */
	const char *refused[REC_MAX_MEDIA];
	/* With OCR text, extraction runs over the caption and each image's
	 * text apart; detection and signing over their concatenation
	 * ("caption\n\nocr1\n\nocr2", in full). Spans of ind and det are in
	 * full's coordinates; seg_start[k] is where segment k (0 = caption,
	 * k = image k-1) starts in full. Without OCR text, full = rec.text. */
	struct post_ocr *ocr;
	size_t n_ocr;
	struct str full;
	uint32_t seg_start[REC_MAX_MEDIA + 2];
	struct norm_text nt;
	struct indicator_list ind;
	struct tactic_counts counts;	/* the score stage's count pass */
	struct detect_result det;
	uint32_t *sig;
	size_t line_off, line_len;	/* its rendered line in the batch's buf */
};

/* Process p->rec; render its line (with "cluster":null last) into out.
 * ocr is this thread's engine, or NULL: then no image is read (and "ocr"
 * is an empty array). */
int post_process(const struct post_ctx *c, struct detect_scratch *scratch,
		 struct ocr *ocr, struct post *p, struct arena *a, struct buf *out);

/* The same for a batch, stage by stage (normalise all, extract all, ...):
 * each stage's tables and Hyperscan databases stay in cache across the
 * batch, and each stage's CPU time is measured exactly, added to
 * stage_cpu_s (thread CPU seconds; may be NULL). Same results, same bytes
 * in out, as post_process on each post in turn. On failure returns < 0 and
 * sets *failed to the index of the post. */
enum post_stage {
	POST_NORMALISE, POST_EXTRACT, POST_SCORE, POST_SIGN, POST_RENDER,
	POST_N_STAGES
};
extern const char *const post_stage_names[POST_N_STAGES];
int post_process_batch(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct ocr *ocr, struct post *v, size_t n, struct arena *a,
		       struct buf *out, double *stage_cpu_s, size_t *failed);

/* p->full and p->seg_start from p->rec.text and p->ocr[0..n_ocr) (at most
 * REC_MAX_MEDIA), as post_process joins them: when some image has text,
 * the caption and each image's text with "\n\n" between them; else full is
 * rec.text and every span is in the caption. 0 or ATL_ENOMEM. */
int post_segments(struct post *p, struct arena *a);

/* Where a span [start, end) of p->full lies, as posts.jsonl writes it: the
 * segment into *seg (0 the caption, k image k-1), the span relative to it
 * (clipped to it) into *s and *e; returns the segment's text. */
struct str post_span(const struct post *p, uint32_t start, uint32_t end, size_t *seg,
		     uint32_t *s, uint32_t *e);

/* What --redact does to a processed post (c->redact set), in place: with
 * OCR text each segment is redacted on its own by redact_post and full,
 * seg_start and every span are rebuilt; without, redact_post on rec. Needs
 * p->rec (text, author, platform, forwarded_from[_id]), p->ocr, p->n_ocr,
 * post_segments' full and seg_start, p->ind and p->det's reasons with
 * spans in full; new strings live in a. 0 or ATL_ENOMEM. Used by the scan
 * and by redact_dir, so that both redact alike. */
int post_redact(const struct post_ctx *c, struct post *p, struct arena *a);

/* The suffix every rendered line ends with, before its newline. */
#define POST_CLUSTER_NULL "\"cluster\":null}"

#endif
