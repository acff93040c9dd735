import { describe, expect, it } from "vitest";
import { countryOf, isE164, isValidPhoneNumber, toE164, withoutNationalPrefix } from "./phone-numbers";

describe("toE164", () => {
  it("normalises formatted national numbers with a default country", () => {
    expect(toE164("(415) 555-2671", "US")).toBe("+14155552671");
    expect(toE164("06 12 34 56 78", "fr")).toBe("+33612345678");
    expect(toE164("020 7946 0958", "GB")).toBe("+442079460958");
  });

  it("keeps international input and ignores the default country", () => {
    expect(toE164("+44 20 7946 0958", "US")).toBe("+442079460958");
    expect(toE164("  +1 416-555-0199 ")).toBe("+14165550199");
  });

  it("returns null for input that cannot be a phone number", () => {
    expect(toE164("")).toBeNull();
    expect(toE164("hello")).toBeNull();
    expect(toE164("12")).toBeNull();
    expect(toE164("4155552671")).toBeNull(); // national without a country
  });
});

describe("isE164", () => {
  it("accepts only the strict + form", () => {
    expect(isE164("+14155552671")).toBe(true);
    expect(isE164("14155552671")).toBe(false);
    expect(isE164("+1 415 555 2671")).toBe(false);
    expect(isE164("+0123")).toBe(false);
    expect(isE164("+1234567890123456")).toBe(false);
  });

  it("separates format from validity", () => {
    expect(isValidPhoneNumber("+14155552671")).toBe(true);
    expect(isValidPhoneNumber("+1415555")).toBe(false);
  });
});

describe("countryOf", () => {
  it("resolves NANP numbers to US or CA and others to their country", () => {
    expect(countryOf("+14155552671")).toBe("US");
    expect(countryOf("+14165550199")).toBe("CA");
    expect(countryOf("+33612345678")).toBe("FR");
    expect(countryOf("+442079460958")).toBe("GB");
    expect(countryOf("+48573205926")).toBe("PL");
  });

  it("returns null for garbage", () => {
    expect(countryOf("not a number")).toBeNull();
  });
});

describe("withoutNationalPrefix", () => {
  it("strips each country's own trunk prefix, from the metadata", () => {
    expect(withoutNationalPrefix("FR", "01")).toBe("1");
    expect(withoutNationalPrefix("fr", "1")).toBe("1");
    expect(withoutNationalPrefix("GB", "020")).toBe("20");
    expect(withoutNationalPrefix("DE", "030")).toBe("30");
    expect(withoutNationalPrefix("US", "1312")).toBe("312");
  });
  it("leaves a country without one, a code that is only the prefix, and an unknown country as typed", () => {
    expect(withoutNationalPrefix("IT", "06")).toBe("06");
    expect(withoutNationalPrefix("FR", "0")).toBe("0");
    expect(withoutNationalPrefix("US", "312")).toBe("312");
    expect(withoutNationalPrefix("ZZ", "01")).toBe("01");
  });
});
