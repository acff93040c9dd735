import { lazy, Suspense, useState } from "react";
import { App, Layout, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { RequireAuth } from "../auth/require-auth";
import { AppHeader } from "./app-header";
import { findNavItem, getNavItems } from "./nav-items";
import { SideNav } from "./side-nav";
import { useSession } from "../auth/session-context";

// The live-call panel and incoming toasts load in their own chunk, right after the layout.
const LiveLayer = lazy(async () => ({ default: (await import("../calls-panel/live-layer")).LiveLayer }));

function Shell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const [isCollapsed, setIsCollapsed] = useState(false);
  const selected = findNavItem(pathname);
  const { role } = useSession();

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Sider
        breakpoint="lg"
        collapsible
        collapsed={isCollapsed}
        onCollapse={setIsCollapsed}
        theme="light"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Typography.Title
          level={5}
          ellipsis
          style={{ margin: 0, padding: `${token.paddingMD}px ${token.paddingLG}px` }}
        >
          {isCollapsed ? "T" : t("common.appName")}
        </Typography.Title>
        <nav aria-label={t("common.menu")}>
          <SideNav items={getNavItems(role)} selectedKey={selected?.key} isCollapsed={isCollapsed} />
        </nav>
      </Layout.Sider>
      <Layout>
        <AppHeader />
        <Layout.Content style={{ padding: token.paddingLG }}>
          <main>
            <Outlet />
          </main>
          <Suspense fallback={null}>
            <LiveLayer />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function AppLayout() {
  return (
    <RequireAuth>
      {/* antd's App (message, modal contexts) is only needed behind the login, so /login stays lighter. */}
      <App>
        <Shell />
      </App>
    </RequireAuth>
  );
}
