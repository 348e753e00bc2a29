/*
 * url: URLs, messaging links and domains (see url.h for what counts).
 *
 * One pass over the original text. At each word start that is not inside
 * an e-mail, a path or another token, parse_url() tries: a scheme, then a
 * host (labels of [A-Za-z0-9-] joined by dots), an optional port, then a
 * path/query/fragment of URL characters, trimmed of trailing punctuation
 * (")" only when unbalanced). URLs stop at the first non-ASCII byte, so
 * values are always ASCII. The host decides what the URL is: a WhatsApp or
 * Telegram link, a platform page, or an ordinary URL with a domain.
 */
#include <string.h>

#include "core/ascii.h"
#include "core/err.h"
#include "extract/ind.h"
#include "extract/phone.h"
#include "extract/url.h"
#include "core/banned.h"

struct tld {
	const char *name;
	int is_word;	/* also a short word: needs scheme, www. or a path */
};

static const struct tld tlds[] = {
	{ "com", 0 }, { "net", 0 }, { "org", 0 }, { "info", 0 },
	{ "biz", 0 }, { "mx", 0 }, { "gt", 0 }, { "hn", 0 }, { "sv", 0 },
	{ "ni", 1 }, { "cr", 0 }, { "pa", 1 }, { "co", 1 }, { "ec", 0 },
	{ "ve", 1 }, { "pe", 1 }, { "cu", 1 }, { "ht", 1 }, { "do", 1 },
	{ "br", 0 }, { "us", 1 }, { "io", 0 }, { "me", 1 }, { "link", 0 },
	{ "ly", 1 }, { "xyz", 0 }, { "site", 0 }, { "online", 0 },
	{ "top", 0 }, { "store", 0 }, { "shop", 0 }, { "app", 0 },
	{ "page", 0 }, { "club", 0 }, { "live", 0 }, { "tv", 0 },
	{ "website", 0 }, { "blog", 0 }, { "es", 1 }, { "fr", 0 },
	{ "it", 1 }, { "uk", 0 }, { "de", 1 }, { "eu", 0 }, { "ca", 1 },
	{ "cl", 0 }, { "ar", 1 }, { "bo", 0 }, { "uy", 1 }, { "py", 0 },
	{ "travel", 0 }, { "tours", 0 }, { "agency", 0 }, { "vip", 0 },
	{ "gg", 1 }, { "to", 1 },
};

/* Second-level public suffixes: the registrable domain is one label more. */
static const char *const suffix2[] = {
	"com.mx", "gob.mx", "org.mx", "net.mx", "edu.mx", "com.gt", "gob.gt",
	"org.gt", "com.hn", "gob.hn", "com.sv", "gob.sv", "com.ni", "gob.ni",
	"co.cr", "go.cr", "com.pa", "gob.pa", "com.co", "gov.co", "org.co",
	"com.ec", "gob.ec", "com.ve", "gob.ve", "com.pe", "gob.pe", "com.cu",
	"com.do", "gob.do", "com.br", "gov.br", "org.br", "net.br", "com.ar",
	"gob.ar", "co.uk", "org.uk", "gov.uk", "ac.uk", "com.es", "com.ht",
	"com.bo", "com.py", "com.uy", "com.au", "co.jp", "com.tr",
};

struct platform {
	const char *host;	/* registrable domain */
	int fold_path;		/* paths are case-insensitive user names */
};

/* Hosts whose home page is generic: a URL only with a specific path, and
 * never a domain indicator. */
static const struct platform platforms[] = {
	{ "facebook.com", 1 }, { "fb.com", 1 }, { "fb.me", 0 },
	{ "fb.watch", 0 }, { "m.me", 1 }, { "messenger.com", 1 },
	{ "instagram.com", 1 }, { "instagr.am", 1 }, { "tiktok.com", 1 },
	{ "youtube.com", 0 }, { "youtu.be", 0 }, { "twitter.com", 1 },
	{ "x.com", 1 }, { "whatsapp.com", 0 }, { "t.me", 1 },
	{ "telegram.me", 1 }, { "telegram.org", 0 }, { "google.com", 0 },
	{ "goo.gl", 0 }, { "bit.ly", 0 }, { "tinyurl.com", 0 },
	{ "linktr.ee", 1 }, { "threads.net", 1 }, { "snapchat.com", 1 },
	{ "wa.me", 0 }, { "wa.link", 0 },
};

/* Found without a scheme whatever their TLD. */
static const char *const messaging_hosts[] = {
	"wa.me", "wa.link", "t.me", "telegram.me", "telegram.dog",
	"chat.whatsapp.com", "api.whatsapp.com",
};

/* Query keys that only track the click. */
static const char *const tracking[] = {
	"fbclid", "gclid", "dclid", "msclkid", "igshid", "igsh", "si",
	"mibextid", "ref", "ref_src", "ref_url", "feature", "_rdc", "_rdr",
	"hc_ref", "__tn__", "__xts__", "rdid", "share_url", "sfnsn", "wtsid",
	"is_from_webapp", "sender_device", "sender_web_id", "_t", "_r",
	"s", "t", "app", "text", "source", "from",
};

/* Telegram paths that are not user names. */
static const char *const tg_reserved[] = {
	"share", "addstickers", "addemoji", "addtheme", "addlist", "proxy",
	"socks", "iv", "login", "setlanguage", "bg", "confirmphone", "boost",
	"invoice", "m", "contact", "joinchat", "s", "c",
};

#define N_OF(a) (sizeof(a) / sizeof(a[0]))

static int eq_n(const char *a, size_t n, const char *b)
{
	return strlen(b) == n && memcmp(a, b, n) == 0;
}

static int in_list(const char *const *list, size_t n_list, const char *p,
		   size_t n)
{
	for (size_t i = 0; i < n_list; i++)
		if (eq_n(p, n, list[i]))
			return 1;
	return 0;
}

static int ieq_prefix(const char *s, size_t len, size_t i, const char *lit)
{
	size_t n = strlen(lit);

	if (i + n > len)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (ascii_tolower((unsigned char)s[i + k]) != lit[k])
			return 0;
	return 1;
}

/* Printable ASCII but < > " ` { } | ^ and backslash (a table: paths test
 * every byte). */
#define URL_CHAR(c) ((c) > 0x20 && (c) < 0x7f && (c) != '<' && (c) != '>' && \
		     (c) != '"' && (c) != '`' && (c) != '{' && (c) != '}' && \
		     (c) != '|' && (c) != '\\' && (c) != '^')
static const unsigned char url_char[256] = { ASCII_TABLE(URL_CHAR) };

static int is_url_char(unsigned char c)
{
	return url_char[c];
}

static int is_host_char(unsigned char c)
{
	return ascii_is_alnum(c) || c == '-' || c == '.';
}

/* A host byte other than '.' (url_find's word scan tests every byte). */
#define LABEL_BYTE(c) (ASCII_ALNUM_C(c) || (c) == '-')
static const unsigned char label_byte[256] = { ASCII_TABLE(LABEL_BYTE) };

size_t url_registrable_domain(const char *host, size_t len)
{
	size_t dots[3] = { 0 }, nd = 0, keep;

	/* positions just after the last three dots, right to left */
	for (size_t i = len; i-- > 0 && nd < 3;)
		if (host[i] == '.')
			dots[nd++] = i + 1;
	if (nd < 1)
		return 0;
	keep = 2;
	if (nd >= 2 && in_list(suffix2, N_OF(suffix2), host + dots[1],
			       len - dots[1]))
		keep = 3;
	return nd >= keep ? dots[keep - 1] : 0;
}

static const struct tld *find_tld(const char *p, size_t n)
{
	for (size_t i = 0; i < N_OF(tlds); i++)
		if (eq_n(p, n, tlds[i].name))
			return &tlds[i];
	return NULL;
}

/* One URL as found, with its parts lower-cased or borrowed. */
struct url {
	size_t start, end;		/* in the original text */
	size_t host_start;		/* in the original text */
	char scheme[16];		/* lower case, "" if none */
	char host[256];			/* lower case, no "www." */
	size_t host_len;
	const char *path;		/* borrowed: "/..." up to ? or #, or "" */
	size_t path_len;
	const char *query;		/* borrowed, after "?", up to # */
	size_t query_len;
};

/* Trim what a sentence puts after a URL: ".", ",", ")" with no "(" ... */
static size_t trim_tail(const char *s, size_t b, size_t e)
{
	while (e > b) {
		char c = s[e - 1];
		if (strchr(".,;:!?'\"*]", c)) {
			e--;
		} else if (c == ')') {
			int depth = 0;
			for (size_t i = b; i < e; i++)
				depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
			if (depth >= 0)
				break;
			e--;
		} else {
			break;
		}
	}
	return e;
}

/* Parse a URL at s[i]; returns its end, or 0. */
static size_t parse_url(const char *s, size_t len, size_t i, struct url *u)
{
	size_t p = i, h, he, e, lab = 0, nlab = 0, last_lab = 0;
	int has_scheme = 0, has_www = 0;
	const struct tld *t;

	/* Every field, but not the 256-byte host buffer: most calls fail
	 * at once (a word before a full stop), and the buffer is written up
	 * to host_len and terminated before anything reads it. */
	u->start = i;
	u->end = u->host_start = 0;
	u->scheme[0] = u->host[0] = '\0';
	u->host_len = u->path_len = u->query_len = 0;
	u->path = u->query = "";
	if (ieq_prefix(s, len, p, "https://") || ieq_prefix(s, len, p, "http://")) {
		has_scheme = 1;
		p += s[p + 4] == ':' ? 7 : 8;
	} else if (ieq_prefix(s, len, p, "whatsapp://") ||
		   ieq_prefix(s, len, p, "tg://")) {
		size_t n = s[p] == 't' || s[p] == 'T' ? 2 : 8;
		memcpy(u->scheme, s[p] == 't' || s[p] == 'T' ? "tg" : "whatsapp",
		       n + 1);
		p += n + 3;
		/* whatsapp://send?phone=, tg://resolve?domain= : the "host"
		 * is the action */
		h = p;
		while (p < len && ascii_is_alpha((unsigned char)s[p]))
			p++;
		if (p == h || p - h > 16)
			return 0;
		for (size_t k = h; k < p; k++)
			u->host[u->host_len++] = (char)ascii_tolower(
				(unsigned char)s[k]);
		u->host_start = h;
		goto rest;
	}
	h = p;
	while (p < len && is_host_char((unsigned char)s[p]))
		p++;
	he = p;
	while (he > h && s[he - 1] == '.')
		he--;
	if (he - h > 253 || he == h)
		return 0;
	if (ieq_prefix(s, len, h, "www.")) {
		has_www = 1;
		h += 4;
	}
	/* labels: non-empty, at most 63 bytes, no leading/trailing '-' */
	lab = h;
	for (size_t k = h; k <= he; k++) {
		if (k == he || s[k] == '.') {
			if (k == lab || k - lab > 63 || s[lab] == '-' ||
			    s[k - 1] == '-')
				return 0;
			nlab++;
			last_lab = lab;
			lab = k + 1;
		}
	}
	if (nlab < 2)
		return 0;
	for (size_t k = last_lab; k < he; k++)
		if (!ascii_is_alpha((unsigned char)s[k]))
			return 0;
	if (he - last_lab < 2)
		return 0;
	for (size_t k = h; k < he; k++)
		u->host[u->host_len++] = (char)ascii_tolower((unsigned char)s[k]);
	u->host[u->host_len] = '\0';
	u->host_start = h;
	p = he;
	/* an e-mail's local part, or a mid-token host */
	if (p < len && (s[p] == '@' || s[p] == '_'))
		return 0;
	t = find_tld(u->host + (last_lab - h), he - last_lab);
	if (!has_scheme) {
		int has_path = p < len && s[p] == '/' && p + 1 < len &&
			       is_url_char((unsigned char)s[p + 1]);
		if (!in_list(messaging_hosts, N_OF(messaging_hosts), u->host,
			     u->host_len) &&
		    (!t || (t->is_word && !has_www && !has_path)))
			return 0;
	}
	memcpy(u->scheme, has_scheme ? "http" : "", has_scheme ? 5 : 1);
	/* port */
	if (p + 1 < len && s[p] == ':' && ascii_is_digit((unsigned char)s[p + 1])) {
		p++;
		while (p < len && ascii_is_digit((unsigned char)s[p]))
			p++;
	}
rest:
	u->host[u->host_len] = '\0';
	e = p;
	if (p < len && (s[p] == '/' || s[p] == '?' || s[p] == '#')) {
		while (e < len && is_url_char((unsigned char)s[e]))
			e++;
		e = trim_tail(s, p, e);
	}
	if (e - i > URL_MAX_BYTES)
		return 0;
	u->end = e;
	/* split path / query at '?' and drop the '#' fragment */
	{
		size_t q = p, f;
		while (q < e && s[q] != '?' && s[q] != '#')
			q++;
		u->path = s + p;
		u->path_len = q - p;
		f = q;
		while (f < e && s[f] != '#')
			f++;
		if (q < f && s[q] == '?') {
			u->query = s + q + 1;
			u->query_len = f - q - 1;
		}
	}
	return e;
}

/* Value of key in the query, or NULL. */
static const char *query_get(const struct url *u, const char *key,
			     size_t *n)
{
	const char *q = u->query, *end = u->query + u->query_len;
	size_t kl = strlen(key);

	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		const char *pe = amp ? amp : end;
		if ((size_t)(pe - q) > kl && memcmp(q, key, kl) == 0 &&
		    q[kl] == '=') {
			*n = (size_t)(pe - q) - kl - 1;
			return q + kl + 1;
		}
		q = pe + 1;
	}
	return NULL;
}

/* Digits of a phone parameter: "%2B52155...", "+52 155...". */
static size_t phone_digits(const char *v, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		if (ascii_is_digit((unsigned char)v[i])) {
			if (o + 1 >= cap)
				return 0;
			out[o++] = v[i];
		} else if (v[i] == '%' && i + 2 < n) {
			i += 2;	/* %2B, %20 */
		} else if (!strchr("+-. ()", v[i])) {
			return 0;
		}
	}
	out[o] = '\0';
	return o;
}

static int add_link(struct ind_sink *k, const struct url *u, const char *v,
		    size_t n, const char *kind)
{
	struct indicator *it;
	int rc = ind_add(k, IND_LINK, v, n, (uint32_t)u->start,
			 (uint32_t)u->end, &it);

	if (rc < 0)
		return rc;
	if (it)
		it->link_kind = kind;
	return 0;
}

/* wa.me/<digits>, api.whatsapp.com/send?phone=...: a link and a phone. */
static int whatsapp_phone(struct ind_sink *k, const struct url *u,
			  const char *d, size_t n)
{
	char e164[PHONE_E164_MAX], v[40];
	const char *region;
	size_t vn;
	int rc;

	if (n < 7 || n > 15)
		return 0;
	region = phone_parse_intl(d, n, e164);
	if (region) {
		d = e164 + 1;
		n = strlen(d);
	}
	memcpy(v, "wa.me/", 6);
	memcpy(v + 6, d, n);
	vn = 6 + n;
	if ((rc = add_link(k, u, v, vn, "whatsapp")) < 0)
		return rc;
	if (!region)
		return 0;
	return ind_add_phone(k, e164, region, (uint32_t)u->start,
			     (uint32_t)u->end);
}

/* Path segment number idx (0-based) of u: "/a/b" -> "a", "b". */
static const char *segment(const struct url *u, size_t idx, size_t *n)
{
	const char *p = u->path, *end = u->path + u->path_len;

	for (;;) {
		const char *b, *e;
		while (p < end && *p == '/')
			p++;
		if (p >= end)
			return NULL;
		b = p;
		e = memchr(b, '/', (size_t)(end - b));
		if (!e)
			e = end;
		if (idx-- == 0) {
			*n = (size_t)(e - b);
			return b;
		}
		p = e;
	}
}

static int all_class(const char *p, size_t n, int (*ok)(int))
{
	for (size_t i = 0; i < n; i++)
		if (!ok((unsigned char)p[i]))
			return 0;
	return n > 0;
}

static int is_code_char(int c)
{
	return ascii_is_alnum(c) || c == '_' || c == '-';
}

static int is_digit_char(int c)
{
	return ascii_is_digit(c);
}

static int is_user_char(int c)
{
	return ascii_is_alnum(c) || c == '_';
}

static int link_with(struct ind_sink *k, const struct url *u,
		     const char *prefix, const char *code, size_t n,
		     int fold, const char *kind)
{
	char v[128];
	size_t pl = strlen(prefix);

	if (n == 0 || pl + n >= sizeof(v))
		return 0;
	memcpy(v, prefix, pl);
	for (size_t i = 0; i < n; i++)
		v[pl + i] = fold ? (char)ascii_tolower((unsigned char)code[i])
				 : code[i];
	return add_link(k, u, v, pl + n, kind);
}

static int telegram_user(struct ind_sink *k, const struct url *u,
			 const char *p, size_t n)
{
	if (n < 5 || n > 32 || !ascii_is_alpha((unsigned char)p[0]) ||
	    !all_class(p, n, is_user_char))
		return 0;
	return link_with(k, u, "t.me/", p, n, 1, "telegram");
}

static int telegram(struct ind_sink *k, const struct url *u)
{
	size_t n, n2;
	const char *s0 = segment(u, 0, &n), *s1 = segment(u, 1, &n2);

	if (!s0)
		return 0;
	if (s0[0] == '+' && n > 1) {
		if (all_class(s0 + 1, n - 1, is_digit_char)) {
			char e164[PHONE_E164_MAX];
			const char *region = phone_parse_intl(s0 + 1, n - 1,
							      e164);
			int rc = link_with(k, u, "t.me/+", s0 + 1, n - 1, 0,
					   "telegram");
			if (rc < 0 || !region)
				return rc;
			return ind_add_phone(k, e164, region,
					     (uint32_t)u->start,
					     (uint32_t)u->end);
		}
		if (all_class(s0 + 1, n - 1, is_code_char))
			return link_with(k, u, "t.me/+", s0 + 1, n - 1, 0,
					 "telegram_invite");
		return 0;
	}
	if (eq_n(s0, n, "joinchat") && s1 && all_class(s1, n2, is_code_char))
		return link_with(k, u, "t.me/+", s1, n2, 0, "telegram_invite");
	if (eq_n(s0, n, "s") && s1)
		return telegram_user(k, u, s1, n2);
	if (eq_n(s0, n, "c") && s1 && all_class(s1, n2, is_digit_char))
		return link_with(k, u, "t.me/c/", s1, n2, 0, "telegram");
	if (in_list(tg_reserved, N_OF(tg_reserved), s0, n))
		return 0;
	return telegram_user(k, u, s0, n);
}

static int host_is(const struct url *u, const char *h)
{
	return eq_n(u->host, u->host_len, h);
}

/* Messaging links; returns 1 if u was one (handled), 0 if not, or <0. */
static int messaging(struct ind_sink *k, struct url *u)
{
	size_t n, n2;
	const char *s0, *s1, *v;
	char d[24];

	if (!strcmp(u->scheme, "whatsapp") || host_is(u, "api.whatsapp.com") ||
	    host_is(u, "web.whatsapp.com") ||
	    ((host_is(u, "whatsapp.com") || host_is(u, "wa.me")) &&
	     (s0 = segment(u, 0, &n)) && eq_n(s0, n, "send"))) {
		v = query_get(u, "phone", &n);
		if (v && (n = phone_digits(v, n, d, sizeof(d))) > 0)
			return whatsapp_phone(k, u, d, n) < 0 ? -1 : 1;
		return 1;
	}
	if (host_is(u, "wa.me")) {
		s0 = segment(u, 0, &n);
		s1 = segment(u, 1, &n2);
		if (s0 && eq_n(s0, n, "message") && s1 &&
		    all_class(s1, n2, is_code_char))
			return link_with(k, u, "wa.me/message/", s1, n2, 0,
					 "whatsapp") < 0 ? -1 : 1;
		if (s0 && s0[0] == '+') {
			s0++;
			n--;
		}
		if (s0 && all_class(s0, n, is_digit_char))
			return whatsapp_phone(k, u, s0, n) < 0 ? -1 : 1;
		return 1;
	}
	if (host_is(u, "chat.whatsapp.com")) {
		s0 = segment(u, 0, &n);
		if (s0 && eq_n(s0, n, "invite"))
			s0 = segment(u, 1, &n);
		if (s0 && n >= 10 && n <= 40 &&
		    all_class(s0, n, ascii_is_alnum))
			return link_with(k, u, "chat.whatsapp.com/", s0, n, 0,
					 "whatsapp_group") < 0 ? -1 : 1;
		return 1;
	}
	if (host_is(u, "whatsapp.com") && (s0 = segment(u, 0, &n)) &&
	    eq_n(s0, n, "channel") && (s1 = segment(u, 1, &n2)) &&
	    all_class(s1, n2, ascii_is_alnum))
		return link_with(k, u, "whatsapp.com/channel/", s1, n2, 0,
				 "whatsapp") < 0 ? -1 : 1;
	if (host_is(u, "wa.link")) {
		s0 = segment(u, 0, &n);
		if (s0 && all_class(s0, n, is_code_char))
			return link_with(k, u, "wa.link/", s0, n, 0,
					 "whatsapp") < 0 ? -1 : 1;
		return 1;
	}
	if (!strcmp(u->scheme, "tg")) {
		if ((v = query_get(u, "domain", &n)) != NULL)
			return telegram_user(k, u, v, n) < 0 ? -1 : 1;
		if ((v = query_get(u, "invite", &n)) != NULL &&
		    all_class(v, n, is_code_char))
			return link_with(k, u, "t.me/+", v, n, 0,
					 "telegram_invite") < 0 ? -1 : 1;
		return 1;
	}
	if (host_is(u, "t.me") || host_is(u, "telegram.me") ||
	    host_is(u, "telegram.dog"))
		return telegram(k, u) < 0 ? -1 : 1;
	if (u->host_len > 5 &&
	    !memcmp(u->host + u->host_len - 5, ".t.me", 5)) {
		/* <username>.t.me */
		return telegram_user(k, u, u->host, u->host_len - 5) < 0 ? -1
									 : 1;
	}
	return 0;
}

static const struct platform *platform_of(const char *dom, size_t n)
{
	for (size_t i = 0; i < N_OF(platforms); i++)
		if (eq_n(dom, n, platforms[i].host))
			return &platforms[i];
	return NULL;
}

static int is_tracking(const char *key, size_t n)
{
	if (n >= 4 && !memcmp(key, "utm_", 4))
		return 1;
	if (n >= 5 && !memcmp(key, "__cft", 5))
		return 1;
	return in_list(tracking, N_OF(tracking), key, n);
}

/* An ordinary URL: normalised value, plus its domain unless a platform. */
static int plain_url(struct ind_sink *k, const struct url *u)
{
	char v[URL_MAX_BYTES + 256];
	size_t o = 0, dom = url_registrable_domain(u->host, u->host_len);
	const struct platform *pf = platform_of(u->host + dom,
						u->host_len - dom);
	const char *host = u->host;
	size_t host_len = u->host_len, path_len = u->path_len;
	const char *q = u->query, *qend = u->query + u->query_len;
	int rc, fold = pf && pf->fold_path, first = 1;

	/* m.facebook.com, mobile.twitter.com: same page */
	if (pf && host_len > 2 && !memcmp(host, "m.", 2)) {
		host += 2;
		host_len -= 2;
	}
	if (pf && host_len > 7 && !memcmp(host, "mobile.", 7)) {
		host += 7;
		host_len -= 7;
	}
	memcpy(v, host, host_len);
	o = host_len;
	while (path_len > 0 && u->path[path_len - 1] == '/')
		path_len--;
	for (size_t i = 0; i < path_len; i++)
		v[o++] = fold ? (char)ascii_tolower((unsigned char)u->path[i])
			      : u->path[i];
	while (q < qend) {
		const char *amp = memchr(q, '&', (size_t)(qend - q));
		const char *pe = amp ? amp : qend;
		const char *eq = memchr(q, '=', (size_t)(pe - q));
		size_t kn = (size_t)((eq ? eq : pe) - q);
		if (pe > q && !is_tracking(q, kn)) {
			v[o++] = first ? '?' : '&';
			memcpy(v + o, q, (size_t)(pe - q));
			o += (size_t)(pe - q);
			first = 0;
		}
		q = pe + 1;
	}
	/* a platform's home page says nothing about who posted */
	if (pf && o == host_len)
		return 0;
	if ((rc = ind_add(k, IND_URL, v, o, (uint32_t)u->start,
			  (uint32_t)u->end, NULL)) < 0)
		return rc;
	if (pf || dom >= u->host_len)
		return 0;
	rc = ind_add(k, IND_DOMAIN, u->host + dom, u->host_len - dom,
		     (uint32_t)(u->host_start + dom),
		     (uint32_t)(u->host_start + u->host_len), NULL);
	return rc < 0 ? rc : 0;
}

/* A URL may start here: not inside a word, path, e-mail or handle. */
static int can_start(const char *s, size_t i)
{
	unsigned char c;

	if (i == 0)
		return 1;
	c = (unsigned char)s[i - 1];
	switch (c) {	/* glued to one of .-_@/%+&=#~?$\\ : not a start */
	case '.': case '-': case '_': case '@': case '/': case '%': case '+':
	case '&': case '=': case '#': case '~': case '?': case '$': case '\\':
		return 0;
	default:
		return !ascii_is_alnum(c);
	}
}

/* A candidate at s[i] (a word followed by '.' or ':'): parse it and add
 * what it is; *next is where the scan goes on. Kept out of url_find's loop
 * (noinline) so that the loop over every byte keeps its index in a
 * register. Returns 0 or ATL_ENOMEM. */
__attribute__((noinline)) static int url_at(struct ind_sink *k, size_t i, size_t *next)
{
	const char *s = k->orig;
	size_t len = k->orig_len, e;
	struct url u;
	int rc;

	e = parse_url(s, len, i, &u);
	if (!e) {
		/* skip the rest of this token's word */
		while (i < len && ascii_is_alnum((unsigned char)s[i]))
			i++;
		*next = i;
		return 0;
	}
	rc = messaging(k, &u);
	if (rc == 0)
		rc = plain_url(k, &u);
	if (rc < 0)
		return ATL_ENOMEM;
	ind_take(k, (uint32_t)u.start, (uint32_t)u.end);
	*next = e > i ? e : i + 1;
	return 0;
}

int url_find(struct ind_sink *k)
{
	const char *s = k->orig;
	size_t len = k->orig_len, i = 0;

	while (i < len) {
		size_t e, next;

		if (!ascii_is_alnum((unsigned char)s[i]) || !can_start(s, i)) {
			i++;
			continue;
		}
		/* Most words have no dot and no "://": skip them whole. */
		e = i;
		while (e < len && label_byte[(unsigned char)s[e]])
			e++;
		if (e >= len || (s[e] != '.' && s[e] != ':')) {
			i = e > i ? e : i + 1;
			continue;
		}
		if (url_at(k, i, &next) < 0)
			return ATL_ENOMEM;
		i = next;
	}
	return 0;
}
