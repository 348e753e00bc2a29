#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "core/arena.h"
#include "core/err.h"
#include "text/normalize.h"

/* One row: input, expected normalised text. */
struct norm_case {
	const char *in;
	const char *want;
};

static void run_table(int *test_failed_, const struct norm_case *rows, size_t n,
		      const char *file, int line)
{
	struct arena a;

	arena_init(&a, 1 << 16);
	for (size_t i = 0; i < n; i++) {
		struct norm_text nt;
		int rc = normalize_text(&nt, rows[i].in, strlen(rows[i].in), &a);
		if (rc != 0) {
			test_fail(test_failed_, file, line, "row %zu: rc %d", i, rc);
			continue;
		}
		if (strcmp(nt.s, rows[i].want) != 0)
			test_fail(test_failed_, file, line,
				  "row %zu: \"%s\" -> \"%s\", want \"%s\"", i,
				  rows[i].in, nt.s, rows[i].want);
		if (norm_validate(&nt, rows[i].in) != 0)
			test_fail(test_failed_, file, line,
				  "row %zu: invariants broken for \"%s\"", i,
				  rows[i].in);
	}
	arena_release(&a);
}

#define RUN_TABLE(rows) \
	run_table(test_failed_, rows, sizeof(rows) / sizeof(rows[0]), __FILE__, __LINE__)

TEST(normalize, case_accents_compat)
{
	static const struct norm_case rows[] = {
		{ "", "" },
		{ "Hola", "hola" },
		{ "CRUCE GARANTIZADO", "cruce garantizado" },
		{ "Llámame mañana, señor", "llamame manana, senor" },
		{ "Garçon à l'école", "garcon a l'ecole" },		/* fr */
		{ "Viagem para os EUA, não perca", "viagem para os usa, nao perca" },	/* pt */
		{ "Nou ka pase ou lakay ou, pa pè", "nou ka pase ou lakay ou, pa pe" },	/* ht */
		{ "Straße", "strasse" },
		{ "ﬁesta", "fiesta" },			/* ligature (compat) */
		{ "ＨＯＬＡ", "hola" },			/* full-width */
		{ "𝐂𝐫𝐮𝐜𝐞", "cruce" },			/* mathematical bold */
		{ "e\xcc\x81xito", "exito" },		/* decomposed accent */
		{ "İstanbul", "istanbul" },
		{ "ΣΟΦΙΑ", "σοφια" },
		{ "한국", "한국" },			/* Hangul kept composed */
		{ "ⅰⅱ", "iii" },			/* roman numerals (compat) */
	};
	RUN_TABLE(rows);
}

TEST(normalize, invisible_and_whitespace)
{
	static const struct norm_case rows[] = {
		{ "  hola  ", "hola" },
		{ "\n\thola\r\n\r\nmundo\t", "hola mundo" },
		{ "co\xe2\x80\x8byo\xe2\x80\x8cte", "coyote" },		/* ZWSP, ZWNJ */
		{ "pa\xc2\xadsa\xc2\xadmos", "pasamos" },		/* soft hyphen */
		{ "\xef\xbb\xbfhola", "hola" },				/* BOM */
		{ "a\xe2\x80\xae" "b\xe2\x80\xac\xe2\x81\xa6" "c\xe2\x81\xa9", "abc" },	/* bidi */
		{ "a\xc2\xa0" "b\xe2\x80\xaf" "c\xe2\x80\x89" "d", "a b c d" },	/* NBSP, NNBSP, thin */
		{ "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c", "a b c" },	/* line/para sep */
		{ "a\xe3\x80\x80" "b", "a b" },				/* ideographic space */
		{ "a \xe2\x80\x8b b", "a b" },				/* ZW inside a run */
		{ "a\x01\x7f" "b", "ab" },				/* controls */
		{ "✈\xef\xb8\x8f viaje", "✈ viaje" },			/* VS16 */
		{ "\xe2\x80\x8b\xe2\x80\x8b", "" },
		{ "   ", "" },
		{ "a\xe3\x85\xa4" "b", "ab" },				/* Hangul filler */
	};
	RUN_TABLE(rows);
}

TEST(normalize, digits)
{
	static const struct norm_case rows[] = {
		{ "5\xef\xb8\x8f\xe2\x83\xa3" "5\xef\xb8\x8f\xe2\x83\xa3", "55" },	/* keycaps */
		{ "1\xe2\x83\xa3" "2\xe2\x83\xa3", "12" },		/* keycap without VS */
		{ "５５ １２３４", "55 1234" },			/* full-width */
		{ "٥٥١٢", "5512" },				/* Arabic-Indic */
		{ "५५", "55" },					/* Devanagari */
		{ "𝟓𝟓𝟏𝟐", "5512" },				/* mathematical */
		{ "①②③④", "1234" },				/* circled */
		{ "❺❺➊➋", "5512" },				/* dingbats */
		{ "🔟", "10" },
		{ "²³", "23" },
	};
	RUN_TABLE(rows);
}

TEST(normalize, emoji_between_digits)
{
	static const struct norm_case rows[] = {
		{ "55📞12", "55 12" },
		{ "55 📞 12", "55 12" },
		{ "55📞📱 1234", "55 1234" },
		{ "55•1234•5678", "55 1234 5678" },
		{ "📞 5512", "📞 5512" },			/* not between digits */
		{ "5512 📞", "5512 📞" },
		{ "llama 📞 ya", "llama 📞 ya" },
		{ "viaje 🇺🇸 seguro ✅", "viaje 🇺🇸 seguro ✅" },
		{ "55*12", "55*12" },				/* ASCII symbols stay */
		{ "5\xef\xb8\x8f\xe2\x83\xa3📞5\xef\xb8\x8f\xe2\x83\xa3", "5 5" },
	};
	RUN_TABLE(rows);
}

TEST(normalize, usa_variants)
{
	static const struct norm_case rows[] = {
		{ "Cruce a U$A", "cruce a usa" },
		{ "viaje a U.S.A. hoy", "viaje a usa hoy" },
		{ "viaje a U.S.A", "viaje a usa" },
		{ "EEUU", "usa" },
		{ "a EE.UU. ya", "a usa ya" },
		{ "a EE UU ya", "a usa ya" },
		{ "E.U.A.", "usa" },
		{ "para os EUA", "para os usa" },
		{ "Estados Unidos", "usa" },
		{ "ESTADOS   UNIDOS", "usa" },
		{ "USA", "usa" },
		{ "join us now", "join us now" },		/* pronoun stays */
		{ "eeuuu", "eeuuu" },
		{ "usado", "usado" },
		{ "caeeuu", "caeeuu" },
	};
	RUN_TABLE(rows);
}

TEST(normalize, digit_run_letters)
{
	static const struct norm_case rows[] = {
		{ "55l2 3O45", "5512 3045" },
		{ "55.l2.34.5O", "55.12.34.50" },
		{ "55-l2-34-5O", "55-12-34-50" },
		{ "Tel: 55I2 34O5", "tel: 5512 3405" },
		{ "5 o 6 personas", "5 o 6 personas" },		/* "o" alone stays */
		{ "el 1o de mayo", "el 1o de mayo" },		/* too few digits */
		{ "5512 lo 3045", "5512 lo 3045" },
		{ "wa.me/55l234567", "wa.me/55l234567" },	/* links left */
	};
	RUN_TABLE(rows);
}

TEST(normalize, leetspeak)
{
	static const struct norm_case rows[] = {
		{ "c0y0t3", "coyote" },
		{ "p0ll3r0", "pollero" },
		{ "gar4ntiz4do", "garantizado" },
		{ "cru$e", "cruse" },
		{ "p@s@mos", "pasamos" },
		{ "3ntr3g4mos", "entregamos" },
		{ "C0Y0T3 100% S3GUR0", "coyote 100% seguro" },
		{ "#c0y0t3", "#coyote" },
		{ "b4by", "baby" },
		/* number-like tokens stay */
		{ "8k", "8k" },
		{ "8mil", "8mil" },
		{ "24h", "24h" },
		{ "5pm", "5pm" },
		{ "2x1", "2x1" },
		{ "100%", "100%" },
		{ "3ra", "3ra" },
		{ "1ro", "1ro" },
		{ "usd500", "usd500" },
		{ "q50", "q50" },
		{ "$500", "$500" },
		{ "us$500", "us$500" },
		{ "mp3", "mp3" },
		{ "4to", "4to" },
		{ "covid19", "covid19" },
		{ "x100pre", "x100pre" },
		{ "h2o", "h2o" },
		/* handles, e-mails, links stay */
		{ "@c0y0t3_mx", "@c0y0t3_mx" },
		{ "c0y0t3@gmail.com", "c0y0t3@gmail.com" },
		{ "bit.ly/c0y0t3", "bit.ly/c0y0t3" },
	};
	RUN_TABLE(rows);
}

TEST(normalize, spelled_digits)
{
	static const struct norm_case rows[] = {
		{ "cinco cinco dos uno tres", "5 5 2 1 3" },
		{ "Llama al cinco cinco, uno dos", "llama al 5 5, 1 2" },
		{ "55 uno dos tres cuatro", "55 1 2 3 4" },
		{ "five five one two", "5 5 1 2" },		/* en */
		{ "cinco cinco um dois", "5 5 1 2" },		/* pt */
		{ "oito sete seis nove", "8 7 6 9" },		/* pt */
		{ "cinq cinq deux trois", "5 5 2 3" },		/* fr */
		{ "dos personas", "dos personas" },
		{ "uno dos tres", "uno dos tres" },		/* 3 < 4 */
		{ "tres o cuatro", "tres o cuatro" },
		{ "1990 dos personas", "1990 dos personas" },	/* one word */
		{ "Cinco-Cinco-Uno-Dos", "5-5-1-2" },
		{ "d0s tr3s cu4tro s3is", "2 3 4 6" },		/* after leet */
		{ "dosis tres cuatro cinco seis", "dosis 3 4 5 6" },
	};
	RUN_TABLE(rows);
}

TEST(normalize, mixed_posts)
{
	static const struct norm_case rows[] = {
		{ "🚨 CRUCE SEGURO a U$A 🇺🇸 100% garantizado!! Info al 5\xef\xb8\x8f\xe2\x83\xa3"
		  "5\xef\xb8\x8f\xe2\x83\xa3📞12 34 5678 o por inbox",
		  "🚨 cruce seguro a usa 🇺🇸 100% garantizado!! info al 55 12 34 5678 o por inbox" },
		{ "Pasamos a EE.UU. \n\n WhatsApp: cinco cinco uno dos tres cuatro",
		  "pasamos a usa whatsapp: 5 5 1 2 3 4" },
		{ "Nou pase moun ale Ozetazini, rele 55l2 3O45", "nou pase moun ale ozetazini, rele 5512 3045" },
	};
	RUN_TABLE(rows);
}

TEST(normalize, invalid_utf8)
{
	static const struct norm_case rows[] = {
		{ "a\xff" "b", "a\xef\xbf\xbd" "b" },
		{ "\xc3", "\xef\xbf\xbd" },			/* truncated */
		{ "\xe2\x82", "\xef\xbf\xbd" },			/* one maximal subpart */
		{ "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },	/* surrogate */
		{ "\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd" },	/* overlong */
	};
	RUN_TABLE(rows);
}

/* The original text of the normalised span [ns, ne). */
static char *orig_of(const struct norm_text *nt, const char *orig, size_t ns,
		     size_t ne)
{
	static char buf[256];
	size_t os, oe;

	norm_span_orig(nt, ns, ne, &os, &oe);
	memcpy(buf, orig + os, oe - os);
	buf[oe - os] = '\0';
	return buf;
}

TEST(normalize, offsets_keycap)
{
	const char *in = "Llámame al 5\xef\xb8\x8f\xe2\x83\xa3" "5\xef\xb8\x8f\xe2\x83\xa3 1234";
	struct arena a;
	struct norm_text nt;
	const char *p;

	arena_init(&a, 4096);
	CHECK_INT(normalize_text(&nt, in, strlen(in), &a), 0);
	CHECK_STR(nt.s, "llamame al 55 1234");
	CHECK_INT(nt.orig_len, strlen(in));
	p = strstr(nt.s, "55");
	CHECK(p != NULL);
	if (p) {
		size_t ns = (size_t)(p - nt.s);
		CHECK_STR(orig_of(&nt, in, ns, ns + 2),
			  "5\xef\xb8\x8f\xe2\x83\xa3" "5\xef\xb8\x8f\xe2\x83\xa3");
		CHECK_STR(orig_of(&nt, in, ns + 3, ns + 7), "1234");
	}
	CHECK_STR(orig_of(&nt, in, 0, 7), "Llámame");
	CHECK_INT(nt.start[2], 2);	/* 'a' <- 'á' (2 bytes) */
	CHECK_INT(nt.end[2], 4);
	CHECK_INT(nt.start[nt.len], strlen(in));
	CHECK_INT(nt.end[nt.len], strlen(in));
	CHECK_INT(norm_validate(&nt, in), 0);
	arena_release(&a);
}

TEST(normalize, offsets_word_rules)
{
	struct arena a;
	struct norm_text nt;
	const char *in = "ir a  EE.UU. llama cinco cinco uno dos c0y0t3 55📞12";

	arena_init(&a, 4096);
	CHECK_INT(normalize_text(&nt, in, strlen(in), &a), 0);
	CHECK_STR(nt.s, "ir a usa llama 5 5 1 2 coyote 55 12");
	CHECK_STR(orig_of(&nt, in, 5, 8), "EE.UU.");
	CHECK_STR(orig_of(&nt, in, 5, 6), "EE.UU.");	/* each byte: whole range */
	CHECK_STR(orig_of(&nt, in, 15, 22), "cinco cinco uno dos");
	CHECK_STR(orig_of(&nt, in, 17, 18), "cinco");
	CHECK_STR(orig_of(&nt, in, 23, 29), "c0y0t3");
	CHECK_STR(orig_of(&nt, in, 30, 35), "55📞12");
	CHECK_STR(orig_of(&nt, in, 32, 33), "📞");
	CHECK_STR(orig_of(&nt, in, 4, 5), "  ");	/* a space: its whole run */
	CHECK_INT(norm_validate(&nt, in), 0);
	arena_release(&a);
}

TEST(normalize, offsets_invalid_and_marks)
{
	struct arena a;
	struct norm_text nt;
	const char *in = "x\xe2\x82y e\xcc\x81\xcc\x81z";

	arena_init(&a, 4096);
	CHECK_INT(normalize_text(&nt, in, strlen(in), &a), 0);
	CHECK_STR(nt.s, "x\xef\xbf\xbdy ez");
	CHECK_STR(orig_of(&nt, in, 1, 4), "\xe2\x82");	/* U+FFFD <- the subpart */
	CHECK_STR(orig_of(&nt, in, 6, 7), "e\xcc\x81\xcc\x81");	/* marks join 'e' */
	CHECK_INT(norm_validate(&nt, in), 0);
	arena_release(&a);
}

TEST(normalize, empty_span_and_empty_input)
{
	struct arena a;
	struct norm_text nt;
	size_t os = 99, oe = 99;

	arena_init(&a, 4096);
	CHECK_INT(normalize_text(&nt, "", 0, &a), 0);
	CHECK_STR(nt.s, "");
	CHECK_INT(nt.len, 0);
	CHECK_INT(nt.start[0], 0);
	CHECK_INT(nt.end[0], 0);
	CHECK_INT(normalize_text(&nt, " \xe2\x80\x8b ", 5, &a), 0);
	CHECK_INT(nt.len, 0);
	CHECK_INT(nt.start[0], 5);
	norm_span_orig(&nt, 0, 0, &os, &oe);
	CHECK_INT(os, 5);
	CHECK_INT(oe, 5);
	arena_release(&a);
}

TEST(normalize, length_bound)
{
	/* U+FDFA folds to 18 code points (33 bytes): kept whole (rule C8). */
	const char *in = "\xef\xb7\xba\xef\xbf\xbf\xff";
	struct arena a;
	struct norm_text nt;

	arena_init(&a, 4096);
	CHECK_INT(normalize_text(&nt, in, strlen(in), &a), 0);
	CHECK(nt.len <= 3 * strlen(in));
	CHECK_MEM(nt.s, 3, "\xef\xb7\xba");
	CHECK_INT(norm_validate(&nt, in), 0);
	arena_release(&a);
}

TEST(normalize, validate_catches_breakage)
{
	struct arena a;
	struct norm_text nt;
	const char *in = "Llámame YA";

	arena_init(&a, 4096);
	CHECK_INT(normalize_text(&nt, in, strlen(in), &a), 0);
	CHECK_INT(norm_validate(&nt, in), 0);
	nt.start[2] = 3;	/* inside 'á' */
	CHECK_INT(norm_validate(&nt, in), ATL_EINVAL);
	nt.start[2] = 2;
	nt.s[0] = 'L';
	CHECK_INT(norm_validate(&nt, in), ATL_EINVAL);
	arena_release(&a);
}

TEST(normalize, every_number_word)
{
	/* Each word of D5's table, in runs of four. */
	static const struct norm_case rows[] = {
		{ "cero cinco cinq cuatro", "0 5 5 4" },
		{ "deux dois dos duas", "2 2 2 2" },
		{ "eight five four huit", "8 5 4 8" },
		{ "neuf nine nove nueve", "9 9 9 9" },
		{ "ocho oito one quatre", "8 8 1 4" },
		{ "quatro seis sept sete", "4 6 7 7" },
		{ "seven siete six three", "7 7 6 3" },
		{ "tres trois two um", "3 3 2 1" },
		{ "uma un una une", "1 1 1 1" },
		{ "uno zero uno zero", "1 0 1 0" },
		{ "cer cincos unos zeros", "cer cincos unos zeros" },
	};
	RUN_TABLE(rows);
}

/* C2's eight-byte path against a byte-by-byte model of C2/C3/C5 for ASCII:
 * random texts of 0-40 bytes (every alignment of spaces, space runs,
 * controls, DEL and capitals around the 8-byte blocks), with letters that
 * start no word rule, so the text is the character pass's alone. */
TEST(normalize, ascii_blocks_match_bytewise_model)
{
	static const char alpha[] = "abcxyBXZ~!.-  \t\n\x7f\x01\x1c";
	struct arena a;
	uint64_t r = 0x9E3779B97F4A7C15ull;
	char in[48], want[48];
	uint32_t ws[48], we[48];

	arena_init(&a, 1 << 16);
	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)round % 41, m = 0;
		int pend = 0;
		uint32_t sps = 0, spe = 0;
		struct norm_text nt;

		for (size_t i = 0; i < n; i++) {
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			/* mostly letters, so that long plain blocks occur */
			in[i] = r % 3 ? alpha[r / 3 % 8] : alpha[r / 3 % (sizeof(alpha) - 1)];
		}
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)in[i];

			if (c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f)) {
				if (m > 0) {
					if (!pend)
						sps = (uint32_t)i;
					pend = 1;
					spe = (uint32_t)i + 1;
				}
			} else if (c >= 0x20 && c < 0x7f) {
				if (pend) {
					want[m] = ' ', ws[m] = sps, we[m++] = spe;
					pend = 0;
				}
				want[m] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
				ws[m] = (uint32_t)i, we[m++] = (uint32_t)i + 1;
			}
		}
		CHECK(normalize_text(&nt, in, n, &a) == 0);
		CHECK_MSG(nt.len == m && !memcmp(nt.s, want, m) &&
			  !memcmp(nt.start, ws, m * sizeof(*ws)) &&
			  !memcmp(nt.end, we, m * sizeof(*we)) && norm_validate(&nt, in) == 0,
			  "round %d (%zu bytes)", round, n);
		arena_reset(&a);
	}
	arena_release(&a);
}

/* D5 skips a word that starts no number word 8 bytes at a time: words of
 * 1-20 bytes (ASCII, digits, UTF-8) before, between and after the number
 * words, so that their ends fall at every position of a block. */
TEST(normalize, spelled_digits_after_skipped_words)
{
	static const char *const fill[] = { "x", "k9", "h\xd0\xb6" };
	struct arena a;
	char in[256], want[256];

	arena_init(&a, 1 << 16);
	for (size_t f = 0; f < 3; f++)
		for (size_t pad = 1; pad <= 20; pad++) {
			struct norm_text nt;
			char word[24] = "";
			size_t wl = 0;

			while (wl + strlen(fill[f]) <= pad) {
				memcpy(word + wl, fill[f], strlen(fill[f]));
				wl += strlen(fill[f]);
			}
			word[wl] = '\0';
			if (wl == 0)
				continue;
			snprintf(in, sizeof(in), "%s cinco dos uno tres %s seis siete ocho nueve %s",
				 word, word, word);
			snprintf(want, sizeof(want), "%s 5 2 1 3 %s 6 7 8 9 %s", word, word, word);
			CHECK(normalize_text(&nt, in, strlen(in), &a) == 0);
			CHECK_MSG(!strcmp(nt.s, want), "\"%s\" -> \"%s\", want \"%s\"", in,
				  nt.s, want);
			arena_reset(&a);
		}
	arena_release(&a);
}
