import type { ReactNode } from "react";
import { ConfigProvider } from "antd";
import { getAntdLocale } from "./setup";
import { useLanguage } from "./use-language";

const THEME = { token: { colorPrimary: "#00a37a", borderRadius: 8 } };

/** antd follows the i18next language (dates, pagination, empty texts, Popconfirm buttons). */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider locale={getAntdLocale(language)} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}
