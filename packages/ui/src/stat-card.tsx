import type { HTMLAttributes, ReactNode } from "react";
import { Flex, Skeleton, Typography, theme } from "antd";

export interface StatCardProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  /** Label above the figure; the caller translates. */
  title: ReactNode;
  /** The figure, already formatted. */
  value: ReactNode;
  /** Small line under the figure (split, comparison, unit). */
  footer?: ReactNode;
  icon?: ReactNode;
  isLoading?: boolean;
  /** "wall" = huge, high-contrast figures readable on a TV across a room. */
  size?: "default" | "wall";
  /** Accent colour of the figure (e.g. red when an SLA is breached). */
  accent?: string;
}

/** One headline figure in a card: dashboard counters and wallboard tiles. */
export function StatCard({
  title,
  value,
  footer,
  icon,
  isLoading,
  size = "default",
  accent,
  style,
  ...rest
}: StatCardProps) {
  const { token } = theme.useToken();
  const isWall = size === "wall";
  return (
    // A plain panel in antd Card's look: Card itself pulls in Tabs, Dropdown and Menu (~19 KB gzip) for features unused here.
    <div
      style={{
        height: "100%",
        boxSizing: "border-box",
        padding: isWall ? token.paddingLG : token.paddingSM,
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
      {...rest}
    >
      <Flex vertical gap={isWall ? 8 : 4}>
        <Flex align="center" gap={8}>
          {icon ? (
            <span aria-hidden style={{ color: token.colorTextTertiary, fontSize: isWall ? 28 : 16 }}>
              {icon}
            </span>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: isWall ? 26 : token.fontSize }}>
            {title}
          </Typography.Text>
        </Flex>
        {isLoading ? (
          <Skeleton.Input active size={isWall ? "large" : "default"} />
        ) : (
          <span
            data-role="stat-value"
            style={{
              fontSize: isWall ? 64 : 28,
              fontWeight: 600,
              lineHeight: 1.1,
              fontVariantNumeric: "tabular-nums",
              color: accent ?? token.colorText,
            }}
          >
            {value}
          </span>
        )}
        {footer ? (
          <Typography.Text type="secondary" style={{ fontSize: isWall ? 22 : token.fontSizeSM }}>
            {footer}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}
