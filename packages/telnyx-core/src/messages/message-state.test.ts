import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MessageStatus } from "@app/db/client";
import {
  INITIAL_MESSAGE_STATE,
  isSameMessageState,
  mergeMessageState,
  messageStatusOf,
  type MessageObservation,
  type MessageState,
} from "./message-state";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const applyAll = (observations: MessageObservation[]): MessageState =>
  observations.reduce(mergeMessageState, INITIAL_MESSAGE_STATE);

type Outcome = "DELIVERED" | "DELIVERY_FAILED" | "SENDING_FAILED" | "DELIVERY_UNCONFIRMED" | "EXPIRED";

/** The observations of one message in the order Telnyx produces them. */
function lifecycle(outcome: Outcome, cents: number, startMs: number): MessageObservation[] {
  const queued: MessageObservation = { status: "QUEUED", occurredAt: at(startMs) };
  const errors =
    outcome === "DELIVERED" ? [] : [{ code: "40008", title: "Undeliverable", detail: "The carrier refused it." }];
  if (outcome === "SENDING_FAILED") {
    return [
      queued,
      { status: "SENDING_FAILED", errors, completedAt: at(startMs + 300), occurredAt: at(startMs + 300) },
    ];
  }
  const sentAt = at(startMs + 300);
  const cost = { amount: `0.${String(cents).padStart(4, "0")}`, currency: "USD" };
  return [
    queued,
    { status: "SENDING", occurredAt: at(startMs + 100) },
    { status: "SENT", sentAt, cost: null, occurredAt: sentAt },
    { status: outcome, sentAt, completedAt: at(startMs + 1300), cost, errors, occurredAt: at(startMs + 1300) },
  ];
}

const outcomes: Outcome[] = ["DELIVERED", "DELIVERY_FAILED", "SENDING_FAILED", "DELIVERY_UNCONFIRMED", "EXPIRED"];

describe("mergeMessageState", () => {
  it("ends as the in-order delivery for 500 random lifecycles with duplicates and any order", () => {
    const scenario = fc
      .record({
        outcome: fc.constantFrom(...outcomes),
        cents: fc.integer({ min: 1, max: 9999 }),
        startMs: fc.integer({ min: 0, max: 1e9 }),
        duplicates: fc.array(fc.nat(), { maxLength: 6 }),
        seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
      })
      .map(({ outcome, cents, startMs, duplicates, seed }) => {
        const inOrder = lifecycle(outcome, cents, startMs);
        const withDuplicates = [...inOrder, ...duplicates.map((index) => inOrder[index % inOrder.length]!)];
        const shuffled = withDuplicates
          .map((observation, index) => ({ observation, key: seed[index % seed.length]! + index * 1e-9 }))
          .sort((a, b) => a.key - b.key)
          .map((entry) => entry.observation);
        return { outcome, cents, inOrder, shuffled };
      });
    fc.assert(
      fc.property(scenario, ({ outcome, cents, inOrder, shuffled }) => {
        const expected = applyAll(inOrder);
        const actual = applyAll(shuffled);
        expect(isSameMessageState(actual, expected)).toBe(true);
        expect(actual.status).toBe(outcome);
        expect(actual.cost).toBe(outcome === "SENDING_FAILED" ? null : `0.${String(cents).padStart(4, "0")}`);
        expect(actual.errorCode).toBe(outcome === "DELIVERED" ? null : "40008");
        expect(actual.sentAt === null).toBe(outcome === "SENDING_FAILED");
      }),
      { numRuns: 500 },
    );
  });

  it("never lets a late message.sent downgrade a delivered message", () => {
    const [, , sent, delivered] = lifecycle("DELIVERED", 75, 0);
    const state = applyAll([delivered!, sent!]);
    expect(state.status).toBe("DELIVERED");
    expect(state.cost).toBe("0.0075");
    expect(state.sentAt).toEqual(at(300));
    expect(state.completedAt).toEqual(at(1300));
  });

  it("changes nothing on a duplicate", () => {
    const events = lifecycle("DELIVERY_FAILED", 75, 0);
    const once = applyAll(events);
    expect(isSameMessageState(mergeMessageState(once, events[3]!), once)).toBe(true);
    expect(once).toMatchObject({
      status: "DELIVERY_FAILED",
      errorCode: "40008",
      errorTitle: "Undeliverable",
      errorDetail: "The carrier refused it.",
    });
  });

  it("maps Telnyx statuses and falls back on the event type", () => {
    const cases: Array<[string | undefined, string, MessageStatus]> = [
      ["queued", "message.sent", "QUEUED"],
      ["sent", "message.sent", "SENT"],
      ["delivery_unconfirmed", "message.finalized", "DELIVERY_UNCONFIRMED"],
      [undefined, "message.sent", "SENT"],
      [undefined, "message.finalized", "DELIVERED"],
      ["webhook_delivered", "message.received", "RECEIVED"],
    ];
    for (const [status, eventType, expected] of cases) expect(messageStatusOf(status, eventType)).toBe(expected);
    expect(messageStatusOf(undefined, "message.finalized", true)).toBe("DELIVERY_FAILED");
  });
});
