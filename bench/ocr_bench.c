/*
 * ocr_bench: OCR quality and speed on rendered images with known text.
 *
 *   ocr_bench MANIFEST.tsv [--prep scale,binarize,deskew|none] [--psm N] [-v]
 *
 * MANIFEST lines (bench/ocr_render.py): path TAB style TAB text ("\n" and
 * "\t" escaped). For each image: character error rate (Levenshtein distance
 * over code points, whitespace runs collapsed, / truth length), and the
 * phones our own extractor finds in the recognised text against those it
 * finds in the true text: recall, and "invented" numbers (found in the image
 * text, absent from the truth). Prices likewise. Prints one summary line per
 * style and a total, plus images per second (one thread).
 * Built and run by bench/ocr_bench.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/utf8.h"
#include "extract/extract.h"
#include "ocr/ocr.h"
#include "text/normalize.h"

#define MAX_STYLES 8
#define MAX_CP 4096

struct tally {
	char style[16];
	int images, failed;
	double cer_sum;
	int phones_true, phones_found, phones_invented;
	int prices_true, prices_found;
	double seconds;
};

static double now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Code points of s with whitespace runs collapsed to one space, trimmed. */
static size_t to_cps(const char *s, uint32_t *out, size_t cap)
{
	size_t n = 0, len = strlen(s), i = 0;
	int space = 1;

	while (i < len && n < cap) {
		uint32_t cp;
		int k = utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (k <= 0) {
			k = 1;
			cp = 0xFFFD;
		}
		i += (size_t)k;
		if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f') {
			if (!space && n < cap)
				out[n++] = ' ';
			space = 1;
			continue;
		}
		space = 0;
		out[n++] = cp;
	}
	while (n && out[n - 1] == ' ')
		n--;
	return n;
}

static size_t levenshtein(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t *row = malloc((m + 1) * sizeof(*row)), d;

	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	d = row[m];
	free(row);
	return d;
}

static int extract(const char *text, struct indicator_list *l, struct arena *a)
{
	struct norm_text nt;
	struct extract_opts xo = { NULL, 0 };

	memset(l, 0, sizeof(*l));
	if (normalize_text(&nt, text, strlen(text), a) < 0)
		return -1;
	return extract_indicators(l, text, strlen(text), &nt, &xo, a);
}

static int has(const struct indicator_list *l, enum ind_kind k, const char *v)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == k && !strcmp(l->v[i].value, v))
			return 1;
	return 0;
}

static void unescape(char *s)
{
	char *w = s;

	for (char *r = s; *r; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 'n' ? '\n' : *r == 't' ? '\t' : *r;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

static unsigned parse_prep(const char *s)
{
	unsigned p = 0;

	if (strstr(s, "scale"))
		p |= OCR_PREP_SCALE;
	if (strstr(s, "binarize"))
		p |= OCR_PREP_BINARIZE;
	if (strstr(s, "deskew"))
		p |= OCR_PREP_DESKEW;
	return p;
}

static void print_tally(const struct tally *t)
{
	printf("%-8s images %4d failed %d  CER %.3f  phones %d/%d recall %.3f invented %d  "
	       "prices %d/%d  %.2f img/s\n", t->style, t->images, t->failed,
	       t->images ? t->cer_sum / t->images : 0, t->phones_found, t->phones_true,
	       t->phones_true ? (double)t->phones_found / t->phones_true : 1.0,
	       t->phones_invented, t->prices_found, t->prices_true,
	       t->seconds > 0 ? t->images / t->seconds : 0);
}

int main(int argc, char **argv)
{
	struct ocr_opts oo;
	struct ocr_ctx *ctx = NULL;
	struct ocr *o = NULL;
	struct atl_err err = ATL_ERR_INIT;
	struct tally st[MAX_STYLES], total;
	size_t n_st = 0;
	int verbose = 0;
	char line[8192];
	FILE *f;
	static uint32_t ca[MAX_CP], cb[MAX_CP];

	memset(&oo, 0, sizeof(oo));
	memset(st, 0, sizeof(st));
	memset(&total, 0, sizeof(total));
	snprintf(total.style, sizeof(total.style), "all");
	if (argc < 2) {
		fprintf(stderr, "usage: ocr_bench MANIFEST [--prep LIST] [--psm N] [-v]\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--prep") && i + 1 < argc) {
			oo.prep = parse_prep(argv[++i]);
			oo.prep_set = 1;
		} else if (!strcmp(argv[i], "--psm") && i + 1 < argc) {
			oo.psm = (int)strtol(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "-v")) {
			verbose = 1;
		}
	}
	if (ocr_ctx_new(&ctx, &oo, &err) < 0 || ocr_new(&o, ctx) < 0)
		return 1;
	if (!ocr_enabled(ctx)) {
		printf("SKIPPED: %s\n", ocr_ctx_note(ctx));
		return 0;
	}
	f = fopen(argv[1], "r");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *path = line, *style, *text;
		struct arena a = ARENA_INIT(1 << 16);
		struct ocr_result r;
		struct indicator_list lt, lo;
		struct tally *t = NULL;
		double t0;
		int rc;

		line[strcspn(line, "\n")] = '\0';
		style = strchr(path, '\t');
		if (!style)
			continue;
		*style++ = '\0';
		text = strchr(style, '\t');
		if (!text)
			continue;
		*text++ = '\0';
		unescape(text);
		for (size_t k = 0; k < n_st; k++)
			if (!strcmp(st[k].style, style))
				t = &st[k];
		if (!t && n_st < MAX_STYLES) {
			t = &st[n_st++];
			snprintf(t->style, sizeof(t->style), "%s", style);
		}
		if (!t)
			continue;
		t0 = now_s();
		rc = ocr_image(o, path, &r, &a, &err);
		t->seconds += now_s() - t0;
		total.seconds += now_s() - t0;
		t->images++;
		total.images++;
		if (rc < 0) {
			t->failed++;
			total.failed++;
			fprintf(stderr, "%s: %s\n", path, err.msg);
			r.text = "";
		}
		{
			size_t n = to_cps(text, ca, MAX_CP), m = to_cps(r.text, cb, MAX_CP);
			double cer = n ? (double)levenshtein(ca, n, cb, m) / (double)n : 0;
			t->cer_sum += cer;
			total.cer_sum += cer;
		}
		if (extract(text, &lt, &a) < 0 || extract(r.text, &lo, &a) < 0)
			return 1;
		for (size_t k = 0; k < lt.n; k++) {
			int is_phone = lt.v[k].kind == IND_PHONE, is_price = lt.v[k].kind == IND_PRICE;
			int found = has(&lo, lt.v[k].kind, lt.v[k].value);
			t->phones_true += is_phone;
			total.phones_true += is_phone;
			t->phones_found += is_phone && found;
			total.phones_found += is_phone && found;
			t->prices_true += is_price;
			total.prices_true += is_price;
			t->prices_found += is_price && found;
			total.prices_found += is_price && found;
			if (verbose && is_phone && !found)
				printf("MISSED %s %s\n", lt.v[k].value, path);
		}
		for (size_t k = 0; k < lo.n; k++) {
			if (lo.v[k].kind == IND_PHONE && !has(&lt, IND_PHONE, lo.v[k].value)) {
				t->phones_invented++;
				total.phones_invented++;
				if (verbose)
					printf("INVENTED %s %s\n", lo.v[k].value, path);
			}
		}
		if (verbose)
			printf("--- %s conf %.2f\n%s\n", path, r.confidence, r.text);
		arena_release(&a);
	}
	fclose(f);
	for (size_t k = 0; k < n_st; k++)
		print_tally(&st[k]);
	print_tally(&total);
	ocr_free(o);
	ocr_ctx_free(ctx);
	return 0;
}
