import { formatMoney } from "@app/ui/money";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import { Card, Descriptions, Table } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import type { RouterOutputs } from "../../lib/trpc";
import { formatCount, formatMinutes, formatPercent } from "../dashboard/format-figures";

type Analytics = RouterOutputs["stats"]["analytics"];

/** Per-agent and per-number breakdowns, shared by both reports. */
export function BreakdownTables({ analytics, currency }: { analytics: Analytics; currency: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const figures = [
    {
      key: "calls",
      title: t("analytics.columns.calls"),
      dataIndex: "calls",
      align: "right" as const,
      render: (v: number) => formatCount(v, language),
    },
    {
      key: "answered",
      title: t("analytics.columns.answered"),
      dataIndex: "answered",
      align: "right" as const,
      render: (v: number) => formatCount(v, language),
    },
    {
      key: "minutes",
      title: t("analytics.columns.minutes"),
      dataIndex: "minutes",
      align: "right" as const,
      render: (v: number) => formatMinutes(v, language),
    },
    {
      key: "sms",
      title: t("analytics.columns.sms"),
      dataIndex: "sms",
      align: "right" as const,
      render: (v: number) => formatCount(v, language),
    },
    {
      key: "cost",
      title: t("analytics.columns.cost"),
      dataIndex: "cost",
      align: "right" as const,
      render: (v: string) => formatMoney(v, currency, language),
    },
  ];
  // A phone scrolls a wide table inside its card, never the page.
  const common = {
    size: "small" as const,
    pagination: false as const,
    locale: { emptyText: t("analytics.noData") },
    scroll: { x: "max-content" as const },
  };
  return (
    <>
      <Card title={t("analytics.tables.perAgent")} size="small" style={{ marginBottom: 16 }}>
        <Table
          data-testid="report-per-agent"
          rowKey="userId"
          dataSource={analytics.perAgent}
          columns={[{ key: "name", title: t("analytics.columns.agent"), dataIndex: "name" }, ...figures]}
          {...common}
        />
      </Card>
      <Card title={t("analytics.tables.perNumber")} size="small" style={{ marginBottom: 16 }}>
        <Table
          data-testid="report-per-number"
          rowKey="phoneNumberId"
          dataSource={analytics.perNumber}
          columns={[
            {
              key: "number",
              title: t("analytics.columns.number"),
              dataIndex: "phoneNumber",
              render: (v: string) => <PhoneNumberDisplay value={v} />,
            },
            ...figures,
          ]}
          {...common}
        />
      </Card>
    </>
  );
}

/** Calls and SMS totals of a period as two description blocks. */
export function ActivitySummary({ analytics }: { analytics: Analytics }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const sum = <T,>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const calls = analytics.calls;
  const answered = sum(calls, (r) => r.answered);
  const missed = sum(calls, (r) => r.missed);
  const sms = analytics.sms;
  const sent = sum(sms, (r) => r.sent);
  const delivered = sum(sms, (r) => r.delivered);
  const failed = sum(sms, (r) => r.failed);
  const n = (v: number) => formatCount(v, language);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        title={t("reports.dailyActivity.calls")}
        data-testid="report-calls-summary"
      >
        <Descriptions.Item label={t("reports.figures.inbound")}>{n(sum(calls, (r) => r.inbound))}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.outbound")}>{n(sum(calls, (r) => r.outbound))}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.answered")}>{n(answered)}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.missed")}>{n(missed)}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.minutes")}>
          {formatMinutes(
            sum(calls, (r) => r.minutes),
            language,
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.successRate")}>
          {formatPercent(answered + missed > 0 ? answered / (answered + missed) : null, language)}
        </Descriptions.Item>
      </Descriptions>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        title={t("reports.dailyActivity.sms")}
        style={{ marginTop: 16 }}
        data-testid="report-sms-summary"
      >
        <Descriptions.Item label={t("reports.figures.sent")}>{n(sent)}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.received")}>{n(sum(sms, (r) => r.received))}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.delivered")}>{n(delivered)}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.failed")}>{n(failed)}</Descriptions.Item>
        <Descriptions.Item label={t("reports.figures.deliveryRate")}>
          {formatPercent(delivered + failed > 0 ? delivered / (delivered + failed) : null, language)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
