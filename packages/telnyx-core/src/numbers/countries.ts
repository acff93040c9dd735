/**
 * Countries where the product offers numbers, with the number types Telnyx sells there. Our own
 * product table (what the purchase screen offers), kept apart from any emulator's inventory.
 */
export type NumberType = "local" | "national" | "mobile" | "toll_free";

export const NUMBER_TYPES = ["local", "national", "mobile", "toll_free"] as const satisfies readonly NumberType[];

export interface NumberCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** English name. */
  name: string;
  types: NumberType[];
}

const TYPE_BY_LETTER: Record<string, NumberType> = { L: "local", N: "national", M: "mobile", T: "toll_free" };

// ISO:English name:types (L local, N national, M mobile, T toll-free), "|"-separated.
const TABLE = `
AF:Afghanistan:LM | AL:Albania:LM | DZ:Algeria:LM | AD:Andorra:LM | AO:Angola:LM | AI:Anguilla:L
AG:Antigua and Barbuda:L | AR:Argentina:LMT | AM:Armenia:LM | AW:Aruba:LM | AU:Australia:LMT | AT:Austria:LMNT
AZ:Azerbaijan:LM | BS:Bahamas:L | BH:Bahrain:LM | BD:Bangladesh:LM | BB:Barbados:L | BY:Belarus:LM
BE:Belgium:LMNT | BZ:Belize:LM | BJ:Benin:LM | BM:Bermuda:L | BT:Bhutan:LM | BO:Bolivia:LM
BA:Bosnia and Herzegovina:LM | BW:Botswana:LM | BR:Brazil:LMT | VG:British Virgin Islands:L | BN:Brunei:LM
BG:Bulgaria:LMT | BF:Burkina Faso:LM | KH:Cambodia:LM | CM:Cameroon:LM | CA:Canada:LT | CV:Cape Verde:LM
KY:Cayman Islands:L | CL:Chile:LMT | CN:China:LM | CO:Colombia:LMT | CD:DR Congo:LM | CR:Costa Rica:LMT
CI:Côte d'Ivoire:LM | HR:Croatia:LMT | CW:Curaçao:LM | CY:Cyprus:LMT | CZ:Czechia:LMNT | DK:Denmark:LMT
DM:Dominica:L | DO:Dominican Republic:LT | EC:Ecuador:LM | EG:Egypt:LM | SV:El Salvador:LM | EE:Estonia:LMT
SZ:Eswatini:LM | ET:Ethiopia:LM | FO:Faroe Islands:LM | FJ:Fiji:LM | FI:Finland:LMT | FR:France:LMNT
GF:French Guiana:LM | PF:French Polynesia:LM | GA:Gabon:LM | GM:Gambia:LM | GE:Georgia:LM | DE:Germany:LMNT
GH:Ghana:LM | GI:Gibraltar:LM | GR:Greece:LMT | GL:Greenland:LM | GD:Grenada:L | GP:Guadeloupe:LM
GT:Guatemala:LM | GN:Guinea:LM | GY:Guyana:LM | HT:Haiti:LM | HN:Honduras:LM | HK:Hong Kong:LMT
HU:Hungary:LMT | IS:Iceland:LMT | IN:India:LMT | ID:Indonesia:LMT | IQ:Iraq:LM | IE:Ireland:LMNT | IL:Israel:LMT
IT:Italy:LMT | JM:Jamaica:L | JP:Japan:LMT | JO:Jordan:LM | KZ:Kazakhstan:LM | KE:Kenya:LM | KW:Kuwait:LM
KG:Kyrgyzstan:LM | LA:Laos:LM | LV:Latvia:LMT | LB:Lebanon:LM | LS:Lesotho:LM | LI:Liechtenstein:LM
LT:Lithuania:LMT | LU:Luxembourg:LMT | MO:Macao:LM | MG:Madagascar:LM | MW:Malawi:LM | MY:Malaysia:LMT
MV:Maldives:LM | ML:Mali:LM | MT:Malta:LMT | MQ:Martinique:LM | MR:Mauritania:LM | MU:Mauritius:LM
MX:Mexico:LMT | MD:Moldova:LM | MC:Monaco:LM | MN:Mongolia:LM | ME:Montenegro:LM | MS:Montserrat:L
MA:Morocco:LM | MZ:Mozambique:LM | NA:Namibia:LM | NP:Nepal:LM | NL:Netherlands:LMNT | NC:New Caledonia:LM
NZ:New Zealand:LMT | NI:Nicaragua:LM | NE:Niger:LM | NG:Nigeria:LM | MK:North Macedonia:LM | NO:Norway:LMT
OM:Oman:LM | PK:Pakistan:LM | PA:Panama:LMT | PG:Papua New Guinea:LM | PY:Paraguay:LM | PE:Peru:LMT
PH:Philippines:LMT | PL:Poland:LMT | PT:Portugal:LMNT | PR:Puerto Rico:LT | QA:Qatar:LM | RE:Réunion:LM
RO:Romania:LMT | RU:Russia:LMT | RW:Rwanda:LM | SA:Saudi Arabia:LMT | SN:Senegal:LM | RS:Serbia:LM
SC:Seychelles:LM | SL:Sierra Leone:LM | SG:Singapore:LMT | SK:Slovakia:LMT | SI:Slovenia:LMT
ZA:South Africa:LMT | KR:South Korea:LMT | ES:Spain:LMNT | LK:Sri Lanka:LM | KN:Saint Kitts and Nevis:L
LC:Saint Lucia:L | VC:Saint Vincent and Grenadines:L | SR:Suriname:LM | SE:Sweden:LMT | CH:Switzerland:LMNT
TW:Taiwan:LMT | TZ:Tanzania:LM | TH:Thailand:LMT | TL:Timor-Leste:LM | TG:Togo:LM | TT:Trinidad and Tobago:L
TN:Tunisia:LM | TR:Türkiye:LMT | TC:Turks and Caicos Islands:L | VI:US Virgin Islands:L | UG:Uganda:LM
UA:Ukraine:LMT | AE:United Arab Emirates:LMT | GB:United Kingdom:LMNT | US:United States:LT | UY:Uruguay:LMT
UZ:Uzbekistan:LM | VE:Venezuela:LM | VN:Vietnam:LMT | ZM:Zambia:LM | ZW:Zimbabwe:LM`;

function parseTable(): NumberCountry[] {
  return TABLE.split(/[|\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [code = "", name = "", letters = ""] = entry.split(":");
      const types = NUMBER_TYPES.filter((type) => [...letters].some((letter) => TYPE_BY_LETTER[letter] === type));
      return { code, name, types };
    })
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}

export const NUMBER_COUNTRIES: readonly NumberCountry[] = parseTable();

const BY_CODE = new Map(NUMBER_COUNTRIES.map((country) => [country.code, country]));

export function findNumberCountry(code: string): NumberCountry | undefined {
  return BY_CODE.get(code.toUpperCase());
}
