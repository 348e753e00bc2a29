/*
 * lang: word-vote language identification (see lang.h).
 *
 * The table lists frequent function words and a few domain words (up to 8
 * letters) in their normalised spelling, each packed into a 64-bit key; a word shared by several languages ("que", "de", "la")
 * votes once for each, a word of one language votes twice. The text is
 * scanned once; words are looked up by binary search over the integer keys
 * (about 9 comparisons), so a 200-byte post costs well under a microsecond.
 * Fewer than two points in total means "other".
 */
#include <stdint.h>
#include <string.h>

#include "core/ascii.h"
#include "detect/lang.h"
#include "core/banned.h"

enum { L_ES = 1 << LANG_ES, L_EN = 1 << LANG_EN, L_PT = 1 << LANG_PT,
       L_HT = 1 << LANG_HT, L_FR = 1 << LANG_FR };

struct lang_word {
	uint64_t key;	/* the word's bytes, big-endian, zero-padded to 8 */
	unsigned mask;	/* L_* bits of the languages that use the word */
};

/* Sorted by key, which is strcmp order of the words (lang_table_ok checks
 * it). Words longer than 8 bytes are not in the table. */
static const struct lang_word words[] = {
	{ 0x6100000000000000ull, L_ES | L_PT | L_HT | L_FR },	/* a */
	{ 0x61626f7574000000ull, L_EN },	/* about */
	{ 0x6166746572000000ull, L_EN },	/* after */
	{ 0x61676f7261000000ull, L_PT },	/* agora */
	{ 0x61686f7261000000ull, L_ES },	/* ahora */
	{ 0x616b000000000000ull, L_HT },	/* ak */
	{ 0x616c000000000000ull, L_ES },	/* al */
	{ 0x616c650000000000ull, L_HT },	/* ale */
	{ 0x616c676f00000000ull, L_ES },	/* algo */
	{ 0x616c6775656d0000ull, L_PT },	/* alguem */
	{ 0x616c677569656e00ull, L_ES },	/* alguien */
	{ 0x616c6c0000000000ull, L_EN },	/* all */
	{ 0x616c6c6100000000ull, L_ES },	/* alla */
	{ 0x616c736f00000000ull, L_EN },	/* also */
	{ 0x616d616e68610000ull, L_PT },	/* amanha */
	{ 0x616e000000000000ull, L_EN },	/* an */
	{ 0x616e640000000000ull, L_EN },	/* and */
	{ 0x616e70696c000000ull, L_HT },	/* anpil */
	{ 0x616e746573000000ull, L_ES },	/* antes */
	{ 0x616e76616e000000ull, L_HT },	/* anvan */
	{ 0x616e790000000000ull, L_EN },	/* any */
	{ 0x616e796f6e650000ull, L_EN },	/* anyone */
	{ 0x6170000000000000ull, L_HT },	/* ap */
	{ 0x6170726500000000ull, L_HT },	/* apre */
	{ 0x6170726573000000ull, L_FR },	/* apres */
	{ 0x6171756900000000ull, L_ES | L_PT },	/* aqui */
	{ 0x6172650000000000ull, L_EN },	/* are */
	{ 0x6172726573746564ull, L_EN },	/* arrested */
	{ 0x6172726574657300ull, L_FR },	/* arretes */
	{ 0x6172726976650000ull, L_EN },	/* arrive */
	{ 0x6172726976656500ull, L_FR },	/* arrivee */
	{ 0x6173000000000000ull, L_EN | L_PT },	/* as */
	{ 0x6174000000000000ull, L_EN },	/* at */
	{ 0x6174650000000000ull, L_PT },	/* ate */
	{ 0x6175000000000000ull, L_FR },	/* au */
	{ 0x61756a6f75726400ull, L_FR },	/* aujourd */
	{ 0x6175737369000000ull, L_FR },	/* aussi */
	{ 0x6175780000000000ull, L_FR },	/* aux */
	{ 0x6176616e74000000ull, L_FR },	/* avant */
	{ 0x6176656300000000ull, L_FR },	/* avec */
	{ 0x61766f6972000000ull, L_FR },	/* avoir */
	{ 0x6179756461000000ull, L_ES },	/* ayuda */
	{ 0x6261746561750000ull, L_FR },	/* bateau */
	{ 0x6261790000000000ull, L_HT },	/* bay */
	{ 0x6265000000000000ull, L_EN },	/* be */
	{ 0x6265656e00000000ull, L_EN },	/* been */
	{ 0x6265666f72650000ull, L_EN },	/* before */
	{ 0x6269656e00000000ull, L_ES },	/* bien */
	{ 0x626f000000000000ull, L_HT },	/* bo */
	{ 0x626f6d0000000000ull, L_PT },	/* bom */
	{ 0x626f6e6479650000ull, L_HT },	/* bondye */
	{ 0x626f6e6a6f757200ull, L_FR },	/* bonjour */
	{ 0x626f726465720000ull, L_EN },	/* border */
	{ 0x6275656e6f730000ull, L_ES },	/* buenos */
	{ 0x6279000000000000ull, L_EN },	/* by */
	{ 0x6361646100000000ull, L_ES },	/* cada */
	{ 0x63616c6c00000000ull, L_EN },	/* call */
	{ 0x63616e0000000000ull, L_EN },	/* can */
	{ 0x6365000000000000ull, L_FR },	/* ce */
	{ 0x6365730000000000ull, L_FR },	/* ces */
	{ 0x6365747465000000ull, L_FR },	/* cette */
	{ 0x6368656761646100ull, L_PT },	/* chegada */
	{ 0x6368656761720000ull, L_PT },	/* chegar */
	{ 0x6368657a00000000ull, L_FR },	/* chez */
	{ 0x636f6272616e0000ull, L_ES },	/* cobran */
	{ 0x636f6d0000000000ull, L_PT },	/* com */
	{ 0x636f6d6f00000000ull, L_ES | L_PT },	/* como */
	{ 0x636f6e0000000000ull, L_ES },	/* con */
	{ 0x636f796f74650000ull, L_ES },	/* coyote */
	{ 0x637269616e636173ull, L_PT },	/* criancas */
	{ 0x63726f7373000000ull, L_EN },	/* cross */
	{ 0x6372757a616d6f73ull, L_ES },	/* cruzamos */
	{ 0x6375616e646f0000ull, L_ES },	/* cuando */
	{ 0x6375616e746f0000ull, L_ES },	/* cuanto */
	{ 0x6375737461000000ull, L_PT },	/* custa */
	{ 0x6461000000000000ull, L_PT },	/* da */
	{ 0x64616e7300000000ull, L_FR },	/* dans */
	{ 0x6461730000000000ull, L_PT },	/* das */
	{ 0x6465000000000000ull, L_ES | L_FR },	/* de */
	{ 0x64656c0000000000ull, L_ES },	/* del */
	{ 0x64656d61696e0000ull, L_FR },	/* demain */
	{ 0x64656d656e000000ull, L_HT },	/* demen */
	{ 0x6465706172740000ull, L_FR },	/* depart */
	{ 0x6465730000000000ull, L_FR },	/* des */
	{ 0x6465736465000000ull, L_ES },	/* desde */
	{ 0x6465737075657300ull, L_ES },	/* despues */
	{ 0x6469000000000000ull, L_HT },	/* di */
	{ 0x6469610000000000ull, L_PT },	/* dia */
	{ 0x6469617300000000ull, L_ES },	/* dias */
	{ 0x64696e65726f0000ull, L_ES },	/* dinero */
	{ 0x646c6f0000000000ull, L_HT },	/* dlo */
	{ 0x646f000000000000ull, L_EN | L_PT },	/* do */
	{ 0x646f657300000000ull, L_EN },	/* does */
	{ 0x646f6e6465000000ull, L_ES },	/* donde */
	{ 0x646f6e7400000000ull, L_EN },	/* dont */
	{ 0x646f730000000000ull, L_PT },	/* dos */
	{ 0x6475000000000000ull, L_FR },	/* du */
	{ 0x6500000000000000ull, L_PT },	/* e */
	{ 0x6564650000000000ull, L_HT },	/* ede */
	{ 0x656b726900000000ull, L_HT },	/* ekri */
	{ 0x656c000000000000ull, L_ES },	/* el */
	{ 0x656c610000000000ull, L_PT },	/* ela */
	{ 0x656c650000000000ull, L_PT },	/* ele */
	{ 0x656c657300000000ull, L_PT },	/* eles */
	{ 0x656c6c6100000000ull, L_ES },	/* ella */
	{ 0x656c6c6500000000ull, L_FR },	/* elle */
	{ 0x656c6c6f73000000ull, L_ES },	/* ellos */
	{ 0x656d000000000000ull, L_PT },	/* em */
	{ 0x656e000000000000ull, L_ES },	/* en */
	{ 0x656e66616e747300ull, L_FR },	/* enfants */
	{ 0x656e747265000000ull, L_ES },	/* entre */
	{ 0x6573000000000000ull, L_ES },	/* es */
	{ 0x6573617300000000ull, L_ES },	/* esas */
	{ 0x6573637269626500ull, L_ES },	/* escribe */
	{ 0x65736b6500000000ull, L_HT },	/* eske */
	{ 0x65736f0000000000ull, L_ES },	/* eso */
	{ 0x6573736100000000ull, L_PT },	/* essa */
	{ 0x6573736500000000ull, L_PT },	/* esse */
	{ 0x6573740000000000ull, L_FR },	/* est */
	{ 0x6573746100000000ull, L_ES | L_PT },	/* esta */
	{ 0x657374616d6f7300ull, L_PT },	/* estamos */
	{ 0x657374616e000000ull, L_ES },	/* estan */
	{ 0x6573746500000000ull, L_ES | L_PT },	/* este */
	{ 0x6573746f73000000ull, L_ES },	/* estos */
	{ 0x6574000000000000ull, L_FR },	/* et */
	{ 0x6574726500000000ull, L_FR },	/* etre */
	{ 0x6575000000000000ull, L_PT },	/* eu */
	{ 0x6661697265000000ull, L_FR },	/* faire */
	{ 0x6661697465730000ull, L_FR },	/* faites */
	{ 0x66616d696c696100ull, L_ES | L_PT },	/* familia */
	{ 0x66616d696c6c6500ull, L_FR },	/* famille */
	{ 0x66616d696c790000ull, L_EN },	/* family */
	{ 0x66616e6d69000000ull, L_HT },	/* fanmi */
	{ 0x66617a6572000000ull, L_PT },	/* fazer */
	{ 0x6665000000000000ull, L_HT },	/* fe */
	{ 0x666f690000000000ull, L_PT },	/* foi */
	{ 0x666f720000000000ull, L_EN },	/* for */
	{ 0x6672656500000000ull, L_EN },	/* free */
	{ 0x66726f6d00000000ull, L_EN },	/* from */
	{ 0x66726f6e74657261ull, L_ES },	/* frontera */
	{ 0x6675650000000000ull, L_ES },	/* fue */
	{ 0x667565726f6e0000ull, L_ES },	/* fueron */
	{ 0x66776f6e74796500ull, L_HT },	/* fwontye */
	{ 0x67656e0000000000ull, L_HT },	/* gen */
	{ 0x67656e7465000000ull, L_ES },	/* gente */
	{ 0x67656e79656e0000ull, L_HT },	/* genyen */
	{ 0x6765740000000000ull, L_EN },	/* get */
	{ 0x6772616369617300ull, L_ES },	/* gracias */
	{ 0x6861636500000000ull, L_ES },	/* hace */
	{ 0x6861636572000000ull, L_ES },	/* hacer */
	{ 0x6861730000000000ull, L_EN },	/* has */
	{ 0x6861737461000000ull, L_ES },	/* hasta */
	{ 0x6861766500000000ull, L_EN },	/* have */
	{ 0x6861790000000000ull, L_ES },	/* hay */
	{ 0x6865000000000000ull, L_EN },	/* he */
	{ 0x68656c7000000000ull, L_EN },	/* help */
	{ 0x6865720000000000ull, L_EN },	/* her */
	{ 0x6869730000000000ull, L_EN },	/* his */
	{ 0x686f6a6500000000ull, L_PT },	/* hoje */
	{ 0x686f6c6100000000ull, L_ES },	/* hola */
	{ 0x686f770000000000ull, L_EN },	/* how */
	{ 0x686f790000000000ull, L_ES },	/* hoy */
	{ 0x6875690000000000ull, L_FR },	/* hui */
	{ 0x6900000000000000ull, L_EN },	/* i */
	{ 0x6966000000000000ull, L_EN },	/* if */
	{ 0x696c000000000000ull, L_FR },	/* il */
	{ 0x696e000000000000ull, L_EN },	/* in */
	{ 0x6973000000000000ull, L_EN },	/* is */
	{ 0x6973736f00000000ull, L_PT },	/* isso */
	{ 0x6974000000000000ull, L_EN },	/* it */
	{ 0x6a61000000000000ull, L_PT },	/* ja */
	{ 0x6a616e0000000000ull, L_HT },	/* jan */
	{ 0x6a65000000000000ull, L_FR },	/* je */
	{ 0x6a6f646900000000ull, L_HT },	/* jodi */
	{ 0x6a75737400000000ull, L_EN },	/* just */
	{ 0x6b61000000000000ull, L_HT },	/* ka */
	{ 0x6b69000000000000ull, L_HT },	/* ki */
	{ 0x6b696a616e000000ull, L_HT },	/* kijan */
	{ 0x6b6e6f7700000000ull, L_EN },	/* know */
	{ 0x6b6f6e6279656e00ull, L_HT },	/* konbyen */
	{ 0x6b6f6e6679616e73ull, L_HT },	/* konfyans */
	{ 0x6b6f6e6e656e0000ull, L_HT },	/* konnen */
	{ 0x6b6f746500000000ull, L_HT },	/* kote */
	{ 0x6b6f756e79650000ull, L_HT },	/* kounye */
	{ 0x6c61000000000000ull, L_ES | L_FR },	/* la */
	{ 0x6c616a616e000000ull, L_HT },	/* lajan */
	{ 0x6c616b6179000000ull, L_HT },	/* lakay */
	{ 0x6c61730000000000ull, L_ES },	/* las */
	{ 0x6c61777965720000ull, L_EN },	/* lawyer */
	{ 0x6c65000000000000ull, L_ES | L_FR },	/* le */
	{ 0x6c656176696e6700ull, L_EN },	/* leaving */
	{ 0x6c65730000000000ull, L_ES | L_FR },	/* les */
	{ 0x6c65757200000000ull, L_FR },	/* leur */
	{ 0x6c6576616d6f7300ull, L_PT },	/* levamos */
	{ 0x6c69000000000000ull, L_HT },	/* li */
	{ 0x6c6c616d61720000ull, L_ES },	/* llamar */
	{ 0x6c6c656761720000ull, L_ES },	/* llegar */
	{ 0x6c6c6576616d6f73ull, L_ES },	/* llevamos */
	{ 0x6c6f000000000000ull, L_ES },	/* lo */
	{ 0x6c6f730000000000ull, L_ES },	/* los */
	{ 0x6c6f740000000000ull, L_HT },	/* lot */
	{ 0x6d61697300000000ull, L_PT | L_FR },	/* mais */
	{ 0x6d616e616e610000ull, L_ES },	/* manana */
	{ 0x6d61730000000000ull, L_ES },	/* mas */
	{ 0x6d65000000000000ull, L_EN },	/* me */
	{ 0x6d656e0000000000ull, L_HT },	/* men */
	{ 0x6d656e6e656e0000ull, L_HT },	/* mennen */
	{ 0x6d65726369000000ull, L_FR },	/* merci */
	{ 0x6d65736900000000ull, L_HT },	/* mesi */
	{ 0x6d65737361676500ull, L_EN },	/* message */
	{ 0x6d65750000000000ull, L_PT },	/* meu */
	{ 0x6d69000000000000ull, L_ES },	/* mi */
	{ 0x6d696772616e7473ull, L_FR },	/* migrants */
	{ 0x6d696e6861000000ull, L_PT },	/* minha */
	{ 0x6d69730000000000ull, L_ES },	/* mis */
	{ 0x6d6f726500000000ull, L_EN },	/* more */
	{ 0x6d6f756e00000000ull, L_HT },	/* moun */
	{ 0x6d7563686f000000ull, L_ES },	/* mucho */
	{ 0x6d7563686f730000ull, L_ES },	/* muchos */
	{ 0x6d7569746f000000ull, L_PT },	/* muito */
	{ 0x6d75790000000000ull, L_ES },	/* muy */
	{ 0x6d77656e00000000ull, L_HT },	/* mwen */
	{ 0x6d79000000000000ull, L_EN },	/* my */
	{ 0x6e61000000000000ull, L_PT },	/* na */
	{ 0x6e61646100000000ull, L_ES },	/* nada */
	{ 0x6e616e0000000000ull, L_HT },	/* nan */
	{ 0x6e616f0000000000ull, L_PT },	/* nao */
	{ 0x6e61730000000000ull, L_PT },	/* nas */
	{ 0x6e65000000000000ull, L_FR },	/* ne */
	{ 0x6e6563657369746full, L_ES },	/* necesito */
	{ 0x6e696e6f73000000ull, L_ES },	/* ninos */
	{ 0x6e6f000000000000ull, L_ES | L_EN | L_PT },	/* no */
	{ 0x6e6f730000000000ull, L_PT },	/* nos */
	{ 0x6e6f736f74726f73ull, L_ES },	/* nosotros */
	{ 0x6e6f737361000000ull, L_PT },	/* nossa */
	{ 0x6e6f73736f000000ull, L_PT },	/* nosso */
	{ 0x6e6f740000000000ull, L_EN },	/* not */
	{ 0x6e6f747265000000ull, L_FR },	/* notre */
	{ 0x6e6f750000000000ull, L_HT },	/* nou */
	{ 0x6e6f757300000000ull, L_FR },	/* nous */
	{ 0x6e75657374726100ull, L_ES },	/* nuestra */
	{ 0x6e75657374726f00ull, L_ES },	/* nuestro */
	{ 0x6f00000000000000ull, L_ES | L_PT },	/* o */
	{ 0x6f6272696761646full, L_PT },	/* obrigado */
	{ 0x6f66000000000000ull, L_EN },	/* of */
	{ 0x6f6c610000000000ull, L_PT },	/* ola */
	{ 0x6f6e000000000000ull, L_EN },	/* on */
	{ 0x6f6e646500000000ull, L_PT },	/* onde */
	{ 0x6f6e6c7900000000ull, L_EN },	/* only */
	{ 0x6f72000000000000ull, L_EN },	/* or */
	{ 0x6f73000000000000ull, L_PT },	/* os */
	{ 0x6f74726100000000ull, L_ES },	/* otra */
	{ 0x6f74726f00000000ull, L_ES },	/* otro */
	{ 0x6f75000000000000ull, L_HT | L_FR },	/* ou */
	{ 0x6f75720000000000ull, L_EN },	/* our */
	{ 0x6f75740000000000ull, L_EN },	/* out */
	{ 0x7061000000000000ull, L_HT },	/* pa */
	{ 0x7061676173000000ull, L_ES },	/* pagas */
	{ 0x7061676f00000000ull, L_ES },	/* pago */
	{ 0x706169656d656e74ull, L_FR },	/* paiement */
	{ 0x7061707965000000ull, L_HT },	/* papye */
	{ 0x7061726100000000ull, L_ES | L_PT },	/* para */
	{ 0x7061730000000000ull, L_FR },	/* pas */
	{ 0x706173616d6f7300ull, L_ES },	/* pasamos */
	{ 0x7061736500000000ull, L_HT },	/* pase */
	{ 0x7061736b65000000ull, L_HT },	/* paske */
	{ 0x7061737361676500ull, L_FR },	/* passage */
	{ 0x7061737365757273ull, L_FR },	/* passeurs */
	{ 0x706173736f6e7300ull, L_FR },	/* passons */
	{ 0x7061790000000000ull, L_EN },	/* pay */
	{ 0x706179657a000000ull, L_FR },	/* payez */
	{ 0x70656f706c650000ull, L_EN },	/* people */
	{ 0x7065726f00000000ull, L_ES },	/* pero */
	{ 0x706572736f6e6173ull, L_ES },	/* personas */
	{ 0x7065796500000000ull, L_HT },	/* peye */
	{ 0x7065796900000000ull, L_HT },	/* peyi */
	{ 0x706c656173650000ull, L_EN },	/* please */
	{ 0x706c757300000000ull, L_FR },	/* plus */
	{ 0x706f6c6963650000ull, L_EN | L_FR },	/* police */
	{ 0x706f6c6c65726f00ull, L_ES },	/* pollero */
	{ 0x706f720000000000ull, L_ES | L_PT },	/* por */
	{ 0x706f727175650000ull, L_ES },	/* porque */
	{ 0x706f750000000000ull, L_HT },	/* pou */
	{ 0x706f757200000000ull, L_FR },	/* pour */
	{ 0x7072610000000000ull, L_PT },	/* pra */
	{ 0x7072616c00000000ull, L_HT },	/* pral */
	{ 0x7072616e00000000ull, L_HT },	/* pran */
	{ 0x70726563696f0000ull, L_ES },	/* precio */
	{ 0x707265636f000000ull, L_PT },	/* preco */
	{ 0x7072696365000000ull, L_EN },	/* price */
	{ 0x7072697800000000ull, L_FR },	/* prix */
	{ 0x70726f0000000000ull, L_PT },	/* pro */
	{ 0x7075656465000000ull, L_ES },	/* puede */
	{ 0x70756564656e0000ull, L_ES },	/* pueden */
	{ 0x707565646f000000ull, L_ES },	/* puedo */
	{ 0x7075657300000000ull, L_ES },	/* pues */
	{ 0x70776f6368656e00ull, L_HT },	/* pwochen */
	{ 0x7175616e646f0000ull, L_PT },	/* quando */
	{ 0x7175616e746f0000ull, L_PT },	/* quanto */
	{ 0x7175650000000000ull, L_ES | L_PT },	/* que */
	{ 0x7175690000000000ull, L_FR },	/* qui */
	{ 0x717569656e000000ull, L_ES },	/* quien */
	{ 0x71756965726f0000ull, L_ES },	/* quiero */
	{ 0x72656c6500000000ull, L_HT },	/* rele */
	{ 0x7265706f72740000ull, L_EN },	/* report */
	{ 0x7269766500000000ull, L_HT },	/* rive */
	{ 0x7361000000000000ull, L_HT | L_FR },	/* sa */
	{ 0x7361626500000000ull, L_ES | L_PT },	/* sabe */
	{ 0x7361666500000000ull, L_EN },	/* safe */
	{ 0x7361696400000000ull, L_EN },	/* said */
	{ 0x7361696461000000ull, L_PT },	/* saida */
	{ 0x73616c6964610000ull, L_ES },	/* salida */
	{ 0x73616f0000000000ull, L_PT },	/* sao */
	{ 0x7365000000000000ull, L_ES | L_HT },	/* se */
	{ 0x736567756e000000ull, L_ES },	/* segun */
	{ 0x73656775726f0000ull, L_ES | L_PT },	/* seguro */
	{ 0x73656c6f6e000000ull, L_FR },	/* selon */
	{ 0x73656d61696e6500ull, L_FR },	/* semaine */
	{ 0x73656d616e610000ull, L_ES | L_PT },	/* semana */
	{ 0x7365720000000000ull, L_ES | L_PT },	/* ser */
	{ 0x7365730000000000ull, L_FR },	/* ses */
	{ 0x7365750000000000ull, L_PT },	/* seu */
	{ 0x7365757300000000ull, L_PT },	/* seus */
	{ 0x7368650000000000ull, L_EN },	/* she */
	{ 0x73686f756c640000ull, L_EN },	/* should */
	{ 0x7369000000000000ull, L_ES },	/* si */
	{ 0x73696e0000000000ull, L_ES },	/* sin */
	{ 0x736f000000000000ull, L_EN | L_PT },	/* so */
	{ 0x736f627265000000ull, L_ES },	/* sobre */
	{ 0x736f6d6f73000000ull, L_ES },	/* somos */
	{ 0x736f6e0000000000ull, L_ES | L_FR },	/* son */
	{ 0x736f6e7400000000ull, L_FR },	/* sont */
	{ 0x736f750000000000ull, L_HT },	/* sou */
	{ 0x7375000000000000ull, L_ES },	/* su */
	{ 0x7375610000000000ull, L_PT },	/* sua */
	{ 0x7375617300000000ull, L_PT },	/* suas */
	{ 0x7375720000000000ull, L_FR },	/* sur */
	{ 0x7375730000000000ull, L_ES },	/* sus */
	{ 0x74616b6500000000ull, L_EN },	/* take */
	{ 0x74616d62656d0000ull, L_PT },	/* tambem */
	{ 0x74616d6269656e00ull, L_ES },	/* tambien */
	{ 0x74616e6b6f750000ull, L_HT },	/* tankou */
	{ 0x7465000000000000ull, L_HT },	/* te */
	{ 0x74656d0000000000ull, L_PT },	/* tem */
	{ 0x74656d6f73000000ull, L_PT },	/* temos */
	{ 0x74656e656d6f7300ull, L_ES },	/* tenemos */
	{ 0x7468616e6b730000ull, L_EN },	/* thanks */
	{ 0x7468617400000000ull, L_EN },	/* that */
	{ 0x7468650000000000ull, L_EN },	/* the */
	{ 0x7468656972000000ull, L_EN },	/* their */
	{ 0x7468656d00000000ull, L_EN },	/* them */
	{ 0x7468657265000000ull, L_EN },	/* there */
	{ 0x7468657900000000ull, L_EN },	/* they */
	{ 0x7468697300000000ull, L_EN },	/* this */
	{ 0x7469656d706f0000ull, L_ES },	/* tiempo */
	{ 0x7469656e65000000ull, L_ES },	/* tiene */
	{ 0x7469656e656e0000ull, L_ES },	/* tienen */
	{ 0x74696d6f756e0000ull, L_HT },	/* timoun */
	{ 0x746f000000000000ull, L_EN },	/* to */
	{ 0x746f646f00000000ull, L_ES },	/* todo */
	{ 0x746f646f73000000ull, L_ES },	/* todos */
	{ 0x746f757300000000ull, L_FR },	/* tous */
	{ 0x746f757400000000ull, L_HT | L_FR },	/* tout */
	{ 0x7472617661790000ull, L_HT },	/* travay */
	{ 0x7472657300000000ull, L_FR },	/* tres */
	{ 0x7472697000000000ull, L_EN },	/* trip */
	{ 0x7475000000000000ull, L_ES },	/* tu */
	{ 0x756d000000000000ull, L_PT },	/* um */
	{ 0x756d610000000000ull, L_PT },	/* uma */
	{ 0x756e000000000000ull, L_ES | L_FR },	/* un */
	{ 0x756e610000000000ull, L_ES },	/* una */
	{ 0x756e650000000000ull, L_FR },	/* une */
	{ 0x7570000000000000ull, L_EN },	/* up */
	{ 0x7573000000000000ull, L_EN },	/* us */
	{ 0x7573746564000000ull, L_ES },	/* usted */
	{ 0x7573746564657300ull, L_ES },	/* ustedes */
	{ 0x76616d6f73000000ull, L_ES | L_PT },	/* vamos */
	{ 0x76696167656d0000ull, L_PT },	/* viagem */
	{ 0x7669616a65000000ull, L_ES },	/* viaje */
	{ 0x76697a6100000000ull, L_HT },	/* viza */
	{ 0x766c650000000000ull, L_HT },	/* vle */
	{ 0x766f636500000000ull, L_PT },	/* voce */
	{ 0x766f636573000000ull, L_PT },	/* voces */
	{ 0x766f747265000000ull, L_FR },	/* votre */
	{ 0x766f757300000000ull, L_FR },	/* vous */
	{ 0x76776179616a0000ull, L_HT },	/* vwayaj */
	{ 0x7761726e696e6700ull, L_EN },	/* warning */
	{ 0x7761730000000000ull, L_EN },	/* was */
	{ 0x7765000000000000ull, L_EN },	/* we */
	{ 0x7765726500000000ull, L_EN },	/* were */
	{ 0x7768617400000000ull, L_EN },	/* what */
	{ 0x7768656e00000000ull, L_EN },	/* when */
	{ 0x77686f0000000000ull, L_EN },	/* who */
	{ 0x77696c6c00000000ull, L_EN },	/* will */
	{ 0x7769746800000000ull, L_EN },	/* with */
	{ 0x776f756c64000000ull, L_EN },	/* would */
	{ 0x7900000000000000ull, L_ES },	/* y */
	{ 0x7961000000000000ull, L_ES },	/* ya */
	{ 0x7965730000000000ull, L_EN },	/* yes */
	{ 0x796f000000000000ull, L_ES | L_HT },	/* yo */
	{ 0x796f6e0000000000ull, L_HT },	/* yon */
	{ 0x796f750000000000ull, L_EN },	/* you */
	{ 0x796f757200000000ull, L_EN },	/* your */
};

#define N_WORDS (sizeof(words) / sizeof(words[0]))
#define MAX_WORD 8	/* longer tokens are not in the table */

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
		if (words[i - 1].key >= words[i].key)
			return 0;
	return 1;
}

/* A word as its table key: its bytes big-endian from the top, zero-padded
 * (lang_detect builds it while it scans the word). */
static unsigned lookup(uint64_t key)
{
	/* Lower bound without a branch on the key (a mispredicted branch per
	 * probe is most of the cost): the table is sorted, keys unique. */
	size_t lo = 0, n = N_WORDS;

	/* n runs through constants (N_WORDS, then halves): unrolled, each
	 * step is a load, a compare and a conditional move */
#pragma GCC unroll 16
	while (n > 1) {
		size_t half = n / 2;

		lo = words[lo + half - 1].key < key ? lo + half : lo;
		n -= half;
	}
	return words[lo].key == key ? words[lo].mask : 0;
}

static int ends2(const char *w, size_t n, char a, char b)
{
	return n > 2 && w[n - 2] == a && w[n - 1] == b;
}

static int ends3(const char *w, size_t n, char a, char b, char c)
{
	return n > 3 && w[n - 3] == a && w[n - 2] == b && w[n - 1] == c;
}

/* Spelling cues that survive accent stripping. */
static void spelling_votes(const char *w, size_t n, int *score)
{
	int nh = 0, th = 0, kw = 0, ll = 0;

	/* The pairs end in h, w or l: test the first byte only then. */
	for (size_t i = 1; i < n; i++) {
		char a = w[i - 1], b = w[i];

		if (b == 'h') {
			nh |= a == 'n' || a == 'l';
			th |= a == 't';
		} else if (b == 'w') {
			kw |= a == 'k';
		} else if (b == 'l') {
			ll |= a == 'l';
		}
	}
	if (ends3(w, n, 'c', 'a', 'o') || ends3(w, n, 'o', 'e', 's'))
		score[LANG_PT] += 2;
	score[LANG_PT] += nh;
	if (ends3(w, n, 'e', 'a', 'u') || ends3(w, n, 'a', 'u', 'x'))
		score[LANG_FR] += 2;
	score[LANG_EN] += th || ends3(w, n, 'i', 'n', 'g');
	score[LANG_HT] += kw || ends2(w, n, 'a', 'y') || ends3(w, n, 'y', 'o', 'n');
	score[LANG_ES] += ll || ends3(w, n, 'i', 'o', 'n');
}

enum lang lang_detect(const char *s, size_t len)
{
	int score[LANG__N] = { 0 };
	size_t i = 0;
	int best = LANG_OTHER, total = 0;

	while (i < len) {
		uint64_t key;
		size_t j;

		while (i < len && !ascii_is_lower((unsigned char)s[i]))
			i++;
		j = i;
		key = 0;	/* pack(s + i, j - i), built while scanning */
		while (j < len && ascii_is_lower((unsigned char)s[j])) {
			if (j - i < 8)
				key = key << 8 | (unsigned char)s[j];
			j++;
		}
		if (j > i && j - i <= MAX_WORD) {
			unsigned m = lookup(key << 8 * (8 - (j - i)));
			int w = (m & (m - 1)) ? 1 : 2;

			for (; m; m &= m - 1)	/* each language bit set */
				score[__builtin_ctz(m)] += w;
		}
		if (j - i >= 3)
			spelling_votes(s + i, j - i, score);
		i = j;
	}
	for (int l = 0; l < LANG_OTHER; l++) {
		total += score[l];
		if (score[l] > (best == LANG_OTHER ? 0 : score[best]))
			best = l;
	}
	return total < 2 ? LANG_OTHER : (enum lang)best;
}
