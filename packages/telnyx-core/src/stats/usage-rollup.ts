/**
 * Reads the DailyUsage rollup (kept exact by triggers on TelnyxCall / TelnyxMessage, see the
 * dashboard_rollup migration): one short index range scan per question, never the raw rows.
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

type GroupedRow = UsageTotals & { gp: number; gu: number; period: string | null; userId: string | null; phoneNumberId: string | null };

/** One scan, three groupings (GROUPING SETS): per period ("YYYY-MM-DD" or "YYYY-MM"), per agent, per number. */
export async function breakdownUsage(db: Db, scope: UsageScope, granularity: "day" | "month"): Promise<UsageBreakdown> {
  const format = granularity === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const rows = await db.query<GroupedRow>(
    // Group on the date (cheap), format only the ~dozens of result rows.
    `SELECT GROUPING("p")::int AS "gp", GROUPING("userId")::int AS "gu", to_char("p", '${format}') AS "period", "userId", "phoneNumberId", ${SUMS}
     FROM (SELECT ${granularity === "day" ? `"day"` : `date_trunc('month', "day")::date`} AS "p", * FROM "DailyUsage" WHERE ${WHERE}) AS u
     GROUP BY GROUPING SETS (("p"), ("userId"), ("phoneNumberId"))`,
    paramsOf(scope),
  );
  const result: UsageBreakdown = { byPeriod: new Map(), byUser: new Map(), byNumber: new Map() };
  for (const { gp, gu, period, userId, phoneNumberId, ...totals } of rows) {
    if (gp === 0) result.byPeriod.set(period!, totals);
    else if (gu === 0) result.byUser.set(userId!, totals);
    else result.byNumber.set(phoneNumberId!, totals);
  }
  return result;
}
