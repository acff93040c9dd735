/**
 * i18next for the whole app. English is bundled; French (messages, antd and dayjs locales) is its
 * own chunk, loaded before the first render when it is the first language, or when it is chosen.
 * The first language comes from the header choice or the browser, and dayjs, <html lang> and
 * storage follow every change.
 */
import dayjs from "dayjs";
import localizedFormat from "dayjs/plugin/localizedFormat";
import i18n from "i18next";
import type { Locale } from "antd/es/locale";
import enUS from "antd/locale/en_US";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { isLanguage, readInitialLanguage, storeLanguage, type Language } from "./language";

dayjs.extend(localizedFormat);

const antdLocales: Partial<Record<Language, Locale>> = { en: enUS };

/** Adds the language's messages and locales once; resolves when they are in place. */
async function loadLanguage(language: Language): Promise<void> {
  if (antdLocales[language]) return;
  switch (language) {
    case "en":
      return;
    case "fr": {
      const { french } = await import("./french");
      i18n.addResourceBundle("fr", "translation", french.messages);
      antdLocales.fr = french.antdLocale;
      return;
    }
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(language);
  document.documentElement.lang = language;
}

async function initI18n(): Promise<void> {
  const initialLanguage = readInitialLanguage();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: "en",
    fallbackLng: "en",
    supportedLngs: ["en", "fr"],
    interpolation: { escapeValue: false },
    initAsync: false,
    // A key without a translation (or a dynamic key falling back to its default value) is recorded, so the
    // French rendering test can fail on it; it also warns in the console in development.
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => reportMissingKey(languages, key),
  });
  i18n.on("languageChanged", (language) => {
    if (isLanguage(language)) applyLanguage(language);
  });
  applyLanguage("en");
  // A failed French chunk leaves the app in English rather than blank.
  if (initialLanguage !== "en")
    await loadLanguage(initialLanguage).then(
      () => i18n.changeLanguage(initialLanguage),
      () => undefined,
    );
}

/** Keys the app asked for without a translation in the active language, read by the e2e tests. */
export const missingKeys: string[] = [];
(window as unknown as { __i18nMissingKeys?: string[] }).__i18nMissingKeys = missingKeys;

function reportMissingKey(languages: readonly string[], key: string): void {
  const entry = `${languages.join(",")}:${key}`;
  if (missingKeys.includes(entry)) return;
  missingKeys.push(entry);
  if (import.meta.env.DEV) console.warn(`Missing translation ${entry}`);
}

/** Resolves once the first language is ready to render (at once for English). */
export const i18nReady: Promise<void> = initI18n();

/** antd's locale for a language already loaded (English until the other one arrives). */
export function getAntdLocale(language: Language): Locale {
  return antdLocales[language] ?? enUS;
}

export function changeLanguage(language: Language): void {
  storeLanguage(language);
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

export { i18n };
