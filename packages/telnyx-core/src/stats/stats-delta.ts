/**
 * The live increments of the dashboard's "today" counters (stats:delta): the difference between a
 * call's (or message's) contribution before and after an applied event, when it was created today
 * in the organization's time zone. A row no event had touched yet (lastEventAt null) counts as new,
 * so a click-to-call is counted live when its first webhook is applied.
 */
import type { Prisma } from "@app/db/client";
import { fromMicros, toMicros } from "../calls/call-money";
import { isTerminalStatus } from "../calls/call-state";
import type { TStatsDelta } from "../realtime/events";
import type { Emit } from "../webhooks/apply-types";
import { localDayOf } from "./local-days";

export const callStatsSelect = {
  organizationId: true,
  userId: true,
  status: true,
  answeredAt: true,
  durationSecs: true,
  cost: true,
  createdAt: true,
  lastEventAt: true,
  organization: { select: { timeZone: true } },
} as const satisfies Prisma.TelnyxCallSelect;
export type CallStatsRow = Prisma.TelnyxCallGetPayload<{ select: typeof callStatsSelect }>;

export const messageStatsSelect = {
  organizationId: true,
  userId: true,
  direction: true,
  cost: true,
  createdAt: true,
  lastEventAt: true,
  organization: { select: { timeZone: true } },
} as const satisfies Prisma.TelnyxMessageSelect;
export type MessageStatsRow = Prisma.TelnyxMessageGetPayload<{ select: typeof messageStatsSelect }>;

type Counters = Omit<TStatsDelta, "organizationId" | "userId" | "cost"> & { costMicros: bigint };

function callCounters(row: CallStatsRow | null): Counters {
  if (!row || row.lastEventAt === null) return { costMicros: 0n };
  const isFinished = isTerminalStatus(row.status);
  return {
    callsToday: 1,
    finishedToday: isFinished ? 1 : 0,
    answeredToday: isFinished && row.answeredAt ? 1 : 0,
    secondsToday: row.durationSecs ?? 0,
    costMicros: row.cost ? toMicros(row.cost.toString()) : 0n,
  };
}

function messageCounters(row: MessageStatsRow | null): Counters {
  if (!row || row.lastEventAt === null) return { costMicros: 0n };
  return {
    smsSentToday: row.direction === "OUTBOUND" ? 1 : 0,
    costMicros: row.cost ? toMicros(row.cost.toString()) : 0n,
  };
}

const KEYS = ["callsToday", "smsSentToday", "answeredToday", "finishedToday", "secondsToday"] as const;

function deltaEmit(
  after: { organizationId: string; userId: string | null; createdAt: Date; organization: { timeZone: string } },
  before: Counters,
  now: Counters,
  at: Date,
): Emit[] {
  const tz = after.organization.timeZone;
  if (localDayOf(after.createdAt, tz) !== localDayOf(at, tz)) return [];
  const payload: TStatsDelta = { organizationId: after.organizationId, userId: after.userId };
  let isChanged = false;
  for (const key of KEYS) {
    const diff = (now[key] ?? 0) - (before[key] ?? 0);
    if (diff !== 0) {
      payload[key] = diff;
      isChanged = true;
    }
  }
  if (now.costMicros !== before.costMicros) {
    payload.cost = fromMicros(now.costMicros - before.costMicros);
    isChanged = true;
  }
  return isChanged ? [{ scope: "org", id: after.organizationId, event: "stats:delta", payload }] : [];
}

/** The stats:delta emit for a call row (before = null when the event created it). */
export function callStatsEmits(before: CallStatsRow | null, after: CallStatsRow, at: Date = new Date()): Emit[] {
  return deltaEmit(after, callCounters(before), callCounters(after), at);
}

export function messageStatsEmits(
  before: MessageStatsRow | null,
  after: MessageStatsRow,
  at: Date = new Date(),
): Emit[] {
  return deltaEmit(after, messageCounters(before), messageCounters(after), at);
}
