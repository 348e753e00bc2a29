/*
 * atalaya train: fit the detector's model on labelled posts.
 *
 * Features are computed exactly as scan computes them (normalise, extract,
 * tactic patterns), one post at a time in a reset arena, and kept as compact
 * sparse vectors; about one id in ten (by hash of the id) is held back to
 * fit the calibration and choose the threshold. Same input, same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/arena.h"
#include "core/buf.h"
#include "detect/detect.h"
#include "detect/model.h"
#include "detect/labeled.h"
#include "core/banned.h"

const char train_usage[] =
	"usage: atalaya train <labeled.jsonl> [--truth <file>] -o <model>\n"
	"                     [--l2 <x>] [--epochs <n>] [--eta <x>] [--seed <n>]\n"
	"                     [--dropout <x>]\n\n"
	"Train the smuggling detector on labelled posts. Labels come from a\n"
	"\"label\" field (\"smuggling\" or \"benign\") or from --truth, a JSON Lines\n"
	"file of {\"id\", \"label\"} joined by id. One group in ten (by hash of the\n"
	"\"cluster\" field when posts or truth have one, else of the id) is held\n"
	"back to calibrate the score and pick the F1-maximising threshold.\n\n"
	"  -o <model>     where to write the model (written atomically)\n"
	"  --l2 <x>       L2 penalty per update (default 1e-6)\n"
	"  --epochs <n>   passes over the data (default 8)\n"
	"  --eta <x>      AdaGrad step (default 0.2)\n"
	"  --seed <n>     shuffling and dropout seed (default 1)\n"
	"  --dropout <x>  dropout of hashed n-gram features (default 0.5)\n";

int cli_parse_double(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return errno || end == s || *end ? -1 : 0;
}

int cli_parse_long(const char *s, long *out)
{
	char *end;

	errno = 0;
	*out = strtol(s, &end, 10);
	return errno || end == s || *end ? -1 : 0;
}

int cli_write_file(const char *path, const void *data, size_t n, struct atl_err *err)
{
	char tmp[4096];
	FILE *f;
	int ok;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return atl_err_set(err, ATL_EINVAL, "path too long: '%s'", path);
	f = fopen(tmp, "wb");
	if (!f)
		return atl_err_set(err, ATL_EIO, "cannot open '%s': %s", tmp, strerror(errno));
	ok = fwrite(data, 1, n, f) == n;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp, path) != 0) {
		remove(tmp);
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", path, strerror(errno));
	}
	return 0;
}

/* Compute and keep the features of every post. */
static int featurize(const struct labeled_set *set, struct fvec *x, struct atl_err *err)
{
	struct detector *d = NULL;
	struct detect_scratch *s = NULL;
	struct arena a = ARENA_INIT(1 << 20);
	uint32_t *idx = malloc(MODEL_FVEC_CAP * sizeof(*idx));
	float *val = malloc(MODEL_FVEC_CAP * sizeof(*val));
	int rc;

	rc = detector_new_untrained(&d, err);
	if (rc < 0)
		goto out;
	if (!idx || !val || detect_scratch_new(d, &s) < 0) {
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < set->n; i++) {
		struct fvec f = { idx, val, 0, MODEL_FVEC_CAP };
		struct norm_text nt;
		struct indicator_list ind;

		arena_reset(&a);
		rc = labeled_prepare(&set->v[i], &a, &nt, &ind);
		if (rc == 0)
			rc = detect_features(d, s, &nt, &ind, &f, NULL);
		if (rc < 0) {
			atl_err_set(err, rc, "post '%s': %s", set->v[i].id, atl_code_str(rc));
			goto out;
		}
		x[i].idx = malloc((f.n ? f.n : 1) * sizeof(uint32_t));
		x[i].val = malloc((f.n ? f.n : 1) * sizeof(float));
		if (!x[i].idx || !x[i].val) {
			rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
			goto out;
		}
		memcpy(x[i].idx, idx, f.n * sizeof(uint32_t));
		memcpy(x[i].val, val, f.n * sizeof(float));
		x[i].n = x[i].cap = f.n;
	}
out:
	arena_release(&a);
	detect_scratch_free(s);
	detector_free(d);
	free(idx);
	free(val);
	return rc;
}

int cmd_train(struct cli *c, int argc, char **argv)
{
	const char *in = NULL, *truth = NULL, *out_path = NULL;
	struct train_opts o = { 0, 0, 0, 0, -1 };
	struct labeled_set set = LABELED_SET_INIT;
	struct atl_err err = ATL_ERR_INIT;
	struct buf bytes = BUF_INIT(1u << 28);
	struct model *m = NULL;
	struct fvec *x = NULL;
	uint8_t *y = NULL, *is_val = NULL;
	struct pr_point val;
	size_t n_pos = 0, n_val = 0;
	int rc = EXIT_FAIL;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		double dv;
		long lv;

		if ((!strcmp(a, "-o") || !strcmp(a, "--truth") || !strcmp(a, "--l2") ||
		     !strcmp(a, "--epochs") || !strcmp(a, "--eta") || !strcmp(a, "--seed") ||
		     !strcmp(a, "--dropout")) &&
		    i + 1 >= argc)
			return cli_usage_error(c, "train", "option '%s' needs a value", a);
		if (!strcmp(a, "-o"))
			out_path = argv[++i];
		else if (!strcmp(a, "--truth"))
			truth = argv[++i];
		else if (!strcmp(a, "--dropout")) {
			if (cli_parse_double(argv[i + 1], &o.dropout) < 0 || o.dropout < 0 ||
			    o.dropout >= 1)
				return cli_usage_error(c, "train", "bad value for %s: '%s'", a, argv[i + 1]);
			i++;
		} else if (!strcmp(a, "--l2") || !strcmp(a, "--eta")) {
			if (cli_parse_double(argv[i + 1], &dv) < 0 || dv <= 0)
				return cli_usage_error(c, "train", "bad value for %s: '%s'", a, argv[i + 1]);
			*(!strcmp(a, "--l2") ? &o.l2 : &o.eta) = dv;
			i++;
		} else if (!strcmp(a, "--epochs") || !strcmp(a, "--seed")) {
			if (cli_parse_long(argv[i + 1], &lv) < 0 || lv <= 0 ||
			    (!strcmp(a, "--epochs") && lv > 1000))
				return cli_usage_error(c, "train", "bad value for %s: '%s'", a, argv[i + 1]);
			if (!strcmp(a, "--epochs"))
				o.epochs = (int)lv;
			else
				o.seed = (uint64_t)lv;
			i++;
		} else if (a[0] == '-' && a[1])
			return cli_usage_error(c, "train", "unknown option '%s'", a);
		else if (!in)
			in = a;
		else
			return cli_usage_error(c, "train", "more than one input");
	}
	if (!in || !out_path)
		return cli_usage_error(c, "train", "need an input and -o <model>");

	if (labeled_read(&set, in, truth, &err) < 0) {
		cli_error_rec(c, &err);
		goto out;
	}
	if (set.n_bad || set.n_unlabeled)
		cli_warn(c, "%s: skipped %zu bad lines and %zu unlabelled posts", in,
			 set.n_bad, set.n_unlabeled);
	x = calloc(set.n ? set.n : 1, sizeof(*x));
	y = malloc(set.n ? set.n : 1);
	is_val = malloc(set.n ? set.n : 1);
	m = model_new(DETECT_FEATURE_VERSION);
	if (!x || !y || !is_val || !m) {
		cli_error(c, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < set.n; i++) {
		const char *g = set.v[i].group[0] ? set.v[i].group : set.v[i].id;

		y[i] = set.v[i].label;
		is_val[i] = (uint8_t)model_is_validation(g, strlen(g));
		n_pos += y[i];
		n_val += is_val[i];
	}
	if (featurize(&set, x, &err) < 0 ||
	    model_train(m, x, y, is_val, set.n, &o, &val, &err) < 0 ||
	    model_save(m, &bytes) < 0 ||
	    cli_write_file(out_path, bytes.p, bytes.len, &err) < 0) {
		if (buf_error(&bytes))
			atl_err_set(&err, buf_error(&bytes), "cannot serialise the model");
		cli_error_rec(c, &err);
		goto out;
	}
	cli_info(c, "trained on %zu posts (%zu smuggling), %zu held back: threshold %.4f, "
		 "validation precision %.4f recall %.4f F1 %.4f", set.n - n_val, n_pos, n_val,
		 (double)m->threshold, val.precision, val.recall, val.f1);
	rc = EXIT_OK;
out:
	for (size_t i = 0; x && i < set.n; i++) {
		free(x[i].idx);
		free(x[i].val);
	}
	free(x);
	free(y);
	free(is_val);
	model_free(m);
	buf_release(&bytes);
	labeled_release(&set);
	return rc;
}
