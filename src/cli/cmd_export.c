/*
 * atalaya export: a finished scan folder into GEXF, GraphML, CSV, STIX 2.1
 * or Elasticsearch bulk files (src/report/export.h).
 *
 * With --redact, the folder is first redacted into a temporary folder
 * (pipeline/redact_dir: the files `scan --redact` with the same key would
 * have written), the export reads that, and the temporary folder is
 * removed; outputs still default to names inside DIR. cli_redact_dir also
 * serves `report --redact`.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "pipeline/redact_dir.h"
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
	"      --redact            replace phone numbers, e-mails, handles, messaging\n"
	"                          links and WhatsApp authors by the keyed tokens\n"
	"                          `scan --redact` gives with the same key, in every\n"
	"                          output (needs --redact-key; DIR is not changed)\n"
	"      --redact-key FILE   the HMAC key (at least 16 bytes)\n"
	"  -q, --quiet             print only errors\n"
	"  -h, --help              this help\n";

int cli_redact_dir(struct cli *c, const char *cmd, const char *dir, const char *key_path,
		   const char *out_dir)
{
	struct atl_err err = ATL_ERR_INIT;
	struct extract_opts xo;
	struct redactor *red = malloc(sizeof(*red));
	char region[3];
	int rc;

	if (!red) {
		cli_error(c, "out of memory");
		return EXIT_FAIL;
	}
	if (redactor_load(red, key_path, &err) < 0) {
		free(red);
		return cli_usage_error(c, cmd, "%s", err.msg);
	}
	memset(&xo, 0, sizeof(xo));
	rc = redact_dir_region(dir, region, &err);
	if (rc == 0) {
		xo.default_region = region[0] ? region : NULL;
		rc = redact_dir(dir, out_dir, red, &xo, &err);
	}
	memset(red, 0, sizeof(*red));
	free(red);
	if (rc < 0) {
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* Remove what cli_redact_dir wrote into the temporary folder, and it. */
static void remove_tmp_dir(const char *tmp)
{
	static const char *const names[] = { "posts.jsonl", "networks.jsonl", "summary.json" };
	char path[PATH_MAX + 32];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmp, names[i]);
		unlink(path);
	}
	rmdir(tmp);
}

static int export_redacted(struct cli *c, const char *dir, const char *key_path,
			   struct export_opts *o)
{
	struct atl_err err = ATL_ERR_INIT;
	const char *base = getenv("TMPDIR");
	char tmp[PATH_MAX], out[PATH_MAX];
	int rc;

	snprintf(tmp, sizeof(tmp), "%s/atalaya-redact-XXXXXX", base && *base ? base : "/tmp");
	if (!mkdtemp(tmp)) {
		cli_error(c, "cannot create a temporary folder in '%s': %s",
			  base && *base ? base : "/tmp", strerror(errno));
		return EXIT_FAIL;
	}
	if (!o->out) {
		snprintf(out, sizeof(out), "%s/%s", dir, export_default_name(o->format));
		o->out = out;
	}
	rc = cli_redact_dir(c, "export", dir, key_path, tmp);
	if (rc == EXIT_OK && export_run(tmp, o, &err) < 0) {
		cli_error_rec(c, &err);
		rc = err.code == ATL_EINVAL ? EXIT_USAGE : EXIT_FAIL;
	}
	remove_tmp_dir(tmp);
	return rc;
}

int cmd_export(struct cli *c, int argc, char **argv)
{
	struct export_opts o;
	struct atl_err err = ATL_ERR_INIT;
	const char *dir = NULL, *fmt = NULL, *redact_key = NULL;
	int redact = 0;

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
		} else if (!strcmp(a, "--redact")) {
			redact = 1;
		} else if (!strcmp(a, "--redact-key")) {
			NEED_ARG();
			redact_key = argv[++i];
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
	if (redact != (redact_key != NULL))
		return cli_usage_error(c, "export", redact ? "--redact needs --redact-key FILE"
							   : "--redact-key needs --redact");
	if (redact)
		return export_redacted(c, dir, redact_key, &o);
	if (export_run(dir, &o, &err) < 0) {
		if (err.code == ATL_EINVAL)
			return cli_usage_error(c, "export", "%s", err.msg);
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
