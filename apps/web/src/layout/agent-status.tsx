import { useEffect, useState } from "react";
import { formatDuration, getElapsedSecs } from "@app/ui/duration";
import { App, Flex, Segmented, Tag, Tooltip } from "antd";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/session-context";
import { translateError } from "../lib/app-error";
import { trpc } from "../lib/trpc";
import { OWN_AGENT_STATUS_KEY, type AgentLiveStatus } from "../live/own-status";

interface OwnStatus {
  status: AgentLiveStatus;
  since: Date;
}

const COLOR = { AVAILABLE: "#00a37a", AWAY: "#d48806" } as const;

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
 * The signed-in agent's own status (Available / Away; On a call is set by the server) with the time
 * spent in it. Supervisors start from agents.list; live agent:updated events keep it current.
 */
export function AgentStatus() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, role } = useSession();
  const queryClient = useQueryClient();
  const agents = trpc.agents.list.useQuery(undefined, { enabled: role !== "AGENT", staleTime: 60_000 });
  const fromList = agents.data?.find((agent) => agent.userId === user.id);
  const own = useQuery<OwnStatus | null>({
    queryKey: OWN_AGENT_STATUS_KEY,
    queryFn: () => null,
    enabled: false,
    initialData: null,
  });
  const current: OwnStatus | null = own.data ?? (fromList ? { status: fromList.status, since: fromList.since } : null);
  const now = useNow(current !== null);
  const setStatus = trpc.agents.setStatus.useMutation({
    onSuccess: (result) => queryClient.setQueryData(OWN_AGENT_STATUS_KEY, result),
    onError: (error) => void message.error(`${t("dashboard.agentStatus.changeFailed")} ${translateError(t, error)}`),
  });
  const isOnCall = current?.status === "ON_CALL";
  const label = current ? t(`dashboard.agentStatus.${current.status}`) : t("dashboard.agentStatus.unknown");
  const elapsed = current
    ? t("dashboard.agentStatus.since", { duration: formatDuration(getElapsedSecs(new Date(current.since), now)) })
    : "";

  return (
    <Flex align="center" gap={6} data-testid="agent-status" data-status={current?.status ?? "UNKNOWN"}>
      {isOnCall ? (
        <Tooltip title={t("dashboard.agentStatus.onCallHint")}>
          <Tag color="processing" data-testid="agent-status-on-call">
            {label}
          </Tag>
        </Tooltip>
      ) : (
        <Segmented<"AVAILABLE" | "AWAY">
          size="small"
          aria-label={t("dashboard.agentStatus.label")}
          disabled={setStatus.isPending}
          value={current?.status === "AVAILABLE" || current?.status === "AWAY" ? current.status : undefined}
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
          onChange={(status) => setStatus.mutate({ status })}
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
