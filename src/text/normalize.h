/*
 * normalize: the text used for matching, with a map back to the original.
 *
 * The original post text is kept for display; every detector, extractor and
 * signature works on the normalised form, and every span they report is
 * mapped back through start[]/end[] so that an analyst sees the original
 * words. Contract of the normalised text (see normalize.c for the rules):
 *   - valid UTF-8, NUL-terminated, lower case (Unicode case folding), NFKC,
 *     accents (combining marks) stripped;
 *   - zero-width and bidi controls and variation selectors removed;
 *   - every whitespace run (incl. newlines, NBSP, U+202F) becomes one ASCII
 *     space; no leading or trailing space;
 *   - de-obfuscated: keycap and full-width digits become ASCII digits,
 *     emoji or symbols between digits become a space, O/o and l/I inside
 *     digit runs become 0 and 1, leetspeak inside words is undone (c0y0t3 ->
 *     coyote), U$A/EEUU/E.U.A. variants become "usa", runs of spelled-out
 *     digits in es/en/pt become digits ("cinco cinco dos" -> "5 5 2").
 * Digit groups keep their separators (spaces, dots, dashes), so extractors
 * see "55 1234 5678" and decide what is a phone number, a price or a date.
 */
#ifndef ATL_NORMALIZE_H
#define ATL_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

struct norm_text {
	char *s;		/* normalised text, NUL-terminated; in the arena */
	size_t len;		/* bytes in s, excluding the NUL */
	uint32_t *start;	/* start[i]: original byte offset where the source
				 * of s[i] begins; len+1 entries, start[len] =
				 * original length */
	uint32_t *end;		/* end[i]: original byte offset just past the
				 * source of s[i]; len+1 entries */
	size_t orig_len;	/* bytes in the original text */
};

/* Normalise text (len bytes of valid UTF-8; invalid bytes are treated as
 * U+FFFD). Everything is allocated in the arena, once: s gets room for
 * len + 2 * (bytes >= 0x80) + 1 bytes (at most 3 * len + 1), start and end
 * as many entries, and the output is never longer. For each output byte,
 * [start[i], end[i]) is the original range of the character(s) it came
 * from, always on original character boundaries (an invalid subpart counts
 * as one character); a combining mark belongs to the character before it;
 * a word-rule replacement maps each byte it writes to the whole original
 * range it replaced. start and end are non-decreasing. Thread-safe (no
 * shared state). Returns 0, or ATL_ENOMEM, or ATL_ETOOBIG when
 * len > UINT32_MAX; on error *out is zeroed. */
int normalize_text(struct norm_text *out, const char *text, size_t len,
		   struct arena *a);

/* Map the normalised span [ns, ne) (ns < ne <= len) to the original span
 * [*os, *oe) = [start[ns], end[ne - 1]]: the smallest original range that
 * covers it. An empty span (ns >= ne) gives an empty range at start[ns]. */
void norm_span_orig(const struct norm_text *nt, size_t ns, size_t ne,
		    size_t *os, size_t *oe);

/* Check the contract above on a result (tests, fuzzing, debug asserts):
 * valid UTF-8 without NUL or ASCII upper case, single inner spaces, the
 * length bound, and the map invariants against orig (nt->orig_len bytes).
 * Returns 0, or ATL_EINVAL at the first violation. O(len + orig_len). */
int norm_validate(const struct norm_text *nt, const char *orig);

#endif
