import { SyncOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Progress, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { isFinishedSyncStatus, toPercent } from "./connection-values";
import { SyncRunsTable } from "./sync-runs-table";
import { useSyncProgress } from "./use-sync-progress";

const RUNS_SHOWN = 10;
const POLL_INTERVAL_MS = 3_000;

export function SyncPanel({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [runId, setRunId] = useState<string | null>(null);
  const runs = trpc.sync.runs.useQuery({ limit: RUNS_SHOWN });
  const run = trpc.sync.run.useMutation();
  const progress = useSyncProgress();
  const live = runId ? progress.get(runId) : undefined;
  // Fallback while the run is going: the push may be lost (reconnect), the run record is not.
  const polled = trpc.sync.get.useQuery(
    { id: runId ?? "" },
    {
      enabled: runId !== null && !(live && isFinishedSyncStatus(live.status)),
      refetchInterval: (q) => (q.state.data?.status === "RUNNING" || !q.state.data ? POLL_INTERVAL_MS : false),
    },
  );
  const status = live?.status ?? polled.data?.status;
  const isRunning = runId !== null && (status === undefined || !isFinishedSyncStatus(status));
  const utils = trpc.useUtils();
  const isFinished = status !== undefined && isFinishedSyncStatus(status);
  useEffect(() => {
    if (isFinished) void utils.sync.runs.invalidate();
  }, [isFinished, utils]);
  const statusText =
    status === "FAILED"
      ? t("connections.sync.failed", { message: live?.message ?? polled.data?.errors[0] ?? "" })
      : (live?.message ?? (isRunning ? t("connections.sync.running") : t("connections.sync.finished")));

  async function handleRun() {
    try {
      const started = await run.mutateAsync();
      setRunId(started.runId);
      void message.info(t("connections.sync.started"));
      void runs.refetch();
    } catch (error) {
      void message.error(translateError(t, error));
    }
  }

  return (
    <Card
      title={t("connections.sync.title")}
      data-testid="sync-panel"
      extra={
        isAdmin ? (
          <Button
            type="primary"
            icon={<SyncOutlined spin={isRunning} />}
            loading={run.isPending}
            disabled={isRunning}
            onClick={() => void handleRun()}
            data-testid="sync-now"
          >
            {t("connections.sync.now")}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t("connections.sync.description")}</Typography.Text>
        {runId ? (
          <div data-testid="sync-progress" data-status={status ?? "RUNNING"}>
            <Progress
              percent={toPercent(live?.progress ?? (isRunning ? 0 : 1))}
              status={status === "FAILED" ? "exception" : isRunning ? "active" : "success"}
            />
            <Typography.Text type={status === "FAILED" ? "danger" : "secondary"}>{statusText}</Typography.Text>
          </div>
        ) : null}
        {runs.error ? <Alert type="error" showIcon role="alert" title={translateError(t, runs.error)} /> : null}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("connections.sync.lastRuns")}
        </Typography.Title>
        <SyncRunsTable runs={runs.data?.items ?? []} isLoading={runs.isPending} />
      </Flex>
    </Card>
  );
}
