/**
 * The currency people use in each country or territory (ISO 3166-1 alpha-2 →
 * ISO 4217), for guessing a buyer's currency from the region in their
 * Accept-Language. Only active currencies; countries that use another's
 * currency (Ecuador: USD, Montenegro: EUR) are listed with it.
 */
const TABLE = `
EUR:AD AT AX BE BG BL CY DE EE ES FI FR GF GP GR HR IE IT LT LU LV MC ME MF MQ MT NL PM PT RE SI SK SM VA XK YT
USD:US AS BQ EC FM GU MH MP PR PW SV TC TL UM VG VI ZW
GBP:GB GG IM JE
XOF:BF BJ CI GW ML NE SN TG
XAF:CF CG CM GA GQ TD
XCD:AG AI DM GD KN LC MS VC
AUD:AU CC CX HM KI NF NR TV
NZD:NZ CK NU PN TK
DKK:DK FO GL
NOK:NO BV SJ
CHF:CH LI
XPF:NC PF WF
XCG:CW SX
INR:IN BT
ZAR:ZA LS NA
MAD:MA EH
SHP:SH
AED:AE
AFN:AF
ALL:AL
AMD:AM
AOA:AO
ARS:AR
AWG:AW
AZN:AZ
BAM:BA
BBD:BB
BDT:BD
BHD:BH
BIF:BI
BMD:BM
BND:BN
BOB:BO
BRL:BR
BSD:BS
BWP:BW
BYN:BY
BZD:BZ
CAD:CA
CDF:CD
CLP:CL
CNY:CN
COP:CO
CRC:CR
CUP:CU
CVE:CV
CZK:CZ
DJF:DJ
DOP:DO
DZD:DZ
EGP:EG
ERN:ER
ETB:ET
FJD:FJ
FKP:FK
GEL:GE
GHS:GH
GIP:GI
GMD:GM
GNF:GN
GTQ:GT
GYD:GY
HKD:HK
HNL:HN
HTG:HT
HUF:HU
IDR:ID
ILS:IL PS
IQD:IQ
IRR:IR
ISK:IS
JMD:JM
JOD:JO
JPY:JP
KES:KE
KGS:KG
KHR:KH
KMF:KM
KPW:KP
KRW:KR
KWD:KW
KYD:KY
KZT:KZ
LAK:LA
LBP:LB
LKR:LK
LRD:LR
LYD:LY
MDL:MD
MGA:MG
MKD:MK
MMK:MM
MNT:MN
MOP:MO
MRU:MR
MUR:MU
MVR:MV
MWK:MW
MXN:MX
MYR:MY
MZN:MZ
NGN:NG
NIO:NI
NPR:NP
OMR:OM
PAB:PA
PEN:PE
PGK:PG
PHP:PH
PKR:PK
PLN:PL
PYG:PY
QAR:QA
RON:RO
RSD:RS
RUB:RU
RWF:RW
SAR:SA
SBD:SB
SCR:SC
SDG:SD
SEK:SE
SGD:SG
SLE:SL
SOS:SO
SRD:SR
SSP:SS
STN:ST
SYP:SY
SZL:SZ
THB:TH
TJS:TJ
TMT:TM
TND:TN
TOP:TO
TRY:TR
TTD:TT
TWD:TW
TZS:TZ
UAH:UA
UGX:UG
UYU:UY
UZS:UZ
VES:VE
VND:VN
VUV:VU
WST:WS
YER:YE
ZMW:ZM
`;

function build(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const line of TABLE.trim().split('\n')) {
    const [currency, regions] = line.split(':') as [string, string];
    for (const region of regions.split(' ')) map.set(region, currency);
  }
  return map;
}

/** Region (ISO 3166-1 alpha-2, upper case) → currency code. */
export const REGION_CURRENCIES: ReadonlyMap<string, string> = build();

/**
 * The currency of a country or territory, or `undefined`.
 *
 * @example
 * currencyOfRegion('DE'); // 'EUR'
 * currencyOfRegion('MX'); // 'MXN'
 */
export function currencyOfRegion(region: string): string | undefined {
  return REGION_CURRENCIES.get(region.toUpperCase());
}
