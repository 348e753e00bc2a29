/*
 * lang: word-vote language identification (see lang.h).
 *
 * The table lists frequent function words and a few domain words in their
 * normalised spelling; a word shared by several languages ("que", "de", "la")
 * votes once for each, a word of one language votes twice. The text is
 * scanned once; words are looked up by binary search in the sorted table
 * (about 9 comparisons), so a 200-byte post costs well under a microsecond.
 * Fewer than two points in total means "other".
 */
#include <string.h>

#include "core/ascii.h"
#include "detect/lang.h"
#include "core/banned.h"

enum { L_ES = 1 << LANG_ES, L_EN = 1 << LANG_EN, L_PT = 1 << LANG_PT,
       L_HT = 1 << LANG_HT, L_FR = 1 << LANG_FR };

struct lang_word {
	const char *w;
	unsigned mask;	/* L_* bits of the languages that use the word */
};

/* Sorted by strcmp (lang_table_ok checks it). */
static const struct lang_word words[] = {
	{ "a", L_ES | L_PT | L_HT | L_FR },
	{ "about", L_EN },
	{ "after", L_EN },
	{ "agora", L_PT },
	{ "ahora", L_ES },
	{ "ak", L_HT },
	{ "al", L_ES },
	{ "ale", L_HT },
	{ "algo", L_ES },
	{ "alguem", L_PT },
	{ "alguien", L_ES },
	{ "all", L_EN },
	{ "alla", L_ES },
	{ "also", L_EN },
	{ "amanha", L_PT },
	{ "an", L_EN },
	{ "and", L_EN },
	{ "angleterre", L_FR },
	{ "anpil", L_HT },
	{ "antes", L_ES },
	{ "anvan", L_HT },
	{ "any", L_EN },
	{ "anyone", L_EN },
	{ "ap", L_HT },
	{ "apre", L_HT },
	{ "apres", L_FR },
	{ "aqui", L_ES | L_PT },
	{ "are", L_EN },
	{ "arrested", L_EN },
	{ "arretes", L_FR },
	{ "arrive", L_EN },
	{ "arrivee", L_FR },
	{ "as", L_EN | L_PT },
	{ "at", L_EN },
	{ "ate", L_PT },
	{ "au", L_FR },
	{ "aujourd", L_FR },
	{ "aussi", L_FR },
	{ "autoridades", L_ES },
	{ "aux", L_FR },
	{ "avant", L_FR },
	{ "avec", L_FR },
	{ "avoir", L_FR },
	{ "ayuda", L_ES },
	{ "bateau", L_FR },
	{ "bay", L_HT },
	{ "be", L_EN },
	{ "been", L_EN },
	{ "before", L_EN },
	{ "bien", L_ES },
	{ "bo", L_HT },
	{ "bom", L_PT },
	{ "bondye", L_HT },
	{ "bonjour", L_FR },
	{ "border", L_EN },
	{ "buenos", L_ES },
	{ "by", L_EN },
	{ "cada", L_ES },
	{ "call", L_EN },
	{ "can", L_EN },
	{ "ce", L_FR },
	{ "ces", L_FR },
	{ "cette", L_FR },
	{ "chegada", L_PT },
	{ "chegar", L_PT },
	{ "chez", L_FR },
	{ "cobran", L_ES },
	{ "com", L_PT },
	{ "como", L_ES | L_PT },
	{ "con", L_ES },
	{ "confiance", L_FR },
	{ "contactez", L_FR },
	{ "coyote", L_ES },
	{ "criancas", L_PT },
	{ "cross", L_EN },
	{ "cruzamos", L_ES },
	{ "cuando", L_ES },
	{ "cuanto", L_ES },
	{ "custa", L_PT },
	{ "da", L_PT },
	{ "dans", L_FR },
	{ "das", L_PT },
	{ "de", L_ES | L_FR },
	{ "del", L_ES },
	{ "demain", L_FR },
	{ "demen", L_HT },
	{ "depart", L_FR },
	{ "des", L_FR },
	{ "desde", L_ES },
	{ "despues", L_ES },
	{ "detenidos", L_ES },
	{ "di", L_HT },
	{ "dia", L_PT },
	{ "dias", L_ES },
	{ "dinero", L_ES },
	{ "dlo", L_HT },
	{ "do", L_EN | L_PT },
	{ "does", L_EN },
	{ "donde", L_ES },
	{ "dont", L_EN },
	{ "dos", L_PT },
	{ "du", L_FR },
	{ "e", L_PT },
	{ "ede", L_HT },
	{ "ekri", L_HT },
	{ "el", L_ES },
	{ "ela", L_PT },
	{ "ele", L_PT },
	{ "eles", L_PT },
	{ "ella", L_ES },
	{ "elle", L_FR },
	{ "ellos", L_ES },
	{ "em", L_PT },
	{ "en", L_ES },
	{ "enfants", L_FR },
	{ "entre", L_ES },
	{ "es", L_ES },
	{ "esas", L_ES },
	{ "escribe", L_ES },
	{ "eske", L_HT },
	{ "eso", L_ES },
	{ "essa", L_PT },
	{ "esse", L_PT },
	{ "est", L_FR },
	{ "esta", L_ES | L_PT },
	{ "estamos", L_PT },
	{ "estan", L_ES },
	{ "este", L_ES | L_PT },
	{ "estos", L_ES },
	{ "et", L_FR },
	{ "etre", L_FR },
	{ "eu", L_PT },
	{ "faire", L_FR },
	{ "faites", L_FR },
	{ "familia", L_ES | L_PT },
	{ "famille", L_FR },
	{ "family", L_EN },
	{ "fanmi", L_HT },
	{ "fazer", L_PT },
	{ "fe", L_HT },
	{ "foi", L_PT },
	{ "for", L_EN },
	{ "free", L_EN },
	{ "from", L_EN },
	{ "fronteira", L_PT },
	{ "frontera", L_ES },
	{ "frontiere", L_FR },
	{ "fue", L_ES },
	{ "fueron", L_ES },
	{ "fwontye", L_HT },
	{ "gen", L_HT },
	{ "gente", L_ES },
	{ "genyen", L_HT },
	{ "get", L_EN },
	{ "gracias", L_ES },
	{ "hace", L_ES },
	{ "hacer", L_ES },
	{ "has", L_EN },
	{ "hasta", L_ES },
	{ "have", L_EN },
	{ "hay", L_ES },
	{ "he", L_EN },
	{ "help", L_EN },
	{ "her", L_EN },
	{ "his", L_EN },
	{ "hoje", L_PT },
	{ "hola", L_ES },
	{ "how", L_EN },
	{ "hoy", L_ES },
	{ "hui", L_FR },
	{ "i", L_EN },
	{ "if", L_EN },
	{ "il", L_FR },
	{ "in", L_EN },
	{ "informacion", L_ES },
	{ "informacoes", L_PT },
	{ "is", L_EN },
	{ "isso", L_PT },
	{ "it", L_EN },
	{ "ja", L_PT },
	{ "jan", L_HT },
	{ "je", L_FR },
	{ "jodi", L_HT },
	{ "just", L_EN },
	{ "ka", L_HT },
	{ "ki", L_HT },
	{ "kijan", L_HT },
	{ "know", L_EN },
	{ "konbyen", L_HT },
	{ "konfyans", L_HT },
	{ "konnen", L_HT },
	{ "kote", L_HT },
	{ "kounye", L_HT },
	{ "la", L_ES | L_FR },
	{ "lajan", L_HT },
	{ "lakay", L_HT },
	{ "las", L_ES },
	{ "lawyer", L_EN },
	{ "le", L_ES | L_FR },
	{ "leaving", L_EN },
	{ "les", L_ES | L_FR },
	{ "leur", L_FR },
	{ "levamos", L_PT },
	{ "li", L_HT },
	{ "llamar", L_ES },
	{ "llegar", L_ES },
	{ "llevamos", L_ES },
	{ "lo", L_ES },
	{ "los", L_ES },
	{ "lot", L_HT },
	{ "mais", L_PT | L_FR },
	{ "manana", L_ES },
	{ "mas", L_ES },
	{ "me", L_EN },
	{ "men", L_HT },
	{ "mennen", L_HT },
	{ "merci", L_FR },
	{ "mesi", L_HT },
	{ "message", L_EN },
	{ "meu", L_PT },
	{ "mi", L_ES },
	{ "migracion", L_ES },
	{ "migrantes", L_ES },
	{ "migrants", L_FR },
	{ "minha", L_PT },
	{ "mis", L_ES },
	{ "more", L_EN },
	{ "moun", L_HT },
	{ "mucho", L_ES },
	{ "muchos", L_ES },
	{ "muito", L_PT },
	{ "muy", L_ES },
	{ "mwen", L_HT },
	{ "my", L_EN },
	{ "na", L_PT },
	{ "nada", L_ES },
	{ "nan", L_HT },
	{ "nao", L_PT },
	{ "nas", L_PT },
	{ "ne", L_FR },
	{ "necesito", L_ES },
	{ "ninos", L_ES },
	{ "no", L_ES | L_EN | L_PT },
	{ "nos", L_PT },
	{ "nosotros", L_ES },
	{ "nossa", L_PT },
	{ "nosso", L_PT },
	{ "not", L_EN },
	{ "notre", L_FR },
	{ "nou", L_HT },
	{ "nous", L_FR },
	{ "nuestra", L_ES },
	{ "nuestro", L_ES },
	{ "o", L_ES | L_PT },
	{ "obrigado", L_PT },
	{ "of", L_EN },
	{ "ola", L_PT },
	{ "on", L_EN },
	{ "onde", L_PT },
	{ "only", L_EN },
	{ "or", L_EN },
	{ "os", L_PT },
	{ "otra", L_ES },
	{ "otro", L_ES },
	{ "ou", L_HT | L_FR },
	{ "our", L_EN },
	{ "out", L_EN },
	{ "pa", L_HT },
	{ "pagamento", L_PT },
	{ "pagas", L_ES },
	{ "pago", L_ES },
	{ "paiement", L_FR },
	{ "papye", L_HT },
	{ "para", L_ES | L_PT },
	{ "pas", L_FR },
	{ "pasamos", L_ES },
	{ "pase", L_HT },
	{ "paske", L_HT },
	{ "passage", L_FR },
	{ "passeurs", L_FR },
	{ "passons", L_FR },
	{ "pay", L_EN },
	{ "payez", L_FR },
	{ "people", L_EN },
	{ "pero", L_ES },
	{ "personas", L_ES },
	{ "peye", L_HT },
	{ "peyi", L_HT },
	{ "please", L_EN },
	{ "plus", L_FR },
	{ "police", L_EN | L_FR },
	{ "pollero", L_ES },
	{ "por", L_ES | L_PT },
	{ "porque", L_ES },
	{ "pou", L_HT },
	{ "pour", L_FR },
	{ "pra", L_PT },
	{ "pral", L_HT },
	{ "pran", L_HT },
	{ "precio", L_ES },
	{ "preco", L_PT },
	{ "price", L_EN },
	{ "prix", L_FR },
	{ "pro", L_PT },
	{ "puede", L_ES },
	{ "pueden", L_ES },
	{ "puedo", L_ES },
	{ "pues", L_ES },
	{ "pwochen", L_HT },
	{ "quando", L_PT },
	{ "quanto", L_PT },
	{ "que", L_ES | L_PT },
	{ "qui", L_FR },
	{ "quien", L_ES },
	{ "quiero", L_ES },
	{ "rele", L_HT },
	{ "report", L_EN },
	{ "rive", L_HT },
	{ "sa", L_HT | L_FR },
	{ "sabe", L_ES | L_PT },
	{ "safe", L_EN },
	{ "said", L_EN },
	{ "saida", L_PT },
	{ "salida", L_ES },
	{ "sao", L_PT },
	{ "se", L_ES | L_HT },
	{ "segun", L_ES },
	{ "seguro", L_ES | L_PT },
	{ "selon", L_FR },
	{ "semaine", L_FR },
	{ "semana", L_ES | L_PT },
	{ "ser", L_ES | L_PT },
	{ "ses", L_FR },
	{ "seu", L_PT },
	{ "seulement", L_FR },
	{ "seus", L_PT },
	{ "she", L_EN },
	{ "should", L_EN },
	{ "si", L_ES },
	{ "sin", L_ES },
	{ "so", L_EN | L_PT },
	{ "sobre", L_ES },
	{ "somos", L_ES },
	{ "son", L_ES | L_FR },
	{ "sont", L_FR },
	{ "sou", L_HT },
	{ "su", L_ES },
	{ "sua", L_PT },
	{ "suas", L_PT },
	{ "sur", L_FR },
	{ "sus", L_ES },
	{ "take", L_EN },
	{ "tambem", L_PT },
	{ "tambien", L_ES },
	{ "tankou", L_HT },
	{ "te", L_HT },
	{ "tem", L_PT },
	{ "temos", L_PT },
	{ "tenemos", L_ES },
	{ "thanks", L_EN },
	{ "that", L_EN },
	{ "the", L_EN },
	{ "their", L_EN },
	{ "them", L_EN },
	{ "there", L_EN },
	{ "they", L_EN },
	{ "this", L_EN },
	{ "tiempo", L_ES },
	{ "tiene", L_ES },
	{ "tienen", L_ES },
	{ "timoun", L_HT },
	{ "to", L_EN },
	{ "todo", L_ES },
	{ "todos", L_ES },
	{ "tous", L_FR },
	{ "tout", L_HT | L_FR },
	{ "travay", L_HT },
	{ "tres", L_FR },
	{ "trip", L_EN },
	{ "tu", L_ES },
	{ "um", L_PT },
	{ "uma", L_PT },
	{ "un", L_ES | L_FR },
	{ "una", L_ES },
	{ "une", L_FR },
	{ "up", L_EN },
	{ "us", L_EN },
	{ "usted", L_ES },
	{ "ustedes", L_ES },
	{ "vamos", L_ES | L_PT },
	{ "viagem", L_PT },
	{ "viaje", L_ES },
	{ "viza", L_HT },
	{ "vle", L_HT },
	{ "voce", L_PT },
	{ "voces", L_PT },
	{ "votre", L_FR },
	{ "vous", L_FR },
	{ "vwayaj", L_HT },
	{ "warning", L_EN },
	{ "was", L_EN },
	{ "we", L_EN },
	{ "were", L_EN },
	{ "what", L_EN },
	{ "when", L_EN },
	{ "who", L_EN },
	{ "will", L_EN },
	{ "with", L_EN },
	{ "would", L_EN },
	{ "y", L_ES },
	{ "ya", L_ES },
	{ "yes", L_EN },
	{ "yo", L_ES | L_HT },
	{ "yon", L_HT },
	{ "you", L_EN },
	{ "your", L_EN },
};

#define N_WORDS (sizeof(words) / sizeof(words[0]))
#define MAX_WORD 24	/* longer tokens are not in the table */

static const char *const codes[LANG__N] = { "es", "en", "pt", "ht", "fr", "other" };

const char *lang_code(enum lang l)
{
	return (unsigned)l < LANG__N ? codes[l] : "other";
}

enum lang lang_from_code(const char *code)
{
	for (int i = 0; i < LANG_OTHER; i++)
		if (code && !strcmp(code, codes[i]))
			return (enum lang)i;
	return LANG_OTHER;
}

int lang_table_ok(void)
{
	for (size_t i = 1; i < N_WORDS; i++)
		if (strcmp(words[i - 1].w, words[i].w) >= 0)
			return 0;
	return 1;
}

static unsigned lookup(const char *w, size_t n)
{
	size_t lo = 0, hi = N_WORDS;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp(words[mid].w, w, n);

		if (c == 0 && words[mid].w[n] != '\0')
			c = 1;	/* table word is longer: it sorts after */
		if (c == 0)
			return words[mid].mask;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n > k && !memcmp(w + n - k, suf, k);
}

/* Spelling cues that survive accent stripping. */
static void spelling_votes(const char *w, size_t n, int *score)
{
	if (ends_with(w, n, "cao") || ends_with(w, n, "coes") || ends_with(w, n, "oes"))
		score[LANG_PT] += 2;
	if (memmem(w, n, "nh", 2) || memmem(w, n, "lh", 2))
		score[LANG_PT] += 1;
	if (ends_with(w, n, "eau") || ends_with(w, n, "eaux") || ends_with(w, n, "aux"))
		score[LANG_FR] += 2;
	if (ends_with(w, n, "ing") || memmem(w, n, "th", 2))
		score[LANG_EN] += 1;
	if (ends_with(w, n, "syon") || memmem(w, n, "kw", 2) || ends_with(w, n, "ay"))
		score[LANG_HT] += 1;
	if (ends_with(w, n, "cion") || memmem(w, n, "ll", 2))
		score[LANG_ES] += 1;
}

enum lang lang_detect(const char *s, size_t len)
{
	int score[LANG__N] = { 0 };
	size_t i = 0;
	int best = LANG_OTHER, total = 0;

	while (i < len) {
		size_t j;

		while (i < len && !ascii_is_lower((unsigned char)s[i]))
			i++;
		j = i;
		while (j < len && ascii_is_lower((unsigned char)s[j]))
			j++;
		if (j > i && j - i <= MAX_WORD) {
			unsigned m = lookup(s + i, j - i);
			int w = (m & (m - 1)) ? 1 : 2;

			for (int l = 0; l < LANG_OTHER; l++)
				if (m & (1u << l))
					score[l] += w;
			if (j - i >= 3)
				spelling_votes(s + i, j - i, score);
		}
		i = j;
	}
	for (int l = 0; l < LANG_OTHER; l++) {
		total += score[l];
		if (score[l] > (best == LANG_OTHER ? 0 : score[best]))
			best = l;
	}
	return total < 2 ? LANG_OTHER : (enum lang)best;
}
