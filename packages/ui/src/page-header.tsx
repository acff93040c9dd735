import type { ReactNode } from "react";
import { Flex, Space, Typography } from "antd";

export interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Actions shown on the right (buttons, filters). */
  extra?: ReactNode;
}

export function PageHeader({ title, subtitle, extra }: PageHeaderProps) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 24 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <Space wrap>{extra}</Space> : null}
    </Flex>
  );
}
