/**
 * The ring ticker's step (the API runs it about every second): callers whose current ring ran out — an agent who
 * let it ring ringTimeoutSecs, or nobody available when last looked — ring the next member. Due entries are
 * claimed with FOR UPDATE SKIP LOCKED, so several API instances share the work and none rings twice.
 */
import { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import { isTerminalStatus } from "../calls/call-state";
import type { Publisher } from "../realtime/events";
import { publishEmits } from "../realtime/publish-emits";
import type { Emit } from "../webhooks/apply-types";
import { closeEntry, lockQueueEntry, offerNext } from "./queue-ring";

const BATCH = 50;

/** Advances every due ring; returns how many callers moved on. */
export async function advanceDueRings(options: { db: Db; publisher: Publisher; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const nowSql = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  // Most ticks find nothing: a plain read first, no transaction (PGlite has one connection to share).
  const [anyDue] = await db.prisma.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "QueueEntry" WHERE "status" = 'WAITING' AND "ringDueAt" <= ${nowSql} LIMIT 1`;
  if (!anyDue) return 0;
  const { emits, count } = await db.prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string; callStatus: string }>>`
      SELECT e."id", c."status"::text AS "callStatus" FROM "QueueEntry" e JOIN "TelnyxCall" c ON c."id" = e."callId"
      WHERE e."status" = 'WAITING' AND e."enqueuedAt" IS NOT NULL AND e."ringDueAt" <= ${nowSql}
      ORDER BY e."ringDueAt" ASC LIMIT ${BATCH}
      FOR UPDATE OF e SKIP LOCKED`;
    const all: Emit[] = [];
    for (const { id, callStatus } of due) {
      const entry = await lockQueueEntry(tx, { entryId: id });
      if (!entry) continue;
      // The call ended without its hangup reaching routing (e.g. reconciled after a restart): nobody rings for it.
      if (isTerminalStatus(callStatus)) all.push(...(await closeEntry(tx, entry, "MISSED", now)));
      else all.push(...(await offerNext(tx, entry, now)));
    }
    return { emits: all, count: due.length };
  });
  publishEmits(options.publisher, emits);
  return count;
}
