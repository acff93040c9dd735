/**
 * The ring ticker's step (the API runs it about every second): callers whose current ring ran out — an agent who
 * let it ring ringTimeoutSecs, or nobody available when last looked — ring the next member. Due entries are
 * claimed with FOR UPDATE SKIP LOCKED, so several API instances share the work and none rings twice.
 */
import type { Db } from "@app/db/open-db";
import type { Publisher } from "../realtime/events";
import { publishEmits } from "../realtime/publish-emits";
import type { Emit } from "../webhooks/apply-types";
import { lockQueueEntry, offerNext } from "./queue-ring";

const BATCH = 50;

/** Advances every due ring; returns how many callers moved on. */
export async function advanceDueRings(options: { db: Db; publisher: Publisher; now?: Date }): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const { emits, count } = await db.prisma.$transaction(async (tx) => {
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT "id" FROM "QueueEntry"
      WHERE "status" = 'WAITING' AND "enqueuedAt" IS NOT NULL AND "ringDueAt" <= (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')
      ORDER BY "ringDueAt" ASC LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`;
    const all: Emit[] = [];
    for (const { id } of due) {
      const entry = await lockQueueEntry(tx, { entryId: id });
      if (entry) all.push(...(await offerNext(tx, entry, now)));
    }
    return { emits: all, count: due.length };
  });
  publishEmits(options.publisher, emits);
  return count;
}
