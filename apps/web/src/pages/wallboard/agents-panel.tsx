import { useEffect, useState } from "react";
import { formatDuration, getElapsedSecs } from "@app/ui/duration";
import { Badge, Card, Empty, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useWallFont } from "./use-wall-font";
import type { Snapshot } from "./wallboard-counters";

type Agent = Snapshot["agents"][number];

const BADGE: Record<Agent["status"], "success" | "processing" | "warning" | "default"> = {
  AVAILABLE: "success",
  ON_CALL: "processing",
  WRAP_UP: "processing",
  AWAY: "warning",
  OFFLINE: "default",
};

const ORDER: Record<Agent["status"], number> = { ON_CALL: 0, WRAP_UP: 1, AVAILABLE: 2, AWAY: 3, OFFLINE: 4 };

/** Every agent with their state and how long they have been in it. */
export function AgentsPanel({ agents }: { agents: Agent[] }) {
  const { t } = useTranslation();
  const font = useWallFont();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const sorted = [...agents].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name));
  return (
    <Card title={<span style={{ fontSize: font(28) }}>{t("wallboard.agents")}</span>} style={{ height: "100%" }}>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("wallboard.noAgents")} />
      ) : (
        <Flex vertical gap={10}>
          {sorted.map((agent) => (
            <Flex
              key={agent.userId}
              justify="space-between"
              align="center"
              gap={12}
              data-testid="wallboard-agent"
              data-status={agent.status}
              data-user-id={agent.userId}
            >
              <Typography.Text style={{ fontSize: font(24) }} ellipsis>
                {agent.name}
              </Typography.Text>
              <Flex align="center" gap={12}>
                <Badge
                  status={BADGE[agent.status]}
                  text={
                    <span style={{ fontSize: font(20), whiteSpace: "nowrap" }}>
                      {t(`wallboard.agentStatus.${agent.status}`)}
                    </span>
                  }
                />
                <span
                  style={{
                    fontSize: font(24),
                    fontVariantNumeric: "tabular-nums",
                    minWidth: font(90),
                    textAlign: "right",
                  }}
                >
                  {agent.status === "OFFLINE" ? "" : formatDuration(getElapsedSecs(new Date(agent.since), now))}
                </span>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
