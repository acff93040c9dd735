import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type { CountryCode };

/** E.164 form of `input` read with `defaultCountry` for national numbers, or null when it is not a valid number. */
export function normalizePhoneNumber(input: string, defaultCountry?: CountryCode): string | null {
  const trimmed = input.trim();
  if (trimmed === "") return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** True when `value` is already a valid number written in E.164 (`+` then digits only). */
export function isE164PhoneNumber(value: string): boolean {
  if (!/^\+[1-9]\d{1,14}$/.test(value)) return false;
  return parsePhoneNumberFromString(value)?.isValid() ?? false;
}

/** International display form (`+33 6 12 34 56 78`); anything unparsable is returned unchanged. */
export function formatPhoneNumberInternational(value: string): string {
  const parsed = parsePhoneNumberFromString(value);
  return parsed ? parsed.formatInternational() : value;
}

/** ISO country of an E.164 number, when the number identifies one. */
export function getPhoneNumberCountry(value: string): CountryCode | undefined {
  return parsePhoneNumberFromString(value)?.country;
}

/** Regional-indicator flag for an ISO 3166-1 alpha-2 code (`FR` → 🇫🇷); empty for anything else. */
export function getCountryFlagEmoji(country: string | undefined): string {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return "";
  const base = 0x1f1e6 - "A".charCodeAt(0);
  return String.fromCodePoint(...[...country.toUpperCase()].map((char) => base + char.charCodeAt(0)));
}
