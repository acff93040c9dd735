/**
 * Every dashboard figure equals a plain SQL ground truth over the raw tables (archived rows
 * included, days in the organization's time zone) — through the real procedures and the
 * trigger-maintained rollup, including after a time-zone change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestApi, type TestApi } from "./harness";
import { seedStatsFixture, type StatsFixture } from "./stats-fixtures";

let api: TestApi;
let fx: StatsFixture;
const MONEY = (value: string | null | undefined) => Number(value ?? 0).toFixed(6);
const ROLLUP_METRICS = [
  "calls",
  "inbound",
  "outbound",
  "answered",
  "finished",
  "finishedAnswered",
  "missed",
  "durationSecs",
  "answeredWithDuration",
  "answeredDurationSecs",
  "mosSum",
  "mosCount",
  "callCost",
  "smsSent",
  "smsReceived",
  "smsDelivered",
  "smsFailed",
  "smsCost",
];

beforeAll(async () => {
  api = await setupTestApi();
  fx = await seedStatsFixture(api);
});
afterAll(() => api?.close());

const LOCAL = (tz: string) => `(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE '${tz}')`;

/** Ground truth per period, straight from TelnyxCall / TelnyxMessage. */
async function truthByPeriod(tz: string, fmt: string, first: string, last: string, userId: string | null) {
  const org = api.demo.organization.id;
  const where = `"organizationId" = $1 AND ${LOCAL(tz)}::date BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR "userId" = $4)`;
  const calls = await api.db.query<Record<string, string | number | null>>(
    `SELECT to_char(${LOCAL(tz)}, '${fmt}') AS "period",
       count(*) FILTER (WHERE "direction" = 'INBOUND')::int AS "inbound", count(*) FILTER (WHERE "direction" = 'OUTBOUND')::int AS "outbound",
       count(*) FILTER (WHERE "answeredAt" IS NOT NULL)::int AS "answered",
       count(*) FILTER (WHERE "direction" = 'INBOUND' AND "answeredAt" IS NULL AND "status" IN ('ENDED','FAILED','BUSY','NO_ANSWER','CANCELED'))::int AS "missed",
       round(avg("durationSecs") FILTER (WHERE "answeredAt" IS NOT NULL))::int AS "avgDurationSecs",
       COALESCE(sum("durationSecs"), 0)::int AS "secs",
       count(*) FILTER (WHERE "status" IN ('ENDED','FAILED','BUSY','NO_ANSWER','CANCELED'))::int AS "finished",
       count(*) FILTER (WHERE "status" IN ('ENDED','FAILED','BUSY','NO_ANSWER','CANCELED') AND "answeredAt" IS NOT NULL)::int AS "finishedAnswered",
       round(avg("mos"), 2)::float8 AS "avgMos", COALESCE(sum("cost"), 0)::text AS "cost"
     FROM "TelnyxCall" WHERE ${where} GROUP BY 1`,
    [org, first, last, userId],
  );
  const sms = await api.db.query<Record<string, string | number | null>>(
    `SELECT to_char(${LOCAL(tz)}, '${fmt}') AS "period",
       count(*) FILTER (WHERE "direction" = 'OUTBOUND')::int AS "sent", count(*) FILTER (WHERE "direction" = 'INBOUND')::int AS "received",
       count(*) FILTER (WHERE "status" = 'DELIVERED')::int AS "delivered",
       count(*) FILTER (WHERE "status" IN ('DELIVERY_FAILED','SENDING_FAILED','EXPIRED'))::int AS "failed",
       COALESCE(sum("cost"), 0)::text AS "cost"
     FROM "TelnyxMessage" WHERE ${where} GROUP BY 1`,
    [org, first, last, userId],
  );
  return {
    calls: new Map(calls.map((r) => [r.period as string, r])),
    sms: new Map(sms.map((r) => [r.period as string, r])),
  };
}

async function expectAnalyticsMatchTruth(
  caller: ReturnType<TestApi["asDemoAdmin"]>,
  tz: string,
  granularity: "day" | "month",
  from: Date,
  to: Date,
  userId: string | null,
) {
  const result = await caller.stats.analytics({ from, to, granularity, ...(userId ? { userId } : {}) });
  const first = result.periods[0]!;
  const lastPeriod = result.periods.at(-1)!;
  const fmt = granularity === "day" ? "YYYY-MM-DD" : "YYYY-MM";
  const firstDay = granularity === "day" ? first : `${first}-01`;
  const lastDay =
    granularity === "day"
      ? lastPeriod
      : (
          await api.db.query<{ d: string }>(
            `SELECT to_char((($1 || '-01')::date + interval '1 month' - interval '1 day'), 'YYYY-MM-DD') AS d`,
            [lastPeriod],
          )
        )[0]!.d;
  // Month granularity: the range is whole days, so trim the truth to the days actually asked for.
  const truth = await truthByPeriod(
    tz,
    fmt,
    granularity === "day" ? firstDay : result.periods.length ? localDay(from, tz) : firstDay,
    granularity === "day" ? lastDay : localDay(new Date(to.getTime() - 1), tz),
    userId,
  );
  let totalCalls = 0;
  for (const row of result.calls) {
    const t = truth.calls.get(row.period);
    totalCalls += row.inbound + row.outbound;
    expect(row.inbound, row.period).toBe(t?.inbound ?? 0);
    expect(row.outbound, row.period).toBe(t?.outbound ?? 0);
    expect(row.answered, row.period).toBe(t?.answered ?? 0);
    expect(row.missed, row.period).toBe(t?.missed ?? 0);
    expect(row.avgDurationSecs, row.period).toBe(t?.avgDurationSecs ?? null);
    expect(row.minutes, row.period).toBe(Math.round(Number(t?.secs ?? 0) / 6) / 10);
    expect(row.successRate, row.period).toBe(
      t && Number(t.finished) > 0 ? Number(t.finishedAnswered) / Number(t.finished) : null,
    );
    expect(row.avgMos, row.period).toBe(t?.avgMos ?? null);
  }
  for (const row of result.sms) {
    const t = truth.sms.get(row.period);
    expect([row.sent, row.received, row.delivered, row.failed], row.period).toEqual([
      t?.sent ?? 0,
      t?.received ?? 0,
      t?.delivered ?? 0,
      t?.failed ?? 0,
    ]);
  }
  for (const row of result.cost) {
    expect(MONEY(row.calls), row.period).toBe(MONEY(truth.calls.get(row.period)?.cost as string));
    expect(MONEY(row.sms), row.period).toBe(MONEY(truth.sms.get(row.period)?.cost as string));
  }
  return { result, totalCalls };
}

function localDay(at: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    at,
  );
}

describe("stats.overview", () => {
  it("today's and this month's figures equal SQL over the raw rows (archived included, Paris midnight)", async () => {
    const tz = "Europe/Paris";
    const today = localDay(new Date(), tz);
    const month = `${today.slice(0, 7)}-01`;
    const truth = await truthByPeriod(tz, "YYYY-MM-DD", today, today, null);
    const monthTruth = await truthByPeriod(tz, "YYYY-MM", month, today, null);
    const t = truth.calls.get(today)!;
    const m = monthTruth.calls.get(today.slice(0, 7))!;
    const ms = monthTruth.sms.get(today.slice(0, 7))!;
    const overview = await api.asDemoAdmin().stats.overview();
    expect(overview.timeZone).toBe(tz);
    expect(overview.callsToday).toBe(Number(t.inbound) + Number(t.outbound));
    expect(overview.callsToday).toBe(7); // 6 seeded today + the ringing→ended one; not the one a second before midnight
    expect(overview.smsSentToday).toBe(truth.sms.get(today)!.sent);
    expect(overview.callSuccessRate).toBe(Number(t.finishedAnswered) / Number(t.finished));
    expect(overview.minutesToday).toBe(Math.round(Number(t.secs) / 6) / 10);
    expect(overview.minutesThisMonth).toBe(Math.round(Number(m.secs) / 6) / 10);
    expect(MONEY(overview.costThisMonth.calls)).toBe(MONEY(m.cost as string));
    expect(MONEY(overview.costThisMonth.sms)).toBe(MONEY(ms.cost as string));
    const [fees] = await api.db.query<{ fees: string }>(
      `SELECT COALESCE(sum("monthlyCost"), 0)::text AS fees FROM "TelnyxPhoneNumber" WHERE "organizationId" = $1 AND "status" NOT IN ('PURCHASE_PENDING','FAILED')
         AND "purchasedAt" < (((($2::date + interval '1 month')::timestamp) AT TIME ZONE $3) AT TIME ZONE 'UTC')
         AND ("releasedAt" IS NULL OR "releasedAt" >= ((($2::date)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC'))`,
      [api.demo.organization.id, month, tz],
    );
    expect(MONEY(overview.costThisMonth.numbers)).toBe(MONEY(fees!.fees));
    expect(MONEY(overview.costThisMonth.total)).toBe(
      MONEY(String(Number(m.cost) + Number(ms.cost) + Number(fees!.fees))),
    );
    expect(overview.activeNumbers).toBe(
      await api.db.prisma.telnyxPhoneNumber.count({
        where: { organizationId: api.demo.organization.id, status: "ACTIVE" },
      }),
    );
  });

  it("agents see only their own figures, whatever userId they pass", async () => {
    const tz = "Europe/Paris";
    const today = localDay(new Date(), tz);
    const agent = api.demo.users.agent1.id;
    const truth = await truthByPeriod(tz, "YYYY-MM-DD", today, today, agent);
    const own = await api.asDemoAgent().stats.overview({ userId: api.demo.users.agent2.id });
    const t = truth.calls.get(today)!;
    expect(own.callsToday).toBe(Number(t.inbound) + Number(t.outbound));
    expect(own.smsSentToday).toBe(truth.sms.get(today)!.sent);
    expect(own.activeNumbers).toBe(1);
    const supervisorView = await api.asDemoSupervisor().stats.overview({ userId: agent });
    expect(supervisorView.callsToday).toBe(own.callsToday);
  });

  it("an agent's active numbers count the shared ones they can call and text from, not a colleague's", async () => {
    // The demo organization's numbers are shared (assigned to nobody): an agent's dashboard said 0.
    const organizationId = api.demo.organization.id;
    const base = { organizationId, countryCode: "US", status: "ACTIVE" as const, features: ["voice", "sms"] };
    const extra = await Promise.all([
      api.db.prisma.telnyxPhoneNumber.create({ data: { ...base, phoneNumber: "+13125550181" } }),
      api.db.prisma.telnyxPhoneNumber.create({ data: { ...base, phoneNumber: "+13125550182" } }),
      api.db.prisma.telnyxPhoneNumber.create({
        data: { ...base, phoneNumber: "+13125550183", assignedUserId: api.demo.users.agent2.id },
      }),
    ]);
    try {
      // Their own (the fixture's) and the two shared ones; agent2's is not theirs.
      expect((await api.asDemoAgent().stats.overview({})).activeNumbers).toBe(3);
      const supervisorView = await api.asDemoSupervisor().stats.overview({ userId: api.demo.users.agent1.id });
      expect(supervisorView.activeNumbers).toBe(3);
      expect((await api.asDemoSupervisor().stats.overview({})).activeNumbers).toBe(4);
    } finally {
      await api.db.prisma.telnyxPhoneNumber.deleteMany({ where: { id: { in: extra.map((n) => n.id) } } });
    }
  });
});

describe("stats.analytics", () => {
  it("per day over the last 40 days equals SQL, for the organization and for one agent", async () => {
    const from = new Date(fx.todayStart.getTime() - 40 * 86_400_000);
    const to = new Date(fx.todayStart.getTime() + 86_400_000);
    const { result, totalCalls } = await expectAnalyticsMatchTruth(
      api.asDemoAdmin(),
      "Europe/Paris",
      "day",
      from,
      to,
      null,
    );
    expect(result.periods).toHaveLength(41);
    expect(totalCalls).toBeGreaterThanOrEqual(8);
    await expectAnalyticsMatchTruth(api.asDemoSupervisor(), "Europe/Paris", "day", from, to, api.demo.users.agent2.id);
  });

  it("per day across the DST change and on a DST-free day: rows one second either side of local midnight land on the right days", async () => {
    const { result } = await expectAnalyticsMatchTruth(
      api.asDemoAdmin(),
      "Europe/Paris",
      "day",
      new Date("2026-02-01T00:00:00+01:00"),
      new Date("2026-04-01T00:00:00+02:00"),
      null,
    );
    const byDay = new Map(result.calls.map((row) => [row.period, row.inbound + row.outbound]));
    expect(byDay.get("2026-02-09")).toBe(1);
    expect(byDay.get("2026-02-10")).toBe(1);
    expect(byDay.get("2026-03-28")).toBe(1);
    expect(byDay.get("2026-03-29")).toBe(2);
    expect(byDay.get("2026-03-30")).toBe(1);
  });

  it("per month over a year equals SQL; per-agent and per-number totals add up; number fees are monthly", async () => {
    const from = new Date(fx.todayStart.getTime() - 330 * 86_400_000);
    const to = new Date(fx.todayStart.getTime() + 86_400_000);
    const { result, totalCalls } = await expectAnalyticsMatchTruth(
      api.asDemoAdmin(),
      "Europe/Paris",
      "month",
      from,
      to,
      null,
    );
    const [counts] = await api.db.query<{ assigned: number; numbered: number }>(
      `SELECT count(*) FILTER (WHERE "userId" IS NOT NULL)::int AS assigned, count(*) FILTER (WHERE "phoneNumberId" IS NOT NULL)::int AS numbered
       FROM "TelnyxCall" WHERE "organizationId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3`,
      [api.demo.organization.id, await startOfLocalDay(from), to],
    );
    expect(result.perAgent.reduce((sum, a) => sum + a.calls, 0)).toBe(counts!.assigned);
    expect(result.perNumber.reduce((sum, n) => sum + n.calls, 0)).toBe(counts!.numbered);
    expect(totalCalls).toBeGreaterThanOrEqual(counts!.numbered);
    expect(result.perAgent.map((a) => a.name).sort()).toEqual(["Emma Wilson", "Thomas Dubois"]);
    const thisMonth = result.cost.at(-1)!;
    expect(MONEY(thisMonth.numbers)).toBe("2.000000");
  });

  it("after a time-zone change the rollup is rebuilt and still equals SQL in the new zone", async () => {
    await api.db.prisma.organization.update({
      where: { id: api.demo.organization.id },
      data: { timeZone: "America/New_York" },
    });
    try {
      const from = new Date("2026-02-01T00:00:00-05:00");
      const to = new Date("2026-04-01T00:00:00-04:00");
      const { result } = await expectAnalyticsMatchTruth(api.asDemoAdmin(), "America/New_York", "day", from, to, null);
      const byDay = new Map(result.calls.map((row) => [row.period, row.inbound + row.outbound]));
      expect(byDay.get("2026-02-09")).toBe(2);
    } finally {
      await api.db.prisma.organization.update({
        where: { id: api.demo.organization.id },
        data: { timeZone: "Europe/Paris" },
      });
    }
  });

  it("MonthlyUsage equals DailyUsage summed per month, after every write path and after time-zone rebuilds", async () => {
    const driftSql = `WITH d AS (
           SELECT "organizationId", date_trunc('month', "day")::date AS "month", "userId", "phoneNumberId", ${ROLLUP_METRICS.map((c) => `sum("${c}") AS "${c}"`).join(", ")}
           FROM "DailyUsage" GROUP BY 1, 2, 3, 4),
         m AS (SELECT "organizationId", "month", "userId", "phoneNumberId", ${ROLLUP_METRICS.map((c) => `sum("${c}") AS "${c}"`).join(", ")}
           FROM "MonthlyUsage" GROUP BY 1, 2, 3, 4)
         (SELECT 'daily' AS side, * FROM d EXCEPT SELECT 'daily', * FROM m) UNION ALL (SELECT 'monthly', * FROM m EXCEPT SELECT 'monthly', * FROM d)`;
    const drift = () => api.db.query<Record<string, unknown>>(driftSql);
    const [counts] = await api.db.query<{ days: number; months: number }>(
      `SELECT (SELECT count(*)::int FROM "DailyUsage") AS days, (SELECT count(*)::int FROM "MonthlyUsage") AS months`,
    );
    expect(counts!.months).toBeGreaterThan(0);
    expect(counts!.days).toBeGreaterThan(counts!.months);
    expect(await drift()).toEqual([]);
    // The previous test changed the time zone twice (two rebuilds). Once more, with writes after it in the same
    // transaction (the rebuild turns the per-row month trigger off only while it runs), then rolled back.
    const rolledBack = new Error("roll back");
    let inside: unknown[] = ["not run"];
    let changedCalls = 0;
    await expect(
      api.db.prisma.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: api.demo.organization.id }, data: { timeZone: "Asia/Tokyo" } });
        changedCalls = (
          await tx.telnyxCall.updateMany({
            where: { organizationId: api.demo.organization.id, status: "ENDED" },
            data: { cost: "0.123400" },
          })
        ).count;
        inside = await tx.$queryRawUnsafe(driftSql);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(changedCalls).toBeGreaterThan(0);
    expect(inside).toEqual([]);
    expect(await drift()).toEqual([]);
  });

  it("refuses an empty or reversed range with a field error", async () => {
    const now = new Date();
    await expect(api.asDemoAdmin().stats.analytics({ from: now, to: now, granularity: "day" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("stats.leadCost", () => {
  it("sums this month's calls and SMS of the lead", async () => {
    const lead = api.demo.leads[0]!;
    const month = `${localDay(new Date(), "Europe/Paris").slice(0, 7)}-01`;
    const since = `((($2::date)::timestamp AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC')`;
    const [truth] = await api.db.query<{ calls: string; sms: string; n: number; m: number }>(
      `SELECT (SELECT COALESCE(sum(cost),0)::text FROM "TelnyxCall" WHERE "leadId" = $1 AND "createdAt" >= ${since}) AS calls,
              (SELECT count(*)::int FROM "TelnyxCall" WHERE "leadId" = $1 AND "createdAt" >= ${since}) AS n,
              (SELECT COALESCE(sum(cost),0)::text FROM "TelnyxMessage" WHERE "leadId" = $1 AND "createdAt" >= ${since}) AS sms,
              (SELECT count(*)::int FROM "TelnyxMessage" WHERE "leadId" = $1 AND "createdAt" >= ${since}) AS m`,
      [lead.id, month],
    );
    const cost = await api.asDemoAgent().stats.leadCost({ leadId: lead.id });
    expect(MONEY(cost.calls)).toBe(MONEY(truth!.calls));
    expect(MONEY(cost.sms)).toBe(MONEY(truth!.sms));
    expect([cost.callCount, cost.smsCount]).toEqual([truth!.n, truth!.m]);
    expect(cost.currency).toBe("USD");
  });
});

async function startOfLocalDay(at: Date): Promise<Date> {
  const day = localDay(at, "Europe/Paris");
  const [row] = await api.db.query<{ at: string }>(
    `SELECT to_char((($1::date)::timestamp AT TIME ZONE 'Europe/Paris') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at`,
    [day],
  );
  return new Date(row!.at);
}
