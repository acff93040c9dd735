import { useEffect, useRef } from "react";
import { MessageOutlined } from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Alert, Button, Card, Flex, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { translateError } from "../../lib/app-error";
import { formatCounterpart } from "../calls/call-format";
import { MessageBubble } from "./message-bubble";
import { ThreadComposer } from "./thread-composer";
import { useThread, type ThreadTarget } from "./use-threads";

export function ThreadView({ target }: { target: ThreadTarget | null }) {
  const { t } = useTranslation();
  const thread = useThread(target);
  const bottom = useRef<HTMLDivElement>(null);
  const lastId = thread.messages.at(-1)?.id;

  // Follow the conversation: a new message (sent or received) scrolls into view.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [lastId]);

  if (!target) {
    return (
      <Card style={{ height: "100%" }}>
        <EmptyState
          icon={<MessageOutlined />}
          title={t("messages.thread.pick")}
          description={t("messages.thread.pickDescription")}
        />
      </Card>
    );
  }
  const head = thread.head;
  const counterpart = head?.counterpartNumber ?? target.counterpartNumber ?? "";
  const last = thread.messages.at(-1);
  const lastOwnNumber = last ? (last.direction === "OUTBOUND" ? last.fromNumber : last.toNumber) : null;

  return (
    <Card
      data-testid="thread-view"
      data-counterpart={counterpart}
      title={
        <Flex vertical style={{ padding: "8px 0" }}>
          <Typography.Text strong>{formatCounterpart(head?.leadName, counterpart)}</Typography.Text>
          <Flex gap={12} align="center">
            <PhoneNumberDisplay value={counterpart} />
            {head?.leadId ? (
              <Link to={`/leads?search=${encodeURIComponent(counterpart)}`}>{t("messages.thread.openLead")}</Link>
            ) : null}
          </Flex>
        </Flex>
      }
      styles={{
        body: { display: "flex", flexDirection: "column", gap: 12, height: "calc(100vh - 300px)", minHeight: 360 },
      }}
    >
      {head?.optedOut ? (
        <Alert data-testid="opted-out-banner" type="warning" showIcon title={t("messages.thread.optedOut")} />
      ) : null}
      {thread.error ? <Alert type="error" showIcon role="alert" title={translateError(t, thread.error)} /> : null}
      <div
        style={{ flex: 1, overflowY: "auto", display: "flex", flexDirection: "column", gap: 10, paddingRight: 4 }}
        data-testid="thread-messages"
      >
        {thread.hasOlder ? (
          <Button
            type="link"
            loading={thread.isLoadingOlder}
            onClick={thread.loadOlder}
            style={{ alignSelf: "center" }}
          >
            {t("messages.olderMessages")}
          </Button>
        ) : null}
        {thread.isLoading ? <Skeleton active /> : null}
        {!thread.isLoading && thread.messages.length === 0 ? (
          <Typography.Text type="secondary" style={{ textAlign: "center", marginTop: 24 }}>
            {t("messages.thread.empty")}
          </Typography.Text>
        ) : null}
        {thread.messages.map((message) => (
          <MessageBubble key={message.id} message={message} />
        ))}
        <div ref={bottom} />
      </div>
      {counterpart ? (
        <ThreadComposer to={counterpart} leadId={head?.leadId ?? target.leadId ?? null} lastOwnNumber={lastOwnNumber} />
      ) : null}
    </Card>
  );
}
