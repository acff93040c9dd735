import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";

export function SessionLoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t("session.loadFailed")}
      extra={<Button onClick={onRetry}>{t("common.retry")}</Button>}
    />
  );
}
