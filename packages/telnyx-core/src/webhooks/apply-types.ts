/**
 * The contract between the webhook processor (apps/api) and the domain appliers (calls,
 * messages, numbers). An applier runs inside the processor's transaction — every write goes
 * through `tx`, and the inbox row is marked processed in the same transaction, so an event is
 * applied exactly once even across crashes. Live events and side effects (Telnyx commands,
 * recording downloads) are returned, and run only after the commit.
 */
import type { Prisma } from "@app/db/client";
import type { RecordingFetchPolicy } from "../calls/recording-fetch";
import type { DomainServices } from "../domain/domain-context";
import type { ServerEventName, ServerEventPayload } from "../realtime/events";
import type { KnownTelnyxEvent } from "./parse-event";

export type Tx = Prisma.TransactionClient;

export type Emit = {
  [E in ServerEventName]: { scope: "org" | "user"; id: string; event: E; payload: ServerEventPayload<E> };
}[ServerEventName];

/**
 * The domain context an applier sees (no actor: a webhook has none). `db` is for afterCommit tasks only (never
 * inside the applier's transaction: use `tx` there); `publisher` for afterCommit tasks that change state after the
 * commit (e.g. a number configured in Telnyx). Both are required: a follow-up's write cannot be skipped silently.
 */
export interface ApplyServices extends Pick<DomainServices, "db" | "gatewayFor" | "publisher"> {
  /** Folder where downloaded call recordings are stored. */
  recordingsDir: string;
  /** Which recording URLs may be fetched (hosts, size, timeout): webhooks name them, so they are untrusted. */
  recordingPolicy: RecordingFetchPolicy;
  /** The public base URL of this API (webhook URLs for per-command overrides). */
  webhookBaseUrl?: string;
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
