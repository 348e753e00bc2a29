/*
 * The phone-extraction traps in tests/data/phones_traps.tsv: one row per
 * tricky text (prices, dates, times, ids, years, obfuscated numbers, old
 * Mexican forms), with the E.164 numbers it holds (comma-separated, or
 * nothing). Every row must give exactly those phones: no false number from
 * a price, date or id, and no obfuscated number missed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "extract/extract.h"
#include "text/normalize.h"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

TEST(phone, traps_table)
{
	char path[512], line[4096];
	FILE *f;
	struct arena a;
	struct extract_opts xo;
	int rows = 0;

	memset(&xo, 0, sizeof(xo));
	snprintf(path, sizeof(path), "%s/phones_traps.tsv", test_data_dir());
	f = fopen(path, "r");
	CHECK_MSG(f != NULL, "cannot open %s", path);
	if (!f)
		return;
	arena_init(&a, 1 << 16);
	while (fgets(line, sizeof(line), f)) {
		char *tab = strchr(line, '\t'), *want = NULL;
		const char *got[64], *exp[64];
		size_t n_got = 0, n_exp = 0;
		struct norm_text nt;
		struct indicator_list il = { NULL, 0, 0 };
		char got_s[1024] = "", exp_s[1024] = "";

		line[strcspn(line, "\r\n")] = '\0';
		if (!tab || line[0] == '#')
			continue;
		*tab = '\0';
		want = tab + 1;
		rows++;
		for (char *p = want; *p && n_exp < 64;) {
			char *comma = strchr(p, ',');
			if (comma)
				*comma = '\0';
			while (*p == ' ')
				p++;
			if (*p)
				exp[n_exp++] = p;
			if (!comma)
				break;
			p = comma + 1;
		}
		if (normalize_text(&nt, line, strlen(line), &a) < 0 ||
		    extract_indicators(&il, line, strlen(line), &nt, &xo, &a) < 0) {
			CHECK_MSG(0, "row %d: extraction failed", rows);
			continue;
		}
		for (size_t i = 0; i < il.n && n_got < 64; i++)
			if (il.v[i].kind == IND_PHONE)
				got[n_got++] = il.v[i].value;
		qsort(got, n_got, sizeof(*got), cmp_str);
		qsort(exp, n_exp, sizeof(*exp), cmp_str);
		for (size_t i = 0; i < n_got; i++) {
			strncat(got_s, got[i], sizeof(got_s) - strlen(got_s) - 2);
			strncat(got_s, " ", sizeof(got_s) - strlen(got_s) - 1);
		}
		for (size_t i = 0; i < n_exp; i++) {
			strncat(exp_s, exp[i], sizeof(exp_s) - strlen(exp_s) - 2);
			strncat(exp_s, " ", sizeof(exp_s) - strlen(exp_s) - 1);
		}
		CHECK_MSG(strcmp(got_s, exp_s) == 0, "row %d \"%s\": got [%s], want [%s]", rows,
			  line, got_s, exp_s);
		arena_reset(&a);
	}
	fclose(f);
	CHECK_MSG(rows >= 80, "only %d rows read", rows);
	arena_release(&a);
}
