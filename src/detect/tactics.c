/*
 * tactics: pattern table and Hyperscan scanning (see tactics.h).
 *
 * Design notes
 *  - Patterns see normalised text: lower case, accents stripped ("niños" is
 *    "ninos", "fè" is "fe"), whitespace folded to one space, "U$A"/"EEUU"
 *    already "usa". So no pattern needs [Áá] classes or \s+.
 *  - Prefer cues that carry over to real ads over template words: first
 *    person plural offer verbs, guarantee and payment-on-arrival phrases,
 *    contact cues, coaching phrases. Place names are routes only; a route
 *    alone is news as often as an ad, which is why the model, not this
 *    table, decides.
 *  - Tactic patterns are compiled with HS_FLAG_SOM_LEFTMOST (we need the
 *    start of a match for the reason span); context patterns only count, so
 *    they go without it (SOM costs stream state and compile time).
 *  - Hyperscan reports every end offset of a match; tactics_scan keeps one
 *    hit per (pattern, start) by extending the previous hit, and detect.c
 *    merges overlapping hits of one tactic.
 */
#include <stdlib.h>
#include <string.h>

#include <hs/hs.h>
#define XXH_STATIC_LINKING_ONLY	/* XXH3_state_t on the stack */
#include <xxhash.h>

#include "core/swar.h"
#include "detect/tactics.h"
#include "core/banned.h"

struct pattern {
	uint16_t group;
	const char *re;
};

/* Shared building blocks, spliced in by string concatenation. */
#define B "\\b"
#define NUM "\\d[\\d.,]*"	/* 8000, 8.000, 8,500 */
#define KIDS "(?:ninos|nino|ninas|menores|hijos|hijas|bebes|chamacos|chiquitos|criancas|crianca|kids|children|timoun|ti moun|enfants)"

static const struct pattern patterns[] = {
	/* ---- crossing offer ---- */
	{ TAC_CROSSING_OFFER, B "(?:los |las |les |te |lo |la )?(?:llevamos|pasamos|cruzamos|entregamos|brincamos|trasladamos|ingresamos|internamos|movemos)" B },
	{ TAC_CROSSING_OFFER, B "(?:te |les |los )?(?:ayudamos|apoyamos) a (?:cruzar|pasar|llegar|brincar|entrar)" B },
	{ TAC_CROSSING_OFFER, B "(?:pollero|polleros|coyote|coyotes|pasador|pasadores|coyotaje|guia de confianza)" B },
	{ TAC_CROSSING_OFFER, B "viajes? especial(?:es)?" B },
	{ TAC_CROSSING_OFFER, B "(?:travesia|travesias|traversia)" B },
	{ TAC_CROSSING_OFFER, B "(?:al|del|para el) otro lado" B },
	{ TAC_CROSSING_OFFER, B "(?:rumbo al|hacia el|para el|al) norte" B },
	{ TAC_CROSSING_OFFER, B "sueno americano" B },
	{ TAC_CROSSING_OFFER, B "(?:cruce|cruces|cruse|cruze|cruses|brinco|brincar|cruzar|pasar) (?:seguro|segura|garantizado|la frontera|la linea|el rio|el muro|a usa|a estados unidos|sin)" B },
	{ TAC_CROSSING_OFFER, B "(?:cruse|cruze|cruses|cruzes)" B },
	{ TAC_CROSSING_OFFER, B "a todos los estados" B },
	{ TAC_CROSSING_OFFER, B "(?:puerta a puerta|hasta la puerta de (?:su|tu) casa|hasta (?:su|tu) destino)" B },
	{ TAC_CROSSING_OFFER, B "servicio de (?:cruce|traslado|viaje|paso)" B },
	{ TAC_CROSSING_OFFER, B "we (?:take|cross|bring|deliver|move|get|help) (?:you|people|families|your family|clients|groups|migrants)" B },
	{ TAC_CROSSING_OFFER, B "(?:cross(?:ing)? (?:the )?border|to the other side|safe passage|door to door|into the us(?:a)?)" B },
	{ TAC_CROSSING_OFFER, B "(?:levamos|atravessamos|fazemos a travessia|travessia|te levamos|levamos voce|levamos sua familia)" B },
	{ TAC_CROSSING_OFFER, B "(?:sonho americano|ate os estados unidos|para os estados unidos|ate a fronteira)" B },
	{ TAC_CROSSING_OFFER, B "nou (?:pase|pase moun|pran|mennen|travese|fe moun (?:pase|rive|antre)|ka pase|ka mennen|ap pase|ap mennen)" B },
	{ TAC_CROSSING_OFFER, B "(?:pase fwontye|travese fwontye|lot bo (?:a|fwontye)|vwayaj espesyal)" B },
	{ TAC_CROSSING_OFFER, B "nous (?:passons|emmenons|transportons|faisons passer|vous (?:emmenons|faisons passer|amenons)|organisons (?:le|la|des) (?:passage|traversee))" B },
	{ TAC_CROSSING_OFFER, B "(?:passage (?:vers|pour|en|a) (?:l ?angleterre|l'angleterre|uk|le royaume uni|italie|l'italie|l ?europe|l'europe|espagne)|traversee|passeurs?)" B },
	{ TAC_CROSSING_OFFER, B "(?:te |los |las |les |lo |la )?(?:llevo|cruzo|recibo|recogemos|recibimos|subimos|guiamos|acompanamos|trasladamos)" B },
	{ TAC_CROSSING_OFFER, B "(?:se (?:lleva|pasa|cruza|mueve)|llevamos|pasamos|cruzamos|llevo|paso|pasar|llevando|pasando|cruzando|moviendo) (?:a )?(?:gente|personas|familias|migrantes)" B },
	{ TAC_CROSSING_OFFER, B "(?:hacemos (?:la travesia|el viaje|el cruce|viajes|cruces)|estamos cruzando|seguimos (?:pasando|cruzando)|personas entregadas|proximo grupo|(?:el |un )?grupo (?:salio|sale|saliendo|cruzo|cruzando)|(?:viajar )?pa(?:ra)? arriba|la yuma|paso seguro|pasan como turistas|como turistas?|te subimos|a cualquier estado|acompanamiento hasta|los cruza|nosotros (?:si )?somos los)" B },
	{ TAC_CROSSING_OFFER, B "(?:coyote|pollero|pasador|guia|coiote|passeur) (?:bueno|serio|confiable|de confianza|experto|con experiencia)" B },
	{ TAC_CROSSING_OFFER, B "ya (?:lleve|llevamos|pase|pasamos|cruce|cruzamos|levei|levamos) (?:a )?(?:mas de )?\\d+" B },
	{ TAC_CROSSING_OFFER, B "(?:(?:ride|trip|route|way) across|(?:i|we) (?:can )?(?:take|bring|get|move|cross|drive) (?:you|people|ppl|your|them|families)|we bring you|crossing service|delivered to your door|clean route|safe (?:and tested )?route|(?:tours?|trips?) to the us(?:a)?|through the woods)" B },
	{ TAC_CROSSING_OFFER, B "(?:levo|atravesso|passamos|coiotes?|ja levei|a gente (?:leva|passa|atravessa)|viagem (?:pro|para o|pra|para) (?:canada|eua|estados unidos|europa))" B },
	{ TAC_CROSSING_OFFER, B "(?:nou fe moun|vwayaj la (?:soti|chak|pati)|(?:pase|travese) moun|nou pase|nou mennen|nou fe travese)" B },
	{ TAC_CROSSING_OFFER, B "(?:on vous (?:fait monter|emmene|fait passer|amene|passe)|emmener des gens|service de passage|passage (?:garanti|assure|sur))" B },
	{ TAC_CROSSING_OFFER, B "(?:somos (?:pasadores|polleros|coyotes|guias|coiotes|passeurs)|(?:te|los|les) dejan pasar|entregamos a domicilio|llegas a)" B },

	/* informal offers, referrals and pick-ups, as short ads say them */
	{ TAC_CROSSING_OFFER, B "(?:transport(?:e|er|ing|amos|ons)? (?:de |des |of )?(?:personas|people|pessoas|moun|personnes|migrantes|migrants) (?:hacia|hasta|a|to|para|ate|vers|pou|en)|(?:transport|move|bring) people to|pay after you (?:reach|arrive)|voyage vers l'?europe|par la mer|by sea|por mar|pelo mar|pa lanme)" B },
	{ TAC_CROSSING_OFFER, B "(?:tenemos (?:viaje|viajes|salida|salidas|paso|pasada|pasadas)|(?:pa|para|a) ?'? los estados)" B },
	{ TAC_CROSSING_OFFER, B "(?:(?:que|quien|el que) me (?:cruzo|paso|llevo|trajo|brinco|subio)|(?:sigue|siguen|seguimos) (?:trabajando|pasando|cruzando|llevando)|(?:who|that) (?:took|brought|got) me (?:across|over|here)|(?:ki|moun ki) te pase m)" B },
	{ TAC_CROSSING_OFFER, B "(?:todo el (?:camino|recorrido|viaje) con guia|con guia todo el (?:camino|recorrido)|guia todo el camino|guide all the way|com guia o tempo todo|guia o caminho todo)" B },
	{ TAC_CROSSING_OFFER, B "(?:(?:mi|un|el|su) (?:primo|tio|hermano|compa|conocido|contacto|senor|senor que|amigo)|alguien de confianza|un senor) (?:que )?(?:los |las |te |lo |la |les )?(?:lleva|pasa|cruza|brinca|sube|mete)" B },
	{ TAC_CROSSING_OFFER, B "(?:(?:el|los|la|las) que (?:quiera|quieran|quiere|quieren)|quien (?:quiera|quiere)|si (?:quieres|quieren|quiere)) (?:subir|irse|irte|brincar|cruzar|pasar|llegar|ir|viajar|venir)(?: pa(?:ra|l)? (?:arriba|el norte|usa|alla|el otro lado))?" B },
	{ TAC_CROSSING_OFFER, B "(?:(?:los|las|te|lo|la|les) (?:pongo|ponemos|dejo|dejamos) en|(?:puesto|puestos|puesta|entregado|entregados) en|recibo gente|recibimos gente|(?:te |lo |la )?consigo con|yo te (?:llevo|paso|cruzo|consigo|subo)|aqui andamos|seguimos activos)" B },
	{ TAC_CROSSING_OFFER, B "(?:(?:we|i) can get you|get you (?:and your [a-z]+ )?(?:into|to|across)|(?:we|i) (?:have|got) (?:a|the) (?:way|boat|route|driver)|(?:our|my) (?:man|driver|captain|guy|people) (?:is|are|on the other side|will)|(?:i|we) pick (?:you )?up|drop you (?:at|off)|hidden compartment|we still deliver|spaces? (?:this|next) week)" B },
	{ TAC_CROSSING_OFFER, B "(?:consigo (?:colocar|levar|passar)|(?:coloco|colocamos) (?:voce|sua|seu|sua familia)|a gente coloca|(?:ka|kapab) fe w (?:pase|travese|antre|rive)|fe w travese|nou ka ede w|mwen gen moun ki|je connais (?:un|quelqu'un) qui (?:fait|passe)|(?:il|on) cache les gens|on vous (?:accompagne|emmene) jusqu)" B },
	/* ---- guarantee ---- */
	{ TAC_GUARANTEE, B "100 ?(?:%|por ?ciento|percent|pour ?cent|pousan|porcento)" },
	{ TAC_GUARANTEE, B "(?:garantizad[oa]s?|garantia|garantizamos|asegurad[oa]s?|sin riesgos?|sin fallas|sin problemas)" B },
	{ TAC_GUARANTEE, B "(?:\\d|dos|tres|cuatro|two|three|tres|trois|twa|de|three) (?:intentos?|oportunidades|tries|attempts|tentativas|tentatives|chans)" B },
	{ TAC_GUARANTEE, B "(?:seguimos entregando|entregas? (?:seguras?|garantizadas?|exitosas?)|llegada segura|viaje seguro|seguro y rapido|rapido y seguro)" B },
	{ TAC_GUARANTEE, B "(?:guaranteed?|no risk|risk free|safe and fast|fast and safe|success rate|we never fail)" B },
	{ TAC_GUARANTEE, B "(?:garantid[oa]s?|garantimos|sem risco|chegada garantida)" B },
	{ TAC_GUARANTEE, B "(?:garanti|garantie|nou garanti|san risk|sans risque|sans danger|pa gen risk)" B },
	{ TAC_GUARANTEE, B "(?:money back|(?:te |les )?(?:regresamos|devolvemos|reembolsamos) (?:tu |el |su )?dinero|devolvemos o dinheiro|garantia de entrada|tested route|seguros? y rapidos?|con seguridad|com seguranca|legit|sin preguntas|if not successful|rembourse)" B },
	{ TAC_GUARANTEE, B "(?:cero riesgos?|(?:lo |te )?intentamos (?:otra vez|de nuevo)|si no (?:pasas|cruzas|llegas)|sin compromiso)" B },

	/* ---- pay on arrival / staged payment ---- */
	{ TAC_PAY_ON_ARRIVAL, B "pag(?:a|as|an|o|ue|uen|ara|aran|ando|ar|amos)? (?:[a-z]+ ){0,3}(?:al llegar|al estar|cuando (?:llegue|llegues|lleguen|llegan|llega|este|esten|estes)|hasta (?:que )?(?:llegue|llegues|lleguen|llegar|estar|este|esten|estes|que este)|en (?:el )?destino|a la entrega|al entregar|contra entrega)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:sin (?:anticipo|adelanto|enganche|pagar nada)|nada por adelantado|cero anticipo|no pagas nada|no se paga nada|paga(?:s|n)? al final|pago contra entrega|pagos? (?:en|por) (?:partes|etapas|tramos)|(?:su|tu) familia(?:r)? (?:paga|pague)|la mitad (?:al salir|aqui|alla|al llegar))" B },
	{ TAC_PAY_ON_ARRIVAL, B "pay (?:only )?(?:when|on|after|upon) (?:you |they )?(?:arrive|arrival|delivery|reaching|get there|are there)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:nothing up ?front|no (?:money|payment|pay) up ?front|no advance payment|pay in (?:stages|installments))" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:paga|pague|pagamento|paga so|pague so) (?:[a-z]+ ){0,2}(?:na chegada|quando chegar|ao chegar|depois de chegar)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:peye (?:le|lè|apre|sel) (?:ou|nou|li|yo)? ?(?:rive|fin rive)|peye le ou rive|peye apre)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:payez|paiement|vous payez|payer) (?:a|apres|qu'a|une fois) (?:l'arrivee|l arrivee|arrive|arrives|l'arrive)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:se cobra|cobro|cobramos|cobra) (?:al (?:llegar|aprobar|entregar)|hasta|cuando|alla|en destino)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:el resto|la otra mitad|otra mitad|el otro 50%|50%|la mitad) (?:se paga )?(?:al llegar|alla|en destino|cuando|hasta|al entregar|al salir|aqui|en guate)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:primer pago|en (?:dos|2|tres|3) pagos|paiement en (?:deux|2) fois|parcelado|metade (?:aqui|la|antes|na chegada)|half (?:now|up ?front|before|at (?:destination|arrival)|when)|no upfront|pay only when|when you land|so paga quando|paga quando|rien d'avance|paiement a destination)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:comes? out of|deducted from|discounted from|desconta do|(?:lo |se )?descuenta(?:mos)? de) (?:your |tu |su |seu )?(?:pay|salary|wages|salario|sueldo|pago)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:sou sale|nou peye vwayaj|we pay (?:the|your) (?:trip|ticket)|por nossa conta)" B },
	{ TAC_PAY_ON_ARRIVAL, B "(?:si no (?:cruzas|pasas|llegas|cruza|pasa|llega) no (?:pagas|paga|cobramos)|if you don ?t (?:make it|cross|arrive),? you don ?t pay|se nao (?:chegar|passar),? nao paga)" B },

	/* ---- price ---- */
	{ TAC_PRICE, "(?:\\$|€|£|" B "us\\$|" B "usd ?|" B "r\\$|" B "q\\.? ?|" B "l\\.? ?|" B "mxn ?|" B "lyd ?) ?\\d[\\d.,]*" B },
	{ TAC_PRICE, B NUM " ?(?:mil )?(?:usd|dls|dlls|dolares|dollars|dolars|verdes|pesos|mxn|quetzales|quetzal|lempiras|euros?|eur|libras|pounds|gbp|reais|dinar(?:es|s)?|dola|dolar|dinars|lyd)" B },
	{ TAC_PRICE, B "\\d+(?:[.,]\\d)? ?k" B },
	{ TAC_PRICE, B NUM " ?mil" B },
	{ TAC_PRICE, B "(?:precio(?:s)? (?:especial|accesible|economico|comodo|promocion|por persona)|por persona|per person|por adulto|per adult|par personne|pa moun|medio precio|half price|precio de promocion|promocion(?:es)?|descuento|paquete familiar|family package|preco especial|prix special)" B },
	{ TAC_PRICE, B NUM " ?(?:goud|gourdes|cad|chf|soles|bolivares|colones|cordobas)" B },
	{ TAC_PRICE, B "(?:\\d+ ?(?:x|por) \\d+k?|promo(?:cion)? de|c/u|cada uno|cada una|le trajet|par trajet|pieza|piece|each)" B },

	/* ---- route and crossing points ---- */
	{ TAC_ROUTE, B "(?:honduras|guatemala|el salvador|nicaragua|ecuador|venezuela|colombia|cuba|haiti|ayiti|peru|brasil|brazil|brezil|chile|chili|dominikani|republica dominicana)" B },
	{ TAC_ROUTE, B "(?:chiapas|tapachula|tecun uman|ciudad hidalgo|cdmx|ciudad de mexico|monterrey|mexico|meksik|mexique|oaxaca|veracruz|puebla|sonora|chihuahua|coahuila|tamaulipas|baja california)" B },
	{ TAC_ROUTE, B "(?:tijuana|tj|mexicali|nogales|ciudad juarez|juarez|reynosa|matamoros|nuevo laredo|piedras negras|acuna|ojinaga|agua prieta|sonoyta|san luis rio colorado|altar|sasabe|palomas)" B },
	{ TAC_ROUTE, B "(?:usa|estados unidos|eua|etazini|etats unis|united states|gringolandia|houston|los angeles|new york|nueva york|nova york|miami|chicago|dallas|atlanta|california|texas|florida|arizona|phoenix|san antonio|el paso|laredo|mcallen|brownsville|san diego|new jersey|carolina|canada|kanada)" B },
	{ TAC_ROUTE, B "(?:darien|necocli|capurgana|panama|costa rica|san vicente|la frontera|frontera sur|frontera norte|rio bravo|rio grande|el muro|the border|the wall|fwontye|fronteira|la frontiere)" B },
	{ TAC_ROUTE, B "(?:libia|libya|libye|tripoli|lampedusa|italia|italy|italie|sicilia|sicily|grecia|greece|grece|turquia|turkey|turquie|canarias|canary islands|canaries|ceuta|melilla|marruecos|morocco|maroc|tunez|tunisia|tunisie)" B },
	{ TAC_ROUTE, B "(?:calais|dunkerque|dunkirk|angleterre|england|inglaterra|royaume uni|uk|londres|london|dover|douvres|boulogne|la manche|the channel|europe|europa|ewop|espagne|spain|espana)" B },
	{ TAC_ROUTE, B "(?:ruta|route|rota|wout) (?:segura|directa|por|via|a|hacia|to|para|pou)" B },
	{ TAC_ROUTE, "(?:\xf0\x9f\x87\xba\xf0\x9f\x87\xb8|\xf0\x9f\x87\xa8\xf0\x9f\x87\xa6|\xf0\x9f\x87\xaa\xf0\x9f\x87\xba|\xf0\x9f\x87\xac\xf0\x9f\x87\xa7|\xe2\x9e\xa1|->)" },

	/* ---- departure schedule and scarcity ---- */
	{ TAC_SCHEDULE, B "(?:salida|salidas|salimos|saliendo|sale|salen) (?:este|esta|el|la|cada|proxima|proximo|manana|hoy|diaria|diarias|semanal|semanales|pronto|ya|todos|en)" B },
	{ TAC_SCHEDULE, B "(?:ultimos|pocos|quedan|solo quedan|ultimas|quedan pocos) (?:\\d+ )?(?:lugares|cupos|espacios|asientos|plazas|vagas|places|spots|seats)" B },
	{ TAC_SCHEDULE, B "(?:cupos? (?:limitados?|disponibles?)|lugar(?:es)? (?:limitados?|disponibles?)|este fin de semana|fin de semana|ahora o nunca|antes de que (?:cierren|cambien|se cierre)|aprovecha(?:n)?|no te quedes)" B },
	{ TAC_SCHEDULE, B "(?:este|esta|el proximo|next|this) (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|mes|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend)" B },
	{ TAC_SCHEDULE, B "(?:leaving (?:this|next|on|tomorrow|today|soon)|(?:last|few|limited) (?:spots|seats|places)|now or never|before they close|departing (?:this|next|on|soon))" B },
	{ TAC_SCHEDULE, B "(?:saida (?:este|esta|nesta|neste|no|na|amanha)|vagas limitadas|ultimas vagas|saimos (?:este|esta|amanha))" B },
	{ TAC_SCHEDULE, B "(?:nou ap (?:pati|soti)|depa (?:se|semen|jodi a)|plas limite|depart (?:ce|cette|demain|le|prevu)|places limitees|dernieres places|nous partons)" B },
	{ TAC_SCHEDULE, B "(?:salidas?|saida|depart|depa|leaving|leaves|vwayaj la|salimos) (?:cada|chak|todo|todos|every|each|tous les|de|desde|em)" B },
	{ TAC_SCHEDULE, B "(?:cada \\d+ dias|chak \\d+ jou|todo mes|every (?:week|month)|il reste \\d+ places?|quedan \\d+ (?:lugares|cupos)|ultima salida|spots limited|cette semaine|dispo)" B },
	{ TAC_SCHEDULE, B "(?:(?:todavia|aun|ya) hay (?:lugar|lugares|cupo|cupos|espacio)|tengo cupo|hay cupo|(?:spaces|spots|seats|places|plas|vagas|lugares|cupos) (?:available|disponib|disponibles|dispo|abertas|abiertos|left|open)|plas disponib|(?:siguiente|proximo) (?:grupo|viaje|salida) (?:sale|el)|vagas abertas)" B },

	/* ---- travel-agency front ---- */
	{ TAC_AGENCY_FRONT, B "(?:agencia(?:s)?|agency|agence|ajans|agencia de viajes?|travel agency|agence de voyages?|agencia de turismo)" B },
	{ TAC_AGENCY_FRONT, B "(?:tours?|excursion(?:es)?|excursoes|paquetes? (?:de viaje|familiar(?:es)?|turisticos?|completos?)|viajes? turisticos?|vip)" B },

	/* ---- asylum coaching and misinformation ---- */
	{ TAC_ASYLUM_COACHING, B "(?:digan|diga|di|dile|decir|deben decir|tienen que decir) (?:que|a migracion|al oficial)" B },
	{ TAC_ASYLUM_COACHING, B "(?:miedo creible|credible fear|asilo (?:garantizado|seguro|asegurado|aprobado)|parole (?:garantizado|asegurado)|asylum (?:guaranteed|approved)|guaranteed asylum)" B },
	{ TAC_ASYLUM_COACHING, B "(?:amenazas?|amenazados?|extorsion|extorsionados?|persecucion|threats?|extortion)" B },
	{ TAC_ASYLUM_COACHING, B "(?:(?:la )?frontera (?:esta )?abierta|border is open|nueva ley|new law|tiempo record|record time|entregarse|se entregan|entreguense|turn yourselves? in|pidan asilo|pedir asilo|ask for asylum)" B },
	{ TAC_ASYLUM_COACHING, B "(?:te (?:decimos|ensenamos|preparamos|explicamos) (?:que|como|lo que)|que decir|what to say|preparacion para (?:la )?entrevista|we coach)" B },
	{ TAC_ASYLUM_COACHING, B "(?:fronteira (?:esta )?aberta|dizer que|asilo garantido|fwontye a louvri|di yo ke|la frontiere est ouverte|dites que|asile garanti)" B },
	{ TAC_ASYLUM_COACHING, B "(?:tell|di|dile|diz|dis|dites|diga|digan|digale) (?:a |al |the |o |pro |a l'|l'|a l )?(?:oficial|officer|ofisye|agente|juez|judge|ofpra|migracion|consul)" B },
	{ TAC_ASYLUM_COACHING, B "(?:a gente ensina|on vous apprend|we coach|nou prepare|les damos el guion|el guion|the script|step by step|el asilo sale|o asilo sai|asylum gets approved|asilo aprobado|jwenn azil|menase|menace|ameacad[oa]|extorsionaron|threats from|can ?t go back|no pueden regresar)" B },
	{ TAC_ASYLUM_COACHING, B "(?:(?:te |les )?armamos (?:tu|su|el) (?:caso|historia|expediente)|cartas y pruebas|pruebas para tu caso|we (?:write|build|prepare) your (?:asylum )?(?:story|case)|nous preparons votre (?:histoire|recit)|a gente prepara sua historia)" B },
	{ TAC_ASYLUM_COACHING, B "(?:(?:te |vous |lhe )?(?:ensinamos|ensinamos o|ensina|apprenons|apprend|apprenez) (?:o que|a|quoi|ce qu)|o que (?:dizer|falar)|quoi dire|ce qu'il faut dire|(?:qui|que) (?:dire|contestar|responder) (?:a|al|au|la)|(?:pedido|caso) sai aprovado|sai aprovado|nou di w sa|sa pou w di)" B },

	/* ---- bring children ---- */
	{ TAC_CHILDREN, B "(?:traigan|traer|traiga|lleven|llevar|con|viajar con|vengan con|venir con|bring|with|com|avec|ak|avek) (?:sus |tus |los |las |your |seus |vos |pitit )?" KIDS B },
	{ TAC_CHILDREN, B KIDS " (?:gratis|no pagan|a mitad|mitad de precio|medio precio|pagan mitad|free|half price|travel free|gratuit|gratuitos?|nao pagam|pagam metade|gratis|pa peye)" B },
	{ TAC_CHILDREN, B "(?:familias? (?:con ninos|bienvenidas|completas)|families welcome|familles bienvenues|solo si (?:llevan|traen) (?:ninos|menores)|menor(?:es)? (?:no acompanados|solos)|con menores|unaccompanied)" B },
	{ TAC_CHILDREN, B "(?:menor(?:es)? de edad|(?:hijos?|hijas?|filhos?|filha) menor(?:es)?|crianca paga metade|(?:si|if) (?:llevan|traen|tienes|tiene|w gen|you bring|levar) (?:un |una |a )?(?:nino|ninos|menor|timoun|child|kid|crianca)|pasan mas facil|pase pi fasil|mas seguro el paso|your child|lleven menor|timoun yo)" B },
	{ TAC_CHILDREN, B "(?:si|if) (?:llevas|traes|traen|vienes con) (?:un |una |a )?(?:nino|ninos|nina|menor|menores|hijo|hija|child|kid)" B },

	/* ---- checkpoint and enforcement evasion ---- */
	{ TAC_EVASION, B "sin (?:pasar por )?(?:retenes|reten|migracion|revision|revisiones|checar|checkpoints?|puntos de control|garitas?|casetas|la migra|papeles)" B },
	{ TAC_EVASION, B "(?:evitamos|evitando|evitar|burlamos|brincamos) (?:los |la |el )?(?:retenes|migracion|la migra|garitas|puntos de control|muro|patrulla)" B },
	{ TAC_EVASION, B "(?:la bestia|el tren|en tren|lancha|lanchas|tunel|tuneles|camion cerrado|caja seca|trailer|en trailer|por el monte|por el desierto|por el rio|por el cerro)" B },
	{ TAC_EVASION, B "(?:se (?:buscan|necesitan|solicitan) (?:choferes|conductores|raiteros)|raiteros?|pollitos|dinero facil|por viaje|drivers? needed|easy (?:money|cash)|cash per trip)" B },
	{ TAC_EVASION, B "(?:avoid (?:checkpoints|border patrol|immigration|the police)|no checkpoints|by boat|boat(?:s)?|sem (?:fiscalizacao|policia|imigracao)|barco|bato|kannte|bateau(?:x)?|zodiac|small boats?|sans controle|drones?)" B },
	{ TAC_EVASION, B "(?:sin pasar por (?:la |el )?(?:aduana|garita|migracion|retenes)|por el (?:bosque|monte|cerro|desierto|rio)|sin desierto|por garita|papeles prestados|san kontwol|desviamos|blitz|nadie (?:te|los) ve|contactos en migracion|para que no te regresen)" B },
	{ TAC_EVASION, B "(?:se ocupan|se buscan|necesito|busco|precisamos de|on cherche|need|se solicitan) (?:[a-z]+ )?(?:muchachos|choferes|motoristas|chauffeurs|drivers|conductores|guias)" B },
	{ TAC_EVASION, B "(?:pollito|pollitos|turistas|por cada (?:persona|pollito)|(?:paye|pago|pagamento|pay|payé) (?:por|per|le|each) (?:viaje|viagem|trip|trajet))" B },

	{ TAC_EVASION, B "(?:recoger|recogemos|recojo|levantar|pick up|picking up) (?:a )?(?:personas|gente|people|migrantes|pasajeros)|(?:por|per|a|each|la) (?:vuelta|run|pickup|recogida)|(?:la|en la) orilla|sin preguntas|no questions" B },

	/* ---- document fraud ---- */
	{ TAC_DOCUMENT_FRAUD, B "(?:visa|visas|visado|visto|viza) (?:sin entrevista|garantizada|rapida|aprobada|americana|schengen|de trabajo|sem entrevista|sans entretien|without (?:an )?interview|guaranteed|en \\d+|san entevyou)" B },
	{ TAC_DOCUMENT_FRAUD, B "(?:sin entrevista|pasaportes?|passports?|passaportes?|paspo|permisos? (?:de trabajo|humanitarios?|migratorios?)|residencia (?:rapida|garantizada|en)|green card|documentos? (?:falsos|nuevos)|actas? de nacimiento)" B },
	{ TAC_DOCUMENT_FRAUD, B "(?:fake (?:documents|papers|passports?|ids?)|schengen|papiers|titre de sejour|social security|seguro social|work permits?|permis de travail|residence permits?)" B },
	{ TAC_DOCUMENT_FRAUD, B "(?:te (?:la|lo) sacamos|contactos en (?:la )?(?:embajada|migracion|consulado)|carta (?:de )?(?:invitacion|convite)|i ?94s?|parole letters?|(?:selling|vendo|vendemos) (?:i ?94|papers|documentos|visas|pasaportes|licencias)|sin visa|sem visto|without (?:a )?visa|no (?:se necesita|necesita|precisa de|need) (?:visa|visto|documento|papeles|papers)|no papers|licencias y pasaportes)" B },
	{ TAC_DOCUMENT_FRAUD, B "(?:nous vous obtenons|on vous obtient|nous obtenons|we get you|we obtain|obtenemos|conseguimos|conseguimos para voce|nou jwenn) (?:pour vous |for you |para ti |para voce )?(?:le |la |un |une |votre |your |the |a |tu |su |o |seu )?(?:visa|visas|visto|titre de sejour|passeport|passport|permis|permit|residencia|residence|carte de sejour|green card|viza|paspo)" B },
	{ TAC_DOCUMENT_FRAUD, B "(?:sans entretien|sem exigencias|sin requisitos|visa approuve|visa aprobada|visto sem|visa en \\d+ (?:dias|semanas)|visa approuve en)" B },

	/* ---- appointment selling ---- */
	{ TAC_APPOINTMENT_SELLING, B "(?:citas?|cbp ?one|appointments?|agendamiento|agendamento|randevou|rendez ?vous)" B },
	{ TAC_APPOINTMENT_SELLING, B "en (?:\\d+|24|48|72) (?:horas|hrs|hs|dias)" B },
	{ TAC_APPOINTMENT_SELLING, B "(?:in|within|em|an) (?:\\d+) (?:hours|days|horas|dias|heures|jours|le)" B },
	{ TAC_APPOINTMENT_SELLING, B "(?:vendo citas|conseguimos (?:tu |su )?cita|sacamos (?:tu |su )?cita|we get (?:you|your) (?:an )?appointment)" B },
	{ TAC_APPOINTMENT_SELLING, B "(?:(?:vendo|vendemos|les vendo|on (?:les )?vend|selling) (?:el |los )?(?:turnos?|citas?|rendez ?vous|appointments?)|citas? confirmadas|turno de la cita|rendez ?vous prefecture)" B },

	/* ---- job lure ---- */
	{ TAC_JOB_LURE, B "(?:trabajo|empleo|chamba|jale|trabajos|jobs?|work|trabalho|emprego|travay|travail) (?:seguro|garantizado|asegurado|al llegar|en usa|en estados unidos|en canada|garantido|guaranteed|waiting|on arrival|in usa|in canada|disponible|garanti|assure|nos eua)" B },
	{ TAC_JOB_LURE, B "(?:transporte|viaje|pasaje|traslado|vuelo|hospedaje|transport(?:ation)?|passagem|transpo|billet|vwayaj) (?:incluido|incluidos|incluida|included|incluso|inclus|enkli)" B },
	{ TAC_JOB_LURE, B "(?:se (?:buscan|solicitan|necesitan) (?:trabajadores|personas|jornaleros|gente)|contratamos|hiring|workers needed|estamos contratando)" B },
	{ TAC_JOB_LURE, B "(?:transporte|passagem|billet|ticket|travessia|vwayaj|viaje|pasaje|hospedaje|transport) (?:[a-z]+ ){0,3}(?:incluido|included|compris|paid|pagado|por nossa conta|inclus|incluye)" B },
	{ TAC_JOB_LURE, B "(?:incluye|included|inclus|with) (?:transporte|passagem|billet|ticket|vwayaj|viaje|hospedaje|transport)" B },
	{ TAC_JOB_LURE, B "(?:jobs? (?:abroad|on|in)|trabajo en (?:usa|estados unidos|canada|empacadora)|start right away|need workers|vaga na|travay nan|boulot)" B },
	{ TAC_JOB_LURE, B "(?:(?:te |les )?pagamos el (?:pasaje|viaje|cruce|boleto)|(?:lo |se (?:te )?)?descontamos de|se (?:te )?descuenta (?:de|del)|we pay your (?:trip|ticket|crossing)|you pay (?:it )?back from|pagas (?:con|de) tu (?:trabajo|sueldo))" B },
	{ TAC_JOB_LURE, B "(?:pasaje pagado|ticket paid|billet paye|passagem paga|vwayaj peye|chamba en|trabajo en el norte)" B },

	/* ---- contact ---- */
	{ TAC_CONTACT, B "(?:wasap|wasa|whatsapp|whats|wsp|wpp|whatsap|watsap|wats|whatsaap|guasap|wassap|zap|zapzap|telegram|signal)" B },
	{ TAC_CONTACT, B "(?:inbox|imbox|inbos|dm|md|privado|priv|pv|link en (?:mi )?bio|link in bio|link na bio)" B },
	{ TAC_CONTACT, B "(?:escribe(?:me|nos)|escribenos|mandame|manda(?:me)? (?:mensaje|msj|un mensaje)|llama(?:me|nos)|llamanos|comunicate|comuniquese|contactanos|mas informacion|informes|info)" B },
	{ TAC_CONTACT, B "(?:call (?:me|us)|message (?:me|us)|text (?:me|us)|contact (?:me|us)|hit me up|chama no|me chama|fale conosco|ekri (?:m|nou)|rele (?:m|nou)|ecrivez(?:-| )?(?:moi|nous)|appelez(?:-| )?(?:moi|nous)|contactez(?:-| )?(?:moi|nous))" B },
	{ TAC_CONTACT, B "(?:mp|msj|mensaje|infos|enfomasyon|interesados|pregunta por|me dejan msj|les paso el numero|(?:le|les|te) paso (?:su|el) (?:numero|contacto|cel|whats)|(?:i can )?(?:pass|give) you (?:his|her|their) (?:number|contact)|dejen (?:su )?numero|(?:info|infos|respondo|x|por|en|no|in) (?:x )?(?:dm|pv|mp|inbox|imbox))" B },
	{ TAC_CONTACT, "(?:t\\.me/|wa\\.me/|wa\\.link/|chat\\.whatsapp)" },
	{ TAC_CONTACT, B "(?:comment|comenten|comenta|commentez|comente|comentem|komante|escribe|escriban|write|type|ecris|ekri) (?:\"|\xe2\x80\x9c)?(?:info|yo|si|me|moi|mwen|eu|listo|interesado|interested|yes|oui|wi)" B },
	{ TAC_CONTACT, B "(?:msg (?:me|us)|pm (?:me|us)|dm (?:me|us)|inbox (?:me|us)|ask (?:me|us)|(?:ya )?(?:sabe|sabes|saben) (?:donde|a donde|como) (?:encontrarme|encontrarnos|buscarme|contactarme|escribir|escribirme|llamar|llamarme)|(?:al|por|en) (?:el )?(?:interno|priv|privado)|no (?:privado|direct|direto|pv)|en prive|nan prive|escribeme|escribanme|escriban|pregunta(?:n)? (?:sin compromiso|por (?:el )?precio))" B },

	/* ---- scam signs (deposit first, impersonation, too-good prices) ---- */
	{ TAC_SCAM_SIGNS, B "(?:deposito|anticipo|adelanto|apartado|enganche|deposit|sinal|depot) (?:para|de|del|requerido|obligatorio|first|required|to reserve|to book|obrigatorio|obligatoire|previo|inicial)" B },
	{ TAC_SCAM_SIGNS, B "(?:solo perfiles reales|solo gente seria|no somos estafa(?:dores)?|somos (?:reales|legales|confiables)|no (?:es|somos) fraude|unico numero|numero oficial|el verdadero|the real one|we are not scammers|western union|moneygram|transferencia|deposita(?:r)? a (?:la )?cuenta)" B },
	{ TAC_SCAM_SIGNS, B "(?:precio (?:de )?locura|super precio|baratisimo|muy barato|cheap price|super promo)" B },
	{ TAC_SCAM_SIGNS, B "(?:(?:deposito|anticipo|adelanto|acompte|depo|sinal|entrada) (?:de )?(?:\\$|€|£)? ?\\d|(?:dejas|deja|mandas|manda|envia|voye|send|reserve with) (?:\\$|€|£)? ?\\d[\\d.,]*)" },
	{ TAC_SCAM_SIGNS, B "(?:upfront|up front|d'avance|adelantado|por adelantado|anvan|(?:moun|gente|personas|clients?|people) (?:serye|serias|serios|genuine|serious) ?(?:selman|solamente|only)?|genuine clients only|no time wasters|serious (?:people|clients) only|acompte|obligatoire|pidan referencias)" B },
	{ TAC_SCAM_SIGNS, B "(?:aparta(?:s)? con|reserva com|reserve with|hold your seat|adiantado|nada de curiosos|no curiosos|solo interesados|perfis reais)" B },

	/* ---- context: warnings and negation ---- */
	{ CTX_WARNING, B "no (?:confie|confies|confien|te dejes|se deje|se dejen|caigas|caiga|caigan|pague|pagues|paguen|crea|creas|crean|arriesgue|arriesgues|arriesguen|contrate|contrates|contraten|des|den)" B },
	{ CTX_WARNING, B "(?:cuidado con|alerta|estafa|estafas|estafadores|fraude|fraudes|enganos?|enganan|mentiras?|peligro|peligroso|es falso|son falsos|no existe|falsas promesas|arriesgan? (?:tu|su) vida|ponen en riesgo)" B },
	{ CTX_WARNING, B "(?:beware|do not (?:trust|pay|believe|risk)|don ?t (?:trust|pay|believe|risk|fall)|warning|scams?|scammers|false promises|lies)" B },
	{ CTX_WARNING, B "(?:ne (?:faites|faite) pas confiance|ne payez pas|mefiez|arnaque|pa fe konfyans|pa peye|pa kwe|atansyon|nao (?:confie|pague|acredite|caia)|golpe|cuidado)" B },
	{ CTX_WARNING, B "(?:la frontera (?:no esta abierta|esta cerrada|sigue cerrada)|border is (?:not open|closed)|no hay (?:ninguna )?nueva ley|victimas?|victims?|murieron|muertos|died|death|mortes|morts)" B },
	{ CTX_WARNING, B "(?:warns?|advierte|advierten|advertencia|pesonn pa ka|nadie (?:puede|debe) (?:vender|cobrar)|fake pages|paginas falsas|son un engano|no pagues|avertit|alerte)" B },

	/* ---- context: news and reporting ---- */
	{ CTX_REPORTING, B "(?:denuncia|denuncie|denuncien|denunciar|denuncialo|report|reporta|reporte|reportar|reported|reports|denunciar|denonce|denoncez|denonse)" B },
	{ CTX_REPORTING, B "(?:segun (?:la|el|las|los|datos|informes|fuentes)|fueron (?:detenidos|arrestados|rescatados|localizados|encontrados|asegurados|vinculados)|detenidos?|arrestados?|capturados?|rescatados?|aseguraron|vinculado a proceso)" B },
	{ CTX_REPORTING, B "(?:arrested|charged|sentenced|indicted|convicted|police|policia|policias|polisye|authorities|autoridades|according to|informo|informaron|senalo|declaro|dijo|said|reported)" B },
	{ CTX_REPORTING, B "(?:periodico|noticias?|news|reportaje|investigacion|investigation|fiscalia|prosecutors?|smugglers?|smuggling|trafico de (?:personas|migrantes)|traficantes|trafficking|human trafficking|presos|condenado|arretes?|selon|gendarmerie|prefecture|segundo a policia)" B },
	{ CTX_REPORTING, B "(?:guardia nacional|patrulla fronteriza|border patrol|guardia civil|ong|ngo|acnur|unhcr|oim|iom|cruz roja|red cross|albergue|shelter|casa del migrante|instituto nacional de migracion|inm)" B },
	{ CTX_REPORTING, B "(?:habria|habrian|presuntamente|presunto|presunta|allegedly|supuestamente|localizan|rescatan|detienen|aseguran|took \\d+ hours)" B },

	{ CTX_REPORTING, B "(?:dapre|rapo a|lapolis|jounalis|anket|segundo (?:a|o) (?:reportagem|policia|pf|investigacao)|reportagem|policia federal|prende|interpellations?|enqueteurs|demantelement|reseau de passeurs|se han detectado|han detectado|detectamos (?:paginas|perfiles|cuentas))" B },

	/* ---- context: legal services ---- */
	{ CTX_LEGAL, B "(?:abogad[oa]s?|lawyers?|attorneys?|asesoria (?:legal|migratoria|juridica)|licenciad[oa]|clinica|clinic|parole|humanitarian parole|app oficial|aplicacion oficial|official app|consulta gratis|free consultation|consultation|consulta)" B },
	{ CTX_LEGAL, B "(?:corte de inmigracion|immigration court|uscis|tps|daca|formulario|form i|i ?589|i ?130|proceso legal|via legal|legalmente|de forma legal|legal pathway|advogad[oa]|avocat|avoka|pwogram|regularizacion|es gratis|es gratuita|is free|totalmente gratis|sin costo)" B },
	{ CTX_LEGAL, B "(?:paso a paso|descarga (?:la )?app|crea tu cuenta|how to use|download the app|create an account|kijan pou|telechaje|aplikasyon|como (?:pedir|usar|registrar)|app gratuita|la app es gratis|aplicativo|baixe o app|telechargez)" B },

	/* ---- context: legitimate travel ---- */
	{ CTX_LEGIT_TRAVEL, B "(?:boletos?|terminal|central de autobuses|autobus(?:es)?|horarios?|horario de salidas|reservaciones?|reserva(?:s)?|factura|aerolinea|vuelos?|hotel(?:es)?|pasajes?|corridas?|tickets?|bus(?:es)?|airline|flights?|passagens?|onibus|rodoviaria|billets?|gare|autocar|biye)" B },
	{ CTX_LEGIT_TRAVEL, B "(?:pasaporte vigente|valid passport|visa vigente|requisitos|equipaje|luggage|check ?in|cancun|playa|playas|piramides|cascadas|museo|pueblo magico|semana santa|todo incluido|all inclusive|desayuno)" B },
	{ CTX_LEGIT_TRAVEL, B "(?:transfe|transfer|envio de dinero|envios de dinero|remesas?|money transfer|exchange rate|tipo de cambio|send money|enviar dinero|fanmi w resevwa|taxa de cambio)" B },

	/* ---- context: demand side (questions, requests) ---- */
	{ CTX_DEMAND, "\\?" },
	{ CTX_DEMAND, B "(?:alguien (?:sabe|conoce|me puede|que|tiene|me recomienda|ha)|cuanto (?:cobran|cuesta|cobra|piden|es|sale)|busco|buscamos|necesito|saben (?:de|si|como)|donde (?:puedo|consigo|encuentro)|como (?:hago|le hago|puedo)|me pueden (?:ayudar|decir|informar)|quisiera saber)" B },
	{ CTX_DEMAND, B "(?:does anyone|anyone know|how much|looking for|i need|can someone|alguem (?:sabe|conhece)|quanto (?:custa|cobram)|preciso|quelqu'?un (?:sait|connait)|combien|je cherche|eske|konbyen|mwen bezwen|mwen ap chache|kiyes ki)" B },

	/* ---- context: relatives telling that someone arrived ---- */
	{ CTX_ARRIVED, B "(?:ya (?:llego|llegaron|esta|estan|cruzo|cruzaron) (?:con bien|bien|a salvo|en)|gracias a dios|llegamos bien|llego con bien|arrived safely|made it safely|chegou bem|graças a deus|gracas a deus|mesi bondye|rive byen)" B },

	/* ---- context: generic first-person offer ---- */
	{ CTX_OFFER, B "(?:nous sommes une (?:equipe|entreprise|societe|agence)|we are (?:a )?(?:company|team|agency)|somos (?:uma )?empresa|nou se (?:yon )?(?:ekip|ajans|konpayi)|ofrecemos|contamos con|tenemos (?:salidas|viajes|cupos|lugares|espacios|disponibles)|somos (?:una |un )?(?:agencia|empresa|grupo|equipo)|trabajamos (?:con|desde|todos)|brindamos|we offer|we have|oferecemos|temos|nous offrons|nous proposons|nou ofri|nou genyen)" B },

	{ CTX_LEGAL, B "(?:honorarios|bufete|te representamos|representacion legal|audiencias?|tramitamos|charla informativa|sesion informativa|tutorial|how to (?:register|apply|use|fill)|comment se passe|filing fees?|licensed|con licencia|nonprofit|sin fines de lucro|voluntari[oa]s|volunteers?|benevoles|tus derechos|your rights|vos droits|seus direitos|dwa ou|know your rights|sitio oficial|pagina oficial|portal oficial|official website|site officiel|site oficial)" B },

	/* ---- context: goods for sale ---- */
	{ CTX_SALE, B "(?:moving sale|garage sale|yard sale|everything must go|venta de gara(?:g|j)e|vide grenier|liquido todo|remato|vends|vendo|en venta|se vende|a vendre|for sale|a venda|vendo meu|firm|obo|ferme|pas d'echange|sans echange|sin cambios|no cambios|still in the box|en su caja|dans sa boite|na caixa|great shape|great condition|bon etat|poco uso|pouco uso|m ap vann)" B },
	{ CTX_SALE, B "(?:vendo (?:mi |un |una |este |esta )?(?:carro|camioneta|moto|lancha|celular|iphone|refri|refrigerador|lavadora|estufa|sala|mueble|bicicleta|pantalla|tele|laptop|casa|terreno)|se vende|se venden (?:muebles|cosas|ropa)|a la venta|for sale|selling (?:my|a|an|this)|a vendre|vends (?:mon|ma|un|une|des)|m ap vann|vendo moto|envio a todo el pais|entrega a domicilio|pickup only|obo|peu servi|seminuevo|como nuevo|en buen estado|buen estado|like new|barely used|very good condition|tres bon etat|documento em dia|papeles en regla|clean title|prix fixe|precio fijo|negociable|ofrezco (?:mi |un |una )?(?:refrigerador|lavadora|estufa|iphone|pantalla|sala|refri|celular|carro|moto))" B },

	/* ---- context: an offer quoted or reported, not made ---- */
	{ CTX_QUOTING, B "(?:te (?:dicen|prometen|ofrecen|venden|aseguran|escriben|piden que|pide que)|(?:they|someone) asks? you to|on vous demande de|les (?:dicen|prometen|prometieron|ofrecieron|dijeron|ofrecian)|(?:prometen|prometian|prometieron|prometia|ofrecian|anunciaban|decia|dicen|dice|asegura|aseguran) (?:que|el anuncio|los anuncios|viajes|cruces|llevarte|pasarte)|si (?:alguien|alguno|un desconocido|una persona|una pagina) te (?:ofrece|escribe|promete|dice|pide|cobra|contacta)|si te (?:ofrecen|escriben|prometen|dicen|piden|cobran)|anuncios? (?:como|del tipo|que dicen|que prometen|que ofrecen|falsos?|enganosos?)|capturas de|ejemplos? de anuncio|esto es lo que dicen|el anuncio (?:decia|dice)|segun el anuncio|mensajes? (?:como|que dicen)|publicaciones (?:como|que ofrecen)|(?:aunque )?digan que|quien(?:es)? (?:te )?prometen?|si ves (?:un|una|este|estos|esos) (?:anuncio|anuncios|publicacion|oferta)|(?:esos|estos) anuncios|anuncios? de (?:viaje|viajes|cruce|cruces))" B },
	{ CTX_QUOTING, B "(?:they (?:promise|tell you|say|offer|claim)|if (?:someone|anyone|a stranger|a page) (?:offers|tells|promises|asks|contacts|messages)|ads? (?:like|that say|saying|promising|offering)|posts? (?:like|saying|promising|offering)|read (?:the|one of the) (?:ad|post)s?|the (?:ad|post) (?:said|read|says)|as quoted|quoted (?:in|by)|screenshots? of|were promised|promised (?:them|a|safe)|lured|fake offers?|(?:this|these|such) (?:ads|offers|posts)|if you see (?:an|a|this) (?:ad|post|offer))" B },
	{ CTX_QUOTING, B "(?:se alguem (?:oferece|oferecer|prometer|disser|pedir)|prometem|prometiam|anuncios? (?:como|que prometem|prometiam|do tipo)|dizem que|si (?:yon moun|moun) (?:di w|ofri w|mande w|pwomet)|yo (?:di w|pwomet)|si (?:quelqu'un|quelqu un|on) vous (?:propose|promet|dit|offre|demande)|ils (?:promettent|disent|proposent)|annonces? (?:du type|comme|qui promettent|promettant)|on vous promet|promettaient|du type)" B },

	/* ---- context: an offer made to the reader, in the first person ---- */
	{ CTX_OFFER1P, B "(?:(?:te|los|las|les|lo|la) (?:llevamos|pasamos|cruzamos|llevo|paso|cruzo|recogemos|recibimos|traemos|brincamos|subimos|ponemos|pongo|dejamos|entregamos|trasladamos|sacamos|saco|consigo)|(?:llevamos|pasamos|cruzamos|movemos|trasladamos|recibo|recibimos|traemos) (?:a )?(?:gente|personas|familias|tu|su|grupos)|(?:tenemos|tengo) (?:cupo|lugar|lugares|espacio|salidas?|viajes?|paso|citas|visas)|se les brinda|se (?:pasa|lleva|cruza|hacen|hace) (?:gente|personas|viajes|cruces|permisos|visas)|yo te (?:llevo|paso|consigo|cruzo|subo|saco)|vendo (?:citas|turnos|visas)|aqui andamos)" B },
	{ CTX_OFFER1P, B "(?:we (?:can )?(?:take|get|bring|cross|drive|move|deliver|have) (?:you|your|people|families|a way|a boat|spots|seats|places)|i (?:can )?(?:take|get|bring|pick up|drive) (?:you|people|your)|our (?:boat|driver|captain) )" B },
	{ CTX_OFFER1P, B "(?:(?:levamos|levo|atravessamos|colocamos|coloco|consigo colocar) (?:voce|sua|seu|gente|pessoas|familia)|te ensinamos|vendo (?:agendamento|vistos)|nou (?:pase|mennen|pran|ka ede|ka pase|fe moun|prepare w|fe paspo)|mwen (?:gen moun ki|ka fe w|vann)|nous (?:organisons|passons|emmenons|proposons des)|on vous (?:fait|emmene|amene|apprend)|je (?:vous emmene|peux vous|connais un chauffeur)|vends rendez)" B },
};

#undef B
#undef NUM
#undef KIDS

#define N_PATTERNS (sizeof(patterns) / sizeof(patterns[0]))
_Static_assert(N_PATTERNS <= TACTIC_MAX_PATTERNS, "tactic_hits.seen is too small");

#define HSDB_MAGIC "ATLHSDB2"	/* 8 bytes and its NUL, in blob and hash */

/* tactics_hsdb.S (the databases serialised at build time by
 * tools/hsdb_gen.c); the generator itself links a size of 0. */
extern const unsigned char atl_tactics_hsdb[];
extern const uint64_t atl_tactics_hsdb_size;

/* The span pass runs on flagged posts only, and there only the few tactic
 * patterns the count pass saw can match: each tactic pattern also has a
 * database of its own, and tactics_spans scans with those of the patterns
 * seen, a fraction of the cost of the whole span database. That one is
 * kept for posts with many hits, where which ones are kept (the first
 * TACTIC_MAX_HITS, in Hyperscan's order) depends on scanning all at once;
 * loaded from a blob, it stays serialised there (3-4 MiB that most runs
 * never touch) until a thread needs it. */
struct tactics {
	hs_database_t *db_count;	/* all patterns, end offsets only */
	hs_database_t *db_span;		/* tactic patterns, HS_FLAG_SOM_LEFTMOST; NULL when loaded */
	const char *span_blob;		/* ... then its serialised bytes, in the blob */
	size_t span_len;
	hs_database_t *db_one[N_PATTERNS];	/* each tactic pattern alone, SOM; NULL for context */
	int joinable;			/* table_joinable() */
};

/* tactics_count_add: up to JOIN_TEXTS texts, JOIN_BYTES bytes in all
 * (their NULs included), wait for one count scan. */
#define JOIN_TEXTS 64
#define JOIN_BYTES 16384

struct tactics_scratch {
	hs_scratch_t *hs;		/* sized for all the databases in use */
	hs_database_t *db_span;		/* span_blob deserialised, on first need */
	char *join;			/* the waiting texts, each followed by a NUL */
	size_t join_len, n_join;
	uint32_t join_end[JOIN_TEXTS];	/* where each one's NUL is */
	struct tactic_counts *join_out[JOIN_TEXTS];
};

static const char *const group_names[TACTIC_N_GROUPS] = {
	"crossing_offer", "guarantee", "pay_on_arrival", "price", "route",
	"schedule", "agency_front", "asylum_coaching", "children", "evasion",
	"document_fraud", "appointment_selling", "job_lure", "contact",
	"scam_signs",
	"warning", "reporting", "legal", "legit_travel", "demand", "arrived",
	"offer", "quoting", "offer_1p", "sale",
};

const char *tactic_group_name(unsigned group)
{
	return group < TACTIC_N_GROUPS ? group_names[group] : "unknown";
}

const char *tactic_name(enum tactic t)
{
	return (unsigned)t < TAC__N ? group_names[t] : "unknown";
}

size_t tactics_n_patterns(void)
{
	return N_PATTERNS;
}

/* The expressions, flags and ids of one of the two databases: the whole
 * table, or only its tactic patterns (spans_only). Returns the count. */
static unsigned collect(int spans_only, const char **exprs, unsigned *flags,
			unsigned *ids)
{
	unsigned extra = spans_only ? HS_FLAG_SOM_LEFTMOST : 0;
	unsigned n = 0;

	for (size_t i = 0; i < N_PATTERNS; i++) {
		if (spans_only && patterns[i].group >= TAC__N)
			continue;
		exprs[n] = patterns[i].re;
		ids[n] = (unsigned)i;
		flags[n] = HS_FLAG_UTF8 | extra;
		n++;
	}
	return n;
}

static int compile_set(hs_database_t **db, const char *const *exprs,
		       const unsigned *flags, const unsigned *ids, unsigned n,
		       struct atl_err *err)
{
	hs_compile_error_t *cerr = NULL;
	int rc = ATL_EINVAL;

	if (hs_compile_multi(exprs, flags, ids, n, HS_MODE_BLOCK, NULL, db,
			     &cerr) == HS_SUCCESS)
		return 0;
	if (cerr && cerr->expression >= 0)
		atl_err_set(err, rc, "tactic pattern %u does not compile: %s",
			    ids[cerr->expression], cerr->message);
	else
		atl_err_set(err, rc, "tactic patterns do not compile: %s",
			    cerr ? cerr->message : "unknown error");
	hs_free_compile_error(cerr);
	return rc;
}

static int compile(hs_database_t **db, int spans_only, struct atl_err *err)
{
	const char *exprs[N_PATTERNS];
	unsigned flags[N_PATTERNS], ids[N_PATTERNS];
	unsigned n = collect(spans_only, exprs, flags, ids);

	return compile_set(db, exprs, flags, ids, n, err);
}

/* The databases of a struct tactics in blob order: the count database,
 * the span database, then one per tactic pattern in table order. */
static unsigned n_databases(void)
{
	unsigned n = 2;

	for (size_t i = 0; i < N_PATTERNS; i++)
		n += patterns[i].group < TAC__N;
	return n;
}

/* Which database is k'th: -2 the count one, -1 the span one, else the
 * index of its tactic pattern. */
static long database_pattern(unsigned k)
{
	if (k < 2)
		return (long)k - 2;
	for (size_t i = 0; i < N_PATTERNS; i++)
		if (patterns[i].group < TAC__N && --k == 1)
			return (long)i;
	return -3;	/* not reached: k < n_databases() */
}

static const hs_database_t *database_at(const struct tactics *t, unsigned k)
{
	long i = database_pattern(k);

	return i == -2 ? t->db_count : i == -1 ? t->db_span : t->db_one[i];
}

static hs_database_t **database_slot(struct tactics *t, unsigned k)
{
	long i = database_pattern(k);

	return i == -2 ? &t->db_count : i == -1 ? &t->db_span : &t->db_one[i];
}

static int serialise_one(const struct tactics *t, unsigned k, char **out, size_t *len)
{
	const hs_database_t *db = database_at(t, k);

	if (db)
		return hs_serialize_database(db, out, len) == HS_SUCCESS ? 0 : -1;
	/* the span database of a loaded struct: its bytes as they were */
	*out = malloc(t->span_len ? t->span_len : 1);
	if (!*out)
		return -1;
	memcpy(*out, t->span_blob, t->span_len);
	*len = t->span_len;
	return 0;
}

uint64_t tactics_table_hash(void)
{
	XXH3_state_t st;
	const char *exprs[N_PATTERNS];
	unsigned flags[N_PATTERNS], ids[N_PATTERNS];
	const char *ver = hs_version();

	XXH3_64bits_reset(&st);
	XXH3_64bits_update(&st, HSDB_MAGIC, sizeof(HSDB_MAGIC));
	XXH3_64bits_update(&st, ver, strlen(ver) + 1);
	for (int spans_only = 0; spans_only < 2; spans_only++) {
		unsigned n = collect(spans_only, exprs, flags, ids);

		XXH3_64bits_update(&st, &n, sizeof(n));
		for (unsigned i = 0; i < n; i++) {
			uint16_t g = patterns[ids[i]].group;

			XXH3_64bits_update(&st, exprs[i], strlen(exprs[i]) + 1);
			XXH3_64bits_update(&st, &flags[i], sizeof(flags[i]));
			XXH3_64bits_update(&st, &ids[i], sizeof(ids[i]));
			XXH3_64bits_update(&st, &g, sizeof(g));
		}
	}
	return XXH3_64bits_digest(&st);
}

/* Whether the regular expression re can only match text without a NUL
 * byte, and only by what its bytes are: a conservative reading of its
 * syntax that admits literal bytes (a C string has no NUL), escaped
 * punctuation, \d, \b, classes that are not negated and hold only
 * those, groups (?:...), alternation and repeats; no '.', anchor,
 * negated class, other escape or other group. */
static int re_joinable(const char *re)
{
	int in_class = 0;

	for (const char *p = re; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\\') {
			unsigned char e = (unsigned char)*++p;

			if (e == 'd' || (e == 'b' && !in_class))
				continue;
			if (e == 0 || (e >= '0' && e <= '9') || (e >= 'a' && e <= 'z') ||
			    (e >= 'A' && e <= 'Z') || e >= 0x80)
				return 0;
			continue;	/* an escaped punctuation mark: itself */
		}
		if (in_class) {
			if (c == ']')
				in_class = 0;
			else if (c == '[')
				return 0;	/* [:class:] and the like */
			continue;
		}
		if (c == '[') {
			if (p[1] == '^' || p[1] == ']')
				return 0;
			in_class = 1;
		} else if (c == '.' || c == '^' || c == '$') {
			return 0;
		} else if (c == '(' && p[1] == '?' && p[2] != ':') {
			return 0;
		}
	}
	return !in_class;
}

/* Whether the count pass of several texts may be one scan of them joined
 * with a NUL between each two (tactics_count_add). In Hyperscan's block
 * mode every match is reported, wherever it starts, and \b sees a
 * non-word character before the start and after the end of the data, as
 * it sees a NUL (ASCII word characters: HS_FLAG_UCP is not used). So when
 * no pattern can match a NUL (nor has an anchor), a match in the joined
 * text lies within one text, and each text has the same matches, at the
 * same offsets from its start, as when scanned alone. */
static int table_joinable(void)
{
	for (size_t i = 0; i < N_PATTERNS; i++)
		if (!re_joinable(patterns[i].re))
			return 0;
	return 1;
}

int tactics_compile(struct tactics **out, struct atl_err *err)
{
	struct tactics *t;
	int rc;

	*out = NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	/* HS_FLAG_SINGLEMATCH would do what the seen bitmap does, but costs
	 * a third more scan time with this table. */
	rc = compile(&t->db_count, 0, err);
	if (rc == 0)
		rc = compile(&t->db_span, 1, err);
	for (size_t i = 0; rc == 0 && i < N_PATTERNS; i++) {
		unsigned flag = HS_FLAG_UTF8 | HS_FLAG_SOM_LEFTMOST, id = (unsigned)i;

		if (patterns[i].group < TAC__N)
			rc = compile_set(&t->db_one[i], &patterns[i].re, &flag, &id, 1, err);
	}
	if (rc < 0) {
		tactics_free(t);
		return rc;
	}
	t->joinable = table_joinable();
	*out = t;
	return 0;
}

/* Blob: magic, table hash, the number of databases, their lengths (all
 * little-endian u64, as on every platform Hyperscan runs on), then the
 * serialised databases in database_slot order. */
#define HSDB_HEADER (sizeof(HSDB_MAGIC) + 2 * sizeof(uint64_t))

int tactics_serialize(const struct tactics *t, char **out, size_t *len,
		      struct atl_err *err)
{
	unsigned n = n_databases();
	char **part = calloc(n, sizeof(*part));
	size_t *plen = calloc(n, sizeof(*plen));
	size_t total = HSDB_HEADER + n * sizeof(uint64_t), at;
	uint64_t hdr[2] = { tactics_table_hash(), n };
	char *blob = NULL;
	int rc = 0;

	*out = NULL;
	*len = 0;
	if (!part || !plen)
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	for (unsigned k = 0; rc == 0 && k < n; k++) {
		if (serialise_one(t, k, &part[k], &plen[k]) < 0)
			rc = atl_err_set(err, ATL_ENOMEM, "cannot serialise the tactic databases");
		total += plen[k];
	}
	if (rc == 0 && !(blob = malloc(total)))
		rc = atl_err_set(err, ATL_ENOMEM, "out of memory");
	if (rc == 0) {
		memcpy(blob, HSDB_MAGIC, sizeof(HSDB_MAGIC));
		memcpy(blob + sizeof(HSDB_MAGIC), hdr, sizeof(hdr));
		at = HSDB_HEADER + n * sizeof(uint64_t);
		for (unsigned k = 0; k < n; k++) {
			uint64_t l = plen[k];

			memcpy(blob + HSDB_HEADER + k * sizeof(uint64_t), &l, sizeof(l));
			memcpy(blob + at, part[k], plen[k]);
			at += plen[k];
		}
		*out = blob;
		*len = total;
	}
	for (unsigned k = 0; part && k < n; k++)
		free(part[k]);
	free(part);
	free(plen);
	return rc;
}

int tactics_load(struct tactics **out, const void *blob, size_t len,
		 struct atl_err *err)
{
	const char *b = blob;
	unsigned n = n_databases();
	struct tactics *t;
	uint64_t hdr[2];
	size_t at, left;

	*out = NULL;
	if (len < HSDB_HEADER || memcmp(b, HSDB_MAGIC, sizeof(HSDB_MAGIC)) != 0)
		return atl_err_set(err, ATL_EINVAL, "not a tactic database");
	memcpy(hdr, b + sizeof(HSDB_MAGIC), sizeof(hdr));
	if (hdr[0] != tactics_table_hash() || hdr[1] != n)
		return atl_err_set(err, ATL_EINVAL,
				   "tactic database built from other patterns");
	if (len - HSDB_HEADER < n * sizeof(uint64_t))
		return atl_err_set(err, ATL_EINVAL, "tactic database truncated");
	at = HSDB_HEADER + n * sizeof(uint64_t);
	left = len - at;
	for (unsigned k = 0; k < n; k++) {
		uint64_t l;

		memcpy(&l, b + HSDB_HEADER + k * sizeof(uint64_t), sizeof(l));
		if (l > left)
			return atl_err_set(err, ATL_EINVAL, "tactic database truncated");
		left -= (size_t)l;
	}
	if (left != 0)
		return atl_err_set(err, ATL_EINVAL, "tactic database truncated");
	t = calloc(1, sizeof(*t));
	if (!t)
		return atl_err_set(err, ATL_ENOMEM, "out of memory");
	for (unsigned k = 0; k < n; k++) {
		uint64_t l;
		size_t sz;

		memcpy(&l, b + HSDB_HEADER + k * sizeof(uint64_t), sizeof(l));
		if (k == 1) {	/* the span database: checked, left serialised */
			t->span_blob = b + at;
			t->span_len = (size_t)l;
		}
		/* Fails with HS_DB_PLATFORM_ERROR on a CPU without the
		 * instruction set the database was built for (or
		 * HS_DB_VERSION_ERROR). */
		if (k == 1 ? hs_serialized_database_size(b + at, (size_t)l, &sz) != HS_SUCCESS
			   : hs_deserialize_database(b + at, (size_t)l,
						     database_slot(t, k)) != HS_SUCCESS) {
			tactics_free(t);
			return atl_err_set(err, ATL_EINVAL,
					   "tactic database does not fit this CPU or library");
		}
		at += (size_t)l;
	}
	t->joinable = table_joinable();
	*out = t;
	return 0;
}

int tactics_new(struct tactics **out, struct atl_err *err)
{
	struct atl_err ignored = ATL_ERR_INIT;

	/* The database built with the binary (tactics_hsdb.S); compiling
	 * takes seconds, so that is only the fallback (no embedded blob, a
	 * CPU without the build machine's instruction set). */
	if (atl_tactics_hsdb_size > 0 &&
	    tactics_load(out, atl_tactics_hsdb, (size_t)atl_tactics_hsdb_size,
			 &ignored) == 0)
		return 0;
	return tactics_compile(out, err);
}

void tactics_free(struct tactics *t)
{
	if (!t)
		return;
	hs_free_database(t->db_count);
	hs_free_database(t->db_span);
	for (size_t i = 0; i < N_PATTERNS; i++)
		hs_free_database(t->db_one[i]);
	free(t);
}

int tactics_scratch_new(const struct tactics *t, struct tactics_scratch **out)
{
	struct tactics_scratch *s = calloc(1, sizeof(*s));

	*out = NULL;
	if (!s)
		return ATL_ENOMEM;
	if (t->joinable && !(s->join = malloc(JOIN_BYTES))) {
		free(s);
		return ATL_ENOMEM;
	}
	for (unsigned k = 0; k < n_databases(); k++)
		if (database_at(t, k) &&
		    hs_alloc_scratch(database_at(t, k), &s->hs) != HS_SUCCESS) {
			tactics_scratch_free(s);
			return ATL_ENOMEM;
		}
	*out = s;
	return 0;
}

void tactics_scratch_free(struct tactics_scratch *s)
{
	if (!s)
		return;
	hs_free_scratch(s->hs);
	hs_free_database(s->db_span);
	free(s->join);
	free(s);
}

/* Quoted stretches of normalised text: between two ASCII double quotes,
 * or from an opening U+201C/U+201E/U+00AB to the next closing U+201D/
 * U+00BB (a U+201D with nothing open opens, as some write "”...”"), or
 * between single quotes that are not apostrophes (a quote opens after a
 * space and closes before one; l'Angleterre and don't are words). A
 * quote left open runs for at most QUOTE_MAX_RUN bytes. At most
 * TACTIC_MAX_QUOTES are kept; the rest of the post counts as unquoted. */
#define QUOTE_MAX_RUN 240

/* Bytes that may start a quotation mark: '"', '\'', and the lead bytes of
 * U+00AB/U+00BB (0xC2) and U+201C-U+201E (0xE2). Most bytes are none. */
static const unsigned char quote_lead[256] = { ['"'] = 1, ['\''] = 1, [0xC2] = 1, [0xE2] = 1 };

/* Whether any of the 8 bytes at p may start a quotation mark. */
static int any_quote_lead8(const unsigned char *p)
{
	uint64_t x;

	memcpy(&x, p, sizeof(x));
	return (swar_eq(x, '"') | swar_eq(x, '\'') | swar_eq(x, 0xC2) | swar_eq(x, 0xE2)) != 0;
}

static void find_quotes(const char *text, size_t len, struct tactic_hits *h)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t open = SIZE_MAX;

	h->n_q = 0;
	for (size_t i = 0; i < len && h->n_q < TACTIC_MAX_QUOTES; i++) {
		int opener = 0, closer = 0;

		if (!quote_lead[p[i]]) {
			/* most text has none: skip 8 bytes at a time */
			while (i + 9 <= len && !any_quote_lead8(p + i + 1))
				i += 8;
			continue;
		}
		if (open != SIZE_MAX && i - open > QUOTE_MAX_RUN)
			open = SIZE_MAX;	/* never closed: not a quotation */
		if (p[i] == '"') {
			opener = open == SIZE_MAX;
			closer = !opener;
		} else if (p[i] == 0xC2) {
			if (i + 1 >= len || (p[i + 1] != 0xAB && p[i + 1] != 0xBB))
				continue;
			opener = p[i + 1] == 0xAB;
			closer = !opener;
		} else if (p[i] == 0xE2) {
			if (i + 2 >= len || p[i + 1] != 0x80 ||
			    (p[i + 2] != 0x9C && p[i + 2] != 0x9D && p[i + 2] != 0x9E))
				continue;
			closer = p[i + 2] == 0x9D && open != SIZE_MAX;
			opener = !closer;
		} else {
			/* an apostrophe has letters on both sides (l'a, don't) */
			int before = i > 0 && p[i - 1] != ' ' && p[i - 1] != ':' && p[i - 1] != '(';
			int after = i + 1 < len && p[i + 1] != ' ' && p[i + 1] != '.' &&
				    p[i + 1] != ',' && p[i + 1] != ';' && p[i + 1] != ')';

			opener = !before && after && open == SIZE_MAX;
			closer = before && !after && open != SIZE_MAX && p[open] == '\'';
		}
		if (closer && open != SIZE_MAX) {
			h->q[h->n_q][0] = (uint32_t)open;
			h->q[h->n_q][1] = (uint32_t)i;
			h->n_q++;
			open = SIZE_MAX;
		} else if (opener && open == SIZE_MAX) {
			open = i;
		}
	}
	if (open != SIZE_MAX && h->n_q < TACTIC_MAX_QUOTES && len - open <= QUOTE_MAX_RUN) {
		h->q[h->n_q][0] = (uint32_t)open;
		h->q[h->n_q][1] = (uint32_t)len;
		h->n_q++;
	}
}

static int on_count(unsigned id, unsigned long long from, unsigned long long to,
		    unsigned flags, void *ctx)
{
	struct tactic_hits *h = ctx;
	uint64_t bit = 1ull << (id & 63);
	unsigned g = patterns[id].group;

	(void)from;
	(void)flags;
	if (h->seen[id >> 6] & bit)
		return 0;
	h->seen[id >> 6] |= bit;
	h->count[g]++;
	if (g < TAC__N && g != TAC_ROUTE)	/* a quoted place name says little */
		for (uint32_t i = 0; i < h->n_q; i++)
			if (to > h->q[i][0] && to <= h->q[i][1]) {
				h->quoted++;
				break;
			}
	return 0;
}

struct span_ctx {
	struct tactic_hits *h;
	size_t calls;	/* matches reported, kept or not */
	size_t stop_at;	/* end the scan after this many (SIZE_MAX: never) */
};

static int on_span(unsigned id, unsigned long long from, unsigned long long to,
		   unsigned flags, void *ctx)
{
	struct span_ctx *c = ctx;
	struct tactic_hits *h = c->h;

	(void)flags;
	if (++c->calls >= c->stop_at)
		return 1;
	/* Several end offsets for one start are one match that grew: keep
	 * the longest. They arrive in end order, close together. */
	for (size_t k = h->n; k > 0 && k + 8 > h->n; k--) {
		struct tactic_hit *p = &h->v[k - 1];

		if (p->pattern == id && p->start == from) {
			if (to > p->end)
				p->end = (uint32_t)to;
			return 0;
		}
	}
	if (h->n < TACTIC_MAX_HITS) {
		struct tactic_hit *p = &h->v[h->n++];

		p->group = patterns[id].group;
		p->pattern = (uint16_t)id;
		p->start = (uint32_t)from;
		p->end = (uint32_t)to;
	}
	return 0;
}

static int hs_rc(hs_error_t e)
{
	if (e == HS_SUCCESS)
		return 0;
	return e == HS_NOMEM ? ATL_ENOMEM : ATL_EINVAL;
}

int tactics_count(const struct tactics *t, struct tactics_scratch *s,
		  const char *text, size_t len, struct tactic_hits *out)
{
	out->n = 0;
	out->quoted = 0;
	out->n_q = 0;
	memset(out->count, 0, sizeof(out->count));
	memset(out->seen, 0, sizeof(out->seen));
	if (len == 0)
		return 0;
	if (len > UINT32_MAX)
		return ATL_ETOOBIG;
	find_quotes(text, len, out);
	return hs_rc(hs_scan(t->db_count, text, (unsigned)len, 0, s->hs,
			     on_count, out));
}

static void save_counts(const struct tactic_hits *h, struct tactic_counts *c)
{
	memcpy(c->seen, h->seen, sizeof(c->seen));
	memcpy(c->count, h->count, sizeof(c->count));
	c->quoted = h->quoted;
}

/* A match in the joined texts: the first text whose NUL is at or after its
 * end holds it (on_count without quotes: joined texts have none). */
static int on_join(unsigned id, unsigned long long from, unsigned long long to,
		   unsigned flags, void *ctx)
{
	struct tactics_scratch *s = ctx;
	size_t lo = 0, hi = s->n_join - 1;
	struct tactic_counts *c;
	uint64_t bit = 1ull << (id & 63);

	(void)from;
	(void)flags;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->join_end[mid] < to)
			lo = mid + 1;
		else
			hi = mid;
	}
	c = s->join_out[lo];
	if (c->seen[id >> 6] & bit)
		return 0;
	c->seen[id >> 6] |= bit;
	c->count[patterns[id].group]++;
	return 0;
}

int tactics_count_flush(const struct tactics *t, struct tactics_scratch *s)
{
	hs_error_t e;

	if (s->n_join == 0)
		return 0;
	e = hs_scan(t->db_count, s->join, (unsigned)s->join_len, 0, s->hs, on_join, s);
	s->n_join = 0;
	s->join_len = 0;
	return hs_rc(e);
}

int tactics_count_add(const struct tactics *t, struct tactics_scratch *s,
		      const char *text, size_t len, struct tactic_hits *tmp,
		      struct tactic_counts *out)
{
	int rc;

	if (len > 0 && len < JOIN_BYTES && t->joinable) {
		find_quotes(text, len, tmp);
		if (tmp->n_q == 0) {
			if (s->n_join == JOIN_TEXTS || s->join_len + len + 1 > JOIN_BYTES) {
				rc = tactics_count_flush(t, s);
				if (rc < 0)
					return rc;
			}
			memset(out, 0, sizeof(*out));
			memcpy(s->join + s->join_len, text, len);
			s->join_len += len;
			s->join[s->join_len] = '\0';
			s->join_end[s->n_join] = (uint32_t)s->join_len++;
			s->join_out[s->n_join++] = out;
			return 0;
		}
	}
	rc = tactics_count(t, s, text, len, tmp);
	if (rc < 0)
		return rc;
	save_counts(tmp, out);
	return 0;
}

int tactics_spans(const struct tactics *t, struct tactics_scratch *s,
		  const char *text, size_t len, struct tactic_hits *out)
{
	struct span_ctx c = { out, 0, TACTIC_MAX_HITS };

	out->n = 0;
	if (len == 0)
		return 0;
	if (len > UINT32_MAX)
		return ATL_ETOOBIG;
	/* Only the patterns the count pass saw can match, each alone. Their
	 * matches are those of the span database, in another order; that
	 * order only decides which are kept when there are more than
	 * TACTIC_MAX_HITS (which the scan of all at once decides). Fewer
	 * than that reported in all: none was dropped either way. */
	for (size_t w = 0; w < TACTIC_MAX_PATTERNS / 64; w++) {
		for (uint64_t bits = out->seen[w]; bits; bits &= bits - 1) {
			size_t id = w * 64 + (size_t)__builtin_ctzll(bits);
			hs_error_t e;

			if (id >= N_PATTERNS || !t->db_one[id])
				continue;	/* a context pattern */
			e = hs_scan(t->db_one[id], text, (unsigned)len, 0, s->hs,
				    on_span, &c);
			if (e == HS_SCAN_TERMINATED)
				goto all_at_once;
			if (e != HS_SUCCESS)
				return hs_rc(e);
		}
	}
	return 0;
all_at_once:
	out->n = 0;
	c.calls = 0;
	c.stop_at = SIZE_MAX;
	if (!t->db_span && !s->db_span) {
		hs_error_t e = hs_deserialize_database(t->span_blob, t->span_len,
						       &s->db_span);

		if (e == HS_SUCCESS && (e = hs_alloc_scratch(s->db_span, &s->hs)) != HS_SUCCESS) {
			hs_free_database(s->db_span);	/* the scratch does not fit it */
			s->db_span = NULL;
		}
		if (e != HS_SUCCESS)
			return hs_rc(e);
	}
	return hs_rc(hs_scan(t->db_span ? t->db_span : s->db_span, text,
			     (unsigned)len, 0, s->hs, on_span, &c));
}
