import { useEffect, useRef, type HTMLAttributes } from "react";
import { MessageOutlined } from "@ant-design/icons";
import type { TMessageDto } from "@app/telnyx-core/realtime/events";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { formatPhoneNumberLater } from "../lib/format-phone-later";
import { onLiveEvent } from "../live/live-events";

/** An inbound SMS shows a toast (unless its thread is open); a click opens the thread. */
export function useInboundSmsToasts(): void {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const where = useRef(location);
  where.current = location;

  useEffect(() => {
    const seen = new Set<string>();
    const show = async (message: TMessageDto) => {
      const link = message.leadId
        ? `/messages?lead=${message.leadId}`
        : `/messages?number=${encodeURIComponent(message.counterpartNumber)}`;
      const params = new URLSearchParams(where.current.search);
      const isOpen =
        where.current.pathname === "/messages" &&
        (params.get("lead") === message.leadId || params.get("number") === message.counterpartNumber);
      if (isOpen) return;
      const key = `inbound-sms-${message.id}`;
      const sender = message.leadName ?? (await formatPhoneNumberLater(message.counterpartNumber));
      notification.open({
        key,
        duration: 8,
        icon: <MessageOutlined style={{ color: "#1677ff" }} />,
        title: t("messages.inbound.title", { sender }),
        description: message.text.length > 140 ? `${message.text.slice(0, 140)}…` : message.text,
        props: { "data-testid": "inbound-sms-toast" } as HTMLAttributes<HTMLDivElement>,
        style: { cursor: "pointer" },
        onClick: () => {
          notification.destroy(key);
          void navigate(link);
        },
      });
    };
    return onLiveEvent("message:created", (message) => {
      if (message.direction !== "INBOUND" || seen.has(message.id)) return;
      seen.add(message.id);
      void show(message);
    });
  }, [notification, navigate, t]);
}
