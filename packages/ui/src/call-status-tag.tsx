import type { HTMLAttributes } from "react";
import { Tag } from "antd";

export type CallStatus =
  | "INITIATED"
  | "RINGING"
  | "ANSWERED"
  | "BRIDGED"
  | "ENDED"
  | "FAILED"
  | "BUSY"
  | "NO_ANSWER"
  | "CANCELED";

export interface CallStatusTagProps extends HTMLAttributes<HTMLSpanElement> {
  status: CallStatus;
  /** Visible text; the caller translates. */
  label: string;
}

export function getCallStatusColor(status: CallStatus): string {
  switch (status) {
    case "INITIATED":
      return "blue";
    case "RINGING":
      return "gold";
    case "ANSWERED":
      return "green";
    case "BRIDGED":
      return "cyan";
    case "ENDED":
      return "default";
    case "FAILED":
      return "red";
    case "BUSY":
      return "orange";
    case "NO_ANSWER":
      return "volcano";
    case "CANCELED":
      return "default";
  }
}

export function CallStatusTag({ status, label, ...rest }: CallStatusTagProps) {
  return (
    <Tag color={getCallStatusColor(status)} data-status={status} {...rest}>
      {label}
    </Tag>
  );
}
