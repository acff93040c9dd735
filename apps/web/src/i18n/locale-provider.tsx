import type { ReactNode } from "react";
import { ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import frFR from "antd/locale/fr_FR";
import { useLanguage } from "./use-language";

const ANTD_LOCALES = { en: enUS, fr: frFR } as const;

const THEME = { token: { colorPrimary: "#00a37a", borderRadius: 8 } };

/** antd follows the i18next language (dates, pagination, empty texts, Popconfirm buttons). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}
