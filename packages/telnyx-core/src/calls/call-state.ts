/**
 * The call state machine as a pure, order-tolerant merge. Every fact merges like a semilattice
 * (earliest answer, first hangup per leg, one cost per leg...), so folding a call's signals in any
 * order, with duplicates, yields the same facts; the status is derived from the facts, never stored
 * as a transition — a late `call.answered` after `call.hangup` cannot reopen a call.
 */
import type { CallHangupFact, CallSignal } from "./call-signal";
import { billedMinutesOf, perMinuteCost, sumDecimals } from "./call-money";

/** Every status a call can have, in the order a call lives through them (filters list them in this order). */
export const CALL_STATUSES = [
  "INITIATED",
  "RINGING",
  "ANSWERED",
  "BRIDGED",
  "ENDED",
  "FAILED",
  "BUSY",
  "NO_ANSWER",
  "CANCELED",
] as const;
export type CallStatusValue = (typeof CALL_STATUSES)[number];

/** The statuses of a call that can still change (ringing or talking); every other status is final. */
export const LIVE_CALL_STATUSES = ["INITIATED", "RINGING", "ANSWERED", "BRIDGED"] as const satisfies CallStatusValue[];
export type LiveCallStatus = (typeof LIVE_CALL_STATUSES)[number];

export function isLiveCallStatus(status: string): status is LiveCallStatus {
  return (LIVE_CALL_STATUSES as readonly string[]).includes(status);
}

type Stamped<T> = T & { at: string; eventId: string };
type Hangup = Stamped<CallHangupFact & { leg: "customer" | "agent" }>;

export interface CallFacts {
  startedAt: string | null;
  ringingAt: string | null;
  answeredAt: string | null;
  agentAnsweredAt: string | null;
  bridgedAt: string | null;
  customerJoinedAt: string | null;
  agentJoinedAt: string | null;
  conference: Stamped<{ conferenceId: string; isCreated: boolean }> | null;
  customerHangup: Hangup | null;
  agentHangup: Hangup | null;
  /** A transfer to a number or a queue: from then on the agent leg's hangup no longer ends the call. */
  transferredAt: string | null;
  /** The latest hand-off (to a number or a colleague): the panel of the agent who handed it off shows it. */
  transfer: Stamped<{ to: string; toUserId: string | null; fromUserId: string | null }> | null;
  /** One cost per leg (call_control_id). */
  costs: Record<string, Stamped<{ totalCost: string; currency: string; billedSecs: number; leg: string }>>;
  /** Inbound routing answered the customer leg (to hold it in a queue, or for voicemail): not an agent's answer. */
  heldAt: string | null;
  /** The caller reached voicemail (greeting, then the message). */
  voicemailAt: string | null;
  enqueuedAt: string | null;
  /** The caller left the queue (the first call.dequeued: timeout, hangup, leave…). */
  dequeue: Stamped<{ reason: string }> | null;
  recording: Stamped<{
    recordingId: string | null;
    mp3: string | null;
    wav: string | null;
    durationMs: number | null;
  }> | null;
  lastEventAt: string | null;
}

export const EMPTY_CALL_FACTS: CallFacts = {
  startedAt: null,
  ringingAt: null,
  answeredAt: null,
  agentAnsweredAt: null,
  bridgedAt: null,
  customerJoinedAt: null,
  agentJoinedAt: null,
  conference: null,
  customerHangup: null,
  agentHangup: null,
  transferredAt: null,
  transfer: null,
  costs: {},
  heldAt: null,
  voicemailAt: null,
  enqueuedAt: null,
  dequeue: null,
  recording: null,
  lastEventAt: null,
};

const minOf = (a: string | null, b: string): string => (a === null || b < a ? b : a);
const maxOf = (a: string | null, b: string): string => (a === null || b > a ? b : a);
const key = (s: { at: string; eventId: string }) => `${s.at}|${s.eventId}`;
/** The earlier of two stamped facts; ties broken by event id so every order picks the same one. */
function earliest<T extends { at: string; eventId: string }>(current: T | null, next: T): T {
  return current === null || key(next) < key(current) ? next : current;
}
function latest<T extends { at: string; eventId: string }>(current: T | null, next: T): T {
  return current === null || key(next) > key(current) ? next : current;
}

type ConferenceFact = NonNullable<CallFacts["conference"]>;
/**
 * The call's conference: the latest one created (a call transferred to a queue gets a new one when a member answers
 * it), else the earliest one seen joined.
 */
function callConferenceOf(current: ConferenceFact | null, next: ConferenceFact): ConferenceFact {
  if (current === null || next.isCreated !== current.isCreated) return next.isCreated || !current ? next : current;
  return next.isCreated ? latest(current, next) : earliest(current, next);
}

/** Adds one signal to the facts. Commutative, associative and idempotent. */
export function mergeCallSignal(facts: CallFacts, signal: CallSignal): CallFacts {
  const next: CallFacts = { ...facts, lastEventAt: maxOf(facts.lastEventAt, signal.at) };
  const stamp = { at: signal.at, eventId: signal.eventId };
  if (signal.routing === "voicemail") next.voicemailAt = minOf(facts.voicemailAt, signal.at);
  if (signal.type === "cost") {
    const cost = {
      ...stamp,
      totalCost: signal.totalCost,
      currency: signal.currency,
      billedSecs: signal.billedSecs,
      leg: signal.leg,
    };
    const existing = facts.costs[signal.callControlId];
    next.costs = { ...facts.costs, [signal.callControlId]: existing ? earliest(existing, cost) : cost };
    return next;
  }
  if (signal.type === "transferred") {
    const transfer = {
      ...stamp,
      to: signal.to,
      toUserId: signal.toUserId ?? null,
      fromUserId: signal.fromUserId ?? null,
    };
    next.transfer = latest(facts.transfer, transfer);
    if (!signal.toUserId) next.transferredAt = minOf(facts.transferredAt, signal.at);
    return next;
  }
  if (signal.type === "recording") return { ...next, recording: latest(facts.recording, { ...stamp, ...signal }) };
  if (signal.type === "conference" || signal.type === "joined") {
    const isCreated = signal.type === "conference" && !signal.ended;
    next.conference = callConferenceOf(facts.conference, { ...stamp, conferenceId: signal.conferenceId, isCreated });
  }
  if (signal.leg === "other") return next;
  const isCustomer = signal.leg === "customer";
  switch (signal.type) {
    case "initiated":
      next.startedAt = minOf(facts.startedAt, signal.at);
      if (isCustomer) next.ringingAt = minOf(facts.ringingAt, signal.at);
      return next;
    case "answered":
      if (isCustomer && signal.routing) next.heldAt = minOf(facts.heldAt, signal.at);
      else if (isCustomer) next.answeredAt = minOf(facts.answeredAt, signal.at);
      else next.agentAnsweredAt = minOf(facts.agentAnsweredAt, signal.at);
      return next;
    case "bridged":
      if (isCustomer) next.bridgedAt = minOf(facts.bridgedAt, signal.at);
      return next;
    case "joined":
      if (isCustomer) next.customerJoinedAt = minOf(facts.customerJoinedAt, signal.at);
      else next.agentJoinedAt = minOf(facts.agentJoinedAt, signal.at);
      return next;
    case "hangup": {
      const { type: _type, eventType: _eventType, leg, ...fact } = signal;
      const hangup: Hangup = { ...fact, leg };
      if (leg === "customer") next.customerHangup = earliest(facts.customerHangup, hangup);
      else next.agentHangup = earliest(facts.agentHangup, hangup);
      return next;
    }
    case "enqueued":
      if (isCustomer) next.enqueuedAt = minOf(facts.enqueuedAt, signal.at);
      return next;
    case "dequeued":
      if (isCustomer) next.dequeue = earliest(facts.dequeue, { ...stamp, reason: signal.reason });
      return next;
    case "left":
    case "conference":
    case "note":
      return next;
  }
}

export function foldCallSignals(signals: CallSignal[], from: CallFacts = EMPTY_CALL_FACTS): CallFacts {
  return signals.reduce(mergeCallSignal, from);
}

/** The hangup that ended the call: the customer leg's, else the agent's (unless the call was transferred away). */
export function terminalHangupOf(facts: CallFacts): Hangup | null {
  return facts.customerHangup ?? (facts.transferredAt ? null : facts.agentHangup);
}

function unansweredStatus(hangup: Hangup): CallStatusValue {
  switch (hangup.cause) {
    case "user_busy":
      return "BUSY";
    case "timeout":
    case "no_answer":
      return "NO_ANSWER";
    case "originator_cancel":
      return "CANCELED";
    case "normal_clearing":
      // Our agent put the phone down before the customer answered.
      return hangup.leg === "agent" ? "CANCELED" : "FAILED";
    default:
      return "FAILED";
  }
}

export function bridgedAtOf(facts: CallFacts): string | null {
  if (facts.bridgedAt) return facts.bridgedAt;
  if (facts.customerJoinedAt && facts.agentJoinedAt) return maxOf(facts.customerJoinedAt, facts.agentJoinedAt);
  return null;
}

/**
 * When an agent answered: the customer leg's answer (the agent's accept), or — when routing held the caller — the
 * answer of the agent who took the call from the queue. Voicemail is not an answer: the dashboard counts it missed.
 */
export function answeredAtOf(facts: CallFacts): string | null {
  if (facts.answeredAt) return facts.answeredAt;
  return facts.heldAt ? facts.agentAnsweredAt : null;
}

export type InboundOutcomeValue = "ANSWERED" | "VOICEMAIL" | "MISSED" | "ABANDONED";

/** How a routed inbound call ended (null: not routed, or still undecided). */
export function inboundOutcomeOf(facts: CallFacts): InboundOutcomeValue | null {
  if (!facts.heldAt && !facts.voicemailAt) return null;
  // Before an answer: a caller an agent transferred to a queue where nobody answered left a message.
  if (facts.voicemailAt) return "VOICEMAIL";
  if (facts.agentAnsweredAt || bridgedAtOf(facts)) return "ANSWERED";
  return terminalHangupOf(facts) ? "MISSED" : null;
}

export function callStatusOf(facts: CallFacts): CallStatusValue {
  const hangup = terminalHangupOf(facts);
  const answeredAt = answeredAtOf(facts);
  // A caller routing held or took to voicemail, whom no agent answered: unanswered (the outcome says which).
  if (hangup) return answeredAt ? "ENDED" : facts.heldAt || facts.voicemailAt ? "NO_ANSWER" : unansweredStatus(hangup);
  if (bridgedAtOf(facts)) return "BRIDGED";
  // Leaving a message: connected, though to nobody (no agent can answer it any more).
  if (answeredAt || facts.voicemailAt) return "ANSWERED";
  if (facts.ringingAt) return "RINGING";
  return "INITIATED";
}

/** True while nobody has answered yet (an inbound call waiting for an agent, an outbound one ringing). */
export function isRingingCallStatus(status: string): boolean {
  return status === "INITIATED" || status === "RINGING";
}

/**
 * A call an agent can still be offered: ringing, or handed to a queue by an agent (live, transferred, nobody's yet —
 * a transfer to a number or a colleague keeps an owner).
 */
export function isOfferedCall(call: { status: string; userId: string | null; transferredAt: unknown }): boolean {
  if (isRingingCallStatus(call.status)) return true;
  return call.userId === null && call.transferredAt !== null && isLiveCallStatus(call.status);
}

export function isTerminalStatus(status: string): boolean {
  return !isLiveCallStatus(status);
}

export interface DerivedCallState {
  status: CallStatusValue;
  startedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSecs: number | null;
  hangupCause: string | null;
  hangupSource: string | null;
  sipHangupCause: string | null;
  mos: string | null;
  billedSecs: number | null;
  cost: string | null;
  costCurrency: string | null;
  costSource: "telnyx" | "rate_table" | null;
  conferenceId: string | null;
  recordingId: string | null;
  recordingUrl: string | null;
  recordingDurationMs: number | null;
  transferredAt: Date | null;
  transferredTo: string | null;
  transferredFromUserId: string | null;
  inboundOutcome: InboundOutcomeValue | null;
  lastEventAt: Date | null;
}

/** The row's transfer columns: the latest hand-off. */
export function transferFieldsOf(
  facts: CallFacts,
): Pick<DerivedCallState, "transferredAt" | "transferredTo" | "transferredFromUserId"> {
  return {
    transferredAt: facts.transfer ? new Date(facts.transfer.at) : null,
    transferredTo: facts.transfer?.to ?? null,
    transferredFromUserId: facts.transfer?.fromUserId ?? null,
  };
}

const toDate = (value: string | null) => (value === null ? null : new Date(value));

/** Row fields from the facts. `voiceRate` (per minute) prices the call when Telnyx sends no call.cost. */
export function deriveCallState(
  facts: CallFacts,
  voiceRate?: { amount: string; currency: string } | null,
): DerivedCallState {
  const status = callStatusOf(facts);
  const hangup = terminalHangupOf(facts);
  const answeredAt = answeredAtOf(facts);
  const end = facts.customerHangup?.endAt ?? hangup?.endAt ?? null;
  const durationSecs = hangup
    ? answeredAt && end
      ? Math.max(0, Math.round((Date.parse(end) - Date.parse(answeredAt)) / 1000))
      : 0
    : null;
  const mosValue = facts.customerHangup?.mos ?? facts.agentHangup?.mos ?? null;
  const costs = Object.values(facts.costs);
  const customerCost = costs.find((cost) => cost.leg === "customer");
  let billing: Pick<DerivedCallState, "billedSecs" | "cost" | "costCurrency" | "costSource"> = {
    billedSecs: null,
    cost: null,
    costCurrency: null,
    costSource: null,
  };
  if (costs.length > 0) {
    billing = {
      billedSecs: customerCost?.billedSecs ?? Math.max(...costs.map((cost) => cost.billedSecs)),
      cost: sumDecimals(costs.map((cost) => cost.totalCost)),
      costCurrency: costs[0]!.currency,
      costSource: "telnyx",
    };
  } else if (durationSecs !== null && voiceRate) {
    const minutes = billedMinutesOf(durationSecs);
    billing = {
      billedSecs: minutes * 60,
      cost: perMinuteCost(voiceRate.amount, minutes),
      costCurrency: voiceRate.currency,
      costSource: "rate_table",
    };
  }
  return {
    status,
    startedAt: toDate(facts.startedAt),
    answeredAt: toDate(answeredAt),
    endedAt: toDate(hangup ? end : null),
    durationSecs,
    hangupCause: hangup?.cause ?? null,
    hangupSource: hangup?.source ?? null,
    sipHangupCause: hangup?.sipCause ?? null,
    mos: mosValue !== null && mosValue > 0 ? mosValue.toFixed(2) : null,
    ...billing,
    conferenceId: facts.conference?.conferenceId ?? null,
    recordingId: facts.recording?.recordingId ?? null,
    recordingUrl: facts.recording ? (facts.recording.mp3 ?? facts.recording.wav) : null,
    recordingDurationMs: facts.recording?.durationMs ?? null,
    ...transferFieldsOf(facts),
    inboundOutcome: inboundOutcomeOf(facts),
    lastEventAt: toDate(facts.lastEventAt),
  };
}
