import { MenuOutlined } from "@ant-design/icons";
import { Button, Divider, Flex, Layout, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session-context";
import { AgentStatus } from "./agent-status";
import { LanguageSwitch } from "./language-switch";
import { LiveStatus } from "./live-status";
import { UserMenu } from "./user-menu";

interface AppHeaderProps {
  /** Phones: a menu button opens the navigation drawer, which also holds the agent status and the language. */
  isPhone: boolean;
  onOpenMenu: () => void;
}

export function AppHeader({ isPhone, onOpenMenu }: AppHeaderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { organization } = useSession();
  return (
    <Layout.Header
      style={{
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        padding: `0 ${isPhone ? token.paddingXS : token.paddingLG}px`,
        position: "sticky",
        top: 0,
        zIndex: 10,
      }}
    >
      <Flex align="center" justify="space-between" gap={isPhone ? 4 : 16} style={{ height: "100%" }}>
        <Flex align="center" gap={4} style={{ minWidth: 0 }}>
          {isPhone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t("common.openMenu")}
              data-testid="nav-open"
              onClick={onOpenMenu}
            />
          ) : null}
          <Typography.Text strong data-testid="org-name" ellipsis style={{ fontSize: token.fontSizeLG }}>
            {organization.name}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={isPhone ? 4 : 12} wrap={false}>
          {isPhone ? null : (
            <>
              <AgentStatus />
              <LiveStatus />
              <Divider orientation="vertical" />
              <LanguageSwitch />
              <Divider orientation="vertical" />
            </>
          )}
          {isPhone ? <LiveStatus /> : null}
          <UserMenu isCompact={isPhone} />
        </Flex>
      </Flex>
    </Layout.Header>
  );
}

/** What the phone header has no room for, shown under the navigation in the drawer. */
export function DrawerExtras() {
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={16} style={{ padding: token.paddingLG }}>
      <AgentStatus />
      <LanguageSwitch />
    </Flex>
  );
}
