/** Analytics filters → stats.analytics input and CSV download links (pure). */
import { env } from "../../env";
import { endOfDayIn, startOfDayIn } from "./zoned-days";

export type Granularity = "day" | "month";
export type CsvTable = "calls-per-period" | "sms-per-period" | "cost-per-period" | "per-agent" | "per-number" | "calls";

export interface AnalyticsFilters {
  /** Inclusive local days, "YYYY-MM-DD". */
  fromDay: string;
  toDay: string;
  granularity: Granularity;
  userId?: string;
  /** The organization's time zone (stats.overview.timeZone); the browser's while unknown. */
  timeZone?: string;
}

const apiOrigin = env.trpcUrl.replace(/\/trpc$/, "");

/** Whole days of the organization: from the first day's midnight to the last day's last millisecond. */
export function toAnalyticsInput(filters: AnalyticsFilters): {
  from: Date;
  to: Date;
  granularity: Granularity;
  userId?: string;
} {
  const from = startOfDayIn(filters.fromDay, filters.timeZone);
  const to = endOfDayIn(filters.toDay, filters.timeZone);
  return { from, to, granularity: filters.granularity, ...(filters.userId ? { userId: filters.userId } : {}) };
}

export function buildCsvUrl(table: CsvTable, filters: AnalyticsFilters, origin = apiOrigin): string {
  const { from, to, granularity, userId } = toAnalyticsInput(filters);
  const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), granularity });
  if (userId) params.set("userId", userId);
  return `${origin}/api/reports/${table}.csv?${params.toString()}`;
}
