/*
 * atalaya export: a finished scan folder into GEXF, GraphML, CSV, STIX 2.1
 * or Elasticsearch bulk files (src/report/export.h).
 */
#include <string.h>

#include "cli.h"
#include "report/export.h"
#include "core/banned.h"

const char export_usage[] =
	"usage: atalaya export --format FMT [options] DIR\n"
	"\n"
	"Read the scan folder DIR (posts.jsonl, networks.jsonl, as `atalaya scan`\n"
	"wrote them) and write it for other tools. Streams: memory does not grow\n"
	"with the number of posts. The same input and options give the same bytes.\n"
	"\n"
	"formats:\n"
	"  gexf      GEXF 1.3 for Gephi: clustered posts, their accounts, phones,\n"
	"            links, URLs, handles, e-mails; edges posted_by, has_phone, ...;\n"
	"            node and edge times (default output DIR/network.gexf)\n"
	"  graphml   the same graph as GraphML, times as start/end strings\n"
	"            (DIR/network.graphml)\n"
	"  csv       posts.csv and networks.csv in a folder (DIR/csv); cells that\n"
	"            start with = + - @ get a leading ' (formula injection guard)\n"
	"  stix      a STIX 2.1 bundle: indicators and observables for the numbers,\n"
	"            links, URLs, e-mails and handles of flagged networks, one\n"
	"            grouping per network, TLP 2.0 marking (DIR/bundle.stix.json)\n"
	"  esbulk    Elasticsearch/OpenSearch _bulk NDJSON and an index template\n"
	"            in a folder (DIR/esbulk)\n"
	"\n"
	"options:\n"
	"  -f, --format FMT        gexf, graphml, csv, stix or esbulk\n"
	"  -o, --output PATH       output file (gexf, graphml, stix) or folder\n"
	"                          (csv, esbulk)\n"
	"      --tlp LEVEL         stix: clear, green, amber (default),\n"
	"                          amber+strict or red\n"
	"      --identity NAME     stix: the producer's name (default atalaya)\n"
	"      --all               stix: every cluster, not only flagged networks\n"
	"      --now TIME          stix: created/modified of every object (RFC 3339);\n"
	"                          default: each network's first_seen\n"
	"      --index NAME        esbulk: index name (default atalaya-posts)\n"
	"      --bom               csv: start files with a UTF-8 byte order mark\n"
	"  -q, --quiet             print only errors\n"
	"  -h, --help              this help\n"
	"\n"
	"Run `atalaya scan --redact` first to share files without raw phone\n"
	"numbers, e-mails or handles.\n";

int cmd_export(struct cli *c, int argc, char **argv)
{
	struct export_opts o;
	struct atl_err err = ATL_ERR_INIT;
	const char *dir = NULL, *fmt = NULL;

	memset(&o, 0, sizeof(o));
#define NEED_ARG()                                                                           \
	do {                                                                                 \
		if (i + 1 >= argc)                                                           \
			return cli_usage_error(c, "export", "option '%s' needs a value", a); \
	} while (0)
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-') {
			if (dir)
				return cli_usage_error(c, "export", "one scan folder only");
			dir = a;
		} else if (cli_is_help(a)) {
			return cli_print_help("export");
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			c->quiet = 1;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			NEED_ARG();
			fmt = argv[++i];
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			NEED_ARG();
			o.out = argv[++i];
		} else if (!strcmp(a, "--tlp")) {
			NEED_ARG();
			o.tlp = argv[++i];
			if (!export_tlp_valid(o.tlp))
				return cli_usage_error(c, "export", "unknown TLP level '%s'", o.tlp);
		} else if (!strcmp(a, "--identity")) {
			NEED_ARG();
			o.identity = argv[++i];
		} else if (!strcmp(a, "--now")) {
			NEED_ARG();
			o.now = argv[++i];
		} else if (!strcmp(a, "--index")) {
			NEED_ARG();
			o.index = argv[++i];
		} else if (!strcmp(a, "--all")) {
			o.all_clusters = 1;
		} else if (!strcmp(a, "--bom")) {
			o.bom = 1;
		} else {
			return cli_usage_error(c, "export", "unknown option '%s'", a);
		}
	}
#undef NEED_ARG
	if (!fmt)
		return cli_usage_error(c, "export", "no format (use --format gexf|graphml|csv|stix|esbulk)");
	if (export_format_parse(fmt, &o.format) < 0)
		return cli_usage_error(c, "export", "unknown format '%s'", fmt);
	if (!dir)
		return cli_usage_error(c, "export", "no scan folder");
	if (export_run(dir, &o, &err) < 0) {
		if (err.code == ATL_EINVAL)
			return cli_usage_error(c, "export", "%s", err.msg);
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
