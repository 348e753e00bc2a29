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

#include <string.h>
#include <utf8proc.h>

#include "core/ascii.h"
#include "core/utf8.h"
#include "text/normalize.h"
#include "core/banned.h"

/* In-place compaction: [0, w) is final, [r, len) is still to read. */
struct editor {
	struct norm_text *t;
	size_t r, w;
};

static void ed_copy(struct editor *e, size_t n)
{
	struct norm_text *t = e->t;

	if (e->w == e->r) {
		e->w += n;
		e->r += n;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		t->s[e->w] = t->s[e->r];
		t->start[e->w] = t->start[e->r];
		t->end[e->w] = t->end[e->r];
		e->w++;
		e->r++;
	}
}

/* Write rep (n_rep bytes) for the n_in bytes at r, n_rep <= n_in; every
 * byte written maps to the original range [os, oe). */
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

/* ed_put with the whole original range of the n_in bytes read. */
static void ed_replace(struct editor *e, size_t n_in, const char *rep,
		       size_t n_rep)
{
	uint32_t os = e->t->start[e->r], oe = e->t->end[e->r + n_in - 1];

	ed_put(e, n_in, rep, n_rep, os, oe);
}

static void ed_finish(struct editor *e)
{
	struct norm_text *t = e->t;

	t->len = e->w;
	t->s[t->len] = '\0';
	t->start[t->len] = (uint32_t)t->orig_len;
	t->end[t->len] = (uint32_t)t->orig_len;
}

/* A byte that continues a word: ASCII letter or digit, or part of a
 * non-ASCII character (most are letters of other scripts). */
static int is_word_byte(unsigned char c)
{
	return ascii_is_alnum(c) || c >= 0x80;
}

static unsigned char at(const struct norm_text *t, size_t i)
{
	return (unsigned char)t->s[i];
}

/* Is [a, b) part of a URL or e-mail address? Its space-delimited chunk
 * has a '/' or a dot between letters ("wa.me", "gmail.com"). D3 and D4
 * leave those alone: extractors read links, and a path is not leetspeak. */
static int in_link(const struct norm_text *t, size_t a, size_t b)
{
	while (a > 0 && at(t, a - 1) != ' ')
		a--;
	while (b < t->len && at(t, b) != ' ')
		b++;
	for (size_t i = a; i < b; i++) {
		if (at(t, i) == '/')
			return 1;
		if (at(t, i) == '.' && i > a && i + 1 < b &&
		    ascii_is_lower(at(t, i - 1)) && ascii_is_lower(at(t, i + 1)))
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

	while (e.r < t->len) {
		size_t k, j, back;
		int sym;

		if (at(t, e.r) < 0x80) {
			ed_copy(&e, 1);
			continue;
		}
		k = char_at(t, e.r, &sym);
		back = e.w;
		if (back > 0 && at(t, back - 1) == ' ')
			back--;
		if (!sym || back == 0 || !ascii_is_digit(at(t, back - 1))) {
			ed_copy(&e, k);
			continue;
		}
		/* The run of symbols and spaces after the digit. */
		for (j = e.r + k; j < t->len;) {
			size_t l = 1;
			if (at(t, j) != ' ') {
				l = char_at(t, j, &sym);
				if (!sym)
					break;
			}
			j += l;
		}
		if (j >= t->len || !ascii_is_digit(at(t, j))) {
			/* Not between digits; the symbols stay. Resume after
			 * them so a long run is scanned once. */
			ed_copy(&e, j - e.r);
			continue;
		}
		{
			uint32_t os = back < e.w ? t->start[back] : t->start[e.r];
			uint32_t oe = t->end[j - 1];
			e.w = back;
			ed_put(&e, j - e.r, " ", 1, os, oe);
		}
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

	while (e.r < t->len) {
		unsigned char c = at(t, e.r);
		int hit = 0;

		if ((c == 'e' || c == 'u') &&
		    (e.w == 0 || !is_word_byte(at(t, e.w - 1)))) {
			for (size_t f = 0; f < sizeof(usa_forms) / sizeof(usa_forms[0]); f++) {
				size_t n = usa_forms[f].n, after = e.r + n;
				if (after > t->len ||
				    memcmp(t->s + e.r, usa_forms[f].s, n) != 0)
					continue;
				if (after < t->len && (is_word_byte(at(t, after)) ||
						       at(t, after) == '$'))
					continue;
				ed_replace(&e, n, "usa", 3);
				hit = 1;
				break;
			}
		}
		if (!hit)
			ed_copy(&e, 1);
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
	size_t i = 0, n = t->len;

	while (i < n) {
		size_t j, run_end;
		int digits = 0, letters = 0, n_tok = 0;

		if (!ascii_is_alnum(at(t, i)) || (i > 0 && is_word_byte(at(t, i - 1)))) {
			i++;
			continue;
		}
		/* A run: tokens of digits and o/l/i (each with a digit),
		 * joined by exactly one separator. */
		run_end = i;
		for (j = i;;) {
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
		if (n_tok == 0) {
			while (i < n && is_word_byte(at(t, i)))
				i++;
			continue;
		}
		if (letters > 0 && digits >= 4 && digits > letters &&
		    !in_link(t, i, run_end)) {
			for (size_t k = i; k < run_end; k++) {
				if (at(t, k) == 'o')
					t->s[k] = '0';
				else if (at(t, k) == 'l' || at(t, k) == 'i')
					t->s[k] = '1';
			}
		}
		i = run_end;
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
	size_t i = 0, n = t->len;

	while (i < n) {
		size_t a;
		int cand = 0;

		if (!is_leet_tok(at(t, i))) {
			i++;
			continue;
		}
		for (a = i; i < n && is_leet_tok(at(t, i)); i++)
			cand |= !ascii_is_lower(at(t, i));
		if (!cand || (a > 0 && at(t, a - 1) >= 0x80) ||
		    (i < n && at(t, i) >= 0x80) || !is_leet_word(t, a, i) ||
		    in_link(t, a, i))
			continue;
		for (size_t k = a; k < i; k++) {
			unsigned char c = at(t, k);
			if (ascii_is_digit(c) || ((c == '@' || c == '$') && k > a && k + 1 < i))
				t->s[k] = leet_letter(c);
		}
	}
}

/* ---- D5: spelled-out digits ------------------------------------------ */

static const struct {
	const char *s;
	size_t n;
	char digit;
} number_words[] = {
#define NW(s, d) { s, sizeof(s) - 1, d }
	NW("cero", '0'), NW("zero", '0'),
	NW("uno", '1'), NW("una", '1'), NW("one", '1'), NW("um", '1'),
	NW("uma", '1'), NW("un", '1'), NW("une", '1'),
	NW("dos", '2'), NW("two", '2'), NW("dois", '2'), NW("duas", '2'),
	NW("deux", '2'),
	NW("tres", '3'), NW("three", '3'), NW("trois", '3'),
	NW("cuatro", '4'), NW("four", '4'), NW("quatro", '4'),
	NW("quatre", '4'),
	NW("cinco", '5'), NW("five", '5'), NW("cinq", '5'),
	NW("seis", '6'), NW("six", '6'),
	NW("siete", '7'), NW("seven", '7'), NW("sete", '7'), NW("sept", '7'),
	NW("ocho", '8'), NW("eight", '8'), NW("oito", '8'), NW("huit", '8'),
	NW("nueve", '9'), NW("nine", '9'), NW("nove", '9'), NW("neuf", '9'),
#undef NW
};

static char number_word(const char *w, size_t n)
{
	if (n < 2 || n > 6)
		return 0;
	for (size_t i = 0; i < sizeof(number_words) / sizeof(number_words[0]); i++)
		if (number_words[i].n == n && number_words[i].s[0] == w[0] &&
		    memcmp(number_words[i].s, w, n) == 0)
			return number_words[i].digit;
	return 0;
}

static int is_number_sep(unsigned char c)
{
	return c == ' ' || c == ',' || c == '.' || c == '-';
}

/* End of the item (a number word or a digit group) at i, or i if there is
 * none; *is_word says which. */
static size_t number_item(const struct norm_text *t, size_t i, int *is_word)
{
	size_t k = i;

	*is_word = ascii_is_lower(at(t, i));
	if (*is_word) {
		while (k < t->len && ascii_is_lower(at(t, k)))
			k++;
		if (!number_word(t->s + i, k - i))
			return i;
	} else {
		while (k < t->len && ascii_is_digit(at(t, k)))
			k++;
	}
	if (k == i || (k < t->len && is_word_byte(at(t, k))))
		return i;	/* a mixed token: "5pm", "dosis2" */
	return k;
}

void deob_spelled_digits(struct norm_text *t)
{
	struct editor e = { t, 0, 0 };

	while (e.r < t->len) {
		size_t r = e.r, j = r, end = r;
		int words = 0, digits = 0, is_word;

		if (!ascii_is_alnum(at(t, r)) || (r > 0 && is_word_byte(at(t, r - 1)))) {
			ed_copy(&e, 1);
			continue;
		}
		for (;;) {
			size_t k = number_item(t, j, &is_word), m;
			if (k == j)
				break;
			if (is_word)
				words++;
			else
				digits += (int)(k - j);
			end = k;
			for (m = k; m < t->len && m - k < 3 && is_number_sep(at(t, m)); m++)
				;
			if (m == k || m >= t->len)
				break;
			j = m;
		}
		if (words < 2 || words + digits < 4) {
			/* Copy what was scanned (at least the token at r): a
			 * later start inside a failed run fails too. */
			if (end == r)
				while (end < t->len && is_word_byte(at(t, end)))
					end++;
			ed_copy(&e, end - r);
			continue;
		}
		while (e.r < end) {
			size_t k = e.r;
			if (!ascii_is_lower(at(t, k))) {
				ed_copy(&e, 1);
				continue;
			}
			while (k < end && ascii_is_lower(at(t, k)))
				k++;
			char d = number_word(t->s + e.r, k - e.r);
			ed_replace(&e, k - e.r, &d, 1);
		}
	}
	ed_finish(&e);
}

void deobfuscate(struct norm_text *t)
{
	deob_split_digits(t);
	deob_usa(t);
	deob_digit_letters(t);
	deob_leet(t);
	deob_spelled_digits(t);
}
