import { useRef, useState } from "react";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { PhoneNumberInput } from "@app/ui/phone-number-input";
import { isE164PhoneNumber } from "@app/ui/phone-number";
import { Alert, App, Button, Flex, Form, Modal, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { getDefaultPhoneCountry } from "../i18n/language";
import { useLanguage } from "../i18n/use-language";
import { translateError } from "../lib/app-error";
import { trpc } from "../lib/trpc";
import { useActionKey } from "../lib/use-action-key";
import { useApplyLive } from "../live/use-apply-live";
import { ColleaguePicker } from "./colleague-picker";

interface TransferValues {
  target: "number" | "agent" | "queue";
  to?: string;
  toUserId?: string;
  toQueueId?: string;
}

interface TransferModalProps {
  callId: string;
  isOpen: boolean;
  onClose: () => void;
  /** The call as the transfer left it (a blind transfer to a number is over for the agent at once). */
  onTransferred: (call: TCallDto) => void;
}

export function TransferModal({ callId, isOpen, onClose, onTransferred }: TransferModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [language] = useLanguage();
  const [form] = Form.useForm<TransferValues>();
  const target = Form.useWatch("target", form) ?? "number";
  const [error, setError] = useState<string | null>(null);
  const live = useApplyLive();
  const transfer = trpc.calls.transfer.useMutation();
  const consult = trpc.calls.consult.useMutation();
  const consultKey = useActionKey(isOpen);
  // Which submit button was pressed: transfer now (blind), or consult the colleague first (warm).
  const isConsult = useRef(false);
  const isPending = transfer.isPending || consult.isPending;
  // Presence changes while the dialog is open: read it again every few seconds.
  const colleagues = trpc.agents.colleagues.useQuery(undefined, {
    enabled: isOpen && target === "agent",
    staleTime: 0,
    refetchInterval: 5_000,
  });
  const queues = trpc.routing.queues.list.useQuery(undefined, {
    enabled: isOpen && target === "queue",
    staleTime: 0,
    refetchInterval: 5_000,
  });

  async function handleFinish(values: TransferValues) {
    setError(null);
    try {
      if (values.target === "agent" && values.toUserId && isConsult.current) {
        const toUserId = values.toUserId;
        const call = await consultKey.run((idempotencyKey) =>
          consult.mutateAsync({ id: callId, toUserId, idempotencyKey }),
        );
        if (!call) return;
        live.applyCall(call);
        onClose();
        return;
      }
      const call = await transfer.mutateAsync(
        values.target === "agent"
          ? { id: callId, toUserId: values.toUserId }
          : values.target === "queue"
            ? { id: callId, toQueueId: values.toQueueId }
            : { id: callId, to: values.to },
      );
      live.applyCall(call);
      onTransferred(call);
      void message.success(t("calls.transfer.done"));
      onClose();
    } catch (transferError) {
      setError(translateError(t, transferError));
    }
  }

  return (
    <Modal
      open={isOpen}
      title={t("calls.transfer.title")}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      afterClose={() => setError(null)}
    >
      {error ? (
        <Alert
          data-testid="transfer-error"
          type="error"
          showIcon
          role="alert"
          title={error}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<TransferValues>
        form={form}
        layout="vertical"
        initialValues={{ target: "number" }}
        onFinish={handleFinish}
        disabled={isPending}
      >
        <Form.Item name="target">
          <Radio.Group
            optionType="button"
            options={[
              { value: "number", label: t("calls.transfer.toNumber") },
              { value: "agent", label: t("calls.transfer.toAgent") },
              { value: "queue", label: t("calls.transfer.toQueue") },
            ]}
          />
        </Form.Item>
        {target === "number" ? (
          <Form.Item
            name="to"
            label={t("calls.transfer.number")}
            htmlFor="transfer-to"
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
            <PhoneNumberInput id="transfer-to" defaultCountry={getDefaultPhoneCountry(language)} />
          </Form.Item>
        ) : target === "queue" ? (
          <Form.Item
            name="toQueueId"
            label={t("calls.transfer.queue")}
            htmlFor="transfer-queue"
            rules={[{ required: true, message: t("calls.transfer.queuePlaceholder") }]}
          >
            <Select
              id="transfer-queue"
              data-testid="transfer-queue"
              placeholder={t("calls.transfer.queuePlaceholder")}
              loading={queues.isPending}
              notFoundContent={queues.isPending ? undefined : t("calls.transfer.noQueues")}
              options={(queues.data ?? []).map((queue) => ({
                value: queue.id,
                label: t("calls.transfer.queueOption", { name: queue.name, count: queue.waiting }),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="toUserId"
            label={t("calls.transfer.agent")}
            rules={[{ required: true, message: t("calls.transfer.agentPlaceholder") }]}
          >
            <ColleaguePicker colleagues={colleagues.data ?? []} isLoading={colleagues.isPending} />
          </Form.Item>
        )}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} disabled={false}>
            {t("common.cancel")}
          </Button>
          {target === "agent" ? (
            <Button
              htmlType="submit"
              loading={consult.isPending}
              disabled={isPending}
              data-testid="transfer-consult"
              onClick={() => {
                isConsult.current = true;
              }}
            >
              {t("calls.transfer.consult")}
            </Button>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            loading={transfer.isPending}
            disabled={isPending}
            data-testid="transfer-submit"
            onClick={() => {
              isConsult.current = false;
            }}
          >
            {t(target === "agent" ? "calls.transfer.submitNow" : "calls.transfer.submit")}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
