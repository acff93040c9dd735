import type { ReactNode } from "react";
import {
  ApiOutlined,
  DashboardOutlined,
  DesktopOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";

export type NavKey = "dashboard" | "calls" | "messages" | "numbers" | "connections" | "leads" | "wallboard" | "settings";

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "dashboard", path: "/", icon: <DashboardOutlined /> },
  { key: "calls", path: "/calls", icon: <PhoneOutlined /> },
  { key: "messages", path: "/messages", icon: <MessageOutlined /> },
  { key: "leads", path: "/leads", icon: <TeamOutlined /> },
  { key: "numbers", path: "/numbers", icon: <NumberOutlined /> },
  { key: "connections", path: "/connections", icon: <ApiOutlined /> },
  { key: "wallboard", path: "/wallboard", icon: <DesktopOutlined /> },
  { key: "settings", path: "/settings", icon: <SettingOutlined /> },
];

/** The menu entry a location belongs to (/leads/123 → leads). */
export function findNavItem(pathname: string): NavItem | undefined {
  if (pathname === "/") return NAV_ITEMS[0];
  return NAV_ITEMS.find((item) => item.path !== "/" && (pathname === item.path || pathname.startsWith(`${item.path}/`)));
}
