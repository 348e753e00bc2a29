/*
 * post_facts: see post_facts.h. The parser keeps a small stack of frames
 * (object or array, and the current key of an object) and recognises the
 * paths $.flagged, $.score, $.created_at, $.cluster and
 * $.indicators.prices[*].amount / .currency; everything else is skipped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "report/post_facts.h"

#include "core/banned.h"

#define MAX_FRAMES 8		/* deeper levels are counted, not tracked */
#define KEY_BYTES 16		/* keys we look for are shorter */

struct frame {
	int is_map;
	char key[KEY_BYTES];	/* current key, "" when too long */
};

struct ctx {
	struct post_facts *f;
	struct frame fr[MAX_FRAMES];
	int depth;		/* open containers */
	int in_price;		/* inside one $.indicators.prices[*] object */
	double amount;
	char currency[8];
};

static const char *key_at(const struct ctx *c, int level)
{
	return level >= 1 && level <= c->depth && level <= MAX_FRAMES && c->fr[level - 1].is_map
		       ? c->fr[level - 1].key : NULL;
}

static int key_is(const struct ctx *c, int level, const char *k)
{
	const char *s = key_at(c, level);

	return s && strcmp(s, k) == 0;
}

/* True when the open containers are $.indicators.prices[*]{...}. */
static int at_price(const struct ctx *c)
{
	return c->depth == 4 && key_is(c, 1, "indicators") && key_is(c, 2, "prices") &&
	       !c->fr[2].is_map && c->fr[3].is_map;
}

static void copy_str(char *dst, size_t cap, const unsigned char *s, size_t n)
{
	if (n >= cap) {
		dst[0] = '\0';
		return;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int on_bool(void *p, int v)
{
	struct ctx *c = p;

	if (c->depth == 1 && key_is(c, 1, "flagged"))
		c->f->flagged = v;
	return 1;
}

static int on_number(void *p, const char *s, size_t n)
{
	struct ctx *c = p;
	char tmp[64];
	double v;

	if (n >= sizeof(tmp))
		return 1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	v = strtod(tmp, NULL);
	if (c->depth == 1 && key_is(c, 1, "score"))
		c->f->score = isfinite(v) ? v : 0;
	else if (c->in_price && at_price(c) && key_is(c, 4, "amount"))
		c->amount = v;
	return 1;
}

static int on_string(void *p, const unsigned char *s, size_t n)
{
	struct ctx *c = p;

	if (c->depth == 1) {
		if (key_is(c, 1, "created_at"))
			copy_str(c->f->created_at, sizeof(c->f->created_at), s, n);
		else if (key_is(c, 1, "cluster"))
			copy_str(c->f->cluster, sizeof(c->f->cluster), s, n);
	} else if (c->in_price && at_price(c)) {
		if (key_is(c, 4, "currency")) {
			copy_str(c->currency, sizeof(c->currency), s, n);
		} else if (key_is(c, 4, "amount")) {
			char tmp[64], *end;

			copy_str(tmp, sizeof(tmp), s, n);
			c->amount = strtod(tmp, &end);
			if (end == tmp)
				c->amount = NAN;	/* not a number at all */
		}
	}
	return 1;
}

static int open_frame(struct ctx *c, int is_map)
{
	if (c->depth < MAX_FRAMES) {
		c->fr[c->depth].is_map = is_map;
		c->fr[c->depth].key[0] = '\0';
	}
	c->depth++;
	if (is_map && at_price(c)) {
		c->in_price = 1;
		c->amount = NAN;
		c->currency[0] = '\0';
	}
	return 1;
}

static int on_start_map(void *p)
{
	return open_frame(p, 1);
}

static int on_start_array(void *p)
{
	return open_frame(p, 0);
}

static int on_end(void *p)
{
	struct ctx *c = p;

	if (c->in_price && at_price(c)) {
		struct post_facts *f = c->f;

		c->in_price = 0;
		if (f->n_prices < POST_FACTS_MAX_PRICES && c->currency[0] && isfinite(c->amount)) {
			f->prices[f->n_prices].amount = c->amount;
			memcpy(f->prices[f->n_prices].currency, c->currency, sizeof(c->currency));
			f->n_prices++;
		}
	}
	c->depth--;
	return 1;
}

static int on_key(void *p, const unsigned char *s, size_t n)
{
	struct ctx *c = p;

	if (c->depth >= 1 && c->depth <= MAX_FRAMES)
		copy_str(c->fr[c->depth - 1].key, KEY_BYTES, s, n);
	return 1;
}

static int on_null(void *p)
{
	(void)p;
	return 1;
}

static const yajl_callbacks callbacks = {
	on_null, on_bool, NULL, NULL, on_number, on_string,
	on_start_map, on_key, on_end, on_start_array, on_end,
};

int post_facts_parse(struct post_facts *f, const char *line, size_t len)
{
	struct ctx c;
	yajl_handle h;
	int ok;
	size_t i = 0;

	memset(f, 0, sizeof(*f));
	memset(&c, 0, sizeof(c));
	c.f = f;
	while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
		i++;
	if (i == len || line[i] != '{')
		return -1;
	h = yajl_alloc(&callbacks, NULL, &c);
	if (!h)
		return -1;
	ok = yajl_parse(h, (const unsigned char *)line, len) == yajl_status_ok &&
	     yajl_complete_parse(h) == yajl_status_ok;
	yajl_free(h);
	return ok ? 0 : -1;
}
