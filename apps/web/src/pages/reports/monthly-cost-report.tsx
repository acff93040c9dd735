import { formatMoney } from "@app/ui/money";
import { Alert, Card, DatePicker, Descriptions, Skeleton, Table } from "antd";
import type dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useLanguage } from "../../i18n/use-language";
import { translateError } from "../../lib/app-error";
import { trpc } from "../../lib/trpc";
import { addDecimalStrings } from "../../live/decimal";
import { endOfDayIn, startOfDayIn } from "../analytics/zoned-days";
import { monthOfParam } from "./report-params";
import { ReportShell } from "./report-shell";
import { BreakdownTables } from "./report-tables";

function MonthlyCostContent({ month }: { month: dayjs.Dayjs }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const overview = trpc.stats.overview.useQuery(undefined, { staleTime: 60_000 });
  const timeZone = overview.data?.timeZone;
  const input = {
    from: startOfDayIn(month.startOf("month").format("YYYY-MM-DD"), timeZone),
    to: endOfDayIn(month.endOf("month").format("YYYY-MM-DD"), timeZone),
    granularity: "day" as const,
  };
  const analytics = trpc.stats.analytics.useQuery(input, { enabled: overview.data !== undefined || overview.isError });
  const currency = overview.data?.currency ?? "USD";
  const money = (value: string) => formatMoney(value, currency, language);
  if (analytics.error)
    return (
      <Alert type="error" showIcon title={t("reports.loadFailed")} description={translateError(t, analytics.error)} />
    );
  if (!analytics.data) return <Skeleton active />;
  const rows = analytics.data.cost;
  const total = (pick: (row: (typeof rows)[number]) => string) =>
    rows.reduce((sum, row) => addDecimalStrings(sum, pick(row)), "0");
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          title={t("reports.monthlyCost.summary")}
          data-testid="report-cost-summary"
        >
          <Descriptions.Item label={t("analytics.columns.callsCost")}>{money(total((r) => r.calls))}</Descriptions.Item>
          <Descriptions.Item label={t("analytics.columns.smsCost")}>{money(total((r) => r.sms))}</Descriptions.Item>
          <Descriptions.Item label={t("analytics.columns.numbersCost")}>
            {money(total((r) => r.numbers))}
          </Descriptions.Item>
          <Descriptions.Item label={t("analytics.columns.total")}>
            <strong data-testid="report-cost-total">{money(total((r) => r.total))}</strong>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t("reports.monthlyCost.perDay")} size="small" style={{ marginBottom: 16 }}>
        <Table
          data-testid="report-cost-per-day"
          rowKey="period"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={rows}
          locale={{ emptyText: t("analytics.noData") }}
          columns={[
            { key: "period", title: t("analytics.columns.period"), dataIndex: "period" },
            {
              key: "calls",
              title: t("analytics.columns.callsCost"),
              dataIndex: "calls",
              align: "right",
              render: money,
            },
            { key: "sms", title: t("analytics.columns.smsCost"), dataIndex: "sms", align: "right", render: money },
            {
              key: "numbers",
              title: t("analytics.columns.numbersCost"),
              dataIndex: "numbers",
              align: "right",
              render: money,
            },
            { key: "total", title: t("analytics.columns.total"), dataIndex: "total", align: "right", render: money },
          ]}
        />
      </Card>
      <BreakdownTables analytics={analytics.data} currency={currency} />
    </>
  );
}

/** /reports/monthly-cost?month=YYYY-MM */
export function MonthlyCostReport() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const month = monthOfParam(params.get("month"));
  return (
    <ReportShell
      title={`${t("reports.monthlyCost.title")} — ${month.format("MMMM YYYY")}`}
      controls={
        <DatePicker
          picker="month"
          allowClear={false}
          aria-label={t("reports.monthlyCost.month")}
          value={month}
          onChange={(value) => value && setParams({ month: value.format("YYYY-MM") })}
        />
      }
    >
      <MonthlyCostContent month={month} />
    </ReportShell>
  );
}
