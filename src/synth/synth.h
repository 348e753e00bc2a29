/*
 * synth: the labelled synthetic corpus generator behind `atalaya synth`.
 *
 * It writes two JSON Lines streams in step: posts (what a scan reads: id,
 * platform, author, created_at, url, text) and truth (id, label, genre,
 * network, tactics, phones, links, prices, lang). Line k of truth describes
 * line k of posts, except for the optional malformed lines, which appear in
 * posts only. Output depends only on the options: same options, same bytes.
 *
 * Truth fields: label "smuggling" | "benign"; genre (coyote_offer, scam,
 * appointment_selling, document_fraud, job_lure, driver_recruitment, news,
 * ngo_warning, gov_warning, legal_aid, travel_agency, bus_line,
 * seasonal_recruiter, remittance, marketplace, family, migrant_request,
 * chitchat); network "N<k>" for smuggling, else null; tactics (smuggling
 * only); phones as E.164, in order of first appearance, whatever the
 * written form; links as "https://" + host/path as written; prices as
 * {amount (integer), currency (ISO 4217, the one meant)}; lang es|en|pt|ht|fr.
 * Optional: "cluster":"B<k>" for a recurring benign poster (same phone and
 * template, a legitimate group), "copy_of":"N<j>" for a copycat network,
 * "repost":true for an exact repost of the poster's previous text.
 *
 * The generator owns all its memory (one plan array and the actor table,
 * sized from n_posts at creation); synth_next appends to the caller's bufs.
 * Not thread-safe: one generator per thread.
 */
#ifndef ATL_SYNTH_H
#define ATL_SYNTH_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

enum synth_split { SYNTH_TRAIN = 0, SYNTH_HELDOUT = 1 };

/* Hard limit on n_posts (and on n_bad_lines): keeps the plan array bounded. */
#define SYNTH_MAX_POSTS 100000000ull

struct synth_opts {
	uint64_t n_posts;	/* posts with a truth line, <= SYNTH_MAX_POSTS */
	uint64_t seed;		/* any value; 0 is fine */
	int split;		/* enum synth_split */
	uint64_t n_bad_lines;	/* malformed posts lines, no truth line */
};

struct synth;

/* Plan the corpus (networks, benign clusters, the order of posts).
 * Returns 0, ATL_EINVAL (bad options) or ATL_ENOMEM. Caller frees with
 * synth_free. */
int synth_new(struct synth **out, const struct synth_opts *o, struct atl_err *err);
void synth_free(struct synth *s);

/* Append the next post line to posts and its truth line to truth (each
 * ends with '\n'); malformed lines due before it are appended to posts
 * first. Returns 1 when something was written, 0 when the corpus is
 * complete, or the bufs' error (ATL_ENOMEM / ATL_ETOOBIG). */
int synth_next(struct synth *s, struct buf *posts, struct buf *truth, struct atl_err *err);

/* Counts so far: posts with truth, of them smuggling, and malformed lines. */
struct synth_stats {
	uint64_t n_posts, n_smuggling, n_bad_lines;
	uint64_t n_networks;	/* smuggling networks planned */
};
void synth_get_stats(const struct synth *s, struct synth_stats *st);

#endif
