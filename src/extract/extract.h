/*
 * extract: indicators in one post.
 *
 * Phones and prices are found on the normalised text (so spelled-out and
 * spaced-out numbers are seen); URLs, messaging links, e-mails and handles on
 * the original text (their case matters: Telegram invite hashes, WhatsApp
 * group codes). Every indicator carries its span in the original text.
 */
#ifndef ATL_EXTRACT_H
#define ATL_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

#include "text/normalize.h"

struct arena;

enum ind_kind {
	IND_PHONE,	/* value: E.164 "+5215512345678" -> "+525512345678" */
	IND_LINK,	/* messaging link, normalised: "wa.me/50255550123",
			 * "chat.whatsapp.com/AbC...", "t.me/name", "t.me/+HASH" */
	IND_URL,	/* other URL, normalised (lower-case host, no www.,
			 * tracking keys dropped); platform home pages excluded */
	IND_DOMAIN,	/* registrable domain of a URL/link ("example.com.mx") */
	IND_HANDLE,	/* "@name", lower case */
	IND_EMAIL,	/* lower case */
	IND_PRICE,	/* value = amount; see amount/currency */
	IND_PLACE,	/* canonical lower-case place name from a built-in
			 * gazetteer: "tijuana", "ciudad juarez", "usa",
			 * "reino unido"; region = its country (ISO alpha-2) */
	IND__N
};

struct indicator {
	enum ind_kind kind;
	const char *value;	/* canonical value, NUL-terminated, in the arena */
	uint32_t start, end;	/* byte span in the original text */
	const char *amount;	/* IND_PRICE: decimal string ("8000", "5000.50") */
	const char *currency;	/* IND_PRICE: ISO 4217, or NULL if unknown */
	const char *region;	/* IND_PHONE, IND_PLACE: ISO 3166 alpha-2
				 * (static) or NULL */
	const char *link_kind;	/* IND_LINK: "whatsapp", "whatsapp_group",
				 * "telegram", "telegram_invite" (static) */
};

struct indicator_list {
	struct indicator *v;	/* in the arena */
	size_t n, cap;
};

struct extract_opts {
	const char *default_region;	/* ISO 3166 alpha-2 for numbers without
					 * a country code, or NULL: infer */
	size_t max_indicators;		/* per post and kind; 0 = 64 */
};

/* Find all indicators of one post; appends to out, ordered by start offset
 * within each kind, de-duplicated by (kind, value). Returns 0 or ATL_ENOMEM. */
int extract_indicators(struct indicator_list *out, const char *orig,
		       size_t orig_len, const struct norm_text *nt,
		       const struct extract_opts *o, struct arena *a);

/* "phones", "links", ... : the key of a kind in posts.jsonl. */
const char *ind_kind_key(enum ind_kind k);

#endif
