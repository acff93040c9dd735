/**
 * The one live-event contract shared by the server, the web app and internal tools.
 * Names are `domain:verb`; every payload has a zod schema so receivers can validate.
 * Payloads are full records (not diffs): a receiver merges by id and keeps the newest
 * `updatedAt`, so duplicates and reordering never corrupt what it shows.
 */
import { z } from "zod";
import { CALL_STATUSES } from "../calls/call-state";
import { ZCallbackSchema, ZQueueSchema } from "../routing/routing-schemas";
import type { BatchItem } from "./frames";

const ZRole = z.enum(["ADMIN", "SUPERVISOR", "AGENT"]);
const ZDirection = z.enum(["INBOUND", "OUTBOUND"]);

export const ZReadyEventSchema = z.object({ userId: z.string(), organizationId: z.string(), role: ZRole });
export type TReadyEvent = z.infer<typeof ZReadyEventSchema>;

export const ZCallStatusSchema = z.enum(CALL_STATUSES);

export const ZCallDtoSchema = z.object({
  id: z.string(),
  direction: ZDirection,
  status: ZCallStatusSchema,
  fromNumber: z.string(),
  toNumber: z.string(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  userId: z.string().nullable(),
  agentName: z.string().nullable(),
  phoneNumberId: z.string().nullable(),
  isMuted: z.boolean(),
  isOnHold: z.boolean(),
  isRecording: z.boolean(),
  hangupCause: z.string().nullable(),
  hangupSource: z.string().nullable(),
  startedAt: z.coerce.date().nullable(),
  answeredAt: z.coerce.date().nullable(),
  endedAt: z.coerce.date().nullable(),
  durationSecs: z.number().int().nullable(),
  billedSecs: z.number().int().nullable(),
  /** Decimal string, never a float. */
  cost: z.string().nullable(),
  costCurrency: z.string().nullable(),
  hasRecording: z.boolean(),
  /** Telnyx announced a recording whose URL was refused (not fetched, never will be). */
  recordingUnavailable: z.boolean(),
  mos: z.string().nullable(),
  /** The latest hand-off: when the agent `transferredFromUserId` handed the call to `transferredTo` (a number or a colleague's name). */
  transferredAt: z.coerce.date().nullable(),
  transferredTo: z.string().nullable(),
  transferredFromUserId: z.string().nullable(),
  /** Warm transfer: the colleague being consulted (the customer is on hold), and when they answered. */
  consultUserId: z.string().nullable(),
  consultName: z.string().nullable(),
  consultAnsweredAt: z.coerce.date().nullable(),
  /** Inbound routing (issue 15): the queue the call went to, and how it ended (voicemail, missed…). */
  queueId: z.string().nullable().optional(),
  inboundOutcome: z.enum(["ANSWERED", "VOICEMAIL", "MISSED", "ABANDONED"]).nullable().optional(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
});
export type TCallDto = z.infer<typeof ZCallDtoSchema>;

export const ZMessageStatusSchema = z.enum([
  "QUEUED",
  "SENDING",
  "SENT",
  "DELIVERED",
  "DELIVERY_FAILED",
  "SENDING_FAILED",
  "DELIVERY_UNCONFIRMED",
  "EXPIRED",
  "RECEIVED",
]);

export const ZMessageDtoSchema = z.object({
  id: z.string(),
  direction: ZDirection,
  status: ZMessageStatusSchema,
  type: z.string(),
  fromNumber: z.string(),
  toNumber: z.string(),
  counterpartNumber: z.string(),
  text: z.string(),
  mediaUrls: z.array(z.string()),
  encoding: z.string().nullable(),
  parts: z.number().int(),
  leadId: z.string().nullable(),
  leadName: z.string().nullable(),
  userId: z.string().nullable(),
  cost: z.string().nullable(),
  costCurrency: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorTitle: z.string().nullable(),
  errorDetail: z.string().nullable(),
  sentAt: z.coerce.date().nullable(),
  completedAt: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
});
export type TMessageDto = z.infer<typeof ZMessageDtoSchema>;

export const ZIncomingCallEventSchema = z.object({ call: ZCallDtoSchema });
export type TIncomingCallEvent = z.infer<typeof ZIncomingCallEventSchema>;

/** An agent's screen stops ringing for this call (taken by a colleague, declined, rung out, or the caller left). */
export const ZIncomingCancelledEventSchema = z.object({ callId: z.string(), userId: z.string() });
export type TIncomingCancelledEvent = z.infer<typeof ZIncomingCancelledEventSchema>;

/** A callback as a live event: dates arrive as JSON strings over the socket. */
export const ZCallbackEventSchema = ZCallbackSchema.extend({
  createdAt: z.coerce.date(),
  doneAt: z.coerce.date().nullable(),
});

export const ZOptOutEventSchema = z.object({
  phoneNumber: z.string(),
  optedOut: z.boolean(),
  keyword: z.string().nullable(),
});
export type TOptOutEvent = z.infer<typeof ZOptOutEventSchema>;

export const ZNumberEventSchema = z.object({
  id: z.string(),
  phoneNumber: z.string(),
  status: z.string(),
  updatedAt: z.coerce.date(),
});
export type TNumberEvent = z.infer<typeof ZNumberEventSchema>;

export const ZSyncEventSchema = z.object({
  id: z.string(),
  status: z.string(),
  progress: z.number().min(0).max(1),
  message: z.string().nullable(),
});
export type TSyncEvent = z.infer<typeof ZSyncEventSchema>;

/** Increments of the dashboard's "today" counters after an applied call/message event (the web adds them to its cached overview). */
export const ZStatsDeltaSchema = z.object({
  organizationId: z.string(),
  /** The agent the figures belong to (null = nobody's); agents add only their own. */
  userId: z.string().nullable(),
  callsToday: z.number().int().optional(),
  smsSentToday: z.number().int().optional(),
  answeredToday: z.number().int().optional(),
  finishedToday: z.number().int().optional(),
  secondsToday: z.number().int().optional(),
  /** Decimal string increment of this month's cost. */
  cost: z.string().optional(),
});
export type TStatsDelta = z.infer<typeof ZStatsDeltaSchema>;

export const ZAgentStatusSchema = z.enum(["AVAILABLE", "ON_CALL", "WRAP_UP", "AWAY", "OFFLINE"]);
export const ZAgentStateSchema = z.object({
  userId: z.string(),
  name: z.string(),
  status: ZAgentStatusSchema,
  since: z.coerce.date(),
  currentCallId: z.string().nullable(),
});
export type TAgentState = z.infer<typeof ZAgentStateSchema>;

/** Every event the server emits, with its payload schema (the web and packages/client validate with these). */
export const SERVER_EVENT_SCHEMAS = {
  ready: ZReadyEventSchema,
  "call:created": ZCallDtoSchema,
  "call:updated": ZCallDtoSchema,
  "call:incoming": ZIncomingCallEventSchema,
  "call:incoming-cancelled": ZIncomingCancelledEventSchema,
  "queue:updated": ZQueueSchema,
  "callback:changed": ZCallbackEventSchema,
  "message:created": ZMessageDtoSchema,
  "message:updated": ZMessageDtoSchema,
  "optout:updated": ZOptOutEventSchema,
  "number:updated": ZNumberEventSchema,
  "sync:progress": ZSyncEventSchema,
  "stats:delta": ZStatsDeltaSchema,
  "agent:updated": ZAgentStateSchema,
} as const;

export type ServerEventName = keyof typeof SERVER_EVENT_SCHEMAS;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof SERVER_EVENT_SCHEMAS)[E]>;

/** Plus `batch`: the coalesced delivery of sockets that opted in (frames.ts). */
export type ServerToClientEvents = { [E in ServerEventName]: (payload: ServerEventPayload<E>) => void } & {
  batch: (items: BatchItem[]) => void;
};

// biome-ignore lint/complexity/noBannedTypes: socket.io's event-map type for "no client-to-server events" is `{}`.
export type ClientToServerEvents = {};

export interface SocketData {
  userId: string;
  organizationId: string;
  role: "ADMIN" | "SUPERVISOR" | "AGENT";
  sessionId?: string;
  tokenId?: string;
  /** Wallboard kiosk sockets (read-only, wallboard room only): the kiosk link's id. */
  kioskId?: string;
  /** The member's role in the organization at the handshake (a change closes the socket). */
  memberRole?: "ADMIN" | "SUPERVISOR" | "AGENT";
  /** Opted in to coalesced delivery at the handshake (frames.ts): joins the batched variants of its data rooms. */
  isBatched?: boolean;
}

/** How domain code pushes live events without knowing socket.io (the API implements it). */
export interface Publisher {
  toOrganization<E extends ServerEventName>(organizationId: string, event: E, payload: ServerEventPayload<E>): void;
  toUser<E extends ServerEventName>(userId: string, event: E, payload: ServerEventPayload<E>): void;
}

export const noopPublisher: Publisher = { toOrganization() {}, toUser() {} };

/** Admin and supervisor sockets of an organization: every event, full payloads. */
export const staffRoom = (organizationId: string) => `org:${organizationId}:staff`;
/** Agent sockets of an organization: events every member may read (event-audience.ts). */
export const agentsRoom = (organizationId: string) => `org:${organizationId}:agents`;
/** One agent's sockets in one organization: their own calls, figures and status. */
export const agentRoom = (organizationId: string, userId: string) => `org:${organizationId}:agent:${userId}`;
/** Wallboard kiosk sockets: wallboard-shaped payloads only. */
export const wallboardRoom = (organizationId: string) => `org:${organizationId}:wallboard`;
/** Every socket of one member of one organization (closed when the membership ends or its role changes). */
export const memberRoom = (organizationId: string, userId: string) => `member:${organizationId}:${userId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const kioskRoom = (kioskId: string) => `kiosk:${kioskId}`;
/** The variant of a data room (staff, agents, agent, wallboard, user) that sockets opted in to batches join. */
export const batchedRoom = (room: string) => `b:${room}`;
