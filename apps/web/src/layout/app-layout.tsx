import { lazy, Suspense, useEffect, useState } from "react";
import { App, Drawer, Grid, Layout, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation } from "react-router";
import { RequireAuth } from "../auth/require-auth";
import { AppHeader, DrawerExtras } from "./app-header";
import { findNavItem, getNavItems } from "./nav-items";
import { SideNav } from "./side-nav";
import { useSession } from "../auth/session-context";
import { useOpenCallbackCount } from "./use-open-callbacks";

// The live-call panel and incoming toasts load in their own chunk, right after the layout.
const LiveLayer = lazy(async () => ({ default: (await import("../calls-panel/live-layer")).LiveLayer }));

function Shell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { pathname } = useLocation();
  const [isCollapsed, setIsCollapsed] = useState(false);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  // Below md (phones) the sidebar would eat a fifth of the screen: the menu moves into a drawer.
  const isPhone = Grid.useBreakpoint().md === false;
  const selected = findNavItem(pathname);
  const { role } = useSession();
  const openCallbacks = useOpenCallbackCount();
  const title = (
    <Typography.Title level={5} ellipsis style={{ margin: 0, padding: `${token.paddingMD}px ${token.paddingLG}px` }}>
      {isCollapsed && !isPhone ? "T" : t("common.appName")}
    </Typography.Title>
  );
  const nav = (
    <nav aria-label={t("common.menu")}>
      <SideNav
        items={getNavItems(role)}
        selectedKey={selected?.key}
        isCollapsed={isCollapsed && !isPhone}
        badges={{ callbacks: openCallbacks ?? 0 }}
      />
    </nav>
  );

  useEffect(() => setIsDrawerOpen(false), [pathname]);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          size={260}
          closable={false}
          data-testid="nav-drawer"
          styles={{ body: { padding: 0 } }}
        >
          {title}
          {nav}
          <DrawerExtras />
        </Drawer>
      ) : (
        <Layout.Sider
          breakpoint="lg"
          collapsible
          collapsed={isCollapsed}
          onCollapse={setIsCollapsed}
          theme="light"
          style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
        >
          {title}
          {nav}
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader isPhone={isPhone} onOpenMenu={() => setIsDrawerOpen(true)} />
        {/* Layout.Content is the page's one <main> landmark. */}
        <Layout.Content style={{ padding: isPhone ? token.paddingSM : token.paddingLG, minWidth: 0 }}>
          <Outlet />
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
