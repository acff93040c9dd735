import { App, Button, Card, Form, Input, Select, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { listTimeZones, type Settings } from "./settings-values";

interface OrganizationValues {
  name: string;
  timeZone: string;
}

export function OrganizationCard({ organization }: { organization: Settings["organization"] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const update = trpc.settings.update.useMutation({
    // The header shows the organization's name from the session.
    onSuccess: () => Promise.all([utils.settings.get.invalidate(), utils.auth.me.invalidate()]),
  });
  const zones = useMemo(
    () => listTimeZones(organization.timeZone).map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") })),
    [organization.timeZone],
  );

  async function handleFinish(values: OrganizationValues) {
    try {
      await update.mutateAsync({ name: values.name.trim(), timeZone: values.timeZone });
      void message.success(t("settings.organization.saved"));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Card title={t("settings.organization.title")} data-testid="settings-organization">
      <Form<OrganizationValues>
        layout="vertical"
        initialValues={{ name: organization.name, timeZone: organization.timeZone }}
        onFinish={handleFinish}
        disabled={update.isPending}
      >
        <Form.Item
          name="name"
          label={t("settings.organization.name")}
          htmlFor="org-name"
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 100, message: t("validation.too_long") },
          ]}
        >
          <Input id="org-name" autoComplete="organization" />
        </Form.Item>
        <Form.Item
          name="timeZone"
          label={t("settings.organization.timeZone")}
          htmlFor="org-time-zone"
          extra={t("settings.organization.timeZoneHelp")}
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <Select
            id="org-time-zone"
            data-testid="org-time-zone"
            showSearch={{ optionFilterProp: "label" }}
            options={zones}
          />
        </Form.Item>
        <Form.Item label={t("settings.organization.currency")}>
          <Typography.Text data-testid="org-currency">{organization.currency}</Typography.Text>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="org-save">
          {t("settings.organization.save")}
        </Button>
      </Form>
    </Card>
  );
}
