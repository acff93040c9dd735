import { ApiError, badState, callEnded, notFound } from "../http/errors.js";
import type { World } from "../world.js";
import type { Leg } from "./call-types.js";

export type DequeueReason = "bridged" | "bridging-in-process" | "hangup" | "leave" | "timeout";

export interface QueuedCall {
  ccid: string;
  enqueuedAt: string;
  /** On the leg's own clock, so waits are simulated time (a 60 s wait reads 60 s even at timeScale 0.01). */
  enqueuedAtMs: number;
  keepAfterHangup: boolean;
  cancelTimeout: () => void;
}

export interface CallQueue {
  id: string;
  name: string;
  accountId: string;
  maxSize: number;
  createdAt: string;
  updatedAt: string;
  calls: QueuedCall[];
}

export interface EnqueueOptions {
  maxSize?: number | undefined;
  maxWaitTimeSecs?: number | undefined;
  keepAfterHangup?: boolean | undefined;
}

/** Telnyx's documented default for `max_size` (enqueue command reference). */
const DEFAULT_MAX_SIZE = 100;

/**
 * Call queues (enqueue, leave_queue, bridge with `queue`), one namespace per Telnyx account: a queue name used by
 * two accounts is two queues. Calls wait first in, first out.
 */
export class QueueEngine {
  private readonly queues = new Map<string, CallQueue>();
  private readonly queueOfCall = new Map<string, CallQueue>();

  constructor(private readonly world: World) {}

  reset(): void {
    for (const queue of this.queues.values()) for (const call of queue.calls) call.cancelTimeout();
    this.queues.clear();
    this.queueOfCall.clear();
  }

  list(accountId: string): CallQueue[] {
    return [...this.queues.values()].filter((q) => q.accountId === accountId);
  }

  find(accountId: string, name: string): CallQueue | undefined {
    return this.queues.get(keyOf(accountId, name));
  }

  /** The queue or Telnyx's 404; another account's queue of the same name is not found either. */
  require(accountId: string, name: string): CallQueue {
    const queue = this.find(accountId, name);
    if (!queue) throw notFound("queue", name);
    return queue;
  }

  create(accountId: string, name: string, maxSize = DEFAULT_MAX_SIZE): CallQueue {
    const now = new Date().toISOString();
    const queue: CallQueue = {
      id: this.world.rng.uuid(),
      name,
      accountId,
      maxSize,
      createdAt: now,
      updatedAt: now,
      calls: [],
    };
    this.queues.set(keyOf(accountId, name), queue);
    return queue;
  }

  delete(queue: CallQueue): void {
    if (queue.calls.length > 0)
      throw new ApiError(422, "10015", "Queue is not empty", `Queue '${queue.name}' still has calls waiting.`);
    this.queues.delete(keyOf(queue.accountId, queue.name));
  }

  enqueue(leg: Leg, name: string, options: EnqueueOptions): void {
    if (leg.state !== "answered")
      throw badState(`Call '${leg.ccid}' must be answered before it can be enqueued (state '${leg.state}').`);
    const current = this.queueOfCall.get(leg.ccid);
    if (current) throw badState(`Call '${leg.ccid}' is already waiting in queue '${current.name}'.`);
    const accountId = this.world.ownerOf(leg.connectionId).id;
    // max_size only applies when the queue is created: Telnyx does not let enqueue change an existing queue.
    const queue = this.find(accountId, name) ?? this.create(accountId, name, options.maxSize);
    if (queue.calls.length >= queue.maxSize) {
      // Telnyx documents that a full queue refuses the call but not the code; this is the sandbox's generic one.
      throw new ApiError(
        422,
        "10015",
        "Queue is full",
        `Queue '${name}' already holds its maximum of ${queue.maxSize} calls.`,
        "/queue_name",
      );
    }
    // Telnyx: enqueuing a call that is bridged unbridges it first (the other leg stays up).
    const partner = leg.bridgedWith ? this.world.calls.legs.get(leg.bridgedWith) : undefined;
    if (partner) partner.bridgedWith = null;
    leg.bridgedWith = null;
    this.world.verto.onUnbridged(leg);
    const waitMs = (options.maxWaitTimeSecs ?? 0) * 1000;
    // Like every guard timer, max_wait_time_secs never fires at timeScale 0.
    const hasTimeout = waitMs > 0 && this.world.scheduler.timeScale > 0;
    const call: QueuedCall = {
      ccid: leg.ccid,
      enqueuedAt: leg.clock.iso(),
      enqueuedAtMs: leg.clock.nowMs(),
      keepAfterHangup: options.keepAfterHangup ?? false,
      cancelTimeout: hasTimeout
        ? leg.clock.after(this.world.scheduler, waitMs, () => this.dequeue(queue, leg, "timeout"))
        : () => undefined,
    };
    queue.calls.push(call);
    queue.updatedAt = new Date().toISOString();
    this.queueOfCall.set(leg.ccid, queue);
    this.emit(leg, "call.enqueued", {
      current_position: queue.calls.length,
      queue: queue.name,
      queue_avg_wait_time_secs: this.averageWaitSecs(queue),
    });
  }

  leave(leg: Leg): void {
    const queue = this.queueOfCall.get(leg.ccid);
    if (!queue) throw badState(`Call '${leg.ccid}' is not waiting in a queue.`);
    this.dequeue(queue, leg, "leave");
  }

  /**
   * `bridge` with `queue`: the call at the head leaves the queue ("bridged") and is bridged with `leg`. Telnyx removes
   * the head even when the bridge then fails, e.g. a call kept in the queue after it hung up.
   */
  bridgeWithHead(leg: Leg, name: string): void {
    if (leg.state !== "answered") throw badState(`Call '${leg.ccid}' must be answered before it can be bridged.`);
    const queue = this.find(this.world.ownerOf(leg.connectionId).id, name);
    const head = queue?.calls[0];
    if (!queue || !head) {
      // Telnyx: "Returns an error when the queue is empty" (code undocumented: the sandbox's generic one).
      throw new ApiError(422, "10015", "Queue is empty", `Queue '${name}' has no call waiting.`, "/queue");
    }
    if (head.ccid === leg.ccid) throw badState("A call cannot be bridged with itself.");
    const waiting = this.world.calls.legs.get(head.ccid);
    if (!waiting || waiting.state === "ended") {
      if (waiting) this.dequeue(queue, waiting, "hangup");
      else this.removeEntry(queue, head);
      const error = callEnded(head.ccid);
      throw new ApiError(
        error.status,
        error.code,
        error.title,
        `${error.detail} It was kept in queue '${name}' after hanging up (from ${waiting?.from ?? "?"} to ${waiting?.to ?? "?"}).`,
      );
    }
    this.dequeue(queue, waiting, "bridged");
    this.world.calls.bridge(leg, waiting);
  }

  /** A queued leg ended: it leaves its queue ("hangup") before call.hangup, unless keep_after_hangup was set. */
  onLegEnded(leg: Leg): void {
    const queue = this.queueOfCall.get(leg.ccid);
    const call = queue?.calls.find((c) => c.ccid === leg.ccid);
    if (!queue || !call || call.keepAfterHangup) return;
    this.dequeue(queue, leg, "hangup");
  }

  /** Removes a call that is no longer alive (a call still up must use leave_queue). */
  removeInactive(queue: CallQueue, ccid: string): void {
    const call = this.requireCall(queue, ccid);
    const leg = this.world.calls.legs.get(ccid);
    if (leg && leg.state !== "ended")
      throw badState(`Call '${ccid}' is still active: remove it with the leave_queue command.`);
    if (leg) this.dequeue(queue, leg, "hangup");
    else this.removeEntry(queue, call);
  }

  setKeepAfterHangup(queue: CallQueue, ccid: string, keep: boolean): void {
    this.requireCall(queue, ccid).keepAfterHangup = keep;
  }

  requireCall(queue: CallQueue, ccid: string): QueuedCall {
    const call = queue.calls.find((c) => c.ccid === ccid);
    if (!call) throw notFound("queue call", ccid);
    return call;
  }

  private dequeue(queue: CallQueue, leg: Leg, reason: DequeueReason): void {
    const call = queue.calls.find((c) => c.ccid === leg.ccid);
    if (!call) return;
    const position = queue.calls.indexOf(call) + 1;
    const waitTimeSecs = this.waitSecs(call);
    this.removeEntry(queue, call);
    this.emit(leg, "call.dequeued", {
      queue: queue.name,
      queue_position: position,
      reason,
      wait_time_secs: waitTimeSecs,
    });
  }

  private removeEntry(queue: CallQueue, call: QueuedCall): void {
    call.cancelTimeout();
    queue.calls.splice(queue.calls.indexOf(call), 1);
    queue.updatedAt = new Date().toISOString();
    this.queueOfCall.delete(call.ccid);
  }

  waitSecs(call: QueuedCall): number {
    const leg = this.world.calls.legs.get(call.ccid);
    const now = leg ? leg.clock.nowMs() : call.enqueuedAtMs;
    return Math.max(0, Math.round((now - call.enqueuedAtMs) / 1000));
  }

  /** Average wait of the calls waiting now, in whole seconds (Telnyx's definition of average_wait_time_secs). */
  averageWaitSecs(queue: CallQueue): number {
    if (queue.calls.length === 0) return 0;
    const total = queue.calls.reduce((sum, call) => sum + this.waitSecs(call), 0);
    return Math.round(total / queue.calls.length);
  }

  /** Queue events carry the call ids and the queue fields only (SDK types CallEnqueued / CallLeftQueue). */
  private emit(leg: Leg, eventType: "call.enqueued" | "call.dequeued", extra: Record<string, unknown>): void {
    this.world.emit(
      leg.ccid,
      eventType,
      {
        call_control_id: leg.ccid,
        call_leg_id: leg.legId,
        call_session_id: leg.sessionId,
        client_state: leg.clientState,
        connection_id: leg.connectionId,
        ...extra,
      },
      leg.target,
      leg.clock.iso(),
    );
  }
}

function keyOf(accountId: string, name: string): string {
  return `${accountId}\u0000${name}`;
}
