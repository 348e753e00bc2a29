/*
 * scan: the whole pipeline over a list of inputs.
 *
 *   read (main thread) -> normalise, extract, detect, sign, render
 *   (worker threads, a batch each) -> write posts in input order, feed the
 *   linker (writer thread) -> link -> rewrite posts with their cluster,
 *   write networks, rejects and summary.
 *
 * Output files are written under temporary names and renamed when complete,
 * so a failed run never leaves a half-written file that looks complete.
 * The output bytes do not depend on the number of threads.
 */
#ifndef ATL_SCAN_H
#define ATL_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "detect/detect.h"
#include "extract/extract.h"
#include "io/reader.h"
#include "link/link.h"
#include "pipeline/post.h"
#include "ocr/ocr.h"


struct scan_stats;
struct redactor;

/* Called from the reading thread about every 1/4 s, and once at the end;
 * it may read read, rejected, bytes_pos and bytes_total. */
typedef void scan_progress_fn(void *ctx, const struct scan_stats *st, int done);
/* Called (in input order) for each rejected record or broken input. */
typedef void scan_reject_fn(void *ctx, const struct atl_err *e);
struct post;
/* Called in input order, from one thread at a time, with each batch of
 * processed posts and their rendered lines (post.line_off into lines); valid
 * only during the call; < 0 fails the run. */
typedef int scan_batch_fn(void *ctx, const struct post *posts, size_t n,
			  const char *lines, struct atl_err *err);
/* Called once, from the reading thread, with a note for the user
 * ("ocr: no tesseract data for 'por' ...; going on without it"). */
typedef void scan_note_fn(void *ctx, const char *msg);

struct scan_opts {
	const char *out_dir;		/* created if missing; NULL: write no
					 * files and link nothing (on_batch
					 * gets the posts) */
	scan_batch_fn *on_batch;	/* may be NULL */
	struct reader_opts reader;
	struct extract_opts extract;
	const char *model_path;		/* NULL = built-in model */
	double threshold;		/* < 0 = the model's */
	struct link_opts link;
	int threads;			/* workers; 0 = number of cores */
	size_t batch_records;		/* 0 = 1024 */
	scan_progress_fn *progress;
	scan_reject_fn *on_reject;
	scan_note_fn *on_note;
	int no_ocr;			/* do not read images (--no-ocr) */
	struct ocr_opts ocr;
	void *cb_ctx;
	const char *argv_line;		/* options as given, for summary.json */
	int no_report;			/* 1: skip DIR/report.html (report/html) */
	const struct redactor *redact;	/* --redact: tokens for personal data; NULL = off */
};

struct scan_input_stats {
	const char *name;		/* "dir/export.zip:chat.txt", or the path */
	const char *format;		/* NULL when the input was skipped */
	const char *compression;
	char detail[96];		/* the reader's own note ("date_order=dmy") */
	char skip[256];			/* why a walked file was not read, or "" */
	uint64_t read, accepted, rejected;
	uint64_t skipped;		/* entries that are not posts (system lines) */
	uint64_t bytes;
};

#define SCAN_MAX_KEYS 64	/* distinct platforms/languages counted; more -> "other" */

struct scan_count {
	char key[32];
	uint64_t posts, flagged;
};

struct scan_stats {
	uint64_t read, accepted, rejected;
	uint64_t warn_bad_utf8, warn_truncated, warn_other;
	uint64_t flagged;
	uint64_t tactic_flagged[TAC__N];	/* flagged posts showing each tactic */
	uint64_t bytes_in;			/* on-disk bytes consumed */
	uint64_t bytes_total;			/* sum of known input sizes so far */
	uint64_t bytes_pos;			/* on-disk bytes consumed, for progress */
	uint64_t indicators[IND__N];
	size_t n_inputs;			/* files read or skipped, after */
	struct scan_input_stats *inputs;	/* expanding directories and zips */
	uint64_t inputs_skipped;
	struct scan_count langs[SCAN_MAX_KEYS];
	size_t n_langs;
	struct scan_count platforms[SCAN_MAX_KEYS];
	size_t n_platforms;
	size_t clusters, networks;
	int ocr_enabled;
	char ocr_langs[64];
	uint64_t images_read;			/* OCR'd (or from the cache) */
	uint64_t images_failed;			/* passed the checks, then failed */
	uint64_t images_timed_out;
	uint64_t images_rejected;		/* refused before reading (an image record:
					 * rejects.jsonl; an attachment: its error) */
	/* of images_read: Tesseract ran on it, the same bytes were read
	 * earlier in the run, or its text came from the case store */
	uint64_t images_recognised, images_from_run, images_from_store;
	char ocr_key[256];			/* ocr_ctx_key, when OCR is on */
	double t_read, t_process, t_write, t_link, t_finish, t_total;	/* seconds */
	/* CPU seconds (thread CPU clock) per part of the run; cpu_stage is
	 * summed over the worker threads (enum post_stage). */
	double cpu_read, cpu_stage[POST_N_STAGES], cpu_write, cpu_link,
	       cpu_finish, cpu_pass2, cpu_networks, cpu_total;
	int threads;
};

/* Run the scan over paths: files, "-" for standard input, directories
 * (walked recursively) and zip archives (read member by member). Returns 0 when the outputs are complete (bad records go to
 * rejects and do not fail the run); < 0 with err set when the run failed, in
 * which case no output file is left under its final name. st is filled as far
 * as the run got; release it with scan_stats_release. */
int scan_run(const struct scan_opts *o, char *const *inputs, size_t n_inputs,
	     struct scan_stats *st, struct atl_err *err);
void scan_stats_release(struct scan_stats *st);

#endif
