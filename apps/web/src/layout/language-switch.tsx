import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../i18n/language";
import { useLanguage } from "../i18n/use-language";

// Language names are written in their own language, never translated.
const OPTIONS = [
  { value: "en", label: "English" },
  { value: "fr", label: "Français" },
];

export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented
      data-testid="lang-switch"
      aria-label={t("common.language")}
      size="small"
      options={OPTIONS}
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) setLanguage(value);
      }}
    />
  );
}
