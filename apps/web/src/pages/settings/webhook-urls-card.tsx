import { Card, Descriptions, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Settings } from "./settings-values";

export function WebhookUrlsCard({ urls }: { urls: Settings["webhookUrls"] }) {
  const { t } = useTranslation();
  const url = (value: string) => <Typography.Text code copyable style={{ wordBreak: "break-all" }}>{value}</Typography.Text>;
  return (
    <Card title={t("settings.webhooks.title")} data-testid="settings-webhooks">
      <Typography.Paragraph type="secondary">{t("settings.webhooks.description")}</Typography.Paragraph>
      <Descriptions size="small" column={1} items={[
        { key: "calls", label: t("settings.webhooks.calls"), children: url(urls.calls) },
        { key: "messages", label: t("settings.webhooks.messages"), children: url(urls.messages) },
        { key: "any", label: t("settings.webhooks.any"), children: url(urls.any) },
      ]} />
    </Card>
  );
}
