import type { ReactNode } from "react";
import {
  ApiOutlined,
  AreaChartOutlined,
  AuditOutlined,
  BranchesOutlined,
  DashboardOutlined,
  DesktopOutlined,
  FieldTimeOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
  SettingOutlined,
  TeamOutlined,
} from "@ant-design/icons";

export type NavKey =
  | "dashboard"
  | "analytics"
  | "calls"
  | "callbacks"
  | "messages"
  | "numbers"
  | "connections"
  | "leads"
  | "wallboard"
  | "routing"
  | "settings"
  | "audit";

type Role = "ADMIN" | "SUPERVISOR" | "AGENT";

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Lowest role that sees the entry; everyone when absent. */
  minRole?: Role;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: "dashboard", path: "/", icon: <DashboardOutlined /> },
  { key: "analytics", path: "/analytics", icon: <AreaChartOutlined /> },
  { key: "calls", path: "/calls", icon: <PhoneOutlined /> },
  { key: "callbacks", path: "/callbacks", icon: <FieldTimeOutlined /> },
  { key: "messages", path: "/messages", icon: <MessageOutlined /> },
  { key: "leads", path: "/leads", icon: <TeamOutlined /> },
  { key: "numbers", path: "/numbers", icon: <NumberOutlined /> },
  { key: "connections", path: "/connections", icon: <ApiOutlined />, minRole: "SUPERVISOR" },
  { key: "wallboard", path: "/wallboard", icon: <DesktopOutlined />, minRole: "SUPERVISOR" },
  // Before settings: /settings/routing belongs to this entry, not to Settings (admins only).
  { key: "routing", path: "/settings/routing", icon: <BranchesOutlined />, minRole: "SUPERVISOR" },
  { key: "settings", path: "/settings", icon: <SettingOutlined />, minRole: "ADMIN" },
  { key: "audit", path: "/audit", icon: <AuditOutlined />, minRole: "ADMIN" },
];

/** The menu entry a location belongs to (/leads/123 → leads). */
export function findNavItem(pathname: string): NavItem | undefined {
  if (pathname === "/") return NAV_ITEMS[0];
  return NAV_ITEMS.find(
    (item) => item.path !== "/" && (pathname === item.path || pathname.startsWith(`${item.path}/`)),
  );
}

const ROLE_RANK: Record<Role, number> = { AGENT: 0, SUPERVISOR: 1, ADMIN: 2 };

/** The entries a role may open: pages its role cannot use are not offered at all. */
export function getNavItems(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.minRole || ROLE_RANK[role] >= ROLE_RANK[item.minRole]);
}
