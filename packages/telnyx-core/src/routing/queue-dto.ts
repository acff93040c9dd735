/**
 * Queues as the API, the wallboard and `queue:updated` show them: settings, members, and live figures — callers
 * waiting now, the longest wait, and today's SLA (share of queued calls answered within the organization's SLA
 * threshold, 20 s by default, in its time zone).
 */
import type { Prisma } from "@app/db/client";
import { utcSql } from "../domain/sql-utc";
import { localDayOf } from "../stats/local-days";
import type { Tx } from "../webhooks/apply-types";
import type { TQueue, TRingStrategy } from "./routing-schemas";

type Reader = Pick<Tx, "$queryRaw">;

interface QueueRow {
  id: string;
  name: string;
  strategy: TRingStrategy;
  ringTimeoutSecs: number;
  maxWaitSecs: number;
  holdMessage: string | null;
  announcePosition: boolean;
  memberUserIds: string[];
  waiting: number;
  oldestSince: Date | null;
  finished: number;
  onTime: number;
}

/** The organization's queues (all, or `queueIds`), by name. */
export async function readQueues(
  client: Reader,
  organizationId: string,
  options: { queueIds?: string[]; now?: Date } = {},
): Promise<TQueue[]> {
  const now = options.now ?? new Date();
  const [org] = await client.$queryRaw<Array<{ timeZone: string; slaThresholdSecs: number }>>`
    SELECT "timeZone", "slaThresholdSecs" FROM "Organization" WHERE "id" = ${organizationId}`;
  if (!org) return [];
  const today = localDayOf(now, org.timeZone);
  const ids = options.queueIds ?? null;
  const dayStart: Prisma.Sql = dayStartSql(today, org.timeZone, 0);
  const dayEnd: Prisma.Sql = dayStartSql(today, org.timeZone, 1);
  const rows = await client.$queryRaw<QueueRow[]>`
    SELECT q."id", q."name", q."strategy"::text AS "strategy", q."ringTimeoutSecs", q."maxWaitSecs", q."holdMessage",
      q."announcePosition",
      ARRAY(SELECT m."userId" FROM "CallQueueMember" m WHERE m."queueId" = q."id" ORDER BY m."position", m."createdAt") AS "memberUserIds",
      (SELECT count(*)::int FROM "QueueEntry" e WHERE e."queueId" = q."id" AND e."status" = 'WAITING') AS "waiting",
      (SELECT min(COALESCE(e."enqueuedAt", e."createdAt")) FROM "QueueEntry" e
        WHERE e."queueId" = q."id" AND e."status" = 'WAITING') AS "oldestSince",
      (SELECT count(*)::int FROM "QueueEntry" e WHERE e."queueId" = q."id" AND e."status" <> 'WAITING'
        AND e."createdAt" >= ${dayStart} AND e."createdAt" < ${dayEnd}) AS "finished",
      (SELECT count(*)::int FROM "QueueEntry" e WHERE e."queueId" = q."id" AND e."status" = 'ANSWERED'
        AND e."createdAt" >= ${dayStart} AND e."createdAt" < ${dayEnd}
        AND e."answeredAt" - COALESCE(e."enqueuedAt", e."createdAt") <= make_interval(secs => ${org.slaThresholdSecs}::int)) AS "onTime"
    FROM "CallQueue" q
    WHERE q."organizationId" = ${organizationId} AND (${ids}::text[] IS NULL OR q."id" = ANY(${ids}::text[]))
    ORDER BY q."name" ASC`;
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    strategy: row.strategy,
    ringTimeoutSecs: row.ringTimeoutSecs,
    maxWaitSecs: row.maxWaitSecs,
    holdMessage: row.holdMessage,
    announcePosition: row.announcePosition,
    memberUserIds: row.memberUserIds,
    waiting: row.waiting,
    longestWaitSecs: row.oldestSince
      ? Math.max(0, Math.floor((now.getTime() - new Date(row.oldestSince).getTime()) / 1000))
      : null,
    slaPercent: row.finished > 0 ? Math.round((row.onTime * 100) / row.finished) : null,
  }));
}

/** Midnight of `day` (+ `plusDays`) in `timeZone`, as the UTC wall time the columns hold. */
function dayStartSql(day: string, timeZone: string, plusDays: number): Prisma.Sql {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = new Date(Date.UTC(y, m - 1, d + plusDays));
  // The zone's offset at that instant (close enough across a DST change for a daily figure).
  const local = new Date(utcMidnight.toLocaleString("en-US", { timeZone }));
  const utc = new Date(utcMidnight.toLocaleString("en-US", { timeZone: "UTC" }));
  return utcSql(new Date(utcMidnight.getTime() - (local.getTime() - utc.getTime())));
}
