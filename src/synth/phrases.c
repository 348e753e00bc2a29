/*
 * phrases: the text of the synthetic corpus, written for this project.
 *
 * Layout: one static array per (slot, language), entries alternating
 * variant A (train, even index) and variant B (heldout, odd index); see
 * phrases.h for the placeholders. BANK() refuses an odd-sized array at
 * compile time, so a bank can never tilt towards one split.
 *
 * Vocabulary deliberately overlaps between smuggling slots and benign
 * genres (prices, routes, border cities, "viaje", "asilo", phones), as in
 * the hard negatives of docs/domain.md: the label must come from who speaks
 * and what is offered, not from single words.
 */
#include "phrases.h"

#include "core/banned.h"

/* Compile-time check that a bank has an even number of entries. */
#define N_OF(a) (sizeof(a) / sizeof((a)[0]))
#define BANK(a) { (a), N_OF(a) + 0 * sizeof(char[N_OF(a) % 2 == 0 ? 1 : -1]) }

/* ---- smuggling slots, Spanish ---- */

static const char *const es_greet[] = {
	"{E} ATENCIÓN paisanos {E}",
	"Hola amigos del grupo",
	"Buenas noches mi gente {E}",
	"Saludos a todos los que buscan el sueño americano",
	"{E}{E} AVISO IMPORTANTE {E}{E}",
	"Que tal familia, les traigo buenas noticias",
	"Para los que quieren llegar al otro lado 🇺🇸",
	"Información importante para los paisanos",
};
static const char *const es_offer[] = {
	"Llevamos personas a USA sin brincar el muro",
	"Pasamos gente a los Estados Unidos con guía de confianza",
	"Viaje especial al norte, cruzamos todos los días",
	"Hacemos la travesía hasta el otro lado, entregamos a domicilio",
	"Coyote con experiencia, llevo grupos a todos los estados",
	"Somos pasadores serios, cruce por {X} directo a {D}",
	"¿Quieres llegar al norte? nosotros te llevamos",
	"Brincamos a tu familiar sin problema, pollero de confianza",
	"Cruzamos por el río con guía, llegada segura",
	"Te pasamos al otro lado en camioneta, somos pasadores con años de experiencia",
};
static const char *const es_route[] = {
	"Salida desde {O} pasando por {X} hasta {D}",
	"Ruta {O} - {X} - {D}",
	"De {O} a {D}, cruce por {X}",
	"Te recogemos en {O}, cruzamos en {X} y llegas a {D}",
	"Vamos de {O} a {X}, de ahí brincamos y te dejamos en {D}",
	"Recogida en {O} ➡️ {X} ➡️ {D}",
};
static const char *const es_price[] = {
	"Precio por persona {P}",
	"Costo {P} todo incluido",
	"Promoción este mes: solo {P}",
	"El viaje sale en {P} por adulto",
	"Solo {P} de {O} hasta {D}",
	"Viaje completo {P}, pregunta por paquetes familiares",
	"Tarifa especial {P}",
	"Llegas a {D} por {P}",
};
static const char *const es_guar[] = {
	"100% seguro y garantizado",
	"Sin riesgo, {N} intentos incluidos",
	"Garantía total, seguimos entregando cada semana",
	"Cero riesgo, si no pasas lo intentamos otra vez",
	"Seguimos entregando, ya pasaron {N} grupos este mes",
	"Si no cruzas no pagas",
	"Llevamos años sin fallar un viaje",
	"Tenemos pruebas de entregas, pregunta sin pena",
};
static const char *const es_payarr[] = {
	"Pagas cuando tu familia te recibe",
	"No se paga nada por adelantado, pago al llegar",
	"El pago es hasta que llegues a tu destino",
	"Una parte en {X} y el resto al llegar",
	"Pagas hasta que estés con tu familia",
	"La mitad al salir y la mitad al entregar",
};
static const char *const es_deposit[] = {
	"Se requiere depósito de {P} para apartar tu lugar, solo perfiles serios",
	"Anticipo de {P} para reservar, no curiosos",
	"Deposita {P} y te mandamos la fecha, solo gente seria",
	"Para asegurar el cupo manda {P} por transferencia, solo perfiles reales",
	"Primero un adelanto de {P}, luego te damos la ruta",
	"Aparta con {P}, cupo limitado, nada de curiosos",
};
static const char *const es_sched[] = {
	"Próxima salida {W}, quedan {N} lugares",
	"Salimos {W}, es ahora o nunca",
	"Últimos {N} cupos para {W}",
	"Aprovecha antes de que cierren la frontera, salida {W}",
	"Salida confirmada {W}, cupo limitado",
	"Nos vamos {W}, aparta ya",
	"Esta semana hay salida, {N} espacios",
	"Antes de que cambien las leyes, salimos {W}",
};
static const char *const es_kids[] = {
	"Niños a mitad de precio",
	"Menores viajan por {K}",
	"Familias con niños bienvenidas, el niño es tu boleto",
	"Si llevas niño el cruce es más rápido, niños {K}",
	"Los menores pagan solo {K}",
	"Con niños pasan más rápido, pregunta",
};
static const char *const es_asylum[] = {
	"Te enseñamos qué decir en la entrevista de asilo",
	"La frontera está abierta con la nueva ley, asilo garantizado",
	"Te preparamos para el miedo creíble, di que te amenazaron",
	"Con el permiso humanitario entras en tiempo récord",
	"Te decimos exactamente qué contestar en migración",
	"Con la nueva ley si llevas niño te dejan pasar",
};
static const char *const es_evade[] = {
	"Sin retenes ni migración",
	"Pasamos los puntos de revisión sin problema",
	"Viaje en tráiler directo, sin pasar por garitas",
	"Rodeamos los retenes, nadie te pide papeles",
	"Sin pasar por ningún retén",
	"Vamos por brecha, lejos de la migra",
	"Cruzamos por el monte donde no hay patrulla",
	"Por el túnel, nadie te ve",
};
static const char *const es_agency[] = {
	"{A} agencia de viajes y excursiones",
	"Tours y viajes {A}, atención profesional",
	"Somos {A}, su agencia de confianza",
	"{A} turismo internacional",
	"{A}: viajes nacionales e internacionales",
	"Agencia {A} con años de experiencia",
};
static const char *const es_docs[] = {
	"Tramitamos visa americana sin entrevista",
	"Visa de turista aprobada en {N} semanas, sin cita",
	"Permisos de trabajo y residencia rápida",
	"Pasaporte y visa Schengen sin requisitos",
	"Visas de trabajo sin requisitos, tramitamos todo",
	"Residencia en {N} meses, trámite rápido",
};
static const char *const es_appt[] = {
	"Vendemos citas CBP One en 48 horas",
	"Cita asegurada en la aplicación en {N} días",
	"Conseguimos tu cita de la app para entrar legal",
	"Citas para la frontera rápidas, no esperes meses",
	"Tu cita para CBP One en menos de una semana",
	"Adelantamos tu cita, ya no esperes",
};
static const char *const es_job[] = {
	"Trabajo seguro en USA, incluye transporte",
	"Se necesitan trabajadores en construcción, nosotros te llevamos",
	"Empleo garantizado al llegar, viaje incluido",
	"Chamba en el norte con pasaje pagado",
	"Trabajo en el campo allá, te llevamos y te colocamos",
	"Ofrecemos empleo en restaurantes, el viaje corre por nuestra cuenta",
};
static const char *const es_driver[] = {
	"Se buscan choferes con licencia, dinero fácil por viaje",
	"Busco conductor para llevar pollitos, pago por viaje",
	"Ocupo raitero para la frontera, se paga bien",
	"Choferes para viajes cortos en {X}, pago al día",
	"Se solicita chofer con camioneta propia, buen pago",
	"¿Tienes carro? gana dinero llevando gente a {X}",
};
static const char *const es_contact[] = {
	"Info al {T}",
	"Escríbenos por wasap {T}",
	"Más información por inbox o al {T}",
	"WhatsApp {T}",
	"Únete al grupo {L}",
	"Mándame mensaje {L}",
	"Info por imbox {E}",
	"Pregunta sin compromiso {T}",
	"Llámanos al {T} o al {T}",
	"Dos números para atenderte: {T} / {T}",
};

/* ---- smuggling slots, English ---- */

static const char *const en_greet[] = {
	"{E} ATTENTION everyone {E}",
	"Hello friends",
	"Good news for families {E}",
	"Hi all, read this",
};
static const char *const en_offer[] = {
	"We take people across safely",
	"We cross you into the USA, experienced guide",
	"Special trip to {D}, we get you over",
	"Reliable crossing every week, we deliver to your family",
	"We get families over every week",
	"Crossing service, experienced guides, delivered to your door",
};
static const char *const en_route[] = {
	"From {O} through {X} to {D}",
	"Route: {O} > {X} > {D}",
	"Pickup in {O}, crossing at {X}, arrival {D}",
	"{O} to {D} via {X}",
};
static const char *const en_price[] = {
	"Price {P} per person",
	"Only {P} all included",
	"Special offer {P}",
	"Cost is {P} per adult",
	"{P} for the full trip",
	"Trip to {D} costs {P}",
};
static const char *const en_guar[] = {
	"100% guaranteed",
	"No risk, {N} attempts included",
	"Safe and guaranteed, we keep delivering",
	"Zero risk, if it fails we try again",
	"If you don't make it you don't pay",
	"We have proof of deliveries, ask us",
};
static const char *const en_payarr[] = {
	"Pay when you arrive",
	"Nothing up front, pay on arrival",
	"Your family pays when they receive you",
	"Half now, half at destination",
};
static const char *const en_deposit[] = {
	"Deposit of {P} required to book, serious people only",
	"Send {P} first to hold your seat, no time wasters",
	"Booking fee {P} before departure, real profiles only",
	"Reserve with {P} upfront, genuine clients only",
};
static const char *const en_sched[] = {
	"Next departure {W}, {N} seats left",
	"Leaving {W}, now or never",
	"Only {N} places for {W}",
	"Go before they close the border, departure {W}",
	"Departure confirmed {W}, limited seats",
	"Leaving {W}, book now",
};
static const char *const en_kids[] = {
	"Kids half price",
	"Children travel for {K}",
	"Families with children welcome",
	"Bring your child, crossing is faster",
};
static const char *const en_asylum[] = {
	"We tell you what to say at the asylum interview",
	"The border is open under the new law",
	"We coach you for credible fear, say you were threatened",
	"Guaranteed parole in record time",
};
static const char *const en_evade[] = {
	"No checkpoints, no police",
	"We avoid the patrols completely",
	"Boat leaves at night, no coastguard",
	"Truck goes around the checkpoints",
};
static const char *const en_agency[] = {
	"{A} travel and tours",
	"{A} your trusted travel agency",
	"{A} excursions and travel services",
	"Professional service by {A}",
};
static const char *const en_docs[] = {
	"US visa without interview",
	"Schengen visa for a price, approved in {N} weeks",
	"Work permits and fast residency",
	"Passports and visas, no requirements",
};
static const char *const en_appt[] = {
	"CBP One appointments in 48 hours",
	"Guaranteed app appointment in {N} days",
	"We get your border appointment fast",
	"Skip the wait, appointments for sale",
};
static const char *const en_job[] = {
	"Job in the USA with transport included",
	"Workers needed, we bring you over",
	"Guaranteed work on arrival, travel included",
	"Farm jobs abroad, ticket paid",
};
static const char *const en_driver[] = {
	"Drivers needed, easy cash per trip",
	"Looking for drivers with clean license, paid per run",
	"Need drivers near the border, good money",
	"Quick trips, drivers paid same day",
};
static const char *const en_contact[] = {
	"Call or text {T}",
	"WhatsApp {T}",
	"DM for info or {T}",
	"Message us {T}",
	"Join {L}",
	"Link in bio {L}",
	"DM for details {E}",
	"Contact {T}",
	"Call {T} or {T}",
	"Two lines open: {T} / {T}",
};

/* ---- smuggling slots, Portuguese (Brazil) ---- */

static const char *const pt_greet[] = {
	"{E} ATENÇÃO pessoal {E}",
	"Olá amigos",
	"Boa noite galera",
	"Oi família, novidade",
};
static const char *const pt_offer[] = {
	"Levamos você para os EUA com segurança",
	"Fazemos a travessia até os Estados Unidos",
	"Viagem especial para a América, guia experiente",
	"Atravessamos toda semana, entregamos na casa da família",
	"Levamos famílias toda semana até a América",
	"Serviço de travessia com guia, entrega garantida",
};
static const char *const pt_route[] = {
	"Saída de {O} passando por {X} até {D}",
	"Rota {O} - {X} - {D}",
	"De {O} para {D} pela {X}",
	"Buscamos em {O}, cruzamos em {X}, chegada em {D}",
};
static const char *const pt_price[] = {
	"Valor {P} por pessoa",
	"Tudo incluído por {P}",
	"Promoção {P}",
	"Sai por {P} o adulto",
};
static const char *const pt_guar[] = {
	"100% garantido",
	"Sem risco, {N} tentativas incluídas",
	"Seguro e garantido, seguimos entregando",
	"Risco zero, se não passar tentamos de novo",
};
static const char *const pt_payarr[] = {
	"Paga só quando chegar",
	"Nada adiantado, pagamento na chegada",
	"A família paga quando receber você",
	"Metade agora e metade no destino",
};
static const char *const pt_deposit[] = {
	"Sinal de {P} para reservar, só perfis sérios",
	"Mande {P} antes para garantir a vaga, sem curiosos",
	"Depósito de {P} antecipado, só gente séria",
	"Reserva com {P} adiantado, só perfis reais",
};
static const char *const pt_sched[] = {
	"Próxima saída {W}, restam {N} vagas",
	"Saímos {W}, é agora ou nunca",
	"Últimas {N} vagas para {W}",
	"Vai antes que fechem a fronteira, saída {W}",
};
static const char *const pt_kids[] = {
	"Crianças pagam metade",
	"Criança viaja por {K}",
	"Famílias com crianças são bem-vindas",
	"Com criança a entrada é mais rápida",
};
static const char *const pt_asylum[] = {
	"Ensinamos o que falar na entrevista de asilo",
	"A fronteira está aberta com a nova lei",
	"Preparamos você para o medo crível",
	"Asilo garantido em tempo recorde",
};
static const char *const pt_evade[] = {
	"Sem barreiras nem imigração",
	"Passamos longe da fiscalização",
	"Viagem de caminhão sem passar pelos postos",
	"Desviamos das blitz, ninguém pede documento",
};
static const char *const pt_agency[] = {
	"{A} agência de viagens e turismo",
	"{A} sua agência de confiança",
	"{A} excursões internacionais",
	"Atendimento profissional {A}",
};
static const char *const pt_docs[] = {
	"Visto americano sem entrevista",
	"Visto Schengen aprovado em {N} semanas",
	"Autorização de trabalho e residência rápida",
	"Passaporte e visto sem exigências",
};
static const char *const pt_job[] = {
	"Emprego nos EUA com passagem incluída",
	"Precisamos de trabalhadores, levamos você",
	"Trabalho garantido na chegada, viagem paga",
	"Vagas na construção lá fora, transporte incluído",
};
static const char *const pt_contact[] = {
	"Chama no zap {T}",
	"WhatsApp {T}",
	"Mais info no privado ou {T}",
	"Fala comigo {T}",
	"Entra no grupo {L}",
	"Link na bio {L}",
	"Chama no direct {E}",
	"Contato {T}",
};

/* ---- smuggling slots, Haitian Creole ---- */

static const char *const ht_greet[] = {
	"{E} ATANSYON tout moun {E}",
	"Bonjou zanmi yo",
	"Bonswa fanmi {E}",
	"Bon nouvèl pou nou",
};
static const char *const ht_offer[] = {
	"Nou pase moun ale Ozetazini san pwoblèm",
	"Nou mennen w lòt bò a ak gid serye",
	"Vwayaj espesyal pou Etazini, nou travèse chak semèn",
	"Nou fè travèse a jis lakay fanmi w",
	"Nou fè moun pase chak semèn",
	"Sèvis travèse ak gid, nou livre w lakay",
};
static const char *const ht_route[] = {
	"Depa {O} pase {X} rive {D}",
	"Wout {O} - {X} - {D}",
	"Soti {O} ale {D} pa {X}",
	"Nou pran w {O}, nou travèse {X}, ou rive {D}",
};
static const char *const ht_price[] = {
	"Pri a se {P} pa moun",
	"Tout bagay pou {P}",
	"Pwomosyon {P}",
	"Granmoun peye {P}",
};
static const char *const ht_guar[] = {
	"100% garanti",
	"San risk, {N} esè enkli",
	"Sekirite total, n ap kontinye livre",
	"Zewo risk, si w pa pase n ap eseye ankò",
};
static const char *const ht_payarr[] = {
	"Ou peye lè ou rive",
	"Pa gen avans, peman lè w rive",
	"Fanmi w peye lè yo resevwa w",
	"Mwatye kounye a, mwatye lè w rive",
};
static const char *const ht_deposit[] = {
	"Fò w voye {P} avan pou rezève, moun serye sèlman",
	"Depo {P} pou kenbe plas ou, pa gen jwe",
	"Avans {P} obligatwa, sèlman moun serye",
	"Voye {P} anvan pou nou ba w dat la",
};
static const char *const ht_sched[] = {
	"Pwochen depa {W}, rete {N} plas",
	"N ap pati {W}, se kounye a oswa jamè",
	"Dènye {N} plas pou {W}",
	"Ale anvan yo fèmen fwontyè a, depa {W}",
};
static const char *const ht_kids[] = {
	"Timoun peye mwatye",
	"Timoun yo vwayaje pou {K}",
	"Fanmi ak timoun byenveni",
	"Avèk timoun ou pase pi vit",
};
static const char *const ht_asylum[] = {
	"Nou montre w sa pou di nan entèvyou azil la",
	"Fwontyè a louvri ak nouvo lwa a",
	"Nou prepare w pou di ou te menase",
	"Azil garanti an tan rekò",
};
static const char *const ht_evade[] = {
	"Pa gen kontwòl ni imigrasyon",
	"Nou evite tout baryè yo",
	"Bato a pati lannwit, pa gen gadkòt",
	"Kamyon an pase kote lapolis pa ye",
};
static const char *const ht_docs[] = {
	"Viza ameriken san entèvyou",
	"Viza pou {N} semèn san randevou",
	"Pèmi travay ak rezidans rapid",
	"Paspò ak viza san papye",
};
static const char *const ht_appt[] = {
	"Nou vann randevou CBP One nan 48 èdtan",
	"Randevou garanti nan aplikasyon an nan {N} jou",
	"Nou jwenn randevou fwontyè a pou ou rapid",
	"Pa tann plizyè mwa, randevou pou vann",
};
static const char *const ht_contact[] = {
	"Rele {T}",
	"WhatsApp {T}",
	"Ekri nou nan pwive oswa {T}",
	"Kontak {T}",
	"Antre nan gwoup la {L}",
	"Lyen an {L}",
	"Ekri nou an pwive {E}",
	"Pou plis enfò {T}",
};

/* ---- smuggling slots, French ---- */

static const char *const fr_greet[] = {
	"{E} ATTENTION à tous {E}",
	"Salut la famille",
	"Bonsoir à tous",
	"Bonne nouvelle les amis {E}",
};
static const char *const fr_offer[] = {
	"On vous fait passer en toute sécurité",
	"Traversée vers l'Angleterre chaque semaine, passeur sérieux",
	"Voyage spécial vers l'Europe, on vous emmène",
	"Passage garanti de l'autre côté, on livre à la famille",
	"On fait passer des familles chaque semaine",
	"Service de passage avec guide, livraison garantie",
};
static const char *const fr_route[] = {
	"Départ de {O} par {X} jusqu'à {D}",
	"Trajet {O} - {X} - {D}",
	"De {O} à {D} via {X}",
	"On vous prend à {O}, passage par {X}, arrivée {D}",
};
static const char *const fr_price[] = {
	"Prix {P} par personne",
	"Tout compris pour {P}",
	"Promo {P}",
	"Le passage coûte {P} par adulte",
};
static const char *const fr_guar[] = {
	"100% garanti",
	"Sans risque, {N} essais compris",
	"Sûr et garanti, on continue de livrer",
	"Zéro risque, si ça rate on recommence",
};
static const char *const fr_payarr[] = {
	"Vous payez à l'arrivée",
	"Rien d'avance, paiement à destination",
	"La famille paie quand elle vous reçoit",
	"Moitié au départ, moitié à l'arrivée",
};
static const char *const fr_deposit[] = {
	"Acompte de {P} pour réserver, personnes sérieuses uniquement",
	"Envoyez {P} avant pour garder la place, pas de curieux",
	"Avance de {P} obligatoire, profils sérieux seulement",
	"Réservation avec {P} d'avance, vrais profils seulement",
};
static const char *const fr_sched[] = {
	"Prochain départ {W}, il reste {N} places",
	"On part {W}, c'est maintenant ou jamais",
	"Dernières {N} places pour {W}",
	"Partez avant qu'ils ferment la frontière, départ {W}",
};
static const char *const fr_kids[] = {
	"Enfants à moitié prix",
	"Les enfants passent pour {K}",
	"Familles avec enfants bienvenues",
	"Avec un enfant le passage est plus rapide",
};
static const char *const fr_asylum[] = {
	"On vous dit quoi dire pour l'asile",
	"La frontière est ouverte avec la nouvelle loi",
	"On vous prépare à l'entretien de demande d'asile",
	"Papiers garantis en temps record",
};
static const char *const fr_evade[] = {
	"Pas de contrôle ni police",
	"On évite les patrouilles",
	"Le bateau part la nuit, pas de garde-côtes",
	"Le camion contourne les contrôles",
};
static const char *const fr_agency[] = {
	"{A} agence de voyages",
	"{A} votre agence de confiance",
	"{A} excursions et circuits",
	"Service professionnel {A}",
};
static const char *const fr_docs[] = {
	"Visa Schengen sans rendez-vous",
	"Visa approuvé en {N} semaines, sans entretien",
	"Titre de séjour et permis de travail rapides",
	"Passeport et visa sans conditions",
};
static const char *const fr_job[] = {
	"Travail en Europe avec transport inclus",
	"On cherche des ouvriers, on vous emmène",
	"Emploi garanti à l'arrivée, voyage payé",
	"Boulot sur les chantiers là-bas, billet compris",
};
static const char *const fr_contact[] = {
	"Appelez le {T}",
	"WhatsApp {T}",
	"Infos en privé ou au {T}",
	"Contact {T}",
	"Rejoignez {L}",
	"Lien en bio {L}",
	"Écrivez en privé {E}",
	"Joignable au {T}",
};

/* ---- benign genres, Spanish ---- */

static const char *const es_news[] = {
	"Según la investigación, los coyotes cobran entre {P} y {P} por llevar a una persona de {O} a {D}.",
	"Autoridades detuvieron a {N} presuntos polleros en {X}; las víctimas habían pagado {P} cada una.",
	"Reportaje: así operan las redes de tráfico de migrantes que anuncian viajes en redes sociales.",
	"La fiscalía informó que {S} migrantes fueron rescatados de un tráiler abandonado cerca de {X}.",
	"Un estudio documenta cómo los traficantes usan grupos de Facebook para ofrecer cruces a {D}.",
	"Periodistas revisaron anuncios que prometían llegar a {D} por {P}; muchos eran estafas.",
	"Migrantes relatan que pagaron {P} a un guía que los abandonó en el desierto cerca de {X}.",
	"Cifras oficiales: {S} personas cruzaron el Darién en lo que va del año.",
	"Una red de polleros cobraba {P} por persona y prometía asilo garantizado, informó la fiscalía.",
	"La investigación revela que los traficantes exigían un anticipo de {P} antes de salir de {O}.",
};
static const char *const es_ngo[] = {
	"No confíes en coyotes ni en anuncios que prometen cruzar la frontera. Tu vida vale más.",
	"¡Cuidado! Las ofertas de viaje especial en redes son un engaño. No pagues por adelantado.",
	"Si alguien te ofrece llevarte al norte por {P}, denuncia. Es delito y te pone en riesgo.",
	"El albergue {A} ofrece comida, atención médica y orientación legal gratuita en {X}.",
	"Recuerda: las citas de la aplicación son GRATIS. Nadie puede venderte una cita.",
	"Campaña informativa: los traficantes mienten, la frontera no está abierta.",
	"La casa del migrante en {X} recibe familias con niños. Servicios sin costo.",
	"Antes de emprender el viaje infórmate sobre las vías legales. Habla con nosotros.",
	"Si te piden dinero por adelantado para cruzar, es una estafa. Denuncia.",
	"Nuestro albergue en {X} da orientación gratuita. No arriesgues tu vida con un coyote.",
};
static const char *const es_gov[] = {
	"Aviso oficial: ofrecer el traslado ilegal de personas es delito. Denuncia al número de emergencia.",
	"El Instituto de Migración recuerda que los trámites son gratuitos y personales.",
	"Comunicado: se desarticuló una red que ofrecía cruces a {D} por redes sociales.",
	"La embajada advierte sobre páginas falsas que venden visas y citas.",
	"Operativo en {X}: se rescató a {S} personas en situación de riesgo.",
	"No te dejes engañar por quienes prometen asilo garantizado. Infórmate en fuentes oficiales.",
};
static const char *const es_legal[] = {
	"Abogada de inmigración: asilo, permisos de trabajo y ajuste de estatus. Consulta {P}.",
	"Cómo pedir tu cita en CBP One paso a paso: descarga la app, crea tu cuenta y registra a tu familia.",
	"Clínica legal gratuita sobre asilo este {W} a las {H} en {C}.",
	"Bufete {A}: casos de parole humanitario y peticiones familiares. Primera consulta {P}.",
	"El programa de parole para cubanos, haitianos, nicaragüenses y venezolanos requiere un patrocinador en EEUU.",
	"¿Tienes una cita para la frontera? Te explicamos qué documentos llevar.",
	"Asesoría migratoria con licencia, tarifas claras: desde {P}.",
	"Taller informativo sobre TPS y renovaciones el {W} en {C}.",
	"Preparamos tu caso de asilo con abogados certificados. Honorarios desde {P}.",
	"Te ayudamos a llenar la solicitud de parole. Costo del trámite {P}.",
};
static const char *const es_travel[] = {
	"{A}: vuelos {O} - {D} desde {P}, niños {K}. Salidas {W}.",
	"Paquete a Cancún 5 días 4 noches por {P}. Agencia {A}.",
	"Viajes {A} le ofrece boletos de avión a {D} con visa en regla, desde {P}.",
	"Excursión a {C} este {W}, salida a las {H}, precio {P} por persona.",
	"Tours {A}: conoce {C} con guía certificado, {P} incluye transporte.",
	"Promoción de temporada: viaje redondo a {D} por {P}. Niños menores de 5 años {K}.",
	"Vuelos a {D} con visa vigente desde {P}. Agencia {A}.",
	"Tour a {C} 3 días 2 noches por {P}, niños {K}.",
};
static const char *const es_bus[] = {
	"{A} salidas diarias {O} - {X} a las {H}. Adulto {P}, niño {K}.",
	"Corrida directa a {X} todos los días {H}. Boleto {P}.",
	"Horarios {A}: {O} a {X} salida {H}, llegada al día siguiente. Precio {P}.",
	"Nuevo servicio {A} de {C} a {X}, autobuses con aire y baño, {P}.",
	"Viaja cómodo a {X} con {A}. Salida {W} a las {H}, {P}.",
	"Boletos para {X} con descuento para menores {K}, adultos {P}.",
	"Salidas de {O} a {X} todos los días a las {H}. Pasaje {P}.",
	"{A}: nueva ruta {C} - {X}, menores {K}, adultos {P}.",
};
static const char *const es_recruit[] = {
	"Reclutamiento para visa H-2A: trabajo agrícola temporal en EEUU, el empleador paga el transporte. Sin cobros.",
	"Convocatoria oficial de trabajo temporal en Canadá. El proceso es gratuito.",
	"Se buscan trabajadores para temporada de cosecha con visa de trabajo legal. Requisitos: pasaporte vigente.",
	"Agencia autorizada {A}: vacantes con visa H-2B. Nunca pedimos dinero por el trámite.",
};
static const char *const es_remit[] = {
	"Envía dinero a {C} con {A}, comisión desde {P}.",
	"Remesas rápidas a Guatemala, Honduras y El Salvador. Tu familia recibe hoy.",
	"Cambio de dólares al mejor precio en {C}. {A}.",
	"Manda tu envío sin filas, tipo de cambio del día en {A}.",
};
static const char *const es_market[] = {
	"Vendo {I} en buen estado, {P} negociable.",
	"Se vende {I}, precio {P}, entrego en {C}.",
	"{I} como nuevo, {P}. Solo interesados.",
	"Oferta: {I} por {P}, papeles en regla.",
	"Remato {I} por mudanza, {P}.",
	"Cambio o vendo {I}, {P} o mejor oferta.",
	"Vendo {I} seminuevo, {P}, acepto cambios.",
	"Urge vender {I}, {P} a tratar.",
};
static const char *const es_family[] = {
	"Gracias a Dios ya llegó mi hijo a {D}, gracias a todos por sus oraciones.",
	"Mi hermana ya está con nosotros en {D}, muy feliz.",
	"Busco a mi primo {M}, salió de {O} hace {N} semanas y no sabemos nada. Cualquier información.",
	"Feliz cumpleaños {M}, te extrañamos desde {O} {E}",
	"Ya estamos bien en {D}, saludos a la familia en {O}.",
	"Se busca a {M}, última vez visto en {X}. Su familia lo espera.",
	"Mi esposo ya llegó a {D}, gracias Dios mío.",
	"Llegamos bien a {D} después de {N} semanas de camino.",
};
static const char *const es_request[] = {
	"¿Cuánto cobran para pasar a USA? Somos {N} personas.",
	"Alguien sabe de un guía de confianza desde {O}? Necesito información.",
	"Necesito ayuda, estoy en {X} con mis hijos y no tengo dónde quedarme.",
	"¿Es cierto que la frontera está abierta? Quiero ir con mi familia.",
	"Busco quien me lleve a {D}, ¿alguien ha viajado con alguien seguro?",
	"Alguien sabe cómo sacar la cita en la aplicación? Ya lo intenté {N} veces.",
	"¿Alguien sabe cuánto cobran desde {O}?",
	"Necesito información para viajar con mi niño, ¿quién sabe?",
	"¿Es seguro cruzar por {X}? Mi hermano quiere irse.",
	"Busco trabajo en {C}, tengo papeles.",
};
static const char *const es_chat[] = {
	"Qué calor hace hoy en {C} {E}",
	"Buenos días grupo, bendiciones para todos.",
	"Alguien sabe a qué hora abre el banco en {C}?",
	"Se perdió un perrito en {C}, es café con collar rojo.",
	"Feliz viernes a todos {E}",
	"Hoy hay partido, ¿quién va a ver el juego?",
	"Buenas noches a todos, Dios los bendiga.",
	"Alguien vende tortillas por {C}?",
};
static const char *const es_tail[] = {
	"Informes al {T}",
	"Reservaciones {T}",
	"Tel. {T}",
	"Más información {T}",
	"Horario de oficina de 9 a 6, {T}",
	"Llámenos {T}",
};

/* ---- benign genres, English ---- */

static const char *const en_news[] = {
	"Investigators found smugglers charging between {P} and {P} to move people from {O} to {D}.",
	"Police arrested {N} suspected smugglers near {X}; each migrant had paid {P}.",
	"Report: how smuggling networks advertise crossings on social media.",
	"Officials said {S} migrants were found in a truck near {X}.",
	"A new study tracks coyote ads that promise safe passage to {D}.",
	"Reporters reviewed posts offering trips to {D} for {P}; many were scams.",
};
static const char *const en_ngo[] = {
	"Do not trust smugglers. Crossings are deadly and the promises are lies.",
	"Warning: nobody can sell you a border appointment. The app is free.",
	"If someone offers to take you across for {P}, report it.",
	"The shelter in {X} offers food, medical care and free legal advice.",
	"Know your rights before you travel. Talk to us first.",
	"Smugglers lie about open borders. Get information from trusted sources.",
};
static const char *const en_gov[] = {
	"Official notice: people smuggling is a crime. Report it.",
	"The embassy warns of fake pages selling visas and appointments.",
	"Authorities dismantled a network offering crossings to {D} online.",
	"Rescue operation near {X}: {S} people taken to safety.",
};
static const char *const en_legal[] = {
	"Immigration lawyer: asylum, work permits, green cards. Consultation {P}.",
	"How to use CBP One: download the app, create an account, submit your request.",
	"Free asylum clinic this {W} at {H} in {C}.",
	"Law office {A}: humanitarian parole and family petitions. First visit {P}.",
};
static const char *const en_travel[] = {
	"{A}: flights {O} to {D} from {P}, kids {K}. Departures {W}.",
	"Holiday package 5 days in {C} for {P}. Book with {A}.",
	"Day trip to {C} this {W}, leaving at {H}, {P} per person.",
	"{A} tours: see {C} with a licensed guide, {P} including transport.",
};
static const char *const en_bus[] = {
	"{A} daily departures {O} to {X} at {H}. Adults {P}, children {K}.",
	"Direct coach to {X} every day at {H}. Ticket {P}.",
	"Timetable {A}: {O} to {X} leaves {H}. Fare {P}.",
	"New route {A} from {C} to {X}, air conditioning, {P}.",
};
static const char *const en_recruit[] = {
	"H-2A seasonal farm jobs in the US. Employer pays travel. We never charge fees.",
	"Official seasonal worker program, the process is free.",
	"Harvest season jobs with a legal work visa. Valid passport required.",
	"Licensed recruiter {A}: H-2B openings. We never ask for money.",
};
static const char *const en_remit[] = {
	"Send money to {C} with {A}, fees from {P}.",
	"Fast transfers to Central America, your family gets it today.",
	"Best exchange rate in {C}. {A}.",
	"Send without lines, today's rate at {A}.",
};
static const char *const en_market[] = {
	"Selling {I}, good condition, {P} OBO.",
	"{I} for sale, {P}, pickup in {C}.",
	"{I} like new, {P}. Serious buyers only.",
	"Moving sale: {I} for {P}.",
	"Selling {I}, {P}, cash only.",
	"{I} in great shape, {P} firm.",
};
static const char *const en_family[] = {
	"Thank God my son arrived in {D}, thank you all for the prayers.",
	"My sister is finally with us in {D}.",
	"Looking for my cousin {M}, left {O} {N} weeks ago. Any info helps.",
	"Happy birthday {M}, we miss you {E}",
};
static const char *const en_request[] = {
	"How much do they charge to cross? We are {N} people.",
	"Does anyone know a safe way from {O}? Need info.",
	"I need help, I am in {X} with my kids and nowhere to stay.",
	"Is the border really open? I want to go with my family.",
	"How much does it cost from {O}? Asking for my brother.",
	"Anyone crossed with kids recently? Need advice.",
};
static const char *const en_chat[] = {
	"So hot today in {C} {E}",
	"Good morning group, blessings.",
	"Anyone know when the bank opens in {C}?",
	"Happy Friday everyone {E}",
};
static const char *const en_tail[] = {
	"Call {T}",
	"Bookings {T}",
	"Phone {T}",
	"Info {T}",
};

/* ---- benign genres, Portuguese ---- */

static const char *const pt_news[] = {
	"Segundo a investigação, os coiotes cobram entre {P} e {P} para levar uma pessoa de {O} a {D}.",
	"A polícia prendeu {N} suspeitos de contrabando de migrantes em {X}.",
	"Reportagem mostra como redes de coiotes anunciam viagens nas redes sociais.",
	"Autoridades informaram que {S} migrantes foram resgatados perto de {X}.",
};
static const char *const pt_ngo[] = {
	"Não confie em coiotes. A travessia é perigosa e as promessas são mentira.",
	"Atenção: ninguém pode vender agendamento na fronteira. O aplicativo é gratuito.",
	"Se alguém oferecer levar você por {P}, denuncie.",
	"O abrigo em {X} oferece comida, atendimento médico e orientação jurídica gratuita.",
};
static const char *const pt_legal[] = {
	"Advogada de imigração: asilo, permissão de trabalho e green card. Consulta {P}.",
	"Como usar o CBP One: baixe o aplicativo, crie a conta e envie o pedido.",
	"Atendimento jurídico gratuito sobre asilo no {W} às {H} em {C}.",
	"Escritório {A}: parole humanitário e petições familiares. Consulta {P}.",
};
static const char *const pt_travel[] = {
	"{A}: voos {O} - {D} a partir de {P}, crianças {K}.",
	"Pacote 5 dias em {C} por {P}. Reserve com {A}.",
	"Excursão para {C} no {W}, saída às {H}, {P} por pessoa.",
	"{A} turismo: conheça {C} com guia credenciado, {P} com transporte.",
};
static const char *const pt_bus[] = {
	"{A} saídas diárias {O} - {X} às {H}. Adulto {P}, criança {K}.",
	"Ônibus direto para {X} todos os dias às {H}. Passagem {P}.",
	"Horários {A}: {O} para {X} saída {H}. Tarifa {P}.",
	"Nova linha {A} de {C} para {X}, ar-condicionado, {P}.",
};
static const char *const pt_remit[] = {
	"Envie dinheiro para {C} com {A}, taxa a partir de {P}.",
	"Remessas rápidas, sua família recebe hoje.",
	"Melhor câmbio em {C}. {A}.",
	"Envio sem fila, cotação do dia na {A}.",
};
static const char *const pt_market[] = {
	"Vendo {I} em bom estado, {P}.",
	"{I} à venda, {P}, retirada em {C}.",
	"{I} seminovo, {P}. Só interessados.",
	"Desapego: {I} por {P}.",
};
static const char *const pt_family[] = {
	"Graças a Deus meu filho chegou em {D}, obrigado pelas orações.",
	"Minha irmã finalmente está com a gente em {D}.",
	"Procuro meu primo {M}, saiu de {O} há {N} semanas. Qualquer notícia.",
	"Feliz aniversário {M}, saudade {E}",
};
static const char *const pt_request[] = {
	"Quanto cobram para atravessar? Somos {N} pessoas.",
	"Alguém conhece um jeito seguro de sair de {O}? Preciso de informação.",
	"Preciso de ajuda, estou em {X} com meus filhos.",
	"É verdade que a fronteira está aberta? Quero ir com minha família.",
};
static const char *const pt_chat[] = {
	"Que calor hoje em {C} {E}",
	"Bom dia grupo, bênçãos a todos.",
	"Alguém sabe que horas abre o banco em {C}?",
	"Sextou pessoal {E}",
};
static const char *const pt_tail[] = {
	"Informações {T}",
	"Reservas {T}",
	"Tel {T}",
	"Ligue {T}",
};

/* ---- benign genres, Haitian Creole ---- */

static const char *const ht_news[] = {
	"Dapre ankèt la, trafikan yo mande ant {P} ak {P} pou mennen yon moun soti {O} rive {D}.",
	"Lapolis arete {N} moun ki t ap fè trafik migran toupre {X}.",
	"Repòtaj: kijan rezo trafikan yo pibliye vwayaj sou rezo sosyal.",
	"Otorite yo di {S} migran te sove toupre {X}.",
};
static const char *const ht_ngo[] = {
	"Pa fè trafikan konfyans. Vwayaj sa yo danjere e pwomès yo se manti.",
	"Atansyon: pèsonn pa ka vann ou randevou fwontyè. Aplikasyon an gratis.",
	"Si yon moun ofri w travèse pou {P}, denonse li.",
	"Abri nan {X} bay manje, swen medikal ak konsèy legal gratis.",
};
static const char *const ht_legal[] = {
	"Avoka imigrasyon: azil, pèmi travay. Konsiltasyon {P}.",
	"Kijan pou itilize CBP One: telechaje aplikasyon an, kreye kont ou.",
	"Klinik legal gratis sou azil {W} a {H} nan {C}.",
	"Biwo {A}: parole imanitè ak petisyon fanmi. Konsiltasyon {P}.",
};
static const char *const ht_remit[] = {
	"Voye kòb Ayiti ak {A}, frè apati {P}.",
	"Transfè rapid, fanmi w resevwa jodi a.",
	"Pi bon to chanj nan {C}. {A}.",
	"Voye san fè liy, to jodi a nan {A}.",
};
static const char *const ht_family[] = {
	"Gras a Dye pitit mwen rive {D}, mèsi pou priyè nou.",
	"Sè m nan finalman avèk nou nan {D}.",
	"M ap chèche kouzen m {M}, li kite {O} sa gen {N} semèn.",
	"Bòn fèt {M}, nou sonje w {E}",
};
static const char *const ht_request[] = {
	"Konbyen yo mande pou travèse? Nou {N} moun.",
	"Èske gen moun ki konnen yon fason ki an sekirite pou kite {O}?",
	"M bezwen èd, m nan {X} ak pitit mwen yo.",
	"Èske se vre fwontyè a louvri? M vle ale ak fanmi m.",
};
static const char *const ht_chat[] = {
	"Li fè cho jodi a {E}",
	"Bonjou gwoup la, benediksyon pou tout moun.",
	"Ki lè bank lan louvri nan {C}?",
	"Bon vandredi tout moun {E}",
};
static const char *const ht_tail[] = {
	"Rele {T}",
	"Enfòmasyon {T}",
	"Tel {T}",
	"Pou plis enfò rele {T}",
};

/* ---- benign genres, French ---- */

static const char *const fr_news[] = {
	"Selon l'enquête, les passeurs demandent entre {P} et {P} pour aller de {O} à {D}.",
	"La police a arrêté {N} passeurs présumés près de {X}.",
	"Reportage : comment les réseaux de passeurs font leur publicité sur les réseaux sociaux.",
	"Les autorités indiquent que {S} personnes ont été secourues au large de {X}.",
};
static const char *const fr_ngo[] = {
	"Ne faites pas confiance aux passeurs. La traversée tue.",
	"Attention : personne ne peut vous vendre un rendez-vous, la démarche est gratuite.",
	"Si quelqu'un vous propose un passage pour {P}, signalez-le.",
	"L'association à {X} propose repas, soins et conseils juridiques gratuits.",
};
static const char *const fr_gov[] = {
	"Avis officiel : l'aide au passage irrégulier est un délit. Signalez-le.",
	"L'ambassade met en garde contre de faux sites qui vendent des visas.",
	"Un réseau qui proposait des traversées vers {D} a été démantelé.",
	"Opération de sauvetage près de {X} : {S} personnes mises à l'abri.",
};
static const char *const fr_legal[] = {
	"Avocate en droit des étrangers : asile, titres de séjour. Consultation {P}.",
	"Comment déposer une demande d'asile : les étapes expliquées.",
	"Permanence juridique gratuite {W} à {H} à {C}.",
	"Cabinet {A} : regroupement familial et recours. Premier rendez-vous {P}.",
};
static const char *const fr_travel[] = {
	"{A} : vols {O} - {D} à partir de {P}, enfants {K}.",
	"Séjour 5 jours à {C} pour {P}. Réservez chez {A}.",
	"Excursion à {C} {W}, départ à {H}, {P} par personne.",
	"{A} circuits : découvrez {C} avec un guide, {P} transport compris.",
};
static const char *const fr_bus[] = {
	"{A} départs quotidiens {O} - {X} à {H}. Adulte {P}, enfant {K}.",
	"Car direct pour {X} tous les jours à {H}. Billet {P}.",
	"Horaires {A} : {O} vers {X} départ {H}. Tarif {P}.",
	"Nouvelle ligne {A} de {C} à {X}, climatisation, {P}.",
};
static const char *const fr_family[] = {
	"Dieu merci mon fils est arrivé à {D}, merci pour vos prières.",
	"Ma sœur est enfin avec nous à {D}.",
	"Je cherche mon cousin {M}, parti de {O} il y a {N} semaines.",
	"Joyeux anniversaire {M}, tu nous manques {E}",
};
static const char *const fr_request[] = {
	"Combien ils demandent pour passer ? Nous sommes {N}.",
	"Quelqu'un connaît un moyen sûr de quitter {O} ?",
	"J'ai besoin d'aide, je suis à {X} avec mes enfants.",
	"C'est vrai que la frontière est ouverte ? Je veux partir avec ma famille.",
};
static const char *const fr_chat[] = {
	"Il fait chaud aujourd'hui à {C} {E}",
	"Bonjour le groupe, bonne journée à tous.",
	"Quelqu'un sait à quelle heure ouvre la banque à {C} ?",
	"Bon vendredi à tous {E}",
};
static const char *const fr_tail[] = {
	"Renseignements {T}",
	"Réservations {T}",
	"Tél. {T}",
	"Appelez {T}",
};

static const struct phrase_bank banks[SL_COUNT][LANG_COUNT] = {
	[SL_GREET] = { BANK(es_greet), BANK(en_greet), BANK(pt_greet), BANK(ht_greet), BANK(fr_greet) },
	[SL_OFFER] = { BANK(es_offer), BANK(en_offer), BANK(pt_offer), BANK(ht_offer), BANK(fr_offer) },
	[SL_ROUTE] = { BANK(es_route), BANK(en_route), BANK(pt_route), BANK(ht_route), BANK(fr_route) },
	[SL_PRICE] = { BANK(es_price), BANK(en_price), BANK(pt_price), BANK(ht_price), BANK(fr_price) },
	[SL_GUAR] = { BANK(es_guar), BANK(en_guar), BANK(pt_guar), BANK(ht_guar), BANK(fr_guar) },
	[SL_PAYARR] = { BANK(es_payarr), BANK(en_payarr), BANK(pt_payarr), BANK(ht_payarr), BANK(fr_payarr) },
	[SL_DEPOSIT] = { BANK(es_deposit), BANK(en_deposit), BANK(pt_deposit), BANK(ht_deposit), BANK(fr_deposit) },
	[SL_SCHED] = { BANK(es_sched), BANK(en_sched), BANK(pt_sched), BANK(ht_sched), BANK(fr_sched) },
	[SL_KIDS] = { BANK(es_kids), BANK(en_kids), BANK(pt_kids), BANK(ht_kids), BANK(fr_kids) },
	[SL_ASYLUM] = { BANK(es_asylum), BANK(en_asylum), BANK(pt_asylum), BANK(ht_asylum), BANK(fr_asylum) },
	[SL_EVADE] = { BANK(es_evade), BANK(en_evade), BANK(pt_evade), BANK(ht_evade), BANK(fr_evade) },
	[SL_AGENCY] = { BANK(es_agency), BANK(en_agency), BANK(pt_agency), { 0, 0 }, BANK(fr_agency) },
	[SL_DOCS] = { BANK(es_docs), BANK(en_docs), BANK(pt_docs), BANK(ht_docs), BANK(fr_docs) },
	[SL_APPT] = { BANK(es_appt), BANK(en_appt), { 0, 0 }, BANK(ht_appt), { 0, 0 } },
	[SL_JOB] = { BANK(es_job), BANK(en_job), BANK(pt_job), { 0, 0 }, BANK(fr_job) },
	[SL_DRIVER] = { BANK(es_driver), BANK(en_driver), { 0, 0 }, { 0, 0 }, { 0, 0 } },
	[SL_CONTACT] = { BANK(es_contact), BANK(en_contact), BANK(pt_contact), BANK(ht_contact), BANK(fr_contact) },
	[SL_NEWS] = { BANK(es_news), BANK(en_news), BANK(pt_news), BANK(ht_news), BANK(fr_news) },
	[SL_NGO] = { BANK(es_ngo), BANK(en_ngo), BANK(pt_ngo), BANK(ht_ngo), BANK(fr_ngo) },
	[SL_GOV] = { BANK(es_gov), BANK(en_gov), { 0, 0 }, { 0, 0 }, BANK(fr_gov) },
	[SL_LEGAL] = { BANK(es_legal), BANK(en_legal), BANK(pt_legal), BANK(ht_legal), BANK(fr_legal) },
	[SL_TRAVEL] = { BANK(es_travel), BANK(en_travel), BANK(pt_travel), { 0, 0 }, BANK(fr_travel) },
	[SL_BUS] = { BANK(es_bus), BANK(en_bus), BANK(pt_bus), { 0, 0 }, BANK(fr_bus) },
	[SL_RECRUIT] = { BANK(es_recruit), BANK(en_recruit), { 0, 0 }, { 0, 0 }, { 0, 0 } },
	[SL_REMIT] = { BANK(es_remit), BANK(en_remit), BANK(pt_remit), BANK(ht_remit), { 0, 0 } },
	[SL_MARKET] = { BANK(es_market), BANK(en_market), BANK(pt_market), { 0, 0 }, { 0, 0 } },
	[SL_FAMILY] = { BANK(es_family), BANK(en_family), BANK(pt_family), BANK(ht_family), BANK(fr_family) },
	[SL_REQUEST] = { BANK(es_request), BANK(en_request), BANK(pt_request), BANK(ht_request), BANK(fr_request) },
	[SL_CHAT] = { BANK(es_chat), BANK(en_chat), BANK(pt_chat), BANK(ht_chat), BANK(fr_chat) },
	[SL_TAIL] = { BANK(es_tail), BANK(en_tail), BANK(pt_tail), BANK(ht_tail), BANK(fr_tail) },
};

static const char *const slot_tactics[SL_COUNT] = {
	[SL_OFFER] = "crossing_offer",
	[SL_ROUTE] = "route",
	[SL_PRICE] = "price",
	[SL_GUAR] = "guarantee",
	[SL_PAYARR] = "pay_on_arrival",
	[SL_DEPOSIT] = "scam_signs",
	[SL_SCHED] = "schedule",
	[SL_KIDS] = "children",
	[SL_ASYLUM] = "asylum_coaching",
	[SL_EVADE] = "evasion",
	[SL_AGENCY] = "agency_front",
	[SL_DOCS] = "document_fraud",
	[SL_APPT] = "appointment_selling",
	[SL_JOB] = "job_lure",
	[SL_DRIVER] = "evasion",
	[SL_CONTACT] = "contact",
};

static const char *const lang_codes[LANG_COUNT] = { "es", "en", "pt", "ht", "fr" };

const struct phrase_bank *phrase_bank_get(enum synth_slot s, enum synth_lang l)
{
	return &banks[s][l];
}

const char *phrase_slot_tactic(enum synth_slot s)
{
	return slot_tactics[s];
}

const char *phrase_lang_code(enum synth_lang l)
{
	return lang_codes[l];
}
