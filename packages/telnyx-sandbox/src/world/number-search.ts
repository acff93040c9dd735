import { hashString, Rng } from "../util/random.js";
import { COUNTRIES, type Area, type Country } from "./countries.js";
import type { PhoneNumberType } from "./types.js";

export interface SearchFilter {
  countryCode: string;
  type: PhoneNumberType;
  ndc?: string | undefined;
  locality?: string | undefined;
  features?: string[] | undefined;
  limit: number;
  bestEffort: boolean;
  startsWith?: string | undefined;
  endsWith?: string | undefined;
  contains?: string | undefined;
}

export interface Candidate {
  phoneNumber: string;
  type: PhoneNumberType;
  countryCode: string;
  features: string[];
  upfrontCost: string;
  monthlyCost: string;
  bestEffort: boolean;
  area: Area | undefined;
  country: Country;
}

const NANP_TOLL_FREE = ["800", "833", "844", "855", "866", "877", "888"];
const TYPE_PREFIX: Record<PhoneNumberType, string[]> = {
  local: ["2", "3", "4", "5"],
  mobile: ["6", "7"],
  national: ["9"],
  toll_free: ["800"],
  shared_cost: ["81"],
};
const COUNTRY_PREFIX: Record<string, Partial<Record<PhoneNumberType, string[]>>> = {
  FR: { mobile: ["6", "7"], national: ["9"], toll_free: ["800", "805"], shared_cost: ["81"] },
  GB: { mobile: ["74", "75", "77", "78", "79"], national: ["33"], toll_free: ["800", "808"] },
  DE: { mobile: ["151", "160", "170", "176"], national: ["32"], toll_free: ["800"] },
  ES: { mobile: ["6", "7"], national: ["90"], toll_free: ["900"] },
  IT: { mobile: ["3"], toll_free: ["800"] },
  AU: { mobile: ["4"], toll_free: ["1800"], shared_cost: ["1300"] },
  BE: { mobile: ["47", "48", "49"], national: ["78"] },
  NL: { mobile: ["6"], national: ["85"] },
};

/**
 * The type Telnyx lists for a number it holds, read from its national prefix (the same prefixes the search builds
 * numbers from): NANP toll-free codes; a known area code is geographic ("local"); then the country's mobile and
 * non-geographic ranges; else geographic. A number's features follow from its country and type, so a French
 * geographic number is voice-only however it came onto the account.
 */
export function typeOfNumber(country: Country, e164: string): PhoneNumberType {
  const national = e164.slice(1 + country.callingCode.length);
  if (country.isNanp) return NANP_TOLL_FREE.some((code) => national.startsWith(code)) ? "toll_free" : "local";
  if (country.areas.some((area) => national.startsWith(area.ndc))) return "local";
  const prefixes = { ...TYPE_PREFIX, ...COUNTRY_PREFIX[country.iso] };
  const ranges = (Object.keys(prefixes) as PhoneNumberType[])
    .filter((type) => type !== "local" && country.types.includes(type))
    .flatMap((type) => (prefixes[type] ?? []).map((prefix) => ({ type, prefix })))
    .sort((a, b) => b.prefix.length - a.prefix.length);
  return ranges.find(({ prefix }) => national.startsWith(prefix))?.type ?? "local";
}

export function featuresFor(country: Country, type: PhoneNumberType): string[] {
  if (country.isNanp)
    return type === "toll_free" ? ["sms", "mms", "voice"] : ["sms", "mms", "voice", "fax", "emergency"];
  switch (type) {
    case "local":
      return ["voice", "fax", "emergency"];
    case "mobile":
      return ["sms", "voice"];
    case "national":
    case "toll_free":
    case "shared_cost":
      return ["voice"];
  }
}

export function costsFor(country: Country, type: PhoneNumberType): { upfront: string; monthly: string } {
  if (country.isNanp)
    return type === "toll_free" ? { upfront: "1.00", monthly: "5.00" } : { upfront: "1.00", monthly: "2.00" };
  const monthly: Record<PhoneNumberType, string> = {
    local: "1.50",
    mobile: "3.00",
    national: "1.50",
    toll_free: "10.00",
    shared_cost: "5.00",
  };
  return { upfront: monthly[type], monthly: monthly[type] };
}

/** Deterministic candidate numbers for a query: the same seed and filter give the same list. */
export function generateCandidates(
  seed: number,
  filter: SearchFilter,
  isTaken: (e164: string) => boolean,
): Candidate[] {
  const country = COUNTRIES.get(filter.countryCode);
  if (!country?.types.includes(filter.type)) return [];
  const features = featuresFor(country, filter.type);
  if (filter.features?.some((f) => !features.includes(f))) return [];
  const exactAreas = matchingAreas(country, filter);
  const wantsArea = filter.type === "local" && Boolean(filter.ndc || filter.locality);
  const genericNdc = Boolean(filter.ndc) && !filter.locality && country.areas.length === 0;
  if (wantsArea && exactAreas.length === 0 && !genericNdc && !filter.bestEffort) return [];
  const useBestEffort = wantsArea && exactAreas.length === 0 && !genericNdc;
  const areas = exactAreas.length > 0 ? exactAreas : wantsArea ? (useBestEffort ? country.areas : []) : country.areas;
  const rng = new Rng(
    hashString(`${seed}|${filter.countryCode}|${filter.type}|${filter.ndc ?? ""}|${filter.locality ?? ""}`),
  );
  const costs = costsFor(country, filter.type);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < filter.limit * 40 && out.length < filter.limit; i++) {
    const area = areas.length > 0 ? rng.pick(areas) : undefined;
    const e164 = buildNumber(rng, country, filter, area);
    if (seen.has(e164) || isTaken(e164)) continue;
    if (
      filter.startsWith &&
      !e164.slice(1 + country.callingCode.length).startsWith(filter.startsWith.replace(/^\+/, ""))
    )
      continue;
    if (filter.endsWith && !e164.endsWith(filter.endsWith)) continue;
    if (filter.contains && !e164.includes(filter.contains)) continue;
    seen.add(e164);
    out.push({
      phoneNumber: e164,
      type: filter.type,
      countryCode: country.iso,
      features,
      upfrontCost: costs.upfront,
      monthlyCost: costs.monthly,
      bestEffort: useBestEffort,
      area,
      country,
    });
  }
  return out;
}

function matchingAreas(country: Country, filter: SearchFilter): Area[] {
  if (filter.type !== "local") return [];
  const locality = filter.locality?.toLowerCase();
  return country.areas.filter(
    (a) => (!filter.ndc || a.ndc === filter.ndc) && (!locality || a.locality.toLowerCase() === locality),
  );
}

function buildNumber(rng: Rng, country: Country, filter: SearchFilter, area: Area | undefined): string {
  if (country.isNanp) {
    const npa = filter.type === "toll_free" ? rng.pick(NANP_TOLL_FREE) : (area?.ndc ?? "201");
    let nxx = `${rng.int(2, 9)}${rng.digits(2)}`;
    if (nxx === "555" || nxx.endsWith("11")) nxx = `${rng.int(2, 9)}20`;
    return `+1${npa}${nxx}${rng.digits(4)}`;
  }
  const prefix =
    filter.type === "local"
      ? (area?.ndc ?? genericNdcOf(country, filter) ?? rng.pick(TYPE_PREFIX.local))
      : rng.pick(COUNTRY_PREFIX[country.iso]?.[filter.type] ?? TYPE_PREFIX[filter.type]);
  const rest = Math.max(4, country.nsnLength - prefix.length);
  return `+${country.callingCode}${prefix}${rng.int(1, 9)}${rng.digits(rest - 1)}`;
}

function genericNdcOf(country: Country, filter: SearchFilter): string | undefined {
  return country.areas.length === 0 && filter.ndc && /^\d{1,4}$/.test(filter.ndc) ? filter.ndc : undefined;
}
