import type { HTMLAttributes, ReactNode } from "react";
import { Tag, Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import {
  auditActionKey,
  formatDetails,
  formatTarget,
  getResultColor,
  isAuditResult,
  type AuditEntry,
} from "./audit-values";
import { ResponsiveTable } from "../../lib/responsive-table";

function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const details = formatDetails(entry.details);
  if (!details) return <Typography.Text type="secondary">{t("audit.noDetails")}</Typography.Text>;
  return (
    <pre
      data-testid="audit-details"
      style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: 12 }}
    >
      {details}
    </pre>
  );
}

export function AuditTable({
  entries,
  isLoading,
  empty,
}: {
  entries: AuditEntry[];
  isLoading: boolean;
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<AuditEntry> = [
    {
      key: "time",
      title: t("audit.columns.time"),
      render: (_, entry) => (
        <span title={dayjs(entry.createdAt).toISOString()} style={{ whiteSpace: "nowrap" }}>
          {dayjs(entry.createdAt).format("L LTS")}
        </span>
      ),
    },
    {
      key: "user",
      title: t("audit.columns.user"),
      render: (_, entry) => entry.userName ?? <Typography.Text type="secondary">{t("audit.system")}</Typography.Text>,
    },
    {
      key: "action",
      title: t("audit.columns.action"),
      render: (_, entry) => (
        <span title={entry.action}>{t(auditActionKey(entry.action), { defaultValue: entry.action })}</span>
      ),
    },
    {
      key: "target",
      title: t("audit.columns.target"),
      responsive: ["lg"],
      render: (_, entry) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 260 }}>
          {formatTarget(entry, (type) => t(`audit.targets.${type}`, { defaultValue: type }))}
        </Typography.Text>
      ),
    },
    {
      key: "result",
      title: t("audit.columns.result"),
      render: (_, entry) => (
        <Tag color={getResultColor(entry.result)} data-testid="audit-result">
          {isAuditResult(entry.result) ? t(`audit.results.${entry.result}`) : entry.result}
        </Tag>
      ),
    },
    { key: "ip", title: t("audit.columns.ip"), responsive: ["md"], render: (_, entry) => entry.ip ?? "" },
  ];

  return (
    <ResponsiveTable<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: isLoading ? " " : empty }}
      expandable={{
        expandedRowRender: (entry) => <AuditDetails entry={entry} />,
        rowExpandable: (entry) => formatDetails(entry.details) !== null,
      }}
      scroll={{ x: "max-content" }}
      onRow={(entry) =>
        ({
          "data-testid": "audit-row",
          "data-action": entry.action,
          "data-result": entry.result,
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
