/**
 * Coalesced delivery (issue 17) with real socket.io clients: over a burst of mixed signed webhooks
 * (inbound SMS, incoming calls of agent 2's lead and of unknown callers), a client that opted in to
 * batches receives exactly the events, in exactly the order, of a per-event client of the same
 * credential, in fewer frames; an agent's batched client only what the agent may read; another
 * organization's batched client nothing.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveEvent, type LiveEvents, type SandboxTestServer, setupTestApi } from "./harness";
import { callEvent, inboundSms } from "./support/signed-events";

const OUR_NUMBER = "+13125550100";

let env: SandboxTestServer;
let viewers: Record<string, LiveEvents>;
/** Raw packets per viewer (a batch counts once). */
const packets = new Map<string, number>();

beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: true });
  const agent1 = await env.tokenFor(env.demo.users.agent1, "AGENT");
  const other = await env.tokenFor(env.other.users.admin, "ADMIN", env.other.organization.id);
  viewers = {
    admin: await env.recordLiveEvents(),
    "admin batched": await env.recordLiveEvents(undefined, { batched: true }),
    agent1: await env.recordLiveEvents(agent1),
    "agent1 batched": await env.recordLiveEvents(agent1, { batched: true }),
    "other org batched": await env.recordLiveEvents(other, { batched: true }),
  };
  for (const [name, viewer] of Object.entries(viewers)) {
    packets.set(name, 0);
    viewer.socket.onAny(() => packets.set(name, (packets.get(name) ?? 0) + 1));
  }
});
afterAll(async () => {
  await env?.close();
});

/** An inbound SMS every demo viewer receives: events before it have reached them all. */
async function marker(text: string): Promise<void> {
  const body = inboundSms({ messageId: randomUUID(), from: "+14155550100", to: OUR_NUMBER, text });
  expect((await env.postSignedWebhook(JSON.parse(body))).status).toBe(200);
  const demo = Object.entries(viewers).filter(([name]) => !name.startsWith("other"));
  await Promise.all(
    demo.map(([, viewer]) => viewer.next((e) => e.event === "message:created" && e.payload.text === text)),
  );
}

/** A viewer's events strictly between two markers. */
function between(events: LiveEvent[], start: string, end: string): LiveEvent[] {
  const at = (text: string) => events.findIndex((e) => e.event === "message:created" && e.payload.text === text);
  return events.slice(at(start) + 1, at(end));
}

describe("coalesced delivery", () => {
  it("gives a batched client the events of a per-event client, in the same order, in fewer frames", async () => {
    const start = `start ${randomUUID()}`;
    const end = `end ${randomUUID()}`;
    await marker(start);
    const packetsBefore = new Map(packets);
    // Agent 2's lead rings agent 2 (the call is theirs); unknown callers' calls are every agent's.
    const agent2Lead = env.demo.leads.find((lead) => lead.ownerId === env.demo.users.agent2.id)!;
    await env.db.prisma.user.update({ where: { id: env.demo.users.agent2.id }, data: { agentStatus: "AVAILABLE" } });
    // Chains posted concurrently: a call's lifecycle in order, each SMS alone.
    const chains: { kind: "messages" | "calls"; bodies: string[] }[] = [];
    for (let i = 0; i < 6; i++) {
      const callControlId = `v3:burst-${randomUUID()}`;
      const from = i % 2 === 0 ? agent2Lead.phoneNumber : `+1415555${String(2000 + i)}`;
      chains.push({
        kind: "calls",
        bodies: (["call.initiated", "call.answered", "call.hangup"] as const).map((eventType) =>
          callEvent({ eventType, callControlId, from, to: OUR_NUMBER }),
        ),
      });
      for (let j = 0; j < 3; j++) {
        const text = `burst ${i}.${j}`;
        chains.push({
          kind: "messages",
          bodies: [inboundSms({ messageId: randomUUID(), from, to: OUR_NUMBER, text })],
        });
      }
    }
    await Promise.all(
      chains.map(async ({ kind, bodies }) => {
        for (const body of bodies) expect((await env.postSignedWebhook(JSON.parse(body), kind)).status).toBe(200);
      }),
    );
    await env.server.webhooks.drain();
    await marker(end);

    const seen = Object.fromEntries(
      Object.entries(viewers).map(([name, viewer]) => [name, between(viewer.events, start, end)]),
    );
    expect(seen.admin!.filter((e) => e.event === "message:created")).toHaveLength(18);
    expect(seen.admin!.filter((e) => e.event === "call:created")).toHaveLength(6);
    expect(seen["admin batched"]).toEqual(seen.admin);
    expect(seen["agent1 batched"]).toEqual(seen.agent1);
    // Agent 1 never receives agent 2's calls (the lead's owner), but does receive the unassigned ones.
    const agent1Calls = seen["agent1 batched"]!.filter((e) => e.event.startsWith("call:"));
    expect(agent1Calls.length).toBeGreaterThan(0);
    for (const call of agent1Calls) expect(call.payload.userId).not.toBe(env.demo.users.agent2.id);
    expect(seen.admin!.some((e) => e.event.startsWith("call:") && e.payload.userId === env.demo.users.agent2.id)).toBe(
      true,
    );
    // Another organization's client received nothing of it.
    expect(viewers["other org batched"]!.events.filter((e) => /^(call|message|stats):/.test(e.event))).toEqual([]);
    // Fewer frames: the batched admin's packets over the burst versus its per-event twin's.
    const framesOf = (name: string) => (packets.get(name) ?? 0) - (packetsBefore.get(name) ?? 0);
    expect(framesOf("admin batched")).toBeLessThan(framesOf("admin"));
  });
});
