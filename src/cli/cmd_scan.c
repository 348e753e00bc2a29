/*
 * atalaya scan: option parsing, progress and messages around scan_run.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "pipeline/redact.h"
#include "pipeline/scan.h"
#include "core/banned.h"

#define MAX_REJECT_MESSAGES 20

const char scan_usage[] =
	"usage: atalaya scan [options] -o DIR [INPUT...]\n"
	"\n"
	"Read posts, score each for smuggling solicitation, extract indicators,\n"
	"link posts into networks, and write DIR/posts.jsonl, DIR/networks.jsonl,\n"
	"DIR/rejects.jsonl, DIR/summary.json and DIR/report.html. INPUT is a file, a directory\n"
	"(walked), a zip archive (read in place) or '-' for standard input (the\n"
	"default when no INPUT is given); plain, gzip or zstd. Formats, detected\n"
	"from the content: JSON Lines, CSV, WhatsApp chat export (.txt), Telegram\n"
	"Desktop export (result.json), Facebook/Instagram DYI JSON, yt-dlp\n"
	".info.json.\n"
	"\n"
	"Images are read with OCR (Tesseract; spa+eng+por+fra, whichever is\n"
	"installed): those a record names in its media field (media, image or\n"
	"images; a path relative to the input file), the attachments of a\n"
	"WhatsApp, Telegram or Facebook/Instagram export saved with media (also\n"
	"inside a zip), and image files given as INPUT (or a folder or zip of\n"
	"them, or image bytes on standard input), each one a post. Their text is\n"
	"kept apart (\"ocr\" in posts.jsonl), searched like the caption, and\n"
	"redacted like it under --redact.\n"
	"\n"
	"options:\n"
	"  -o, --output DIR        write results into DIR (created if missing)\n"
	"  -f, --format FMT        force the input format: jsonl, csv, whatsapp,\n"
	"                          telegram, fbdyi, ytdlp\n"
	"      --field NAME=SRC    read field NAME (id, text, platform, author,\n"
	"                          created_at, url, parent, media) from SRC; dotted paths\n"
	"                          reach into nested JSON (text=data.body)\n"
	"      --platform NAME     platform for records that name none\n"
	"      --default-region CC country for phone numbers without a country\n"
	"                          code (ISO 3166 alpha-2, e.g. MX, GT, US)\n"
	"      --max-record-bytes N  reject records larger than N bytes\n"
	"                          (default 1M; K and M suffixes)\n"
	"      --model FILE        detector model (default: the built-in model)\n"
	"      --threshold X       flag posts with score >= X (default: the model's)\n"
	"      --no-report         do not write DIR/report.html\n"
	"  -j, --threads N         worker threads (default: number of cores)\n"
	"      --redact            replace phone numbers, e-mails, handles, messaging\n"
	"                          links and WhatsApp authors by keyed tokens\n"
	"                          (tok:ph:<hex>) in every output; rejects.jsonl\n"
	"                          then keeps no raw bytes (needs --redact-key)\n"
	"      --redact-key FILE   the HMAC key (at least 16 bytes; share it to\n"
	"                          match tokens with another organisation)\n"
	"      --no-ocr            do not read text inside images\n"
	"      --ocr-langs L       Tesseract languages (default spa+eng+por+fra)\n"
	"  -q, --quiet             print only errors\n"
	"  -v, --verbose           more detail in messages\n"
	"  -h, --help              this help\n"
	"\n"
	"Exit status: 0 when the outputs are complete (bad records are rejected,\n"
	"listed in rejects.jsonl and counted, and do not fail the scan), 1 on\n"
	"failure (nothing is left under the final output names), 2 on usage error.\n";

struct scan_cli {
	struct cli *c;
	long n_rejects;
	const char *out_dir;
	int show_progress;
	struct timespec t0;
	int progress_shown;
};

static int parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	if (*end == 'k' || *end == 'K') {
		v *= 1024;
		end++;
	} else if (*end == 'm' || *end == 'M') {
		v *= 1024 * 1024;
		end++;
	}
	if (*end || v == 0 || v > (1ull << 32))
		return -1;
	*out = (size_t)v;
	return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

static void on_reject(void *ctx, const struct atl_err *e)
{
	struct scan_cli *sc = ctx;

	sc->n_rejects++;
	if (sc->c->quiet)
		return;
	if (sc->n_rejects <= MAX_REJECT_MESSAGES) {
		if (sc->progress_shown) {
			fputs("\r\033[K", stderr);
			sc->progress_shown = 0;
		}
		cli_error_rec(sc->c, e);
	}
}

static void on_note(void *ctx, const char *msg)
{
	struct scan_cli *sc = ctx;

	if (!sc->c->quiet)
		fprintf(stderr, "atalaya: %s\n", msg);
}

static void on_progress(void *ctx, const struct scan_stats *st, int done)
{
	struct scan_cli *sc = ctx;
	struct timespec t;
	double el;

	if (!sc->show_progress)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t);
	el = (double)(t.tv_sec - sc->t0.tv_sec) + (double)(t.tv_nsec - sc->t0.tv_nsec) / 1e9;
	if (el <= 0)
		el = 1e-9;
	fprintf(stderr, "\r\033[K%llu records, %.0f/s",
		(unsigned long long)st->read, (double)st->read / el);
	if (!done && st->bytes_total && st->bytes_pos && st->bytes_pos < st->bytes_total) {
		double frac = (double)st->bytes_pos / (double)st->bytes_total;
		double eta = el / frac - el;
		fprintf(stderr, ", %.0f%%, ETA %.0fs", frac * 100.0, eta);
	}
	sc->progress_shown = 1;
	if (done) {
		fputc('\n', stderr);
		sc->progress_shown = 0;
	}
}

static int check_inputs(struct cli *c, char **inputs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct stat sb;
		if (!strcmp(inputs[i], "-"))
			continue;
		if (stat(inputs[i], &sb) != 0) {
			cli_error(c, "cannot open '%s': %s", inputs[i], strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void argv_line(char *dst, size_t cap, int argc, char **argv)
{
	size_t o = 0;

	dst[0] = '\0';
	for (int i = 0; i < argc && o + 1 < cap; i++) {
		int n = snprintf(dst + o, cap - o, "%s%s", i ? " " : "", argv[i]);
		if (n < 0)
			break;
		o += (size_t)n;
	}
	if (o >= cap)
		dst[cap - 1] = '\0';
}

int cmd_scan(struct cli *c, int argc, char **argv)
{
	struct scan_opts o;
	struct scan_stats st;
	struct scan_cli sc = { c, 0, NULL, 0, { 0, 0 }, 0 };
	struct atl_err err = ATL_ERR_INIT;
	char **inputs = NULL;
	char *stdin_only[] = { (char *)"-" };
	size_t n_inputs = 0;
	char cmdline[2048];
	struct redactor *red = NULL;
	const char *redact_key = NULL;
	int redact = 0;
	int rc;

	memset(&o, 0, sizeof(o));
	o.threshold = -1;
	o.link.network_threshold = -1;
	inputs = calloc((size_t)argc, sizeof(*inputs));
	if (!inputs) {
		cli_error(c, "out of memory");
		return EXIT_FAIL;
	}
#define NEED_ARG()                                                                   \
	do {                                                                         \
		if (i + 1 >= argc) {                                                 \
			free(inputs);                                                \
			return cli_usage_error(c, "scan", "option '%s' needs a value", a); \
		}                                                                    \
	} while (0)
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || !strcmp(a, "-")) {
			inputs[n_inputs++] = argv[i];
		} else if (!strcmp(a, "--")) {
			while (++i < argc)
				inputs[n_inputs++] = argv[i];
		} else if (cli_is_help(a)) {
			free(inputs);
			return cli_print_help("scan");
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			c->quiet = 1;
		} else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) {
			c->verbose = 1;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			NEED_ARG();
			o.out_dir = argv[++i];
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			NEED_ARG();
			o.reader.format = argv[++i];
		} else if (!strcmp(a, "--field")) {
			NEED_ARG();
			if (reader_opts_set_field(&o.reader, argv[++i], &err) < 0) {
				free(inputs);
				return cli_usage_error(c, "scan", "%s", err.msg);
			}
		} else if (!strcmp(a, "--platform")) {
			NEED_ARG();
			o.reader.default_platform = argv[++i];
		} else if (!strcmp(a, "--default-region")) {
			NEED_ARG();
			o.extract.default_region = argv[++i];
		} else if (!strcmp(a, "--max-record-bytes")) {
			NEED_ARG();
			if (parse_size(argv[++i], &o.reader.max_record_bytes) < 0) {
				free(inputs);
				return cli_usage_error(c, "scan", "bad size '%s'", argv[i]);
			}
		} else if (!strcmp(a, "--model")) {
			NEED_ARG();
			o.model_path = argv[++i];
		} else if (!strcmp(a, "--threshold")) {
			NEED_ARG();
			if (parse_double(argv[++i], 0.0, 1.0, &o.threshold) < 0) {
				free(inputs);
				return cli_usage_error(c, "scan", "threshold must be in [0, 1], not '%s'", argv[i]);
			}
		} else if (!strcmp(a, "--no-report")) {
			o.no_report = 1;
		} else if (!strcmp(a, "--redact")) {
			redact = 1;
		} else if (!strcmp(a, "--redact-key")) {
			NEED_ARG();
			redact_key = argv[++i];
		} else if (!strcmp(a, "-j") || !strcmp(a, "--threads")) {
			double v;
			NEED_ARG();
			if (parse_double(argv[++i], 1, 64, &v) < 0 || v != (int)v) {
				free(inputs);
				return cli_usage_error(c, "scan", "threads must be 1..64, not '%s'", argv[i]);
			}
			o.threads = (int)v;
		} else if (!strcmp(a, "--no-ocr")) {
			o.no_ocr = 1;
		} else if (!strcmp(a, "--ocr-langs")) {
			NEED_ARG();
			o.ocr.langs = argv[++i];
		} else {
			free(inputs);
			return cli_usage_error(c, "scan", "unknown option '%s'", a);
		}
	}
#undef NEED_ARG
	if (!o.out_dir) {
		free(inputs);
		return cli_usage_error(c, "scan", "no output directory (use -o DIR)");
	}
	if (redact != (redact_key != NULL)) {
		free(inputs);
		return cli_usage_error(c, "scan", redact ? "--redact needs --redact-key FILE"
							 : "--redact-key needs --redact");
	}
	if (o.extract.default_region && strlen(o.extract.default_region) != 2) {
		free(inputs);
		return cli_usage_error(c, "scan", "--default-region takes a two-letter country code");
	}
	if (n_inputs == 0) {
		if (isatty(STDIN_FILENO)) {
			free(inputs);
			return cli_usage_error(c, "scan", "no input (give files, or '-' for standard input)");
		}
		free(inputs);
		inputs = NULL;
	}
	if (check_inputs(c, inputs ? inputs : stdin_only, inputs ? n_inputs : 1) < 0) {
		free(inputs);
		return EXIT_FAIL;
	}
	if (redact) {
		red = malloc(sizeof(*red));
		if (!red) {
			free(inputs);
			cli_error(c, "out of memory");
			return EXIT_FAIL;
		}
		if (redactor_load(red, redact_key, &err) < 0) {
			free(red);
			free(inputs);
			return cli_usage_error(c, "scan", "%s", err.msg);
		}
		o.redact = red;
	}
	argv_line(cmdline, sizeof(cmdline), argc, argv);
	o.argv_line = cmdline;
	o.on_reject = on_reject;
	o.on_note = on_note;
	o.progress = on_progress;
	o.cb_ctx = &sc;
	sc.out_dir = o.out_dir;
	sc.show_progress = !c->quiet && isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &sc.t0);

	rc = scan_run(&o, inputs ? inputs : stdin_only, inputs ? n_inputs : 1, &st, &err);
	free(inputs);
	free(red);
	if (rc < 0) {
		if (sc.progress_shown)
			fputc('\n', stderr);
		cli_error_rec(c, &err);
		scan_stats_release(&st);
		return EXIT_FAIL;
	}
	if (sc.n_rejects > MAX_REJECT_MESSAGES && !c->quiet)
		cli_info(c, "... and %ld more rejected records, listed in %s/rejects.jsonl",
			 sc.n_rejects - MAX_REJECT_MESSAGES, o.out_dir);
	cli_info(c, "read %llu, accepted %llu, rejected %llu; flagged %llu; "
		    "%zu clusters, %zu networks; %.2fs (%.0f posts/s) -> %s/",
		 (unsigned long long)st.read, (unsigned long long)st.accepted,
		 (unsigned long long)st.rejected, (unsigned long long)st.flagged,
		 st.clusters, st.networks, st.t_total,
		 st.t_total > 0 ? (double)st.read / st.t_total : 0.0, o.out_dir);
	scan_stats_release(&st);
	return EXIT_OK;
}
