/**
 * Which call (and which side of it) a webhook belongs to: by call_control_id first, then by the
 * client_state we set when dialing (webhooks can beat the dial response), and finally — for an
 * incoming call.initiated on one of our numbers — a new INBOUND call. Only calls of the event's
 * scope (the organization of the endpoint it came to) can match, and a client_state counts only when
 * its MAC verifies with that call's organization's secret.
 */
import type { Prisma } from "@app/db/client";
import type { ApplyScope, Tx } from "../webhooks/apply-types";
import type { KnownTelnyxEvent } from "../webhooks/parse-event";
import { clientStateSecretOf, isAuthentic, readCallClientState, type CallClientState } from "./call-client-state";
import type { CallLeg } from "./call-signal";

export type CallWebhookEvent = Extract<KnownTelnyxEvent, { kind: `call.${string}` | `conference.${string}` }>;

export function isCallWebhookEvent(event: KnownTelnyxEvent): event is CallWebhookEvent {
  return event.kind.startsWith("call.") || event.kind.startsWith("conference.");
}

export const lockedCallSelect = {
  id: true,
  organizationId: true,
  direction: true,
  status: true,
  fromNumber: true,
  toNumber: true,
  userId: true,
  callControlId: true,
  agentCallControlId: true,
  conferenceId: true,
  startedAt: true,
  isRecording: true,
  recordingId: true,
  consultUserId: true,
  consultCallControlId: true,
} as const satisfies Prisma.TelnyxCallSelect;

export type LockedCall = Prisma.TelnyxCallGetPayload<{ select: typeof lockedCallSelect }>;

export interface CallMatch {
  call: LockedCall;
  leg: CallLeg;
  clientState: CallClientState | null;
  /** The call's organization's client_state secret (for the legs its follow-ups dial). */
  clientStateSecret: string;
  /** Columns to set because this event revealed a leg's ids. */
  adopt: Prisma.TelnyxCallUncheckedUpdateInput;
}

/** Row lock: concurrent instances applying events of the same call serialize here. */
export async function lockCall(tx: Tx, callId: string): Promise<LockedCall | null> {
  const locked = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT "id" FROM "TelnyxCall" WHERE "id" = ${callId} FOR UPDATE`;
  if (locked.length === 0) return null;
  return tx.telnyxCall.findUnique({ where: { id: callId }, select: lockedCallSelect });
}

function legOf(
  call: LockedCall,
  ccid: string | undefined,
  state: CallClientState | null,
  isAnswer: boolean,
): Omit<CallMatch, "call" | "clientStateSecret"> {
  const clientState = state?.callId === call.id ? state : null;
  if (ccid && ccid === call.callControlId) return { leg: "customer", clientState, adopt: {} };
  if (ccid && ccid === call.agentCallControlId) return { leg: "agent", clientState, adopt: {} };
  if (!ccid || !clientState) return { leg: "other", clientState, adopt: {} };
  if (clientState.leg === "customer" && !call.callControlId)
    return { leg: "customer", clientState, adopt: { callControlId: ccid } };
  if (clientState.leg === "agent" && !clientState.replaces && !call.agentCallControlId) {
    return { leg: "agent", clientState, adopt: { agentCallControlId: ccid } };
  }
  // Agent transfer: the new agent's leg takes over once it answers.
  if (
    clientState.leg === "agent" &&
    clientState.replaces &&
    isAnswer &&
    clientState.replaces === call.agentCallControlId
  ) {
    return {
      leg: "agent",
      clientState,
      adopt: { agentCallControlId: ccid, userId: clientState.userId ?? call.userId },
    };
  }
  return { leg: "other", clientState, adopt: {} };
}

/** The locked call this event belongs to, or null (then maybe a new inbound call, see createInboundCall). */
export async function matchCall(tx: Tx, event: CallWebhookEvent, scope: ApplyScope): Promise<CallMatch | null> {
  const ccid = event.payload.callControlId;
  const organizationId = { in: [...scope.organizationIds] };
  const claim = readCallClientState(event.payload.clientState);
  const byLeg = ccid
    ? await tx.telnyxCall.findFirst({
        where: { organizationId, OR: [{ callControlId: ccid }, { agentCallControlId: ccid }] },
        select: { id: true },
      })
    : null;
  const callId = byLeg?.id ?? claim?.state.callId;
  if (!callId) return null;
  const call = await lockCall(tx, callId);
  if (!call || !scope.organizationIds.includes(call.organizationId)) return null;
  const clientStateSecret = await clientStateSecretOf(tx, call.organizationId);
  const state = claim && isAuthentic(claim, clientStateSecret) ? claim.state : null;
  // Named only by a client_state we did not write: not ours.
  if (!byLeg && !state) return null;
  return { call, clientStateSecret, ...legOf(call, ccid, state, event.kind === "call.answered") };
}
