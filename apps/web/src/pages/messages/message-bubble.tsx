import type { TMessageDto } from "@app/telnyx-core/realtime/events";
import { MessageStatusTag } from "@app/ui/message-status-tag";
import { Flex, Typography, theme } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";

export function MessageBubble({ message }: { message: TMessageDto }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isOutbound = message.direction === "OUTBOUND";
  const error =
    message.errorCode || message.errorTitle
      ? t("messages.carrierError", {
          code: message.errorCode ?? "—",
          title: message.errorDetail ?? message.errorTitle ?? "",
        })
      : undefined;

  return (
    <Flex
      vertical
      align={isOutbound ? "flex-end" : "flex-start"}
      data-testid="message-bubble"
      data-direction={message.direction}
      data-id={message.id}
    >
      <div
        style={{
          maxWidth: "75%",
          padding: "8px 12px",
          borderRadius: 14,
          whiteSpace: "pre-wrap",
          wordBreak: "break-word",
          background: isOutbound ? token.colorPrimary : token.colorFillSecondary,
          color: isOutbound ? token.colorTextLightSolid : token.colorText,
        }}
      >
        {message.text}
      </div>
      <Flex gap={6} align="center" style={{ marginTop: 2 }}>
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {dayjs(message.createdAt).format("L LT")}
        </Typography.Text>
        {isOutbound ? (
          <MessageStatusTag
            data-testid="message-status"
            status={message.status}
            label={t(`messages.status.${message.status}`)}
            tooltip={error}
          />
        ) : null}
      </Flex>
    </Flex>
  );
}
