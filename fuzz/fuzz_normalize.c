/*
 * Fuzz normalize_text: arbitrary bytes in, then the contract checked by
 * norm_validate (valid UTF-8, length bound, map invariants, character
 * boundaries) plus norm_span_orig over every space-delimited token.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "core/arena.h"
#include "text/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct norm_text nt;
	const char *text = (const char *)data;

	arena_init(&a, 1 << 16);
	if (normalize_text(&nt, text, size, &a) != 0)
		abort();
	if (norm_validate(&nt, text) != 0)
		abort();
	for (size_t i = 0; i < nt.len;) {
		size_t j = i, os, oe;
		while (j < nt.len && nt.s[j] != ' ')
			j++;
		norm_span_orig(&nt, i, j, &os, &oe);
		if (os > oe || oe > size || os != nt.start[i] || oe != nt.end[j - 1])
			abort();
		i = j + 1;
	}
	/* Idempotence is not promised (D1-D5 can expose new matches), but a
	 * second pass must keep the contract too. */
	{
		struct norm_text again;
		if (normalize_text(&again, nt.s, nt.len, &a) != 0 ||
		    norm_validate(&again, nt.s) != 0)
			abort();
	}
	arena_release(&a);
	return 0;
}
