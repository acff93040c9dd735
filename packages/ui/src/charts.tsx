/**
 * Chart wrappers over recharts. Import this module lazily (React.lazy / dynamic import): it carries
 * the chart library, which the dashboard counters and the login page must not download.
 */
import type { ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { Empty, theme } from "antd";

export interface ChartSeries {
  /** Property of each data row holding the value (numbers, or numeric strings for money). */
  key: string;
  /** Legend and tooltip text; the caller translates. */
  label: string;
  color?: string;
}

export interface TimeSeriesChartProps {
  kind: "line" | "bar";
  data: readonly Record<string, unknown>[];
  /** Property holding the x-axis label (the period). */
  xKey: string;
  series: readonly ChartSeries[];
  /** Stack bars of one period on top of each other (cost by category). */
  isStacked?: boolean;
  height?: number;
  /** Formats values on the y-axis and in the tooltip (percent, money, minutes). */
  formatValue?: (value: number) => string;
  /** Shown instead of the chart when there is no data. */
  emptyText?: ReactNode;
  "aria-label"?: string;
  "data-testid"?: string;
}

/** Decimal strings are charted as numbers: display only, never used for arithmetic. */
function toChartRows(
  data: readonly Record<string, unknown>[],
  series: readonly ChartSeries[],
): Record<string, unknown>[] {
  return data.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const { key } of series) {
      const value = row[key];
      out[key] = typeof value === "string" ? Number(value) : value;
    }
    return out;
  });
}

export function TimeSeriesChart({
  kind,
  data,
  xKey,
  series,
  isStacked,
  height = 260,
  formatValue,
  emptyText,
  ...rest
}: TimeSeriesChartProps) {
  const { token } = theme.useToken();
  const palette = [
    token.colorPrimary,
    token.colorWarning,
    token.colorInfo,
    token.colorError,
    token.colorSuccess,
    token.colorTextTertiary,
  ];
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const rows = toChartRows(data, series);
  const format = (value: unknown) =>
    typeof value === "number" && formatValue ? formatValue(value) : String(value ?? "");
  const axisStyle = { fontSize: 12, fill: token.colorTextSecondary };
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} />
      <XAxis dataKey={xKey} tick={axisStyle} />
      <YAxis tick={axisStyle} tickFormatter={format} width={64} />
      <Tooltip formatter={(value) => format(value)} />
      <Legend />
    </>
  );
  return (
    <div role="img" aria-label={rest["aria-label"]} data-testid={rest["data-testid"]} style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "bar" ? (
          <BarChart data={rows}>
            {common}
            {series.map((s, index) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                fill={s.color ?? palette[index % palette.length]}
                stackId={isStacked ? "stack" : undefined}
              />
            ))}
          </BarChart>
        ) : (
          <LineChart data={rows}>
            {common}
            {series.map((s, index) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.label}
                stroke={s.color ?? palette[index % palette.length]}
                strokeWidth={2}
                dot={false}
                connectNulls
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
