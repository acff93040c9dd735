import { EventEmitter } from "node:events";
import type { Rng } from "../util/random.js";
import type { Scheduler } from "../util/scheduler.js";
import type { WebhookSigner } from "./signer.js";

export interface WebhookTarget {
  url: string | null | undefined;
  failoverUrl?: string | null | undefined;
  timeoutSecs?: number | null | undefined;
  /** The owning account's signer; the default account's when absent. */
  signer?: WebhookSigner | undefined;
}

export interface WebhookAttempt {
  url: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: string;
}

export interface WebhookDelivery {
  delivery_id: number;
  event_id: string;
  event_type: string;
  stream: string;
  occurred_at: string;
  url: string;
  failover_url: string | null;
  duplicate: boolean;
  /** dropped: never sent (chaos `drop_event_types`), like a webhook Telnyx gave up on while the app was away. */
  status: "pending" | "delivered" | "failed" | "dropped";
  attempts: WebhookAttempt[];
  payload: Record<string, unknown>;
}

export interface ChaosSettings {
  duplicate_rate: number;
  reorder: boolean;
  delay_ms_max: number;
  /** Event types recorded but never delivered. */
  drop_event_types: string[];
}

const NO_CHAOS: ChaosSettings = { duplicate_rate: 0, reorder: false, delay_ms_max: 0, drop_event_types: [] };

interface QueuedEvent {
  delivery: WebhookDelivery;
  target: WebhookTarget;
}

const MAX_ATTEMPTS_PER_URL = 3;
const MAX_LOG = 2000;

/**
 * Delivers signed webhooks. Events of one stream (a call leg, a message) go out one after the other in emission
 * order; different streams are concurrent. Chaos can duplicate, delay and swap events.
 */
export class WebhookDispatcher extends EventEmitter {
  readonly log: WebhookDelivery[] = [];
  chaos: ChaosSettings = { ...NO_CHAOS };
  private readonly streams = new Map<string, Promise<void>>();
  private readonly held = new Map<string, QueuedEvent>();
  private nextId = 1;

  constructor(
    private readonly signer: WebhookSigner,
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
  ) {
    super();
  }

  emitEvent(
    stream: string,
    eventType: string,
    payload: Record<string, unknown>,
    target: WebhookTarget,
    eventId: string,
    occurredAt: string,
  ): void {
    if (!target.url) return;
    const queued = { delivery: this.record(eventId, eventType, stream, occurredAt, target, payload, false), target };
    if (this.chaos.drop_event_types.includes(eventType)) {
      queued.delivery.status = "dropped";
      return;
    }
    if (this.chaos.reorder) this.reorderThenQueue(stream, queued);
    else this.enqueue(stream, queued);
  }

  reset(): void {
    this.log.length = 0;
    this.streams.clear();
    this.held.clear();
    this.chaos = { ...NO_CHAOS };
  }

  /** Holds one event per stream; the next one overtakes it, so receivers see out-of-order arrival. */
  private reorderThenQueue(stream: string, queued: QueuedEvent): void {
    const held = this.held.get(stream);
    if (held) {
      this.held.delete(stream);
      this.enqueue(stream, queued);
      this.enqueue(stream, held);
      return;
    }
    this.held.set(stream, queued);
    setTimeout(
      () => {
        if (this.held.get(stream) !== queued) return;
        this.held.delete(stream);
        this.enqueue(stream, queued);
      },
      Math.max(50, this.chaos.delay_ms_max),
    );
  }

  private enqueue(stream: string, queued: QueuedEvent): void {
    const previous = this.streams.get(stream) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(queued)).catch(() => undefined);
    this.streams.set(stream, next);
    void next.then(() => {
      if (this.streams.get(stream) === next) this.streams.delete(stream);
    });
  }

  private async deliver({ delivery, target }: QueuedEvent): Promise<void> {
    if (this.chaos.delay_ms_max > 0) await sleepReal(this.rng.int(0, this.chaos.delay_ms_max));
    const urls = [delivery.url, ...(delivery.failover_url ? [delivery.failover_url] : [])];
    const timeoutMs = Math.max(1, target.timeoutSecs ?? 2) * 1000;
    let attemptNumber = 0;
    for (const url of urls) {
      for (let i = 0; i < MAX_ATTEMPTS_PER_URL; i++) {
        attemptNumber++;
        if (i > 0) await this.scheduler.sleep(500 * 2 ** (i - 1));
        const ok = await this.attempt(delivery, target, url, attemptNumber, timeoutMs);
        if (ok) {
          delivery.status = "delivered";
          this.emit("delivered", delivery);
          if (!delivery.duplicate && this.chaos.duplicate_rate > 0 && this.rng.next() < this.chaos.duplicate_rate) {
            const copy = this.record(
              delivery.event_id,
              delivery.event_type,
              delivery.stream,
              delivery.occurred_at,
              target,
              delivery.payload,
              true,
            );
            await this.deliver({ delivery: copy, target });
          }
          return;
        }
      }
    }
    delivery.status = "failed";
    this.emit("failed", delivery);
  }

  private async attempt(
    delivery: WebhookDelivery,
    target: WebhookTarget,
    url: string,
    attempt: number,
    timeoutMs: number,
  ): Promise<boolean> {
    const body = JSON.stringify({
      data: {
        event_type: delivery.event_type,
        id: delivery.event_id,
        occurred_at: delivery.occurred_at,
        payload: delivery.payload,
        record_type: "event",
      },
      meta: { attempt, delivered_to: url },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const record: WebhookAttempt = {
      url,
      attempt,
      status_code: null,
      error: null,
      duration_ms: 0,
      at: new Date().toISOString(),
    };
    delivery.attempts.push(record);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "telnyx-webhooks",
          "telnyx-signature-ed25519": (target.signer ?? this.signer).sign(body, timestamp),
          "telnyx-timestamp": String(timestamp),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      record.status_code = response.status;
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300;
    } catch (error) {
      record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return false;
    } finally {
      record.duration_ms = Date.now() - started;
    }
  }

  private record(
    eventId: string,
    eventType: string,
    stream: string,
    occurredAt: string,
    target: WebhookTarget,
    payload: Record<string, unknown>,
    duplicate: boolean,
  ): WebhookDelivery {
    const delivery: WebhookDelivery = {
      delivery_id: this.nextId++,
      event_id: eventId,
      event_type: eventType,
      stream,
      occurred_at: occurredAt,
      url: target.url ?? "",
      failover_url: target.failoverUrl ?? null,
      duplicate,
      status: "pending",
      attempts: [],
      payload,
    };
    this.log.push(delivery);
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    return delivery;
  }
}

function sleepReal(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
