/**
 * i18next for the whole app: both languages are bundled (a few KB), the first language comes from
 * the header choice or the browser, and dayjs, <html lang> and storage follow every change.
 */
import dayjs from "dayjs";
import "dayjs/locale/fr";
import localizedFormat from "dayjs/plugin/localizedFormat";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { fr } from "./fr";
import { isLanguage, readInitialLanguage, storeLanguage, type Language } from "./language";

dayjs.extend(localizedFormat);

function applyLanguage(language: Language): void {
  dayjs.locale(language);
  document.documentElement.lang = language;
}

const initialLanguage = readInitialLanguage();
applyLanguage(initialLanguage);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initialLanguage,
  fallbackLng: "en",
  supportedLngs: ["en", "fr"],
  interpolation: { escapeValue: false },
  initAsync: false,
});

i18n.on("languageChanged", (language) => {
  if (isLanguage(language)) applyLanguage(language);
});

export function changeLanguage(language: Language): void {
  storeLanguage(language);
  void i18n.changeLanguage(language);
}

export { i18n };
