/*
 * deobfuscate: the word-level rules of normalize (internal to src/text).
 *
 * Each rule rewrites a struct norm_text in place: it reads the folded text
 * that normalize.c produced (lower case, one space between words, no
 * leading/trailing space) and never makes it longer, so it compacts with a
 * write index that trails the read index. Each output byte keeps the
 * original range of its source; a replacement maps every byte it writes to
 * the whole original range it replaced. The rules and their order are
 * listed at the top of normalize.c (D1-D5).
 */
#ifndef ATL_DEOBFUSCATE_H
#define ATL_DEOBFUSCATE_H

struct norm_text;

/* Run D1-D5 in order. t->s must hold t->len bytes plus room for the NUL;
 * t->start/t->end t->len + 1 entries. Cannot fail. */
void deobfuscate(struct norm_text *t);

/* The rules one by one (deobfuscate runs them all). */
void deob_split_digits(struct norm_text *t);	/* D1: "55📞12" -> "55 12" */
void deob_usa(struct norm_text *t);		/* D2: "ee.uu." -> "usa" */
void deob_digit_letters(struct norm_text *t);	/* D3: "55l2 3o45" -> "5512 3045" */
void deob_leet(struct norm_text *t);		/* D4: "c0y0t3" -> "coyote" */
void deob_spelled_digits(struct norm_text *t);	/* D5: "cinco cinco dos uno" -> "5 5 2 1" */

#endif
