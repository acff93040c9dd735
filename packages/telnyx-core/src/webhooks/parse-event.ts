/**
 * Parses a Telnyx v2 webhook POST body `{ data: { id, event_type, occurred_at, payload }, meta? }`
 * into a typed domain event. Known event types get a camelCase payload (money as decimal strings,
 * timestamps as Date); any other event type becomes `{ kind: "unknown" }` so the caller can store it.
 *
 * Rejected on purpose (ok: false): bodies without the `data` envelope or without `data.id` (the flat
 * portal/"webhook delivery" view and payload-only doc snippets), and bodies whose occurred_at is not a
 * timestamp (e.g. the literal "date-time" placeholder) — ordering and dedup rely on both.
 */
import { z } from "zod";
import {
  callAnsweredPayload,
  callCostPayload,
  callDequeuedPayload,
  callEnqueuedPayload,
  callDtmfReceivedPayload,
  callGatherEndedPayload,
  callHangupPayload,
  callInitiatedPayload,
  callMachineDetectionEndedPayload,
  callMediaPayload,
  callRecordingSavedPayload,
  callRefPayload,
  conferencePayload,
} from "./call-event-schemas";
import { messagePayload, numberOrderPayload } from "./message-event-schemas";

const PAYLOAD_SCHEMAS = {
  "call.initiated": callInitiatedPayload,
  "call.answered": callAnsweredPayload,
  "call.bridged": callRefPayload,
  "call.hangup": callHangupPayload,
  "call.cost": callCostPayload,
  "call.recording.saved": callRecordingSavedPayload,
  "call.machine.detection.ended": callMachineDetectionEndedPayload,
  "call.speak.started": callMediaPayload,
  "call.speak.ended": callMediaPayload,
  "call.playback.started": callMediaPayload,
  "call.playback.ended": callMediaPayload,
  "call.gather.ended": callGatherEndedPayload,
  "call.dtmf.received": callDtmfReceivedPayload,
  "call.enqueued": callEnqueuedPayload,
  "call.dequeued": callDequeuedPayload,
  "conference.created": conferencePayload,
  "conference.ended": conferencePayload,
  "conference.participant.joined": conferencePayload,
  "conference.participant.left": conferencePayload,
  "message.sent": messagePayload,
  "message.finalized": messagePayload,
  "message.received": messagePayload,
  "number_order.complete": numberOrderPayload,
} as const;

export type KnownEventType = keyof typeof PAYLOAD_SCHEMAS;
export const KNOWN_EVENT_TYPES = Object.keys(PAYLOAD_SCHEMAS) as KnownEventType[];

export interface TelnyxEventEnvelope {
  /** Telnyx event id — the dedup key of the webhook inbox. */
  id: string;
  occurredAt: Date;
  /** occurred_at as sent (microsecond precision), for stable ordering of same-millisecond events. */
  occurredAtRaw: string;
  /** Delivery attempt from meta (absent on some bodies). */
  attempt?: number;
}

export type KnownTelnyxEvent = {
  [K in KnownEventType]: TelnyxEventEnvelope & {
    kind: K;
    eventType: K;
    payload: z.output<(typeof PAYLOAD_SCHEMAS)[K]>;
  };
}[KnownEventType];

export interface UnknownTelnyxEvent extends TelnyxEventEnvelope {
  kind: "unknown";
  eventType: string;
  payload: Record<string, unknown>;
  raw: unknown;
}

export type TelnyxEvent = KnownTelnyxEvent | UnknownTelnyxEvent;
export type TelnyxEventOf<K extends KnownEventType> = Extract<KnownTelnyxEvent, { kind: K }>;

export type ParseWebhookFailure = "invalid_json" | "invalid_envelope" | "invalid_occurred_at" | "invalid_payload";

export type ParseWebhookResult =
  | { ok: true; event: TelnyxEvent }
  | { ok: false; reason: ParseWebhookFailure; message: string; eventId?: string; eventType?: string };

const envelopeSchema = z.object({
  data: z.object({
    // Telnyx sends UUIDs and short dotted names; the id is the inbox's primary key (btree-bound).
    id: z.string().min(1).max(255),
    event_type: z.string().min(1).max(255),
    occurred_at: z.string().nullish(),
    payload: z.record(z.string(), z.unknown()),
  }),
  meta: z.object({ attempt: z.number().int().optional() }).nullish(),
});

const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

function isKnownEventType(eventType: string): eventType is KnownEventType {
  return Object.hasOwn(PAYLOAD_SCHEMAS, eventType);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}

export function parseWebhookEvent(body: unknown): ParseWebhookResult {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    return { ok: false, reason: "invalid_envelope", message: describeIssues(envelope.error) };
  }
  const { data, meta } = envelope.data;
  const ids = { eventId: data.id, eventType: data.event_type };

  // OpenAPI conference examples carry occurred_at only inside payload.
  const payloadOccurredAt = typeof data.payload.occurred_at === "string" ? data.payload.occurred_at : undefined;
  const occurredAtRaw = data.occurred_at ?? payloadOccurredAt;
  const occurredAt = occurredAtRaw ? new Date(occurredAtRaw) : undefined;
  if (!occurredAtRaw || !occurredAt || Number.isNaN(occurredAt.getTime())) {
    return {
      ok: false,
      reason: "invalid_occurred_at",
      message: `occurred_at is not a timestamp: ${String(occurredAtRaw).slice(0, 100)}`,
      ...ids,
    };
  }
  // JavaScript dates reach year ±275760; the database's do not (and no real event is that far off).
  const year = occurredAt.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) {
    return {
      ok: false,
      reason: "invalid_occurred_at",
      message: `occurred_at is out of range: ${occurredAtRaw.slice(0, 100)}`,
      ...ids,
    };
  }
  const base: TelnyxEventEnvelope = { id: data.id, occurredAt, occurredAtRaw, attempt: meta?.attempt };

  if (!isKnownEventType(data.event_type)) {
    return {
      ok: true,
      event: { ...base, kind: "unknown", eventType: data.event_type, payload: data.payload, raw: body },
    };
  }
  const payload = PAYLOAD_SCHEMAS[data.event_type].safeParse(data.payload);
  if (!payload.success) {
    return { ok: false, reason: "invalid_payload", message: describeIssues(payload.error), ...ids };
  }
  const event = { ...base, kind: data.event_type, eventType: data.event_type, payload: payload.data };
  return { ok: true, event: event as KnownTelnyxEvent };
}

/** Same as parseWebhookEvent, from the raw request bytes (after signature verification). */
export function parseWebhookBody(rawBody: string | Uint8Array): ParseWebhookResult {
  const text = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: "invalid_json", message: "webhook body is not JSON" };
  }
  return parseWebhookEvent(body);
}
