/**
 * Which call (and which side of it) a webhook belongs to: by call_control_id first, then by the
 * client_state we set when dialing (webhooks can beat the dial response), and finally — for an
 * incoming call.initiated on one of our numbers — a new INBOUND call. Only calls of the event's
 * scope (the organization of the endpoint it came to) can match, and a client_state counts only when
 * its MAC verifies with that call's organization's secret.
 */
import type { ApplyScope, Tx } from "../webhooks/apply-types";
import type { KnownTelnyxEvent } from "../webhooks/parse-event";
import { isAuthentic, readCallClientState, type CallClientState } from "./call-client-state";
import type { CallAdopt } from "./call-event-write";
import { lockCallRow, type LockedCall, type LockedCallRow } from "./call-row-sql";
import type { CallLeg, CallSignal } from "./call-signal";

export type CallWebhookEvent = Extract<KnownTelnyxEvent, { kind: `call.${string}` | `conference.${string}` }>;

export function isCallWebhookEvent(event: KnownTelnyxEvent): event is CallWebhookEvent {
  return event.kind.startsWith("call.") || event.kind.startsWith("conference.");
}

export interface CallMatch {
  /** Locked, with the live counters' columns before this event. */
  call: LockedCallRow;
  /** The call's signals before this event. */
  signals: CallSignal[];
  /** This event created the call (it had no state before). */
  isNew: boolean;
  leg: CallLeg;
  clientState: CallClientState | null;
  /** Columns to set because this event revealed a leg's ids. */
  adopt: CallAdopt;
}

function legOf(
  call: LockedCall,
  ccid: string | undefined,
  state: CallClientState | null,
  isAnswer: boolean,
): Omit<CallMatch, "call" | "isNew" | "signals"> {
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
  const claim = readCallClientState(event.payload.clientState);
  const locked = await lockCallRow(tx, {
    ccid: ccid ?? null,
    claimedCallId: claim?.state.callId ?? null,
    organizationIds: scope.organizationIds,
  });
  if (!locked) return null;
  const { isByLeg, signals, ...call } = locked;
  const state = claim && isAuthentic(claim, call.clientStateSecret) ? claim.state : null;
  // Named only by a client_state we did not write: not ours.
  if (!isByLeg && !state) return null;
  return { call, signals, isNew: false, ...legOf(call, ccid, state, event.kind === "call.answered") };
}
