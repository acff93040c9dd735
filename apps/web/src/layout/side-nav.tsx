import type { CSSProperties } from "react";
import { theme } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NavItem, NavKey } from "./nav-items";
import "./side-nav.css";

interface SideNavProps {
  items: readonly NavItem[];
  selectedKey: string | undefined;
  isCollapsed: boolean;
  /** Counts shown beside entries (open callbacks); 0 or absent shows none. */
  badges?: Partial<Record<NavKey, number>>;
}

/**
 * The main navigation: plain links (a list, `aria-current` on the open page) rather than antd Menu,
 * which with its popups and overflow measuring weighs ~20 KB gzip on every signed-in page.
 */
export function SideNav({ items, selectedKey, isCollapsed, badges = {} }: SideNavProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors = {
    "--side-nav-color": token.colorText,
    "--side-nav-hover-bg": token.controlItemBgHover,
    "--side-nav-selected-bg": token.controlItemBgActive,
    "--side-nav-selected-color": token.colorPrimary,
    "--side-nav-focus": token.colorPrimaryBorder,
    "--side-nav-radius": `${token.borderRadiusLG}px`,
    "--side-nav-badge-bg": token.colorError,
  } as CSSProperties;
  return (
    <ul className="side-nav" data-collapsed={isCollapsed} style={colors}>
      {items.map((item) => {
        const count = badges[item.key] ?? 0;
        const badgeLabel = count > 0 && item.key === "callbacks" ? t("navBadge.callbacks", { count }) : undefined;
        const label = badgeLabel ? `${t(`nav.${item.key}`)} (${badgeLabel})` : t(`nav.${item.key}`);
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
              {isCollapsed ? null : <span>{t(`nav.${item.key}`)}</span>}
              {count > 0 ? (
                <span className="side-nav-badge" title={badgeLabel} data-testid={`nav-${item.key}-badge`}>
                  {count > 99 ? "99+" : count}
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
