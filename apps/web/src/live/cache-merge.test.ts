import { describe, expect, it } from "vitest";
import { mergeActiveCall, mergeCallIntoPages, matchesCallFilter, type Viewer } from "./call-cache";
import type { Page, Pages } from "./cache-merge";
import { makeCall, minutes } from "./test-fixtures";
import type { TCallDto } from "@app/telnyx-core/realtime/events";

const agent: Viewer = { userId: "agent-1", role: "AGENT" };
const supervisor: Viewer = { userId: "sup-1", role: "SUPERVISOR" };

function pages(...list: Page<TCallDto>[]): Pages<Page<TCallDto>> {
  return { pages: list, pageParams: list.map((_, i) => (i === 0 ? null : `c${i}`)) };
}

function ids(data: Pages<Page<TCallDto>>): string[][] {
  return data.pages.map((page) => page.items.map((call) => call.id));
}

describe("mergeCallIntoPages", () => {
  const older = makeCall({ id: "a", createdAt: minutes(1), updatedAt: minutes(1) });
  const newer = makeCall({ id: "b", createdAt: minutes(5), updatedAt: minutes(5) });

  it("puts a new call at the top of the newest-first list", () => {
    const data = pages({ items: [newer, older], nextCursor: null });
    const fresh = makeCall({ id: "c", createdAt: minutes(9), updatedAt: minutes(9) });
    expect(ids(mergeCallIntoPages(data, fresh, undefined, agent))).toEqual([["c", "b", "a"]]);
  });

  it("replaces a call by id with a newer version and ignores a late, older one", () => {
    const data = pages({ items: [newer, older], nextCursor: null });
    const answered = { ...older, status: "ANSWERED" as const, updatedAt: minutes(2) };
    const merged = mergeCallIntoPages(data, answered, undefined, agent);
    expect(merged.pages[0]!.items[1]!.status).toBe("ANSWERED");
    const late = { ...older, status: "RINGING" as const, updatedAt: minutes(1) };
    expect(mergeCallIntoPages(merged, late, undefined, agent)).toBe(merged);
  });

  it("is idempotent: the same event twice leaves one row", () => {
    const data = pages({ items: [older], nextCursor: null });
    const fresh = makeCall({ id: "c", createdAt: minutes(9), updatedAt: minutes(9) });
    const once = mergeCallIntoPages(data, fresh, undefined, agent);
    expect(ids(mergeCallIntoPages(once, fresh, undefined, agent))).toEqual([["c", "a"]]);
  });

  it("leaves a call older than every loaded page to Load more", () => {
    const data = pages({ items: [newer], nextCursor: "c1" });
    const ancient = makeCall({ id: "z", createdAt: minutes(-60), updatedAt: minutes(10) });
    expect(mergeCallIntoPages(data, ancient, undefined, agent)).toBe(data);
  });

  it("keeps another agent's call out of an agent's list but shows it to a supervisor", () => {
    const data = pages({ items: [older], nextCursor: null });
    const theirs = makeCall({ id: "x", userId: "agent-2", createdAt: minutes(3), updatedAt: minutes(3) });
    expect(ids(mergeCallIntoPages(data, theirs, undefined, agent))).toEqual([["a"]]);
    expect(ids(mergeCallIntoPages(data, theirs, undefined, supervisor))).toEqual([["x", "a"]]);
  });

  it("removes a call that no longer matches the status filter", () => {
    const ringing = makeCall({ id: "r", status: "RINGING", updatedAt: minutes(1) });
    const data = pages({ items: [ringing], nextCursor: null });
    const ended = { ...ringing, status: "ENDED" as const, updatedAt: minutes(3) };
    expect(ids(mergeCallIntoPages(data, ended, { status: ["RINGING"] }, agent))).toEqual([[]]);
  });
});

describe("matchesCallFilter", () => {
  it("checks direction, agent and the date range on the start time", () => {
    const call = makeCall({ id: "a", direction: "INBOUND", startedAt: minutes(10) });
    expect(matchesCallFilter(call, { direction: "OUTBOUND" })).toBe(false);
    expect(matchesCallFilter(call, { direction: "INBOUND", userId: "agent-1" })).toBe(true);
    expect(matchesCallFilter(call, { from: minutes(11) })).toBe(false);
    expect(matchesCallFilter(call, { from: minutes(0), to: minutes(20) })).toBe(true);
  });
});

describe("mergeActiveCall", () => {
  it("adds a live call and drops it when it ends, whatever the event order", () => {
    const ringing = makeCall({ id: "a", status: "RINGING", updatedAt: minutes(1) });
    const active = mergeActiveCall([], ringing, agent);
    expect(active.map((c) => c.id)).toEqual(["a"]);
    const ended = { ...ringing, status: "ENDED" as const, updatedAt: minutes(4) };
    const afterEnd = mergeActiveCall(active, ended, agent);
    expect(afterEnd).toEqual([]);
    // A late "answered" (older than the end) must not bring the call back, even once it left the list.
    const ended2 = new Map<string, Date>();
    const lateAnswered = { ...ringing, status: "ANSWERED" as const, updatedAt: minutes(2) };
    const gone = mergeActiveCall(mergeActiveCall([], ringing, agent, ended2), ended, agent, ended2);
    expect(mergeActiveCall(gone, lateAnswered, agent, ended2)).toEqual([]);
  });
});
