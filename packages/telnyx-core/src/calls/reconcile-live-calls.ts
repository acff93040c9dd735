/**
 * Ends the calls we hold as live that Telnyx no longer has. Their hangup webhooks were lost while we
 * were not listening: the app was down longer than Telnyx retries, a webhook URL was wrong, or the
 * embedded sandbox restarted without them. The leg whose end ends the call is asked at Telnyx
 * (GET /calls/{call_control_id}); when it is not alive the call ends through the call applier
 * itself, fed a hangup with RECONCILED_HANGUP_CAUSE, so the row, the agent's state, the dashboard
 * counters and the live events change exactly as a real `call.hangup` would change them. A call
 * older than Telnyx's maximum call length is ended even when Telnyx cannot be asked.
 */
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import { isAppError } from "../errors/app-error";
import type { CallLiveStatus } from "../gateway/call-commands";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import { publishEmits } from "../realtime/publish-emits";
import type { ApplyServices } from "../webhooks/apply-types";
import { parseWebhookEvent, type KnownTelnyxEvent } from "../webhooks/parse-event";
import { applyCallEvent } from "./apply-call-event";
import { LIVE_CALL_STATUSES } from "./call-state";
import type { RecordingFetchPolicy } from "./recording-fetch";

/** The hangup cause of a call ended by reconciliation (the web app names it in English and French). */
export const RECONCILED_HANGUP_CAUSE = "ended_while_not_listening";
/** Telnyx: time_limit_secs defaults to, and is capped at, 14 400 s from answer (docs/telnyx-facts.md). */
export const MAX_CALL_LENGTH_SECS = 14_400;
/** Telnyx: a dial rings for at most timeout_secs, 600 s. */
const MAX_RING_SECS = 600;
/** A hangup fetches no recording (a call.recording.saved would): nothing is allowed. */
const NOTHING_FETCHED: RecordingFetchPolicy = {
  allowedHosts: [],
  trustedPrefixes: [],
  requireHttps: true,
  maxBytes: 0,
  timeoutMs: 1,
};
/** Live calls looked at per organization and pass; a next pass takes the rest. */
const BATCH = 200;

export type ReconcileReason = "telnyx_ended" | "telnyx_unknown" | "max_length";

export interface ReconciledCall {
  id: string;
  fromNumber: string;
  toNumber: string;
  reason: ReconcileReason;
  endedAt: Date;
}

export interface ReconcileLiveCallsOptions {
  db: Db;
  organizationId: string;
  /** null when Telnyx cannot be asked (no usable key): only the maximum call length applies. */
  gateway: TelnyxGateway | null;
  publisher: Publisher;
  trigger: "startup" | "sync";
  now?: Date;
}

export interface ReconcileResult {
  checked: number;
  ended: ReconciledCall[];
  /** Calls left live because Telnyx could not be asked about one of their legs. */
  unreachable: number;
}

const liveCallSelect = {
  id: true,
  fromNumber: true,
  toNumber: true,
  callControlId: true,
  agentCallControlId: true,
  answeredAt: true,
  startedAt: true,
  lastEventAt: true,
  createdAt: true,
} as const satisfies Prisma.TelnyxCallSelect;
type LiveCall = Prisma.TelnyxCallGetPayload<{ select: typeof liveCallSelect }>;

type Verdict = { end: false; unreachable: boolean } | { end: true; reason: ReconcileReason; endAt: Date };

const lastKnownOf = (call: LiveCall) => call.lastEventAt ?? call.answeredAt ?? call.startedAt ?? call.createdAt;

function isPastMaxLength(call: LiveCall, now: Date): boolean {
  const limitMs = call.answeredAt
    ? call.answeredAt.getTime() + MAX_CALL_LENGTH_SECS * 1000
    : (call.startedAt ?? call.createdAt).getTime() + (MAX_RING_SECS + MAX_CALL_LENGTH_SECS) * 1000;
  return now.getTime() > limitMs;
}

/** The leg whose end ends the call (call-state.ts): the customer's, else — before it is dialed — the agent's. */
function decidingLegOf(call: LiveCall): { ccid: string; name: "customer" | "agent" } | null {
  if (call.callControlId) return { ccid: call.callControlId, name: "customer" };
  if (call.agentCallControlId) return { ccid: call.agentCallControlId, name: "agent" };
  return null;
}

async function verdictOf(call: LiveCall, gateway: TelnyxGateway | null, now: Date): Promise<Verdict> {
  if (isPastMaxLength(call, now)) return { end: true, reason: "max_length", endAt: lastKnownOf(call) };
  const leg = decidingLegOf(call);
  // No leg id yet (a dial whose answer we never got): nothing to ask Telnyx about.
  if (!gateway || !leg) return { end: false, unreachable: !gateway };
  let status: CallLiveStatus | null;
  try {
    status = await gateway.retrieveCallStatus(leg.ccid);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { end: false, unreachable: true };
  }
  if (status?.isAlive) return { end: false, unreachable: false };
  // Telnyx's end time while it still remembers the call (~10 min); else the last event we saw of it.
  const endAt = status?.endTime ?? lastKnownOf(call);
  return { end: true, reason: status === null ? "telnyx_unknown" : "telnyx_ended", endAt };
}

/** The call.hangup Telnyx would have sent for the deciding leg, in its wire format. */
function hangupEventFor(call: LiveCall, endAt: Date): KnownTelnyxEvent | null {
  const leg = decidingLegOf(call);
  if (!leg) return null;
  const at = endAt.toISOString();
  const payload = {
    call_control_id: leg.ccid,
    hangup_cause: RECONCILED_HANGUP_CAUSE,
    hangup_source: "unknown",
    end_time: at,
  };
  // A fixed id per call: a second pass (another instance, the next sync) is a duplicate, not a second hangup.
  const parsed = parseWebhookEvent({
    data: { id: `reconcile:${call.id}:${leg.name}`, event_type: "call.hangup", occurred_at: at, payload },
  });
  return parsed.ok && parsed.event.kind !== "unknown" ? parsed.event : null;
}

async function endCall(
  options: ReconcileLiveCallsOptions,
  call: LiveCall,
  verdict: Extract<Verdict, { end: true }>,
): Promise<boolean> {
  const { db, organizationId, gateway } = options;
  const event = hangupEventFor(call, verdict.endAt);
  if (!event) return false;
  // A hangup's follow-ups only send Telnyx commands (hang up the agent's leg if it is still up).
  const services: ApplyServices = {
    gatewayFor: async () => gateway ?? Promise.reject(new Error("Telnyx cannot be asked")),
    recordingsDir: "",
    recordingPolicy: NOTHING_FETCHED,
    db,
    publisher: options.publisher,
  };
  // Scoped to this organization, as its own webhook endpoint would be.
  const outcome = await db.prisma.$transaction((tx) =>
    applyCallEvent(tx, event, services, { organizationIds: [organizationId] }),
  );
  if (outcome.organizationId !== organizationId || outcome.emits.length === 0) return false;
  publishEmits(options.publisher, outcome.emits);
  for (const task of outcome.afterCommit ?? []) await task().catch(() => undefined);
  await recordAudit(db, {
    organizationId,
    action: "call.reconciled",
    targetType: "call",
    targetId: call.id,
    details: { reason: verdict.reason, trigger: options.trigger, endedAt: verdict.endAt.toISOString() },
  });
  return true;
}

export async function reconcileLiveCalls(options: ReconcileLiveCallsOptions): Promise<ReconcileResult> {
  const now = options.now ?? new Date();
  const calls = await options.db.prisma.telnyxCall.findMany({
    where: { organizationId: options.organizationId, status: { in: [...LIVE_CALL_STATUSES] } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: liveCallSelect,
  });
  const result: ReconcileResult = { checked: calls.length, ended: [], unreachable: 0 };
  for (const call of calls) {
    const verdict = await verdictOf(call, options.gateway, now);
    if (!verdict.end) {
      if (verdict.unreachable) result.unreachable += 1;
      continue;
    }
    if (await endCall(options, call, verdict)) {
      result.ended.push({
        id: call.id,
        fromNumber: call.fromNumber,
        toNumber: call.toNumber,
        reason: verdict.reason,
        endedAt: verdict.endAt,
      });
    }
  }
  return result;
}
