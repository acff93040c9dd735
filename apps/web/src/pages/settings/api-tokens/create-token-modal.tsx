import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "../../../lib/app-error";
import { trpc } from "../../../lib/trpc";
import { useActionKey } from "../../../lib/use-action-key";

interface TokenValues {
  name: string;
  role: "ADMIN" | "SUPERVISOR" | "AGENT";
  expiresAt?: Dayjs | null;
}

const ROLES = ["AGENT", "SUPERVISOR", "ADMIN"] as const;

export function CreateTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TokenValues>();
  const [token, setToken] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const create = trpc.tokens.create.useMutation({ onSuccess: () => utils.tokens.list.invalidate() });
  const action = useActionKey(open);

  function close() {
    setToken(null);
    form.resetFields();
    onClose();
  }

  async function handleFinish(values: TokenValues) {
    try {
      const created = await action.run((idempotencyKey) =>
        create.mutateAsync({
          name: values.name.trim(),
          role: values.role,
          expiresAt: values.expiresAt ? values.expiresAt.endOf("day").toDate() : undefined,
          idempotencyKey,
        }),
      );
      if (created) setToken(created.token);
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  if (token) {
    return (
      <Modal
        open={open}
        title={t("apiTokens.created.title")}
        onOk={close}
        onCancel={close}
        okText={t("apiTokens.created.done")}
        cancelButtonProps={{ style: { display: "none" } }}
        maskClosable={false}
        data-testid="api-token-created"
      >
        <Alert type="warning" showIcon title={t("apiTokens.created.description")} style={{ marginBottom: 12 }} />
        <Typography.Text code copyable style={{ wordBreak: "break-all" }} data-testid="api-token-value">
          {token}
        </Typography.Text>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t("apiTokens.form.title")}
      onCancel={close}
      okText={t("apiTokens.form.submit")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<TokenValues> form={form} layout="vertical" initialValues={{ role: "AGENT" }} onFinish={handleFinish}>
        <Form.Item
          name="name"
          label={t("apiTokens.form.name")}
          htmlFor="api-token-name"
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 100, message: t("validation.too_long") },
          ]}
        >
          <Input id="api-token-name" placeholder={t("apiTokens.form.namePlaceholder")} autoFocus />
        </Form.Item>
        <Form.Item
          name="role"
          label={t("apiTokens.form.role")}
          extra={t("apiTokens.form.roleHelp")}
          htmlFor="api-token-role"
        >
          <Select id="api-token-role" options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label={t("apiTokens.form.expiresAt")}
          extra={t("apiTokens.form.expiresHelp")}
          htmlFor="api-token-expires"
        >
          <DatePicker
            id="api-token-expires"
            disabledDate={(day) => day.isBefore(new Date(), "day")}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
