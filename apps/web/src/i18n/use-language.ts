import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./language";
import { changeLanguage } from "./setup";

/** Current language (always a supported one) and a setter that persists the choice. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return [isLanguage(current) ? current : "en", changeLanguage];
}
