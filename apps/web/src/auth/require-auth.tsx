import type { ReactNode } from "react";
import { Button, Result } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { trpc } from "../lib/trpc";
import { FullPageSpin } from "../layout/full-page-spin";
import { SessionContext } from "./session-context";

/** Renders children only for a signed-in user; everyone else goes to /login (and comes back after). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 5 * 60_000 });

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="warning"
        title={t("session.loadFailed")}
        extra={<Button onClick={() => void me.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
