import type { ReactNode } from "react";
import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { isLiveCallStatus } from "@app/telnyx-core/calls/call-state";
import { CallStatusTag } from "@app/ui/call-status-tag";
import { CallTimer } from "@app/ui/call-timer";
import { formatDuration } from "@app/ui/duration";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Space, Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useLanguage } from "../../i18n/use-language";
import { getCallCounterpart } from "./call-format";
import { formatMoney } from "@app/ui/money";
import { ResponsiveTable } from "../../lib/responsive-table";
import { InboundOutcomeTag } from "./inbound-outcome-tag";

interface CallsTableProps {
  calls: TCallDto[];
  isLoading: boolean;
  empty: ReactNode;
  onOpen: (call: TCallDto) => void;
}

export function CallsTable({ calls, isLoading, empty, onOpen }: CallsTableProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const columns: TableColumnsType<TCallDto> = [
    {
      key: "status",
      title: t("calls.columns.status"),
      render: (_, call) => (
        <Space size={4} wrap>
          <CallStatusTag data-testid="call-status" status={call.status} label={t(`calls.status.${call.status}`)} />
          <InboundOutcomeTag outcome={call.inboundOutcome ?? null} />
        </Space>
      ),
    },
    {
      key: "direction",
      title: t("calls.columns.direction"),
      render: (_, call) => (
        <Space size={4}>
          {call.direction === "OUTBOUND" ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
          {t(`calls.direction.${call.direction}`)}
        </Space>
      ),
    },
    {
      key: "from",
      title: t("calls.columns.from"),
      render: (_, call) => <PhoneNumberDisplay value={call.fromNumber} />,
    },
    { key: "to", title: t("calls.columns.to"), render: (_, call) => <PhoneNumberDisplay value={call.toNumber} /> },
    {
      key: "lead",
      title: t("calls.columns.lead"),
      render: (_, call) =>
        call.leadId ? (
          <Link
            to={`/leads?search=${encodeURIComponent(getCallCounterpart(call))}`}
            onClick={(event) => event.stopPropagation()}
            data-testid="call-lead-link"
          >
            {call.leadName}
          </Link>
        ) : null,
    },
    { key: "agent", title: t("calls.columns.agent"), responsive: ["lg"], render: (_, call) => call.agentName },
    {
      key: "startedAt",
      title: t("calls.columns.startedAt"),
      render: (_, call) => dayjs(call.startedAt ?? call.createdAt).format("L LT"),
    },
    {
      key: "duration",
      title: t("calls.columns.duration"),
      align: "right",
      render: (_, call) =>
        isLiveCallStatus(call.status) ? (
          <CallTimer since={call.answeredAt} />
        ) : (
          <span data-testid="call-duration">
            {call.durationSecs === null ? "—" : formatDuration(call.durationSecs)}
          </span>
        ),
    },
    {
      key: "cost",
      title: t("calls.columns.cost"),
      align: "right",
      render: (_, call) => (
        <Typography.Text data-testid="call-cost" style={{ whiteSpace: "nowrap" }}>
          {formatMoney(call.cost, call.costCurrency, language) || "—"}
        </Typography.Text>
      ),
    },
  ];

  return (
    <ResponsiveTable<TCallDto>
      data-testid="calls-table"
      rowKey="id"
      columns={columns}
      dataSource={calls}
      loading={isLoading}
      pagination={false}
      locale={{ emptyText: isLoading ? " " : empty }}
      scroll={{ x: "max-content" }}
      onRow={(call) => ({ onClick: () => onOpen(call), style: { cursor: "pointer" } })}
    />
  );
}
