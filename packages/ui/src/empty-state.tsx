import type { HTMLAttributes, ReactNode } from "react";
import { Flex, Typography, theme } from "antd";

export interface EmptyStateProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Call to action, e.g. a "Create" button. */
  action?: ReactNode;
}

export function EmptyState({ icon, title, description, action, style, ...rest }: EmptyStateProps) {
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      gap={8}
      style={{ padding: `${token.paddingXL * 2}px ${token.paddingLG}px`, textAlign: "center", ...style }}
      {...rest}
    >
      {icon ? (
        <div aria-hidden style={{ fontSize: 48, lineHeight: 1, color: token.colorTextQuaternary, marginBottom: 8 }}>
          {icon}
        </div>
      ) : null}
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ maxWidth: 520, margin: 0 }}>
          {description}
        </Typography.Paragraph>
      ) : null}
      {action ? <div style={{ marginTop: 16 }}>{action}</div> : null}
    </Flex>
  );
}
