/**
 * The message catalogs themselves: both languages have the same keys and placeholders, no Markdown
 * leaks into a string, and counts go through each language's plural rules and number format.
 */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { analyticsStrings } from "../pages/analytics/strings";
import { auditStrings } from "../pages/audit/strings";
import { connectionsStrings } from "../pages/connections/strings";
import { leadsStrings } from "../pages/leads/strings";
import { numbersStrings } from "../pages/numbers/strings";
import { reportsStrings } from "../pages/reports/strings";
import { apiTokensStrings } from "../pages/settings/api-tokens/strings";
import { settingsStrings } from "../pages/settings/strings";
import { wallboardStrings } from "../pages/wallboard/strings";
import { routingStrings } from "../pages/routing/strings";
import { callbacksStrings } from "../pages/callbacks/strings";
import { type AppMessages, en } from "./en";
import { fr } from "./fr";

const english: AppMessages = {
  ...en,
  leads: leadsStrings,
  numbers: numbersStrings,
  connections: connectionsStrings,
  settings: settingsStrings,
  apiTokens: apiTokensStrings,
  audit: auditStrings,
  analytics: analyticsStrings,
  wallboard: wallboardStrings,
  reports: reportsStrings,
  routing: routingStrings,
  callbacks: callbacksStrings,
};

/** Every leaf as [dotted key, text]. */
function flatten(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  const englishLeaves = new Map(flatten(english));
  const frenchLeaves = new Map(flatten(fr));

  it("give French every English key, with the same placeholders", () => {
    const frenchKeys = [...frenchLeaves.keys()].filter((key) => !key.endsWith("_many"));
    expect(frenchKeys.sort()).toEqual([...englishLeaves.keys()].sort());
    for (const [key, text] of englishLeaves) {
      const french = frenchLeaves.get(key) ?? "";
      // A singular may spell its count out ("Only the latest call…"); otherwise the same values are used.
      if (key.endsWith("_one")) continue;
      expect(placeholders(french), key).toEqual(placeholders(text));
    }
  });

  it("hold no Markdown backticks (a page would show them as they are)", () => {
    const withBackticks = [...englishLeaves, ...frenchLeaves].filter(([, text]) => text.includes("`"));
    expect(withBackticks).toEqual([]);
  });

  it("put counts through each language's plural rules and number format", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: english }, fr: { translation: fr } },
      lng: "en",
      fallbackLng: "en",
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
    // Keys are checked by the compiler elsewhere; here a plain string key is enough.
    const t = (language: string, key: string, count: number) =>
      (i18n.getFixedT(language) as (key: string, options: { count: number }) => string)(key, { count });
    expect(t("en", "calls.showing", 1)).toBe("1 call shown");
    expect(t("en", "calls.showing", 2)).toBe("2 calls shown");
    expect(t("en", "calls.showing", 1234)).toBe("1,234 calls shown");
    // French: 0 and 1 are singular; thousands are grouped with a (narrow) no-break space.
    expect(t("fr", "calls.showing", 0)).toBe("0 appel affiché");
    expect(t("fr", "calls.showing", 1)).toBe("1 appel affiché");
    expect(t("fr", "calls.showing", 2)).toBe("2 appels affichés");
    expect(t("fr", "calls.showing", 1234)).toMatch(/^1\s234 appels affichés$/u);
    expect(t("fr", "numbers.total", 1)).toBe("1 numéro");
    expect(t("fr", "audit.showing", 1)).toBe("1 entrée affichée");
  });
});
