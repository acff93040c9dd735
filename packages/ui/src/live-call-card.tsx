import type { HTMLAttributes, ReactNode } from "react";
import { Card, Flex, Typography } from "antd";

export interface LiveCallCardProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  /** Who is on the line (lead name or number). */
  title: ReactNode;
  subtitle?: ReactNode;
  status: ReactNode;
  timer: ReactNode;
  /** Buttons (mute, hold, transfer, hang up). */
  actions?: ReactNode;
  /** Extra line under the actions, e.g. the cost once the call has ended. */
  footer?: ReactNode;
}

/** Compact card for a call in progress; content and texts come from the caller. */
export function LiveCallCard({ title, subtitle, status, timer, actions, footer, style, ...rest }: LiveCallCardProps) {
  return (
    <Card size="small" style={{ width: 340, boxShadow: "0 6px 24px rgba(0,0,0,0.18)", ...style }} {...rest}>
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8}>
          {status}
          <Typography.Text strong style={{ fontSize: 18 }}>
            {timer}
          </Typography.Text>
        </Flex>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ display: "block" }}>
            {title}
          </Typography.Text>
          {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
        </div>
        {actions ? (
          <Flex gap={6} wrap>
            {actions}
          </Flex>
        ) : null}
        {footer}
      </Flex>
    </Card>
  );
}
