/*
 * deobfuscate: rules D1-D5 of normalize (listed, with examples, at the top
 * of normalize.c). The input is already folded: ASCII letters are lower
 * case, words are separated by exactly one space.
 *
 * Every rule is one linear scan. The rules that shrink the text (D1, D2,
 * D5) compact in place with a write index w that trails the read index r;
 * D3 and D4 swap bytes one for one and leave the map alone. Every scan
 * that looks ahead (a run of tokens) resumes after what it looked at, so
 * hostile input cannot make a rule quadratic.
 */
#include "text/deobfuscate.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "core/ascii.h"
#include "core/swar.h"
#include "core/utf8.h"
#include "text/normalize.h"
#include "core/banned.h"

/* In-place compaction: [0, w) is final, [r, len) is not copied yet; a
 * rule scans ahead with its own index i >= r and calls ed_flush(e, i)
 * before it writes, so text without a match is never copied at all.
 * Bytes at or after r are still the original ones. */
struct editor {
	struct norm_text *t;
	size_t r, w;
};

static void ed_flush(struct editor *e, size_t upto)
{
	struct norm_text *t = e->t;
	size_t n = upto - e->r;

	if (e->w != e->r && n > 0) {
		memmove(t->s + e->w, t->s + e->r, n);
		memmove(t->start + e->w, t->start + e->r, n * sizeof(*t->start));
		memmove(t->end + e->w, t->end + e->r, n * sizeof(*t->end));
	}
	e->w += n;
	e->r = upto;
}

/* After ed_flush: write rep (n_rep bytes) for the n_in bytes at r,
 * n_rep <= n_in; every byte written maps to the original range
 * [os, oe). */
static void ed_put(struct editor *e, size_t n_in, const char *rep,
		   size_t n_rep, uint32_t os, uint32_t oe)
{
	struct norm_text *t = e->t;

	for (size_t i = 0; i < n_rep; i++) {
		t->s[e->w] = rep[i];
		t->start[e->w] = os;
		t->end[e->w] = oe;
		e->w++;
	}
	e->r += n_in;
}

/* Replace [at, at + n_in) by rep, mapped to its whole original range. */
static void ed_replace(struct editor *e, size_t at, size_t n_in,
		       const char *rep, size_t n_rep)
{
	uint32_t os = e->t->start[at], oe = e->t->end[at + n_in - 1];

	ed_flush(e, at);
	ed_put(e, n_in, rep, n_rep, os, oe);
}

static void ed_finish(struct editor *e)
{
	struct norm_text *t = e->t;

	ed_flush(e, t->len);
	t->len = e->w;
	t->s[t->len] = '\0';
	t->start[t->len] = (uint32_t)t->orig_len;
	t->end[t->len] = (uint32_t)t->orig_len;
}

/* ---- Skipping to the bytes a rule starts at ------------------------- */

/* Most bytes of a post start no rule: D2 starts only at 'e' or 'u', D3 at
 * a digit, D4 at a digit, '@' or '$'. Their scans skip to the next such
 * byte eight at a time (core/swar.h), which is what they did byte by
 * byte. */
static inline uint64_t eu_mask(uint64_t w)
{
	return swar_eq(w, 'e') | swar_eq(w, 'u');
}

static inline int is_eu(unsigned char c)
{
	return c == 'e' || c == 'u';
}

static inline int is_digit_byte(unsigned char c)
{
	return ascii_is_digit(c);
}

static inline uint64_t leet_mask(uint64_t w)
{
	return swar_digit(w) | swar_eq(w, '@') | swar_eq(w, '$');
}

static inline int is_leet_start(unsigned char c)
{
	return ascii_is_digit(c) || c == '@' || c == '$';
}

/* A byte that continues a word: ASCII letter or digit, or part of a
 * non-ASCII character (most are letters of other scripts). */
#define WORD_BYTE(c) (ASCII_ALNUM_C(c) || (c) >= 0x80)
static const unsigned char word_byte[256] = { ASCII_TABLE(WORD_BYTE) };

static inline int is_word_byte(unsigned char c)
{
	return word_byte[c];
}

static inline int is_not_word_byte(unsigned char c)
{
	return !word_byte[c];
}

static inline uint64_t not_word_mask(uint64_t w)
{
	return ~swar_word(w) & SWAR_HIGH;
}

static unsigned char at(const struct norm_text *t, size_t i)
{
	return (unsigned char)t->s[i];
}

/* The space-delimited chunk looked at last. Rules ask about tokens left
 * to right, so each chunk is scanned once even when it holds thousands of
 * tokens ("c0y0t3,c0y0t3,..."). */
struct link_cache {
	size_t a, b;	/* the chunk [a, b); b == 0: nothing cached */
	int is_link;
};

/* Is the chunk around byte i part of a URL or e-mail address? It has a '/'
 * or a dot between letters ("wa.me", "gmail.com"). */
static int chunk_is_link(const struct norm_text *t, struct link_cache *c, size_t i)
{
	size_t a = i, b = i;

	if (c->b > 0 && i >= c->a && i < c->b)
		return c->is_link;
	while (a > 0 && at(t, a - 1) != ' ')
		a--;
	while (b < t->len && at(t, b) != ' ')
		b++;
	c->a = a;
	c->b = b;
	c->is_link = 0;
	for (size_t k = a; k < b && !c->is_link; k++)
		c->is_link = at(t, k) == '/' ||
			     (at(t, k) == '.' && k > a && k + 1 < b &&
			      ascii_is_lower(at(t, k - 1)) && ascii_is_lower(at(t, k + 1)));
	return c->is_link;
}

/* Does [a, b) touch a link? D3 and D4 leave links alone: extractors read
 * them, and a path is not leetspeak. */
static int in_link(const struct norm_text *t, struct link_cache *c, size_t a, size_t b)
{
	for (size_t i = a; i < b; i = c->b + 1) {
		if (at(t, i) == ' ')
			i++;
		if (i >= b)
			break;
		if (chunk_is_link(t, c, i))
			return 1;
	}
	return 0;
}

/* ---- D1: emoji and symbols between digits -------------------------- */

/* Length of the character at i, and whether it is a non-ASCII symbol
 * (So, Sm, Sk, Po: emoji, pictographs, bullets, skin tones). */
static size_t char_at(const struct norm_text *t, size_t i, int *is_symbol)
{
	uint32_t cp;
	int k = utf8_decode((const unsigned char *)t->s + i, t->len - i, &cp);

	*is_symbol = 0;
	if (k <= 0)
		return 1;	/* cannot happen: normalize writes valid UTF-8 */
	if (cp >= 0x80) {
		switch (utf8proc_category((utf8proc_int32_t)cp)) {
		case UTF8PROC_CATEGORY_SO:
		case UTF8PROC_CATEGORY_SM:
		case UTF8PROC_CATEGORY_SK:
		case UTF8PROC_CATEGORY_PO:
			*is_symbol = 1;
			break;
		default:
			break;
		}
	}
	return (size_t)k;
}

void deob_split_digits(struct norm_text *t)
{
	struct editor e = { t, 0, 0 };
	size_t i = 0;

	while (i < t->len) {
		size_t k, j, back;
		int sym;

		if (at(t, i) < 0x80) {
			i++;
			continue;
		}
		k = char_at(t, i, &sym);
		if (!sym || i == 0) {
			i += k;
			continue;
		}
		/* Is the output before it a digit, maybe then a space? */
		ed_flush(&e, i);
		back = e.w;
		if (back > 0 && at(t, back - 1) == ' ')
			back--;
		if (back == 0 || !ascii_is_digit(at(t, back - 1))) {
			i += k;
			continue;
		}
		/* The run of symbols and spaces after the digit. */
		for (j = i + k; j < t->len;) {
			size_t l = 1;
			if (at(t, j) != ' ') {
				l = char_at(t, j, &sym);
				if (!sym)
					break;
			}
			j += l;
		}
		if (j < t->len && ascii_is_digit(at(t, j))) {
			uint32_t os = back < e.w ? t->start[back] : t->start[i];
			uint32_t oe = t->end[j - 1];
			e.w = back;
			ed_put(&e, j - i, " ", 1, os, oe);
		}
		/* Either way resume after the run, so it is scanned once. */
		i = j;
	}
	ed_finish(&e);
}

/* ---- D2: USA variants ------------------------------------------------ */

#define FORM(s) { s, sizeof(s) - 1 }
static const struct {
	const char *s;
	size_t n;
} usa_forms[] = {
	/* longer dotted forms before their prefixes */
	FORM("estados unidos"), FORM("e.e.u.u."), FORM("e.e.u.u"),
	FORM("ee. uu."), FORM("ee.uu."), FORM("ee.uu"), FORM("ee uu"),
	FORM("eeuu"), FORM("e.u.a."), FORM("e.u.a"), FORM("eua"),
	FORM("u.s.a."), FORM("u.s.a"), FORM("u$a"),
};

void deob_usa(struct norm_text *t)
{
	struct editor e = { t, 0, 0 };
	const unsigned char *s = (const unsigned char *)t->s;
	size_t i = 0, n_s = t->len;

	while ((i = swar_find(s, i, n_s, eu_mask, is_eu)) < n_s) {
		unsigned char c = s[i];
		size_t f, nf = sizeof(usa_forms) / sizeof(usa_forms[0]);

		/* Every form starts "e" + one of "s.eu" or "u" + one of ".$". */
		if ((c != 'e' && c != 'u') || i + 2 >= n_s ||
		    (i > 0 && is_word_byte(s[i - 1])) ||
		    (c == 'e' && s[i + 1] != 's' && s[i + 1] != '.' &&
		     s[i + 1] != 'e' && s[i + 1] != 'u') ||
		    (c == 'u' && s[i + 1] != '.' && s[i + 1] != '$')) {
			i++;
			continue;
		}
		for (f = 0; f < nf; f++) {
			size_t n = usa_forms[f].n, after = i + n;
			/* (every form has 3 bytes or more; i + 2 < n_s) */
			if (after > n_s || s[i + 1] != (unsigned char)usa_forms[f].s[1] ||
			    s[i + 2] != (unsigned char)usa_forms[f].s[2] ||
			    memcmp(s + i, usa_forms[f].s, n) != 0)
				continue;
			if (after < n_s && (is_word_byte(s[after]) || s[after] == '$'))
				continue;
			break;
		}
		if (f == nf) {
			i++;
			continue;
		}
		ed_replace(&e, i, usa_forms[f].n, "usa", 3);
		i += usa_forms[f].n;
	}
	ed_finish(&e);
}

/* ---- D3: o, l, i inside digit runs ---------------------------------- */

static int is_digit_letter(unsigned char c)
{
	return c == 'o' || c == 'l' || c == 'i';
}

static int is_run_sep(unsigned char c)
{
	return c == ' ' || c == '.' || c == '-';
}

void deob_digit_letters(struct norm_text *t)
{
	const unsigned char *s = (const unsigned char *)t->s;
	struct link_cache links = { 0, 0, 0 };
	size_t i = 0, done = 0, n = t->len;

	while (i < n) {
		size_t a, j, run_end;
		int digits = 0, letters = 0, n_tok = 0;

		if ((i = swar_find(s, i, n, swar_digit, is_digit_byte)) >= n)
			break;
		/* Every token of a run has a digit: start at this one's start. */
		for (a = i; a > done && ascii_is_alnum(at(t, a - 1)); a--)
			;
		/* A run: tokens of digits and o/l/i (each with a digit),
		 * joined by exactly one separator. */
		run_end = a;
		for (j = a; a == 0 || at(t, a - 1) < 0x80;) {
			size_t k = j;
			int d = 0, l = 0, other = 0;
			while (k < n && ascii_is_alnum(at(t, k))) {
				unsigned char c = at(t, k);
				if (ascii_is_digit(c))
					d++;
				else if (is_digit_letter(c))
					l++;
				else
					other = 1;
				k++;
			}
			if (other || d == 0 || (k < n && at(t, k) >= 0x80))
				break;
			digits += d;
			letters += l;
			n_tok++;
			run_end = k;
			if (k + 1 < n && is_run_sep(at(t, k)) && ascii_is_alnum(at(t, k + 1)))
				j = k + 1;
			else
				break;
		}
		if (n_tok > 0 && letters > 0 && digits >= 4 && digits > letters &&
		    !in_link(t, &links, a, run_end)) {
			for (size_t k = a; k < run_end; k++) {
				if (at(t, k) == 'o')
					t->s[k] = '0';
				else if (at(t, k) == 'l' || at(t, k) == 'i')
					t->s[k] = '1';
			}
		}
		/* Resume after the run, or after this token if it was none. */
		for (i = run_end > i ? run_end : i; i < n && ascii_is_alnum(at(t, i)); i++)
			;
		done = i;
	}
}

/* ---- D4: leetspeak ---------------------------------------------------- */

static int is_leet_tok(unsigned char c)
{
	return ascii_is_alnum(c) || c == '@' || c == '$' || c == '_';
}

static char leet_letter(unsigned char c)
{
	switch (c) {
	case '0': return 'o';
	case '1': return 'i';
	case '3': return 'e';
	case '4': return 'a';
	case '5': return 's';
	case '7': return 't';
	case '@': return 'a';
	case '$': return 's';
	default: return 0;
	}
}

/* Should the token [a, b) be read as leetspeak? See D4. */
static int is_leet_word(const struct norm_text *t, size_t a, size_t b)
{
	int letters = 0, has_leet = 0, inside = 0, run = 0;

	if (at(t, a) == '@')
		return 0;	/* a handle */
	for (size_t i = a; i < b; i++) {
		unsigned char c = at(t, i);
		if (ascii_is_lower(c)) {
			letters++;
			run = 0;
			continue;
		}
		if (ascii_is_digit(c)) {
			if (!leet_letter(c) || ++run >= 3)
				return 0;	/* 2, 6, 8, 9 or a number */
		} else {
			run = 0;
			if (c == '_' || i == a || i + 1 == b)
				continue;	/* @ and $ only inside */
		}
		has_leet = 1;
		if (i + 1 < b && ascii_is_lower(at(t, i + 1)) &&
		    ((i > a && ascii_is_lower(at(t, i - 1))) ||
		     ascii_is_lower(at(t, a))))
			inside = 1;
	}
	return letters >= 2 && has_leet && inside;
}

void deob_leet(struct norm_text *t)
{
	const unsigned char *s = (const unsigned char *)t->s;
	struct link_cache links = { 0, 0, 0 };
	size_t i = 0, done = 0, n = t->len;

	while (i < n) {
		size_t a;
		unsigned char c;

		if ((i = swar_find(s, i, n, leet_mask, is_leet_start)) >= n)
			break;
		for (a = i; a > done && is_leet_tok(at(t, a - 1)); a--)
			;
		while (i < n && is_leet_tok(at(t, i)))
			i++;
		done = i;
		/* [a, i) is the token; glued to a non-ASCII character it is
		 * not a word we can judge. */
		if ((a > 0 && at(t, a - 1) >= 0x80) || (i < n && at(t, i) >= 0x80) ||
		    !is_leet_word(t, a, i) || in_link(t, &links, a, i))
			continue;
		for (size_t k = a; k < i; k++) {
			c = at(t, k);
			if (ascii_is_digit(c) || ((c == '@' || c == '$') && k > a && k + 1 < i))
				t->s[k] = leet_letter(c);
		}
	}
}

/* ---- D5: spelled-out digits ------------------------------------------ */

/* Grouped by initial, in the order number_word's switch indexes them. */
static const struct {
	const char *s;
	size_t n;
	char digit;
} number_words[] = {
#define NW(s, d) { s, sizeof(s) - 1, d }
	/* 0 c */ NW("cero", '0'), NW("cinco", '5'), NW("cinq", '5'), NW("cuatro", '4'),
	/* 4 d */ NW("deux", '2'), NW("dois", '2'), NW("dos", '2'), NW("duas", '2'),
	/* 8 e */ NW("eight", '8'),
	/* 9 f */ NW("five", '5'), NW("four", '4'),
	/* 11 h */ NW("huit", '8'),
	/* 12 n */ NW("neuf", '9'), NW("nine", '9'), NW("nove", '9'), NW("nueve", '9'),
	/* 16 o */ NW("ocho", '8'), NW("oito", '8'), NW("one", '1'),
	/* 19 q */ NW("quatre", '4'), NW("quatro", '4'),
	/* 21 s */ NW("seis", '6'), NW("sept", '7'), NW("sete", '7'), NW("seven", '7'),
		   NW("siete", '7'), NW("six", '6'),
	/* 27 t */ NW("three", '3'), NW("tres", '3'), NW("trois", '3'), NW("two", '2'),
	/* 31 u */ NW("um", '1'), NW("uma", '1'), NW("un", '1'), NW("una", '1'),
		   NW("une", '1'), NW("uno", '1'),
	/* 37 z */ NW("zero", '0'),
#undef NW
};

/* The digit a number word stands for, or 0. Called for every word of a
 * post, so it looks only at the rows with the same initial. */
static char number_word(const char *w, size_t n)
{
	size_t lo, hi;

	if (n < 2 || n > 6)
		return 0;
	switch (w[0]) {
	case 'c': lo = 0; hi = 4; break;
	case 'd': lo = 4; hi = 8; break;
	case 'e': lo = 8; hi = 9; break;
	case 'f': lo = 9; hi = 11; break;
	case 'h': lo = 11; hi = 12; break;
	case 'n': lo = 12; hi = 16; break;
	case 'o': lo = 16; hi = 19; break;
	case 'q': lo = 19; hi = 21; break;
	case 's': lo = 21; hi = 27; break;
	case 't': lo = 27; hi = 31; break;
	case 'u': lo = 31; hi = 37; break;
	case 'z': lo = 37; hi = 38; break;
	default: return 0;
	}
	for (size_t i = lo; i < hi; i++) {
		size_t k = 1;
		if (number_words[i].n != n)
			continue;
		while (k < n && number_words[i].s[k] == w[k])
			k++;
		if (k == n)
			return number_words[i].digit;
	}
	return 0;
}

/* Do the two bytes c, d start some number word of the table above? (A
 * word of one letter is none.) A bit mask of second letters per initial:
 * a switch here compiled to an indirect jump that mispredicted. */
#define B(x) (1u << ((x) - 'a'))
static const uint32_t number_second[26] = {
	['c' - 'a'] = B('e') | B('i') | B('u'),
	['d' - 'a'] = B('e') | B('o') | B('u'),
	['e' - 'a'] = B('i'),
	['f' - 'a'] = B('i') | B('o'),
	['h' - 'a'] = B('u'),
	['n' - 'a'] = B('e') | B('i') | B('o') | B('u'),
	['o' - 'a'] = B('c') | B('i') | B('n'),
	['q' - 'a'] = B('u'),
	['s' - 'a'] = B('e') | B('i'),
	['t' - 'a'] = B('h') | B('r') | B('w'),
	['u' - 'a'] = B('m') | B('n'),
	['z' - 'a'] = B('e'),
};
#undef B

static inline int number_prefix(unsigned char c, unsigned char d)
{
	return ascii_is_lower(c) && ascii_is_lower(d) &&
	       (number_second[c - 'a'] >> (d - 'a') & 1);
}

static int is_number_sep(unsigned char c)
{
	return c == ' ' || c == ',' || c == '.' || c == '-';
}

/* The item (a number word or a digit group) at the token start i: returns
 * its end, or i if the token is none; *is_word says which, *tok_end gets
 * the end of the token either way. */
static size_t number_item(const unsigned char *s, size_t n, size_t i,
			  int *is_word, size_t *tok_end)
{
	size_t k = i;

	*is_word = ascii_is_lower(s[i]);
	if (*is_word) {
		while (k < n && ascii_is_lower(s[k]))
			k++;
	} else {
		while (k < n && ascii_is_digit(s[k]))
			k++;
	}
	*tok_end = k;
	if (k < n && is_word_byte(s[k])) {
		/* a mixed token: "5pm", "dosis2" */
		while (*tok_end < n && is_word_byte(s[*tok_end]))
			(*tok_end)++;
		return i;
	}
	if (k == i || (*is_word && !number_word((const char *)s + i, k - i)))
		return i;
	return k;
}

void deob_spelled_digits(struct norm_text *t)
{
	struct editor e = { t, 0, 0 };
	const unsigned char *s = (const unsigned char *)t->s;
	size_t i = 0, n = t->len;

	while (i < n) {
		size_t j, k, end, tok_end;
		int words = 0, digits = 0, is_word;

		if (!is_word_byte(s[i])) {
			i++;
			continue;
		}
		/* A word whose first two bytes start no number word is skipped
		 * whole, as number_item would (its token ends where word bytes
		 * do). */
		if (ascii_is_lower(s[i]) &&
		    !number_prefix(s[i], i + 1 < n ? s[i + 1] : 0)) {
			i = swar_find(s, i + 1, n, not_word_mask, is_not_word_byte);
			continue;
		}
		/* Most tokens are not number words: one scan tells. */
		k = number_item(s, n, i, &is_word, &tok_end);
		if (k == i) {
			i = tok_end > i ? tok_end : i + 1;
			continue;
		}
		for (j = i, end = i;;) {
			size_t m;
			if (j != i)
				k = number_item(s, n, j, &is_word, &tok_end);
			if (k == j)
				break;
			if (is_word)
				words++;
			else
				digits += (int)(k - j);
			end = k;
			for (m = k; m < n && m - k < 3 && is_number_sep(s[m]); m++)
				;
			if (m == k || m >= n)
				break;
			j = m;
		}
		if (words < 2 || words + digits < 4) {
			i = end;	/* a later start inside a failed run fails too */
			continue;
		}
		while (i < end) {
			if (!ascii_is_lower(at(t, i))) {
				i++;
				continue;
			}
			for (k = i; k < end && ascii_is_lower(at(t, k)); k++)
				;
			char d = number_word(t->s + i, k - i);
			ed_replace(&e, i, k - i, &d, 1);
			i = k;
		}
	}
	ed_finish(&e);
}

/* Hints let a post skip the rules that cannot apply to it. */
void deobfuscate(struct norm_text *t, unsigned hints)
{
	if ((hints & DEOB_HAS_HIGH) && (hints & DEOB_HAS_DIGIT))
		deob_split_digits(t);
	deob_usa(t);
	if (hints & DEOB_HAS_DIGIT)
		deob_digit_letters(t);
	if (hints & (DEOB_HAS_DIGIT | DEOB_HAS_LEET_SYM))
		deob_leet(t);
	deob_spelled_digits(t);
}
