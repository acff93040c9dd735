import { describe, expect, it } from "vitest";
import {
  formatPhoneNumberInternational,
  getCountryFlagEmoji,
  getPhoneNumberCountry,
  isE164PhoneNumber,
  normalizePhoneNumber,
} from "./phone-number";

describe("normalizePhoneNumber", () => {
  it("reads a national number with the default country", () => {
    expect(normalizePhoneNumber("06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(normalizePhoneNumber("(201) 555-0123", "US")).toBe("+12015550123");
  });

  it("keeps an international number whatever the default country", () => {
    expect(normalizePhoneNumber("+33 6 12 34 56 78", "US")).toBe("+33612345678");
    expect(normalizePhoneNumber("  +1 201-555-0123 ", "FR")).toBe("+12015550123");
  });

  it("rejects empty, too short and non-numeric input", () => {
    expect(normalizePhoneNumber("", "FR")).toBeNull();
    expect(normalizePhoneNumber("   ", "FR")).toBeNull();
    expect(normalizePhoneNumber("06 12", "FR")).toBeNull();
    expect(normalizePhoneNumber("call me", "US")).toBeNull();
  });

  it("rejects a national number when no country is known", () => {
    expect(normalizePhoneNumber("06 12 34 56 78")).toBeNull();
  });
});

describe("isE164PhoneNumber", () => {
  it("accepts only the canonical form of a valid number", () => {
    expect(isE164PhoneNumber("+33612345678")).toBe(true);
    expect(isE164PhoneNumber("+33 6 12 34 56 78")).toBe(false);
    expect(isE164PhoneNumber("0612345678")).toBe(false);
    expect(isE164PhoneNumber("+3361")).toBe(false);
  });
});

describe("formatPhoneNumberInternational", () => {
  it("groups digits the way the country writes them", () => {
    expect(formatPhoneNumberInternational("+33612345678")).toBe("+33 6 12 34 56 78");
    expect(formatPhoneNumberInternational("+12015550123")).toBe("+1 201 555 0123");
  });

  it("returns unparsable input unchanged", () => {
    expect(formatPhoneNumberInternational("not a number")).toBe("not a number");
  });
});

describe("country and flag", () => {
  it("finds the country of a number and its flag", () => {
    expect(getPhoneNumberCountry("+33612345678")).toBe("FR");
    expect(getCountryFlagEmoji("FR")).toBe("🇫🇷");
    expect(getCountryFlagEmoji("us")).toBe("🇺🇸");
  });

  it("gives no flag for an unknown code", () => {
    expect(getCountryFlagEmoji(undefined)).toBe("");
    expect(getCountryFlagEmoji("FRA")).toBe("");
  });
});
