/*
 * redact_dir: redact a finished scan folder after the fact, for
 * `atalaya export --redact` and `atalaya report --redact`.
 *
 * An analyst who scanned without --redact must still be able to share a
 * redacted export, with the tokens a partner who scanned with --redact and
 * the same key holds. redact_dir reads DIR/posts.jsonl and
 * DIR/networks.jsonl and writes into another folder the posts.jsonl and
 * networks.jsonl that `scan --redact` would have written, using the same
 * redactor (redact.c), not a second one:
 *
 *   posts     each post's indicators (from its line: kind, value, span,
 *             and "from": the caption or an image), reason spans, author and
 *             the text read from its images ("ocr") go through post_redact,
 *             the scan's own call (post.c): the caption and each image text
 *             are redacted apart, each with the items found in it. The line
 *             is written back key by key in its own order, with the new
 *             caption, image texts, author, indicator values and every span
 *             moved (so the bytes equal scan --redact's line). Image paths
 *             and OCR errors stay as written, as scan --redact keeps them.
 *   networks  every account, indicator, shared-evidence and pulled-in value
 *             gets its token (lists merged and sorted again as the linker
 *             sorts them); the template and slots are rebuilt with
 *             template_build from the redacted texts of the same sample of
 *             posts the linker takes (link_sample_takes, LINK_SAMPLE_MAX per
 *             cluster, evenly spaced in input order), so no raw value survives in a
 *             phrase or a slot.
 *   summary   copied as is (it holds counts, not values).
 *
 * Only the keys a scan writes are written back: a key this version does not
 * know, or a repeated one, could hold a raw value and is left out (a list
 * that is not a list becomes []).
 *
 * rejects.jsonl keeps raw bytes and is not written.
 *
 * The result equals scan --redact's files byte for byte except where the
 * unredacted files already cut a list (more than 50 values of a kind, 20
 * shared values, 50 pulled-in posts: the cut was made on raw values), or
 * where two raw values have one token (an author "x" and "@x"): their counts
 * are added. Clusters are not recomputed: they are the unredacted scan's.
 *
 * Memory: one post or network line at a time, plus the sampled texts
 * (at most LINK_SAMPLE_MAX * 2 * LINK_SAMPLE_TEXT bytes a
 * cluster, as in the linker) and one label per cluster.
 */
#ifndef ATL_REDACT_DIR_H
#define ATL_REDACT_DIR_H

#include "core/err.h"
#include "extract/extract.h"
#include "pipeline/redact.h"

#define REDACT_DIR_LINE_MAX ((size_t)64 << 20)	/* = the scan's longest line */

/* Write out_dir/posts.jsonl, networks.jsonl and (when in_dir has one)
 * summary.json, each via a ".part" name renamed when complete; out_dir must
 * exist and differ from in_dir. xo are the extraction options of the scan
 * (its --default-region: see redact_dir_region), used when redact_post
 * extracts again. 0; ATL_EIO, ATL_ENOTFOUND (no posts.jsonl or
 * networks.jsonl), ATL_EPARSE or ATL_ETOOBIG (a line that is not what a scan
 * writes, such as more than REC_MAX_MEDIA images; the message names file and
 * line), ATL_EINVAL (in_dir's manifest.json says the scan was redacted
 * already: its tokens came from some key, and another would mix),
 * ATL_ENOMEM. */
int redact_dir(const char *in_dir, const char *out_dir, const struct redactor *r,
	       const struct extract_opts *xo, struct atl_err *err);

/* The --default-region that made the scan in dir, from summary.json's
 * "options" (the command line), into region ("" when none was given).
 * 0, or ATL_ENOTFOUND / ATL_EIO / ATL_EPARSE for a missing or bad file. */
int redact_dir_region(const char *dir, char region[3], struct atl_err *err);

#endif
