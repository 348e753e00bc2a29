/*
 * atalaya synth: write a labelled synthetic corpus (posts.jsonl and
 * truth.jsonl) into a directory. The generator is src/synth; this file
 * parses options and writes through a large buffer to temporary names that
 * are renamed when complete.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "synth/synth.h"
#include "core/banned.h"

const char synth_usage[] =
	"usage: atalaya synth --posts N [--seed S] [--split train|heldout] [--bad-lines K] -o DIR\n\n"
	"Write a labelled synthetic corpus: DIR/posts.jsonl (id, platform, author,\n"
	"created_at, url, text) and DIR/truth.jsonl (id, label, genre, network,\n"
	"tactics, phones, links, prices, lang), one line each per post, same order.\n"
	"All text is synthetic and all numbers are made up.\n\n"
	"  --posts N        number of posts (required, at most 100000000)\n"
	"  --seed S         seed of the generator (default 1); same options, same bytes\n"
	"  --split NAME     train (default) or heldout: disjoint phrase variants,\n"
	"                   different numbers and accounts\n"
	"  --bad-lines K    also write K malformed lines into posts.jsonl only\n"
	"                   (broken JSON, empty text, invalid UTF-8), default 0\n"
	"  -o, --output DIR output directory (created if missing)\n";

#define FLUSH_BYTES (4u << 20)

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return errno || *end ? -1 : 0;
}

struct out_file {
	char tmp[4096], final[4096];
	FILE *f;
};

static int out_open(struct cli *c, struct out_file *o, const char *dir, const char *name)
{
	if ((size_t)snprintf(o->final, sizeof(o->final), "%s/%s", dir, name) >= sizeof(o->final) ||
	    (size_t)snprintf(o->tmp, sizeof(o->tmp), "%s/.%s.tmp", dir, name) >= sizeof(o->tmp)) {
		cli_error(c, "output path too long");
		return -1;
	}
	o->f = fopen(o->tmp, "wb");
	if (!o->f) {
		cli_error(c, "cannot open '%s': %s", o->tmp, strerror(errno));
		return -1;
	}
	return 0;
}

static int out_write(struct cli *c, struct out_file *o, struct buf *b)
{
	if (b->len && fwrite(b->p, 1, b->len, o->f) != b->len) {
		cli_error(c, "cannot write '%s': %s", o->tmp, strerror(errno));
		return -1;
	}
	buf_reset(b);
	return 0;
}

static int out_close(struct cli *c, struct out_file *o, int ok)
{
	int rc = 0;

	if (!o->f)
		return 0;
	if (fclose(o->f) != 0 && ok) {
		cli_error(c, "cannot write '%s': %s", o->tmp, strerror(errno));
		rc = -1;
	}
	o->f = NULL;
	if (ok && rc == 0 && rename(o->tmp, o->final) != 0) {
		cli_error(c, "cannot rename '%s': %s", o->tmp, strerror(errno));
		rc = -1;
	}
	if (!ok || rc < 0)
		remove(o->tmp);
	return rc;
}

int cmd_synth(struct cli *c, int argc, char **argv)
{
	struct synth_opts o = { 0, 1, SYNTH_TRAIN, 0 };
	struct atl_err err = ATL_ERR_INIT;
	struct synth *s = NULL;
	struct buf posts = BUF_INIT(FLUSH_BYTES * 4), truth = BUF_INIT(FLUSH_BYTES * 4);
	struct out_file fp = { .f = NULL }, ft = { .f = NULL };
	struct synth_stats st;
	const char *dir = NULL;
	int have_posts = 0, rc = EXIT_FAIL, r;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (cli_is_help(a))
			return cli_print_help("synth");
		if (!strcmp(a, "--posts")) {
			if (parse_u64(v, &o.n_posts) < 0 || o.n_posts > SYNTH_MAX_POSTS)
				return cli_usage_error(c, "synth", "--posts needs a number up to %llu",
						       SYNTH_MAX_POSTS);
			have_posts = 1;
		} else if (!strcmp(a, "--seed")) {
			if (parse_u64(v, &o.seed) < 0)
				return cli_usage_error(c, "synth", "--seed needs a non-negative number");
		} else if (!strcmp(a, "--bad-lines")) {
			if (parse_u64(v, &o.n_bad_lines) < 0 || o.n_bad_lines > SYNTH_MAX_POSTS)
				return cli_usage_error(c, "synth", "--bad-lines needs a number up to %llu",
						       SYNTH_MAX_POSTS);
		} else if (!strcmp(a, "--split")) {
			if (v && !strcmp(v, "train"))
				o.split = SYNTH_TRAIN;
			else if (v && !strcmp(v, "heldout"))
				o.split = SYNTH_HELDOUT;
			else
				return cli_usage_error(c, "synth", "--split is train or heldout");
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (!v || !*v)
				return cli_usage_error(c, "synth", "%s needs a directory", a);
			dir = v;
		} else {
			return cli_usage_error(c, "synth", "unknown option '%s'", a);
		}
		i++;
	}
	if (!have_posts)
		return cli_usage_error(c, "synth", "--posts is required");
	if (!dir)
		return cli_usage_error(c, "synth", "-o DIR is required");
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		cli_error(c, "cannot create '%s': %s", dir, strerror(errno));
		return EXIT_FAIL;
	}
	if (synth_new(&s, &o, &err) < 0) {
		cli_error_rec(c, &err);
		return EXIT_FAIL;
	}
	if (out_open(c, &fp, dir, "posts.jsonl") < 0 || out_open(c, &ft, dir, "truth.jsonl") < 0)
		goto out;
	while ((r = synth_next(s, &posts, &truth, &err)) > 0) {
		if (posts.len >= FLUSH_BYTES && out_write(c, &fp, &posts) < 0)
			goto out;
		if (truth.len >= FLUSH_BYTES && out_write(c, &ft, &truth) < 0)
			goto out;
	}
	if (r < 0) {
		cli_error_rec(c, &err);
		goto out;
	}
	if (out_write(c, &fp, &posts) < 0 || out_write(c, &ft, &truth) < 0)
		goto out;
	rc = EXIT_OK;
out:
	if (out_close(c, &fp, rc == EXIT_OK) < 0)
		rc = EXIT_FAIL;
	if (out_close(c, &ft, rc == EXIT_OK) < 0)
		rc = EXIT_FAIL;
	if (rc == EXIT_OK) {
		synth_get_stats(s, &st);
		cli_info(c, "wrote %" PRIu64 " posts (%" PRIu64 " smuggling in %" PRIu64
			    " networks) and %" PRIu64 " malformed lines to %s",
			 st.n_posts, st.n_smuggling, st.n_networks, st.n_bad_lines, dir);
	}
	synth_free(s);
	buf_release(&posts);
	buf_release(&truth);
	return rc;
}
