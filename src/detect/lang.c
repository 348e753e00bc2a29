/*
 * lang: word-vote language identification (see lang.h).
 *
 * The table lists frequent function words and a few domain words (up to 8
 * letters) in their normalised spelling, each packed into a 64-bit key; a word shared by several languages ("que", "de", "la")
 * votes once for each, a word of one language votes twice. The text is
 * scanned once; words are looked up in a hash table of the integer keys
 * (three slots read side by side, no chain of dependent loads as in a
 * binary search), so a 200-byte post costs well under a microsecond.
 * Fewer than two points in total means "other".
 */
#include <stdint.h>
#include <string.h>

#include "core/ascii.h"
#include "core/swar.h"
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

/* The words' keys in LANG_SLOTS hash slots: a key lies in one of the
 * LANG_WIN slots from its home slot (key * LANG_MULT) >> (64 - LANG_SLOT_BITS),
 * the arrays padded so that the window never wraps; empty slots hold key 0,
 * which no word has. words[] stays the list to edit: after changing it, run
 * tools/lang_slots.py and paste its output here; lang_table_ok checks that
 * the slots hold exactly the words of words[] with their masks. */
#define LANG_SLOT_BITS 10
#define LANG_SLOTS (1u << LANG_SLOT_BITS)
#define LANG_WIN 3
/* generated by tools/lang_slots.py from words[]: 403 words */
#define LANG_MULT 0x12d1817d33bfbf1bull
static const uint64_t slot_key[LANG_SLOTS + LANG_WIN - 1] = {
	[7] = 0x74656e656d6f7300ull,	/* tenemos */
	[8] = 0x666f720000000000ull,	/* for */
	[10] = 0x6861790000000000ull,	/* hay */
	[12] = 0x6e61000000000000ull,	/* na */
	[13] = 0x6e6563657369746full,	/* necesito */
	[15] = 0x6d69730000000000ull,	/* mis */
	[16] = 0x796f6e0000000000ull,	/* yon */
	[19] = 0x6275656e6f730000ull,	/* buenos */
	[21] = 0x656d000000000000ull,	/* em */
	[24] = 0x706c656173650000ull,	/* please */
	[27] = 0x7175616e746f0000ull,	/* quanto */
	[34] = 0x66726f6d00000000ull,	/* from */
	[35] = 0x7065726f00000000ull,	/* pero */
	[44] = 0x6d61730000000000ull,	/* mas */
	[49] = 0x6f75000000000000ull,	/* ou */
	[51] = 0x6574726500000000ull,	/* etre */
	[52] = 0x7075657300000000ull,	/* pues */
	[54] = 0x6573736500000000ull,	/* esse */
	[55] = 0x70756564656e0000ull,	/* pueden */
	[56] = 0x70726f0000000000ull,	/* pro */
	[58] = 0x6e696e6f73000000ull,	/* ninos */
	[61] = 0x66616d696c790000ull,	/* family */
	[62] = 0x65736b6500000000ull,	/* eske */
	[63] = 0x706f720000000000ull,	/* por */
	[64] = 0x6172726573746564ull,	/* arrested */
	[66] = 0x7065796900000000ull,	/* peyi */
	[68] = 0x6573746f73000000ull,	/* estos */
	[70] = 0x626f6e6479650000ull,	/* bondye */
	[71] = 0x6172726574657300ull,	/* arretes */
	[75] = 0x7768656e00000000ull,	/* when */
	[76] = 0x6900000000000000ull,	/* i */
	[77] = 0x70726563696f0000ull,	/* precio */
	[78] = 0x6e75657374726f00ull,	/* nuestro */
	[80] = 0x6173000000000000ull,	/* as */
	[82] = 0x6465730000000000ull,	/* des */
	[95] = 0x656e747265000000ull,	/* entre */
	[96] = 0x6461730000000000ull,	/* das */
	[98] = 0x746f000000000000ull,	/* to */
	[100] = 0x6e6f750000000000ull,	/* nou */
	[101] = 0x7761730000000000ull,	/* was */
	[107] = 0x756e650000000000ull,	/* une */
	[108] = 0x6a75737400000000ull,	/* just */
	[109] = 0x616b000000000000ull,	/* ak */
	[112] = 0x756e610000000000ull,	/* una */
	[116] = 0x616c677569656e00ull,	/* alguien */
	[122] = 0x766f636573000000ull,	/* voces */
	[123] = 0x717569656e000000ull,	/* quien */
	[125] = 0x736567756e000000ull,	/* segun */
	[127] = 0x7375610000000000ull,	/* sua */
	[129] = 0x6f74726f00000000ull,	/* otro */
	[130] = 0x61756a6f75726400ull,	/* aujourd */
	[136] = 0x74616e6b6f750000ull,	/* tankou */
	[137] = 0x6e6f73736f000000ull,	/* nosso */
	[138] = 0x616e76616e000000ull,	/* anvan */
	[141] = 0x6c6f740000000000ull,	/* lot */
	[143] = 0x6f6e646500000000ull,	/* onde */
	[144] = 0x656b726900000000ull,	/* ekri */
	[145] = 0x66616d696c6c6500ull,	/* famille */
	[146] = 0x6465737075657300ull,	/* despues */
	[148] = 0x6765740000000000ull,	/* get */
	[150] = 0x67656e79656e0000ull,	/* genyen */
	[152] = 0x6e61730000000000ull,	/* nas */
	[156] = 0x6e616f0000000000ull,	/* nao */
	[158] = 0x6665000000000000ull,	/* fe */
	[163] = 0x7365750000000000ull,	/* seu */
	[165] = 0x6772616369617300ull,	/* gracias */
	[166] = 0x6d6f726500000000ull,	/* more */
	[172] = 0x6a6f646900000000ull,	/* jodi */
	[175] = 0x656c657300000000ull,	/* eles */
	[176] = 0x7961000000000000ull,	/* ya */
	[177] = 0x63726f7373000000ull,	/* cross */
	[179] = 0x6f6e6c7900000000ull,	/* only */
	[180] = 0x7265706f72740000ull,	/* report */
	[183] = 0x6861766500000000ull,	/* have */
	[184] = 0x746f757400000000ull,	/* tout */
	[185] = 0x76616d6f73000000ull,	/* vamos */
	[186] = 0x616c6775656d0000ull,	/* alguem */
	[190] = 0x64656d61696e0000ull,	/* demain */
	[192] = 0x766f757300000000ull,	/* vous */
	[193] = 0x7573000000000000ull,	/* us */
	[194] = 0x696e000000000000ull,	/* in */
	[196] = 0x636f796f74650000ull,	/* coyote */
	[202] = 0x626f000000000000ull,	/* bo */
	[206] = 0x7175616e646f0000ull,	/* quando */
	[211] = 0x7269766500000000ull,	/* rive */
	[212] = 0x74616b6500000000ull,	/* take */
	[217] = 0x706f727175650000ull,	/* porque */
	[221] = 0x6d77656e00000000ull,	/* mwen */
	[223] = 0x7061726100000000ull,	/* para */
	[224] = 0x6d7569746f000000ull,	/* muito */
	[225] = 0x6966000000000000ull,	/* if */
	[226] = 0x71756965726f0000ull,	/* quiero */
	[228] = 0x7061000000000000ull,	/* pa */
	[229] = 0x7061676173000000ull,	/* pagas */
	[230] = 0x7469656d706f0000ull,	/* tiempo */
	[231] = 0x73656775726f0000ull,	/* seguro */
	[233] = 0x6d6f756e00000000ull,	/* moun */
	[236] = 0x6100000000000000ull,	/* a */
	[237] = 0x706169656d656e74ull,	/* paiement */
	[238] = 0x7472657300000000ull,	/* tres */
	[249] = 0x63616e0000000000ull,	/* can */
	[250] = 0x6573736100000000ull,	/* essa */
	[252] = 0x6574000000000000ull,	/* et */
	[253] = 0x616e640000000000ull,	/* and */
	[254] = 0x646f6e7400000000ull,	/* dont */
	[258] = 0x6c6f000000000000ull,	/* lo */
	[260] = 0x6d65736900000000ull,	/* mesi */
	[261] = 0x6661697265000000ull,	/* faire */
	[262] = 0x7065796500000000ull,	/* peye */
	[264] = 0x796f750000000000ull,	/* you */
	[266] = 0x7468616e6b730000ull,	/* thanks */
	[272] = 0x666f690000000000ull,	/* foi */
	[280] = 0x74656d0000000000ull,	/* tem */
	[281] = 0x656c000000000000ull,	/* el */
	[282] = 0x6573637269626500ull,	/* escribe */
	[286] = 0x616e70696c000000ull,	/* anpil */
	[289] = 0x6b6f756e79650000ull,	/* kounye */
	[291] = 0x6d656e0000000000ull,	/* men */
	[293] = 0x6e6f737361000000ull,	/* nossa */
	[297] = 0x7768617400000000ull,	/* what */
	[302] = 0x7965730000000000ull,	/* yes */
	[303] = 0x6f74726100000000ull,	/* otra */
	[305] = 0x706f6c6963650000ull,	/* police */
	[306] = 0x706f6c6c65726f00ull,	/* pollero */
	[307] = 0x616e796f6e650000ull,	/* anyone */
	[308] = 0x6d7563686f000000ull,	/* mucho */
	[309] = 0x796f757200000000ull,	/* your */
	[312] = 0x707565646f000000ull,	/* puedo */
	[313] = 0x646f657300000000ull,	/* does */
	[314] = 0x6175737369000000ull,	/* aussi */
	[315] = 0x7669616a65000000ull,	/* viaje */
	[316] = 0x706f750000000000ull,	/* pou */
	[317] = 0x646c6f0000000000ull,	/* dlo */
	[321] = 0x736f6d6f73000000ull,	/* somos */
	[323] = 0x706c757300000000ull,	/* plus */
	[335] = 0x77686f0000000000ull,	/* who */
	[339] = 0x686f6c6100000000ull,	/* hola */
	[352] = 0x6e6f757300000000ull,	/* nous */
	[354] = 0x616e000000000000ull,	/* an */
	[355] = 0x6c6576616d6f7300ull,	/* levamos */
	[357] = 0x6e6f740000000000ull,	/* not */
	[358] = 0x66616d696c696100ull,	/* familia */
	[361] = 0x706f757200000000ull,	/* pour */
	[362] = 0x616c6c6100000000ull,	/* alla */
	[364] = 0x7361666500000000ull,	/* safe */
	[368] = 0x7361626500000000ull,	/* sabe */
	[369] = 0x7061730000000000ull,	/* pas */
	[370] = 0x656e66616e747300ull,	/* enfants */
	[371] = 0x756d610000000000ull,	/* uma */
	[372] = 0x6361646100000000ull,	/* cada */
	[374] = 0x6865000000000000ull,	/* he */
	[379] = 0x7375617300000000ull,	/* suas */
	[386] = 0x6261790000000000ull,	/* bay */
	[391] = 0x736f6e0000000000ull,	/* son */
	[392] = 0x636f6d6f00000000ull,	/* como */
	[393] = 0x6c6c6576616d6f73ull,	/* llevamos */
	[394] = 0x6573740000000000ull,	/* est */
	[395] = 0x7061736b65000000ull,	/* paske */
	[398] = 0x6c6f730000000000ull,	/* los */
	[399] = 0x6368657a00000000ull,	/* chez */
	[406] = 0x7573746564000000ull,	/* usted */
	[408] = 0x6172726976656500ull,	/* arrivee */
	[409] = 0x7072616c00000000ull,	/* pral */
	[410] = 0x7361696400000000ull,	/* said */
	[411] = 0x6573617300000000ull,	/* esas */
	[413] = 0x6e616e0000000000ull,	/* nan */
	[414] = 0x6861737461000000ull,	/* hasta */
	[416] = 0x7365757300000000ull,	/* seus */
	[418] = 0x646f000000000000ull,	/* do */
	[420] = 0x646f6e6465000000ull,	/* donde */
	[421] = 0x6265666f72650000ull,	/* before */
	[424] = 0x7075656465000000ull,	/* puede */
	[425] = 0x7368650000000000ull,	/* she */
	[427] = 0x616d616e68610000ull,	/* amanha */
	[435] = 0x73656d61696e6500ull,	/* semaine */
	[437] = 0x616c736f00000000ull,	/* also */
	[440] = 0x6166746572000000ull,	/* after */
	[445] = 0x6f75720000000000ull,	/* our */
	[446] = 0x746f646f00000000ull,	/* todo */
	[447] = 0x61766f6972000000ull,	/* avoir */
	[449] = 0x616c676f00000000ull,	/* algo */
	[455] = 0x6171756900000000ull,	/* aqui */
	[459] = 0x6b6f746500000000ull,	/* kote */
	[460] = 0x76776179616a0000ull,	/* vwayaj */
	[463] = 0x6c61777965720000ull,	/* lawyer */
	[464] = 0x6175780000000000ull,	/* aux */
	[466] = 0x756e000000000000ull,	/* un */
	[472] = 0x686f790000000000ull,	/* hoy */
	[474] = 0x6e6f000000000000ull,	/* no */
	[477] = 0x6c65757200000000ull,	/* leur */
	[478] = 0x6d75790000000000ull,	/* muy */
	[479] = 0x6d7563686f730000ull,	/* muchos */
	[480] = 0x6b696a616e000000ull,	/* kijan */
	[481] = 0x7375000000000000ull,	/* su */
	[482] = 0x6d65737361676500ull,	/* message */
	[486] = 0x6174650000000000ull,	/* ate */
	[492] = 0x66726f6e74657261ull,	/* frontera */
	[498] = 0x7472617661790000ull,	/* travay */
	[499] = 0x6869730000000000ull,	/* his */
	[503] = 0x61686f7261000000ull,	/* ahora */
	[508] = 0x6973736f00000000ull,	/* isso */
	[509] = 0x67656e7465000000ull,	/* gente */
	[512] = 0x7468656972000000ull,	/* their */
	[513] = 0x6573000000000000ull,	/* es */
	[515] = 0x616c650000000000ull,	/* ale */
	[519] = 0x637269616e636173ull,	/* criancas */
	[524] = 0x7369000000000000ull,	/* si */
	[528] = 0x6861730000000000ull,	/* has */
	[533] = 0x7468650000000000ull,	/* the */
	[534] = 0x6e61646100000000ull,	/* nada */
	[538] = 0x7365000000000000ull,	/* se */
	[539] = 0x6d65750000000000ull,	/* meu */
	[548] = 0x706173616d6f7300ull,	/* pasamos */
	[550] = 0x6d696772616e7473ull,	/* migrants */
	[552] = 0x7361000000000000ull,	/* sa */
	[553] = 0x7469656e656e0000ull,	/* tienen */
	[558] = 0x646f730000000000ull,	/* dos */
	[563] = 0x6375616e746f0000ull,	/* cuanto */
	[568] = 0x7468656d00000000ull,	/* them */
	[569] = 0x6d656e6e656e0000ull,	/* mennen */
	[570] = 0x6f73000000000000ull,	/* os */
	[572] = 0x74696d6f756e0000ull,	/* timoun */
	[573] = 0x74616d6269656e00ull,	/* tambien */
	[574] = 0x66776f6e74796500ull,	/* fwontye */
	[575] = 0x657374616d6f7300ull,	/* estamos */
	[581] = 0x7072610000000000ull,	/* pra */
	[582] = 0x6365747465000000ull,	/* cette */
	[585] = 0x6175000000000000ull,	/* au */
	[589] = 0x7475000000000000ull,	/* tu */
	[590] = 0x63616c6c00000000ull,	/* call */
	[591] = 0x6a65000000000000ull,	/* je */
	[594] = 0x6c656176696e6700ull,	/* leaving */
	[597] = 0x6469610000000000ull,	/* dia */
	[598] = 0x656c6c6500000000ull,	/* elle */
	[601] = 0x6c6c656761720000ull,	/* llegar */
	[604] = 0x6a61000000000000ull,	/* ja */
	[609] = 0x64616e7300000000ull,	/* dans */
	[610] = 0x6b6e6f7700000000ull,	/* know */
	[612] = 0x7573746564657300ull,	/* ustedes */
	[614] = 0x6e6f730000000000ull,	/* nos */
	[616] = 0x6c616a616e000000ull,	/* lajan */
	[619] = 0x6269656e00000000ull,	/* bien */
	[620] = 0x7375730000000000ull,	/* sus */
	[621] = 0x706572736f6e6173ull,	/* personas */
	[632] = 0x6e75657374726100ull,	/* nuestra */
	[633] = 0x6265656e00000000ull,	/* been */
	[637] = 0x7472697000000000ull,	/* trip */
	[638] = 0x796f000000000000ull,	/* yo */
	[640] = 0x736f750000000000ull,	/* sou */
	[642] = 0x74616d62656d0000ull,	/* tambem */
	[644] = 0x73616c6964610000ull,	/* salida */
	[646] = 0x7465000000000000ull,	/* te */
	[648] = 0x766f747265000000ull,	/* votre */
	[650] = 0x6b6f6e6279656e00ull,	/* konbyen */
	[652] = 0x64696e65726f0000ull,	/* dinero */
	[653] = 0x73656d616e610000ull,	/* semana */
	[655] = 0x65736f0000000000ull,	/* eso */
	[657] = 0x686f6a6500000000ull,	/* hoje */
	[658] = 0x6170726500000000ull,	/* apre */
	[660] = 0x6d65726369000000ull,	/* merci */
	[662] = 0x706173736f6e7300ull,	/* passons */
	[667] = 0x6368656761720000ull,	/* chegar */
	[668] = 0x6500000000000000ull,	/* e */
	[669] = 0x67656e0000000000ull,	/* gen */
	[670] = 0x73656c6f6e000000ull,	/* selon */
	[674] = 0x77696c6c00000000ull,	/* will */
	[678] = 0x7365730000000000ull,	/* ses */
	[679] = 0x6279000000000000ull,	/* by */
	[684] = 0x6974000000000000ull,	/* it */
	[685] = 0x6261746561750000ull,	/* bateau */
	[686] = 0x6b69000000000000ull,	/* ki */
	[694] = 0x746f646f73000000ull,	/* todos */
	[696] = 0x73616f0000000000ull,	/* sao */
	[707] = 0x6465736465000000ull,	/* desde */
	[711] = 0x636f6e0000000000ull,	/* con */
	[712] = 0x6b61000000000000ull,	/* ka */
	[713] = 0x696c000000000000ull,	/* il */
	[719] = 0x6861636572000000ull,	/* hacer */
	[723] = 0x6372757a616d6f73ull,	/* cruzamos */
	[724] = 0x6f00000000000000ull,	/* o */
	[725] = 0x756d000000000000ull,	/* um */
	[735] = 0x66617a6572000000ull,	/* fazer */
	[736] = 0x766c650000000000ull,	/* vle */
	[737] = 0x667565726f6e0000ull,	/* fueron */
	[742] = 0x6375616e646f0000ull,	/* cuando */
	[744] = 0x6e6f736f74726f73ull,	/* nosotros */
	[747] = 0x72656c6500000000ull,	/* rele */
	[748] = 0x6c616b6179000000ull,	/* lakay */
	[750] = 0x6265000000000000ull,	/* be */
	[751] = 0x6d696e6861000000ull,	/* minha */
	[760] = 0x6172726976650000ull,	/* arrive */
	[762] = 0x61676f7261000000ull,	/* agora */
	[764] = 0x616c6c0000000000ull,	/* all */
	[766] = 0x6675650000000000ull,	/* fue */
	[769] = 0x7765726500000000ull,	/* were */
	[771] = 0x6865720000000000ull,	/* her */
	[780] = 0x7900000000000000ull,	/* y */
	[781] = 0x7468697300000000ull,	/* this */
	[786] = 0x656e000000000000ull,	/* en */
	[787] = 0x6d616e616e610000ull,	/* manana */
	[790] = 0x70776f6368656e00ull,	/* pwochen */
	[792] = 0x6c69000000000000ull,	/* li */
	[794] = 0x7061736500000000ull,	/* pase */
	[795] = 0x656c6c6100000000ull,	/* ella */
	[798] = 0x626f6e6a6f757200ull,	/* bonjour */
	[804] = 0x776f756c64000000ull,	/* would */
	[806] = 0x6c65000000000000ull,	/* le */
	[808] = 0x6e6f747265000000ull,	/* notre */
	[810] = 0x657374616e000000ull,	/* estan */
	[818] = 0x6d61697300000000ull,	/* mais */
	[819] = 0x64656d656e000000ull,	/* demen */
	[820] = 0x6c61000000000000ull,	/* la */
	[821] = 0x6573746500000000ull,	/* este */
	[822] = 0x7061737361676500ull,	/* passage */
	[823] = 0x6c6c616d61720000ull,	/* llamar */
	[824] = 0x7072616e00000000ull,	/* pran */
	[826] = 0x6375737461000000ull,	/* custa */
	[828] = 0x6f72000000000000ull,	/* or */
	[829] = 0x7061676f00000000ull,	/* pago */
	[830] = 0x6b6f6e6e656e0000ull,	/* konnen */
	[835] = 0x76697a6100000000ull,	/* viza */
	[837] = 0x7072697800000000ull,	/* prix */
	[842] = 0x6f6e000000000000ull,	/* on */
	[843] = 0x6d79000000000000ull,	/* my */
	[844] = 0x6174000000000000ull,	/* at */
	[848] = 0x6661697465730000ull,	/* faites */
	[850] = 0x636f6272616e0000ull,	/* cobran */
	[851] = 0x6469617300000000ull,	/* dias */
	[852] = 0x736f6e7400000000ull,	/* sont */
	[853] = 0x76696167656d0000ull,	/* viagem */
	[854] = 0x736f627265000000ull,	/* sobre */
	[857] = 0x64656c0000000000ull,	/* del */
	[858] = 0x6365000000000000ull,	/* ce */
	[859] = 0x6170000000000000ull,	/* ap */
	[860] = 0x7361696461000000ull,	/* saida */
	[861] = 0x626f6d0000000000ull,	/* bom */
	[862] = 0x7769746800000000ull,	/* with */
	[866] = 0x6179756461000000ull,	/* ayuda */
	[869] = 0x656c6c6f73000000ull,	/* ellos */
	[871] = 0x6f66000000000000ull,	/* of */
	[873] = 0x616c000000000000ull,	/* al */
	[874] = 0x7061790000000000ull,	/* pay */
	[877] = 0x7375720000000000ull,	/* sur */
	[879] = 0x626f726465720000ull,	/* border */
	[884] = 0x707265636f000000ull,	/* preco */
	[890] = 0x6465706172740000ull,	/* depart */
	[891] = 0x7761726e696e6700ull,	/* warning */
	[895] = 0x6b6f6e6679616e73ull,	/* konfyans */
	[897] = 0x766f636500000000ull,	/* voce */
	[900] = 0x6d69000000000000ull,	/* mi */
	[907] = 0x6170726573000000ull,	/* apres */
	[909] = 0x6475000000000000ull,	/* du */
	[912] = 0x616e746573000000ull,	/* antes */
	[914] = 0x6d65000000000000ull,	/* me */
	[918] = 0x70656f706c650000ull,	/* people */
	[920] = 0x68656c7000000000ull,	/* help */
	[921] = 0x7469656e65000000ull,	/* tiene */
	[924] = 0x73696e0000000000ull,	/* sin */
	[926] = 0x7175690000000000ull,	/* qui */
	[930] = 0x7175650000000000ull,	/* que */
	[933] = 0x61626f7574000000ull,	/* about */
	[935] = 0x7365720000000000ull,	/* ser */
	[936] = 0x6f6272696761646full,	/* obrigado */
	[944] = 0x6973000000000000ull,	/* is */
	[946] = 0x6c65730000000000ull,	/* les */
	[947] = 0x656c650000000000ull,	/* ele */
	[948] = 0x6672656500000000ull,	/* free */
	[951] = 0x656c610000000000ull,	/* ela */
	[952] = 0x6469000000000000ull,	/* di */
	[954] = 0x7061737365757273ull,	/* passeurs */
	[955] = 0x6f75740000000000ull,	/* out */
	[959] = 0x706179657a000000ull,	/* payez */
	[960] = 0x6c61730000000000ull,	/* las */
	[962] = 0x6176616e74000000ull,	/* avant */
	[966] = 0x6465000000000000ull,	/* de */
	[968] = 0x66616e6d69000000ull,	/* fanmi */
	[969] = 0x636f6d0000000000ull,	/* com */
	[970] = 0x7765000000000000ull,	/* we */
	[971] = 0x6861636500000000ull,	/* hace */
	[972] = 0x7570000000000000ull,	/* up */
	[975] = 0x6564650000000000ull,	/* ede */
	[976] = 0x6368656761646100ull,	/* chegada */
	[977] = 0x74656d6f73000000ull,	/* temos */
	[978] = 0x6875690000000000ull,	/* hui */
	[980] = 0x73686f756c640000ull,	/* should */
	[981] = 0x6461000000000000ull,	/* da */
	[984] = 0x7468657265000000ull,	/* there */
	[986] = 0x686f770000000000ull,	/* how */
	[991] = 0x7061707965000000ull,	/* papye */
	[992] = 0x7072696365000000ull,	/* price */
	[997] = 0x7468617400000000ull,	/* that */
	[998] = 0x6365730000000000ull,	/* ces */
	[999] = 0x616e790000000000ull,	/* any */
	[1000] = 0x746f757300000000ull,	/* tous */
	[1003] = 0x6176656300000000ull,	/* avec */
	[1004] = 0x7468657900000000ull,	/* they */
	[1005] = 0x6a616e0000000000ull,	/* jan */
	[1006] = 0x6172650000000000ull,	/* are */
	[1007] = 0x6f6c610000000000ull,	/* ola */
	[1014] = 0x736f000000000000ull,	/* so */
	[1017] = 0x6573746100000000ull,	/* esta */
	[1018] = 0x6575000000000000ull,	/* eu */
	[1022] = 0x6e65000000000000ull,	/* ne */
};
static const unsigned char slot_mask[LANG_SLOTS + LANG_WIN - 1] = {
	[7] = L_ES,
	[8] = L_EN,
	[10] = L_ES,
	[12] = L_PT,
	[13] = L_ES,
	[15] = L_ES,
	[16] = L_HT,
	[19] = L_ES,
	[21] = L_PT,
	[24] = L_EN,
	[27] = L_PT,
	[34] = L_EN,
	[35] = L_ES,
	[44] = L_ES,
	[49] = L_HT | L_FR,
	[51] = L_FR,
	[52] = L_ES,
	[54] = L_PT,
	[55] = L_ES,
	[56] = L_PT,
	[58] = L_ES,
	[61] = L_EN,
	[62] = L_HT,
	[63] = L_ES | L_PT,
	[64] = L_EN,
	[66] = L_HT,
	[68] = L_ES,
	[70] = L_HT,
	[71] = L_FR,
	[75] = L_EN,
	[76] = L_EN,
	[77] = L_ES,
	[78] = L_ES,
	[80] = L_EN | L_PT,
	[82] = L_FR,
	[95] = L_ES,
	[96] = L_PT,
	[98] = L_EN,
	[100] = L_HT,
	[101] = L_EN,
	[107] = L_FR,
	[108] = L_EN,
	[109] = L_HT,
	[112] = L_ES,
	[116] = L_ES,
	[122] = L_PT,
	[123] = L_ES,
	[125] = L_ES,
	[127] = L_PT,
	[129] = L_ES,
	[130] = L_FR,
	[136] = L_HT,
	[137] = L_PT,
	[138] = L_HT,
	[141] = L_HT,
	[143] = L_PT,
	[144] = L_HT,
	[145] = L_FR,
	[146] = L_ES,
	[148] = L_EN,
	[150] = L_HT,
	[152] = L_PT,
	[156] = L_PT,
	[158] = L_HT,
	[163] = L_PT,
	[165] = L_ES,
	[166] = L_EN,
	[172] = L_HT,
	[175] = L_PT,
	[176] = L_ES,
	[177] = L_EN,
	[179] = L_EN,
	[180] = L_EN,
	[183] = L_EN,
	[184] = L_HT | L_FR,
	[185] = L_ES | L_PT,
	[186] = L_PT,
	[190] = L_FR,
	[192] = L_FR,
	[193] = L_EN,
	[194] = L_EN,
	[196] = L_ES,
	[202] = L_HT,
	[206] = L_PT,
	[211] = L_HT,
	[212] = L_EN,
	[217] = L_ES,
	[221] = L_HT,
	[223] = L_ES | L_PT,
	[224] = L_PT,
	[225] = L_EN,
	[226] = L_ES,
	[228] = L_HT,
	[229] = L_ES,
	[230] = L_ES,
	[231] = L_ES | L_PT,
	[233] = L_HT,
	[236] = L_ES | L_PT | L_HT | L_FR,
	[237] = L_FR,
	[238] = L_FR,
	[249] = L_EN,
	[250] = L_PT,
	[252] = L_FR,
	[253] = L_EN,
	[254] = L_EN,
	[258] = L_ES,
	[260] = L_HT,
	[261] = L_FR,
	[262] = L_HT,
	[264] = L_EN,
	[266] = L_EN,
	[272] = L_PT,
	[280] = L_PT,
	[281] = L_ES,
	[282] = L_ES,
	[286] = L_HT,
	[289] = L_HT,
	[291] = L_HT,
	[293] = L_PT,
	[297] = L_EN,
	[302] = L_EN,
	[303] = L_ES,
	[305] = L_EN | L_FR,
	[306] = L_ES,
	[307] = L_EN,
	[308] = L_ES,
	[309] = L_EN,
	[312] = L_ES,
	[313] = L_EN,
	[314] = L_FR,
	[315] = L_ES,
	[316] = L_HT,
	[317] = L_HT,
	[321] = L_ES,
	[323] = L_FR,
	[335] = L_EN,
	[339] = L_ES,
	[352] = L_FR,
	[354] = L_EN,
	[355] = L_PT,
	[357] = L_EN,
	[358] = L_ES | L_PT,
	[361] = L_FR,
	[362] = L_ES,
	[364] = L_EN,
	[368] = L_ES | L_PT,
	[369] = L_FR,
	[370] = L_FR,
	[371] = L_PT,
	[372] = L_ES,
	[374] = L_EN,
	[379] = L_PT,
	[386] = L_HT,
	[391] = L_ES | L_FR,
	[392] = L_ES | L_PT,
	[393] = L_ES,
	[394] = L_FR,
	[395] = L_HT,
	[398] = L_ES,
	[399] = L_FR,
	[406] = L_ES,
	[408] = L_FR,
	[409] = L_HT,
	[410] = L_EN,
	[411] = L_ES,
	[413] = L_HT,
	[414] = L_ES,
	[416] = L_PT,
	[418] = L_EN | L_PT,
	[420] = L_ES,
	[421] = L_EN,
	[424] = L_ES,
	[425] = L_EN,
	[427] = L_PT,
	[435] = L_FR,
	[437] = L_EN,
	[440] = L_EN,
	[445] = L_EN,
	[446] = L_ES,
	[447] = L_FR,
	[449] = L_ES,
	[455] = L_ES | L_PT,
	[459] = L_HT,
	[460] = L_HT,
	[463] = L_EN,
	[464] = L_FR,
	[466] = L_ES | L_FR,
	[472] = L_ES,
	[474] = L_ES | L_EN | L_PT,
	[477] = L_FR,
	[478] = L_ES,
	[479] = L_ES,
	[480] = L_HT,
	[481] = L_ES,
	[482] = L_EN,
	[486] = L_PT,
	[492] = L_ES,
	[498] = L_HT,
	[499] = L_EN,
	[503] = L_ES,
	[508] = L_PT,
	[509] = L_ES,
	[512] = L_EN,
	[513] = L_ES,
	[515] = L_HT,
	[519] = L_PT,
	[524] = L_ES,
	[528] = L_EN,
	[533] = L_EN,
	[534] = L_ES,
	[538] = L_ES | L_HT,
	[539] = L_PT,
	[548] = L_ES,
	[550] = L_FR,
	[552] = L_HT | L_FR,
	[553] = L_ES,
	[558] = L_PT,
	[563] = L_ES,
	[568] = L_EN,
	[569] = L_HT,
	[570] = L_PT,
	[572] = L_HT,
	[573] = L_ES,
	[574] = L_HT,
	[575] = L_PT,
	[581] = L_PT,
	[582] = L_FR,
	[585] = L_FR,
	[589] = L_ES,
	[590] = L_EN,
	[591] = L_FR,
	[594] = L_EN,
	[597] = L_PT,
	[598] = L_FR,
	[601] = L_ES,
	[604] = L_PT,
	[609] = L_FR,
	[610] = L_EN,
	[612] = L_ES,
	[614] = L_PT,
	[616] = L_HT,
	[619] = L_ES,
	[620] = L_ES,
	[621] = L_ES,
	[632] = L_ES,
	[633] = L_EN,
	[637] = L_EN,
	[638] = L_ES | L_HT,
	[640] = L_HT,
	[642] = L_PT,
	[644] = L_ES,
	[646] = L_HT,
	[648] = L_FR,
	[650] = L_HT,
	[652] = L_ES,
	[653] = L_ES | L_PT,
	[655] = L_ES,
	[657] = L_PT,
	[658] = L_HT,
	[660] = L_FR,
	[662] = L_FR,
	[667] = L_PT,
	[668] = L_PT,
	[669] = L_HT,
	[670] = L_FR,
	[674] = L_EN,
	[678] = L_FR,
	[679] = L_EN,
	[684] = L_EN,
	[685] = L_FR,
	[686] = L_HT,
	[694] = L_ES,
	[696] = L_PT,
	[707] = L_ES,
	[711] = L_ES,
	[712] = L_HT,
	[713] = L_FR,
	[719] = L_ES,
	[723] = L_ES,
	[724] = L_ES | L_PT,
	[725] = L_PT,
	[735] = L_PT,
	[736] = L_HT,
	[737] = L_ES,
	[742] = L_ES,
	[744] = L_ES,
	[747] = L_HT,
	[748] = L_HT,
	[750] = L_EN,
	[751] = L_PT,
	[760] = L_EN,
	[762] = L_PT,
	[764] = L_EN,
	[766] = L_ES,
	[769] = L_EN,
	[771] = L_EN,
	[780] = L_ES,
	[781] = L_EN,
	[786] = L_ES,
	[787] = L_ES,
	[790] = L_HT,
	[792] = L_HT,
	[794] = L_HT,
	[795] = L_ES,
	[798] = L_FR,
	[804] = L_EN,
	[806] = L_ES | L_FR,
	[808] = L_FR,
	[810] = L_ES,
	[818] = L_PT | L_FR,
	[819] = L_HT,
	[820] = L_ES | L_FR,
	[821] = L_ES | L_PT,
	[822] = L_FR,
	[823] = L_ES,
	[824] = L_HT,
	[826] = L_PT,
	[828] = L_EN,
	[829] = L_ES,
	[830] = L_HT,
	[835] = L_HT,
	[837] = L_FR,
	[842] = L_EN,
	[843] = L_EN,
	[844] = L_EN,
	[848] = L_FR,
	[850] = L_ES,
	[851] = L_ES,
	[852] = L_FR,
	[853] = L_PT,
	[854] = L_ES,
	[857] = L_ES,
	[858] = L_FR,
	[859] = L_HT,
	[860] = L_PT,
	[861] = L_PT,
	[862] = L_EN,
	[866] = L_ES,
	[869] = L_ES,
	[871] = L_EN,
	[873] = L_ES,
	[874] = L_EN,
	[877] = L_FR,
	[879] = L_EN,
	[884] = L_PT,
	[890] = L_FR,
	[891] = L_EN,
	[895] = L_HT,
	[897] = L_PT,
	[900] = L_ES,
	[907] = L_FR,
	[909] = L_FR,
	[912] = L_ES,
	[914] = L_EN,
	[918] = L_EN,
	[920] = L_EN,
	[921] = L_ES,
	[924] = L_ES,
	[926] = L_FR,
	[930] = L_ES | L_PT,
	[933] = L_EN,
	[935] = L_ES | L_PT,
	[936] = L_PT,
	[944] = L_EN,
	[946] = L_ES | L_FR,
	[947] = L_PT,
	[948] = L_EN,
	[951] = L_PT,
	[952] = L_HT,
	[954] = L_FR,
	[955] = L_EN,
	[959] = L_FR,
	[960] = L_ES,
	[962] = L_FR,
	[966] = L_ES | L_FR,
	[968] = L_HT,
	[969] = L_PT,
	[970] = L_EN,
	[971] = L_ES,
	[972] = L_EN,
	[975] = L_HT,
	[976] = L_PT,
	[977] = L_PT,
	[978] = L_FR,
	[980] = L_EN,
	[981] = L_PT,
	[984] = L_EN,
	[986] = L_EN,
	[991] = L_HT,
	[992] = L_EN,
	[997] = L_EN,
	[998] = L_FR,
	[999] = L_EN,
	[1000] = L_FR,
	[1003] = L_FR,
	[1004] = L_EN,
	[1005] = L_HT,
	[1006] = L_EN,
	[1007] = L_PT,
	[1014] = L_EN | L_PT,
	[1017] = L_ES | L_PT,
	[1018] = L_PT,
	[1022] = L_FR,
};

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

/* A word as its table key: its bytes big-endian from the top, zero-padded
 * (lang_detect builds it while it scans the word); the L_* mask of its
 * languages, 0 for a word not in the table. Keys are unique, so at most one
 * slot of the window matches: the masks of the window are or-ed without a
 * branch. */
static inline unsigned lookup(uint64_t key)
{
	uint32_t h = (uint32_t)((key * LANG_MULT) >> (64 - LANG_SLOT_BITS));
	unsigned m = 0;

	/* and-masks, not ?: (which GCC turns into a mispredicted branch per
	 * slot) */
#pragma GCC unroll 4
	for (unsigned w = 0; w < LANG_WIN; w++)
		m |= slot_mask[h + w] & -(unsigned)(slot_key[h + w] == key);
	return m;
}

int lang_table_ok(void)
{
	size_t used = 0;

	for (size_t i = 1; i < N_WORDS; i++)
		if (words[i - 1].key >= words[i].key)
			return 0;
	/* every word found with its mask, and no other key in the slots (the
	 * N_WORDS distinct keys take N_WORDS slots), so lookup gives the
	 * word's mask for a key of words[] and 0 for any other key */
	for (size_t i = 0; i < N_WORDS; i++)
		if (words[i].key == 0 || lookup(words[i].key) != words[i].mask)
			return 0;
	for (size_t i = 0; i < LANG_SLOTS + LANG_WIN - 1; i++) {
		if (slot_key[i] != 0)
			used++;
		else if (slot_mask[i] != 0)
			return 0;
	}
	return used == N_WORDS;
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
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (i + 8 <= len) {
			/* the word's end and key from one 8-byte load: s[i] is
			 * a letter, so a word of 1-7 letters ends at the first
			 * flag, and its key is the word's bytes from the top */
			uint64_t w, end;

			memcpy(&w, s + i, 8);
			end = ~swar_lower(w) & SWAR_HIGH;
			key = __builtin_bswap64(w);
			if (end) {
				size_t n = (size_t)__builtin_ctzll(end) / 8;

				key &= ~(~0ull >> 8 * n);
				j = i + n;
			} else {
				for (j = i + 8; j < len && ascii_is_lower((unsigned char)s[j]); j++)
					;
			}
		} else
#endif
		{
			key = 0;	/* pack(s + i, j - i), built while scanning */
			while (j < len && ascii_is_lower((unsigned char)s[j])) {
				if (j - i < 8)
					key = key << 8 | (unsigned char)s[j];
				j++;
			}
			if (j > i && j - i <= MAX_WORD)
				key <<= 8 * (8 - (j - i));
		}
		if (j > i && j - i <= MAX_WORD) {
			unsigned m = lookup(key);
			int w = (m & (m - 1)) ? 1 : 2;

			/* w to each language whose bit is set, without a
			 * branch per bit (most words are in no language) */
			for (int l = 0; l < LANG_OTHER; l++)
				score[l] += w & -(int)(m >> l & 1);
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
