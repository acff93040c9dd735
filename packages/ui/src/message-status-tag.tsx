import type { HTMLAttributes, ReactNode } from "react";
import { Tag, Tooltip } from "antd";

export type MessageStatus =
  | "QUEUED"
  | "SENDING"
  | "SENT"
  | "DELIVERED"
  | "DELIVERY_FAILED"
  | "SENDING_FAILED"
  | "DELIVERY_UNCONFIRMED"
  | "EXPIRED"
  | "RECEIVED";

export interface MessageStatusTagProps extends HTMLAttributes<HTMLSpanElement> {
  status: MessageStatus;
  /** Visible text; the caller translates. */
  label: string;
  /** Shown on hover, e.g. the carrier's error for a failed message. */
  tooltip?: ReactNode;
}

export function getMessageStatusColor(status: MessageStatus): string {
  switch (status) {
    case "QUEUED":
    case "SENDING":
      return "default";
    case "SENT":
      return "blue";
    case "DELIVERED":
    case "RECEIVED":
      return "green";
    case "DELIVERY_UNCONFIRMED":
      return "gold";
    case "DELIVERY_FAILED":
    case "SENDING_FAILED":
    case "EXPIRED":
      return "red";
  }
}

export function MessageStatusTag({ status, label, tooltip, ...rest }: MessageStatusTagProps) {
  const tag = (
    <Tag color={getMessageStatusColor(status)} data-status={status} bordered={false} {...rest}>
      {label}
    </Tag>
  );
  return tooltip ? <Tooltip title={tooltip}>{tag}</Tooltip> : tag;
}
