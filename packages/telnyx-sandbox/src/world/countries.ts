import type { PhoneNumberType } from "./types.js";

/** Country table: ISO alpha-2, calling code, national significant number length, number types, fixed NDCs. */
export interface Country {
  iso: string;
  callingCode: string;
  nsnLength: number;
  types: PhoneNumberType[];
  /** Local NDCs with localities, for the countries we know in detail. */
  areas: Area[];
  isNanp: boolean;
}

export interface Area {
  ndc: string;
  locality: string;
  region: string;
}

const TYPE_LETTERS: Record<string, PhoneNumberType> = {
  L: "local",
  M: "mobile",
  N: "national",
  T: "toll_free",
  S: "shared_cost",
};

// ISO:callingCode:nsnLength:types[:NANP area codes]
const COMPACT = `AD:376:6:LM AE:971:9:LMT AF:93:9:LM AG:1:10:L:268 AI:1:10:L:264 AL:355:9:LM AM:374:8:LM AO:244:9:LM
AR:54:10:LMT AT:43:10:LMNT AU:61:9:LMTS AW:297:7:LM AZ:994:9:LM BA:387:8:LM BB:1:10:L:246 BD:880:10:LM BE:32:9:LMNT
BF:226:8:LM BG:359:9:LMT BH:973:8:LM BJ:229:8:LM BM:1:10:L:441 BN:673:7:LM BO:591:8:LM BR:55:11:LMT BS:1:10:L:242
BT:975:8:LM BW:267:8:LM BY:375:9:LM BZ:501:7:LM CA:1:10:LT CD:243:9:LM CH:41:9:LMNT CI:225:10:LM CL:56:9:LMT
CM:237:9:LM CN:86:11:LM CO:57:10:LMT CR:506:8:LMT CV:238:7:LM CW:599:7:LM CY:357:8:LMT CZ:420:9:LMNT DE:49:10:LMNT
DK:45:8:LMT DM:1:10:L:767 DO:1:10:LT:809/829/849 DZ:213:9:LM EC:593:9:LM EE:372:8:LMT EG:20:10:LM ES:34:9:LMNT
ET:251:9:LM FI:358:9:LMT FJ:679:7:LM FO:298:6:LM FR:33:9:LMNTS GA:241:8:LM GB:44:10:LMNT GD:1:10:L:473 GE:995:9:LM
GF:594:9:LM GH:233:9:LM GI:350:8:LM GL:299:6:LM GM:220:7:LM GN:224:9:LM GP:590:9:LM GR:30:10:LMT GT:502:8:LM
GY:592:7:LM HK:852:8:LMT HN:504:8:LM HR:385:9:LMT HT:509:8:LM HU:36:9:LMT ID:62:10:LMT IE:353:9:LMNT IL:972:9:LMT
IN:91:10:LMT IQ:964:10:LM IS:354:7:LMT IT:39:10:LMT JM:1:10:L:876 JO:962:9:LM JP:81:10:LMT KE:254:9:LM KG:996:9:LM
KH:855:9:LM KN:1:10:L:869 KR:82:10:LMT KW:965:8:LM KY:1:10:L:345 KZ:7:10:LM LA:856:9:LM LB:961:8:LM LC:1:10:L:758
LI:423:7:LM LK:94:9:LM LS:266:8:LM LT:370:8:LMT LU:352:8:LMT LV:371:8:LMT MA:212:9:LM MC:377:8:LM MD:373:8:LM
ME:382:8:LM MG:261:9:LM MK:389:8:LM ML:223:8:LM MN:976:8:LM MO:853:8:LM MQ:596:9:LM MR:222:8:LM MS:1:10:L:664
MT:356:8:LMT MU:230:8:LM MV:960:7:LM MW:265:9:LM MX:52:10:LMT MY:60:9:LMT MZ:258:9:LM NA:264:9:LM NC:687:6:LM
NE:227:8:LM NG:234:10:LM NI:505:8:LM NL:31:9:LMNT NO:47:8:LMT NP:977:10:LM NZ:64:9:LMT OM:968:8:LM PA:507:8:LMT
PE:51:9:LMT PF:689:8:LM PG:675:8:LM PH:63:10:LMT PK:92:10:LM PL:48:9:LMT PR:1:10:LT:787/939 PT:351:9:LMNT PY:595:9:LM
QA:974:8:LM RE:262:9:LM RO:40:9:LMT RS:381:9:LM RU:7:10:LMT RW:250:9:LM SA:966:9:LMT SC:248:7:LM SE:46:9:LMT
SG:65:8:LMT SI:386:8:LMT SK:421:9:LMT SL:232:8:LM SN:221:9:LM SR:597:7:LM SV:503:8:LM SZ:268:8:LM TC:1:10:L:649
TG:228:8:LM TH:66:9:LMT TL:670:8:LM TN:216:8:LM TR:90:10:LMT TT:1:10:L:868 TW:886:9:LMT TZ:255:9:LM UA:380:9:LMT
UG:256:9:LM US:1:10:LT UY:598:8:LMT UZ:998:9:LM VC:1:10:L:784 VE:58:10:LM VG:1:10:L:284 VI:1:10:L:340 VN:84:9:LMT
ZA:27:9:LMT ZM:260:9:LM ZW:263:9:LM`;

// ISO -> "ndc=Locality/Region;..." for the countries the product cares about most.
const AREAS: Record<string, string> = {
  US: "212=New York/NY;646=New York/NY;312=Chicago/IL;415=San Francisco/CA;213=Los Angeles/CA;305=Miami/FL;512=Austin/TX;214=Dallas/TX;206=Seattle/WA;617=Boston/MA;404=Atlanta/GA;720=Denver/CO;602=Phoenix/AZ;702=Las Vegas/NV;919=Raleigh/NC",
  CA: "416=Toronto/ON;514=Montreal/QC;604=Vancouver/BC;403=Calgary/AB;613=Ottawa/ON",
  FR: "1=Paris/Ile-de-France;2=Nantes/Pays de la Loire;2=Rennes/Bretagne;3=Lille/Hauts-de-France;3=Strasbourg/Grand Est;4=Lyon/Auvergne-Rhone-Alpes;4=Marseille/Provence-Alpes-Cote d'Azur;5=Bordeaux/Nouvelle-Aquitaine;5=Toulouse/Occitanie",
  GB: "20=London/England;121=Birmingham/England;161=Manchester/England;113=Leeds/England;117=Bristol/England;131=Edinburgh/Scotland;141=Glasgow/Scotland",
  DE: "30=Berlin/Berlin;40=Hamburg/Hamburg;89=Munchen/Bayern;69=Frankfurt am Main/Hessen;221=Koln/Nordrhein-Westfalen",
  ES: "91=Madrid/Madrid;93=Barcelona/Cataluna;96=Valencia/Valencia;95=Sevilla/Andalucia",
  IT: "06=Roma/Lazio;02=Milano/Lombardia;011=Torino/Piemonte;081=Napoli/Campania",
  NL: "20=Amsterdam/Noord-Holland;10=Rotterdam/Zuid-Holland;70=Den Haag/Zuid-Holland;30=Utrecht/Utrecht",
  BE: "2=Brussels/Brussels;3=Antwerpen/Vlaanderen;9=Gent/Vlaanderen;4=Liege/Wallonie",
  AU: "2=Sydney/NSW;3=Melbourne/VIC;7=Brisbane/QLD;8=Perth/WA",
  IE: "1=Dublin/Leinster;21=Cork/Munster;91=Galway/Connacht",
  CH: "44=Zurich/ZH;22=Geneve/GE;31=Bern/BE",
};

export const COUNTRIES: ReadonlyMap<string, Country> = buildCountries();

function buildCountries(): Map<string, Country> {
  const map = new Map<string, Country>();
  for (const entry of COMPACT.split(/\s+/).filter(Boolean)) {
    const [iso = "", callingCode = "", nsn = "", letters = "", nanp] = entry.split(":");
    const types = [...letters].map((l) => TYPE_LETTERS[l]).filter((t): t is PhoneNumberType => t !== undefined);
    const areas = AREAS[iso]
      ? (AREAS[iso] ?? "").split(";").map((a) => {
          const [ndc = "", rest = ""] = a.split("=");
          const [locality = "", region = ""] = rest.split("/");
          return { ndc, locality, region };
        })
      : (nanp ?? "")
          .split("/")
          .filter(Boolean)
          .map((ndc) => ({ ndc, locality: "", region: iso }));
    map.set(iso, { iso, callingCode, nsnLength: Number(nsn), types, areas, isNanp: callingCode === "1" });
  }
  return map;
}

/** Best-effort country of an E.164 number (longest calling-code match; +1 split by NANP area code). */
export function countryOf(e164: string): string | undefined {
  const digits = e164.replace(/^\+/, "");
  if (digits.startsWith("1")) {
    const area = digits.slice(1, 4);
    for (const c of COUNTRIES.values())
      if (c.isNanp && c.iso !== "US" && c.areas.some((a) => a.ndc === area)) return c.iso;
    return "US";
  }
  for (let len = 3; len >= 1; len--) {
    const code = digits.slice(0, len);
    if (code === "7") return "RU";
    for (const c of COUNTRIES.values()) if (c.callingCode === code) return c.iso;
  }
  return undefined;
}
