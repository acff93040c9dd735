import { PhoneNumberInput } from "@app/ui/phone-number-input";
import { isE164PhoneNumber } from "@app/ui/phone-number";
import { Alert, App, Button, Flex, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getDefaultPhoneCountry } from "../../i18n/language";
import { useLanguage } from "../../i18n/use-language";
import { translateError, translateFieldErrors } from "../../lib/app-error";
import { useActionKey } from "../../lib/use-action-key";
import { isLeadFormField, toLeadFormValues, toLeadInput, type Lead, type LeadFormValues } from "./lead-form-values";
import { useLeadMutations } from "./use-lead-mutations";

interface LeadFormModalProps {
  /** null = create; a lead = edit it. */
  lead: Lead | null;
  isOpen: boolean;
  onClose: () => void;
}

export function LeadFormModal({ lead, isOpen, onClose }: LeadFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [language] = useLanguage();
  const [form] = Form.useForm<LeadFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const { create, update } = useLeadMutations();
  const action = useActionKey(isOpen);
  const country = getDefaultPhoneCountry(language);
  const isSaving = create.isPending || update.isPending;

  async function handleFinish(values: LeadFormValues) {
    setFormError(null);
    const input = toLeadInput(values);
    try {
      const saved = await action.run((idempotencyKey) =>
        lead ? update.mutateAsync({ id: lead.id, data: input }) : create.mutateAsync({ ...input, idempotencyKey }),
      );
      if (!saved) return;
      void message.success(t(lead ? "leads.updated" : "leads.created"));
      onClose();
    } catch (error) {
      // Server validation lands on the fields it concerns; anything else is shown above the form.
      const fieldErrors = Object.entries(translateFieldErrors(t, error)).filter(([name]) => isLeadFormField(name));
      form.setFields(fieldErrors.map(([name, errors]) => ({ name: name as keyof LeadFormValues, errors })));
      if (fieldErrors.length === 0) setFormError(translateError(t, error));
    }
  }

  const text = (key: "firstName" | "lastName" | "company" | "email" | "phoneNumber" | "notes") => ({
    label: t(`leads.form.${key}`),
    htmlFor: `lead-${key}`,
    name: key,
  });

  return (
    <Modal
      open={isOpen}
      title={t(lead ? "leads.form.editTitle" : "leads.form.createTitle")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setFormError(null)}
    >
      {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form<LeadFormValues>
        form={form}
        layout="vertical"
        initialValues={toLeadFormValues(lead)}
        onFinish={handleFinish}
        disabled={isSaving}
      >
        <Flex gap={12}>
          <Form.Item
            {...text("firstName")}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: t("validation.required") },
              { max: 100, message: t("validation.too_long") },
            ]}
          >
            <Input id="lead-firstName" autoComplete="off" autoFocus />
          </Form.Item>
          <Form.Item
            {...text("lastName")}
            style={{ flex: 1 }}
            rules={[{ max: 100, message: t("validation.too_long") }]}
          >
            <Input id="lead-lastName" autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item {...text("company")} rules={[{ max: 200, message: t("validation.too_long") }]}>
          <Input id="lead-company" autoComplete="off" />
        </Form.Item>
        <Form.Item {...text("email")} rules={[{ type: "email", message: t("validation.invalid_email") }]}>
          <Input id="lead-email" type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          {...text("phoneNumber")}
          extra={t("leads.form.phoneHelp", { country: t(`leads.countries.${country}`) })}
          validateTrigger="onBlur"
          rules={[
            { required: true, message: t("validation.required") },
            {
              validator: (_, value?: string) =>
                !value || isE164PhoneNumber(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("validation.invalid_phone"))),
            },
          ]}
        >
          <PhoneNumberInput
            id="lead-phoneNumber"
            defaultCountry={country}
            validLabel={t("leads.form.phoneValid")}
            invalidLabel={t("leads.form.phoneInvalid")}
          />
        </Form.Item>
        <Form.Item {...text("notes")} rules={[{ max: 5000, message: t("validation.too_long") }]}>
          <Input.TextArea id="lead-notes" autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} disabled={false}>
            {t("common.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={isSaving} data-testid="lead-submit">
            {t(lead ? "leads.form.submitEdit" : "leads.form.submitCreate")}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
