/*
 * post_facts: the few fields of a posts.jsonl line the report aggregates
 * (flagged, score, created_at, cluster, indicators.prices[]), read with
 * yajl's event parser and no tree: a post line is ~1 KB of JSON with ~60
 * values, and building a tree for each of millions of posts costs more in
 * malloc than all the rest of the report.
 */
#ifndef ATL_REPORT_POST_FACTS_H
#define ATL_REPORT_POST_FACTS_H

#include <stddef.h>

#define POST_FACTS_MAX_PRICES 16	/* further prices of one post are not counted */

struct post_facts {
	int flagged;		/* "flagged": true */
	double score;		/* 0 when absent or not finite */
	char created_at[40];	/* "" when absent or too long */
	char cluster[128];	/* "" when absent or too long */
	struct {
		double amount;	/* NAN when absent or not a number */
		char currency[8];	/* "" when absent or too long */
	} prices[POST_FACTS_MAX_PRICES];
	size_t n_prices;
};

/* Read the facts of one line (len bytes). 0, or -1 when the line is not a
 * JSON object (f is then unspecified). */
int post_facts_parse(struct post_facts *f, const char *line, size_t len);

#endif
