/*
 * detect: is a post a smuggling solicitation, and why.
 *
 * A detector is built once per process (patterns compiled once, model
 * loaded once) and then shared read-only by all worker threads; each thread
 * owns a detect_scratch. Tactic patterns run on the normalised text; reasons
 * are mapped back to original-text spans.
 */
#ifndef ATL_DETECT_H
#define ATL_DETECT_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "extract/extract.h"
#include "io/record.h"
#include "text/normalize.h"

struct arena;
struct fvec;
struct detector;
struct detect_scratch;

enum tactic {
	TAC_CROSSING_OFFER, TAC_GUARANTEE, TAC_PAY_ON_ARRIVAL, TAC_PRICE,
	TAC_ROUTE, TAC_SCHEDULE, TAC_AGENCY_FRONT, TAC_ASYLUM_COACHING,
	TAC_CHILDREN, TAC_EVASION, TAC_DOCUMENT_FRAUD, TAC_APPOINTMENT_SELLING,
	TAC_JOB_LURE, TAC_CONTACT, TAC_SCAM_SIGNS, TAC__N
};

struct reason {
	enum tactic tactic;
	uint32_t start, end;	/* byte span in the original text */
};

struct detect_result {
	double score;		/* calibrated probability in [0, 1] */
	int flagged;		/* score >= threshold and n_reasons > 0 */
	uint32_t tactics;	/* bit (1u << enum tactic) per tactic present */
	struct reason *reasons;	/* in the arena, ordered by start */
	size_t n_reasons;
	const char *lang;	/* "es", "en", "pt", "ht", "fr", "other" (static) */
};

/* Build a detector from a model file, or the built-in default model when
 * model_path is NULL. threshold < 0 means the model's own threshold. */
int detector_new(struct detector **out, const char *model_path,
		 double threshold, struct atl_err *err);
void detector_free(struct detector *d);
int detect_scratch_new(const struct detector *d, struct detect_scratch **out);
void detect_scratch_free(struct detect_scratch *s);

/* Score one post (rec->text is the original text nt was made from; ind may
 * be NULL). Reasons are found for flagged posts only (the span pass costs as
 * much as scoring): tactic phrases, plus contact indicators (phones, links,
 * handles, e-mails) as TAC_CONTACT and prices as TAC_PRICE; overlapping
 * spans of one tactic are merged. A flagged post always has a reason: a post
 * in which nothing can be pointed at is not flagged (its score is kept).
 * tactics is filled for every post. Allocates reasons in the arena.
 * 0 or ATL_ENOMEM. */
int detect_post(const struct detector *d, struct detect_scratch *s,
		const struct record *rec, const struct norm_text *nt,
		const struct indicator_list *ind, struct detect_result *out,
		struct arena *a);

/* detect_post in three steps, so that a batch can run each over all its
 * posts before the next (the Hyperscan databases of the first and the
 * last stay in cache): detect_count of each post's nt into its c, then
 * detect_count_flush (c is complete once it returned 0; the counts of
 * several posts are found in one scan, so c must live until then);
 * detect_score_counted with that c fills *out but for the reasons (score,
 * tactics, lang, n_reasons 0, not flagged); detect_reasons_counted with
 * the same c and out adds the reasons and the flag of a post at or above
 * the threshold. Together they give what detect_post gives,
 * whatever ran on s between them. detect_count, detect_count_flush and
 * detect_reasons_counted return 0 or an error of detect_post's. */
struct tactic_counts;	/* detect/tactics.h */
int detect_count(const struct detector *d, struct detect_scratch *s,
		 const struct norm_text *nt, struct tactic_counts *c);
int detect_count_flush(const struct detector *d, struct detect_scratch *s);
void detect_score_counted(const struct detector *d, struct detect_scratch *s,
			  const struct norm_text *nt, const struct indicator_list *ind,
			  const struct tactic_counts *c, struct detect_result *out);
int detect_reasons_counted(const struct detector *d, struct detect_scratch *s,
			   const struct norm_text *nt, const struct indicator_list *ind,
			   const struct tactic_counts *c, struct detect_result *out,
			   struct arena *a);

double detector_threshold(const struct detector *d);
/* Change the threshold (< 0: the model's) of a detector not yet shared with
 * other threads; compiling the patterns again costs a second or more. */
void detector_set_threshold(struct detector *d, double threshold);
/* SHA-256 or xxh128 hex of the model bytes, for manifests. */
const char *detector_model_id(const struct detector *d);
const char *tactic_name(enum tactic t);	/* "crossing_offer", ... */

/* ---- training support ---- */

/* A detector with patterns but no model (detect_post must not be called);
 * for computing training features. */
int detector_new_untrained(struct detector **out, struct atl_err *err);
/* The model's feature vector of one post into f (f->cap >= MODEL_FVEC_CAP
 * recommended; more is dropped); also the language. 0 or an error of
 * tactics_count. */
int detect_features(const struct detector *d, struct detect_scratch *s,
		    const struct norm_text *nt, const struct indicator_list *ind,
		    struct fvec *f, const char **lang);
/* Version of the meaning of the dense features; stored in model files. */
#define DETECT_FEATURE_VERSION 2u

#endif
