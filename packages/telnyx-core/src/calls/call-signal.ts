/**
 * A call's timeline entry in a compact, JSON-safe form: one per applied webhook (or agent command),
 * stored in CallEvent.payload. The call's state is a fold over its signals (call-state.ts), so it
 * does not depend on the order in which webhooks arrived.
 */
import type { KnownTelnyxEvent } from "../webhooks/parse-event";

/** Which side of the call a leg is: the customer, our agent's device, or another leg (transfer target). */
export type CallLeg = "customer" | "agent" | "other";

export interface CallHangupFact {
  endAt: string;
  cause: string;
  source: string;
  sipCause: string | null;
  mos: number | null;
}

export type CallSignalBody =
  | { type: "initiated"; direction: string }
  /** `callControlId`: an "other" leg's (a consulted colleague's), which matches no column of the call. */
  | { type: "answered"; callControlId?: string }
  | { type: "bridged" }
  | { type: "joined"; conferenceId: string }
  | { type: "left"; conferenceId: string }
  | { type: "conference"; conferenceId: string; ended: boolean }
  | ({ type: "hangup"; callControlId?: string } & CallHangupFact)
  | { type: "cost"; callControlId: string; totalCost: string; currency: string; billedSecs: number }
  | { type: "recording"; recordingId: string | null; mp3: string | null; wav: string | null; durationMs: number | null }
  /** The call was handed off to a number, or to a colleague (`toUserId`) by the agent `fromUserId`. */
  | { type: "transferred"; to: string; toUserId?: string; fromUserId?: string }
  /** The caller waits in a queue (call.enqueued), then leaves it (call.dequeued: timeout, hangup, leave...). */
  | { type: "enqueued"; queue: string }
  | { type: "dequeued"; queue: string; reason: string }
  | { type: "note"; text: string };

export type CallSignal = CallSignalBody & {
  eventId: string;
  eventType: string;
  /** ISO-8601 (toISOString), so signals compare as strings. */
  at: string;
  leg: CallLeg;
  /** The customer leg was answered by inbound routing at this point: held in a queue, or in voicemail. */
  routing?: "hold" | "voicemail" | "ivr";
};

const iso = (date: Date) => date.toISOString();

function bodyOf(event: KnownTelnyxEvent): CallSignalBody {
  switch (event.kind) {
    case "call.initiated":
      return { type: "initiated", direction: event.payload.direction };
    case "call.answered":
      return { type: "answered" };
    case "call.bridged":
      return { type: "bridged" };
    case "call.hangup": {
      const p = event.payload;
      return {
        type: "hangup",
        endAt: iso(p.endTime ?? event.occurredAt),
        cause: p.hangupCause,
        source: p.hangupSource,
        sipCause: p.sipHangupCause ?? null,
        mos: p.mos ?? null,
      };
    }
    case "call.cost":
      return {
        type: "cost",
        callControlId: event.payload.callControlId ?? event.payload.callLegId ?? event.id,
        totalCost: event.payload.totalCost,
        currency: event.payload.currency,
        billedSecs: event.payload.billedDurationSecs,
      };
    case "call.recording.saved": {
      const p = event.payload;
      const durationMs =
        p.recordingStartedAt && p.recordingEndedAt
          ? Math.max(0, p.recordingEndedAt.getTime() - p.recordingStartedAt.getTime())
          : null;
      return {
        type: "recording",
        recordingId: p.recordingId ?? null,
        mp3: p.recordingUrls.mp3 ?? null,
        wav: p.recordingUrls.wav ?? null,
        durationMs,
      };
    }
    case "conference.created":
    case "conference.ended":
      return { type: "conference", conferenceId: event.payload.conferenceId, ended: event.kind === "conference.ended" };
    case "conference.participant.joined":
      return { type: "joined", conferenceId: event.payload.conferenceId };
    case "conference.participant.left":
      return { type: "left", conferenceId: event.payload.conferenceId };
    case "call.machine.detection.ended":
      return { type: "note", text: `Answering machine detection: ${event.payload.result}` };
    case "call.dtmf.received":
      return { type: "note", text: `Key pressed: ${event.payload.digit}` };
    case "call.gather.ended":
      return { type: "note", text: `Digits gathered: ${event.payload.digits || "none"}` };
    case "call.enqueued":
      return { type: "enqueued", queue: event.payload.queue };
    case "call.dequeued":
      return { type: "dequeued", queue: event.payload.queue, reason: event.payload.reason };
    default:
      return { type: "note", text: event.kind };
  }
}

/** `routing`: the (verified) client_state's routing mark of the customer leg (hold / voicemail), if any. */
export function toCallSignal(event: KnownTelnyxEvent, leg: CallLeg, routing?: CallSignal["routing"]): CallSignal {
  const body = bodyOf(event);
  const ccid = "callControlId" in event.payload ? event.payload.callControlId : undefined;
  const isOtherLegTurn = leg === "other" && (body.type === "answered" || body.type === "hangup");
  const extra = isOtherLegTurn && typeof ccid === "string" ? { callControlId: ccid } : {};
  const mark = leg === "customer" && routing ? { routing } : {};
  return { ...body, ...extra, ...mark, eventId: event.id, eventType: event.kind, at: iso(event.occurredAt), leg };
}

const LEG_NAMES: Record<CallLeg, string> = { customer: "Customer", agent: "Agent", other: "Other leg" };

/** One line for the call's timeline. */
export function summarizeSignal(signal: CallSignal): string {
  const who = LEG_NAMES[signal.leg];
  switch (signal.type) {
    case "initiated":
      return signal.direction === "incoming" ? `${who}: incoming call` : `${who}: dialing`;
    case "answered":
      return `${who}: answered`;
    case "bridged":
      return `${who}: connected`;
    case "joined":
      return `${who}: joined the conference`;
    case "left":
      return `${who}: left the conference`;
    case "conference":
      return signal.ended ? "Conference ended" : "Conference created";
    case "hangup":
      return `${who}: hung up (${signal.cause}${signal.sipCause ? `, SIP ${signal.sipCause}` : ""}, by ${signal.source})`;
    case "cost":
      return `${who}: cost ${signal.totalCost} ${signal.currency} for ${signal.billedSecs} s`;
    case "recording":
      return `Recording saved${signal.durationMs !== null ? ` (${Math.round(signal.durationMs / 1000)} s)` : ""}`;
    case "transferred":
      return `Transferred to ${signal.to}`;
    case "enqueued":
      return `${who}: waiting in the queue`;
    case "dequeued":
      return `${who}: left the queue (${signal.reason})`;
    case "note":
      return signal.text;
  }
}

/** CallEvent.payload back to a signal (rows written by this module only). */
export function signalFromRow(row: { payload: unknown }): CallSignal {
  return row.payload as CallSignal;
}
