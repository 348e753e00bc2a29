/*
 * atalaya report: (re)write DIR/report.html from a scan's outputs
 * (summary.json, networks.jsonl, posts.jsonl). The page is built by
 * src/report/html; scan writes the same page at the end of a run.
 * With --redact, DIR is first redacted into OUT (cli_redact_dir) and the
 * page is written there.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "report/html.h"
#include "core/banned.h"

const char report_usage[] =
	"usage: atalaya report [--networks N] [--posts-per-network N] DIR\n"
	"       atalaya report --redact --redact-key FILE [options] DIR -o OUT\n"
	"       atalaya report --db CASE.db -o DIR\n\n"
	"Write DIR/report.html from the outputs of 'atalaya scan -o DIR': headline\n"
	"counts, charts, a ranked table of networks (sortable, filterable), a section\n"
	"per top network (template, timeline, graph, indicators, posts with the\n"
	"detector's reasons marked) and the top flagged posts. The page is one\n"
	"self-contained file: no network access, every input string escaped, a\n"
	"Content-Security-Policy that allows only its own style and script.\n\n"
	"  --networks N           networks with a section of their own (default 50)\n"
	"  --posts-per-network N  posts shown per network (default 30)\n"
	"  --redact               write into OUT the redacted posts.jsonl,\n"
	"                         networks.jsonl and summary.json of DIR (the\n"
	"                         files `scan --redact` with the same key gives)\n"
	"                         and the page made from them; DIR is not changed\n"
	"  --redact-key FILE      the HMAC key (at least 16 bytes)\n"
	"  -o, --output OUT       with --redact: the folder to write\n\n"
	"With --db, first write DIR/posts.jsonl, networks.jsonl and summary.json\n"
	"from a case database (see 'atalaya ingest'), then the page.\n";

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct report_html_opts o = REPORT_HTML_OPTS_INIT;
	struct atl_err err = ATL_ERR_INIT;
	const char *dir = NULL, *out = NULL, *redact_key = NULL;
	int redact = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			int rc = store_report_main(c, argc, argv);
			if (rc != EXIT_OK)
				return rc;
			for (int j = 1; j + 1 < argc; j++)
				if (strcmp(argv[j], "-o") == 0 || strcmp(argv[j], "--output") == 0)
					dir = argv[j + 1];
			if (dir && report_html_write(dir, &o, &err) < 0) {
				cli_error_rec(c, &err);
				return EXIT_FAIL;
			}
			return EXIT_OK;
		}
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		long v;

		if (cli_is_help(a))
			return cli_print_help("report");
		if (strcmp(a, "--networks") == 0 || strcmp(a, "--posts-per-network") == 0) {
			if (i + 1 >= argc || cli_parse_long(argv[i + 1], &v) < 0 || v < 1 ||
			    v > 100000)
				return cli_usage_error(c, "report", "%s needs a number from 1 to 100000", a);
			if (a[2] == 'n')
				o.max_networks = (size_t)v;
			else
				o.max_posts_per_network = (size_t)v;
			i++;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			c->quiet = 1;
		} else if (!strcmp(a, "--redact")) {
			redact = 1;
		} else if (!strcmp(a, "--redact-key") || !strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (i + 1 >= argc)
				return cli_usage_error(c, "report", "option '%s' needs a value", a);
			*(a[2] == 'r' ? &redact_key : &out) = argv[++i];
		} else if (a[0] == '-' && a[1]) {
			return cli_usage_error(c, "report", "unknown option '%s'", a);
		} else if (dir) {
			return cli_usage_error(c, "report", "one DIR only");
		} else {
			dir = a;
		}
	}
	if (!dir)
		return cli_usage_error(c, "report", "no DIR given");
	if (redact != (redact_key != NULL))
		return cli_usage_error(c, "report", redact ? "--redact needs --redact-key FILE"
							   : "--redact-key needs --redact");
	if (redact != (out != NULL))
		return cli_usage_error(c, "report", redact ? "--redact needs -o OUT"
							   : "-o needs --redact (or --db)");
	if (redact) {
		char rd[PATH_MAX], ro[PATH_MAX];
		int rc;

		if (mkdir(out, 0777) != 0 && errno != EEXIST) {
			cli_error(c, "cannot create '%s': %s", out, strerror(errno));
			return EXIT_FAIL;
		}
		if (realpath(dir, rd) && realpath(out, ro) && !strcmp(rd, ro))
			return cli_usage_error(c, "report", "OUT must not be DIR");
		rc = cli_redact_dir(c, "report", dir, redact_key, out);
		if (rc != EXIT_OK)
			return rc;
		dir = out;
	}
	if (report_html_write(dir, &o, &err) < 0) {
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	if (!c->quiet)
		cli_info(c, "wrote %s/report.html", dir);
	return EXIT_OK;
}
