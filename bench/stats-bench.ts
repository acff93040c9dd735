/**
 * Dashboard, analytics and wallboard queries over generated data (packages/db/scripts/generate-load.ts)
 * on PostgreSQL: p50/p95 of every query the dashboard, analytics page, CSV reports and wallboard run,
 * through the same telnyx-core functions the procedures call. Target: p95 ≤ 50 ms at 1M calls + 1M SMS.
 *
 * `runStatsBench({ databaseUrl })` returns the rows for the report; the data is generated first
 * unless `organizationId` names an already generated organization.
 */
import { openDb } from "../packages/db/src/open-db";
import { generateLoad } from "../packages/db/scripts/generate-load";
import type { Actor } from "../packages/telnyx-core/src/domain/actor";
import { listAgents } from "../packages/telnyx-core/src/agents/list-agents";
import { getStatsAnalytics } from "../packages/telnyx-core/src/stats/get-analytics";
import { getLeadCost } from "../packages/telnyx-core/src/stats/get-lead-cost";
import { getStatsOverview } from "../packages/telnyx-core/src/stats/get-overview";
import { getWallboardSnapshot } from "../packages/telnyx-core/src/wallboard/get-wallboard";

export interface StatsBenchRow {
  query: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** p95 within the 50 ms target. */
  isWithinTarget: boolean;
}

export interface StatsBenchOptions {
  databaseUrl: string;
  /** Generate this many calls and messages first (default 1,000,000 each) unless organizationId is given. */
  rows?: number;
  organizationId?: string;
  runs?: number;
  log?: (line: string) => void;
}

const DAY = 86_400_000;
const TARGET_MS = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(query: string, runs: number, fn: () => Promise<unknown>): Promise<StatsBenchRow> {
  for (let i = 0; i < 3; i += 1) await fn(); // warm-up (plans, caches)
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const p95Ms = round(percentile(times, 95));
  return {
    query,
    runs,
    p50Ms: round(percentile(times, 50)),
    p95Ms,
    maxMs: round(times.at(-1)!),
    isWithinTarget: p95Ms <= TARGET_MS,
  };
}

export async function runStatsBench(options: StatsBenchOptions): Promise<StatsBenchRow[]> {
  const log = options.log ?? (() => undefined);
  const organizationId =
    options.organizationId ??
    (await generateLoad({ databaseUrl: options.databaseUrl, calls: options.rows, messages: options.rows, log }))
      .organizationId;
  const db = await openDb({ databaseUrl: options.databaseUrl, poolMax: 4 });
  try {
    const runs = options.runs ?? 50;
    const supervisor: Actor = { userId: `${organizationId}_u0`, organizationId, role: "ADMIN" };
    const agent: Actor = { userId: `${organizationId}_u3`, organizationId, role: "AGENT" };
    const now = new Date();
    const range = (days: number) => ({ from: new Date(now.getTime() - days * DAY), to: now });
    const lead = await db.prisma.lead.findFirst({ where: { organizationId }, select: { id: true } });
    const rows: StatsBenchRow[] = [];
    const cases: Array<[string, () => Promise<unknown>]> = [
      ["stats.overview (organization)", () => getStatsOverview({ db, actor: supervisor })],
      ["stats.overview (agent)", () => getStatsOverview({ db, actor: agent })],
      [
        "stats.analytics day × 30 days",
        () => getStatsAnalytics({ db, actor: supervisor, input: { ...range(30), granularity: "day" } }),
      ],
      [
        "stats.analytics day × 365 days",
        () => getStatsAnalytics({ db, actor: supervisor, input: { ...range(365), granularity: "day" } }),
      ],
      [
        "stats.analytics month × 18 months",
        () => getStatsAnalytics({ db, actor: supervisor, input: { ...range(548), granularity: "month" } }),
      ],
      [
        "stats.analytics month × 18 months (one agent)",
        () => getStatsAnalytics({ db, actor: agent, input: { ...range(548), granularity: "month" } }),
      ],
      ["stats.leadCost", () => getLeadCost({ db, actor: supervisor, leadId: lead!.id })],
      ["wallboard.snapshot", () => getWallboardSnapshot({ db, organizationId })],
      ["agents.list", () => listAgents({ db, organizationId })],
    ];
    for (const [name, fn] of cases) {
      const row = await measure(name, runs, fn);
      log(`${name}: p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms`);
      rows.push(row);
    }
    return rows;
  } finally {
    await db.close();
  }
}
