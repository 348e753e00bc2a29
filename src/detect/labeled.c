/*
 * labeled: read labelled JSON Lines (see labeled.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "core/arena.h"
#include "extract/extract.h"
#include "detect/labeled.h"
#include "text/normalize.h"
#include "core/banned.h"

struct truth_row {
	char *id;
	int label;
	char group[40];
};

static void copy_group(char *dst, size_t cap, yajl_val v)
{
	dst[0] = '\0';
	if (v && YAJL_IS_STRING(v))
		snprintf(dst, cap, "%s", v->u.string);
}

/* "smuggling"/"benign" (also true/false, 1/0); -1 when absent or unknown. */
static int label_of(yajl_val v)
{
	if (!v)
		return -1;
	if (YAJL_IS_STRING(v)) {
		const char *s = v->u.string;

		if (!strcmp(s, "smuggling") || !strcmp(s, "1") || !strcmp(s, "positive"))
			return 1;
		if (!strcmp(s, "benign") || !strcmp(s, "0") || !strcmp(s, "negative"))
			return 0;
		return -1;
	}
	if (YAJL_IS_TRUE(v))
		return 1;
	if (YAJL_IS_FALSE(v))
		return 0;
	if (YAJL_IS_INTEGER(v))
		return YAJL_GET_INTEGER(v) != 0;
	return -1;
}

/* The id as text (ids may be numbers); malloc'd, or NULL. */
static char *id_of(yajl_val v)
{
	if (v && YAJL_IS_STRING(v))
		return strdup(v->u.string);
	if (v && YAJL_IS_NUMBER(v))
		return strdup(v->u.number.r);
	return NULL;
}

/* Make room for one more element in a doubling array. */
static int grow(void **v, size_t *cap, size_t n, size_t elem)
{
	size_t nc = *cap ? *cap * 2 : 1024;
	void *p;

	if (n < *cap)
		return 0;
	p = realloc(*v, nc * elem);
	if (!p)
		return ATL_ENOMEM;
	*v = p;
	*cap = nc;
	return 0;
}

typedef int line_fn(void *ctx, yajl_val root);

/* Call fn for each line that parses as a JSON object; count the others. */
static int each_line(const char *path, line_fn *fn, void *ctx, size_t *n_bad,
		     struct atl_err *err)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int rc = 0;

	if (!f)
		return atl_err_set(err, ATL_ENOTFOUND, "cannot open '%s'", path);
	while ((got = getline(&line, &cap, f)) >= 0) {
		yajl_val root;

		if (got == 0 || line[0] == '\n')
			continue;
		if ((size_t)got > LABELED_MAX_LINE) {
			(*n_bad)++;
			continue;
		}
		root = yajl_tree_parse(line, NULL, 0);
		if (!root || !YAJL_IS_OBJECT(root)) {
			(*n_bad)++;
			yajl_tree_free(root);
			continue;
		}
		rc = fn(ctx, root);
		yajl_tree_free(root);
		if (rc < 0)
			break;
		if (rc > 0)
			(*n_bad)++;
		rc = 0;
	}
	if (rc == 0 && ferror(f))
		rc = atl_err_set(err, ATL_EIO, "cannot read '%s'", path);
	else if (rc < 0)
		atl_err_set(err, rc, "out of memory");
	free(line);
	if (f != stdin)
		fclose(f);
	return rc;
}

struct truth_set {
	struct truth_row *v;
	size_t n, cap;
};

static int add_truth(void *ctx, yajl_val root)
{
	static const char *kid[] = { "id", NULL }, *klabel[] = { "label", NULL },
			  *kgroup[] = { "cluster", NULL };
	struct truth_set *t = ctx;
	char *id = id_of(yajl_tree_get(root, kid, yajl_t_any));
	int label = label_of(yajl_tree_get(root, klabel, yajl_t_any));

	if (!id || label < 0) {
		free(id);
		return 1;
	}
	if (grow((void **)&t->v, &t->cap, t->n, sizeof(*t->v)) < 0) {
		free(id);
		return ATL_ENOMEM;
	}
	t->v[t->n] = (struct truth_row){ id, label, "" };
	copy_group(t->v[t->n].group, sizeof(t->v[t->n].group),
		   yajl_tree_get(root, kgroup, yajl_t_any));
	t->n++;
	return 0;
}

static int cmp_truth(const void *a, const void *b)
{
	return strcmp(((const struct truth_row *)a)->id, ((const struct truth_row *)b)->id);
}

struct post_ctx {
	struct labeled_set *out;
	const struct truth_set *truth;
};

static int add_post(void *ctx, yajl_val root)
{
	static const char *kid[] = { "id", NULL }, *ktext[] = { "text", NULL },
			  *klabel[] = { "label", NULL }, *klang[] = { "lang", NULL },
			  *kgroup[] = { "cluster", NULL };
	struct post_ctx *pc = ctx;
	struct labeled_set *s = pc->out;
	yajl_val text = yajl_tree_get(root, ktext, yajl_t_string);
	yajl_val lang = yajl_tree_get(root, klang, yajl_t_string);
	char *id = id_of(yajl_tree_get(root, kid, yajl_t_any));
	int label = label_of(yajl_tree_get(root, klabel, yajl_t_any));
	const struct truth_row *hit = NULL;
	struct labeled *p;

	if (!id || !text) {
		free(id);
		return 1;
	}
	if (pc->truth) {
		struct truth_row key = { id, 0, "" };

		hit = bsearch(&key, pc->truth->v, pc->truth->n, sizeof(key), cmp_truth);
		if (hit)
			label = hit->label;
	}
	if (label < 0) {
		s->n_unlabeled++;
		free(id);
		return 0;
	}
	if (grow((void **)&s->v, &s->cap, s->n, sizeof(*s->v)) < 0) {
		free(id);
		return ATL_ENOMEM;
	}
	p = &s->v[s->n];
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->text = strdup(text->u.string);
	if (!p->text) {
		free(id);
		return ATL_ENOMEM;
	}
	p->text_len = strlen(p->text);
	if (lang)
		snprintf(p->lang, sizeof(p->lang), "%s", lang->u.string);
	copy_group(p->group, sizeof(p->group), yajl_tree_get(root, kgroup, yajl_t_any));
	if (!p->group[0] && hit)
		memcpy(p->group, hit->group, sizeof(p->group));
	p->label = (uint8_t)label;
	s->n++;
	return 0;
}

int labeled_read(struct labeled_set *out, const char *posts, const char *truth,
		 struct atl_err *err)
{
	struct truth_set t = { NULL, 0, 0 };
	struct post_ctx pc = { out, NULL };
	size_t t_bad = 0;
	int rc = 0;

	if (truth) {
		rc = each_line(truth, add_truth, &t, &t_bad, err);
		if (rc < 0)
			goto out;
		qsort(t.v, t.n, sizeof(*t.v), cmp_truth);
		pc.truth = &t;
	}
	rc = each_line(posts, add_post, &pc, &out->n_bad, err);
out:
	for (size_t i = 0; i < t.n; i++)
		free(t.v[i].id);
	free(t.v);
	return rc;
}

void labeled_release(struct labeled_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].id);
		free(s->v[i].text);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

int labeled_prepare(const struct labeled *p, struct arena *a,
		    struct norm_text *nt, struct indicator_list *ind)
{
	int rc = normalize_text(nt, p->text, p->text_len, a);

	if (rc < 0)
		return rc;
	memset(ind, 0, sizeof(*ind));
	return extract_indicators(ind, p->text, p->text_len, nt, NULL, a);
}
