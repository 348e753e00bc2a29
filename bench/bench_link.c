/*
 * bench_link: the linker on a synthetic corpus, timed and scored.
 * Not a test and not built by `make`: speed is measured here, never in
 * tests. Build against a tree that has normalize, extract and detect:
 *
 *   make -j2 VARIANT=release build/release/libatalaya.a
 *   cc -std=c17 -D_GNU_SOURCE -O2 -Isrc -I/usr/include/yajl \
 *      bench/bench_link.c build/release/libatalaya.a \
 *      $(pkg-config --libs libutf8proc libhs libxxhash libzstd zlib yajl) \
 *      -lstdc++ -lm -pthread -o build/bench_link
 *   build/bench_link DIR OUT [--scores detect|truth] [--char5] [--no-veto]
 *                    [--jaccard J] [--attach J] [--bands B] [--hashes K]
 *                    [--veto V] [--account-support N] [--account-groups N]
 * With BENCH_EDGES set, OUT/edges.tsv lists the forest's edges (post, post,
 * kind, Jaccard, shared value) for error analysis against the truth.
 *
 * DIR holds synth's posts.jsonl and truth.jsonl; OUT gets posts.jsonl
 * (id, cluster) and networks.jsonl for `atalaya eval --networks OUT
 * --truth DIR/truth.jsonl`. Scores come from the built-in detector, or
 * (--scores truth, for tuning only) from the truth labels with 5% of posts
 * flipped by a hash of their id, a stand-in for an imperfect detector.
 * Prints the CPU time of link_sign, of linker_add + linker_finish, of the
 * second pass, and the linker's bytes per post.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xxhash.h>
#include <yajl/yajl_tree.h>

#include "core/arena.h"
#include "detect/detect.h"
#include "extract/extract.h"
#include "link/link.h"
#include "text/normalize.h"

struct bpost {
	char *id, *author, *platform, *created, *text;
	size_t len;
	double score;
	int flagged;
};

/* CPU time of this process: the machines we share are loaded, and wall
 * time would measure the neighbours. */
static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *dup_field(yajl_val v, const char *k)
{
	const char *path[2] = { k, NULL };
	const char *s = YAJL_GET_STRING(yajl_tree_get(v, path, yajl_t_string));

	return s ? strdup(s) : NULL;
}

static struct bpost *read_posts(const char *dir, size_t *n_out)
{
	char path[4096], *line = NULL, eb[128];
	size_t cap = 0, n = 0, pc = 0;
	struct bpost *p = NULL;
	FILE *f;

	snprintf(path, sizeof(path), "%s/posts.jsonl", dir);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	while (getline(&line, &cap, f) > 0) {
		yajl_val v = yajl_tree_parse(line, eb, sizeof(eb));

		if (!v)
			continue;	/* synth's malformed lines */
		if (n == pc) {
			pc = pc ? 2 * pc : 1024;
			p = realloc(p, pc * sizeof(*p));
		}
		memset(&p[n], 0, sizeof(p[n]));
		p[n].id = dup_field(v, "id");
		p[n].author = dup_field(v, "author");
		p[n].platform = dup_field(v, "platform");
		p[n].created = dup_field(v, "created_at");
		p[n].text = dup_field(v, "text");
		yajl_tree_free(v);
		if (!p[n].id || !p[n].text)
			continue;
		p[n].len = strlen(p[n].text);
		n++;
	}
	free(line);
	fclose(f);
	*n_out = n;
	return p;
}

/* Truth labels as scores, 5% flipped: for tuning only. */
static void truth_scores(const char *dir, struct bpost *p, size_t n)
{
	char path[4096], *line = NULL, eb[128];
	size_t cap = 0, i = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/truth.jsonl", dir);
	f = fopen(path, "r");
	while (f && getline(&line, &cap, f) > 0 && i < n) {
		yajl_val v = yajl_tree_parse(line, eb, sizeof(eb));
		char *id = v ? dup_field(v, "id") : NULL, *label = v ? dup_field(v, "label") : NULL;

		if (id && label && !strcmp(id, p[i].id)) {
			int smug = !strcmp(label, "smuggling");

			if (XXH3_64bits(id, strlen(id)) % 100 < 5)
				smug = !smug;
			p[i].score = smug ? 0.9 : 0.1;
			p[i].flagged = smug;
			i++;
		}
		free(id);
		free(label);
		yajl_tree_free(v);
	}
	free(line);
	if (f)
		fclose(f);
}

int main(int argc, char **argv)
{
	struct link_opts o = { 0 };
	struct link_tuning t;
	struct linker *L = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct detector *det = NULL;
	struct detect_scratch *ds = NULL;
	struct arena a;
	struct bpost *p;
	size_t n = 0, n_cl = 0;
	int use_truth = 0;
	uint32_t *sigs;
	double t0, t_norm = 0, t_sign = 0, t_link, t_pass2, t_write;
	char path[4096];
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: bench_link DIR OUT [options]\n");
		return 2;
	}
	link_tuning_default(&t);
	for (int i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--char5"))
			t.shingle = 1;
		else if (!strcmp(argv[i], "--no-veto"))
			t.contact_veto = 0;
		else if (!strcmp(argv[i], "--veto") && i + 1 < argc)
			t.contact_veto = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--account-support") && i + 1 < argc)
			t.account_min_support = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--account-groups") && i + 1 < argc)
			t.account_max_groups = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--scores") && i + 1 < argc)
			use_truth = !strcmp(argv[++i], "truth");
		else if (!strcmp(argv[i], "--jaccard") && i + 1 < argc)
			o.jaccard = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "--bands") && i + 1 < argc)
			o.bands = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--hashes") && i + 1 < argc)
			o.n_hashes = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--glue-sources") && i + 1 < argc)
			t.glue_min_sources = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--attach") && i + 1 < argc)
			t.jaccard_attach = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "--min-tokens") && i + 1 < argc)
			t.min_tokens = (int)strtol(argv[++i], NULL, 10);
	}
	p = read_posts(argv[1], &n);
	if (!p) {
		fprintf(stderr, "cannot read %s/posts.jsonl\n", argv[1]);
		return 1;
	}
	if (use_truth)
		truth_scores(argv[1], p, n);
	else if (detector_new(&det, NULL, -1, &err) < 0 || detect_scratch_new(det, &ds) < 0) {
		fprintf(stderr, "detector: %s\n", err.msg);
		return 1;
	}
	if (linker_new_tuned(&L, &o, &t, &err) < 0) {
		fprintf(stderr, "linker: %s\n", err.msg);
		return 1;
	}
	sigs = malloc(n * (size_t)link_n_hashes(L) * sizeof(*sigs));
	arena_init(&a, 1 << 20);
	/* pass 1a: normalise, extract, score and sign; only link_sign is the
	 * linker's cost, the rest is the pipeline's */
	struct indicator **inds = calloc(n, sizeof(*inds));
	size_t *n_inds = calloc(n, sizeof(*n_inds));
	struct arena keep;

	arena_init(&keep, 1 << 24);
	for (size_t i = 0; i < n; i++) {
		struct norm_text nt;
		struct indicator_list il = { 0 };
		double s;

		arena_reset(&a);
		t0 = now();
		normalize_text(&nt, p[i].text, p[i].len, &a);
		extract_indicators(&il, p[i].text, p[i].len, &nt, NULL, &a);
		if (det) {
			struct record rec;
			struct detect_result res;

			memset(&rec, 0, sizeof(rec));
			rec.id.p = p[i].id;
			rec.id.len = strlen(p[i].id);
			rec.text.p = p[i].text;
			rec.text.len = p[i].len;
			detect_post(det, ds, &rec, &nt, &il, &res, &a);
			p[i].score = res.score;
			p[i].flagged = res.flagged;
		}
		s = now();
		t_norm += s - t0;
		link_sign(L, &nt, sigs + i * (size_t)link_n_hashes(L));
		t_sign += now() - s;
		inds[i] = arena_alloc(&keep, (il.n ? il.n : 1) * sizeof(**inds));
		for (size_t j = 0; j < il.n; j++) {
			inds[i][j] = il.v[j];
			inds[i][j].value = arena_strdup(&keep, il.v[j].value);
			inds[i][j].amount = il.v[j].amount ? arena_strdup(&keep, il.v[j].amount) : NULL;
			inds[i][j].currency = il.v[j].currency ? arena_strdup(&keep, il.v[j].currency) : NULL;
		}
		n_inds[i] = il.n;
	}
	/* pass 1b: the linker proper */
	t0 = now();
	for (size_t i = 0; i < n; i++) {
		struct link_post lp = { p[i].id, p[i].author, p[i].platform, p[i].created,
					sigs + i * (size_t)link_n_hashes(L), inds[i], n_inds[i],
					p[i].score, p[i].flagged };

		if (linker_add(L, &lp, &err) < 0) {
			fprintf(stderr, "add: %s\n", err.msg);
			return 1;
		}
	}
	if (linker_finish(L, &err) < 0) {
		fprintf(stderr, "finish: %s\n", err.msg);
		return 1;
	}
	t_link = now() - t0;
	/* pass 2: texts of clustered posts */
	t0 = now();
	for (size_t i = 0; i < n; i++) {
		struct norm_text nt;

		if (!linker_cluster_of(L, i))
			continue;
		n_cl++;
		arena_reset(&a);
		normalize_text(&nt, p[i].text, p[i].len, &a);
		linker_add_text(L, i, p[i].text, p[i].len, &nt, &err);
	}
	t_pass2 = now() - t0;
	snprintf(path, sizeof(path), "%s/posts.jsonl", argv[2]);
	f = fopen(path, "w");
	for (size_t i = 0; i < n && f; i++) {
		const char *c = linker_cluster_of(L, i);

		if (c)
			fprintf(f, "{\"id\":\"%s\",\"cluster\":\"%s\"}\n", p[i].id, c);
		else
			fprintf(f, "{\"id\":\"%s\",\"cluster\":null}\n", p[i].id);
	}
	if (f)
		fclose(f);
	snprintf(path, sizeof(path), "%s/networks.jsonl", argv[2]);
	f = fopen(path, "w");
	t0 = now();
	if (!f || linker_write_networks(L, f, &err) < 0) {
		fprintf(stderr, "write: %s\n", err.msg);
		return 1;
	}
	t_write = now() - t0;
	fclose(f);
	if (getenv("BENCH_EDGES")) {
		snprintf(path, sizeof(path), "%s/edges.tsv", argv[2]);
		f = fopen(path, "w");
		for (size_t i = 0; f && i < linker_n_edges(L); i++) {
			struct link_edge e;

			if (linker_edge(L, i, &e) < 0)
				break;
			fprintf(f, "%s\t%s\t%s\t%.3f\t", p[e.a].id, p[e.b].id,
				link_edge_kind_name(e.kind), e.jaccard);
			for (const char *v = e.value ? e.value : "-"; *v; v++)
				fputc(*v == '\x1f' ? '@' : *v, f);
			fputc('\n', f);
		}
		if (f)
			fclose(f);
	}
	{
		struct link_stats st;

		linker_stats(L, &st);
		size_t n_flag = 0;
		double sum = 0;

		for (size_t i = 0; i < n; i++) {
			n_flag += p[i].flagged != 0;
			sum += p[i].score;
		}
		printf("posts %zu (short %zu, flagged %zu, mean score %.3f), clustered %zu, "
		       "clusters %zu, networks %zu\n", n, st.n_short, n_flag, sum / (double)n,
		       n_cl, linker_n_clusters(L), linker_n_networks(L));
		printf("edges: text %zu phone %zu link %zu url %zu account %zu; "
		       "glue values %zu accounts %zu; text checks %zu; max bucket %zu\n",
		       st.edges[0], st.edges[1], st.edges[2], st.edges[3], st.edges[4],
		       st.glue_values, st.glue_accounts, st.text_checks, st.max_bucket);
		printf("time: normalise+extract+detect %.2fs; link_sign %.3fs (%.2f us/post); "
		       "add+finish %.2fs; second pass %.2fs (incl. re-normalising); write %.2fs\n",
		       t_norm, t_sign, 1e6 * t_sign / (double)n, t_link, t_pass2, t_write);
		printf("linker memory: %.1f MB, %.0f bytes/post\n", st.mem_bytes / 1e6,
		       (double)st.mem_bytes / (double)n);
	}
	linker_free(L);
	return 0;
}
