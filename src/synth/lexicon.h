/*
 * lexicon: word lists that fill the placeholders of the phrase banks
 * (months, weekdays, digit words for spelled-out phones, first names,
 * cities, items for sale, emojis, organisation and handle parts) and the
 * table of coded spellings ("c0y0te", "wasap", "imbox") used as noise.
 * All static const data; shared by both splits.
 */
#ifndef ATL_SYNTH_LEXICON_H
#define ATL_SYNTH_LEXICON_H

#include <stddef.h>

#include "phrases.h"
#include "rng.h"

struct word_list {
	const char *const *w;
	size_t n;
};

struct lexicon {
	struct word_list months;	/* 12, January first */
	struct word_list weekdays;	/* 7, Sunday first */
	struct word_list digits;	/* 10, the words for 0..9 */
	struct word_list names;		/* first names */
	struct word_list cities;	/* cities for {C} */
	struct word_list items;		/* things sold on Marketplace */
};

enum lex_org { ORG_AGENCY, ORG_BUS, ORG_LEGAL, ORG_NGO, ORG_REMIT, ORG_NEWS, ORG_RECRUIT, ORG_COUNT };

const struct lexicon *lex_get(enum synth_lang l);
/* Organisation name parts: prefix by kind and language, then a core name. */
const struct word_list *lex_org_prefix(enum lex_org k, enum synth_lang l);
const struct word_list *lex_org_core(void);
/* Parts of account handles; is_shady picks the smuggling-flavoured set. */
const struct word_list *lex_handle_words(int is_shady);
const struct word_list *lex_last_names(void);
const struct word_list *lex_emojis(void);
/* Emojis that posters put between phone digits. */
const struct word_list *lex_phone_emojis(void);

/* A coded spelling of an ASCII word (case-insensitive match), or NULL.
 * pick chooses among the variants. */
const char *lex_obfuscate(const char *word, size_t len, unsigned pick);

/* A uniform pick from a non-empty list. */
static inline const char *pick_word(struct rng *r, const struct word_list *l)
{
	return l->w[rng_below(r, (uint32_t)l->n)];
}

#endif
