import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { TIvrMenu } from "@app/telnyx-core/routing/routing-schemas";
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readAppError, translateError } from "../../lib/app-error";
import { useActionKey } from "../../lib/use-action-key";
import { IVR_DIGITS, type IvrFormValues, menuToFormValues, NEW_MENU, toMenuInput } from "./routing-values";
import { useIvrMutations, useIvrTargetChoices } from "./use-routing";

interface IvrFormModalProps {
  /** "new" to create; a menu to edit; null = closed. */
  menu: TIvrMenu | "new" | null;
  onClose: () => void;
}

/** Mounted per opening, so the form starts from the menu being edited. */
export function IvrFormModal({ menu, onClose }: IvrFormModalProps) {
  if (!menu) return null;
  return <IvrFormDialog key={menu === "new" ? "new" : menu.id} menu={menu} onClose={onClose} />;
}

function IvrFormDialog({ menu, onClose }: { menu: TIvrMenu | "new"; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IvrFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const { create, update } = useIvrMutations();
  const targets = useIvrTargetChoices(menu === "new" ? null : menu.id);
  const isNew = menu === "new";
  const action = useActionKey();
  const isPending = create.isPending || update.isPending;

  async function handleFinish(values: IvrFormValues) {
    setFormError(null);
    const input = toMenuInput(values);
    try {
      if (menu === "new") {
        const created = await action.run((idempotencyKey) => create.mutateAsync({ ...input, idempotencyKey }));
        if (!created) return;
        void message.success(t("routing.ivr.created"));
      } else {
        await update.mutateAsync({ ...input, id: menu.id });
        void message.success(t("routing.ivr.saved"));
      }
      onClose();
    } catch (error) {
      if (readAppError(error).fieldErrors?.name?.includes("taken")) {
        form.setFields([{ name: "name", errors: [t("routing.ivr.form.nameTaken")] }]);
        return;
      }
      setFormError(translateError(t, error));
    }
  }

  const isDuplicateDigit = (digit: string | undefined) =>
    (form.getFieldValue("options") as IvrFormValues["options"]).filter((row) => row?.digit === digit).length > 1;

  return (
    <Modal
      open
      title={t(isNew ? "routing.ivr.form.createTitle" : "routing.ivr.form.editTitle")}
      okText={t(isNew ? "routing.ivr.form.create" : "routing.ivr.form.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: isPending, disabled: isPending, "data-testid": "ivr-submit" } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      data-testid="ivr-form"
    >
      {formError ? <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<IvrFormValues>
        form={form}
        layout="vertical"
        initialValues={menu === "new" ? NEW_MENU : menuToFormValues(menu)}
        onFinish={handleFinish}
        disabled={isPending}
      >
        <Form.Item
          name="name"
          label={t("routing.ivr.form.name")}
          htmlFor="ivr-name"
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 60, message: t("validation.too_long") },
          ]}
        >
          <Input id="ivr-name" autoComplete="off" placeholder={t("routing.ivr.form.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="greeting"
          label={t("routing.ivr.form.greeting")}
          htmlFor="ivr-greeting"
          extra={t("routing.ivr.form.greetingHelp")}
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 1000, message: t("validation.too_long") },
          ]}
        >
          <Input.TextArea
            id="ivr-greeting"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            placeholder={t("routing.ivr.form.greetingPlaceholder")}
          />
        </Form.Item>
        <Typography.Text strong>{t("routing.ivr.form.options")}</Typography.Text>
        <Form.List
          name="options"
          rules={[
            {
              validator: async (_, rows: IvrFormValues["options"] | undefined) => {
                if (!rows || rows.length === 0) throw new Error(t("routing.ivr.form.noOptions"));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start" data-testid="ivr-option-row">
                  <Form.Item
                    name={[field.name, "digit"]}
                    style={{ marginBottom: 0, width: 88 }}
                    rules={[
                      { required: true, message: t("validation.required") },
                      {
                        validator: async (_, digit: string | undefined) => {
                          if (isDuplicateDigit(digit)) throw new Error(t("routing.ivr.form.duplicateDigit"));
                        },
                      },
                    ]}
                  >
                    <Select
                      aria-label={t("routing.ivr.form.digit")}
                      data-testid="ivr-option-digit"
                      options={IVR_DIGITS.map((digit) => ({ value: digit, label: digit }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "target"]}
                    style={{ marginBottom: 0, flex: "1 1 180px", minWidth: 0 }}
                    rules={[{ required: true, message: t("validation.required") }]}
                  >
                    <Select
                      aria-label={t("routing.ivr.form.target")}
                      data-testid="ivr-option-target"
                      placeholder={t("routing.ivr.form.target")}
                      options={targets.options}
                      loading={targets.isLoading}
                      showSearch={{ optionFilterProp: "label" }}
                      popupMatchSelectWidth={false}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t("routing.ivr.form.removeOption")}
                    data-testid="ivr-option-remove"
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                data-testid="ivr-option-add"
                disabled={fields.length >= IVR_DIGITS.length}
                onClick={() => {
                  const used = new Set(
                    (form.getFieldValue("options") as IvrFormValues["options"]).map((r) => r?.digit),
                  );
                  add({ digit: IVR_DIGITS.find((digit) => !used.has(digit)), target: undefined });
                }}
              >
                {t("routing.ivr.form.addOption")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
