/*
 * redact: keyed tokens in place of personal data, for `scan --redact`.
 *
 * Phone numbers, e-mail addresses, handles, messaging links, URLs that carry
 * a number or an '@', WhatsApp authors and authors that look like phone
 * numbers or handles (a forwarded message's original author and id too)
 * are replaced by "tok:<kind>:<16 hex>", the first 64 bits of
 * HMAC-SHA256(key, "<kind>:" canonical value). The same key gives the same
 * token in every output and every run, so two organisations sharing a key can
 * match indicators without exchanging them. Kinds: ph (phone, E.164; a
 * wa.me/<number> link and a phone-number author get the phone's token), em
 * (e-mail), hd (handle), ln (other messaging link), ur (URL), au (author),
 * nm (a leftover run of 7+ digits that no extractor claimed).
 *
 * The post text is rebuilt with each such span replaced by its token, and
 * every indicator and reason span is moved to the new text. Extraction
 * de-duplicates by value, so a value written twice has one span: the text is
 * therefore re-extracted (up to REDACT_MAX_ROUNDS times) until no raw phone,
 * e-mail, handle or link is left, and leftover digit runs are tokenised too.
 *
 * The redactor is read-only after redactor_load: worker threads share it.
 */
#ifndef ATL_REDACT_H
#define ATL_REDACT_H

#include <stddef.h>

#include "core/err.h"
#include "detect/detect.h"
#include "extract/extract.h"
#include "io/record.h"

struct arena;

#define REDACT_MIN_KEY 16	/* bytes; shorter keys are refused */
#define REDACT_MAX_KEY 4096
#define REDACT_TOKEN_MAX 24	/* "tok:ph:" + 16 hex + NUL */
#define REDACT_MAX_ROUNDS 3

struct redactor {
	unsigned char key[REDACT_MAX_KEY];
	size_t key_len;
};

/* Read the key file once: its bytes, less one trailing newline (so a key
 * written by `echo` or by `head -c 32 /dev/urandom` both work). ATL_EIO when
 * unreadable, ATL_EINVAL when shorter than REDACT_MIN_KEY or longer than
 * REDACT_MAX_KEY. */
int redactor_load(struct redactor *r, const char *path, struct atl_err *err);

/* The token of value (n bytes) of kind ("ph", "em", ...) into out. 0 or ATL_ENOMEM. */
int redact_token(const struct redactor *r, const char *kind, const char *value, size_t n,
		 char out[REDACT_TOKEN_MAX]);

/* The token of one indicator value of kind, as redact_post gives it, into
 * *out (in a); NULL when the kind or value is kept as is (places, domains,
 * prices, a URL without a number or an '@', a token already). 0 or
 * ATL_ENOMEM. */
int redact_value(const struct redactor *r, enum ind_kind kind, const char *value,
		 struct arena *a, const char **out);
/* The token of an author on a platform, as redact_post gives it (phone-like
 * and handle-like authors everywhere, every WhatsApp author), into *out (in
 * a); NULL when the author is kept. 0 or ATL_ENOMEM. */
int redact_author_value(const struct redactor *r, struct str platform, struct str author,
			struct arena *a, const char **out);

/* Redact one processed post in place: rec->text, rec->author, the indicator
 * values and spans, and det's reason spans. New strings live in a.
 * Returns 0 or ATL_ENOMEM. */
int redact_post(const struct redactor *r, const struct extract_opts *xo, struct record *rec,
		struct indicator_list *ind, struct detect_result *det, struct arena *a);

#endif
