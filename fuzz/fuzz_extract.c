/*
 * fuzz_extract: extract_indicators on arbitrary bytes.
 *
 * The bytes are repaired to UTF-8 and normalised as the pipeline does, then
 * every indicator is checked: its span lies within the text, starts before
 * it ends, and falls on UTF-8 character boundaries; its value (and amount,
 * currency, region, link kind) is valid UTF-8 and NUL-terminated; the list
 * is ordered by kind, then start.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/arena.h"
#include "core/utf8.h"
#include "extract/extract.h"
#include "text/normalize.h"

static int is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

static void check_str(const char *s)
{
	if (s && utf8_count_invalid(s, strlen(s)) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct norm_text nt;
	struct indicator_list l = { NULL, 0, 0 };
	struct extract_opts o = { NULL, 0 };
	size_t len, n_bad;
	char *text;

	if (size > 1 << 16)
		return 0;
	arena_init(&a, 1 << 16);
	text = utf8_repair(&a, (const char *)data, size, &len, &n_bad);
	if (!text || normalize_text(&nt, text, len, &a) != 0)
		goto out;
	/* half the inputs with a default region, to reach those paths */
	if (size && (data[0] & 1))
		o.default_region = "GT";
	if (extract_indicators(&l, text, len, &nt, &o, &a) != 0)
		goto out;
	for (size_t i = 0; i < l.n; i++) {
		const struct indicator *it = &l.v[i];
		if (it->start >= it->end || it->end > len)
			abort();
		if (is_cont((unsigned char)text[it->start]) ||
		    (it->end < len && is_cont((unsigned char)text[it->end])))
			abort();
		if (!it->value || !it->value[0] || (unsigned)it->kind >= IND__N)
			abort();
		check_str(it->value);
		check_str(it->amount);
		check_str(it->currency);
		check_str(it->region);
		check_str(it->link_kind);
		if (i > 0 && (l.v[i - 1].kind > it->kind ||
			      (l.v[i - 1].kind == it->kind &&
			       l.v[i - 1].start > it->start)))
			abort();
	}
out:
	arena_release(&a);
	return 0;
}
