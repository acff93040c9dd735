import { useState } from "react";
import { PhoneNumberInput } from "@app/ui/phone-number-input";
import { isE164PhoneNumber } from "@app/ui/phone-number";
import { Alert, App, Button, Flex, Form, Input, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { getDefaultPhoneCountry } from "../../i18n/language";
import { useLanguage } from "../../i18n/use-language";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { useActionKey } from "../../lib/use-action-key";
import { useApplyLive } from "../../live/use-apply-live";
import { useDefaultFromNumber } from "../calls/use-default-from-number";
import { FromNumberSelect } from "../calls/from-number-select";
import type { PickedLead } from "../calls/lead-search-select";
import { SmsCounter } from "./sms-counter";

interface SendSmsValues {
  fromNumberId?: string;
  to: string;
  text: string;
}

interface SendSmsModalProps {
  isOpen: boolean;
  onClose: () => void;
  lead?: PickedLead | null;
  onSent?: (message: { leadId: string | null; counterpartNumber: string }) => void;
}

export function SendSmsModal({ isOpen, onClose, lead, onSent }: SendSmsModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [language] = useLanguage();
  const [form] = Form.useForm<SendSmsValues>();
  const text = Form.useWatch("text", form) ?? "";
  const [formError, setFormError] = useState<string | null>(null);
  const live = useApplyLive();
  const numbers = trpc.messages.fromNumbers.useQuery(undefined, { enabled: isOpen });
  const send = trpc.messages.send.useMutation();
  const action = useActionKey(isOpen);
  const available = numbers.data ?? [];

  const followDestination = useDefaultFromNumber(form, isOpen, available);

  async function handleFinish(values: SendSmsValues) {
    setFormError(null);
    try {
      const sent = await action.run((idempotencyKey) =>
        send.mutateAsync({
          to: values.to,
          text: values.text,
          fromNumberId: values.fromNumberId,
          leadId: lead?.phoneNumber === values.to ? lead.id : undefined,
          idempotencyKey,
        }),
      );
      if (!sent) return;
      live.applyMessage(sent);
      void message.success(t("messages.send.sent", { number: sent.leadName ?? values.to }));
      onSent?.(sent);
      onClose();
    } catch (error) {
      setFormError(translateError(t, error));
    }
  }

  return (
    <Modal
      open={isOpen}
      title={t("messages.send.title")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setFormError(null)}
    >
      {formError ? (
        <Alert
          data-testid="send-sms-error"
          type="error"
          showIcon
          role="alert"
          title={formError}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {numbers.isSuccess && available.length === 0 ? (
        <Alert type="warning" showIcon title={t("messages.send.noNumbers")} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<SendSmsValues>
        form={form}
        layout="vertical"
        initialValues={{ to: lead?.phoneNumber }}
        onFinish={handleFinish}
        onValuesChange={followDestination}
        disabled={send.isPending}
      >
        <Form.Item
          name="fromNumberId"
          label={t("messages.send.from")}
          htmlFor="sms-from"
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <FromNumberSelect
            id="sms-from"
            data-testid="sms-from"
            numbers={available}
            isLoading={numbers.isPending}
            placeholder={t("messages.send.fromPlaceholder")}
          />
        </Form.Item>
        <Form.Item
          name="to"
          label={t("messages.send.to")}
          htmlFor="sms-to"
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
            id="sms-to"
            defaultCountry={getDefaultPhoneCountry(language)}
            validLabel={t("leads.form.phoneValid")}
            invalidLabel={t("leads.form.phoneInvalid")}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t("messages.send.text")}
          htmlFor="sms-text"
          extra={<SmsCounter text={text} />}
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 1600, message: t("validation.too_long") },
          ]}
        >
          <Input.TextArea id="sms-text" data-testid="sms-text" autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} disabled={false}>
            {t("common.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="send-sms-submit">
            {t("messages.send.submit")}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
