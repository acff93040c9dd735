/**
 * Applies inbox events to the domain. Rows are claimed with a short lease (FOR UPDATE SKIP
 * LOCKED), so several API instances share the work and a crashed one's rows are picked up when
 * its lease expires; at start-up every unprocessed row is resumed. Each event is applied in one
 * transaction together with marking its inbox row processed: exactly once. Events are taken in
 * occurred_at order; the state machines also tolerate any order.
 */
import type { Db } from "@app/db/open-db";
import type { ApplyServices, Emit } from "@app/telnyx-core/webhooks/apply-types";
import { parseWebhookEvent } from "@app/telnyx-core/webhooks/parse-event";
import type { Publisher } from "@app/telnyx-core/realtime/events";
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

const BATCH = 100;
const LEASE_SECS = 15;
const MAX_ATTEMPTS = 8;
const POLL_MS = 2_000;

interface ClaimedRow {
  id: string;
  payload: unknown;
  attempts: number;
  occurredAt: Date;
}

export function createWebhookProcessor(deps: {
  db: Db;
  services: ApplyServices;
  publisher: Publisher;
  log: ProcessorLogger;
}): WebhookProcessor {
  const { db, services, publisher, log } = deps;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function claim(): Promise<ClaimedRow[]> {
    return db.query<ClaimedRow>(
      `UPDATE "WebhookEvent" SET "lockedUntil" = now() + interval '${LEASE_SECS} seconds', "attempts" = "attempts" + 1
       WHERE "id" IN (
         SELECT "id" FROM "WebhookEvent"
         WHERE "state" = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
         ORDER BY "occurredAt" ASC, "receivedAt" ASC
         LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED)
       RETURNING "id", "payload", "attempts", "occurredAt"`,
    ).then((rows) => rows.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()));
  }

  function publish(emits: Emit[]): void {
    for (const emit of emits) {
      if (emit.scope === "org") publisher.toOrganization(emit.id, emit.event, emit.payload as never);
      else publisher.toUser(emit.id, emit.event, emit.payload as never);
    }
  }

  async function processRow(row: ClaimedRow): Promise<void> {
    const parsed = parseWebhookEvent(row.payload);
    const applier = parsed.ok && parsed.event.kind !== "unknown" ? applierFor(parsed.event) : undefined;
    if (!parsed.ok || parsed.event.kind === "unknown" || !applier) {
      await db.query(`UPDATE "WebhookEvent" SET "state" = 'IGNORED', "processedAt" = now(), "lockedUntil" = NULL, "error" = $2 WHERE "id" = $1`, [
        row.id,
        parsed.ok ? "no applier for this event type" : parsed.message,
      ]);
      return;
    }
    const event = parsed.event;
    try {
      const outcome = await db.prisma.$transaction(
        async (tx) => {
          const result = await applier(tx, event, services);
          await tx.webhookEvent.update({
            where: { id: row.id },
            data: { state: "PROCESSED", processedAt: new Date(), lockedUntil: null, organizationId: result.organizationId, error: null },
          });
          return result;
        },
        { timeout: 20_000, maxWait: 20_000 },
      );
      publish(outcome.emits);
      for (const task of outcome.afterCommit ?? []) {
        await task().catch((error: unknown) => log.error({ err: error, eventId: row.id }, "webhook follow-up failed"));
      }
    } catch (error) {
      const isFinal = row.attempts >= MAX_ATTEMPTS;
      log.error({ err: error, eventId: row.id, attempts: row.attempts }, isFinal ? "webhook event failed for good" : "webhook event failed, will retry");
      const message = error instanceof Error ? error.message.slice(0, 1000) : String(error);
      // Back off: the lease is extended by attempts² seconds before the next try.
      await db.query(
        `UPDATE "WebhookEvent" SET "state" = $2::"WebhookEventState", "error" = $3, "lockedUntil" = now() + make_interval(secs => $4) WHERE "id" = $1`,
        [row.id, isFinal ? "FAILED" : "PENDING", message, row.attempts * row.attempts],
      ).catch(() => undefined);
    }
  }

  async function loop(): Promise<void> {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const rows = await claim().catch((error: unknown) => {
          log.warn({ err: error }, "webhook inbox unreachable");
          return [] as ClaimedRow[];
        });
        if (rows.length === 0) break;
        for (const row of rows) await processRow(row);
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
