/*
 * atalaya eval: how well the detector does on labelled posts.
 *
 * Runs the posts through the same steps as scan (normalise, extract,
 * detect) and reports precision, recall, F1 at the detector's threshold,
 * the area under the precision-recall curve, the confusion matrix, the
 * threshold that would have maximised F1, and language-id accuracy when the
 * posts carry a "lang" field. Options are parsed into struct eval_opts and
 * then dispatched on the mode, so other evaluations (e.g. of networks) are
 * one more mode and one more function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "core/arena.h"
#include "detect/detect.h"
#include "detect/model.h"
#include "detect/labeled.h"
#include "core/banned.h"

const char eval_usage[] =
	"usage: atalaya eval <labeled.jsonl> [--truth <file>] [--model <m>]\n"
	"                    [--threshold <x>] [--json] [--errors] [--time]\n\n"
	"Score labelled posts and report precision, recall, F1, AUC-PR, the\n"
	"confusion matrix and the F1-maximising threshold. Labels as for train.\n\n"
	"  --model <m>      model file (default: the built-in model)\n"
	"  --threshold <x>  decision threshold (default: the model's)\n"
	"  --json           one JSON object on standard output\n"
	"  --errors         list misclassified posts (id, label, score, text)\n"
	"  --time           report detect_post time per post (not deterministic)\n"
	"\n"
	"       atalaya eval --networks SCAN_DIR|POSTS.jsonl --truth TRUTH.jsonl\n"
	"                    [--networks-file NETWORKS.jsonl]\n\n"
	"Measure the linker instead: pairwise precision and recall of same-network\n"
	"pairs among smuggling posts, the adjusted Rand index, and the share of\n"
	"benign clusters flagged as networks (see 'atalaya eval --networks --help').\n";

enum eval_mode { EVAL_DETECT };

struct eval_opts {
	enum eval_mode mode;
	const char *in, *truth, *model;
	double threshold;	/* < 0: the model's */
	int json, errors, time;
};

struct eval_counts {
	size_t tp, fp, fn, tn, lang_n, lang_ok, reasonless;
	double us_per_post;
};

static double ratio(double a, double b)
{
	return b > 0 ? a / b : 0;
}

static void print_report(const struct eval_opts *o, const struct detector *d,
			 const struct eval_counts *k, const struct pr_point *best,
			 double auc)
{
	double p = ratio((double)k->tp, (double)(k->tp + k->fp));
	double r = ratio((double)k->tp, (double)(k->tp + k->fn));
	double f1 = ratio(2 * p * r, p + r);
	size_t n = k->tp + k->fp + k->fn + k->tn;

	if (o->json) {
		printf("{\"posts\":%zu,\"positives\":%zu,\"threshold\":%.6f,"
		       "\"precision\":%.6f,\"recall\":%.6f,\"f1\":%.6f,\"auc_pr\":%.6f,"
		       "\"confusion\":{\"tp\":%zu,\"fp\":%zu,\"fn\":%zu,\"tn\":%zu},"
		       "\"best_f1\":{\"threshold\":%.6f,\"precision\":%.6f,\"recall\":%.6f,"
		       "\"f1\":%.6f},\"lang_posts\":%zu,\"lang_accuracy\":%.6f,"
		       "\"flagged_without_reason\":%zu,\"model\":\"%s\"",
		       n, k->tp + k->fn, detector_threshold(d), p, r, f1, auc, k->tp, k->fp,
		       k->fn, k->tn, best->threshold, best->precision, best->recall, best->f1,
		       k->lang_n, ratio((double)k->lang_ok, (double)k->lang_n), k->reasonless,
		       detector_model_id(d));
		if (o->time)
			printf(",\"us_per_post\":%.3f", k->us_per_post);
		printf("}\n");
		return;
	}
	printf("posts      %zu (%zu smuggling, %zu benign)\n", n, k->tp + k->fn, k->fp + k->tn);
	printf("threshold  %.4f\n", detector_threshold(d));
	printf("precision  %.4f\nrecall     %.4f\nF1         %.4f\nAUC-PR     %.4f\n",
	       p, r, f1, auc);
	printf("confusion  tp %zu  fp %zu  fn %zu  tn %zu\n", k->tp, k->fp, k->fn, k->tn);
	printf("best F1    %.4f at threshold %.4f (precision %.4f, recall %.4f)\n",
	       best->f1, best->threshold, best->precision, best->recall);
	if (k->lang_n)
		printf("language   %.4f accuracy on %zu posts with a lang field\n",
		       ratio((double)k->lang_ok, (double)k->lang_n), k->lang_n);
	if (o->time)
		printf("time       %.3f us/post in detect_post\n", k->us_per_post);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int eval_detect(struct cli *c, const struct eval_opts *o)
{
	struct labeled_set set = LABELED_SET_INIT;
	struct atl_err err = ATL_ERR_INIT;
	struct detector *d = NULL;
	struct detect_scratch *s = NULL;
	struct arena a = ARENA_INIT(1 << 20);
	struct eval_counts k;
	struct pr_point best;
	double *score = NULL, auc = 0, t_detect = 0;
	uint8_t *y = NULL;
	int rc = EXIT_FAIL;

	memset(&k, 0, sizeof(k));
	if (labeled_read(&set, o->in, o->truth, &err) < 0 ||
	    detector_new(&d, o->model, o->threshold, &err) < 0) {
		cli_error_rec(c, &err);
		goto out;
	}
	if (set.n_bad || set.n_unlabeled)
		cli_warn(c, "%s: skipped %zu bad lines and %zu unlabelled posts", o->in,
			 set.n_bad, set.n_unlabeled);
	score = malloc((set.n ? set.n : 1) * sizeof(*score));
	y = malloc(set.n ? set.n : 1);
	if (!score || !y || detect_scratch_new(d, &s) < 0) {
		cli_error(c, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < set.n; i++) {
		const struct labeled *p = &set.v[i];
		struct record rec;
		struct norm_text nt;
		struct indicator_list ind;
		struct detect_result res;
		double t0;
		int e;

		arena_reset(&a);
		memset(&rec, 0, sizeof(rec));
		rec.id = str_cstr(p->id);
		rec.text = str_make(p->text, p->text_len);
		e = labeled_prepare(p, &a, &nt, &ind);
		t0 = now_s();
		if (e == 0)
			e = detect_post(d, s, &rec, &nt, &ind, &res, &a);
		t_detect += now_s() - t0;
		if (e < 0) {
			cli_error(c, "post '%s': %s", p->id, atl_code_str(e));
			goto out;
		}
		score[i] = res.score;
		y[i] = p->label;
		if (res.flagged)
			p->label ? k.tp++ : k.fp++;
		else
			p->label ? k.fn++ : k.tn++;
		if (!res.flagged && res.score >= detector_threshold(d))
			k.reasonless++;
		if (p->lang[0]) {
			k.lang_n++;
			k.lang_ok += !strcmp(p->lang, res.lang);
		}
		if (o->errors && res.flagged != p->label)
			fprintf(o->json ? stderr : stdout, "%s %s %.4f [%s] %s\n",
				p->label ? "FN" : "FP", p->id, res.score, res.lang, p->text);
	}
	k.us_per_post = set.n ? t_detect * 1e6 / (double)set.n : 0;
	if (metrics_best_f1(score, y, set.n, &best) < 0 ||
	    metrics_auc_pr(score, y, set.n, &auc) < 0) {
		cli_error(c, "out of memory");
		goto out;
	}
	print_report(o, d, &k, &best, auc);
	rc = EXIT_OK;
out:
	arena_release(&a);
	detect_scratch_free(s);
	detector_free(d);
	free(score);
	free(y);
	labeled_release(&set);
	return rc;
}

int cmd_eval(struct cli *c, int argc, char **argv)
{
	struct eval_opts o = { EVAL_DETECT, NULL, NULL, NULL, -1, 0, 0, 0 };

	/* atalaya eval --networks ...: the linker's clusters against the truth */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--networks"))
			return eval_networks_main(c, argc, argv);
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if ((!strcmp(a, "--truth") || !strcmp(a, "--model") ||
		     !strcmp(a, "--threshold")) && i + 1 >= argc)
			return cli_usage_error(c, "eval", "option '%s' needs a value", a);
		if (!strcmp(a, "--truth"))
			o.truth = argv[++i];
		else if (!strcmp(a, "--model"))
			o.model = argv[++i];
		else if (!strcmp(a, "--threshold")) {
			if (cli_parse_double(argv[++i], &o.threshold) < 0 ||
			    o.threshold < 0 || o.threshold > 1)
				return cli_usage_error(c, "eval", "bad threshold '%s'", argv[i]);
		} else if (!strcmp(a, "--json"))
			o.json = 1;
		else if (!strcmp(a, "--errors"))
			o.errors = 1;
		else if (!strcmp(a, "--time"))
			o.time = 1;
		else if (a[0] == '-' && a[1])
			return cli_usage_error(c, "eval", "unknown option '%s'", a);
		else if (!o.in)
			o.in = a;
		else
			return cli_usage_error(c, "eval", "more than one input");
	}
	if (!o.in)
		return cli_usage_error(c, "eval", "need an input");
	switch (o.mode) {
	case EVAL_DETECT:
		return eval_detect(c, &o);
	}
	return EXIT_FAIL;
}
