import { useEffect, useState } from "react";
import { formatDuration, getElapsedSecs } from "@app/ui/duration";
import { App, Flex, Segmented, Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { translateError } from "../lib/app-error";
import { trpc } from "../lib/trpc";
import { useSession } from "../auth/session-context";
import { onLiveConnect, onLiveEvent } from "../live/live-events";
import { applyOwnUpdate, keepNewestStatus, type AgentLiveStatus, type OwnStatus } from "../live/own-status";

const COLOR = { AVAILABLE: "#00a37a", AWAY: "#d48806" } as const;
/** States the server sets on its own, shown as a tag beside the choice (ON_CALL replaces it). */
const SERVER_TAG = {
  ON_CALL: { color: "processing", hint: "dashboard.agentStatus.onCallHint" },
  WRAP_UP: { color: "purple", hint: "dashboard.agentStatus.wrapUpHint" },
  OFFLINE: { color: "default", hint: "dashboard.agentStatus.offlineHint" },
} as const;
type ServerSetStatus = keyof typeof SERVER_TAG;
const isServerSet = (status: AgentLiveStatus): status is ServerSetStatus => status in SERVER_TAG;

function useNow(isRunning: boolean): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!isRunning) return;
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, [isRunning]);
  return now;
}

/**
 * The signed-in user's state as the server holds it (agents.getStatus, then live agent:updated
 * events) with the time spent in it; Available / Away change it on the server. On a call, Wrap-up
 * and Offline are the server's: shown as a tag, the choice stays at hand except during a call.
 */
export function AgentStatus() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const utils = trpc.useUtils();
  const own = trpc.agents.getStatus.useQuery(undefined, {
    staleTime: 60_000,
    structuralSharing: (previous, next) => keepNewestStatus(previous as OwnStatus | undefined, next as OwnStatus),
  });
  const { user } = useSession();
  // Subscribed here, with the header (not by the lazily loaded live layer): the socket's first connection makes
  // the user present, and that event must not arrive before anyone listens.
  useEffect(() => {
    const unsubscribes = [
      onLiveEvent("agent:updated", (update) =>
        utils.agents.getStatus.setData(undefined, (current) => applyOwnUpdate(current, update, user.id)),
      ),
      // Whatever changed while the socket was away.
      onLiveConnect(() => void utils.agents.getStatus.invalidate()),
    ];
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, [utils, user.id]);
  const current = own.data ?? null;
  const now = useNow(current !== null);
  const setStatus = trpc.agents.setStatus.useMutation({
    onSuccess: (result) => utils.agents.getStatus.setData(undefined, result),
    onError: (error) => void message.error(`${t("dashboard.agentStatus.changeFailed")} ${translateError(t, error)}`),
  });
  const serverTag = current && isServerSet(current.status) ? SERVER_TAG[current.status] : undefined;
  const label = current ? t(`dashboard.agentStatus.${current.status}`) : t("dashboard.agentStatus.unknown");
  const elapsed = current
    ? t("dashboard.agentStatus.since", { duration: formatDuration(getElapsedSecs(new Date(current.since), now)) })
    : "";

  return (
    <Flex align="center" gap={6} data-testid="agent-status" data-status={current?.status ?? "UNKNOWN"}>
      {serverTag ? (
        <Tooltip title={t(serverTag.hint)}>
          <Tag color={serverTag.color} data-testid={`agent-status-server-${current?.status}`}>
            {label}
          </Tag>
        </Tooltip>
      ) : null}
      {current?.status === "ON_CALL" ? null : (
        <Segmented<"AVAILABLE" | "AWAY" | "">
          size="small"
          aria-label={t("dashboard.agentStatus.label")}
          disabled={setStatus.isPending || !current}
          // Never undefined: an uncontrolled Segmented shows its first option (Available) whatever the server says.
          value={current?.status === "AVAILABLE" || current?.status === "AWAY" ? current.status : ""}
          options={(["AVAILABLE", "AWAY"] as const).map((status) => ({
            value: status,
            label: (
              <span
                data-testid={`agent-status-${status}`}
                style={{ color: current?.status === status ? COLOR[status] : undefined }}
              >
                {t(`dashboard.agentStatus.${status}`)}
              </span>
            ),
          }))}
          onChange={(status) => {
            if (status) setStatus.mutate({ status });
          }}
        />
      )}
      {current ? (
        <span
          style={{ opacity: 0.65, fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}
          data-testid="agent-status-elapsed"
        >
          {elapsed}
        </span>
      ) : null}
    </Flex>
  );
}
