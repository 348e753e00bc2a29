/*
 * export: a finished scan folder (posts.jsonl, networks.jsonl) into formats
 * other tools read. Both files are streamed a line at a time (one yajl tree
 * per line), so memory does not grow with the number of posts:
 *
 *   gexf     GEXF 1.3 for Gephi (dynamic: node and edge times)      one file
 *   graphml  GraphML for yEd, Gephi, networkx (times as strings)    one file
 *   csv      posts.csv and networks.csv (RFC 4180, formula guard)   a folder
 *   stix     a STIX 2.1 bundle of the networks' indicators          one file
 *   esbulk   Elasticsearch/OpenSearch _bulk NDJSON + index template a folder
 *
 * The graphs hold clustered posts only, with their accounts and indicators
 * (those nodes are kept in memory: one entry per distinct value). STIX holds
 * flagged networks (all clusters with all_clusters). Every output is
 * written under a temporary name and renamed when complete, and depends only
 * on the input bytes and the options: no clock unless now is given.
 */
#ifndef ATL_EXPORT_H
#define ATL_EXPORT_H

#include "core/err.h"

enum export_format { EXPORT_GEXF, EXPORT_GRAPHML, EXPORT_CSV, EXPORT_STIX, EXPORT_ESBULK };

struct export_opts {
	enum export_format format;
	const char *out;		/* file (gexf, graphml, stix) or folder (csv,
					 * esbulk); NULL = the default name in the scan folder */
	const char *tlp;		/* stix: clear, green, amber, amber+strict, red */
	const char *identity;		/* stix: producer name; NULL = "atalaya" */
	const char *now;		/* RFC 3339: created/modified of STIX SDOs;
					 * NULL = taken from the data */
	const char *index;		/* esbulk: index name; NULL = "atalaya-posts" */
	int all_clusters;		/* stix: every cluster, not only flagged networks */
	int bom;			/* csv: start each file with a UTF-8 BOM */
};

/* Parse "gexf", "graphml", ... : 0 or ATL_EINVAL. */
int export_format_parse(const char *s, enum export_format *out);
/* Is s a TLP level we know ("amber+strict")? */
int export_tlp_valid(const char *s);

/* Export scan folder dir. 0; ATL_EIO (unreadable input, unwritable output),
 * ATL_EPARSE (a line that is not the JSON a scan writes; err names the file
 * and line), ATL_EINVAL (bad option value), ATL_ENOMEM. */
int export_run(const char *dir, const struct export_opts *o, struct atl_err *err);

/* Default output name for a format ("network.gexf", "csv", ...). */
const char *export_default_name(enum export_format f);

#endif
