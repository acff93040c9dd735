import { Divider, Flex, Layout, Typography, theme } from "antd";
import { useSession } from "../auth/session-context";
import { AgentStatus } from "./agent-status";
import { LanguageSwitch } from "./language-switch";
import { LiveStatus } from "./live-status";
import { UserMenu } from "./user-menu";

export function AppHeader() {
  const { token } = theme.useToken();
  const { organization } = useSession();
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: `0 ${token.paddingLG}px`,
        position: "sticky",
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" justify="space-between" gap={16} style={{ height: "100%" }}>
        <Typography.Text strong data-testid="org-name" ellipsis style={{ fontSize: token.fontSizeLG }}>
          {organization.name}
        </Typography.Text>
        <Flex align="center" gap={12} wrap={false}>
          <AgentStatus />
          <LiveStatus />
          <Divider orientation="vertical" />
          <LanguageSwitch />
          <Divider orientation="vertical" />
          <UserMenu />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}
