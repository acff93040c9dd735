import { describe, expect, it } from "vitest";
import { listTimeZones, normalizeCountryCode, sortRates } from "./settings-values";

describe("settings helpers", () => {
  it("accepts two-letter country codes in any case", () => {
    expect(normalizeCountryCode(" fr ")).toBe("FR");
    expect(normalizeCountryCode("FRA")).toBeNull();
    expect(normalizeCountryCode("1")).toBeNull();
  });

  it("lists time zones including UTC and the organization's current one", () => {
    const zones = listTimeZones("Europe/Paris");
    expect(zones).toContain("Europe/Paris");
    expect(zones).toContain("UTC");
    expect(listTimeZones("Mars/Olympus_Mons")).toContain("Mars/Olympus_Mons");
  });

  it("orders rates by country then kind, catch-all rates last", () => {
    const rates = [
      { countryCode: "US", kind: "sms_per_part" },
      { countryCode: "*", kind: "voice_per_minute" },
      { countryCode: "FR", kind: "sms_per_part" },
      { countryCode: "FR", kind: "voice_per_minute" },
    ];
    expect(sortRates(rates).map((rate) => `${rate.countryCode}:${rate.kind}`)).toEqual([
      "FR:voice_per_minute",
      "FR:sms_per_part",
      "US:sms_per_part",
      "*:voice_per_minute",
    ]);
  });
});
