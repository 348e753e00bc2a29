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
#include "extract/extract.h"
#include "io/record.h"
#include "link/link.h"
#include "text/normalize.h"

struct arena;

struct post_ctx {			/* shared, read-only during a scan */
	const struct detector *det;
	const struct linker *linker;	/* for link_sign's configuration */
	const struct extract_opts *xopts;
};

struct post {				/* one processed post; in the batch arena */
	struct record rec;
	struct norm_text nt;
	struct indicator_list ind;
	struct detect_result det;
	uint32_t *sig;
	size_t line_off, line_len;	/* its rendered line in the batch's buf */
};

/* Process p->rec; render its line (with "cluster":null last) into out. */
int post_process(const struct post_ctx *c, struct detect_scratch *scratch,
		 struct post *p, struct arena *a, struct buf *out);

/* Per-stage cost, for summary.json and make bench: one post in
 * POST_TIMING_EVERY is timed stage by stage with the monotonic clock (the
 * thread CPU clock is a system call of several microseconds on a VM, more
 * than a stage costs); samples longer than POST_TIMING_MAX_NS were
 * interrupted and are dropped. The caller spreads its measured CPU time
 * over the stages in these proportions. One per thread, zeroed. */
enum post_stage {
	POST_NORMALISE, POST_EXTRACT, POST_SCORE, POST_SIGN, POST_RENDER,
	POST_N_STAGES
};
#define POST_TIMING_EVERY 16
#define POST_TIMING_MAX_NS 2000000
struct post_timing {
	uint64_t ns[POST_N_STAGES];	/* summed over the timed posts */
	uint64_t n_seen, n_timed;
};
extern const char *const post_stage_names[POST_N_STAGES];
int post_process_timed(const struct post_ctx *c, struct detect_scratch *scratch,
		       struct post *p, struct arena *a, struct buf *out,
		       struct post_timing *tm);

/* The suffix every rendered line ends with, before its newline. */
#define POST_CLUSTER_NULL "\"cluster\":null}"

#endif
