/**
 * The organization's voicemail greeting (issue 15): supervisors edit it (1–500 characters), agents read it only, and
 * a caller who reaches voicemail hears the saved text (the speak payload the sandbox received).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_VOICEMAIL_GREETING } from "@app/telnyx-core/routing/routing-flows";
import { type SandboxTestServer, setupTestApi } from "./harness";

let env: SandboxTestServer;
const spoken: string[] = [];

beforeAll(async () => {
  env = await setupTestApi({ server: { ringTickMs: 100 }, sandbox: { timeScale: 0.2, seed: 13 }, routing: true });
  const media = env.sandbox.world.calls.media;
  const speak = media.speak.bind(media);
  media.speak = (leg, text, after) => {
    spoken.push(text);
    speak(leg, text, after);
  };
});
afterAll(async () => {
  await env?.close();
});

describe("voicemail greeting", () => {
  it("supervisors save it, agents may only read it, bad lengths are refused", async () => {
    const supervisor = env.asDemoSupervisor();
    const agent = env.as(env.demo.users.agent1, "AGENT");
    expect(await agent.routing.voicemail.get()).toEqual({ text: DEFAULT_VOICEMAIL_GREETING, isDefault: true });
    await expect(agent.routing.voicemail.set({ text: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(supervisor.routing.voicemail.set({ text: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(supervisor.routing.voicemail.set({ text: "x".repeat(501) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const saved = await supervisor.routing.voicemail.set({ text: "  Acme here: leave a message after the beep.  " });
    expect(saved).toEqual({ text: "Acme here: leave a message after the beep.", isDefault: false });
    expect(await agent.routing.voicemail.get()).toEqual(saved);
  });

  it("is what a caller who reaches voicemail hears", async () => {
    const text = "Bonjour, Acme: please leave your message after the tone.";
    await env.asDemoSupervisor().routing.voicemail.set({ text });
    // Nobody available: the caller goes to voicemail at once.
    await env.db.prisma.user.updateMany({
      where: { id: { in: [env.demo.users.agent1.id, env.demo.users.agent2.id] } },
      data: { agentStatus: "AWAY" },
    });
    spoken.length = 0;
    const response = await fetch(`${env.sandbox.origin}/sandbox/inbound-call`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "+14155550770", to: "+13125550100" }),
    });
    expect(response.status).toBeLessThan(300);
    const ccid = ((await response.json()) as { data: { call_control_id: string } }).data.call_control_id;
    const deadline = Date.now() + 20_000;
    while (spoken.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(spoken).toEqual([text]);
    await fetch(`${env.sandbox.origin}/sandbox/calls/${ccid}/hangup`, { method: "POST" });
  });
});
