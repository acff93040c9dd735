import { useEffect, useRef, type HTMLAttributes } from "react";
import { MessageOutlined } from "@ant-design/icons";
import { formatPhoneNumberInternational } from "@app/ui/phone-number";
import { App } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
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
    return onLiveEvent("message:created", (message) => {
      if (message.direction !== "INBOUND" || seen.has(message.id)) return;
      seen.add(message.id);
      const link = message.leadId ? `/messages?lead=${message.leadId}` : `/messages?number=${encodeURIComponent(message.counterpartNumber)}`;
      const params = new URLSearchParams(where.current.search);
      const isOpen = where.current.pathname === "/messages" && (params.get("lead") === message.leadId || params.get("number") === message.counterpartNumber);
      if (isOpen) return;
      const key = `inbound-sms-${message.id}`;
      notification.open({
        key,
        duration: 8,
        icon: <MessageOutlined style={{ color: "#1677ff" }} />,
        title: t("messages.inbound.title", { sender: message.leadName ?? formatPhoneNumberInternational(message.counterpartNumber) }),
        description: message.text.length > 140 ? `${message.text.slice(0, 140)}…` : message.text,
        props: { "data-testid": "inbound-sms-toast" } as HTMLAttributes<HTMLDivElement>,
        style: { cursor: "pointer" },
        onClick: () => {
          notification.destroy(key);
          void navigate(link);
        },
      });
    });
  }, [notification, navigate, t]);
}
