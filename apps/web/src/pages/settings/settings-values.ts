import type { RouterInputs, RouterOutputs } from "../../lib/trpc";

export type Settings = RouterOutputs["settings"]["get"];
export type Rate = Settings["rates"][number];
export type RateKind = RouterInputs["settings"]["setRate"]["kind"];

export const RATE_KINDS = [
  "voice_per_minute",
  "sms_per_part",
  "number_local_monthly",
  "number_toll_free_monthly",
] as const satisfies readonly RateKind[];

export function isRateKind(value: string): value is RateKind {
  return (RATE_KINDS as readonly string[]).includes(value);
}

/** "fr " → "FR"; null unless it is a two-letter code. */
export function normalizeCountryCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) ? code : null;
}

/** IANA time zones the browser knows, with the current one kept even if the list lacks it. */
export function listTimeZones(current: string | undefined): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];
  const all = new Set(zones);
  all.add("UTC");
  if (current) all.add(current);
  return [...all].sort();
}

/** Rates grouped for display: by country (a "*" or empty country last), then kind order. */
export function sortRates<T extends Pick<Rate, "countryCode" | "kind">>(rates: readonly T[]): T[] {
  const kindOrder = (kind: string) => (isRateKind(kind) ? RATE_KINDS.indexOf(kind) : RATE_KINDS.length);
  const countryKey = (code: string) => (/^[A-Z]{2}$/.test(code) ? `0${code}` : `1${code}`);
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rates].sort(
    (a, b) => compare(countryKey(a.countryCode), countryKey(b.countryCode)) || kindOrder(a.kind) - kindOrder(b.kind),
  );
}
