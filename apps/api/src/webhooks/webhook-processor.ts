/**
 * Applies inbox events to the domain. Rows are claimed with a short lease (FOR UPDATE SKIP
 * LOCKED), so several API instances share the work and a crashed one's rows are picked up when
 * its lease expires; at start-up every unprocessed row is resumed. Events are applied in small
 * batches, each in one transaction together with marking its inbox rows processed: exactly once.
 * A batch that fails is retried event by event, so one bad event never blocks the others.
 * On PostgreSQL the claimed rows are split into lanes applied side by side on separate
 * connections: every event of one message stays in one lane (hash of its Telnyx id), every event of
 * one call — all its legs, conferences and recordings — in one lane (hash of the call id our
 * client_state carries, else of the leg), so one call's events are applied in order while
 * different calls are applied side by side. Rows two lanes may both lock (an agent's presence, a
 * call whose first inbound event carried no client_state yet) are locked, not raced: at worst
 * PostgreSQL breaks a deadlock, the batch is retried event by event. On the embedded database there is one
 * lane, and ingest has priority: while webhook requests wait to be stored processing yields, as
 * a transaction holds its only connection.
 * Each event is applied inside its scope: the organization whose endpoint received it (set on the row
 * at ingest), or — rows from the legacy shared endpoints — the organizations on the installation's
 * own Telnyx account.
 */
import type { Db } from "@app/db/open-db";
import type { ApplyOutcome, ApplyScope, ApplyServices, Emit } from "@app/telnyx-core/webhooks/apply-types";
import { listInstallationOrganizationIds } from "@app/telnyx-core/settings/telnyx-keys";
import { parseWebhookEvent, type KnownTelnyxEvent } from "@app/telnyx-core/webhooks/parse-event";
import { readCallClientState } from "@app/telnyx-core/calls/call-client-state";
import { isCallWebhookEvent } from "@app/telnyx-core/calls/call-match";
import { applierFor } from "./appliers";

export interface ProcessorLogger {
  error(obj: unknown, message: string): void;
  warn(obj: unknown, message: string): void;
}

export interface WebhookProcessor {
  /** Something was written to the inbox: process soon. */
  notify(): void;
  /** Process until the inbox has nothing claimable (tests and shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const CLAIM = 200;
const LEASE_SECS = 15;
const MAX_ATTEMPTS = 8;
const POLL_MS = 2_000;
const MAX_YIELD_MS = 250;
/** Lanes applied concurrently on PostgreSQL (each holds one pooled connection while it applies). */
const PG_LANES = 4;

interface ClaimedRow {
  id: string;
  /** Set at ingest by a per-organization endpoint; null from the legacy shared ones. */
  organizationId: string | null;
  payload: unknown;
  attempts: number;
  occurredAt: Date;
}

interface Applicable {
  row: ClaimedRow;
  event: KnownTelnyxEvent;
  scope: ApplyScope;
}

export function createWebhookProcessor(deps: {
  db: Db;
  /** The domain context every event is applied with (its publisher also sends the appliers' emits). */
  services: ApplyServices;
  log: ProcessorLogger;
  /** Webhook rows waiting to be stored; processing yields while it is not 0. */
  ingestBacklog?: () => number;
}): WebhookProcessor {
  const { db, services, log } = deps;
  const { publisher } = services;
  const batchSize = db.kind === "pglite" ? 10 : 50;
  const lanes = db.kind === "pglite" ? 1 : PG_LANES;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function claim(): Promise<ClaimedRow[]> {
    const rows = await db.query<ClaimedRow>(
      `UPDATE "WebhookEvent" SET "lockedUntil" = now() + interval '${LEASE_SECS} seconds', "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "WebhookEvent"
         WHERE "state" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
         ORDER BY "occurredAt" ASC, "receivedAt" ASC
         LIMIT ${CLAIM}
         FOR UPDATE SKIP LOCKED)
       RETURNING "id", "organizationId", "payload", "attempts", "occurredAt"`,
    );
    return rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  }

  async function yieldToIngest(): Promise<void> {
    // PostgreSQL serves ingest and processing on separate connections: nothing to yield.
    if (db.kind !== "pglite") return;
    const started = Date.now();
    while ((deps.ingestBacklog?.() ?? 0) > 0 && Date.now() - started < MAX_YIELD_MS) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  function publish(emits: Emit[]): void {
    for (const emit of emits) {
      if (emit.scope === "org") publisher.toOrganization(emit.id, emit.event, emit.payload as never);
      else publisher.toUser(emit.id, emit.event, emit.payload as never);
    }
  }

  async function finish(outcomes: Array<{ id: string; outcome: ApplyOutcome }>): Promise<void> {
    for (const { outcome } of outcomes) publish(outcome.emits);
    for (const { id, outcome } of outcomes) {
      for (const task of outcome.afterCommit ?? []) {
        await task().catch((error: unknown) => log.error({ err: error, eventId: id }, "webhook follow-up failed"));
      }
    }
  }

  /** Applies `items` in ONE transaction, marking their inbox rows processed in it. */
  async function applyTogether(items: Applicable[]): Promise<Array<{ id: string; outcome: ApplyOutcome }>> {
    return db.prisma.$transaction(
      async (tx) => {
        const outcomes: Array<{ id: string; outcome: ApplyOutcome }> = [];
        for (const { row, event, scope } of items)
          outcomes.push({ id: row.id, outcome: await applierFor(event)!(tx, event, services, scope) });
        await tx.$executeRawUnsafe(
          `UPDATE "WebhookEvent" AS w SET "state" = 'PROCESSED', "processedAt" = now(), "lockedUntil" = NULL, "error" = NULL,
             "organizationId" = COALESCE(v.org, w."organizationId")
           FROM unnest($1::text[], $2::text[]) AS v(id, org) WHERE w."id" = v.id`,
          outcomes.map((o) => o.id),
          outcomes.map((o) => o.outcome.organizationId),
        );
        return outcomes;
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  }

  async function recordFailure(row: ClaimedRow, error: unknown): Promise<void> {
    const isFinal = row.attempts >= MAX_ATTEMPTS;
    log.error(
      { err: error, eventId: row.id, attempts: row.attempts },
      isFinal ? "webhook event failed for good" : "webhook event failed, will retry",
    );
    const message = error instanceof Error ? error.message.slice(0, 1000) : String(error);
    // Back off: the lease is extended by attempts² seconds before the next try.
    await db
      .query(
        `UPDATE "WebhookEvent" SET "state" = $2::"WebhookEventState", "error" = $3, "lockedUntil" = now() + make_interval(secs => $4) WHERE "id" = $1`,
        [row.id, isFinal ? "FAILED" : "PENDING", message, row.attempts * row.attempts],
      )
      .catch(() => undefined);
  }

  async function processRows(rows: ClaimedRow[]): Promise<void> {
    const applicable: Applicable[] = [];
    const ignored: Array<{ id: string; reason: string }> = [];
    const legacyScope = rows.some((row) => row.organizationId === null)
      ? { organizationIds: await listInstallationOrganizationIds(db) }
      : { organizationIds: [] };
    for (const row of rows) {
      const parsed = parseWebhookEvent(row.payload);
      if (!parsed.ok) ignored.push({ id: row.id, reason: parsed.message });
      else if (parsed.event.kind === "unknown" || !applierFor(parsed.event))
        ignored.push({ id: row.id, reason: "no applier for this event type" });
      else
        applicable.push({
          row,
          event: parsed.event,
          scope: row.organizationId ? { organizationIds: [row.organizationId] } : legacyScope,
        });
    }
    if (ignored.length > 0) {
      await db.query(
        `UPDATE "WebhookEvent" AS w SET "state" = 'IGNORED', "processedAt" = now(), "lockedUntil" = NULL, "error" = v.reason
         FROM unnest($1::text[], $2::text[]) AS v(id, reason) WHERE w."id" = v.id`,
        [ignored.map((i) => i.id), ignored.map((i) => i.reason)],
      );
    }
    const byLane: Applicable[][] = Array.from({ length: lanes }, () => []);
    for (const item of applicable) byLane[laneOf(item.event, lanes)]!.push(item);
    await Promise.all(byLane.filter((items) => items.length > 0).map((items) => applyLane(items)));
  }

  /** Applies one lane's events in order, `batchSize` per transaction. */
  async function applyLane(items: Applicable[]): Promise<void> {
    for (let start = 0; start < items.length; start += batchSize) {
      if (stopped) return;
      await yieldToIngest();
      const batch = items.slice(start, start + batchSize);
      try {
        await finish(await applyTogether(batch));
      } catch {
        // One event of the batch failed: apply them one by one to isolate it.
        for (const item of batch) {
          try {
            await finish(await applyTogether([item]));
          } catch (error) {
            await recordFailure(item.row, error);
          }
        }
      }
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        await yieldToIngest();
        const rows = await claim().catch((error: unknown) => {
          log.warn({ err: error }, "webhook inbox unreachable");
          return [] as ClaimedRow[];
        });
        if (rows.length === 0) break;
        try {
          await processRows(rows);
        } catch (error) {
          // The database went away mid-way (outage): the claimed rows' leases expire and they are
          // claimed again later. Never let this reject: kick() callers do not await it.
          log.warn({ err: error }, "webhook processing interrupted, will resume");
          break;
        }
      }
    } while (again && !stopped);
  }

  function kick(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
    });
    return running;
  }

  const timer = setInterval(() => void kick(), POLL_MS);
  timer.unref();
  void kick();

  return {
    notify: () => void kick(),
    async drain() {
      await kick();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/**
 * The lane of an event: a hash of what orders it — the message's Telnyx id; for a call event the call
 * id in our client_state (every leg we dial or answer carries it), else the leg's call_control_id
 * (an inbound call's first events, before we answer); number orders in lane 0.
 */
export function laneOf(event: KnownTelnyxEvent, lanes: number): number {
  if (lanes <= 1) return 0;
  const key = orderingKeyOf(event);
  if (key === null) return 0;
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % lanes;
}

function orderingKeyOf(event: KnownTelnyxEvent): string | null {
  if (event.kind.startsWith("message.")) return (event.payload as { id?: string }).id ?? event.id;
  if (!isCallWebhookEvent(event)) return null;
  const { clientState, callControlId, callSessionId } = event.payload;
  return readCallClientState(clientState)?.state.callId ?? callControlId ?? callSessionId ?? event.id;
}
