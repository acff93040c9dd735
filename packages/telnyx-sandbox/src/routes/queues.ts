import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError, invalidParam, missingParam, requireString } from "../http/errors.js";
import { accountOf } from "../http/guards.js";
import { bodyOf, optionalBoolean, paramOf, positiveInteger, queryOf } from "../http/helpers.js";
import { paginate } from "../http/query.js";
import type { World } from "../world.js";
import type { CallQueue, QueuedCall } from "../world/queues.js";

/** /queues: the account's call queues (created by `enqueue` or here) and the calls waiting in them. */
export function registerQueueRoutes(app: FastifyInstance, world: World): void {
  const engine = world.queues;
  const queueOf = (request: FastifyRequest): CallQueue =>
    engine.require(accountOf(request, world).id, paramOf(request, "queue_name"));

  app.get("/queues", async (request) => {
    const items = engine.list(accountOf(request, world).id).map((q) => queueToWire(world, q));
    return paginate(items, queryOf(request));
  });

  app.post("/queues", async (request) => {
    const body = bodyOf(request);
    const name = requireString(body, "queue_name");
    if (name.length > 255) throw invalidParam("queue_name", "'queue_name' must be at most 255 characters.");
    const accountId = accountOf(request, world).id;
    if (engine.find(accountId, name))
      throw new ApiError(422, "10015", "Queue already exists", `Queue '${name}' already exists.`, "/queue_name");
    return { data: queueToWire(world, engine.create(accountId, name, positiveInteger(body, "max_size"))) };
  });

  app.get("/queues/:queue_name", async (request) => ({ data: queueToWire(world, queueOf(request)) }));

  app.post("/queues/:queue_name", async (request) => {
    const queue = queueOf(request);
    const maxSize = positiveInteger(bodyOf(request), "max_size");
    if (maxSize === undefined) throw missingParam("max_size");
    queue.maxSize = maxSize;
    queue.updatedAt = new Date().toISOString();
    return { data: queueToWire(world, queue) };
  });

  app.delete("/queues/:queue_name", async (request, reply) => {
    engine.delete(queueOf(request));
    return reply.status(204).send();
  });

  app.get("/queues/:queue_name/calls", async (request) => {
    const queue = queueOf(request);
    return paginate(
      queue.calls.map((call) => queueCallToWire(world, queue, call)),
      queryOf(request),
    );
  });

  app.get("/queues/:queue_name/calls/:ccid", async (request) => {
    const queue = queueOf(request);
    return { data: queueCallToWire(world, queue, engine.requireCall(queue, paramOf(request, "ccid"))) };
  });

  app.patch("/queues/:queue_name/calls/:ccid", async (request, reply) => {
    const keep = optionalBoolean(bodyOf(request), "keep_after_hangup");
    engine.setKeepAfterHangup(queueOf(request), paramOf(request, "ccid"), keep ?? false);
    return reply.status(204).send();
  });

  app.delete("/queues/:queue_name/calls/:ccid", async (request, reply) => {
    engine.removeInactive(queueOf(request), paramOf(request, "ccid"));
    return reply.status(204).send();
  });
}

/** Telnyx's `Queue` (SDK resources/queues/queues.d.ts). */
function queueToWire(world: World, queue: CallQueue): Record<string, unknown> {
  return {
    id: queue.id,
    record_type: "queue",
    name: queue.name,
    created_at: queue.createdAt,
    updated_at: queue.updatedAt,
    current_size: queue.calls.length,
    max_size: queue.maxSize,
    average_wait_time_secs: world.queues.averageWaitSecs(queue),
  };
}

/** Telnyx's `QueueCall` (SDK resources/queues/calls.d.ts). */
function queueCallToWire(world: World, queue: CallQueue, call: QueuedCall): Record<string, unknown> {
  const leg = world.calls.legs.get(call.ccid);
  return {
    record_type: "queue_call",
    call_control_id: call.ccid,
    call_leg_id: leg?.legId ?? "",
    call_session_id: leg?.sessionId ?? "",
    connection_id: leg?.connectionId ?? "",
    from: leg?.from ?? "",
    to: leg?.to ?? "",
    enqueued_at: call.enqueuedAt,
    queue_id: queue.id,
    queue_position: queue.calls.indexOf(call) + 1,
    wait_time_secs: world.queues.waitSecs(call),
    is_alive: leg !== undefined && leg.state !== "ended",
  };
}
