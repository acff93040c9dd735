import { useState } from "react";
import { ArrowLeftOutlined, SendOutlined } from "@ant-design/icons";
import { PageHeader } from "@app/ui/page-header";
import { Button, Col, Grid, Row } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { SendSmsModal } from "./send-sms-modal";
import { ThreadsList } from "./threads-list";
import { ThreadView } from "./thread-view";
import type { ThreadTarget } from "./use-threads";

/** Deep links: /messages?lead=<id> or /messages?number=<e164>. */
function readTarget(params: URLSearchParams): ThreadTarget | null {
  const leadId = params.get("lead");
  if (leadId) return { leadId };
  const number = params.get("number");
  return number ? { counterpartNumber: number } : null;
}

export function MessagesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [isSending, setIsSending] = useState(false);
  const target = readTarget(params);
  const selectedKey = target?.leadId ?? target?.counterpartNumber ?? null;
  // A phone shows one pane at a time: the conversations, or the open one with a way back.
  const isPhone = Grid.useBreakpoint().md === false;
  const isListShown = !isPhone || selectedKey === null;
  const isThreadShown = !isPhone || selectedKey !== null;

  const openThread = (thread: { leadId: string | null; counterpartNumber: string }) =>
    setParams(thread.leadId ? { lead: thread.leadId } : { number: thread.counterpartNumber });

  return (
    <>
      <PageHeader
        title={t("messages.title")}
        subtitle={t("messages.subtitle")}
        extra={
          <Button type="primary" icon={<SendOutlined />} data-testid="send-sms" onClick={() => setIsSending(true)}>
            {t("messages.sendSms")}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {isListShown ? (
          <Col xs={24} md={9} xl={7}>
            <ThreadsList selectedKey={selectedKey} onSelect={openThread} />
          </Col>
        ) : null}
        {isThreadShown ? (
          <Col xs={24} md={15} xl={17}>
            {isPhone ? (
              <Button
                type="link"
                icon={<ArrowLeftOutlined />}
                data-testid="threads-back"
                onClick={() => setParams({})}
                style={{ paddingInline: 0, marginBottom: 8 }}
              >
                {t("messages.allConversations")}
              </Button>
            ) : null}
            <ThreadView key={selectedKey ?? "none"} target={target} />
          </Col>
        ) : null}
      </Row>
      <SendSmsModal isOpen={isSending} onClose={() => setIsSending(false)} onSent={openThread} />
    </>
  );
}
