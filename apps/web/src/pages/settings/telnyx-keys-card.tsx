import { CheckCircleFilled, KeyOutlined, WarningOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readAppError, translateError, translateFieldErrors } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import type { Settings } from "./settings-values";

interface KeyValues {
  apiKey: string;
  publicKey?: string;
}

export function TelnyxKeysCard({ telnyx }: { telnyx: Settings["telnyx"] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<KeyValues>();
  const [rejection, setRejection] = useState<{ title: string; detail?: string } | null>(null);
  const utils = trpc.useUtils();
  const refresh = () => utils.settings.get.invalidate();
  const save = trpc.settings.setTelnyxKeys.useMutation({ onSuccess: refresh });
  const clear = trpc.settings.clearTelnyxKeys.useMutation({ onSuccess: refresh });

  async function handleSave(values: KeyValues) {
    setRejection(null);
    try {
      const publicKey = values.publicKey?.trim();
      await save.mutateAsync({ apiKey: values.apiKey.trim(), ...(publicKey ? { publicKey } : {}) });
      form.resetFields();
      void message.success(t("settings.telnyx.saved"));
    } catch (error) {
      // Field problems go under their field; anything else (Telnyx's refusal) above the form.
      const fieldErrors = Object.entries(translateFieldErrors(t, error)).filter(
        ([name]) => name === "apiKey" || name === "publicKey",
      );
      if (fieldErrors.length > 0) {
        form.setFields(
          fieldErrors.map(([name, errors]) => ({
            name: name as keyof KeyValues,
            errors: errors.map((text) => (text === "too_short" ? t("settings.telnyx.keyTooShort") : text)),
          })),
        );
        return;
      }
      // The translated sentence first; the server's own words add what Telnyx said exactly.
      const title = translateError(t, error);
      const detail = readAppError(error).message;
      setRejection({ title, detail: detail && detail !== title ? detail : undefined });
    }
  }

  async function handleClear() {
    try {
      await clear.mutateAsync();
      void message.success(t("settings.telnyx.cleared"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Card
      title={t("settings.telnyx.title")}
      data-testid="settings-telnyx"
      extra={
        <Tag color={telnyx.mode === "live" ? "green" : "gold"} data-testid="telnyx-mode">
          {t(`settings.telnyx.modes.${telnyx.mode}`)}
        </Tag>
      }
    >
      <Flex vertical gap={16}>
        {telnyx.mode === "sandbox" ? (
          <Alert type="info" showIcon title={t("settings.telnyx.sandboxNotice")} data-testid="telnyx-sandbox-notice" />
        ) : null}
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">{t(`settings.telnyx.sources.${telnyx.source}`)}</Typography.Text>
          <Typography.Text data-testid="telnyx-key-hint">
            <KeyOutlined style={{ marginInlineEnd: 8 }} />
            {telnyx.hasApiKey && telnyx.apiKeyHint
              ? t("settings.telnyx.keySet", { hint: telnyx.apiKeyHint })
              : t("settings.telnyx.noKey")}
          </Typography.Text>
          <Typography.Text type={telnyx.hasPublicKey ? undefined : "warning"}>
            {telnyx.hasPublicKey ? (
              <CheckCircleFilled style={{ marginInlineEnd: 8 }} />
            ) : (
              <WarningOutlined style={{ marginInlineEnd: 8 }} />
            )}
            {t(telnyx.hasPublicKey ? "settings.telnyx.publicKeySet" : "settings.telnyx.noPublicKey")}
          </Typography.Text>
        </Space>
        {rejection ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="telnyx-key-error"
            title={rejection.title}
            description={rejection.detail}
            closable={{ onClose: () => setRejection(null) }}
          />
        ) : null}
        <Form<KeyValues> form={form} layout="vertical" onFinish={handleSave} disabled={save.isPending}>
          <Form.Item
            name="apiKey"
            label={t("settings.telnyx.apiKey")}
            htmlFor="telnyx-api-key"
            extra={t("settings.telnyx.apiKeyHelp")}
            rules={[
              { required: true, whitespace: true, message: t("validation.required") },
              { max: 200, message: t("validation.too_long") },
            ]}
          >
            <Input.Password
              id="telnyx-api-key"
              autoComplete="off"
              placeholder={t("settings.telnyx.apiKeyPlaceholder")}
            />
          </Form.Item>
          <Form.Item
            name="publicKey"
            label={t("settings.telnyx.publicKey")}
            htmlFor="telnyx-public-key"
            extra={t("settings.telnyx.publicKeyHelp")}
            rules={[{ max: 200, message: t("validation.too_long") }]}
          >
            <Input id="telnyx-public-key" autoComplete="off" />
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="telnyx-key-save">
              {t("settings.telnyx.save")}
            </Button>
            {telnyx.source === "organization" ? (
              <Popconfirm
                title={t("settings.telnyx.clearConfirm.title")}
                description={t("settings.telnyx.clearConfirm.description")}
                okText={t("settings.telnyx.clearConfirm.ok")}
                cancelText={t("common.cancel")}
                okButtonProps={{ danger: true, loading: clear.isPending }}
                onConfirm={handleClear}
              >
                <Button danger data-testid="telnyx-key-clear">
                  {t("settings.telnyx.clear")}
                </Button>
              </Popconfirm>
            ) : null}
          </Flex>
        </Form>
      </Flex>
    </Card>
  );
}
