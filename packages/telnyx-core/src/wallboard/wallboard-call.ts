/**
 * What a wallboard kiosk (a TV, no login) may see of a call: what the board shows — direction,
 * status, timers, the lead's name or else the caller's number, the agent — and nothing else (no
 * line number, cost, recording or hangup details). The kiosk's HTTP snapshot and its socket use it.
 */
import type { TCallDto } from "../realtime/events";
import type { TWallboardSnapshot } from "./wallboard-schemas";

export function toWallboardCall(call: TCallDto): TCallDto {
  const isInbound = call.direction === "INBOUND";
  // The board names the lead, or shows the other party's number when there is no lead.
  const counterpart = call.leadName === null ? (isInbound ? call.fromNumber : call.toNumber) : "";
  return {
    id: call.id,
    direction: call.direction,
    status: call.status,
    fromNumber: isInbound ? counterpart : "",
    toNumber: isInbound ? "" : counterpart,
    leadId: null,
    leadName: call.leadName,
    userId: call.userId,
    agentName: call.agentName,
    phoneNumberId: null,
    isMuted: false,
    isOnHold: false,
    isRecording: false,
    hangupCause: null,
    hangupSource: null,
    startedAt: call.startedAt,
    answeredAt: call.answeredAt,
    endedAt: call.endedAt,
    durationSecs: null,
    billedSecs: null,
    cost: null,
    costCurrency: null,
    hasRecording: false,
    recordingUnavailable: false,
    mos: null,
    transferredAt: null,
    transferredTo: null,
    transferredFromUserId: null,
    consultUserId: null,
    consultName: null,
    consultAnsweredAt: null,
    createdAt: call.createdAt,
    updatedAt: call.updatedAt,
  };
}

export function toKioskSnapshot(snapshot: TWallboardSnapshot): TWallboardSnapshot {
  return { ...snapshot, activeCalls: snapshot.activeCalls.map(toWallboardCall) };
}
