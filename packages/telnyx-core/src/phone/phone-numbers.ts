/**
 * Phone-number rules. Telnyx wants +E.164 everywhere (error 10016 otherwise), and rate lookup
 * needs the ISO country of a number. Uses libphonenumber-js full metadata so +1 numbers resolve
 * to the right NANP country (US vs CA) rather than the calling code's main country.
 */
import { type CountryCode, isSupportedCountry, Metadata, parsePhoneNumberFromString } from "libphonenumber-js/max";

const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/** True when the string is already in strict +E.164 form (format check only, not a validity check). */
export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

/**
 * Normalises user input ("(415) 555-0100", "0612345678", "+44 20 7946 0958") to +E.164, or null when it
 * is not a possible phone number. A national number needs `defaultCountry` (ISO 3166-1 alpha-2).
 */
export function toE164(input: string, defaultCountry?: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "") return null;
  const country = defaultCountry ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country);
  if (!parsed?.isPossible()) return null;
  return parsed.number;
}

/** True when libphonenumber considers the number valid for its country (stricter than isE164). */
export function isValidPhoneNumber(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.isValid() ?? false;
}

/** ISO 3166-1 alpha-2 country of a +E.164 number ("US", "CA", "FR", "GB"), or null when unknown. */
export function countryOf(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.country ?? null;
}

/**
 * An area code as typed at home, without the country's national (trunk) prefix: "01" in France is "1", "020" in
 * the United Kingdom "20". The prefix comes from libphonenumber's metadata; a country without one (Italy keeps its
 * leading 0) is left as typed, and so is a code that is only the prefix.
 */
export function withoutNationalPrefix(countryCode: string, areaCode: string): string {
  const country = countryCode.toUpperCase();
  if (!isSupportedCountry(country)) return areaCode;
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  // nationalPrefix() is on the numbering plan at run time; the package's type declarations leave it out.
  const plan = metadata.numberingPlan as { nationalPrefix?(): unknown } | undefined;
  const prefix = plan?.nationalPrefix?.();
  if (typeof prefix !== "string" || !prefix || !areaCode.startsWith(prefix) || areaCode === prefix) return areaCode;
  return areaCode.slice(prefix.length);
}
