import type { HTMLAttributes } from "react";
import { Typography } from "antd";

export interface SmsSegmentCounterProps extends HTMLAttributes<HTMLSpanElement> {
  /** Billed parts of the text being typed. */
  parts: number;
  /** The line to show, e.g. "1 SMS · 45/160 · GSM-7"; the caller formats and translates. */
  label: string;
  /** Parts above which the counter turns to a warning colour. */
  warnAbove?: number;
}

export function SmsSegmentCounter({ parts, label, warnAbove = 1, ...rest }: SmsSegmentCounterProps) {
  return (
    <Typography.Text
      type={parts > warnAbove ? "warning" : "secondary"}
      style={{ fontSize: 12 }}
      data-parts={parts}
      {...rest}
    >
      {label}
    </Typography.Text>
  );
}
