// Country domains of the search engines that have them. Sources and dates are
// in tests/fixtures/search/<engine>/EVIDENCE.md. A match pattern cannot
// wildcard a top-level domain, so each one is listed (and becomes a host
// permission of the manifest).

// Google's published list of its search domains (www.google.<suffix>).
export const GOOGLE_SUFFIXES = Object.freeze(`com ad ae com.af com.ag al am co.ao com.ar as at com.au az ba com.bd be bf bg
com.bh bi bj com.bn com.bo com.br bs bt co.bw by com.bz ca cd cf cg ch ci co.ck cl cm cn com.co co.cr com.cu cv com.cy
cz de dj dk dm com.do dz com.ec ee com.eg es com.et fi com.fj fm fr ga ge gg com.gh com.gi gl gm gr com.gt gy com.hk hn
hr ht hu co.id ie co.il im co.in iq is it je com.jm jo co.jp co.ke com.kh ki kg co.kr com.kw kz la com.lb li lk co.ls lt
lu lv com.ly co.ma md me mg mk ml com.mm mn com.mt mu mv mw com.mx com.my co.mz com.na com.ng com.ni ne nl no com.np nr
nu co.nz com.om com.pa com.pe com.pg com.ph com.pk pl pn com.pr ps pt com.py com.qa ro ru rw com.sa com.sb sc se com.sg
sh si sk com.sl sn so sm sr st com.sv td tg co.th com.tj tl tm tn to com.tr tt com.tw co.tz com.ua co.ug co.uk com.uy
co.uz com.vc co.ve co.vi com.vn vu ws rs co.za co.zm co.zw cat`.split(/\s+/));

// Yahoo's regional result hosts (<region>.search.yahoo.com) besides search.yahoo.com.
export const YAHOO_REGIONS = Object.freeze(['ar', 'br', 'ca', 'cl', 'co', 'de', 'espanol', 'fr', 'hk', 'in', 'mx', 'pe',
  'ph', 'sg', 'th', 'tw', 'uk', 've']);

// Yandex's search hosts: ya.ru (its main search since 2024) and the country domains.
export const YANDEX_HOSTS = Object.freeze(['ya.ru', 'yandex.ru', 'yandex.com', 'yandex.com.tr', 'yandex.kz', 'yandex.by',
  'yandex.uz', 'yandex.az', 'yandex.com.am', 'yandex.ee', 'yandex.eu', 'yandex.com.ge', 'yandex.co.il', 'yandex.lt',
  'yandex.lv', 'yandex.md', 'yandex.tj', 'yandex.tm']);
