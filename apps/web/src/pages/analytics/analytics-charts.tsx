/** Loaded lazily by the analytics page: this module pulls the chart library. */
import { formatDuration } from "@app/ui/duration";
import { TimeSeriesChart, type ChartSeries } from "@app/ui/charts";
import { Card, Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import { useLanguage } from "../../i18n/use-language";
import type { RouterOutputs } from "../../lib/trpc";
import { formatPercent, formatScore } from "../dashboard/format-figures";

export type Analytics = RouterOutputs["stats"]["analytics"];

interface ChartDef {
  key: string;
  title: string;
  kind: "line" | "bar";
  data: readonly Record<string, unknown>[];
  series: ChartSeries[];
  isStacked?: boolean;
  formatValue?: (value: number) => string;
}

export function AnalyticsCharts({ analytics, currency }: { analytics: Analytics; currency: string }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const s = (key: keyof typeof seriesKeys) => t(`analytics.series.${key}`);
  const seriesKeys = {
    inbound: 0,
    outbound: 0,
    answered: 0,
    missed: 0,
    avgDuration: 0,
    successRate: 0,
    sent: 0,
    received: 0,
    delivered: 0,
    failed: 0,
    deliveryRate: 0,
    calls: 0,
    sms: 0,
    numbers: 0,
    mos: 0,
  };
  const percent = (value: number) => formatPercent(value, language);
  // Counts too: axis ticks can be fractional ("0.25") and must read "0,25" in French.
  const count = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  const money = (value: number) =>
    new Intl.NumberFormat(language, { style: "currency", currency, maximumFractionDigits: 2 }).format(value);
  const charts: ChartDef[] = [
    {
      key: "call-volume",
      title: t("analytics.charts.callVolume"),
      kind: "bar",
      data: analytics.calls,
      isStacked: true,
      series: [
        { key: "inbound", label: s("inbound") },
        { key: "outbound", label: s("outbound") },
      ],
      formatValue: count,
    },
    {
      key: "avg-duration",
      title: t("analytics.charts.avgDuration"),
      kind: "line",
      data: analytics.calls,
      series: [{ key: "avgDurationSecs", label: s("avgDuration") }],
      formatValue: (value) => formatDuration(value),
    },
    {
      key: "success-rate",
      title: t("analytics.charts.successRate"),
      kind: "line",
      data: analytics.calls,
      series: [{ key: "successRate", label: s("successRate") }],
      formatValue: percent,
    },
    {
      key: "sms-volume",
      title: t("analytics.charts.smsVolume"),
      kind: "bar",
      data: analytics.sms,
      series: [
        { key: "sent", label: s("sent") },
        { key: "received", label: s("received") },
        { key: "failed", label: s("failed") },
      ],
      formatValue: count,
    },
    {
      key: "delivery-rate",
      title: t("analytics.charts.deliveryRate"),
      kind: "line",
      data: analytics.sms,
      series: [{ key: "deliveryRate", label: s("deliveryRate") }],
      formatValue: percent,
    },
    {
      key: "cost",
      title: t("analytics.charts.cost"),
      kind: "bar",
      data: analytics.cost,
      isStacked: true,
      series: [
        { key: "calls", label: s("calls") },
        { key: "sms", label: s("sms") },
        { key: "numbers", label: s("numbers") },
      ],
      formatValue: money,
    },
    {
      key: "quality",
      title: t("analytics.charts.quality"),
      kind: "line",
      data: analytics.calls,
      series: [{ key: "avgMos", label: s("mos") }],
      formatValue: (value) => formatScore(value, language),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map((chart) => (
        <Col key={chart.key} xs={24} xl={12}>
          <Card title={chart.title} size="small">
            <TimeSeriesChart
              data-testid={`chart-${chart.key}`}
              aria-label={chart.title}
              kind={chart.kind}
              data={chart.data}
              xKey="period"
              series={chart.series}
              isStacked={chart.isStacked}
              formatValue={chart.formatValue}
              emptyText={t("analytics.noData")}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
