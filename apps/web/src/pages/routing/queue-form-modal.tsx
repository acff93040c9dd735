import type { TQueue, TQueueInput } from "@app/telnyx-core/routing/routing-schemas";
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { readAppError, translateError } from "../../lib/app-error";
import { useActionKey } from "../../lib/use-action-key";
import {
  MAX_WAIT_RANGE,
  NEW_QUEUE,
  pickQueueInput,
  RING_STRATEGIES,
  RING_TIMEOUT_RANGE,
  toQueueInput,
} from "./routing-values";
import { useAgentChoices, useQueueMutations } from "./use-routing";

interface QueueFormModalProps {
  /** "new" to create; a queue to edit; null = closed. */
  queue: TQueue | "new" | null;
  onClose: () => void;
}

type QueueFormValues = Omit<TQueueInput, "holdMessage"> & { holdMessage: string | null };

/** Mounted per opening, so the form starts from the queue being edited (antd's form store outlives initialValues). */
export function QueueFormModal({ queue, onClose }: QueueFormModalProps) {
  if (!queue) return null;
  return <QueueFormDialog key={queue === "new" ? "new" : queue.id} queue={queue} onClose={onClose} />;
}

function QueueFormDialog({ queue, onClose }: { queue: TQueue | "new"; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<QueueFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const { create, update } = useQueueMutations();
  const agents = useAgentChoices();
  const isNew = queue === "new";
  const action = useActionKey();
  const isPending = create.isPending || update.isPending;
  const strategy = Form.useWatch("strategy", form);

  async function handleFinish(values: QueueFormValues) {
    setFormError(null);
    const input = toQueueInput(values);
    try {
      if (queue === "new") {
        const created = await action.run((idempotencyKey) => create.mutateAsync({ ...input, idempotencyKey }));
        if (!created) return;
        void message.success(t("routing.queues.created"));
      } else {
        await update.mutateAsync({ ...input, id: queue.id });
        void message.success(t("routing.queues.saved"));
      }
      onClose();
    } catch (error) {
      if (readAppError(error).fieldErrors?.name?.includes("taken")) {
        form.setFields([{ name: "name", errors: [t("routing.form.nameTaken")] }]);
        return;
      }
      setFormError(translateError(t, error));
    }
  }

  const secondsRule = (range: { min: number; max: number }) => ({
    type: "number" as const,
    min: range.min,
    max: range.max,
    required: true,
    message: t("routing.form.range", range),
  });

  return (
    <Modal
      open
      title={t(isNew ? "routing.form.createTitle" : "routing.form.editTitle")}
      okText={t(isNew ? "routing.form.create" : "routing.form.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: isPending, disabled: isPending, "data-testid": "queue-submit" } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onClose}
      data-testid="queue-form"
    >
      {formError ? <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<QueueFormValues>
        form={form}
        layout="vertical"
        initialValues={queue === "new" ? NEW_QUEUE : pickQueueInput(queue)}
        onFinish={handleFinish}
        disabled={isPending}
      >
        <Form.Item
          name="name"
          label={t("routing.form.name")}
          htmlFor="queue-name"
          rules={[
            { required: true, whitespace: true, message: t("validation.required") },
            { max: 60, message: t("validation.too_long") },
          ]}
        >
          <Input id="queue-name" autoComplete="off" placeholder={t("routing.form.namePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="memberUserIds"
          label={t("routing.form.members")}
          htmlFor="queue-members"
          extra={t("routing.form.membersHelp")}
        >
          <Select
            id="queue-members"
            data-testid="queue-members"
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            loading={agents.isLoading}
            options={agents.options}
            placeholder={t("routing.form.membersPlaceholder")}
          />
        </Form.Item>
        <Form.Item
          name="strategy"
          label={t("routing.form.strategy")}
          htmlFor="queue-strategy"
          extra={strategy ? t(`routing.strategyHelp.${strategy}`) : null}
        >
          <Select
            id="queue-strategy"
            data-testid="queue-strategy"
            options={RING_STRATEGIES.map((value) => ({ value, label: t(`routing.strategy.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="ringTimeoutSecs"
          label={t("routing.form.ringTimeout")}
          htmlFor="queue-ring-timeout"
          extra={t("routing.form.ringTimeoutHelp")}
          rules={[secondsRule(RING_TIMEOUT_RANGE)]}
        >
          <InputNumber
            id="queue-ring-timeout"
            inputMode="numeric"
            precision={0}
            {...RING_TIMEOUT_RANGE}
            suffix={t("routing.form.seconds")}
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item
          name="maxWaitSecs"
          label={t("routing.form.maxWait")}
          htmlFor="queue-max-wait"
          extra={t("routing.form.maxWaitHelp")}
          rules={[secondsRule(MAX_WAIT_RANGE)]}
        >
          <InputNumber
            id="queue-max-wait"
            inputMode="numeric"
            precision={0}
            {...MAX_WAIT_RANGE}
            suffix={t("routing.form.seconds")}
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item
          name="holdMessage"
          label={t("routing.form.holdMessage")}
          htmlFor="queue-hold-message"
          extra={t("routing.form.holdMessageHelp")}
          rules={[{ max: 500, message: t("validation.too_long") }]}
        >
          <Input.TextArea
            id="queue-hold-message"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder={t("routing.form.holdMessagePlaceholder")}
          />
        </Form.Item>
        <Form.Item name="announcePosition" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="queue-announce-position">{t("routing.form.announcePosition")}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
