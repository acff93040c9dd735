import { lazy, Suspense, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { trpc } from "../lib/trpc";
import { FullPageSpin } from "../layout/full-page-spin";
import { SessionContext } from "./session-context";

// antd's Result (with its illustrations) only for the rare failed session check, not on every page load.
const SessionLoadFailed = lazy(async () => ({ default: (await import("./session-load-failed")).SessionLoadFailed }));

/** Renders children only for a signed-in user; everyone else goes to /login (and comes back after). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 5 * 60_000 });

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <SessionLoadFailed onRetry={() => void me.refetch()} />
      </Suspense>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}
