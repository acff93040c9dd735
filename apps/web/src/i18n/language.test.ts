import { describe, expect, it } from "vitest";
import { getDefaultPhoneCountry, pickLanguage } from "./language";

describe("pickLanguage", () => {
  it("follows the browser when nothing was chosen", () => {
    expect(pickLanguage(null, "fr-FR")).toBe("fr");
    expect(pickLanguage(null, "fr")).toBe("fr");
    expect(pickLanguage(null, "FR-ca")).toBe("fr");
    expect(pickLanguage(null, "en-GB")).toBe("en");
    expect(pickLanguage(null, "de-DE")).toBe("en");
    expect(pickLanguage(null, undefined)).toBe("en");
  });

  it("keeps the language chosen in the header", () => {
    expect(pickLanguage("en", "fr-FR")).toBe("en");
    expect(pickLanguage("fr", "en-US")).toBe("fr");
  });

  it("ignores a stored value that is not a supported language", () => {
    expect(pickLanguage("de", "fr-FR")).toBe("fr");
  });
});

describe("getDefaultPhoneCountry", () => {
  it("reads national numbers as French in French and American in English", () => {
    expect(getDefaultPhoneCountry("fr")).toBe("FR");
    expect(getDefaultPhoneCountry("en")).toBe("US");
  });
});
