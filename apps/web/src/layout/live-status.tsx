import { useEffect } from "react";
import { LiveIndicator } from "@app/ui/live-indicator";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { trpc } from "../lib/trpc";
import type { LiveSnapshot } from "../lib/live-state";
import { useLiveConnection } from "../lib/use-live-connection";

function useTooltip(live: LiveSnapshot): string {
  const { t } = useTranslation();
  switch (live.state) {
    case "connected":
      return t("live.tooltip.connected", { time: dayjs(live.connectedAt).format("LT") });
    case "reconnecting":
      return live.phase === "retrying"
        ? t("live.tooltip.reconnecting", { attempt: Math.max(1, live.attempt) })
        : t("live.tooltip.connecting");
    case "offline":
      return t("live.tooltip.offline", { reason: t(`live.reasons.${live.offlineReason ?? "failed"}`) });
  }
}

/** Header badge for the socket.io connection; a refused handshake re-checks the session. */
export function LiveStatus() {
  const { t } = useTranslation();
  const live = useLiveConnection();
  const utils = trpc.useUtils();
  const tooltip = useTooltip(live);

  useEffect(() => {
    if (live.offlineReason === "unauthorized") void utils.auth.me.invalidate();
  }, [live.offlineReason, utils]);

  return (
    <LiveIndicator
      data-testid="live-indicator"
      state={live.state}
      labels={{ connected: t("live.connected"), reconnecting: t("live.reconnecting"), offline: t("live.offline") }}
      tooltip={tooltip}
    />
  );
}
