import { useState } from "react";
import { PhoneNumberInput } from "@app/ui/phone-number-input";
import { isE164PhoneNumber } from "@app/ui/phone-number";
import { Alert, App, Button, Checkbox, Flex, Form, Modal } from "antd";
import { useTranslation } from "react-i18next";
import { getDefaultPhoneCountry } from "../../i18n/language";
import { useLanguage } from "../../i18n/use-language";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { useActionKey } from "../../lib/use-action-key";
import { useApplyLive } from "../../live/use-apply-live";
import { useDefaultFromNumber } from "./use-default-from-number";
import { FromNumberSelect } from "./from-number-select";
import { LeadSearchSelect, type PickedLead } from "./lead-search-select";

interface PlaceCallValues {
  fromNumberId?: string;
  to: string;
  leadId?: string;
  record: boolean;
}

interface PlaceCallModalProps {
  isOpen: boolean;
  onClose: () => void;
  /** Opened from a lead row: destination and lead are prefilled. */
  lead?: PickedLead | null;
}

export function PlaceCallModal({ isOpen, onClose, lead }: PlaceCallModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [language] = useLanguage();
  const [form] = Form.useForm<PlaceCallValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const live = useApplyLive();
  const numbers = trpc.calls.fromNumbers.useQuery(undefined, { enabled: isOpen });
  const create = trpc.calls.create.useMutation();
  const action = useActionKey(isOpen);
  const country = getDefaultPhoneCountry(language);
  const available = numbers.data ?? [];

  const followDestination = useDefaultFromNumber(form, isOpen, available);

  async function handleFinish(values: PlaceCallValues) {
    setFormError(null);
    try {
      const call = await action.run((idempotencyKey) =>
        create.mutateAsync({
          to: values.to,
          fromNumberId: values.fromNumberId,
          leadId: values.leadId,
          record: values.record,
          idempotencyKey,
        }),
      );
      if (!call) return;
      live.applyCall(call);
      void message.info(t("calls.place.started", { number: call.leadName ?? values.to }));
      onClose();
    } catch (error) {
      setFormError(translateError(t, error));
    }
  }

  return (
    <Modal
      open={isOpen}
      title={t("calls.place.title")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setFormError(null)}
    >
      {formError ? (
        <Alert
          data-testid="place-call-error"
          type="error"
          showIcon
          role="alert"
          title={formError}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {numbers.isSuccess && available.length === 0 ? (
        <Alert type="warning" showIcon title={t("calls.place.noNumbers")} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<PlaceCallValues>
        form={form}
        layout="vertical"
        initialValues={{ to: lead?.phoneNumber, leadId: lead?.id, record: true }}
        onFinish={handleFinish}
        onValuesChange={followDestination}
        disabled={create.isPending}
      >
        <Form.Item
          name="fromNumberId"
          label={t("calls.place.from")}
          htmlFor="call-from"
          rules={[{ required: true, message: t("validation.required") }]}
        >
          <FromNumberSelect
            id="call-from"
            data-testid="call-from"
            numbers={available}
            isLoading={numbers.isPending}
            placeholder={t("calls.place.fromPlaceholder")}
          />
        </Form.Item>
        <Form.Item name="leadId" label={t("calls.place.lead")} htmlFor="call-lead">
          <LeadSearchSelect
            id="call-lead"
            initialLead={lead}
            placeholder={t("calls.place.leadPlaceholder")}
            onPick={(picked) => picked && form.setFieldValue("to", picked.phoneNumber)}
          />
        </Form.Item>
        <Form.Item
          name="to"
          label={t("calls.place.to")}
          htmlFor="call-to"
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
            id="call-to"
            defaultCountry={country}
            validLabel={t("leads.form.phoneValid")}
            invalidLabel={t("leads.form.phoneInvalid")}
          />
        </Form.Item>
        <Form.Item name="record" valuePropName="checked">
          <Checkbox data-testid="call-record">{t("calls.place.record")}</Checkbox>
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} disabled={false}>
            {t("common.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="place-call-submit">
            {t("calls.place.submit")}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
