/*
 * lexicon: the word lists behind the placeholders (see lexicon.h).
 * Names, cities and items are common words; organisation names are made
 * from a prefix and a core so that clusters get distinct but plausible
 * names. Nothing here names a real business.
 */
#include "lexicon.h"

#include <string.h>

#include "core/ascii.h"
#include "core/banned.h"

#define WL(a) { (a), sizeof(a) / sizeof((a)[0]) }

static const char *const es_months[] = { "enero", "febrero", "marzo", "abril", "mayo", "junio",
	"julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre" };
static const char *const en_months[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };
static const char *const pt_months[] = { "janeiro", "fevereiro", "março", "abril", "maio", "junho",
	"julho", "agosto", "setembro", "outubro", "novembro", "dezembro" };
static const char *const ht_months[] = { "janvye", "fevriye", "mas", "avril", "me", "jen",
	"jiyè", "out", "septanm", "oktòb", "novanm", "desanm" };
static const char *const fr_months[] = { "janvier", "février", "mars", "avril", "mai", "juin",
	"juillet", "août", "septembre", "octobre", "novembre", "décembre" };

static const char *const es_wdays[] = { "domingo", "lunes", "martes", "miércoles", "jueves",
	"viernes", "sábado" };
static const char *const en_wdays[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
	"Friday", "Saturday" };
static const char *const pt_wdays[] = { "domingo", "segunda", "terça", "quarta", "quinta",
	"sexta", "sábado" };
static const char *const ht_wdays[] = { "dimanch", "lendi", "madi", "mèkredi", "jedi",
	"vandredi", "samdi" };
static const char *const fr_wdays[] = { "dimanche", "lundi", "mardi", "mercredi", "jeudi",
	"vendredi", "samedi" };

static const char *const es_digits[] = { "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis",
	"siete", "ocho", "nueve" };
static const char *const en_digits[] = { "zero", "one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine" };
static const char *const pt_digits[] = { "zero", "um", "dois", "três", "quatro", "cinco", "seis",
	"sete", "oito", "nove" };
static const char *const ht_digits[] = { "zewo", "en", "de", "twa", "kat", "senk", "sis", "sèt",
	"uit", "nèf" };
static const char *const fr_digits[] = { "zéro", "un", "deux", "trois", "quatre", "cinq", "six",
	"sept", "huit", "neuf" };

static const char *const es_names[] = { "José", "María", "Juan", "Ana", "Carlos", "Rosa", "Luis",
	"Marta", "Pedro", "Lucía", "Kevin", "Dayana", "Wilmer", "Yesenia", "Brayan", "Heidy" };
static const char *const en_names[] = { "Mike", "Sarah", "David", "Linda", "James", "Kim",
	"Omar", "Grace", "Tony", "Ruth" };
static const char *const pt_names[] = { "João", "Maria", "Paulo", "Ana", "Lucas", "Fernanda",
	"Rafael", "Juliana", "Thiago", "Camila" };
static const char *const ht_names[] = { "Jean", "Marie", "Wilson", "Fabiola", "Pierre",
	"Nadège", "Jocelyn", "Ketly", "Frantz", "Mirlande" };
static const char *const fr_names[] = { "Karim", "Amina", "Moussa", "Fatou", "Yacine", "Awa",
	"Ibrahim", "Sarah", "Mamadou", "Leila" };

static const char *const es_cities[] = { "Tapachula", "Tijuana", "Guatemala", "San Pedro Sula",
	"Ciudad Juárez", "Monterrey", "Houston", "San Salvador", "Oaxaca", "Puebla", "Chicago",
	"Tegucigalpa", "Reynosa", "Quetzaltenango", "Villahermosa", "Managua" };
static const char *const en_cities[] = { "Houston", "El Paso", "San Diego", "Phoenix", "London",
	"Miami", "Chicago", "Dover", "Newark", "Atlanta" };
static const char *const pt_cities[] = { "São Paulo", "Belo Horizonte", "Governador Valadares",
	"Curitiba", "Boston", "Orlando", "Goiânia", "Rio de Janeiro" };
static const char *const ht_cities[] = { "Pòtoprens", "Okap", "Gonayiv", "Miyami", "Jakmèl",
	"Sen Mak", "Santiago", "Nouyòk" };
static const char *const fr_cities[] = { "Paris", "Calais", "Lyon", "Marseille", "Montréal",
	"Bruxelles", "Lille", "Dunkerque" };

static const char *const es_items[] = { "moto Italika 150", "iPhone 12 de 128 GB", "refrigerador",
	"Toyota Corolla 2012", "bicicleta de montaña", "Samsung A54", "estufa de 4 quemadores",
	"sala de 3 piezas", "lavadora", "Nissan Tsuru 2005", "pantalla de 55 pulgadas", "cuatrimoto" };
static const char *const en_items[] = { "Honda Civic 2010", "iPhone 13", "PS5 with 2 controllers",
	"mountain bike", "couch", "washer and dryer", "Ford F-150 2008", "55 inch TV" };
static const char *const pt_items[] = { "moto CG 160", "iPhone 11", "geladeira", "bicicleta aro 29",
	"sofá 3 lugares", "Gol 2010", "máquina de lavar", "TV 50 polegadas" };
static const char *const ht_items[] = { "moto Haojue", "iPhone 12", "frijidè", "bisiklèt",
	"dèlko 5000 W", "Toyota Corolla 2008", "panno solè", "matla 2 plas" };
static const char *const fr_items[] = { "scooter 125", "iPhone 13", "frigo", "vélo de course",
	"canapé 3 places", "Clio 2011", "machine à laver", "télé 50 pouces" };

static const struct lexicon lexicons[LANG_COUNT] = {
	[LANG_ES] = { WL(es_months), WL(es_wdays), WL(es_digits), WL(es_names), WL(es_cities), WL(es_items) },
	[LANG_EN] = { WL(en_months), WL(en_wdays), WL(en_digits), WL(en_names), WL(en_cities), WL(en_items) },
	[LANG_PT] = { WL(pt_months), WL(pt_wdays), WL(pt_digits), WL(pt_names), WL(pt_cities), WL(pt_items) },
	[LANG_HT] = { WL(ht_months), WL(ht_wdays), WL(ht_digits), WL(ht_names), WL(ht_cities), WL(ht_items) },
	[LANG_FR] = { WL(fr_months), WL(fr_wdays), WL(fr_digits), WL(fr_names), WL(fr_cities), WL(fr_items) },
};

/* Organisation prefixes: [kind][lang]. */
static const char *const es_agency[] = { "Viajes", "Tours", "Agencia", "Excursiones" };
static const char *const en_agency[] = { "Travel", "Tours", "Journeys" };
static const char *const pt_agency[] = { "Viagens", "Turismo", "Agência" };
static const char *const fr_agency[] = { "Voyages", "Évasion", "Circuits" };
static const char *const es_bus[] = { "Transportes", "Autobuses", "Líneas", "Expreso" };
static const char *const en_bus[] = { "Coach", "Bus Lines", "Shuttle" };
static const char *const pt_bus[] = { "Viação", "Expresso", "Rodoviária" };
static const char *const fr_bus[] = { "Cars", "Autocars", "Navettes" };
static const char *const es_legal[] = { "Bufete", "Abogados", "Despacho", "Asesoría" };
static const char *const en_legal[] = { "Law Office", "Legal Aid", "Immigration Law" };
static const char *const pt_legal[] = { "Advocacia", "Escritório" };
static const char *const ht_legal[] = { "Biwo", "Kabinè" };
static const char *const fr_legal[] = { "Cabinet", "Permanence" };
static const char *const es_ngo[] = { "Casa del Migrante", "Albergue", "Red de Apoyo", "Pastoral" };
static const char *const en_ngo[] = { "Shelter", "Migrant Aid", "Welcome Center" };
static const char *const pt_ngo[] = { "Casa de Acolhida", "Missão" };
static const char *const ht_ngo[] = { "Sant", "Kay Akèy" };
static const char *const fr_ngo[] = { "Association", "Accueil" };
static const char *const es_remit[] = { "Envíos", "Remesas", "Casa de Cambio" };
static const char *const en_remit[] = { "Money Transfer", "Send", "Remit" };
static const char *const pt_remit[] = { "Remessas", "Câmbio" };
static const char *const ht_remit[] = { "Transfè", "Kay Chanj" };
static const char *const es_news[] = { "Noticias", "Diario", "Informativo" };
static const char *const en_news[] = { "News", "Daily", "Report" };
static const char *const pt_news[] = { "Notícias", "Jornal" };
static const char *const ht_news[] = { "Nouvèl", "Radyo" };
static const char *const fr_news[] = { "Info", "Journal" };
static const char *const es_recruit[] = { "Reclutamiento", "Agencia Laboral" };
static const char *const en_recruit[] = { "Recruiting", "Workforce" };

static const struct word_list org_prefix[ORG_COUNT][LANG_COUNT] = {
	[ORG_AGENCY] = { WL(es_agency), WL(en_agency), WL(pt_agency), WL(fr_agency), WL(fr_agency) },
	[ORG_BUS] = { WL(es_bus), WL(en_bus), WL(pt_bus), WL(fr_bus), WL(fr_bus) },
	[ORG_LEGAL] = { WL(es_legal), WL(en_legal), WL(pt_legal), WL(ht_legal), WL(fr_legal) },
	[ORG_NGO] = { WL(es_ngo), WL(en_ngo), WL(pt_ngo), WL(ht_ngo), WL(fr_ngo) },
	[ORG_REMIT] = { WL(es_remit), WL(en_remit), WL(pt_remit), WL(ht_remit), WL(en_remit) },
	[ORG_NEWS] = { WL(es_news), WL(en_news), WL(pt_news), WL(ht_news), WL(fr_news) },
	[ORG_RECRUIT] = { WL(es_recruit), WL(en_recruit), WL(en_recruit), WL(en_recruit), WL(en_recruit) },
};

static const char *const org_core[] = { "Maya", "Quetzal", "del Sol", "El Norte", "Continental",
	"Pacífico", "Istmo", "Aurora", "Horizonte", "San Miguel", "La Frontera", "Express",
	"Atlántico", "Centauro", "Fénix", "Caribe", "Esperanza", "Los Altos", "Santa Fe", "Volcán" };

static const char *const shady_words[] = { "viajes", "tours", "guia", "norte", "sueno", "frontera",
	"travesia", "express", "seguro", "directo", "familia", "usa", "agencia", "rutas", "cruce",
	"pasadas", "coyote", "destino", "libre", "tour" };
static const char *const plain_words[] = { "info", "ventas", "noticias", "comunidad", "migrante",
	"familia", "ayuda", "legal", "viajes", "transporte", "envios", "mercado", "el", "la", "news",
	"radio", "fe", "casa", "red", "voz" };
static const char *const last_names[] = { "Pérez", "López", "García", "Hernández", "Ramírez",
	"Cruz", "Morales", "Reyes", "Joseph", "Pierre", "Silva", "Souza", "Diallo", "Smith",
	"Castillo", "Mejía" };

static const char *const emojis[] = { "🚗", "✈️", "🇺🇸", "🇲🇽", "🇬🇹", "🇭🇳", "💵", "💰", "🙏",
	"✅", "🔥", "📞", "📲", "👉", "⚠️", "🚌", "❤️", "🎉", "🛥️", "🌎" };
static const char *const phone_emojis[] = { "📞", "📲", "🔥", "✅", "▪️", "⭐" };

static const struct word_list w_core = WL(org_core);
static const struct word_list w_shady = WL(shady_words);
static const struct word_list w_plain = WL(plain_words);
static const struct word_list w_last = WL(last_names);
static const struct word_list w_emojis = WL(emojis);
static const struct word_list w_phone_emojis = WL(phone_emojis);

/* Coded spellings; the key is lower-case ASCII. */
static const struct {
	const char *word;
	const char *variants[3];
} obf[] = {
	{ "coyote", { "c0y0te", "coyotee", "k0y0te" } },
	{ "usa", { "U$A", "USA🇺🇸", "EEUU" } },
	{ "whatsapp", { "wasap", "wsp", "whats" } },
	{ "inbox", { "imbox", "inbx", "imbox" } },
	{ "cruce", { "cruse", "cruze", "kruce" } },
	{ "seguro", { "segur0", "seguroo", "SEGURO" } },
	{ "garantizado", { "garantisado", "garantizad0", "garantisado" } },
	{ "viaje", { "viaj3", "biaje", "viajee" } },
	{ "info", { "inf0", "infoo", "inf0" } },
	{ "personas", { "personaz", "persona$", "prsonas" } },
	{ "frontera", { "fr0ntera", "fronteraa", "frontera🚧" } },
	{ "visa", { "v1sa", "bisa", "vis@" } },
	{ "asilo", { "asil0", "azilo", "asilo" } },
	{ "precio", { "presio", "$precio", "prezio" } },
	{ "cross", { "kross", "cr0ss", "crosss" } },
	{ "guaranteed", { "garanteed", "guaranted", "guarant33d" } },
	{ "people", { "ppl", "peeps", "people" } },
	{ "zap", { "zapzap", "zp", "whats" } },
	{ "passeur", { "pa$$eur", "passeurr", "pas-seur" } },
	{ "garanti", { "garanti💯", "garanty", "gar@nti" } },
	{ "llevamos", { "yevamos", "llebamos", "llevamoz" } },
	{ "pasamos", { "pazamos", "pasamoss", "pa$amos" } },
};

const struct lexicon *lex_get(enum synth_lang l)
{
	return &lexicons[l];
}

const struct word_list *lex_org_prefix(enum lex_org k, enum synth_lang l)
{
	return &org_prefix[k][l];
}

const struct word_list *lex_org_core(void) { return &w_core; }
const struct word_list *lex_handle_words(int is_shady) { return is_shady ? &w_shady : &w_plain; }
const struct word_list *lex_last_names(void) { return &w_last; }
const struct word_list *lex_emojis(void) { return &w_emojis; }
const struct word_list *lex_phone_emojis(void) { return &w_phone_emojis; }

const char *lex_obfuscate(const char *word, size_t len, unsigned pick)
{
	for (size_t i = 0; i < sizeof(obf) / sizeof(obf[0]); i++) {
		const char *k = obf[i].word;
		size_t j = 0;

		/* first letter before strlen: this runs on every word of noisy posts */
		if (k[0] != ascii_tolower((unsigned char)word[0]) || strlen(k) != len)
			continue;
		while (j < len && ascii_tolower((unsigned char)word[j]) == k[j])
			j++;
		if (j == len)
			return obf[i].variants[pick % 3];
	}
	return NULL;
}
