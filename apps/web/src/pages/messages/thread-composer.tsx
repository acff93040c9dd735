import { useState } from "react";
import { SendOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Input } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { useActionKey } from "../../lib/use-action-key";
import { useApplyLive } from "../../live/use-apply-live";
import { SmsCounter } from "./sms-counter";

interface ThreadComposerProps {
  to: string;
  leadId: string | null;
  /** Our number used last in this conversation, so replies keep the same sender. */
  lastOwnNumber: string | null;
}

export function ThreadComposer({ to, leadId, lastOwnNumber }: ThreadComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const live = useApplyLive();
  const numbers = trpc.messages.fromNumbers.useQuery();
  const send = trpc.messages.send.useMutation();
  const action = useActionKey();
  const fromNumberId = numbers.data?.find((number) => number.phoneNumber === lastOwnNumber)?.id;
  const canSend = text.trim().length > 0 && text.length <= 1600 && !send.isPending;

  async function handleSend() {
    if (!canSend) return;
    setError(null);
    try {
      const sent = await action.run((idempotencyKey) =>
        send.mutateAsync({ to, text, leadId: leadId ?? undefined, fromNumberId, idempotencyKey }),
      );
      if (!sent) return;
      live.applyMessage(sent);
      setText("");
    } catch (sendError) {
      setError(translateError(t, sendError));
    }
  }

  return (
    <Flex vertical gap={6}>
      {error ? (
        <Alert
          data-testid="thread-send-error"
          type="error"
          showIcon
          role="alert"
          title={error}
          closable={{ onClose: () => setError(null) }}
        />
      ) : null}
      <Flex gap={8} align="flex-end">
        <Input.TextArea
          data-testid="thread-composer"
          aria-label={t("messages.thread.placeholder")}
          placeholder={t("messages.thread.placeholder")}
          autoSize={{ minRows: 1, maxRows: 6 }}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              void handleSend();
            }
          }}
        />
        <Button
          type="primary"
          icon={<SendOutlined />}
          data-testid="thread-send"
          disabled={!canSend}
          loading={send.isPending}
          onClick={() => void handleSend()}
        >
          {t("messages.thread.send")}
        </Button>
      </Flex>
      <SmsCounter text={text} testId="thread-segments" />
    </Flex>
  );
}
