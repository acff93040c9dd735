import { useEffect, useState } from "react";
import { ArrowLeftOutlined, SettingOutlined } from "@ant-design/icons";
import { LiveIndicator } from "@app/ui/live-indicator";
import { Alert, Button, Col, Flex, Grid, Result, Row, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { readAppError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { useLiveConnection } from "../../lib/use-live-connection";
import { ActiveCallsPanel } from "./active-calls-panel";
import { AgentsPanel } from "./agents-panel";
import { QueuesPanel } from "./queues-panel";
import { SettingsDrawer } from "./settings-drawer";
import { useWallboardLive } from "./use-wallboard-live";
import { WallboardCounters } from "./wallboard-counters";

interface WallboardBoardProps {
  mode: "kiosk" | "supervisor";
  organizationName?: string;
}

/** The live board itself: counters, calls in progress and agents, kept current over the socket. */
export function WallboardBoard({ mode, organizationName }: WallboardBoardProps) {
  const { t } = useTranslation();
  const live = useLiveConnection();
  useWallboardLive();
  const snapshot = trpc.wallboard.snapshot.useQuery(undefined, {
    staleTime: 0,
    refetchOnMount: "always",
    refetchInterval: 5 * 60_000,
  });
  const [isSettingsOpen, setIsSettingsOpen] = useState(false);
  const isPhone = Grid.useBreakpoint().md === false;
  const data = snapshot.data;
  const error = snapshot.error ? readAppError(snapshot.error) : null;
  const isKioskRefused = mode === "kiosk" && (error?.httpStatus === 401 || error?.httpStatus === 403);
  const { refetch } = snapshot;

  // A refused or closed socket may mean the kiosk link was revoked: ask the API, which says so at once.
  useEffect(() => {
    if (live.state === "offline") void refetch();
  }, [live.state, refetch]);

  if (isKioskRefused)
    return <Result status="403" title={t("wallboard.kioskInvalid")} data-testid="wallboard-kiosk-invalid" />;
  return (
    <div
      data-testid="wallboard"
      data-mode={mode}
      data-live={live.state}
      style={{ minHeight: "100vh", padding: isPhone ? 12 : 24 }}
    >
      <Flex justify="space-between" align="center" gap={isPhone ? 8 : 16} wrap style={{ marginBottom: 16 }}>
        <Flex align="center" gap={isPhone ? 8 : 16} style={{ minWidth: 0 }}>
          {mode === "supervisor" ? (
            <Link to="/" aria-label={t("wallboard.exit")}>
              <Button type="text" icon={<ArrowLeftOutlined />} />
            </Link>
          ) : null}
          <Typography.Title level={1} style={{ margin: 0, fontSize: isPhone ? 22 : 40 }}>
            {organizationName ? `${organizationName} · ` : ""}
            {t("wallboard.title")}
          </Typography.Title>
          {mode === "kiosk" ? <Tag>{t("wallboard.kioskBadge")}</Tag> : null}
        </Flex>
        <Flex align="center" gap={isPhone ? 8 : 16} wrap>
          {data ? (
            <Typography.Text type="secondary" style={{ fontSize: isPhone ? 14 : 20 }} data-testid="wallboard-updated">
              {t("wallboard.updatedAt", { time: dayjs(data.asOf).format("LTS") })}
            </Typography.Text>
          ) : null}
          <LiveIndicator
            data-testid="wallboard-live"
            state={live.state}
            labels={{
              connected: t("live.connected"),
              reconnecting: t("live.reconnecting"),
              offline: t("live.offline"),
            }}
          />
          {mode === "supervisor" ? (
            <Button
              icon={<SettingOutlined />}
              data-testid="wallboard-settings-open"
              onClick={() => setIsSettingsOpen(true)}
            >
              {t("wallboard.settings")}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      {snapshot.error && !data ? (
        <Alert type="error" showIcon title={t("wallboard.loadFailed")} style={{ marginBottom: 16 }} />
      ) : null}
      {!data ? (
        snapshot.isPending ? (
          <Flex justify="center" style={{ padding: 96 }}>
            <Spin size="large" />
          </Flex>
        ) : null
      ) : (
        <Flex vertical gap={16}>
          <WallboardCounters snapshot={data} />
          <QueuesPanel queues={data.queues} slaThresholdSecs={data.sla.thresholdSecs} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={15}>
              <ActiveCallsPanel calls={data.activeCalls} canSupervise={mode === "supervisor"} />
            </Col>
            <Col xs={24} xl={9}>
              <AgentsPanel agents={data.agents} />
            </Col>
          </Row>
        </Flex>
      )}
      {mode === "supervisor" ? (
        <SettingsDrawer
          isOpen={isSettingsOpen}
          onClose={() => setIsSettingsOpen(false)}
          slaThresholdSecs={data?.sla.thresholdSecs ?? 20}
          wrapUpSecs={data?.wrapUpSecs ?? 30}
        />
      ) : null}
    </div>
  );
}
