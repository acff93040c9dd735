import { describe, expect, it } from "vitest";
import { getLiveLongestWait, mergeQueue } from "./queue-tiles";

describe("wallboard queue tiles", () => {
  it("keep the longest wait ticking from the figure received, and show none once nobody waits", () => {
    const receivedAt = Date.UTC(2026, 11, 7, 10, 0, 0);
    expect(getLiveLongestWait({ waiting: 2, longestWaitSecs: 30 }, receivedAt, receivedAt + 12_500)).toBe(42);
    expect(getLiveLongestWait({ waiting: 0, longestWaitSecs: 30 }, receivedAt, receivedAt + 1_000)).toBeNull();
    expect(getLiveLongestWait({ waiting: 1, longestWaitSecs: null }, receivedAt, receivedAt)).toBeNull();
  });

  it("replace a queue by id, add a new one, and keep them in name order", () => {
    const sales = { id: "q1", name: "Sales", waiting: 0 };
    const support = { id: "q2", name: "Support", waiting: 1 };
    const merged = mergeQueue([support, sales], { ...sales, waiting: 3 });
    expect(merged.map((queue) => `${queue.name}:${queue.waiting}`)).toEqual(["Sales:3", "Support:1"]);
    expect(mergeQueue([sales], { id: "q0", name: "Billing", waiting: 0 }).map((queue) => queue.id)).toEqual([
      "q0",
      "q1",
    ]);
  });
});
