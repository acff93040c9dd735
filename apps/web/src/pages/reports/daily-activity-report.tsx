import { formatDuration } from "@app/ui/duration";
import { formatMoney } from "@app/ui/money";
import { PhoneNumberDisplay } from "@app/ui/phone-number-display";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { Alert, Card, DatePicker, Skeleton, Table, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useLanguage } from "../../i18n/use-language";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { endOfDayIn, startOfDayIn } from "../analytics/zoned-days";
import { ReportShell } from "./report-shell";
import { ActivitySummary, BreakdownTables } from "./report-tables";

const CALLS_LIMIT = 100;

function DailyActivityContent({ day }: { day: dayjs.Dayjs }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const overview = trpc.stats.overview.useQuery(undefined, { staleTime: 60_000 });
  const isZoneKnown = overview.data !== undefined || overview.isError;
  const from = startOfDayIn(day.format("YYYY-MM-DD"), overview.data?.timeZone);
  const to = endOfDayIn(day.format("YYYY-MM-DD"), overview.data?.timeZone);
  const analytics = trpc.stats.analytics.useQuery({ from, to, granularity: "day" }, { enabled: isZoneKnown });
  const calls = trpc.calls.list.useQuery({ from, to, limit: CALLS_LIMIT }, { enabled: isZoneKnown });
  const currency = overview.data?.currency ?? "USD";
  const error = analytics.error ?? calls.error;
  if (error)
    return <Alert type="error" showIcon title={t("reports.loadFailed")} description={translateError(t, error)} />;
  if (!analytics.data || !calls.data) return <Skeleton active />;
  const items = [...calls.data.items].reverse();
  return (
    <>
      <ActivitySummary analytics={analytics.data} />
      <BreakdownTables analytics={analytics.data} currency={currency} />
      <Card title={t("reports.dailyActivity.callsList")} size="small">
        <Table<TCallDto>
          data-testid="report-calls"
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={items}
          locale={{ emptyText: t("analytics.noData") }}
          columns={[
            {
              key: "time",
              title: t("reports.columns.time"),
              render: (_, call) => dayjs(call.startedAt ?? call.createdAt).format("LT"),
            },
            {
              key: "direction",
              title: t("reports.columns.direction"),
              render: (_, call) => t(`wallboard.direction.${call.direction}`),
            },
            {
              key: "status",
              title: t("reports.columns.status"),
              render: (_, call) => t(`calls.status.${call.status}`),
            },
            { key: "agent", title: t("reports.columns.agent"), render: (_, call) => call.agentName ?? "—" },
            {
              key: "counterpart",
              title: t("reports.columns.counterpart"),
              render: (_, call) =>
                call.leadName ?? (
                  <PhoneNumberDisplay value={call.direction === "INBOUND" ? call.fromNumber : call.toNumber} />
                ),
            },
            {
              key: "duration",
              title: t("reports.columns.duration"),
              align: "right",
              render: (_, call) => (call.durationSecs === null ? "—" : formatDuration(call.durationSecs)),
            },
            {
              key: "cost",
              title: t("reports.columns.cost"),
              align: "right",
              render: (_, call) => (call.cost ? formatMoney(call.cost, call.costCurrency ?? currency, language) : "—"),
            },
          ]}
        />
        {calls.data.nextCursor ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("reports.dailyActivity.truncated", { count: CALLS_LIMIT })}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </>
  );
}

/** /reports/daily-activity?date=YYYY-MM-DD */
export function DailyActivityReport() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const parsed = dayjs(params.get("date") ?? "");
  const day = parsed.isValid() ? parsed : dayjs();
  return (
    <ReportShell
      title={`${t("reports.dailyActivity.title")} — ${day.format("LL")}`}
      controls={
        <DatePicker
          allowClear={false}
          aria-label={t("reports.dailyActivity.day")}
          value={day}
          onChange={(value) => value && setParams({ date: value.format("YYYY-MM-DD") })}
        />
      }
    >
      <DailyActivityContent day={day} />
    </ReportShell>
  );
}
