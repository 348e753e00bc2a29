/*
 * value: watch and query values ("phone:+5215512345678", "link:wa.me/...",
 * "handle:@x", "email:...", "url:...", "domain:...", "network:N12",
 * "author:...", "text:...") and partner indicators from STIX 2.1 bundles.
 *
 * Indicator values are canonicalised by running the extractor over the value
 * (so "+52 1 55 1234 5678" and "https://wa.me/52..." become what extraction
 * stores); when it finds nothing of the kind the value is kept as given,
 * lower-cased for handles, e-mails and domains. Pure; no database.
 */
#ifndef ATL_STORE_VALUE_H
#define ATL_STORE_VALUE_H

#include <stddef.h>

#include "core/err.h"

#define VALUE_KIND_TEXT 66	/* beyond STORE_KIND_* (query only) */
#define VALUE_MAX 1024

struct value {
	int kind;		/* enum ind_kind, STORE_KIND_NETWORK (value
				 * "N12"), STORE_KIND_AUTHOR, VALUE_KIND_TEXT */
	char v[VALUE_MAX];	/* canonical */
};

/* Parse "kind:value". ATL_EINVAL with a message for an unknown kind or an
 * empty or too long value. */
int value_parse(struct value *out, const char *spec, struct atl_err *err);

/* "phone", "link", ... for a kind. */
const char *value_kind_name(int kind);

/* Indicators of a STIX 2.1 bundle (len bytes of JSON): patterns of
 * indicator objects ([phone-number:value = '...'], [url:value = '...'],
 * [domain-name:value = ...], [email-addr:value = ...],
 * [user-account:account_login = '...'], joined by OR/AND) and url,
 * domain-name, email-addr, phone-number and user-account observables.
 * Calls fn for each value found (canonicalised); returns the number found,
 * or < 0 (ATL_EPARSE for JSON that is not a bundle). */
typedef int value_fn(void *ctx, const struct value *v, const char *note);
int value_from_stix(const char *json, size_t len, value_fn *fn, void *ctx,
		    struct atl_err *err);

#endif
