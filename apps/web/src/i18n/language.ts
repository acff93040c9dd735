export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = "app.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A language chosen in the header wins; otherwise French for any fr-* browser, English for the rest. */
export function pickLanguage(stored: string | null, browserLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function readInitialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be disabled (private mode, policies): fall back to the browser language.
  }
  return pickLanguage(stored, window.navigator.language);
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still applies to this tab.
  }
}

/** Country used to read national phone numbers typed without a + prefix. */
export function getDefaultPhoneCountry(language: Language): "FR" | "US" {
  switch (language) {
    case "fr":
      return "FR";
    case "en":
      return "US";
  }
}
