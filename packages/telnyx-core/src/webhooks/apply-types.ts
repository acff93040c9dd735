/**
 * The contract between the webhook processor (apps/api) and the domain appliers (calls,
 * messages, numbers). An applier runs inside the processor's transaction — every write goes
 * through `tx`, and the inbox row is marked processed in the same transaction, so an event is
 * applied exactly once even across crashes. Live events and side effects (Telnyx commands,
 * recording downloads) are returned, and run only after the commit.
 */
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { RecordingFetchPolicy } from "../calls/recording-fetch";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher, ServerEventName, ServerEventPayload } from "../realtime/events";
import type { KnownTelnyxEvent } from "./parse-event";

export type Tx = Prisma.TransactionClient;

export type Emit = {
  [E in ServerEventName]: { scope: "org" | "user"; id: string; event: E; payload: ServerEventPayload<E> };
}[ServerEventName];

export interface ApplyServices {
  gatewayFor(organizationId: string): Promise<TelnyxGateway>;
  /** Folder where downloaded call recordings are stored. */
  recordingsDir: string;
  /** Which recording URLs may be fetched (hosts, size, timeout): webhooks name them, so they are untrusted. */
  recordingPolicy: RecordingFetchPolicy;
  /** The public base URL of this API (webhook URLs for per-command overrides). */
  webhookBaseUrl?: string;
  /** For afterCommit tasks only (never inside the applier's transaction: use `tx` there). */
  db?: Db;
  /** For afterCommit tasks that change state after the commit (e.g. a number configured in Telnyx). */
  publisher?: Publisher;
}

export interface ApplyOutcome {
  /** The organization the event belongs to; null when it matches nothing of ours (kept, not applied). */
  organizationId: string | null;
  emits: Emit[];
  /** Run after the commit, in order; failures are logged, never re-apply the event. */
  afterCommit?: Array<() => Promise<void>>;
}

/**
 * The organizations an event may touch, decided by where it arrived — never by its payload. A per-organization
 * endpoint gives exactly that organization; the legacy shared endpoints give the organizations on the
 * installation's own Telnyx account. Every lookup an applier makes (calls, legs, conferences, messages, numbers,
 * number orders, leads, opt-outs) stays inside it: an event naming another organization's records matches nothing.
 */
export interface ApplyScope {
  organizationIds: readonly string[];
}

export type EventApplier = (
  tx: Tx,
  event: KnownTelnyxEvent,
  services: ApplyServices,
  scope: ApplyScope,
) => Promise<ApplyOutcome>;

export const NOT_OURS: ApplyOutcome = { organizationId: null, emits: [] };
