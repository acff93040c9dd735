import { Alert, App, Button, Card, Descriptions, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import type { Settings } from "./settings-values";

export function WebhookUrlsCard({ urls }: { urls: Settings["webhookUrls"] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const rotate = trpc.settings.rotateWebhookToken.useMutation({
    onSuccess: ({ repoint: _repoint, ...settings }) => utils.settings.get.setData(undefined, settings),
  });

  async function handleRotate() {
    try {
      const { repoint } = await rotate.mutateAsync();
      if (repoint.failed.length === 0) void message.success(t("settings.webhooks.rotated", { count: repoint.updated }));
      else
        void message.warning(
          t("settings.webhooks.rotatedPartly", { names: repoint.failed.map((f) => f.name).join(", ") }),
          10,
        );
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  const url = (value: string) => (
    <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
      {value}
    </Typography.Text>
  );
  return (
    <Card
      title={t("settings.webhooks.title")}
      data-testid="settings-webhooks"
      extra={
        <Popconfirm title={t("settings.webhooks.rotateConfirm")} onConfirm={handleRotate}>
          <Button size="small" loading={rotate.isPending} data-testid="rotate-webhook-urls">
            {t("settings.webhooks.rotate")}
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">{t("settings.webhooks.description")}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: "calls", label: t("settings.webhooks.calls"), children: url(urls.calls) },
          { key: "messages", label: t("settings.webhooks.messages"), children: url(urls.messages) },
          { key: "any", label: t("settings.webhooks.any"), children: url(urls.any) },
        ]}
      />
      <Alert type="info" showIcon title={t("settings.webhooks.private")} style={{ marginTop: 12 }} />
    </Card>
  );
}
