import Telnyx from "telnyx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness, type ReceivedEvent } from "./harness.js";

let h: Harness;
let connectionId: string;
const OUR_NUMBER = "+13125550100";
let nextCaller = 0;

beforeAll(async () => {
  h = await startHarness();
  const app = await h.client.callControlApplications.create({
    application_name: "crm-queues",
    webhook_event_url: `${h.hooks.url}/voice`,
  });
  connectionId = app.data!.id!;
  h.sandbox.world.provisionNumber({ phoneNumber: OUR_NUMBER, connectionId });
});
afterAll(async () => {
  expect(h.hooks.verificationErrors).toEqual([]);
  await h.close();
});

const eventOf = (type: string, ccid: string, extra: (e: ReceivedEvent) => boolean = () => true) =>
  h.hooks.waitFor((e) => e.eventType === type && e.payload["call_control_id"] === ccid && extra(e));

/** A customer calls our number and the app answers: the call is ready to be queued. */
async function answeredCaller(): Promise<string> {
  const from = `+1312555${String(2000 + nextCaller++).padStart(4, "0")}`;
  const { data } = await h.control("/inbound-call", { from, to: OUR_NUMBER });
  await h.client.calls.actions.answer(data.call_control_id, {});
  await eventOf("call.answered", data.call_control_id);
  return data.call_control_id;
}

async function answeredAgent(): Promise<string> {
  const res = await h.client.calls.dial({ connection_id: connectionId, from: OUR_NUMBER, to: "+15550001234" });
  const ccid = res.data!.call_control_id;
  await eventOf("call.answered", ccid);
  return ccid;
}

/** Bridge with the head of a queue: the SDK's call_control_id_to_bridge_with is left out, as Telnyx asks. */
type BridgeParams = Parameters<Telnyx["calls"]["actions"]["bridge"]>[1];
const bridgeWithQueue = (ccid: string, queue: string) => h.client.calls.actions.bridge(ccid, { queue } as BridgeParams);

const positions = async (queue: string) =>
  (await h.client.queues.calls.list(queue)).data.map((c) => [c.call_control_id, c.queue_position]);

const apiError = (status: number, code: string) => ({
  status,
  error: { errors: [expect.objectContaining({ code })] },
});

describe("enqueue and bridge with the head of the queue", () => {
  it("queues two callers in order, then bridges the agent with the first; the second moves up", async () => {
    const first = await answeredCaller();
    const second = await answeredCaller();
    await h.client.calls.actions.enqueue(first, { queue_name: "sales", client_state: "c2FsZXM=" });
    await h.client.calls.actions.enqueue(second, { queue_name: "sales" });

    const enqueued = await eventOf("call.enqueued", first);
    expect(enqueued.payload).toEqual({
      call_control_id: first,
      call_leg_id: expect.any(String),
      call_session_id: expect.any(String),
      client_state: "c2FsZXM=",
      connection_id: connectionId,
      current_position: 1,
      queue: "sales",
      queue_avg_wait_time_secs: expect.any(Number),
    });
    expect((await eventOf("call.enqueued", second)).payload).toMatchObject({ queue: "sales", current_position: 2 });

    const queue = (await h.client.queues.retrieve("sales")).data!;
    expect(queue).toMatchObject({ record_type: "queue", name: "sales", current_size: 2, max_size: 100 });
    expect(queue.average_wait_time_secs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(queue.created_at)).not.toBeNaN();
    expect(await positions("sales")).toEqual([
      [first, 1],
      [second, 2],
    ]);
    expect((await h.client.queues.list()).data.map((q) => q.name)).toContain("sales");

    const agent = await answeredAgent();
    await bridgeWithQueue(agent, "sales");
    const dequeued = await eventOf("call.dequeued", first);
    expect(dequeued.payload).toMatchObject({ queue: "sales", queue_position: 1, reason: "bridged" });
    expect(dequeued.payload["wait_time_secs"]).toEqual(expect.any(Number));
    await eventOf("call.bridged", first);
    await eventOf("call.bridged", agent);
    const order = h.hooks.forCall(first).map((e) => e.eventType);
    expect(order.indexOf("call.dequeued")).toBeLessThan(order.indexOf("call.bridged"));

    expect(await positions("sales")).toEqual([[second, 1]]);
    const waiting = (await h.client.queues.calls.retrieve(second, { queue_name: "sales" })).data!;
    expect(waiting).toMatchObject({
      record_type: "queue_call",
      call_control_id: second,
      queue_id: queue.id,
      queue_position: 1,
      connection_id: connectionId,
      to: OUR_NUMBER,
      is_alive: true,
    });
    expect((await h.client.queues.retrieve("sales")).data!.current_size).toBe(1);
    expect(h.hooks.forCall(second).some((e) => e.eventType === "call.dequeued")).toBe(false);

    // Hanging up the agent ends the bridged caller, as any bridge does.
    await h.client.calls.actions.hangup(agent, {});
    await eventOf("call.hangup", first);
  });

  it("refuses a bridge with an empty queue and a call that is not answered", async () => {
    const agent = await answeredAgent();
    const emptyQueue = { status: 422, error: { errors: [expect.objectContaining({ title: "Queue is empty" })] } };
    await expect(bridgeWithQueue(agent, "nobody-waits")).rejects.toMatchObject(emptyQueue);
    // The SDK's required call_control_id_to_bridge_with sent empty counts as absent; sent with `queue`, it is refused.
    await expect(
      h.client.calls.actions.bridge(agent, { call_control_id_to_bridge_with: "", queue: "nobody-waits" }),
    ).rejects.toMatchObject(emptyQueue);
    await expect(
      h.client.calls.actions.bridge(agent, { call_control_id_to_bridge_with: agent, queue: "nobody-waits" }),
    ).rejects.toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ source: { pointer: "/queue" }, title: "Bad Request" })] },
    });
    const { data } = await h.control("/inbound-call", { from: "+13125559990", to: OUR_NUMBER });
    await expect(h.client.calls.actions.enqueue(data.call_control_id, { queue_name: "sales" })).rejects.toMatchObject(
      apiError(422, "90019"),
    );
    expect(h.hooks.forCall(data.call_control_id).some((e) => e.eventType === "call.enqueued")).toBe(false);
  });
});

describe("leaving a queue", () => {
  it("leave_queue dequeues with reason leave; the call stays up and the next caller moves up", async () => {
    const first = await answeredCaller();
    const second = await answeredCaller();
    await h.client.calls.actions.enqueue(first, { queue_name: "support" });
    await h.client.calls.actions.enqueue(second, { queue_name: "support" });
    await h.client.calls.actions.leaveQueue(first, {});
    const dequeued = await eventOf("call.dequeued", first);
    expect(dequeued.payload).toMatchObject({ queue: "support", queue_position: 1, reason: "leave" });
    expect((await h.client.calls.retrieveStatus(first)).data!.is_alive).toBe(true);
    expect(await positions("support")).toEqual([[second, 1]]);
    await expect(h.client.calls.actions.leaveQueue(first, {})).rejects.toMatchObject(apiError(422, "90019"));
  });

  it("a caller who hangs up while waiting is dequeued (hangup) before call.hangup", async () => {
    const caller = await answeredCaller();
    await h.client.calls.actions.enqueue(caller, { queue_name: "hangups" });
    await eventOf("call.enqueued", caller);
    await h.control(`/calls/${caller}/hangup`, {});
    const dequeued = await eventOf("call.dequeued", caller);
    expect(dequeued.payload).toMatchObject({ queue: "hangups", queue_position: 1, reason: "hangup" });
    await eventOf("call.hangup", caller);
    const order = h.hooks.forCall(caller).map((e) => e.eventType);
    expect(order.indexOf("call.dequeued")).toBeLessThan(order.indexOf("call.hangup"));
    expect((await h.client.queues.retrieve("hangups")).data!.current_size).toBe(0);
  });

  it("max_wait_time_secs elapsed dequeues with reason timeout and leaves the call up", async () => {
    const caller = await answeredCaller();
    await h.control("/time-scale", { scale: 0.01 });
    try {
      await h.client.calls.actions.enqueue(caller, { queue_name: "slow", max_wait_time_secs: 5 });
      const dequeued = await eventOf("call.dequeued", caller);
      expect(dequeued.payload).toMatchObject({ queue: "slow", reason: "timeout", wait_time_secs: 5 });
    } finally {
      await h.control("/time-scale", { scale: 0 });
    }
    expect((await h.client.calls.retrieveStatus(caller)).data!.is_alive).toBe(true);
    expect(await positions("slow")).toEqual([]);
  });

  it("keep_after_hangup keeps gone callers listed until removed by hand or by the bridge that finds them", async () => {
    const kept = await answeredCaller();
    const patched = await answeredCaller();
    await h.client.calls.actions.enqueue(kept, { queue_name: "kept", keep_after_hangup: true });
    await h.client.calls.actions.enqueue(patched, { queue_name: "kept" });
    await h.client.queues.calls.update(patched, { queue_name: "kept", keep_after_hangup: true });
    // A caller still on the line leaves with leave_queue, not by removal.
    await expect(h.client.queues.calls.remove(kept, { queue_name: "kept" })).rejects.toMatchObject(
      apiError(422, "90019"),
    );
    for (const ccid of [kept, patched]) {
      await h.control(`/calls/${ccid}/hangup`, {});
      await eventOf("call.hangup", ccid);
    }
    expect((await h.client.queues.calls.list("kept")).data).toMatchObject([
      { call_control_id: kept, queue_position: 1, is_alive: false },
      { call_control_id: patched, queue_position: 2, is_alive: false },
    ]);
    expect(h.hooks.events.some((e) => e.eventType === "call.dequeued" && e.payload["queue"] === "kept")).toBe(false);

    await h.client.queues.calls.remove(kept, { queue_name: "kept" });
    expect(await positions("kept")).toEqual([[patched, 1]]);
    // Telnyx removes the head even when the bridge fails: here because that caller is gone.
    const agent = await answeredAgent();
    await expect(bridgeWithQueue(agent, "kept")).rejects.toMatchObject(apiError(422, "90018"));
    expect(await positions("kept")).toEqual([]);
    expect((await h.client.calls.retrieveStatus(agent)).data!.is_alive).toBe(true);
  });
});

describe("queue limits and lookups", () => {
  it("a full queue refuses the call with a 422; max_size is fixed when the queue is created", async () => {
    const first = await answeredCaller();
    const second = await answeredCaller();
    await h.client.calls.actions.enqueue(first, { queue_name: "tiny", max_size: 1 });
    const refused = await h.client.calls.actions
      .enqueue(second, { queue_name: "tiny", max_size: 5 })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({
      status: 422,
      error: { errors: [expect.objectContaining({ code: "10015", title: "Queue is full" })] },
    });
    expect((await h.client.queues.retrieve("tiny")).data).toMatchObject({ current_size: 1, max_size: 1 });
    expect(h.hooks.forCall(second).some((e) => e.eventType === "call.enqueued")).toBe(false);
  });

  it("an unknown queue is a 404, and another account does not see this account's queues", async () => {
    await expect(h.client.queues.retrieve("no-such-queue")).rejects.toMatchObject(apiError(404, "10005"));
    await expect(h.client.queues.calls.list("no-such-queue")).rejects.toMatchObject(apiError(404, "10005"));
    const caller = await answeredCaller();
    await h.client.calls.actions.enqueue(caller, { queue_name: "private" });
    await expect(h.client.queues.calls.retrieve("v3:not-queued", { queue_name: "private" })).rejects.toMatchObject(
      apiError(404, "10005"),
    );
    const other = (await h.control("/accounts", {})).data as { api_key: string };
    const otherClient = new Telnyx({
      apiKey: other.api_key,
      baseURL: h.sandbox.baseUrl,
      maxRetries: 0,
    });
    await expect(otherClient.queues.retrieve("private")).rejects.toMatchObject(apiError(404, "10005"));
    expect((await otherClient.queues.list()).data).toEqual([]);
    expect((await h.client.queues.retrieve("private")).data!.current_size).toBe(1);
  });

  it("queues can be created, resized and deleted; reset forgets them", async () => {
    const created = (await h.client.queues.create({ queue_name: "made-by-hand", max_size: 3 })).data!;
    expect(created).toMatchObject({ record_type: "queue", name: "made-by-hand", current_size: 0, max_size: 3 });
    await expect(h.client.queues.create({ queue_name: "made-by-hand" })).rejects.toMatchObject(apiError(422, "10015"));
    expect((await h.client.queues.update("made-by-hand", { max_size: 7 })).data!.max_size).toBe(7);
    await h.client.queues.delete("made-by-hand");
    await expect(h.client.queues.retrieve("made-by-hand")).rejects.toMatchObject(apiError(404, "10005"));

    await h.client.queues.create({ queue_name: "before-reset" });
    await h.control("/reset", {});
    await expect(h.client.queues.retrieve("before-reset")).rejects.toMatchObject(apiError(404, "10005"));
  });
});
