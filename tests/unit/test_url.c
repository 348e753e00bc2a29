/* Links, URLs and domains on the original text. */
#include <string.h>

#include "test.h"
#include "extract_util.h"
#include "extract/url.h"

TEST(url, messaging_links)
{
	static const struct ex_case rows[] = {
		{ "escribe https://wa.me/50255550123", NULL,
		  "wa.me/50255550123/whatsapp" },
		{ "wa.me/5215512345678?text=Hola%20info", NULL,
		  "wa.me/525512345678/whatsapp" },
		{ "HTTPS://WA.ME/+50499990000", NULL,
		  "wa.me/50499990000/whatsapp" },
		{ "https://api.whatsapp.com/send?phone=50255550123&text=hola",
		  NULL, "wa.me/50255550123/whatsapp" },
		{ "api.whatsapp.com/send/?phone=%2B525512345678", NULL,
		  "wa.me/525512345678/whatsapp" },
		{ "https://web.whatsapp.com/send?phone=17135550142", NULL,
		  "wa.me/17135550142/whatsapp" },
		{ "whatsapp://send?phone=50371234567", NULL,
		  "wa.me/50371234567/whatsapp" },
		{ "grupo https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv", NULL,
		  "chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv/whatsapp_group" },
		{ "chat.whatsapp.com/invite/AbCdEfGhIjKlMnOpQrStUv.", NULL,
		  "chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv/whatsapp_group" },
		{ "https://wa.link/x7k2qa", NULL, "wa.link/x7k2qa/whatsapp" },
		{ "https://wa.me/message/ABCDEF123GHI1", NULL,
		  "wa.me/message/ABCDEF123GHI1/whatsapp" },
		{ "https://whatsapp.com/channel/0029VaAbCdEf123", NULL,
		  "whatsapp.com/channel/0029VaAbCdEf123/whatsapp" },
		{ "t.me/Coyote_Tours", NULL, "t.me/coyote_tours/telegram" },
		{ "https://telegram.me/ViajesNorte", NULL,
		  "t.me/viajesnorte/telegram" },
		{ "telegram.dog/ViajesNorte/123", NULL,
		  "t.me/viajesnorte/telegram" },
		{ "https://t.me/s/ViajesNorte", NULL,
		  "t.me/viajesnorte/telegram" },
		{ "https://t.me/+AbCdEf123_xyz", NULL,
		  "t.me/+AbCdEf123_xyz/telegram_invite" },
		{ "https://t.me/joinchat/AbCdEf123xyz", NULL,
		  "t.me/+AbCdEf123xyz/telegram_invite" },
		{ "tg://resolve?domain=ViajesNorte", NULL,
		  "t.me/viajesnorte/telegram" },
		{ "tg://join?invite=AbCdEf123", NULL,
		  "t.me/+AbCdEf123/telegram_invite" },
		{ "https://viajesnorte.t.me", NULL,
		  "t.me/viajesnorte/telegram" },
		{ "https://t.me/+50255550123", NULL,
		  "t.me/+50255550123/telegram" },
		{ "(https://t.me/ViajesNorte)", NULL,
		  "t.me/viajesnorte/telegram" },
		{ "https://t.me/ViajesNorte#top", NULL,
		  "t.me/viajesnorte/telegram" },
		/* not links */
		{ "t.me", NULL, "" },
		{ "https://t.me/share/url?url=x", NULL, "" },
		{ "https://t.me/abc", NULL, "" },	/* too short a name */
		{ "https://wa.me/", NULL, "" },
		{ "https://chat.whatsapp.com/short", NULL, "" },
		{ "whatsapp.com", NULL, "" },
	};

	EX_TABLE(rows, IND_LINK, 'k');
}

TEST(url, links_give_phones)
{
	static const struct ex_case rows[] = {
		{ "https://wa.me/50255550123", NULL, "+50255550123/GT" },
		{ "wa.me/5215512345678", NULL, "+525512345678/MX" },
		{ "api.whatsapp.com/send?phone=17135550142", NULL,
		  "+17135550142/US" },
		{ "https://t.me/+50499990000", NULL, "+50499990000/HN" },
		/* and the digits are not read again as a national number */
		{ "https://wa.me/525512345678 y 55 1234 5678", NULL,
		  "+525512345678/MX" },
		{ "wa.me/12345", NULL, "" },
		{ "https://t.me/+AbCdEf123", NULL, "" },
	};

	EX_TABLE(rows, IND_PHONE, 'r');
}

TEST(url, urls_normalised)
{
	static const struct ex_case rows[] = {
		{ "visita https://www.ViajesSeguros.com.mx/Paquetes/?utm_source=fb&id=7",
		  NULL, "viajesseguros.com.mx/Paquetes?id=7" },
		{ "http://example.com/a?fbclid=xyz#frag", NULL, "example.com/a" },
		{ "www.example.net.", NULL, "example.net" },
		{ "ver example.com/page, gracias", NULL, "example.com/page" },
		{ "sitio: tours-norte.xyz", NULL, "tours-norte.xyz" },
		{ "https://example.io:8080/x", NULL, "example.io/x" },
		{ "https://example.com/a_(b)", NULL, "example.com/a_(b)" },
		{ "https://Facebook.com/ViajesNorte?mibextid=abc", NULL,
		  "facebook.com/viajesnorte" },
		{ "https://m.facebook.com/ViajesNorte", NULL,
		  "facebook.com/viajesnorte" },
		{ "instagram.com/viajes.norte?igshid=x", NULL,
		  "instagram.com/viajes.norte" },
		{ "https://www.tiktok.com/@viajesnorte", NULL,
		  "tiktok.com/@viajesnorte" },
		{ "https://youtu.be/AbC123?si=x", NULL, "youtu.be/AbC123" },
		{ "https://www.youtube.com/watch?v=AbC123&feature=share", NULL,
		  "youtube.com/watch?v=AbC123" },
		{ "https://tours.viajes.gob.mx/x", NULL, "tours.viajes.gob.mx/x" },
		/* platform home pages are not indicators */
		{ "siguenos en facebook.com y https://www.instagram.com/", NULL,
		  "" },
		{ "https://x.com https://google.com/ youtube.com tiktok.com", NULL,
		  "" },
		{ "https://fb.com/?utm_source=x", NULL, "" },
		/* not URLs */
		{ "ya.me voy, todo.es bueno, llegar.ar", NULL, "" },
		{ "archivo.txt y 3.5 y 8.000", NULL, "" },
		{ "juan.perez@gmail.com", NULL, "" },
		{ "hola.mundo", NULL, "" },
		{ "ftp://example.com", NULL, "" },
		/* short-word TLDs count with a path or www. */
		{ "viajes.co/info", NULL, "viajes.co/info" },
		{ "www.viajes.co", NULL, "viajes.co" },
	};

	EX_TABLE(rows, IND_URL, 0);
}

TEST(url, domains)
{
	static const struct ex_case rows[] = {
		{ "https://www.ViajesSeguros.com.mx/Paquetes", NULL,
		  "viajesseguros.com.mx" },
		{ "https://shop.example.com/x https://example.com/y", NULL,
		  "example.com" },
		{ "https://a.b.example.co.uk/", NULL, "example.co.uk" },
		{ "https://facebook.com/ViajesNorte", NULL, "" },
		{ "https://bit.ly/3abc", NULL, "" },
		{ "https://wa.me/50255550123", NULL, "" },
		{ "tours-norte.xyz y turismo.com.gt", NULL,
		  "tours-norte.xyz|turismo.com.gt" },
	};

	EX_TABLE(rows, IND_DOMAIN, 0);
}

TEST(url, registrable_domain)
{
	static const struct {
		const char *host, *want;
	} rows[] = {
		{ "example.com", "example.com" },
		{ "a.b.example.com", "example.com" },
		{ "shop.example.com.mx", "example.com.mx" },
		{ "example.com.mx", "example.com.mx" },
		{ "com.mx", "com.mx" },
		{ "localhost", "localhost" },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		size_t off = url_registrable_domain(rows[i].host,
						    strlen(rows[i].host));
		CHECK_STR(rows[i].host + off, rows[i].want);
	}
}

TEST(url, span_is_original)
{
	struct ex_run x;
	const char *text = "Info: HTTPS://WA.ME/50255550123 ahora";

	arena_init(&x.a, 1 << 12);
	ex_run(&x, text, NULL);
	CHECK_INT(x.rc, 0);
	for (size_t i = 0; i < x.l.n; i++)
		if (x.l.v[i].kind == IND_LINK)
			CHECK_MEM(text + x.l.v[i].start,
				  x.l.v[i].end - x.l.v[i].start,
				  "HTTPS://WA.ME/50255550123");
	arena_release(&x.a);
}
