/**
 * Reads the DailyUsage and MonthlyUsage rollups (kept exact by triggers on TelnyxCall /
 * TelnyxMessage and DailyUsage, see the dashboard_rollup and monthly_usage migrations): short index
 * range scans, never the raw rows.
 */
import type { Db } from "@app/db/open-db";

export interface UsageTotals {
  calls: number;
  inbound: number;
  outbound: number;
  answered: number;
  finished: number;
  finishedAnswered: number;
  missed: number;
  durationSecs: number;
  answeredWithDuration: number;
  answeredDurationSecs: number;
  mosSum: number;
  mosCount: number;
  callCost: string;
  smsSent: number;
  smsReceived: number;
  smsDelivered: number;
  smsFailed: number;
  smsCost: string;
}

export const EMPTY_USAGE: UsageTotals = {
  calls: 0,
  inbound: 0,
  outbound: 0,
  answered: 0,
  finished: 0,
  finishedAnswered: 0,
  missed: 0,
  durationSecs: 0,
  answeredWithDuration: 0,
  answeredDurationSecs: 0,
  mosSum: 0,
  mosCount: 0,
  callCost: "0.000000",
  smsSent: 0,
  smsReceived: 0,
  smsDelivered: 0,
  smsFailed: 0,
  smsCost: "0.000000",
};

const SUMS = `
  COALESCE(sum("calls"), 0)::int AS "calls", COALESCE(sum("inbound"), 0)::int AS "inbound", COALESCE(sum("outbound"), 0)::int AS "outbound",
  COALESCE(sum("answered"), 0)::int AS "answered", COALESCE(sum("finished"), 0)::int AS "finished",
  COALESCE(sum("finishedAnswered"), 0)::int AS "finishedAnswered", COALESCE(sum("missed"), 0)::int AS "missed",
  COALESCE(sum("durationSecs"), 0)::float8 AS "durationSecs", COALESCE(sum("answeredWithDuration"), 0)::int AS "answeredWithDuration",
  COALESCE(sum("answeredDurationSecs"), 0)::float8 AS "answeredDurationSecs", COALESCE(sum("mosSum"), 0)::float8 AS "mosSum",
  COALESCE(sum("mosCount"), 0)::int AS "mosCount", COALESCE(sum("callCost"), 0)::numeric(20, 6)::text AS "callCost",
  COALESCE(sum("smsSent"), 0)::int AS "smsSent", COALESCE(sum("smsReceived"), 0)::int AS "smsReceived",
  COALESCE(sum("smsDelivered"), 0)::int AS "smsDelivered", COALESCE(sum("smsFailed"), 0)::int AS "smsFailed",
  COALESCE(sum("smsCost"), 0)::numeric(20, 6)::text AS "smsCost"`;

export interface UsageScope {
  organizationId: string;
  firstDay: string;
  lastDay: string;
  /** Only this agent's rows; null = the whole organization. */
  userId: string | null;
}

const WHERE = `"organizationId" = $1 AND "day" >= $2::date AND "day" <= $3::date AND ($4::text IS NULL OR "userId" = $4)`;
const paramsOf = (scope: UsageScope) => [scope.organizationId, scope.firstDay, scope.lastDay, scope.userId];

/** Totals over the scope, plus the totals of one day inside it (today, for the overview). */
export async function sumUsage(db: Db, scope: UsageScope): Promise<UsageTotals> {
  const [row] = await db.query<UsageTotals>(`SELECT ${SUMS} FROM "DailyUsage" WHERE ${WHERE}`, paramsOf(scope));
  return row ?? EMPTY_USAGE;
}

export interface UsageBreakdown {
  byPeriod: Map<string, UsageTotals>;
  byUser: Map<string, UsageTotals>;
  byNumber: Map<string, UsageTotals>;
}

type GroupedRow = UsageTotals & { gu: number; userId: string | null; phoneNumberId: string | null };
type PeriodRow = UsageTotals & { period: string };

const METRICS = `"calls", "inbound", "outbound", "answered", "finished", "finishedAnswered", "missed", "durationSecs", "answeredWithDuration",
  "answeredDurationSecs", "mosSum", "mosCount", "callCost", "smsSent", "smsReceived", "smsDelivered", "smsFailed", "smsCost"`;

/** The whole months inside [firstDay, lastDay] ("YYYY-MM-01" of the first and of the last), or null when there is none. */
export function wholeMonthsOf(firstDay: string, lastDay: string): { first: string; last: string } | null {
  const [fy, fm, fd] = firstDay.split("-").map(Number) as [number, number, number];
  const [ly, lm, ld] = lastDay.split("-").map(Number) as [number, number, number];
  const monthIndex = (y: number, m: number) => y * 12 + (m - 1);
  const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = monthIndex(fy, fm) + (fd === 1 ? 0 : 1);
  const last = monthIndex(ly, lm) - (ld === daysIn(ly, lm) ? 0 : 1);
  if (first > last) return null;
  const label = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
  return { first: label(first), last: label(last) };
}

/**
 * The scope's rows at month grain: MonthlyUsage for the whole months inside it, DailyUsage for the
 * days of the partial months at its ends. Parameters: $1–$4 as WHERE, $5/$6 the whole months (or null).
 */
const MONTH_GRAIN_SOURCE = `
  SELECT "month" AS "p", "userId", "phoneNumberId", ${METRICS} FROM "MonthlyUsage"
  WHERE "organizationId" = $1 AND "month" >= $5::date AND "month" <= $6::date AND ($4::text IS NULL OR "userId" = $4)
  UNION ALL
  SELECT date_trunc('month', "day")::date AS "p", "userId", "phoneNumberId", ${METRICS} FROM "DailyUsage"
  WHERE ${WHERE} AND ($5::date IS NULL OR "day" < $5::date OR "day" >= ($6::date + interval '1 month'))`;

/**
 * Per period ("YYYY-MM-DD" or "YYYY-MM"), per agent and per number over the scope. Whole months
 * are read from MonthlyUsage (a year at month grain: ~30× fewer rows than its days); per-day
 * figures come from DailyUsage.
 */
export async function breakdownUsage(db: Db, scope: UsageScope, granularity: "day" | "month"): Promise<UsageBreakdown> {
  const months = wholeMonthsOf(scope.firstDay, scope.lastDay);
  const params = [...paramsOf(scope), months?.first ?? null, months?.last ?? null];
  // Group on dates and ids (cheap), format only the result rows.
  const [periodRows, groupedRows] = await Promise.all([
    granularity === "day"
      ? db.query<PeriodRow>(
          `SELECT to_char("day", 'YYYY-MM-DD') AS "period", ${SUMS} FROM "DailyUsage" WHERE ${WHERE} GROUP BY "day"`,
          paramsOf(scope),
        )
      : db.query<PeriodRow>(
          `SELECT to_char("p", 'YYYY-MM') AS "period", ${SUMS} FROM (${MONTH_GRAIN_SOURCE}) AS u GROUP BY "p"`,
          params,
        ),
    db.query<GroupedRow>(
      `SELECT GROUPING("userId")::int AS "gu", "userId", "phoneNumberId", ${SUMS}
       FROM (${MONTH_GRAIN_SOURCE}) AS u GROUP BY GROUPING SETS (("userId"), ("phoneNumberId"))`,
      params,
    ),
  ]);
  const result: UsageBreakdown = { byPeriod: new Map(), byUser: new Map(), byNumber: new Map() };
  for (const { period, ...totals } of periodRows) result.byPeriod.set(period, totals);
  for (const { gu, userId, phoneNumberId, ...totals } of groupedRows) {
    if (gu === 0) result.byUser.set(userId!, totals);
    else result.byNumber.set(phoneNumberId!, totals);
  }
  return result;
}
