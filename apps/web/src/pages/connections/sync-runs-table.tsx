import { Flex, Table, Tag, Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { getRunSeconds, getSyncStatusColor, listCounts, type SyncRun } from "./connection-values";

function RunDetails({ run }: { run: SyncRun }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="sync-run-details">
      {run.changes.length > 0 ? (
        <div>
          <Typography.Text strong>{t("connections.sync.changesTitle")}</Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {run.changes.map((change, index) => (
              <li key={`${change.kind}-${index}`}>
                <Tag>{change.kind}</Tag>
                {change.description}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {run.errors.length > 0 ? (
        <div>
          <Typography.Text strong type="danger">
            {t("connections.sync.errorsTitle")}
          </Typography.Text>
          <ul style={{ margin: "4px 0 0", paddingInlineStart: 20 }}>
            {run.errors.map((error, index) => (
              <li key={index}>
                <Typography.Text type="danger">{error}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Flex>
  );
}

export function SyncRunsTable({ runs, isLoading }: { runs: SyncRun[]; isLoading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SyncRun> = [
    {
      key: "startedAt",
      title: t("connections.sync.columns.startedAt"),
      render: (_, run) => dayjs(run.startedAt).format("lll"),
    },
    {
      key: "trigger",
      title: t("connections.sync.columns.trigger"),
      responsive: ["md"],
      render: (_, run) => t(`connections.sync.triggers.${run.trigger}`),
    },
    {
      key: "status",
      title: t("connections.sync.columns.status"),
      render: (_, run) => (
        <Tag color={getSyncStatusColor(run.status)}>{t(`connections.sync.status.${run.status}`)}</Tag>
      ),
    },
    {
      key: "duration",
      title: t("connections.sync.columns.duration"),
      responsive: ["lg"],
      render: (_, run) => t("connections.sync.seconds", { count: getRunSeconds(run) }),
    },
    {
      key: "counts",
      title: t("connections.sync.columns.counts"),
      responsive: ["lg"],
      render: (_, run) => (
        <Flex gap={4} wrap>
          {listCounts(run.counts).map(({ key, value }) => (
            <Tag key={key} bordered={false}>
              {key}: {value}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: "changes",
      title: t("connections.sync.columns.changes"),
      render: (_, run) => (
        <Flex gap={4} wrap>
          <Typography.Text type={run.changes.length > 0 ? undefined : "secondary"}>
            {run.changes.length > 0
              ? t("connections.sync.changesCount", { count: run.changes.length })
              : t("connections.sync.noChanges")}
          </Typography.Text>
          {run.errors.length > 0 ? (
            <Tag color="error">{t("connections.sync.errorsCount", { count: run.errors.length })}</Tag>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Table<SyncRun>
      data-testid="sync-runs"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={runs}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: isLoading ? " " : t("connections.sync.noRuns") }}
      expandable={{
        expandedRowRender: (run) => <RunDetails run={run} />,
        rowExpandable: (run) => run.changes.length > 0 || run.errors.length > 0,
      }}
      scroll={{ x: "max-content" }}
      onRow={(run) => ({ "data-testid": "sync-run", "data-status": run.status }) as HTMLAttributes<HTMLElement>}
    />
  );
}
