import { describe, expect, it } from "vitest";
import type { CallSignal, CallSignalBody } from "./call-signal";
import { describeSignal } from "./describe-signal";

const base = { eventId: "e1", at: "2026-01-01T00:00:00.000Z" };
const signal = (body: CallSignalBody, eventType: string, leg: CallSignal["leg"] = "customer"): CallSignal => ({
  ...body,
  ...base,
  eventType,
  leg,
});

describe("describeSignal", () => {
  it("gives a hangup its cause, side and SIP code as values, not as an English phrase", () => {
    const hangup = signal(
      { type: "hangup", endAt: base.at, cause: "normal_clearing", source: "callee", sipCause: "200", mos: 4.5 },
      "call.hangup",
    );
    expect(describeSignal(hangup)).toEqual({
      code: "hungUpSip",
      leg: "customer",
      params: { cause: "normal_clearing", source: "callee", sip: "200" },
    });
  });

  it("codes the agent's commands from their event type", () => {
    const note = (text: string, eventType: string) =>
      describeSignal(signal({ type: "note", text }, eventType, "agent"));
    expect(note("Hung up by the agent", "command.hangup")).toMatchObject({ code: "agentHungUp", leg: "agent" });
    expect(note("Transferring to Emma Wilson", "command.transfer")).toMatchObject({
      code: "transferring",
      params: { name: "Emma Wilson" },
    });
    expect(note("Supervisor switched to whisper", "command.supervise")).toMatchObject({
      code: "supervisorSwitched",
      params: { role: "whisper" },
    });
    expect(note("Key pressed: 5", "call.dtmf.received")).toMatchObject({ code: "keyPressed", params: { digit: "5" } });
    expect(note("Digits gathered: none", "call.gather.ended")).toMatchObject({ code: "noDigitsGathered" });
    expect(note("call.playback.started", "call.playback.started")).toMatchObject({
      code: "event",
      params: { type: "call.playback.started" },
    });
  });

  it("names the key a caller pressed in an IVR menu (and a menu left unanswered)", () => {
    const gathered = (text: string) => ({
      ...signal({ type: "note", text }, "call.gather.ended"),
      routing: "ivr" as const,
    });
    expect(describeSignal(gathered("Digits gathered: 2"))).toEqual({
      code: "ivrKeyPressed",
      leg: "customer",
      params: { digit: "2" },
    });
    expect(describeSignal(gathered("Digits gathered: none"))).toMatchObject({ code: "ivrNoKey", params: {} });
  });

  it("keeps money as the decimal string it arrived as", () => {
    const cost = signal(
      { type: "cost", callControlId: "c", totalCost: "0.0040", currency: "USD", billedSecs: 6 },
      "call.cost",
    );
    expect(describeSignal(cost).params).toEqual({ cost: "0.0040", currency: "USD", billedSecs: 6 });
  });
});
