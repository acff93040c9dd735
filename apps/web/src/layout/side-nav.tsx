import type { CSSProperties } from "react";
import { theme } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NavItem } from "./nav-items";
import "./side-nav.css";

interface SideNavProps {
  items: readonly NavItem[];
  selectedKey: string | undefined;
  isCollapsed: boolean;
}

/**
 * The main navigation: plain links (a list, `aria-current` on the open page) rather than antd Menu,
 * which with its popups and overflow measuring weighs ~20 KB gzip on every signed-in page.
 */
export function SideNav({ items, selectedKey, isCollapsed }: SideNavProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors = {
    "--side-nav-color": token.colorText,
    "--side-nav-hover-bg": token.controlItemBgHover,
    "--side-nav-selected-bg": token.controlItemBgActive,
    "--side-nav-selected-color": token.colorPrimary,
    "--side-nav-focus": token.colorPrimaryBorder,
    "--side-nav-radius": `${token.borderRadiusLG}px`,
  } as CSSProperties;
  return (
    <ul className="side-nav" data-collapsed={isCollapsed} style={colors}>
      {items.map((item) => {
        const label = t(`nav.${item.key}`);
        return (
          <li key={item.key}>
            <Link
              to={item.path}
              className="side-nav-link"
              data-testid={`nav-${item.key}`}
              aria-current={item.key === selectedKey ? "page" : undefined}
              aria-label={isCollapsed ? label : undefined}
              title={isCollapsed ? label : undefined}
            >
              {item.icon}
              {isCollapsed ? null : <span>{label}</span>}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
