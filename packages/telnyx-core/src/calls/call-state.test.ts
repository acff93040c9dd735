import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CallLeg, CallSignal, CallSignalBody } from "./call-signal";
import { callStatusOf, deriveCallState, foldCallSignals } from "./call-state";

type Outcome = "talk" | "busy" | "no_answer" | "rejected" | "agent_cancels" | "agent_no_answer";

interface Lifecycle {
  outcome: Outcome;
  talkSecs: number;
  customerHangsUp: boolean;
  record: boolean;
  withCost: boolean;
  transfer: boolean;
}

/** A plausible click-to-call lifecycle, in the order Telnyx would send it. */
function lifecycleSignals(life: Lifecycle): CallSignal[] {
  const signals: CallSignal[] = [];
  let clock = Date.parse("2025-03-01T10:00:00.000Z");
  const push = (leg: CallLeg, body: CallSignalBody, advanceMs = 500) => {
    clock += advanceMs;
    signals.push({
      ...body,
      leg,
      at: new Date(clock).toISOString(),
      eventId: `evt-${signals.length}`,
      eventType: body.type,
    } as CallSignal);
  };
  const hangup = (leg: CallLeg, cause: string, source: string, mos: number | null = null, advanceMs = 500) =>
    push(
      leg,
      { type: "hangup", endAt: new Date(clock + advanceMs).toISOString(), cause, source, sipCause: "200", mos },
      advanceMs,
    );
  const cost = (leg: CallLeg, ccid: string, secs: number) => {
    if (life.withCost)
      push(leg, {
        type: "cost",
        callControlId: ccid,
        totalCost: (secs * 0.000092).toFixed(4),
        currency: "USD",
        billedSecs: secs,
      });
  };

  push("agent", { type: "initiated", direction: "outgoing" });
  if (life.outcome === "agent_no_answer") {
    hangup("agent", "timeout", "caller");
    cost("agent", "agent-ccid", 0);
    return signals;
  }
  push("agent", { type: "answered" });
  push("agent", { type: "conference", conferenceId: "conf-1", ended: false });
  push("agent", { type: "joined", conferenceId: "conf-1" });
  push("customer", { type: "initiated", direction: "outgoing" });
  const unanswered: Partial<Record<Outcome, string>> = {
    busy: "user_busy",
    no_answer: "timeout",
    rejected: "call_rejected",
    agent_cancels: "originator_cancel",
  };
  const cause = unanswered[life.outcome];
  if (cause) {
    if (life.outcome === "agent_cancels") hangup("agent", "normal_clearing", "caller");
    hangup("customer", cause, life.outcome === "agent_cancels" ? "caller" : "callee");
    if (life.outcome !== "agent_cancels") hangup("agent", "normal_clearing", "caller");
    cost("customer", "customer-ccid", 0);
    cost("agent", "agent-ccid", 5);
    return signals;
  }
  push("customer", { type: "answered" }, 1000);
  push("customer", { type: "joined", conferenceId: "conf-1" });
  if (life.transfer) push("other", { type: "transferred", to: "+33100000000" });
  push("customer", { type: "note", text: "Key pressed: 1" }, life.talkSecs * 1000 - 1000);
  if (life.customerHangsUp || life.transfer) {
    hangup("customer", "normal_clearing", "callee", 4.5);
    hangup("agent", "normal_clearing", "caller", 4.4);
  } else {
    hangup("agent", "normal_clearing", "caller", 4.4);
    hangup("customer", "normal_clearing", "caller", 4.5);
  }
  if (life.record)
    push("customer", {
      type: "recording",
      recordingId: "rec-1",
      mp3: "http://x/rec-1.mp3",
      wav: null,
      durationMs: life.talkSecs * 1000,
    });
  cost("customer", "customer-ccid", life.talkSecs);
  cost("agent", "agent-ccid", life.talkSecs + 2);
  return signals;
}

const lifecycleArb: fc.Arbitrary<Lifecycle> = fc.record({
  outcome: fc.constantFrom<Outcome>(
    "talk",
    "talk",
    "busy",
    "no_answer",
    "rejected",
    "agent_cancels",
    "agent_no_answer",
  ),
  talkSecs: fc.integer({ min: 1, max: 3600 }),
  customerHangsUp: fc.boolean(),
  record: fc.boolean(),
  withCost: fc.boolean(),
  transfer: fc.boolean(),
});

/** Delivery as Telnyx may do it: any order, some events more than once. */
function deliver(signals: CallSignal[], picks: number[], duplicates: number[]): CallSignal[] {
  const out = [...signals, ...duplicates.map((d) => signals[d % signals.length]!)];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (picks[i % Math.max(1, picks.length)] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const RATE = { amount: "0.0050", currency: "USD" };

describe("call state merge", () => {
  it("ends 500 random lifecycles, delivered shuffled and duplicated, in the same state as in-order delivery", () => {
    fc.assert(
      fc.property(
        lifecycleArb,
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (life, picks, dups) => {
          const inOrder = lifecycleSignals(life);
          const expected = deriveCallState(foldCallSignals(inOrder), RATE);
          const actual = deriveCallState(foldCallSignals(deliver(inOrder, picks, dups)), RATE);
          expect(actual).toEqual(expected);
          // Every generated lifecycle is complete, so it must end in a terminal status.
          expect(["ENDED", "BUSY", "NO_ANSWER", "CANCELED", "FAILED"]).toContain(expected.status);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("maps each lifecycle to the status a user expects", () => {
    const statusOf = (outcome: Outcome) =>
      callStatusOf(
        foldCallSignals(
          lifecycleSignals({
            outcome,
            talkSecs: 7,
            customerHangsUp: true,
            record: false,
            withCost: false,
            transfer: false,
          }),
        ),
      );
    expect(statusOf("talk")).toBe("ENDED");
    expect(statusOf("busy")).toBe("BUSY");
    expect(statusOf("no_answer")).toBe("NO_ANSWER");
    expect(statusOf("rejected")).toBe("FAILED");
    expect(statusOf("agent_cancels")).toBe("CANCELED");
    expect(statusOf("agent_no_answer")).toBe("NO_ANSWER");
  });

  it("never reopens a call when call.answered arrives after call.hangup, and ignores duplicates", () => {
    const signals = lifecycleSignals({
      outcome: "talk",
      talkSecs: 42,
      customerHangsUp: true,
      record: true,
      withCost: true,
      transfer: false,
    });
    const answered = signals.find((s) => s.type === "answered" && s.leg === "customer")!;
    const rest = signals.filter((s) => s !== answered);
    const late = deriveCallState(foldCallSignals([...rest, answered, answered, ...rest]), RATE);
    expect(late.status).toBe("ENDED");
    expect(late.durationSecs).toBe(deriveCallState(foldCallSignals(signals), RATE).durationSecs);
    expect(late.answeredAt?.toISOString()).toBe(answered.at);
  });

  it("shows the latest hand-off in any order; only a transfer to a number keeps the call alive after the agent leaves", () => {
    const signal = (leg: CallLeg, body: CallSignalBody, second: number): CallSignal =>
      ({
        ...body,
        leg,
        at: `2025-03-01T10:00:${String(second).padStart(2, "0")}.000Z`,
        eventId: `e${second}`,
        eventType: body.type,
      }) as CallSignal;
    const talking = [
      signal("agent", { type: "answered" }, 1),
      signal("customer", { type: "answered" }, 2),
      signal("customer", { type: "bridged" }, 3),
    ];
    const toColleague = signal("agent", { type: "transferred", to: "Emma", toUserId: "u2", fromUserId: "u1" }, 10);
    const toNumber = signal("agent", { type: "transferred", to: "+33100000000", fromUserId: "u2" }, 20);
    const agentLeaves = signal(
      "agent",
      {
        type: "hangup",
        endAt: "2025-03-01T10:00:30.000Z",
        cause: "normal_clearing",
        source: "caller",
        sipCause: null,
        mos: null,
      },
      30,
    );
    // A colleague who took the call over and hangs up ends it.
    expect(deriveCallState(foldCallSignals([...talking, toColleague, agentLeaves]))).toMatchObject({
      status: "ENDED",
      transferredTo: "Emma",
      transferredFromUserId: "u1",
    });
    for (const order of [
      [toColleague, toNumber, agentLeaves],
      [agentLeaves, toNumber, toColleague],
    ]) {
      const state = deriveCallState(foldCallSignals([...talking, ...order]));
      expect(state).toMatchObject({ status: "BRIDGED", transferredTo: "+33100000000", transferredFromUserId: "u2" });
      expect(state.transferredAt?.toISOString()).toBe(toNumber.at);
    }
  });

  it("walks the live statuses in order while events arrive in order", () => {
    const signals = lifecycleSignals({
      outcome: "talk",
      talkSecs: 10,
      customerHangsUp: true,
      record: false,
      withCost: false,
      transfer: false,
    });
    const seen = signals.map((_, i) => callStatusOf(foldCallSignals(signals.slice(0, i + 1))));
    expect([...new Set(seen)]).toEqual(["INITIATED", "RINGING", "ANSWERED", "BRIDGED", "ENDED"]);
  });

  it("takes the cost from Telnyx (sum of the legs) when sent, else prices billed minutes from the rate table", () => {
    const withCost = deriveCallState(
      foldCallSignals(
        lifecycleSignals({
          outcome: "talk",
          talkSecs: 61,
          customerHangsUp: true,
          record: false,
          withCost: true,
          transfer: false,
        }),
      ),
      RATE,
    );
    expect(withCost).toMatchObject({ costSource: "telnyx", billedSecs: 61, cost: "0.011400", durationSecs: 61 });
    const fromRates = deriveCallState(
      foldCallSignals(
        lifecycleSignals({
          outcome: "talk",
          talkSecs: 61,
          customerHangsUp: true,
          record: false,
          withCost: false,
          transfer: false,
        }),
      ),
      RATE,
    );
    expect(fromRates).toMatchObject({
      costSource: "rate_table",
      billedSecs: 120,
      cost: "0.010000",
      costCurrency: "USD",
      mos: "4.50",
    });
  });

  it("keeps a transferred call alive when the agent leaves, and ends it with the customer", () => {
    const signals = lifecycleSignals({
      outcome: "talk",
      talkSecs: 10,
      customerHangsUp: true,
      record: false,
      withCost: false,
      transfer: true,
    });
    const agentHangupIndex = signals.findIndex((s) => s.type === "hangup" && s.leg === "agent");
    const withoutCustomerHangup = signals.filter((s) => !(s.type === "hangup" && s.leg === "customer"));
    expect(agentHangupIndex).toBeGreaterThan(0);
    expect(callStatusOf(foldCallSignals(withoutCustomerHangup))).toBe("BRIDGED");
    expect(callStatusOf(foldCallSignals(signals))).toBe("ENDED");
  });
});

type QueuedOutcome = "agent" | "max_wait" | "voicemail_now" | "missed" | "missed_in_greeting";

/**
 * An inbound call held by routing, as Telnyx sends it: in a queue, then an agent, voicemail, or the caller leaves.
 * `viaMenu`: the caller first answers an IVR menu (call.gather.ended: a key to the queue, or no key twice before
 * voicemail).
 */
function queuedSignals(outcome: QueuedOutcome, waitSecs: number, withCost: boolean, viaMenu = false): CallSignal[] {
  const signals: CallSignal[] = [];
  let clock = Date.parse("2025-03-01T10:00:00.000Z");
  const push = (leg: CallLeg, body: CallSignalBody, routing?: CallSignal["routing"], advanceMs = 500) => {
    clock += advanceMs;
    signals.push({
      ...body,
      leg,
      ...(routing ? { routing } : {}),
      at: new Date(clock).toISOString(),
      eventId: `q-${signals.length}`,
      eventType: body.type === "note" && body.text.startsWith("Digits gathered") ? "call.gather.ended" : body.type,
    } as CallSignal);
  };
  const answer = (routing: "hold" | "voicemail") => {
    if (!viaMenu) return push("customer", { type: "answered" }, routing);
    push("customer", { type: "answered" }, "ivr");
    const keys = outcome === "voicemail_now" ? ["none", "none"] : ["2"];
    for (const key of keys) push("customer", { type: "note", text: `Digits gathered: ${key}` }, "ivr", 4000);
  };
  const hangup = (leg: CallLeg, routing?: "hold" | "voicemail") =>
    push(
      leg,
      {
        type: "hangup",
        endAt: new Date(clock + 500).toISOString(),
        cause: "normal_clearing",
        source: "caller",
        sipCause: "200",
        mos: 4.4,
      },
      routing,
    );
  push("customer", { type: "initiated", direction: "incoming" });
  if (outcome === "voicemail_now") {
    answer("voicemail");
    push("customer", { type: "note", text: "call.speak.ended" }, "voicemail", 6000);
    hangup("customer", "voicemail");
    push(
      "customer",
      { type: "recording", recordingId: "vm", mp3: "http://x/vm.mp3", wav: null, durationMs: 4000 },
      "voicemail",
    );
  } else {
    answer("hold");
    push("customer", { type: "enqueued", queue: "q1" }, "hold");
    push("customer", { type: "note", text: "Key pressed: 5" }, "hold");
    if (outcome === "agent") {
      push("customer", { type: "dequeued", queue: "q1", reason: "leave" }, "hold", waitSecs * 1000);
      push("customer", { type: "conference", conferenceId: "c1", ended: false }, "hold");
      push("customer", { type: "joined", conferenceId: "c1" }, "hold");
      push("agent", { type: "initiated", direction: "outgoing" });
      push("agent", { type: "answered" });
      push("agent", { type: "joined", conferenceId: "c1" });
      hangup("customer", "hold");
      hangup("agent");
    } else if (outcome === "missed") {
      push("customer", { type: "dequeued", queue: "q1", reason: "hangup" }, "hold", waitSecs * 1000);
      hangup("customer", "hold");
    } else {
      push("customer", { type: "dequeued", queue: "q1", reason: "timeout" }, "hold", waitSecs * 1000);
      push("customer", { type: "note", text: "call.speak.started" }, "voicemail");
      if (outcome === "missed_in_greeting") hangup("customer", "voicemail");
      else {
        push("customer", { type: "note", text: "call.speak.ended" }, "voicemail", 6000);
        hangup("customer", "voicemail");
        push(
          "customer",
          { type: "recording", recordingId: "vm", mp3: "http://x/vm.mp3", wav: null, durationMs: 4000 },
          "voicemail",
        );
      }
    }
  }
  if (withCost)
    push("customer", {
      type: "cost",
      callControlId: "customer-ccid",
      totalCost: "0.0100",
      currency: "USD",
      billedSecs: 60,
    });
  return signals;
}

const EXPECTED_QUEUED: Record<QueuedOutcome, { status: string; inboundOutcome: string }> = {
  agent: { status: "ENDED", inboundOutcome: "ANSWERED" },
  max_wait: { status: "NO_ANSWER", inboundOutcome: "VOICEMAIL" },
  voicemail_now: { status: "NO_ANSWER", inboundOutcome: "VOICEMAIL" },
  missed: { status: "NO_ANSWER", inboundOutcome: "MISSED" },
  // The greeting had started: the caller reached voicemail, even without a message.
  missed_in_greeting: { status: "NO_ANSWER", inboundOutcome: "VOICEMAIL" },
};

describe("queued inbound calls (call.enqueued / call.dequeued / call.gather.ended / voicemail recording)", () => {
  it("end in the same state and outcome whatever the order and duplicates of their events (after a menu too)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<QueuedOutcome>("agent", "max_wait", "voicemail_now", "missed", "missed_in_greeting"),
        fc.integer({ min: 1, max: 1800 }),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (outcome, waitSecs, withCost, viaMenu, picks, dups) => {
          const inOrder = queuedSignals(outcome, waitSecs, withCost, viaMenu);
          const expected = deriveCallState(foldCallSignals(inOrder), RATE);
          expect(deriveCallState(foldCallSignals(deliver(inOrder, picks, dups)), RATE)).toEqual(expected);
          expect(expected).toMatchObject(EXPECTED_QUEUED[outcome]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rings (RINGING) while the caller waits in the queue, and counts the talk from the agent's answer", () => {
    const signals = queuedSignals("agent", 30, false);
    const waiting = signals.slice(
      0,
      signals.findIndex((s) => s.type === "dequeued"),
    );
    expect(callStatusOf(foldCallSignals(waiting))).toBe("RINGING");
    const state = deriveCallState(foldCallSignals(signals));
    const agentAnswer = signals.find((s) => s.leg === "agent" && s.type === "answered")!;
    expect(state.answeredAt?.toISOString()).toBe(agentAnswer.at);
  });

  it("is not answered by an agent while the caller is in a menu, nor counted as talk time", () => {
    const signals = queuedSignals("agent", 30, false, true);
    const inMenu = signals.slice(
      0,
      signals.findIndex((s) => s.type === "enqueued"),
    );
    const menuState = deriveCallState(foldCallSignals(inMenu));
    expect(menuState).toMatchObject({ status: "RINGING", answeredAt: null });
    const state = deriveCallState(foldCallSignals(signals));
    const agentAnswer = signals.find((s) => s.leg === "agent" && s.type === "answered")!;
    expect(state).toMatchObject({ status: "ENDED", inboundOutcome: "ANSWERED" });
    expect(state.answeredAt?.toISOString()).toBe(agentAnswer.at);
  });

  it("a call transferred to a queue: its conference is the one created when a member answered, in any order", () => {
    const at = (secs: number) => new Date(Date.parse("2025-03-01T10:00:00.000Z") + secs * 1000).toISOString();
    const signal = (n: number, leg: CallLeg, body: CallSignalBody) =>
      ({ ...body, leg, at: at(n), eventId: `evt-${n}`, eventType: body.type }) as CallSignal;
    const signals = [
      signal(1, "agent", { type: "conference", conferenceId: "conf-1", ended: false }),
      signal(2, "agent", { type: "joined", conferenceId: "conf-1" }),
      signal(3, "customer", { type: "joined", conferenceId: "conf-1" }),
      signal(4, "customer", { type: "left", conferenceId: "conf-1" }),
      signal(5, "agent", { type: "conference", conferenceId: "conf-1", ended: true }),
      signal(9, "customer", { type: "conference", conferenceId: "conf-2", ended: false }),
      signal(10, "customer", { type: "joined", conferenceId: "conf-2" }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(signals, { minLength: signals.length }), (order) => {
        expect(deriveCallState(foldCallSignals(order)).conferenceId).toBe("conf-2");
      }),
      { numRuns: 200 },
    );
    // Before the second conference: still the first.
    expect(deriveCallState(foldCallSignals(signals.slice(0, 5))).conferenceId).toBe("conf-1");
  });
});
