/*
 * lang: which language a post is written in (es, en, pt, ht, fr, other).
 *
 * A small, fast scorer over NORMALISED text (lower case, no accents): each
 * word found in a table of frequent function words votes for the languages
 * that use it (a word used by one language only votes twice), plus a few
 * spelling cues (pt "-cao"/"-oes"/"nh"/"lh", fr "-eau"/"-aux"). Good enough
 * to pick a feature set and to report; not a general language identifier.
 */
#ifndef ATL_LANG_H
#define ATL_LANG_H

#include <stddef.h>

enum lang { LANG_ES, LANG_EN, LANG_PT, LANG_HT, LANG_FR, LANG_OTHER, LANG__N };

/* Identify the language of len bytes of normalised text. */
enum lang lang_detect(const char *s, size_t len);
/* "es", "en", "pt", "ht", "fr", "other" (static). */
const char *lang_code(enum lang l);
/* The language whose code is code, or LANG_OTHER. */
enum lang lang_from_code(const char *code);

/* For tests: the word table is sorted and without duplicates, and its hash
 * slots hold exactly its words. */
int lang_table_ok(void);

#endif
