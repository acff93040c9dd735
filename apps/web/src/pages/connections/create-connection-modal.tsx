import { Alert, App, Form, Input, Modal, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import type { ConnectionKind } from "./connection-values";
import { useConnectionMutations } from "./use-connection-mutations";

interface CreateConnectionModalProps {
  /** null = closed. */
  kind: ConnectionKind | null;
  onClose: () => void;
}

export function CreateConnectionModal({ kind, onClose }: CreateConnectionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const { createApplication, createMessagingProfile, createCredentialConnection } = useConnectionMutations();
  const mutation =
    kind === "MESSAGING_PROFILE"
      ? createMessagingProfile
      : kind === "CREDENTIAL_CONNECTION"
        ? createCredentialConnection
        : createApplication;
  const titleKey =
    kind === "MESSAGING_PROFILE"
      ? "connections.create.profileTitle"
      : kind === "CREDENTIAL_CONNECTION"
        ? "connections.create.credentialTitle"
        : "connections.create.applicationTitle";

  async function handleFinish({ name }: { name: string }) {
    setFormError(null);
    try {
      const created = await mutation.mutateAsync({ name: name.trim() });
      void message.success(t("connections.create.created", { name: created.name }));
      onClose();
    } catch (error) {
      setFormError(translateError(t, error));
    }
  }

  return (
    <Modal
      open={kind !== null}
      title={t(titleKey)}
      okText={t("connections.create.submit")}
      cancelText={t("common.cancel")}
      okButtonProps={
        { loading: mutation.isPending, htmlType: "submit", "data-testid": "connection-create-submit" } as ButtonProps
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterClose={() => setFormError(null)}
    >
      {formError ? <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={handleFinish} disabled={mutation.isPending}>
        <Form.Item
          name="name"
          label={t("connections.create.name")}
          htmlFor="connection-name"
          extra={t(kind === "CREDENTIAL_CONNECTION" ? "connections.create.credentialHelp" : "connections.create.help")}
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 100, message: t("validation.too_long") },
          ]}
        >
          <Input
            id="connection-name"
            autoFocus
            autoComplete="off"
            placeholder={t("connections.create.namePlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
