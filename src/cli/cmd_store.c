/*
 * atalaya ingest | query | networks | report | watch: the case database.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "pipeline/ingest.h"
#include "store/store.h"
#include "store/value.h"
#include "text/normalize.h"
#include "core/banned.h"

const char ingest_usage[] =
	"usage: atalaya ingest --db CASE.db [options] INPUT...\n"
	"\n"
	"Add posts to a case database (created if missing): the same readers,\n"
	"extraction and detection as scan. Posts already stored (same platform,\n"
	"id and text) are skipped; a changed text is stored as a new version.\n"
	"Then every post is relinked: networks keep their ids (N12) as they grow,\n"
	"and a network absorbed by another is recorded in the merge history.\n"
	"New posts matching a watched value or network raise alerts.\n"
	"\n"
	"options:\n"
	"      --db FILE           the case database\n"
	"      --alerts FILE       append alerts as JSON Lines to FILE\n"
	"  -f, --format FMT        force the input format (see scan)\n"
	"      --field NAME=SRC    read field NAME from SRC (see scan)\n"
	"      --platform NAME     platform for records that name none\n"
	"      --default-region CC country for numbers without a country code\n"
	"      --model FILE        detector model (default: built-in)\n"
	"      --threshold X       flag posts with score >= X\n"
	"  -j, --threads N         worker threads (default: number of cores)\n"
	"      --batch N           posts per transaction (default 8192)\n"
	"      --no-ocr            do not read text inside images\n"
	"      --ocr-langs L       Tesseract languages (default spa+eng+por+fra)\n"
	"  -q, --quiet             print only errors\n"
	"\n"
	"Images are recognised once ever: the text read from an image is kept in\n"
	"the database by the image's content (and the OCR engine, languages and\n"
	"settings), so the same image in a later ingest, under any name, is not\n"
	"read again.\n";

const char query_usage[] =
	"usage: atalaya query --db CASE.db [--json] [--limit N] KIND:VALUE\n"
	"\n"
	"Posts matching phone:+5215512345678, link:wa.me/..., url:..., domain:...,\n"
	"handle:@x, email:..., place:..., author:NAME, network:N12 or\n"
	"text:\"pago al llegar\" (a phrase in the normalised text). Values are\n"
	"canonicalised as extraction does. A table on a terminal; JSON Lines\n"
	"(posts.jsonl lines) with --json or when standard output is not a terminal.\n";

const char networks_usage[] =
	"usage: atalaya networks --db CASE.db [--json]\n"
	"\n"
	"List the networks (as networks.jsonl, most risky first).\n";

const char store_report_usage[] =
	"usage: atalaya report --db CASE.db -o DIR\n"
	"\n"
	"Write DIR/posts.jsonl, DIR/networks.jsonl and DIR/summary.json from the\n"
	"database, as scan writes them (network ids are the stable N ids; posts in\n"
	"ingest order). summary.json holds what the database knows: accepted,\n"
	"flagged, indicators, clusters, networks, ingests and merges (no per-input\n"
	"details or timings).\n";

const char watch_usage[] =
	"usage: atalaya watch add|rm --db CASE.db KIND:VALUE...\n"
	"       atalaya watch list --db CASE.db\n"
	"       atalaya watch import --db CASE.db BUNDLE.json\n"
	"\n"
	"Keep a watchlist of indicators (phone:, link:, url:, domain:, handle:,\n"
	"email:), authors (author:) and networks (network:N3). Each new post\n"
	"that matches one raises an alert during ingest. import reads a STIX 2.1\n"
	"bundle (indicator patterns and observables).\n";

struct args {
	const char *db, *out, *alerts;
	int json, json_set;
	long limit;
	char **rest;
	size_t n_rest;
};

/* Options shared by the database commands; ingest's own go to extra. */
typedef int extra_fn(void *ctx, int argc, char **argv, int *i);

static int parse_args(struct cli *c, const char *cmd, int argc, char **argv, struct args *a,
		      extra_fn *extra, void *ctx)
{
	memset(a, 0, sizeof(*a));
	a->rest = calloc((size_t)argc + 1, sizeof(*a->rest));
	if (!a->rest) {
		cli_error(c, "out of memory");
		return EXIT_FAIL;
	}
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		int need = !strcmp(s, "--db") || !strcmp(s, "-o") || !strcmp(s, "--output") ||
			   !strcmp(s, "--limit") || !strcmp(s, "--alerts");
		if (need && i + 1 >= argc)
			return cli_usage_error(c, cmd, "option '%s' needs a value", s);
		if (s[0] != '-' || !strcmp(s, "-")) {
			a->rest[a->n_rest++] = argv[i];
		} else if (cli_is_help(s)) {
			return cli_print_help(cmd) == EXIT_OK ? -1 : EXIT_USAGE;
		} else if (!strcmp(s, "-q") || !strcmp(s, "--quiet")) {
			c->quiet = 1;
		} else if (!strcmp(s, "-v") || !strcmp(s, "--verbose")) {
			c->verbose = 1;
		} else if (!strcmp(s, "--db")) {
			a->db = argv[++i];
		} else if (!strcmp(s, "-o") || !strcmp(s, "--output")) {
			a->out = argv[++i];
		} else if (!strcmp(s, "--alerts")) {
			a->alerts = argv[++i];
		} else if (!strcmp(s, "--json")) {
			a->json = a->json_set = 1;
		} else if (!strcmp(s, "--limit")) {
			if (cli_parse_long(argv[++i], &a->limit) < 0 || a->limit < 0)
				return cli_usage_error(c, cmd, "bad limit '%s'", argv[i]);
		} else {
			int rc = extra ? extra(ctx, argc, argv, &i) : 1;
			if (rc == 1)
				return cli_usage_error(c, cmd, "unknown option '%s'", s);
			if (rc < 0)
				return cli_usage_error(c, cmd, "bad value for '%s'", s);
		}
	}
	if (!a->db)
		return cli_usage_error(c, cmd, "no database (use --db FILE)");
	return 0;
}

static void args_release(struct args *a)
{
	free(a->rest);
}

/* Open a database; only ingest and watch create one. */
static int open_db(struct cli *c, const char *path, struct store **s)
{
	struct atl_err err = ATL_ERR_INIT;
	struct stat sb;

	if (stat(path, &sb) != 0) {
		cli_error(c, "cannot open database '%s': %s", path, strerror(errno));
		return -1;
	}
	if (store_open(s, path, &err) < 0) {
		cli_error_rec(c, &err);
		return -1;
	}
	return 0;
}

/* Parse the options and open the database: 0, or the exit status to return
 * (a released), with -1 for "help printed". */
static int db_command(struct cli *c, const char *cmd, int argc, char **argv, struct args *a,
		      struct store **s)
{
	int rc = parse_args(c, cmd, argc, argv, a, NULL, NULL);

	if (rc == 0 && open_db(c, a->db, s) < 0)
		rc = EXIT_FAIL;
	if (rc != 0)
		args_release(a);
	return rc;
}

/* A stored posts.jsonl line with its network filled in. */
static int put_line(FILE *f, const char *line, size_t len, uint32_t net)
{
	static const char suffix[] = "\"cluster\":null}";
	size_t sl = sizeof(suffix) - 1;

	if (net && len >= sl && !memcmp(line + len - sl, suffix, sl)) {
		if (fwrite(line, 1, len - sl, f) != len - sl)
			return -1;
		return fprintf(f, "\"cluster\":\"N%u\"}\n", net) < 0 ? -1 : 0;
	}
	if (fwrite(line, 1, len, f) != len || fputc('\n', f) == EOF)
		return -1;
	return 0;
}

/* ---- ingest ------------------------------------------------------------------- */

static int ingest_extra(void *ctx, int argc, char **argv, int *i)
{
	struct ingest_opts *o = ctx;
	const char *s = argv[*i];
	struct atl_err err = ATL_ERR_INIT;
	double d;
	long l;

	if (!strcmp(s, "--no-ocr")) {
		o->scan.no_ocr = 1;
		return 0;
	}
	if (*i + 1 >= argc)
		return 1;
	if (!strcmp(s, "--ocr-langs"))
		o->scan.ocr.langs = argv[++*i];
	else if (!strcmp(s, "-f") || !strcmp(s, "--format"))
		o->scan.reader.format = argv[++*i];
	else if (!strcmp(s, "--field"))
		return reader_opts_set_field(&o->scan.reader, argv[++*i], &err) < 0 ? -1 : 0;
	else if (!strcmp(s, "--platform"))
		o->scan.reader.default_platform = argv[++*i];
	else if (!strcmp(s, "--default-region"))
		o->scan.extract.default_region = argv[++*i];
	else if (!strcmp(s, "--model"))
		o->scan.model_path = argv[++*i];
	else if (!strcmp(s, "--threshold")) {
		if (cli_parse_double(argv[++*i], &d) < 0 || d < 0 || d > 1)
			return -1;
		o->scan.threshold = d;
	} else if (!strcmp(s, "-j") || !strcmp(s, "--threads")) {
		if (cli_parse_long(argv[++*i], &l) < 0 || l < 1 || l > 64)
			return -1;
		o->scan.threads = (int)l;
	} else if (!strcmp(s, "--batch")) {
		if (cli_parse_long(argv[++*i], &l) < 0 || l < 1 || l > 1000000)
			return -1;
		o->scan.batch_records = (size_t)l;
	} else
		return 1;
	return 0;
}

static void on_alert(void *ctx, const struct store_alert *a, const char *line)
{
	struct cli *c = ctx;

	(void)line;
	if (!c->quiet)
		fprintf(stderr, "atalaya: ALERT %s:%s in post %s (%s%s%s)\n",
			value_kind_name(a->kind), a->value, a->post.id ? a->post.id : "?",
			a->post.platform ? a->post.platform : "", a->post.author ? ", " : "",
			a->post.author ? a->post.author : "");
}

int cmd_ingest(struct cli *c, int argc, char **argv)
{
	struct ingest_opts o;
	struct ingest_stats st;
	struct args a;
	struct atl_err err = ATL_ERR_INIT;
	int rc;

	memset(&o, 0, sizeof(o));
	o.scan.threshold = -1;
	o.scan.link.network_threshold = -1;
	rc = parse_args(c, "ingest", argc, argv, &a, ingest_extra, &o);
	if (rc != 0) {
		args_release(&a);
		return rc < 0 ? EXIT_OK : rc;
	}
	if (a.n_rest == 0) {
		args_release(&a);
		return cli_usage_error(c, "ingest", "no input");
	}
	o.db_path = a.db;
	o.alerts_path = a.alerts;
	o.on_alert = on_alert;
	o.alert_ctx = c;
	rc = ingest_run(&o, a.rest, a.n_rest, &st, &err);
	args_release(&a);
	if (rc < 0) {
		cli_error_rec(c, &err);
		ingest_stats_release(&st);
		return EXIT_FAIL;
	}
	cli_info(c, "read %llu, rejected %llu; %llu new posts, %llu already stored; "
		    "%llu posts in %llu networks (%llu merges), %llu alerts; %.2fs "
		    "(store %.2fs; relink %.2fs: load %.2fs, link %.2fs, write %.2fs)",
		 (unsigned long long)st.scan.read, (unsigned long long)st.scan.rejected,
		 (unsigned long long)st.added, (unsigned long long)st.already,
		 (unsigned long long)st.total_posts, (unsigned long long)st.networks,
		 (unsigned long long)st.merges, (unsigned long long)st.alerts, st.t_total,
		 st.t_store, st.t_relink_load + st.t_relink_finish + st.t_relink_write,
		 st.t_relink_load, st.t_relink_finish, st.t_relink_write);
	if (st.scan.ocr_enabled)
		cli_info(c, "images: %llu read (%llu recognised, %llu repeated in this ingest, "
			    "%llu known from the database), %llu failed, %llu refused",
			 (unsigned long long)st.scan.images_read,
			 (unsigned long long)st.scan.images_recognised,
			 (unsigned long long)st.scan.images_from_run,
			 (unsigned long long)st.scan.images_from_store,
			 (unsigned long long)st.scan.images_failed,
			 (unsigned long long)st.scan.images_rejected);
	ingest_stats_release(&st);
	return EXIT_OK;
}

/* ---- query -------------------------------------------------------------------- */

static void cell(const char *s, int width)
{
	int n = 0;

	for (; s && *s && *s != '\n' && n < width; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch < 0x20)
			ch = ' ';
		if ((ch & 0xC0) != 0x80)
			n++;
		if (n > width)
			break;
		putchar(ch);
	}
	for (; n < width; n++)
		putchar(' ');
	putchar(' ');
}

static int print_row(void *ctx, const struct store_row *r, struct atl_err *err)
{
	const struct args *a = ctx;
	char net[16] = "-", score[16];

	(void)err;
	if (a->json)
		return put_line(stdout, r->line, r->line_len, r->net) < 0 ? ATL_EIO : 0;
	if (r->net)
		snprintf(net, sizeof(net), "N%u", r->net);
	snprintf(score, sizeof(score), "%.3f%s", r->score, r->flagged ? "*" : "");
	cell(r->id, 14);
	cell(r->platform, 9);
	cell(r->author, 16);
	cell(r->created_at, 20);
	cell(net, 6);
	cell(score, 7);
	cell(r->text, 70);
	putchar('\n');
	return 0;
}

static int fts_phrase(const char *text, char *out, size_t cap)
{
	struct arena ar;
	struct norm_text nt;
	size_t o = 0;
	int rc;

	arena_init(&ar, 64 << 10);
	rc = normalize_text(&nt, text, strlen(text), &ar);
	if (rc == 0 && nt.len * 2 + 3 < cap) {
		out[o++] = '"';
		for (size_t i = 0; i < nt.len; i++) {
			if (nt.s[i] == '"')
				out[o++] = '"';
			out[o++] = nt.s[i];
		}
		out[o++] = '"';
		out[o] = '\0';
	} else {
		rc = -1;
	}
	arena_release(&ar);
	return rc;
}

static double ms_between(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

int cmd_query(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct store *s = NULL;
	struct value v;
	struct atl_err err = ATL_ERR_INIT;
	char phrase[2 * VALUE_MAX + 4];
	enum store_query_kind k;
	struct timespec t0, t1, c0, c1;
	const char *qv = v.v;
	int rc = parse_args(c, "query", argc, argv, &a, NULL, NULL);

	if (rc != 0) {
		args_release(&a);
		return rc < 0 ? EXIT_OK : rc;
	}
	if (a.n_rest != 1) {
		args_release(&a);
		return cli_usage_error(c, "query", "give one KIND:VALUE");
	}
	if (value_parse(&v, a.rest[0], &err) < 0) {
		args_release(&a);
		return cli_usage_error(c, "query", "%s", err.msg);
	}
	if (!a.json_set)
		a.json = !isatty(STDOUT_FILENO);
	k = v.kind == VALUE_KIND_TEXT ? SQ_TEXT : v.kind == STORE_KIND_NETWORK ? SQ_NETWORK :
	    v.kind == STORE_KIND_AUTHOR ? SQ_AUTHOR : SQ_INDICATOR;
	if (k == SQ_NETWORK)
		qv = v.v + 1;	/* "N12" -> "12" */
	if (k == SQ_TEXT) {
		if (fts_phrase(v.v, phrase, sizeof(phrase)) < 0) {
			args_release(&a);
			return cli_usage_error(c, "query", "bad text query");
		}
		qv = phrase;
	}
	if (open_db(c, a.db, &s) < 0) {
		args_release(&a);
		return EXIT_FAIL;
	}
	if (!a.json) {
		printf("%-14s %-9s %-16s %-20s %-6s %-7s %s\n", "ID", "PLATFORM", "AUTHOR",
		       "CREATED", "NET", "SCORE", "TEXT");
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	rc = store_query(s, k, v.kind, qv, (size_t)a.limit, print_row, &a, &err);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc == 0 && c->verbose)
		cli_info(c, "query took %.2f ms (cpu %.2f ms)", ms_between(&t0, &t1), ms_between(&c0, &c1));
	store_close(s);
	args_release(&a);
	if (rc < 0) {
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

/* ---- networks and report --------------------------------------------------------- */

static int print_network(void *ctx, const char *line, size_t len, struct atl_err *err)
{
	FILE *f = ctx;

	(void)err;
	if (fwrite(line, 1, len, f) != len || fputc('\n', f) == EOF)
		return ATL_EIO;
	return 0;
}

int cmd_networks(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	int rc = db_command(c, "networks", argc, argv, &a, &s);

	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	rc = store_each_network(s, print_network, stdout, &err);
	store_close(s);
	args_release(&a);
	if (rc < 0) {
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

struct report_ctx {
	FILE *f;
};

static int report_post(void *ctx, const struct store_row *r, struct atl_err *err)
{
	struct report_ctx *x = ctx;

	(void)err;
	return put_line(x->f, r->line, r->line_len, r->net) < 0 ? ATL_EIO : 0;
}

static int write_via_part(const char *dir, const char *name, struct store *s, int posts,
			  struct atl_err *err)
{
	char path[4096], part[4200];
	struct report_ctx x;
	int rc;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	snprintf(part, sizeof(part), "%s/.%s.part", dir, name);
	x.f = fopen(part, "wb");
	if (!x.f)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", part, strerror(errno));
	setvbuf(x.f, NULL, _IOFBF, 1 << 20);
	rc = posts ? store_query(s, SQ_ALL, 0, NULL, 0, report_post, &x, err)
		   : store_each_network(s, print_network, x.f, err);
	if (ferror(x.f) && rc == 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", part);
	if (fclose(x.f) != 0 && rc == 0)
		rc = atl_err_set(err, ATL_EIO, "cannot write '%s'", part);
	if (rc == 0 && rename(part, path) != 0)
		rc = atl_err_set(err, ATL_EIO, "cannot rename '%s': %s", part, strerror(errno));
	if (rc < 0)
		unlink(part);
	return rc;
}

static int write_summary(const char *dir, struct store *s, struct atl_err *err)
{
	struct store_counts k;
	struct buf b = BUF_INIT(1 << 20);
	char path[4096];
	int first = 1, f = 1;
	int rc = store_counts(s, &k, err);

	if (rc < 0)
		return rc;
	buf_addc(&b, '{');
	json_add_key(&b, &first, "version");
	json_add_cstr(&b, ATL_VERSION);
	json_add_key(&b, &first, "accepted");
	json_add_int(&b, k.posts);
	json_add_key(&b, &first, "indicators");
	buf_addc(&b, '{');
	for (int i = 0; i < IND__N; i++) {
		json_add_key(&b, &f, ind_kind_key((enum ind_kind)i));
		json_add_int(&b, k.indicators[i]);
	}
	buf_addc(&b, '}');
	json_add_key(&b, &first, "flagged");
	json_add_int(&b, k.flagged);
	json_add_key(&b, &first, "clusters");
	json_add_int(&b, k.networks);
	json_add_key(&b, &first, "networks");
	json_add_int(&b, k.flagged_networks);
	json_add_key(&b, &first, "ingests");
	json_add_int(&b, k.ingests);
	json_add_key(&b, &first, "merges");
	json_add_int(&b, k.merges);
	buf_add(&b, "}\n", 2);
	snprintf(path, sizeof(path), "%s/summary.json", dir);
	rc = buf_error(&b) ? atl_err_set(err, ATL_ENOMEM, "out of memory")
			   : cli_write_file(path, b.p, b.len, err);
	buf_release(&b);
	return rc;
}

int store_report_main(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	int rc = db_command(c, "report", argc, argv, &a, &s);

	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	if (!a.out || (mkdir(a.out, 0777) != 0 && errno != EEXIST)) {
		if (a.out)
			cli_error(c, "cannot create '%s': %s", a.out, strerror(errno));
		store_close(s);
		args_release(&a);
		return a.out ? EXIT_FAIL : cli_usage_error(c, "report", "no output directory (use -o DIR)");
	}
	rc = write_via_part(a.out, "posts.jsonl", s, 1, &err);
	if (rc == 0)
		rc = write_via_part(a.out, "networks.jsonl", s, 0, &err);
	if (rc == 0)
		rc = write_summary(a.out, s, &err);
	store_close(s);
	if (rc < 0) {
		cli_error_rec(c, &err);
		args_release(&a);
		return EXIT_FAIL;
	}
	cli_info(c, "wrote %s/posts.jsonl, networks.jsonl, summary.json", a.out);
	args_release(&a);
	return EXIT_OK;
}

/* ---- watch ------------------------------------------------------------------------ */

static int print_watch(void *ctx, int kind, const char *value, const char *note,
		       struct atl_err *err)
{
	(void)ctx;
	(void)err;
	if (printf("%s:%s%s%s\n", value_kind_name(kind), value, note ? "\t" : "",
		   note ? note : "") < 0)
		return ATL_EIO;
	return 0;
}

struct import_ctx {
	struct store *s;
	struct atl_err *err;
	long added;
};

static int import_one(void *ctx, const struct value *v, const char *note)
{
	struct import_ctx *x = ctx;
	int changed = 0;
	int rc = store_watch_add(x->s, v->kind, v->v, note, &changed, x->err);

	x->added += changed;
	return rc;
}

static int watch_import(struct cli *c, struct store *s, const char *path, struct atl_err *err)
{
	FILE *f = fopen(path, "rb");
	struct buf b = BUF_INIT((size_t)256 << 20);
	struct import_ctx x = { s, err, 0 };
	char tmp[65536];
	size_t n;
	int rc;

	if (!f)
		return atl_err_set(err, ATL_EIO, "cannot open '%s': %s", path, strerror(errno));
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		buf_add(&b, tmp, n);
	rc = ferror(f) ? atl_err_set(err, ATL_EIO, "cannot read '%s'", path) : 0;
	fclose(f);
	if (rc == 0 && buf_error(&b))
		rc = atl_err_set(err, ATL_ETOOBIG, "'%s' is too large", path);
	if (rc == 0)
		rc = store_begin(s, err);
	if (rc == 0) {
		rc = value_from_stix(buf_cstr(&b), b.len, import_one, &x, err);
		if (rc >= 0) {
			cli_info(c, "%d indicators in '%s', %ld new on the watchlist", rc, path,
				 x.added);
			rc = store_commit(s, err);
		} else {
			store_rollback(s);
		}
	}
	buf_release(&b);
	return rc;
}

int cmd_watch(struct cli *c, int argc, char **argv)
{
	struct args a;
	struct store *s = NULL;
	struct atl_err err = ATL_ERR_INIT;
	const char *verb = argc >= 2 ? argv[1] : "";
	int rc;

	if (cli_is_help(verb))
		return cli_print_help("watch");
	if (strcmp(verb, "add") && strcmp(verb, "rm") && strcmp(verb, "list") &&
	    strcmp(verb, "import"))
		return cli_usage_error(c, "watch", "want add, rm, list or import");
	rc = parse_args(c, "watch", argc - 1, argv + 1, &a, NULL, NULL);
	if (rc != 0) {
		args_release(&a);
		return rc < 0 ? EXIT_OK : rc;
	}
	if (!strcmp(verb, "list") ? a.n_rest != 0 : a.n_rest == 0) {
		args_release(&a);
		return cli_usage_error(c, "watch", "wrong number of values");
	}
	for (size_t i = 0; !strcmp(verb, "add") || !strcmp(verb, "rm") ? i < a.n_rest : 0; i++) {
		struct value v;
		if (value_parse(&v, a.rest[i], &err) < 0 || v.kind == VALUE_KIND_TEXT) {
			args_release(&a);
			return cli_usage_error(c, "watch", "%s", err.msg[0] ? err.msg :
					       "text: cannot be watched");
		}
	}
	if (store_open(&s, a.db, &err) < 0) {
		cli_error_rec(c, &err);
		args_release(&a);
		return EXIT_FAIL;
	}
	if (!strcmp(verb, "list")) {
		rc = store_watch_each(s, print_watch, NULL, &err);
	} else if (!strcmp(verb, "import")) {
		rc = 0;
		for (size_t i = 0; i < a.n_rest && rc == 0; i++)
			rc = watch_import(c, s, a.rest[i], &err);
	} else {
		rc = store_begin(s, &err);
		for (size_t i = 0; i < a.n_rest && rc == 0; i++) {
			struct value v;
			int changed = 0;
			value_parse(&v, a.rest[i], &err);
			rc = !strcmp(verb, "add") ? store_watch_add(s, v.kind, v.v, NULL, &changed, &err)
						  : store_watch_rm(s, v.kind, v.v, &changed, &err);
			if (rc == 0)
				cli_info(c, "%s %s:%s%s", verb[0] == 'a' ? "watching" : "no longer watching",
					 value_kind_name(v.kind), v.v, changed ? "" : " (no change)");
		}
		if (rc == 0)
			rc = store_commit(s, &err);
		else
			store_rollback(s);
	}
	store_close(s);
	args_release(&a);
	if (rc < 0) {
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
