import { describe, expect, it } from "vitest";
import { makeCall, minutes } from "../../live/test-fixtures";
import { addDecimalStrings } from "../../live/decimal";
import { applyDeltaToOverview, isDeltaForOverview } from "../../live/stats-delta";
import {
  applyDeltaToSnapshot,
  applyLiveUpdate,
  getCallTimerStart,
  getLongestWaitSecs,
  getSlaLevel,
  mergeAgentIntoSnapshot,
  mergeCallIntoSnapshot,
  type SnapshotShape,
} from "./wallboard-merge";

const empty: SnapshotShape = {
  asOf: minutes(0),
  activeCalls: [],
  agents: [],
  today: { calls: 3, answered: 2, sms: 1, cost: "0.0100" },
};

describe("wallboard snapshot merges", () => {
  it("moves the board's Updated time to each live event, even one that changes no figure", () => {
    const ringing = makeCall({ id: "c1", status: "RINGING", updatedAt: minutes(1) });
    const withCall = applyLiveUpdate(empty, (snapshot) => mergeCallIntoSnapshot(snapshot, ringing), minutes(1));
    expect(withCall.asOf).toEqual(minutes(1));
    expect(withCall.activeCalls).toHaveLength(1);
    const again = applyLiveUpdate(withCall, (snapshot) => mergeCallIntoSnapshot(snapshot, ringing), minutes(2));
    expect(again.asOf).toEqual(minutes(2));
  });

  it("adds a ringing call, updates it when answered, drops it when it ends, and ignores a late older version", () => {
    const ringing = makeCall({ id: "c1", status: "RINGING", updatedAt: minutes(1) });
    const answered = makeCall({ id: "c1", status: "ANSWERED", answeredAt: minutes(2), updatedAt: minutes(2) });
    const ended = makeCall({ id: "c1", status: "ENDED", updatedAt: minutes(3) });
    let snapshot = mergeCallIntoSnapshot(empty, ringing);
    expect(snapshot.activeCalls.map((c) => c.status)).toEqual(["RINGING"]);
    snapshot = mergeCallIntoSnapshot(snapshot, answered);
    expect(snapshot.activeCalls.map((c) => c.status)).toEqual(["ANSWERED"]);
    expect(mergeCallIntoSnapshot(snapshot, ringing)).toBe(snapshot);
    snapshot = mergeCallIntoSnapshot(snapshot, ended);
    expect(snapshot.activeCalls).toEqual([]);
  });

  it("keeps the oldest call first", () => {
    const late = makeCall({ id: "late", status: "RINGING", startedAt: minutes(5) });
    const early = makeCall({ id: "early", status: "ANSWERED", startedAt: minutes(1) });
    const snapshot = mergeCallIntoSnapshot(mergeCallIntoSnapshot(empty, late), early);
    expect(snapshot.activeCalls.map((c) => c.id)).toEqual(["early", "late"]);
  });

  it("replaces an agent's state unless the update is older than the shown one", () => {
    const away = { userId: "u1", name: "Léa", status: "AWAY" as const, since: minutes(2), currentCallId: null };
    const onCall = { ...away, status: "ON_CALL" as const, since: minutes(4), currentCallId: "c1" };
    let snapshot = mergeAgentIntoSnapshot(empty, away);
    snapshot = mergeAgentIntoSnapshot(snapshot, onCall);
    expect(snapshot.agents).toEqual([onCall]);
    expect(mergeAgentIntoSnapshot(snapshot, away)).toBe(snapshot);
  });

  it("adds stats:delta increments to today's counters with exact decimal cost", () => {
    const next = applyDeltaToSnapshot(empty, {
      organizationId: "o",
      userId: "u1",
      callsToday: 1,
      answeredToday: 1,
      cost: "0.0035",
    });
    expect(next.today).toEqual({ calls: 4, answered: 3, sms: 1, cost: "0.0135" });
  });
});

describe("overview deltas", () => {
  const overview = {
    callsToday: 2,
    smsSentToday: 5,
    minutesToday: 3,
    minutesThisMonth: 40,
    costThisMonth: { calls: "1.20", sms: "0.0380", numbers: "2.00", total: "3.2380" },
  };

  it("puts a call's cost under calls, an SMS's under SMS, and always in the total", () => {
    const afterCall = applyDeltaToOverview(overview, {
      organizationId: "o",
      userId: "u",
      callsToday: 1,
      secondsToday: 90,
      cost: "0.0105",
    });
    expect(afterCall.callsToday).toBe(3);
    expect(afterCall.minutesToday).toBe(4.5);
    expect(afterCall.costThisMonth).toEqual({ calls: "1.2105", sms: "0.0380", numbers: "2.00", total: "3.2485" });
    const afterSms = applyDeltaToOverview(afterCall, {
      organizationId: "o",
      userId: "u",
      smsSentToday: 1,
      cost: "0.0380",
    });
    expect(afterSms.smsSentToday).toBe(6);
    expect(afterSms.costThisMonth.sms).toBe("0.0760");
    expect(afterSms.costThisMonth.total).toBe("3.2865");
  });

  it("counts an agent's own changes only in their view, everything in the organization view", () => {
    const delta = { organizationId: "o", userId: "other", callsToday: 1 };
    expect(isDeltaForOverview(delta, undefined, { userId: "me", role: "AGENT" })).toBe(false);
    expect(isDeltaForOverview({ ...delta, userId: "me" }, undefined, { userId: "me", role: "AGENT" })).toBe(true);
    expect(isDeltaForOverview(delta, undefined, { userId: "sup", role: "SUPERVISOR" })).toBe(true);
    expect(isDeltaForOverview(delta, { userId: "me" }, { userId: "sup", role: "SUPERVISOR" })).toBe(false);
  });

  it("adds decimal strings exactly, whatever their scales and signs", () => {
    expect(addDecimalStrings("0.1", "0.2")).toBe("0.3");
    expect(addDecimalStrings("1", "0.0035")).toBe("1.0035");
    expect(addDecimalStrings("0.0035", "-0.0100")).toBe("-0.0065");
    expect(addDecimalStrings("999.99", "0.01")).toBe("1000.00");
  });
});

describe("wallboard timers", () => {
  it("measures the longest wait among ringing inbound calls only", () => {
    const now = minutes(3);
    const calls = [
      makeCall({ id: "a", direction: "INBOUND", status: "RINGING", startedAt: minutes(2) }),
      makeCall({ id: "b", direction: "INBOUND", status: "INITIATED", startedAt: minutes(1) }),
      makeCall({ id: "c", direction: "OUTBOUND", status: "RINGING", startedAt: minutes(0) }),
      makeCall({ id: "d", direction: "INBOUND", status: "ANSWERED", startedAt: minutes(0) }),
    ];
    expect(getLongestWaitSecs(calls, now)).toBe(120);
    expect(getLongestWaitSecs([], now)).toBeNull();
  });

  it("times a talking call from its answer and a ringing one from its start", () => {
    expect(getCallTimerStart(makeCall({ id: "a", status: "RINGING", startedAt: minutes(1) }))).toEqual(minutes(1));
    expect(
      getCallTimerStart(makeCall({ id: "a", status: "BRIDGED", startedAt: minutes(1), answeredAt: minutes(2) })),
    ).toEqual(minutes(2));
  });

  it("bands the SLA rate", () => {
    expect(getSlaLevel(0.95)).toBe("good");
    expect(getSlaLevel(0.8)).toBe("warning");
    expect(getSlaLevel(0.5)).toBe("breached");
    expect(getSlaLevel(null)).toBe("none");
  });
});

describe("overview reconciliation", () => {
  it("asks for the server's figures only when increments cannot say it: a finished call or a cost of unknown kind", async () => {
    const { needsOverviewReconcile } = await import("../../live/stats-delta");
    expect(needsOverviewReconcile({ organizationId: "o", userId: "u", callsToday: 1 })).toBe(false);
    expect(needsOverviewReconcile({ organizationId: "o", userId: "u", smsSentToday: 1, cost: "0.0380" })).toBe(false);
    expect(needsOverviewReconcile({ organizationId: "o", userId: "u", finishedToday: 1, answeredToday: 1 })).toBe(true);
    expect(needsOverviewReconcile({ organizationId: "o", userId: "u", cost: "0.0105" })).toBe(true);
  });
});
