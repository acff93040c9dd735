/**
 * The ringing state of a waiting caller, in the database (QueueEntry): who rings and until when. Every change — the
 * call entering the queue, a decline, a ring running out (the ring ticker, advance-rings.ts) — locks the entry and
 * its queue, asks ring-offer.ts who rings next, writes it back and returns the live events (call:incoming to who
 * starts ringing, call:incoming-cancelled to who stops). Runs inside the caller's transaction.
 */
import { Prisma } from "@app/db/client";
import { callDtoSelect, toCallDto } from "../calls/call-dto";
import type { Emit, Tx } from "../webhooks/apply-types";
import { nextOffer, type OfferMember } from "./ring-offer";
import type { TRingStrategy } from "./routing-schemas";

/** With nobody to ring, availability is looked at again this often. */
const RECHECK_MS = 2_000;

export interface LockedEntry {
  id: string;
  organizationId: string;
  queueId: string;
  callId: string;
  status: string;
  ringingUserIds: string[];
  triedUserIds: string[];
  declinedUserIds: string[];
  strategy: TRingStrategy;
  ringTimeoutSecs: number;
  maxWaitSecs: number;
  announcePosition: boolean;
  enqueuedAt: Date | null;
  lastOfferedUserId: string | null;
}

/** The entry of a call (locked with its queue), or null. */
export async function lockQueueEntry(
  tx: Tx,
  where: { callId: string } | { entryId: string },
): Promise<LockedEntry | null> {
  const condition =
    "callId" in where ? Prisma.sql`e."callId" = ${where.callId}` : Prisma.sql`e."id" = ${where.entryId}`;
  const [row] = await tx.$queryRaw<LockedEntry[]>`
    SELECT e."id", e."organizationId", e."queueId", e."callId", e."status"::text AS "status",
      COALESCE(e."ringingUserIds", '{}') AS "ringingUserIds", COALESCE(e."triedUserIds", '{}') AS "triedUserIds",
      COALESCE(e."declinedUserIds", '{}') AS "declinedUserIds", q."strategy"::text AS "strategy", q."ringTimeoutSecs", q."maxWaitSecs", q."announcePosition", e."enqueuedAt", q."lastOfferedUserId"
    FROM "QueueEntry" e JOIN "CallQueue" q ON q."id" = e."queueId"
    WHERE ${condition}
    FOR UPDATE OF e, q`;
  return row ?? null;
}

async function membersOf(tx: Tx, entry: LockedEntry): Promise<OfferMember[]> {
  return tx.$queryRaw<OfferMember[]>`
    SELECT m."userId", (u."agentStatus" = 'AVAILABLE') AS "isAvailable",
      (SELECT max(c."endedAt") FROM "TelnyxCall" c WHERE c."organizationId" = ${entry.organizationId} AND c."userId" = m."userId") AS "idleSince"
    FROM "CallQueueMember" m JOIN "User" u ON u."id" = m."userId"
    JOIN "Membership" ms ON ms."userId" = m."userId" AND ms."organizationId" = ${entry.organizationId}
    WHERE m."queueId" = ${entry.queueId}
    ORDER BY m."position" ASC, m."createdAt" ASC`;
}

export function cancelRinging(entry: { callId: string }, userIds: string[]): Emit[] {
  return userIds.map((userId) => ({
    scope: "user" as const,
    id: userId,
    event: "call:incoming-cancelled" as const,
    payload: { callId: entry.callId, userId },
  }));
}

/**
 * Rings the next member(s) of a WAITING entry: `declinedBy` is added to who declined; `keepRinging` leaves who rings
 * now ringing when they are offered again (ALL re-offers to everyone; a lone member rings again).
 */
export async function offerNext(
  tx: Tx,
  entry: LockedEntry,
  now: Date,
  options: { declinedBy?: string } = {},
): Promise<Emit[]> {
  if (entry.status !== "WAITING") return [];
  const declined = options.declinedBy
    ? [...new Set([...entry.declinedUserIds, options.declinedBy])]
    : entry.declinedUserIds;
  const offer = nextOffer({
    strategy: entry.strategy,
    members: await membersOf(tx, entry),
    lastOfferedUserId: entry.lastOfferedUserId,
    tried: entry.triedUserIds,
    declined,
  });
  const dueAt = new Date(now.getTime() + (offer.ringUserIds.length > 0 ? entry.ringTimeoutSecs * 1000 : RECHECK_MS));
  await tx.queueEntry.update({
    where: { id: entry.id },
    data: { ringingUserIds: offer.ringUserIds, triedUserIds: offer.tried, declinedUserIds: declined, ringDueAt: dueAt },
  });
  if (offer.lastOfferedUserId !== entry.lastOfferedUserId)
    await tx.callQueue.update({ where: { id: entry.queueId }, data: { lastOfferedUserId: offer.lastOfferedUserId } });
  const stopped = entry.ringingUserIds.filter((userId) => !offer.ringUserIds.includes(userId));
  const started = offer.ringUserIds.filter((userId) => !entry.ringingUserIds.includes(userId));
  const emits: Emit[] = cancelRinging(entry, stopped);
  if (started.length > 0) {
    const row = await tx.telnyxCall.findUniqueOrThrow({ where: { id: entry.callId }, select: callDtoSelect });
    const call = toCallDto(row);
    for (const userId of started) emits.push({ scope: "user", id: userId, event: "call:incoming", payload: { call } });
  }
  return emits;
}

/** Ends a WAITING entry (answered, voicemail, missed): nobody rings any more. */
export async function closeEntry(
  tx: Tx,
  entry: LockedEntry,
  status: "ANSWERED" | "VOICEMAIL" | "MISSED",
  at: Date,
  answeredByUserId?: string,
): Promise<Emit[]> {
  if (entry.status !== "WAITING") return [];
  await tx.queueEntry.update({
    where: { id: entry.id },
    data: {
      status,
      ringingUserIds: [],
      ringDueAt: null,
      endedAt: at,
      ...(status === "ANSWERED" ? { answeredAt: at, answeredByUserId: answeredByUserId ?? null } : {}),
    },
  });
  return cancelRinging(
    entry,
    entry.ringingUserIds.filter((userId) => userId !== answeredByUserId),
  );
}
