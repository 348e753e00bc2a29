/*
 * redact: keyed tokens (stable, key-dependent, kind-separated), key file
 * rules, and redact_post on a processed post: raw values leave the text,
 * spans move to the tokens, a value written twice is replaced twice, and
 * leftover digit runs are tokenised.
 */
#include <string.h>

#include "core/arena.h"
#include "io_fixture.h"
#include "pipeline/redact.h"
#include "test.h"

static int load_key(struct redactor *r, const char *bytes)
{
	struct atl_err err = ATL_ERR_INIT;

	return redactor_load(r, fx_write_str("k.key", bytes), &err);
}

TEST(redact, key_rules)
{
	static struct redactor r;
	struct atl_err err = ATL_ERR_INIT;

	CHECK_INT(load_key(&r, "0123456789abcdef"), 0);
	CHECK_INT((int)r.key_len, 16);
	CHECK_INT(load_key(&r, "0123456789abcdef\n"), 0);	/* newline dropped */
	CHECK_INT((int)r.key_len, 16);
	CHECK_INT(load_key(&r, "0123456789abcde\n"), ATL_EINVAL);
	CHECK_INT(redactor_load(&r, fx_path("no-such.key"), &err), ATL_EIO);
}

TEST(redact, tokens)
{
	static struct redactor a, b;
	char t1[REDACT_TOKEN_MAX], t2[REDACT_TOKEN_MAX], t3[REDACT_TOKEN_MAX];

	CHECK_INT(load_key(&a, "key-one-0123456789"), 0);
	CHECK_INT(load_key(&b, "key-two-0123456789"), 0);
	CHECK_INT(redact_token(&a, "ph", "+50255550123", 12, t1), 0);
	CHECK_INT(redact_token(&a, "ph", "+50255550123", 12, t2), 0);
	CHECK_STR(t1, t2);
	CHECK(strlen(t1) == 23 && !strncmp(t1, "tok:ph:", 7));
	CHECK_INT(redact_token(&b, "ph", "+50255550123", 12, t3), 0);
	CHECK(strcmp(t1, t3) != 0);		/* another key, another token */
	CHECK_INT(redact_token(&a, "em", "+50255550123", 12, t3), 0);
	CHECK(strcmp(t1 + 7, t3 + 7) != 0);	/* kinds are separated */
}

TEST(redact, post_text_and_spans)
{
	static struct redactor r;
	static const char text[] = "Llama +502 5555 0123 o +502 5555 0123, mail a@example.org; cel 7777 8888 $8000";
	struct arena a;
	struct record rec;
	struct indicator ind[3];
	struct indicator_list il = { ind, 3, 3 };
	struct reason rs[1];
	struct detect_result det;
	struct extract_opts xo = { NULL, 0 };
	const char *t;

	CHECK_INT(load_key(&r, "a-test-key-0123456789"), 0);
	arena_init(&a, 1 << 16);
	memset(&rec, 0, sizeof(rec));
	memset(ind, 0, sizeof(ind));
	memset(&det, 0, sizeof(det));
	rec.text = str_make(text, strlen(text));
	rec.platform = str_cstr("whatsapp");
	rec.author = str_cstr("Ana López");
	ind[0].kind = IND_PHONE;
	ind[0].value = "+50255550123";
	ind[0].start = 6;
	ind[0].end = 20;
	ind[1].kind = IND_EMAIL;
	ind[1].value = "a@example.org";
	ind[1].start = 44;
	ind[1].end = 57;
	ind[2].kind = IND_PRICE;
	ind[2].value = "8000";
	ind[2].start = 73;
	ind[2].end = 78;
	rs[0].start = 0;		/* "Llama +502 5555 0123" */
	rs[0].end = 20;
	det.reasons = rs;
	det.n_reasons = 1;
	CHECK_INT(redact_post(&r, &xo, &rec, &il, &det, &a), 0);
	t = arena_strndup(&a, rec.text.p, rec.text.len);
	CHECK(strstr(t, "5555") == NULL);		/* both occurrences */
	CHECK(strstr(t, "example.org") == NULL);
	CHECK(strstr(t, "7777") == NULL);		/* a digit run nobody claimed */
	CHECK(strstr(t, "$8000") != NULL);		/* prices stay */
	CHECK(!strncmp(ind[0].value, "tok:ph:", 7));
	CHECK(!strncmp(ind[1].value, "tok:em:", 7));
	CHECK_STR(ind[2].value, "8000");
	/* spans point at the tokens and the price in the new text */
	CHECK(!strncmp(t + ind[0].start, ind[0].value, ind[0].end - ind[0].start));
	CHECK(!strncmp(t + ind[1].start, ind[1].value, ind[1].end - ind[1].start));
	CHECK(!strncmp(t + ind[2].start, "$8000", 5));
	CHECK_INT(rs[0].start, 0);
	CHECK_INT(rs[0].end, ind[0].end);
	/* a WhatsApp author is a private person */
	CHECK(rec.author.len == 23 && !strncmp(rec.author.p, "tok:au:", 7));
	arena_release(&a);
}

/* redact_value and redact_author_value give the tokens redact_post gives
 * (export --redact and report --redact rely on it): a wa.me link gets its
 * number's phone token, a personal URL a URL token, places and plain URLs
 * stay; authors as in redact_post. */
TEST(redact, value_and_author_tokens)
{
	static struct redactor r;
	char ph[REDACT_TOKEN_MAX], em[REDACT_TOKEN_MAX], hd[REDACT_TOKEN_MAX], au[REDACT_TOKEN_MAX];
	struct arena a;
	const char *t;

	CHECK_INT(load_key(&r, "key-one-0123456789"), 0);
	arena_init(&a, 4096);
	CHECK_INT(redact_token(&r, "ph", "+50255550188", 12, ph), 0);
	CHECK_INT(redact_token(&r, "em", "a@example.org", 13, em), 0);
	CHECK_INT(redact_token(&r, "hd", "@coyote_expres", 14, hd), 0);
	CHECK_INT(redact_token(&r, "au", "Ana López", strlen("Ana López"), au), 0);

	CHECK_INT(redact_value(&r, IND_PHONE, "+50255550188", &a, &t), 0);
	CHECK_STR(t, ph);
	CHECK_INT(redact_value(&r, IND_LINK, "wa.me/50255550188", &a, &t), 0);
	CHECK_STR(t, ph);
	CHECK_INT(redact_value(&r, IND_EMAIL, "a@example.org", &a, &t), 0);
	CHECK_STR(t, em);
	CHECK_INT(redact_value(&r, IND_URL, "example.org/perfil/50255550188", &a, &t), 0);
	CHECK(t && !strncmp(t, "tok:ur:", 7));
	CHECK_INT(redact_value(&r, IND_URL, "example.org/viajes", &a, &t), 0);
	CHECK(t == NULL);
	CHECK_INT(redact_value(&r, IND_PLACE, "tijuana", &a, &t), 0);
	CHECK(t == NULL);
	CHECK_INT(redact_value(&r, IND_PHONE, ph, &a, &t), 0);	/* a token stays */
	CHECK(t == NULL);

	CHECK_INT(redact_author_value(&r, STR_LIT("whatsapp"), STR_LIT("+502 5555 0188"), &a, &t), 0);
	CHECK_STR(t, ph);
	CHECK_INT(redact_author_value(&r, STR_LIT("instagram"), STR_LIT("coyote_expres"), &a, &t), 0);
	CHECK_STR(t, hd);
	CHECK_INT(redact_author_value(&r, STR_LIT("whatsapp"), str_cstr("Ana López"), &a, &t), 0);
	CHECK_STR(t, au);
	CHECK_INT(redact_author_value(&r, STR_LIT("facebook"), str_cstr("Ana López"), &a, &t), 0);
	CHECK(t == NULL);	/* a display name off WhatsApp is kept */
	arena_release(&a);
}

/* Redacting a redacted post changes nothing: a token's hex holding seven
 * decimal digits in a row ("...ccf9405664") is not a leftover number. */
TEST(redact, redacted_text_stays)
{
	static struct redactor r;
	static const char text[] =
		"Numero: tok:ph:80affeccf9405664 y tok:nm:1234567890abcdef, 7777 8888 no";
	struct arena a;
	struct record rec;
	struct indicator_list il = { NULL, 0, 0 };
	struct detect_result det;
	struct extract_opts xo = { NULL, 0 };
	const char *t;

	CHECK_INT(load_key(&r, "a-test-key-0123456789"), 0);
	arena_init(&a, 1 << 16);
	memset(&rec, 0, sizeof(rec));
	memset(&det, 0, sizeof(det));
	rec.text = str_make(text, strlen(text));
	rec.platform = str_cstr("facebook");
	CHECK_INT(redact_post(&r, &xo, &rec, &il, &det, &a), 0);
	t = arena_strndup(&a, rec.text.p, rec.text.len);
	CHECK(!strncmp(t, "Numero: tok:ph:80affeccf9405664 y tok:nm:1234567890abcdef, ", 59));
	CHECK(strstr(t, "7777") == NULL);	/* a real leftover number still goes */
	arena_release(&a);
}
