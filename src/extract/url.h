/*
 * url: URLs, messaging links and domains in the original text.
 *
 * Found with a scheme ("https://", "whatsapp://", "tg://"), with "www.", or
 * bare ("example.com.mx/page") when the top-level domain is in a small list
 * of common ones; TLDs that are also short words ("co", "me", "do", "es",
 * "de" ...) count only with a scheme, "www." or a path, so "ya.me voy" is
 * not a URL. Normalised: scheme and "www." dropped, host lower case, the
 * #fragment and tracking query keys (utm_*, fbclid, igshid, si, ...) dropped,
 * a trailing "/" dropped. Messaging links become IND_LINK (WhatsApp and
 * Telegram forms of docs/formats.md 8.2, with invite codes keeping their
 * case and Telegram usernames lower-cased; wa.me, api.whatsapp.com and
 * t.me/+digits links also give an IND_PHONE). Other URLs are IND_URL plus
 * their registrable domain as IND_DOMAIN. Platform hosts (facebook.com,
 * instagram.com, tiktok.com, youtube.com, x.com, whatsapp.com, t.me,
 * google.com, URL shorteners, ...) give a URL only for a specific page or
 * profile, and never a domain.
 */
#ifndef ATL_URL_H
#define ATL_URL_H

#include <stddef.h>

#define URL_MAX_BYTES 2048	/* longer URLs are skipped (hostile input) */

/* Offset in host (lower case, len bytes) where its registrable domain
 * (eTLD+1) begins: "shop.example.com.mx" -> "example.com.mx". */
size_t url_registrable_domain(const char *host, size_t len);

#endif
