/*
 * atalaya eval --networks: how well the linker's clusters match the truth
 * of a synthetic corpus.
 *
 *   atalaya eval --networks SCAN_DIR|POSTS.jsonl --truth TRUTH.jsonl
 *                [--networks-file NETWORKS.jsonl]
 *
 * Reads the scan's posts.jsonl (id, cluster), synth's truth.jsonl (id,
 * label, network) and, for the benign-cluster rate, networks.jsonl (id,
 * flagged; from --networks-file, or beside posts.jsonl). Prints
 *   - pairwise precision and recall of "same network" among smuggling
 *     posts: a predicted pair is two smuggling posts in one cluster, a true
 *     pair two posts of one network;
 *   - the adjusted Rand index over the smuggling posts (posts in no
 *     cluster, or no network, are singletons);
 *   - the share of benign clusters (most posts benign) flagged as networks.
 * Pair counts come from the contingency table (sum of C(n_ij, 2)), never
 * from all pairs, so a million posts take a second.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yajl/yajl_tree.h>

#include "cli.h"
#include "link/intern.h"
#include "core/banned.h"

#define NONE UINT32_MAX
#define MAX_LINE ((size_t)16 << 20)

const char eval_networks_usage[] =
	"usage: atalaya eval --networks SCAN_DIR|POSTS.jsonl --truth TRUTH.jsonl\n"
	"                    [--networks-file NETWORKS.jsonl]\n\n"
	"Compare the scan's clusters with a synthetic corpus's truth: pairwise\n"
	"precision and recall of same-network pairs among smuggling posts, the\n"
	"adjusted Rand index, and the share of benign clusters flagged as networks.\n";

struct post {
	uint32_t cluster;	/* intern id in ev.clusters, or NONE */
	uint32_t network;	/* intern id in ev.networks, or NONE */
	int8_t smuggling;	/* 1, 0, or -1 when the truth lacks the post */
};

struct eval {
	struct intern ids, clusters, networks;
	struct post *p;
	size_t cap;
	uint8_t *flagged;	/* per cluster id: 1 flagged, 0 not, 2 unknown */
	size_t n_missing_truth, n_unknown_ids;
};

typedef int line_fn(struct cli *c, struct eval *ev, yajl_val v, const char *path, long line);

static int each_line(struct cli *c, struct eval *ev, const char *path, line_fn *fn)
{
	FILE *f = fopen(path, "r");
	char *line = NULL, errbuf[256];
	size_t cap = 0;
	ssize_t n;
	long no = 0;
	int rc = 0;

	if (!f) {
		cli_error(c, "cannot open '%s': %s", path, strerror(errno));
		return -1;
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		yajl_val v;

		no++;
		if ((size_t)n > MAX_LINE) {
			cli_error(c, "%s:%ld: line longer than %zu bytes", path, no, MAX_LINE);
			rc = -1;
			break;
		}
		if (n == 1 && line[0] == '\n')
			continue;
		v = yajl_tree_parse(line, errbuf, sizeof(errbuf));
		if (!v || !YAJL_IS_OBJECT(v)) {
			cli_error(c, "%s:%ld: not a JSON object", path, no);
			yajl_tree_free(v);
			rc = -1;
			break;
		}
		rc = fn(c, ev, v, path, no);
		yajl_tree_free(v);
		if (rc < 0)
			break;
	}
	if (rc == 0 && ferror(f)) {
		cli_error(c, "cannot read '%s': %s", path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

static const char *get_str(yajl_val v, const char *key)
{
	const char *path[2] = { key, NULL };

	return YAJL_GET_STRING(yajl_tree_get(v, path, yajl_t_string));
}

static int intern_cstr(struct intern *t, const char *s, uint32_t *id)
{
	return intern_put(t, s, strlen(s), id);
}

static int on_post(struct cli *c, struct eval *ev, yajl_val v, const char *path, long line)
{
	const char *id = get_str(v, "id"), *cl = get_str(v, "cluster");
	uint32_t k;

	if (!id) {
		cli_error(c, "%s:%ld: no \"id\"", path, line);
		return -1;
	}
	if (intern_cstr(&ev->ids, id, &k) < 0)
		goto nomem;
	if (intern_count(&ev->ids, k) > 1) {
		cli_error(c, "%s:%ld: id '%s' seen twice", path, line, id);
		return -1;
	}
	if (k >= ev->cap) {
		size_t cap = ev->cap ? 2 * ev->cap : 4096;
		struct post *p = realloc(ev->p, cap * sizeof(*p));

		if (!p)
			goto nomem;
		ev->p = p;
		ev->cap = cap;
	}
	ev->p[k].cluster = ev->p[k].network = NONE;
	ev->p[k].smuggling = -1;
	if (cl && intern_cstr(&ev->clusters, cl, &ev->p[k].cluster) < 0)
		goto nomem;
	return 0;
nomem:
	cli_error(c, "out of memory");
	return -1;
}

static int on_truth(struct cli *c, struct eval *ev, yajl_val v, const char *path, long line)
{
	const char *id = get_str(v, "id"), *label = get_str(v, "label");
	const char *net = get_str(v, "network");
	uint32_t k;

	if (!id || !label) {
		cli_error(c, "%s:%ld: no \"id\" or \"label\"", path, line);
		return -1;
	}
	if (!intern_get(&ev->ids, id, strlen(id), &k)) {
		ev->n_unknown_ids++;	/* rejected by the scan, say */
		return 0;
	}
	ev->p[k].smuggling = !strcmp(label, "smuggling");
	if (net && intern_cstr(&ev->networks, net, &ev->p[k].network) < 0) {
		cli_error(c, "out of memory");
		return -1;
	}
	return 0;
}

static int on_network(struct cli *c, struct eval *ev, yajl_val v, const char *path, long line)
{
	const char *id = get_str(v, "id");
	const char *fl[2] = { "flagged", NULL };
	uint32_t k;

	if (!id) {
		cli_error(c, "%s:%ld: no \"id\"", path, line);
		return -1;
	}
	if (intern_get(&ev->clusters, id, strlen(id), &k))
		ev->flagged[k] = YAJL_IS_TRUE(yajl_tree_get(v, fl, yajl_t_true));
	return 0;
}

static double c2(uint64_t n)
{
	return (double)n * (double)(n - (n > 0)) / 2.0;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Sum of C(run, 2) over the runs of equal values in v (sorted here). */
static double sum_c2(uint64_t *v, size_t n)
{
	double s = 0;
	size_t i = 0;

	if (n > 1)
		qsort(v, n, sizeof(*v), cmp_u64);
	while (i < n) {
		size_t j = i;

		while (j < n && v[j] == v[i])
			j++;
		s += c2(j - i);
		i = j;
	}
	return s;
}

static int report(struct cli *c, struct eval *ev, int have_networks)
{
	size_t n = intern_n(&ev->ids), n_cl = intern_n(&ev->clusters), m = 0, na = 0, nb = 0, nj = 0;
	uint64_t *a = malloc((n ? n : 1) * sizeof(*a)), *b = malloc((n ? n : 1) * sizeof(*b));
	uint64_t *ab = malloc((n ? n : 1) * sizeof(*ab));
	uint32_t *n_smug = calloc(n_cl ? n_cl : 1, sizeof(*n_smug));
	uint32_t *n_benign = calloc(n_cl ? n_cl : 1, sizeof(*n_benign));
	double tp, pp, tt, expected, ari, pairs;
	size_t benign_cl = 0, benign_flagged = 0, smug_cl = 0, smug_flagged = 0;
	int rc = EXIT_FAIL;

	if (!a || !b || !ab || !n_smug || !n_benign) {
		cli_error(c, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const struct post *p = &ev->p[i];

		if (p->smuggling < 0) {
			ev->n_missing_truth++;
			continue;
		}
		if (p->cluster != NONE)
			(p->smuggling ? n_smug : n_benign)[p->cluster]++;
		if (!p->smuggling)
			continue;
		m++;
		if (p->cluster != NONE)
			a[na++] = p->cluster;
		if (p->network != NONE)
			b[nb++] = p->network;
		if (p->cluster != NONE && p->network != NONE)
			ab[nj++] = (uint64_t)p->cluster << 32 | p->network;
	}
	tp = sum_c2(ab, nj);
	pp = sum_c2(a, na);
	tt = sum_c2(b, nb);
	pairs = c2(m);
	expected = pairs > 0 ? pp * tt / pairs : 0;
	ari = (pp + tt) / 2 - expected != 0 ? (tp - expected) / ((pp + tt) / 2 - expected) : 1.0;
	printf("posts: %zu (smuggling %zu); without truth: %zu; truth ids not in posts: %zu\n",
	       n, m, ev->n_missing_truth, ev->n_unknown_ids);
	printf("pairs: true %.0f, predicted %.0f, correct %.0f\n", tt, pp, tp);
	printf("pairwise precision: %.4f\n", pp > 0 ? tp / pp : 1.0);
	printf("pairwise recall: %.4f\n", tt > 0 ? tp / tt : 1.0);
	printf("adjusted rand index: %.4f\n", ari);
	if (have_networks) {
		for (size_t k = 0; k < n_cl; k++) {
			if (n_smug[k] + n_benign[k] == 0 || ev->flagged[k] == 2)
				continue;
			if (n_benign[k] > n_smug[k]) {
				benign_cl++;
				benign_flagged += ev->flagged[k];
			} else {
				smug_cl++;
				smug_flagged += ev->flagged[k];
			}
		}
		printf("clusters: %zu mostly benign (%zu flagged), %zu mostly smuggling (%zu flagged)\n",
		       benign_cl, benign_flagged, smug_cl, smug_flagged);
		printf("benign clusters flagged: %.4f\n",
		       benign_cl ? (double)benign_flagged / (double)benign_cl : 0.0);
		printf("smuggling clusters flagged: %.4f\n",
		       smug_cl ? (double)smug_flagged / (double)smug_cl : 0.0);
	}
	rc = EXIT_OK;
out:
	free(a);
	free(b);
	free(ab);
	free(n_smug);
	free(n_benign);
	return rc;
}

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int file_exists(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int eval_networks_main(struct cli *c, int argc, char **argv)
{
	const char *posts_arg = NULL, *truth = NULL, *nets_arg = NULL;
	char posts[4096], nets[4096] = "";
	struct eval ev;
	int rc = EXIT_FAIL;

	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (cli_is_help(argv[i])) {
			fputs(eval_networks_usage, stdout);
			return EXIT_OK;
		}
		if (!v)
			return cli_usage_error(c, "eval", "option '%s' needs a value", argv[i]);
		if (!strcmp(argv[i], "--networks"))
			posts_arg = v;
		else if (!strcmp(argv[i], "--truth"))
			truth = v;
		else if (!strcmp(argv[i], "--networks-file"))
			nets_arg = v;
		else
			return cli_usage_error(c, "eval", "unknown option '%s'", argv[i]);
		i++;
	}
	if (!posts_arg || !truth)
		return cli_usage_error(c, "eval", "--networks and --truth are required");
	if (is_dir(posts_arg)) {
		snprintf(posts, sizeof(posts), "%s/posts.jsonl", posts_arg);
		snprintf(nets, sizeof(nets), "%s/networks.jsonl", posts_arg);
	} else {
		const char *slash = strrchr(posts_arg, '/');

		snprintf(posts, sizeof(posts), "%s", posts_arg);
		if (slash)
			snprintf(nets, sizeof(nets), "%.*s/networks.jsonl",
				 (int)(slash - posts_arg), posts_arg);
		else
			snprintf(nets, sizeof(nets), "networks.jsonl");
	}
	if (nets_arg)
		snprintf(nets, sizeof(nets), "%s", nets_arg);
	else if (!file_exists(nets))
		nets[0] = '\0';

	memset(&ev, 0, sizeof(ev));
	intern_init(&ev.ids);
	intern_init(&ev.clusters);
	intern_init(&ev.networks);
	if (each_line(c, &ev, posts, on_post) < 0 || each_line(c, &ev, truth, on_truth) < 0)
		goto out;
	if (nets[0]) {
		size_t n_cl = intern_n(&ev.clusters);

		ev.flagged = malloc(n_cl ? n_cl : 1);
		if (!ev.flagged) {
			cli_error(c, "out of memory");
			goto out;
		}
		memset(ev.flagged, 2, n_cl);
		if (each_line(c, &ev, nets, on_network) < 0)
			goto out;
	} else {
		cli_warn(c, "no networks.jsonl: benign clusters flagged is not measured");
	}
	rc = report(c, &ev, nets[0] != '\0');
out:
	intern_release(&ev.ids);
	intern_release(&ev.clusters);
	intern_release(&ev.networks);
	free(ev.p);
	free(ev.flagged);
	return rc;
}
