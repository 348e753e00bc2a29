/*
 * normalize: the text every detector and extractor matches on, with a map
 * from each output byte back to the original bytes.
 *
 * References: Unicode Standard Annex #15, Unicode Normalization Forms
 * (https://www.unicode.org/reports/tr15/): NFKD = compatibility
 * decomposition, NFKC = NFKD followed by canonical composition; Unicode
 * case folding (CaseFolding.txt, The Unicode Standard section 5.18). Both
 * come from utf8proc's tables.
 *
 * Character rules (this file, one pass over the input):
 *  C1 Decode strictly (core/utf8.h utf8_decode); each maximal invalid
 *     subpart becomes U+FFFD and maps to the bytes it replaced.
 *  C2 ASCII fast path: letters are lower-cased from a table, no utf8proc
 *     call. Most posts are mostly ASCII.
 *  C3 Removed: C0/C1 controls other than whitespace (NUL included), every
 *     format character (Cf: zero-width space/joiners and bidi controls
 *     U+200B-U+200F, U+202A-U+202E, U+2060-U+2069, BOM U+FEFF, soft hyphen
 *     U+00AD, tag characters), Hangul fillers (invisible letters).
 *  C4 Combining marks (Mn, Mc, Me: accents, variation selectors
 *     U+FE00-U+FE0F, the keycap U+20E3) are removed; they belong to the
 *     character before them, whose original range grows to cover them. So
 *     "5️⃣" becomes "5" and maps back to all 7 bytes, and "e" + U+0301
 *     maps back to both characters. Any other removed character extends
 *     nothing.
 *  C5 Whitespace (ASCII, U+001C-U+001F, U+0085, Zs incl. NBSP, U+2009,
 *     U+202F, U+3000, and U+2028/U+2029) runs become one ASCII space that
 *     maps to the whole run; the ends are trimmed.
 *  C6 Decimal digits (category Nd: full-width, Arabic-Indic, Devanagari,
 *     mathematical ...) become ASCII digits; circled, dingbat and keycap-ten
 *     digits (U+2776-U+2793, U+24EB-U+24FF, U+1F10B, U+1F10C, U+1F51F)
 *     become their ASCII digits. Nd ranges are contiguous 0..9 runs (a
 *     Unicode stability guarantee), which gives the value without a table.
 *  C7 Everything else goes through utf8proc_decompose_char with
 *     COMPAT | CASEFOLD | STRIPMARK: compatibility decomposition (NFKD),
 *     case folding, marks stripped (é -> e, ñ -> n, ç -> c, ﬁ -> fi,
 *     ① -> 1). We do not recompose (the last step of NFKC): once marks are
 *     stripped, the only canonical compositions left are conjoining Hangul
 *     jamo, and precomposed Hangul syllables are passed through whole. So
 *     the output is NFKC except for Hangul spelled with loose jamo, and we
 *     save a second pass and a code-point buffer.
 *  C8 Bound: a character whose folded form is longer than 3 bytes per
 *     original byte (the Arabic ligatures U+FDFA/U+FDFB, squared CJK words
 *     such as U+337F) is kept as it is. Hence the output is never longer
 *     than len + 2 * (number of bytes >= 0x80) <= 3 * len, allocated once.
 *
 * Word rules (deobfuscate.c), in this order, on the folded text:
 *  D1 Emoji or symbols (non-ASCII So, Sm, Sk, Po), with any spaces around
 *     them, between two digits become one space: "55📞12" -> "55 12".
 *     Elsewhere emoji are kept.
 *  D2 USA variants become "usa": u$a, u.s.a., eeuu, ee.uu., ee uu, e.e.u.u.,
 *     e.u.a., eua, estados unidos. Runs before D4, which would read the $ of
 *     u$a as leetspeak. "us" alone stays (English pronoun).
 *  D3 In a digit run (tokens of digits and o/l/i joined by single spaces,
 *     dots or dashes, with at least 4 real digits and more digits than
 *     letters), o -> 0 and l, i -> 1; separators stay: "55l2 3o45" ->
 *     "5512 3045".
 *  D4 Leetspeak in words: 0->o 1->i 3->e 4->a 5->s 7->t @->a $->s in a
 *     token with at least 2 letters, no other digit, no run of 3+ digits,
 *     and a leet character between two letters, or a token that starts with
 *     a letter and has a leet character followed by a letter. So "c0y0t3"
 *     -> "coyote", but "8k", "24h", "5pm", "3ra", "usd500", "q50" stay.
 *     Tokens starting with @ (handles) and URL/email-like chunks are left.
 *  D5 Spelled-out digits (es, en, pt, fr: cero/zero, uno/una/one/um/uma/un/
 *     une ... nueve/nine/nove/neuf): a run of number words and digit groups
 *     with at least 2 words and at least 4 digits in all becomes digits,
 *     separators kept: "cinco cinco dos uno tres" -> "5 5 2 1 3",
 *     "55 uno dos" -> "55 1 2"; "dos personas" stays.
 */
#include "text/normalize.h"

#include <string.h>
#include <utf8proc.h>

#include "core/arena.h"
#include "core/ascii.h"
#include "core/err.h"
#include "core/swar.h"
#include "core/utf8.h"
#include "text/deobfuscate.h"
#include "core/banned.h"

/* Code points one character may fold into before C8 keeps it as it is. */
#define FOLD_MAX_CPS 32

/* ASCII byte classes for the fast path: what to do with the byte (low
 * bits), which deobfuscate hints it raises (DEOB_HAS_* << 2) and, for
 * A-Z, the bit that lower-cases it (AC_UPPER = 'a' - 'A'). */
enum { AC_KEEP = 0, AC_SPACE = 1, AC_DROP = 2, AC_WHAT = 3 };
#define AC_DIGIT (DEOB_HAS_DIGIT << 2)
#define AC_LEET (DEOB_HAS_LEET_SYM << 2)
#define AC_UPPER 0x20
#define AC_HINTS (AC_DIGIT | AC_LEET)
#define U AC_UPPER

static const unsigned char ascii_class[128] = {
	/* 0x00-0x08 controls, \t \n \v \f \r spaces, 0x0E-0x1B controls,
	 * 0x1C-0x1F information separators (Unicode whitespace) */
	2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1,
	/* space ! " # $ % & ' ( ) * + , - . / */
	1, 0, 0, 0, AC_LEET, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT,
	AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT, AC_DIGIT,
	0, 0, 0, 0, 0, 0,
	/* @ A-O */
	AC_LEET, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
	/* P-Z [ \ ] ^ _ */
	U, U, U, U, U, U, U, U, U, U, U, 0, 0, 0, 0, 0,
	/* ` a-z { | } ~ DEL */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2,
};
#undef U
_Static_assert((AC_HINTS & (AC_WHAT | AC_UPPER)) == 0, "class bits overlap");

/* The output being built by the character pass. */
struct emitter {
	char *s;
	uint32_t *start, *end;
	size_t len;			/* bytes written */
	size_t last_char;		/* where the last emitted character begins */
	uint32_t last_src_end;		/* end of its original range; 0 if none */
	int pending_space;		/* a whitespace run waits for the next char */
	uint32_t sp_start, sp_end;	/* its original range */
	unsigned hints;			/* DEOB_HAS_*: which word rules can apply */
};

static inline void flush_space(struct emitter *e)
{
	if (e->pending_space) {
		e->s[e->len] = ' ';
		e->start[e->len] = e->sp_start;
		e->end[e->len] = e->sp_end;
		e->len++;
		e->pending_space = 0;
	}
}

static inline void emit_space(struct emitter *e, uint32_t os, uint32_t oe)
{
	if (e->len == 0)
		return;		/* leading whitespace is trimmed */
	if (!e->pending_space) {
		e->pending_space = 1;
		e->sp_start = os;
	}
	e->sp_end = oe;
}

/* Emit the UTF-8 bytes of one output character mapped to [os, oe). */
static void emit_bytes(struct emitter *e, const char *b, int n, uint32_t os,
		       uint32_t oe)
{
	flush_space(e);
	e->last_char = e->len;
	e->hints |= ascii_is_digit((unsigned char)b[0]) ? DEOB_HAS_DIGIT : 0;
	e->hints |= (unsigned char)b[0] >= 0x80 ? DEOB_HAS_HIGH : 0;
	for (int i = 0; i < n; i++) {
		e->s[e->len] = b[i];
		e->start[e->len] = os;
		e->end[e->len] = oe;
		e->len++;
	}
	e->last_src_end = oe;
}

static void emit_cp(struct emitter *e, uint32_t cp, uint32_t os, uint32_t oe)
{
	char b[4];

	if (cp == ' ') {
		emit_space(e, os, oe);
		return;
	}
	emit_bytes(e, b, utf8_encode(cp, b), os, oe);
}

/* C4: a mark right after the last emitted character joins its range. */
static void extend_last(struct emitter *e, uint32_t os, uint32_t oe)
{
	if (e->len == 0 || e->pending_space || e->last_src_end != os)
		return;
	for (size_t i = e->last_char; i < e->len; i++)
		e->end[i] = oe;
	e->last_src_end = oe;
}

static int is_mark(int cat)
{
	return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
	       cat == UTF8PROC_CATEGORY_ME;
}

static int is_unicode_space(uint32_t cp, int cat)
{
	return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
	       cat == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

/* C6: value of a decimal digit (Nd). Nd characters come in contiguous
 * runs of whole 0..9 sets, so the offset from the start of the run, mod 10,
 * is the value. The longest run (mathematical digits) is 50 long. */
static int nd_value(uint32_t cp)
{
	uint32_t first = cp;

	while (first > 0 && cp - first < 64 &&
	       utf8proc_category((utf8proc_int32_t)(first - 1)) ==
		       UTF8PROC_CATEGORY_ND)
		first--;
	return (int)((cp - first) % 10);
}

/* C6: circled, dingbat and emoji digits utf8proc leaves alone (the plain
 * circled ones decompose by themselves). Writes ASCII into out and returns
 * its length, or 0. */
static int circled_digit(uint32_t cp, char *out)
{
	static const struct {
		uint32_t lo, hi;	/* inclusive */
		int first;		/* value of lo */
	} ranges[] = {
		{ 0x2776, 0x277F, 1 },	/* dingbat negative circled 1-10 */
		{ 0x2780, 0x2789, 1 },	/* dingbat circled sans-serif 1-10 */
		{ 0x278A, 0x2793, 1 },	/* dingbat negative circled sans-serif */
		{ 0x24EB, 0x24F4, 11 },	/* negative circled 11-20 */
		{ 0x24F5, 0x24FE, 1 },	/* double circled 1-10 */
		{ 0x24FF, 0x24FF, 0 },	/* negative circled 0 */
		{ 0x1F10B, 0x1F10C, 0 },/* dingbat circled sans-serif 0 */
		{ 0x1F51F, 0x1F51F, 10 },/* keycap ten emoji */
	};
	for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		if (cp < ranges[i].lo || cp > ranges[i].hi)
			continue;
		int v = ranges[i].first + (int)(cp - ranges[i].lo);
		if (cp == 0x1F10C)
			v = 0;
		if (v >= 10) {
			out[0] = (char)('0' + v / 10);
			out[1] = (char)('0' + v % 10);
			return 2;
		}
		out[0] = (char)('0' + v);
		return 1;
	}
	return 0;
}

/* One non-ASCII code point cp from original bytes [os, oe). */
static void fold_char(struct emitter *e, uint32_t cp, uint32_t os, uint32_t oe)
{
	utf8proc_int32_t cps[FOLD_MAX_CPS];
	char buf[4 * FOLD_MAX_CPS];
	int cat = utf8proc_category((utf8proc_int32_t)cp);
	int boundclass = 0;
	utf8proc_ssize_t n;
	size_t nb = 0;

	if (is_unicode_space(cp, cat)) {
		emit_space(e, os, oe);
		return;
	}
	if (is_mark(cat)) {
		extend_last(e, os, oe);
		return;
	}
	if (cat == UTF8PROC_CATEGORY_CF || cat == UTF8PROC_CATEGORY_CC ||
	    cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0)
		return;
	if (cat == UTF8PROC_CATEGORY_ND) {
		buf[0] = (char)('0' + nd_value(cp));
		emit_bytes(e, buf, 1, os, oe);
		return;
	}
	if ((cat == UTF8PROC_CATEGORY_NO || cat == UTF8PROC_CATEGORY_SO) &&
	    (nb = (size_t)circled_digit(cp, buf)) > 0) {
		emit_bytes(e, buf, (int)nb, os, oe);
		return;
	}
	if (cp >= 0xAC00 && cp <= 0xD7A3) {	/* Hangul syllable: keep (C7) */
		emit_cp(e, cp, os, oe);
		return;
	}
	n = utf8proc_decompose_char((utf8proc_int32_t)cp, cps, FOLD_MAX_CPS,
				    UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
				    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
				    &boundclass);
	if (n < 0 || n > FOLD_MAX_CPS) {
		emit_cp(e, cp, os, oe);
		return;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++)
		nb += (size_t)utf8_encode((uint32_t)cps[i], buf + nb);
	if (nb > 3 * (size_t)(oe - os)) {	/* C8 */
		emit_cp(e, cp, os, oe);
		return;
	}
	/* Emit code point by code point so that a space inside a
	 * decomposition (U+00A8 -> " ") joins the whitespace rule. */
	for (size_t i = 0; i < nb;) {
		uint32_t c;
		int k = utf8_decode((const unsigned char *)buf + i, nb - i, &c);
		if (k <= 0)
			break;	/* cannot happen: we encoded it */
		if (c == ' ')
			emit_space(e, os, oe);
		else
			emit_bytes(e, buf + i, k, os, oe);
		i += (size_t)k;
	}
}

/* C2 eight bytes at a time: 0 unless each byte of w (little-endian, as
 * read from the text) is printable ASCII (0x20-0x7E), no two spaces are
 * adjacent and the last byte is not a space. Then, with no space pending
 * and some output before (so a first space is a run of its own), the byte
 * loop below would emit exactly these 8 bytes, lower-cased, each mapped to
 * itself: a lone space becomes one space mapped to its own byte, like a
 * kept byte. Otherwise 1, and *lower gets w lower-cased, *cls the AC_HINTS
 * bits its bytes raise. */
static inline int ascii_block(uint64_t w, uint64_t *lower, unsigned *cls)
{
	/* bytes < 0x80 only, so the sums below never carry between bytes */
	uint64_t ge20 = w + SWAR_ONES * 0x60, del = w + SWAR_ONES, sp;

	if (w & SWAR_HIGH)
		return 0;
	if ((ge20 & ~del & SWAR_HIGH) != SWAR_HIGH)	/* a control byte or DEL */
		return 0;
	sp = swar_eq_ascii(w, ' ');
	if ((sp & sp >> 8) || (sp >> 63))
		return 0;
	*lower = w | swar_upper(w) >> 2;
	*cls = (swar_digit(w) ? AC_DIGIT : 0u) |
	       (swar_eq_ascii(w, '$') | swar_eq_ascii(w, '@') ? AC_LEET : 0u);
	return 1;
}

/* start[k] = i + k and end[k] = i + k + 1 for k < 8, as four 16-byte
 * stores (GCC's vector extension; a plain loop was not vectorised). */
static inline void store_map8(uint32_t *start, uint32_t *end, uint32_t i)
{
	typedef uint32_t u32x4 __attribute__((vector_size(16)));
	u32x4 v = (u32x4){ 0, 1, 2, 3 } + i;
	u32x4 w = v + 4;
	u32x4 v1 = v + 1, w1 = w + 1;

	memcpy(start, &v, sizeof(v));
	memcpy(start + 4, &w, sizeof(w));
	memcpy(end, &v1, sizeof(v1));
	memcpy(end + 4, &w1, sizeof(w1));
}

/* C2: a run of ASCII bytes from i; returns where it stops. The state
 * lives in locals: stores through e->s (a char pointer) would otherwise
 * make the compiler reload every field of e after each byte. */
static size_t fold_ascii(struct emitter *e, const unsigned char *p, size_t n,
			 size_t i)
{
	char *s = e->s;
	uint32_t *st = e->start, *en = e->end;
	size_t len = e->len, last = e->last_char;
	uint32_t lse = e->last_src_end, sps = e->sp_start, spe = e->sp_end;
	int pend = e->pending_space;
	unsigned cls_or = 0;

	for (; i < n; i++) {
		unsigned char c = p[i];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		uint64_t w, lw;
		unsigned bc;

		while (!pend && len > 0 && i + 8 <= n &&
		       (memcpy(&w, p + i, 8), ascii_block(w, &lw, &bc))) {
			memcpy(s + len, &lw, 8);
			store_map8(st + len, en + len, (uint32_t)i);
			cls_or |= bc;
			len += 8;
			i += 8;
			last = len - 1;
			lse = (uint32_t)i;
		}
		if (i >= n)
			break;
		c = p[i];
#endif
		if (c >= 0x80)
			break;
		unsigned cls = ascii_class[c];
		cls_or |= cls;
		if ((cls & AC_WHAT) == AC_KEEP) {
			if (pend) {
				s[len] = ' ';
				st[len] = sps;
				en[len] = spe;
				len++;
				pend = 0;
			}
			s[len] = (char)(c | (cls & AC_UPPER));
			st[len] = (uint32_t)i;
			en[len] = (uint32_t)i + 1;
			last = len++;
			lse = (uint32_t)i + 1;
		} else if ((cls & AC_WHAT) == AC_SPACE && len > 0) {
			if (!pend)
				sps = (uint32_t)i;
			pend = 1;
			spe = (uint32_t)i + 1;
		}
	}
	e->len = len;
	e->last_char = last;
	e->last_src_end = lse;
	e->pending_space = pend;
	e->sp_start = sps;
	e->sp_end = spe;
	e->hints |= (cls_or & AC_HINTS) >> 2;
	return i;
}

/* C1-C8 over the whole input. */
static void fold_text(struct emitter *e, const unsigned char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		int k;

		if (p[i] < 0x80) {
			i = fold_ascii(e, p, n, i);
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (k < 0) {
			emit_cp(e, 0xFFFD, (uint32_t)i, (uint32_t)(i + (size_t)-k));
			i += (size_t)-k;
			continue;
		}
		fold_char(e, cp, (uint32_t)i, (uint32_t)(i + (size_t)k));
		i += (size_t)k;
	}
}

/* Bytes >= 0x80 in p, eight at a time (the sum of the top bits of a
 * word, gathered into its top byte by the multiplication). */
static size_t count_high_bytes(const unsigned char *p, size_t n)
{
	size_t k = 0, i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		k += (size_t)((((w & SWAR_HIGH) >> 7) * SWAR_ONES) >> 56);
	}
	for (; i < n; i++)
		k += p[i] >> 7;
	return k;
}

int normalize_text(struct norm_text *out, const char *text, size_t len,
		   struct arena *a)
{
	const unsigned char *p = (const unsigned char *)text;
	struct emitter e;
	size_t cap;

	memset(out, 0, sizeof(*out));
	if (len > UINT32_MAX)
		return ATL_ETOOBIG;
	/* C8: ASCII maps 1:1 or shrinks, a non-ASCII character of k bytes
	 * (or an invalid subpart of k bytes) gives at most 3k bytes. */
	cap = len + 2 * count_high_bytes(p, len);
	memset(&e, 0, sizeof(e));
	e.s = arena_alloc(a, cap + 1);
	e.start = arena_alloc(a, (cap + 1) * sizeof(uint32_t));
	e.end = arena_alloc(a, (cap + 1) * sizeof(uint32_t));
	if (!e.s || !e.start || !e.end)
		return ATL_ENOMEM;
	fold_text(&e, p, len);

	out->s = e.s;
	out->start = e.start;
	out->end = e.end;
	out->len = e.len;
	out->orig_len = len;
	out->s[out->len] = '\0';
	out->start[out->len] = (uint32_t)len;
	out->end[out->len] = (uint32_t)len;
	deobfuscate(out, e.hints);
	return 0;
}

void norm_span_orig(const struct norm_text *nt, size_t ns, size_t ne,
		    size_t *os, size_t *oe)
{
	if (ne > nt->len)
		ne = nt->len;
	if (ns >= ne) {
		*os = *oe = nt->start[ns < nt->len ? ns : nt->len];
		return;
	}
	*os = nt->start[ns];
	*oe = nt->end[ne - 1];
}

/* Walk *cur along the original's character boundaries (the segmentation
 * utf8_decode gives) up to off; is off one of them? */
static int on_boundary(const unsigned char *p, size_t n, size_t *cur, size_t off)
{
	while (*cur < off) {
		uint32_t cp;
		int k = utf8_decode(p + *cur, n - *cur, &cp);
		*cur += (size_t)(k < 0 ? -k : k);
	}
	return *cur == off;
}

int norm_validate(const struct norm_text *nt, const char *orig)
{
	const unsigned char *p = (const unsigned char *)orig;
	size_t n = nt->orig_len, cur_s = 0, cur_e = 0;

	if (nt->len > n + 2 * count_high_bytes(p, n) || nt->s[nt->len] != '\0' ||
	    strlen(nt->s) != nt->len || utf8_count_invalid(nt->s, nt->len) != 0)
		return ATL_EINVAL;
	if (nt->start[nt->len] != n || nt->end[nt->len] != n)
		return ATL_EINVAL;
	if (nt->len > 0 && (nt->s[0] == ' ' || nt->s[nt->len - 1] == ' '))
		return ATL_EINVAL;
	for (size_t i = 0; i < nt->len; i++) {
		if (ascii_is_upper((unsigned char)nt->s[i]) ||
		    (nt->s[i] == ' ' && nt->s[i + 1] == ' '))
			return ATL_EINVAL;
		if (nt->start[i] > nt->end[i] || nt->end[i] > n ||
		    nt->start[i] > nt->start[i + 1] || nt->end[i] > nt->end[i + 1])
			return ATL_EINVAL;
		if (!on_boundary(p, n, &cur_s, nt->start[i]) ||
		    !on_boundary(p, n, &cur_e, nt->end[i]))
			return ATL_EINVAL;
	}
	return 0;
}
