/*
 * tactics: the phrase patterns of smuggling ads, and of the texts that look
 * like them (warnings, news, lawyers, bus lines, migrants asking).
 *
 * All patterns are written for NORMALISED text (normalize.h: lower case, no
 * accents, one space between words, U$A -> usa) in Spanish, English,
 * Portuguese, Haitian Creole and French. They are compiled once into one
 * Hyperscan block-mode database; each thread scans with its own scratch.
 *
 * A pattern belongs to a "group": one of the TAC__N tactics of detect.h
 * (these become reasons, with spans), or one of the context groups below
 * (these only count, and become model features that usually argue against
 * a solicitation). No pattern decides alone: the model weighs them.
 */
#ifndef ATL_TACTICS_H
#define ATL_TACTICS_H

#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "detect/detect.h"

enum ctx_group {
	CTX_WARNING = TAC__N,	/* "no confies", "beware", "estafa" */
	CTX_REPORTING,		/* news: "fueron detenidos", "segun la policia" */
	CTX_LEGAL,		/* lawyers, clinics, parole, official app how-tos */
	CTX_LEGIT_TRAVEL,	/* tickets, terminals, bus timetables */
	CTX_DEMAND,		/* questions and requests: "cuanto cobran", "busco" */
	CTX_ARRIVED,		/* a relative arrived: "ya llego con bien" */
	CTX_OFFER,		/* generic first-person offer: "ofrecemos", "we offer" */
	CTX_QUOTING,		/* reported or quoted offers: "te prometen", "ads like" */
	CTX_OFFER1P,		/* an offer to the reader, first person: "te llevamos" */
	CTX_SALE,		/* goods for sale: "vendo", "for sale", "peu servi" */
	CTX__END
};

#define TACTIC_N_GROUPS (CTX__END)	/* tactics then contexts */
#define TACTIC_MAX_HITS 256		/* spans kept per post; counts go on */
#define TACTIC_MAX_PATTERNS 512		/* size of the pattern table, at most */
#define TACTIC_MAX_QUOTES 16		/* quoted stretches looked at per post */

struct tactic_hit {
	uint16_t group;		/* enum tactic or enum ctx_group */
	uint16_t pattern;	/* index in the pattern table */
	uint32_t start, end;	/* byte span in the normalised text */
};

struct tactic_hits {
	struct tactic_hit v[TACTIC_MAX_HITS];	/* tactic spans, in match order */
	size_t n;
	uint32_t count[TACTIC_N_GROUPS];	/* distinct patterns matched per group */
	uint64_t seen[TACTIC_MAX_PATTERNS / 64];	/* patterns matched (count pass) */
	/* Count pass: tactic patterns whose first match ends inside quotation
	 * marks ("...", \u201c...\u201d, \u00ab...\u00bb), as in a warning that
	 * quotes an ad; and the quoted stretches, [q[i][0], q[i][1]). */
	uint32_t quoted;
	uint32_t n_q;
	uint32_t q[TACTIC_MAX_QUOTES][2];
};

/* What the score and the span pass need of a count pass: the patterns
 * seen, the distinct patterns per group, the quoted ones (tactic_hits). */
struct tactic_counts {
	uint64_t seen[TACTIC_MAX_PATTERNS / 64];
	uint32_t count[TACTIC_N_GROUPS];
	uint32_t quoted;
};

struct tactics;
struct tactics_scratch;

/* The pattern databases: tactics_new loads the ones serialised at build
 * time (tools/hsdb_gen.c writes build/hsdb/tactics.hsdb, tactics_hsdb.S
 * embeds it) and compiles the table (seconds of CPU) only when that blob
 * is missing, was built from another table or Hyperscan version (its
 * tactics_table_hash differs), or does not fit this CPU (Hyperscan
 * databases are built for the instruction set of the build machine).
 * ATL_ENOMEM, or ATL_EINVAL naming the pattern that does not compile (a
 * bug in the table). tactics_compile always compiles. */
int tactics_new(struct tactics **out, struct atl_err *err);
int tactics_compile(struct tactics **out, struct atl_err *err);
/* Hash of everything that makes the databases: expressions, flags, ids,
 * groups, the Hyperscan version. */
uint64_t tactics_table_hash(void);
/* One blob holding the databases and the table hash (malloc'd, *out to
 * free), and back. tactics_load: ATL_EINVAL when the blob is not one, is
 * truncated, has another table hash, or Hyperscan refuses it; the struct
 * reads from the blob while it lives (the span database of all patterns
 * stays serialised there until a post needs it), so the blob must
 * outlive it. */
int tactics_serialize(const struct tactics *t, char **out, size_t *len,
		      struct atl_err *err);
int tactics_load(struct tactics **out, const void *blob, size_t len,
		 struct atl_err *err);
void tactics_free(struct tactics *t);
int tactics_scratch_new(const struct tactics *t, struct tactics_scratch **out);
void tactics_scratch_free(struct tactics_scratch *s);

/* Two passes, because start-of-match tracking doubles the scan cost and
 * only flagged posts need spans:
 * tactics_count fills out->count (the number of DISTINCT patterns of each
 * group that match; that is the feature), out->seen and out->quoted, and
 * empties out->v;
 * tactics_spans fills out->v with every tactic match and its span (the
 * first TACTIC_MAX_HITS), leaving out->count alone. It scans only for the
 * patterns in out->seen, so it must follow tactics_count of the same text
 * into the same out. Both return 0, ATL_ETOOBIG (len > 4 GiB), or
 * ATL_ENOMEM / ATL_EINVAL when Hyperscan fails. */
int tactics_count(const struct tactics *t, struct tactics_scratch *s,
		  const char *text, size_t len, struct tactic_hits *out);
int tactics_spans(const struct tactics *t, struct tactics_scratch *s,
		  const char *text, size_t len, struct tactic_hits *out);
/* The count pass of many texts, cheaper than tactics_count of each (a
 * Hyperscan scan costs a good part of a short post's scan just to start
 * and end): tactics_count_add of each text, then tactics_count_flush.
 * Texts without quotation marks (tactic_hits.quoted counts matches inside
 * them) wait in s and are scanned together, joined with NUL bytes, when
 * s is full or at the flush; others are scanned at once, with tmp as
 * tactics_count's out. *out is what tactics_count of its text leaves in
 * count, seen and quoted, once the flush returned 0 (the text is copied;
 * out must live until then). Both return 0 or an error of tactics_count. */
int tactics_count_add(const struct tactics *t, struct tactics_scratch *s,
		      const char *text, size_t len, struct tactic_hits *tmp,
		      struct tactic_counts *out);
int tactics_count_flush(const struct tactics *t, struct tactics_scratch *s);

/* "warning", "reporting", ... for a context group; tactic_name otherwise. */
const char *tactic_group_name(unsigned group);
/* Number of patterns in the table (for tests and stats). */
size_t tactics_n_patterns(void);

#endif
