/*
 * export: dispatch, and the reading and writing helpers the writers share
 * (export_int.h). The writers are export_graph.c (GEXF, GraphML),
 * export_csv.c, export_stix.c and export_esbulk.c.
 */
#include "export_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <xxhash.h>

#include "core/ascii.h"
#include "core/banned.h"

static const struct {
	const char *name, *out;
	enum export_format f;
} formats[] = {
	{ "gexf", "network.gexf", EXPORT_GEXF },
	{ "graphml", "network.graphml", EXPORT_GRAPHML },
	{ "csv", "csv", EXPORT_CSV },
	{ "stix", "bundle.stix.json", EXPORT_STIX },
	{ "esbulk", "esbulk", EXPORT_ESBULK },
};

int export_format_parse(const char *s, enum export_format *out)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(s, formats[i].name)) {
			*out = formats[i].f;
			return 0;
		}
	return ATL_EINVAL;
}

const char *export_default_name(enum export_format f)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i].f == f)
			return formats[i].out;
	return "export";
}

int export_tlp_valid(const char *s)
{
	static const char *const levels[] = { "clear", "green", "amber", "amber+strict", "red" };

	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (!strcmp(s, levels[i]))
			return 1;
	return 0;
}

int export_run(const char *dir, const struct export_opts *o, struct atl_err *err)
{
	if (o->tlp && !export_tlp_valid(o->tlp))
		return atl_err_set(err, ATL_EINVAL, "unknown TLP level '%s'", o->tlp);
	if (o->now) {
		char ts[EXPORT_TS_LEN];
		if (ts_normalize(o->now, ts) < 0)
			return atl_err_set(err, ATL_EINVAL, "'%s' is not an RFC 3339 date-time", o->now);
	}
	switch (o->format) {
	case EXPORT_GEXF:
	case EXPORT_GRAPHML:
		return export_graph(dir, o, err);
	case EXPORT_CSV:
		return export_csv(dir, o, err);
	case EXPORT_STIX:
		return export_stix(dir, o, err);
	case EXPORT_ESBULK:
		return export_esbulk(dir, o, err);
	}
	return atl_err_set(err, ATL_EINVAL, "unknown export format");
}

/* ---- reading ---------------------------------------------------------------- */

/* The field helpers for parsed lines are report/jsonl.c's (jv_get, jv_str,
 * jv_num); these add the typed lookups the exports need. */
yajl_val jv_arr(yajl_val o, const char *key)
{
	yajl_val v = jv_get(o, key);

	return v && YAJL_IS_ARRAY(v) ? v : NULL;
}

yajl_val jv_obj(yajl_val o, const char *key)
{
	yajl_val v = jv_get(o, key);

	return v && YAJL_IS_OBJECT(v) ? v : NULL;
}

int jv_bool(yajl_val o, const char *key)
{
	yajl_val v = jv_get(o, key);

	return v && YAJL_IS_TRUE(v);
}

yajl_val jv_ind(yajl_val o, const char *kind)
{
	return jv_arr(jv_obj(o, "indicators"), kind);
}

/* ---- writing ---------------------------------------------------------------- */

char *export_join(const char *dir, const char *name)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", dir, name);
	return p;
}

int export_mkdir(const char *dir, struct atl_err *err)
{
	struct stat sb;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return atl_err_set(err, ATL_EIO, "cannot create '%s': %s", dir, strerror(errno));
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return atl_err_set(err, ATL_EIO, "'%s' is not a directory", dir);
	return 0;
}

int out_open(struct out_file *o, const char *path, struct atl_err *err)
{
	memset(o, 0, sizeof(*o));
	o->path = strdup(path);
	o->part = malloc(strlen(path) + 6);
	if (!o->path || !o->part) {
		free(o->path);
		free(o->part);
		memset(o, 0, sizeof(*o));
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	}
	snprintf(o->part, strlen(path) + 6, "%s.part", path);
	o->f = fopen(o->part, "wb");
	if (!o->f)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", o->part, strerror(errno));
	setvbuf(o->f, NULL, _IOFBF, 1 << 20);
	return 0;
}

int out_write(struct out_file *o, const struct buf *b, struct atl_err *err)
{
	if (buf_error(b))
		return atl_err_set(err, buf_error(b), "output record too large");
	if (b->len && fwrite(b->p, 1, b->len, o->f) != b->len)
		return atl_err_set(err, ATL_EIO, "cannot write '%s': %s", o->part, strerror(errno));
	return 0;
}

int out_close(struct out_file *o, int ok, struct atl_err *err)
{
	int rc = 0;

	if (o->f) {
		int bad = ferror(o->f);
		if (fclose(o->f) != 0)
			bad = 1;
		if (ok && bad)
			rc = atl_err_set(err, ATL_EIO, "cannot write '%s': %s", o->part, strerror(errno));
	}
	if (ok && rc == 0 && o->part && rename(o->part, o->path) != 0)
		rc = atl_err_set(err, ATL_EIO, "cannot rename '%s': %s", o->part, strerror(errno));
	if ((!ok || rc < 0) && o->part)
		unlink(o->part);
	free(o->path);
	free(o->part);
	memset(o, 0, sizeof(*o));
	return rc;
}

/* ---- string set ------------------------------------------------------------ */

#define STRSET_MAX ((size_t)1 << 28)

static int strset_rehash(struct strset *set, size_t n_slots)
{
	uint32_t *s = calloc(n_slots, sizeof(*s));

	if (!s)
		return ATL_ENOMEM;
	for (size_t i = 0; i < set->n; i++) {
		size_t h = (size_t)XXH3_64bits(set->v[i], strlen(set->v[i])) & (n_slots - 1);
		while (s[h])
			h = (h + 1) & (n_slots - 1);
		s[h] = (uint32_t)(i + 1);
	}
	free(set->slots);
	set->slots = s;
	set->n_slots = n_slots;
	return 0;
}

int strset_add(struct strset *set, const char *s, size_t *idx)
{
	size_t h;

	if (set->n * 2 + 2 > set->n_slots &&
	    strset_rehash(set, set->n_slots ? set->n_slots * 2 : 1024) < 0)
		return ATL_ENOMEM;
	h = (size_t)XXH3_64bits(s, strlen(s)) & (set->n_slots - 1);
	while (set->slots[h]) {
		if (!strcmp(set->v[set->slots[h] - 1], s)) {
			*idx = set->slots[h] - 1;
			return 0;
		}
		h = (h + 1) & (set->n_slots - 1);
	}
	if (set->n >= STRSET_MAX)
		return ATL_ETOOBIG;
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 1024;
		char **v = realloc(set->v, cap * sizeof(*v));
		if (!v)
			return ATL_ENOMEM;
		set->v = v;
		set->cap = cap;
	}
	set->v[set->n] = strdup(s);
	if (!set->v[set->n])
		return ATL_ENOMEM;
	set->slots[h] = (uint32_t)(set->n + 1);
	*idx = set->n++;
	return 1;
}

void strset_release(struct strset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->v[i]);
	free(set->v);
	free(set->slots);
	memset(set, 0, sizeof(*set));
}

/* ---- time ------------------------------------------------------------------- */

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!ascii_is_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int ts_normalize(const char *s, char out[EXPORT_TS_LEN])
{
	struct tm tm;
	int Y, M, D, h, m, sec, ms = 0, off = 0;
	const char *p;
	time_t t;

	if (!s || strlen(s) < 20 || digits(s, 4, &Y) || s[4] != '-' || digits(s + 5, 2, &M) ||
	    s[7] != '-' || digits(s + 8, 2, &D) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
	    digits(s + 11, 2, &h) || s[13] != ':' || digits(s + 14, 2, &m) || s[16] != ':' ||
	    digits(s + 17, 2, &sec))
		return -1;
	p = s + 19;
	if (*p == '.') {
		int n = 0;
		p++;
		while (ascii_is_digit((unsigned char)*p)) {
			if (n < 3)
				ms = ms * 10 + (*p - '0');
			n++;
			p++;
		}
		if (n == 0)
			return -1;
		for (; n < 3; n++)
			ms *= 10;
	}
	if ((*p == 'Z' || *p == 'z') && p[1] == '\0') {
		off = 0;
	} else if ((*p == '+' || *p == '-') && strlen(p) == 6 && p[3] == ':') {
		int oh, om;
		if (digits(p + 1, 2, &oh) || digits(p + 4, 2, &om) || oh > 23 || om > 59)
			return -1;
		off = (oh * 60 + om) * (*p == '-' ? -1 : 1);
	} else {
		return -1;
	}
	if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || sec > 60)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = Y - 1900;
	tm.tm_mon = M - 1;
	tm.tm_mday = D;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = sec > 59 ? 59 : sec;
	t = timegm(&tm) - (time_t)off * 60;
	if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
		return -1;
	char txt[96];
	int n = snprintf(txt, sizeof(txt), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
			 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
	if (n != EXPORT_TS_LEN - 1)
		return -1;
	memcpy(out, txt, EXPORT_TS_LEN);
	return 0;
}
