import { describe, expect, it } from "vitest";
import { getRunSeconds, isFinishedSyncStatus, listCounts, toPercent } from "./connection-values";

describe("sync run helpers", () => {
  it("measures a finished run and a running one", () => {
    const startedAt = new Date("2025-03-01T10:00:00Z");
    expect(getRunSeconds({ startedAt, finishedAt: new Date("2025-03-01T10:00:12.400Z") })).toBe(12);
    expect(getRunSeconds({ startedAt, finishedAt: null }, new Date("2025-03-01T10:01:00Z"))).toBe(60);
  });

  it("lists non-zero counts first", () => {
    expect(listCounts({ numbers: 0, applications: 2, profiles: 1 })).toEqual([
      { key: "applications", value: 2 },
      { key: "profiles", value: 1 },
      { key: "numbers", value: 0 },
    ]);
  });

  it("knows when a run is over and clamps progress", () => {
    expect(isFinishedSyncStatus("RUNNING")).toBe(false);
    expect(isFinishedSyncStatus("FAILED")).toBe(true);
    expect(toPercent(0.456)).toBe(46);
    expect(toPercent(3)).toBe(100);
  });
});
