/** Live events → the cached wallboard snapshot (pure): calls in progress, agents, today's counters. */
import { isLiveCallStatus, isRingingCallStatus } from "@app/telnyx-core/calls/call-state";
import type { TCallDto } from "@app/telnyx-core/realtime/events";
import { mergeAgent, type AgentUpdate } from "../../live/stats-cache";
import { applyDeltaToWallboardToday, type StatsDelta, type WallboardToday } from "../../live/stats-delta";

export interface SnapshotShape {
  /** When the board was last known current: the snapshot's read, then each live event applied to it. */
  asOf: Date;
  activeCalls: TCallDto[];
  agents: AgentUpdate[];
  today: WallboardToday;
}

function startOf(call: TCallDto): number {
  return new Date(call.startedAt ?? call.createdAt).getTime();
}

/** A live event applied at `now`: the board is current as of then, whether or not the event changed a figure. */
export function applyLiveUpdate<S extends SnapshotShape>(snapshot: S, update: (snapshot: S) => S, now: Date): S {
  return { ...update(snapshot), asOf: now };
}

/** Oldest call first: the one waiting or talking the longest is at the top of the TV. */
export function mergeCallIntoSnapshot<S extends SnapshotShape>(snapshot: S, call: TCallDto): S {
  const existing = snapshot.activeCalls.find((item) => item.id === call.id);
  if (existing && new Date(existing.updatedAt).getTime() > new Date(call.updatedAt).getTime()) return snapshot;
  const others = snapshot.activeCalls.filter((item) => item.id !== call.id);
  if (!isLiveCallStatus(call.status)) return existing ? { ...snapshot, activeCalls: others } : snapshot;
  const activeCalls = [...others, call].sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
  return { ...snapshot, activeCalls };
}

export function mergeAgentIntoSnapshot<S extends SnapshotShape>(snapshot: S, agent: AgentUpdate): S {
  const agents = mergeAgent(snapshot.agents, agent);
  return agents === snapshot.agents ? snapshot : { ...snapshot, agents };
}

export function applyDeltaToSnapshot<S extends SnapshotShape>(snapshot: S, delta: StatsDelta): S {
  return { ...snapshot, today: applyDeltaToWallboardToday(snapshot.today, delta) };
}

/** Seconds the longest-ringing inbound caller has been waiting, or null when nobody waits. */
export function getLongestWaitSecs(calls: readonly TCallDto[], now: Date): number | null {
  let longest: number | null = null;
  for (const call of calls) {
    if (call.direction !== "INBOUND" || !isRingingCallStatus(call.status)) continue;
    const waited = Math.max(0, Math.floor((now.getTime() - startOf(call)) / 1000));
    longest = longest === null ? waited : Math.max(longest, waited);
  }
  return longest;
}

export type SlaLevel = "good" | "warning" | "breached" | "none";

/** Colour band of the answer SLA rate: ≥ 90 % good, ≥ 75 % warning, below breached. */
export function getSlaLevel(rate: number | null): SlaLevel {
  if (rate === null) return "none";
  if (rate >= 0.9) return "good";
  if (rate >= 0.75) return "warning";
  return "breached";
}

/** A ringing call counts from when it started; a talking one from when it was answered. */
export function getCallTimerStart(call: TCallDto): Date | null {
  if (call.status === "ANSWERED" || call.status === "BRIDGED")
    return call.answeredAt ?? call.startedAt ?? call.createdAt;
  return call.startedAt ?? call.createdAt;
}
