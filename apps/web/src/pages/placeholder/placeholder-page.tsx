import type { ReactNode } from "react";
import {
  ApiOutlined,
  DashboardOutlined,
  DesktopOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
  SettingOutlined,
} from "@ant-design/icons";
import { EmptyState } from "@app/ui/empty-state";
import { PageHeader } from "@app/ui/page-header";
import { Card, Tag } from "antd";
import { useTranslation } from "react-i18next";

export type PlaceholderKey = "dashboard" | "calls" | "messages" | "numbers" | "connections" | "wallboard" | "settings";

const ICONS: Record<PlaceholderKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  calls: <PhoneOutlined />,
  messages: <MessageOutlined />,
  numbers: <NumberOutlined />,
  connections: <ApiOutlined />,
  wallboard: <DesktopOutlined />,
  settings: <SettingOutlined />,
};

/** A page whose feature is not built yet: says what will appear there instead of showing nothing. */
export function PlaceholderPage({ page }: { page: PlaceholderKey }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`pages.${page}.title`)} subtitle={t(`pages.${page}.subtitle`)} />
      <Card>
        <EmptyState
          data-testid="coming-soon"
          icon={ICONS[page]}
          title={t(`pages.${page}.emptyTitle`)}
          description={t(`pages.${page}.emptyDescription`)}
          action={<Tag color="processing">{t("pages.comingSoon")}</Tag>}
        />
      </Card>
    </>
  );
}
