import { useState, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { App, ConfigProvider, Result, theme } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { RequireAuth } from "../../auth/require-auth";
import { useSession } from "../../auth/session-context";
import { trpc } from "../../lib/trpc";
import { createKioskTrpcClient, setKioskSocketAuth } from "./kiosk-client";
import { WallboardBoard } from "./wallboard-board";

const DARK = { algorithm: theme.darkAlgorithm };

function DarkScreen({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={DARK}>
      <App style={{ minHeight: "100vh", background: "#0b0d10" }}>
        <main>{children}</main>
      </App>
    </ConfigProvider>
  );
}

/** /wallboard?kiosk=<token>: no login; tRPC carries x-kiosk-token, the socket handshake auth.kiosk. */
function KioskWallboard({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const [client] = useState(() => {
    setKioskSocketAuth(token);
    return createKioskTrpcClient(token);
  });
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <WallboardBoard mode="kiosk" />
    </trpc.Provider>
  );
}

function SupervisorWallboard() {
  const { t } = useTranslation();
  const { role, organization } = useSession();
  if (role === "AGENT")
    return <Result status="403" title={t("wallboard.forbidden")} data-testid="wallboard-forbidden" />;
  return <WallboardBoard mode="supervisor" organizationName={organization.name} />;
}

/** Full-screen dark wallboard for a TV; outside the app layout so nothing but the board is on screen. */
export function WallboardPage() {
  const [params] = useSearchParams();
  const kiosk = params.get("kiosk");
  if (kiosk) {
    return (
      <DarkScreen>
        <KioskWallboard token={kiosk} />
      </DarkScreen>
    );
  }
  setKioskSocketAuth(null);
  return (
    <DarkScreen>
      <RequireAuth>
        <SupervisorWallboard />
      </RequireAuth>
    </DarkScreen>
  );
}
