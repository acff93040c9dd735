import { describe, expect, it } from "vitest";
import { wholeMonthsOf } from "./usage-rollup";

describe("wholeMonthsOf", () => {
  it.each([
    ["2026-01-01", "2026-12-31", { first: "2026-01-01", last: "2026-12-01" }],
    ["2026-01-15", "2026-03-10", { first: "2026-02-01", last: "2026-02-01" }],
    ["2026-02-01", "2026-02-28", { first: "2026-02-01", last: "2026-02-01" }],
    ["2025-12-02", "2026-01-31", { first: "2026-01-01", last: "2026-01-01" }],
    ["2025-11-30", "2027-02-27", { first: "2025-12-01", last: "2027-01-01" }],
    ["2028-02-01", "2028-02-29", { first: "2028-02-01", last: "2028-02-01" }],
  ])("%s … %s: whole months %o", (firstDay, lastDay, expected) => {
    expect(wholeMonthsOf(firstDay, lastDay)).toEqual(expected);
  });

  it.each([
    ["2026-01-15", "2026-02-10"],
    ["2026-03-01", "2026-03-30"],
    ["2028-02-01", "2028-02-28"],
    ["2026-05-31", "2026-05-31"],
    ["2026-12-02", "2027-01-30"],
  ])("%s … %s: none", (firstDay, lastDay) => {
    expect(wholeMonthsOf(firstDay, lastDay)).toBeNull();
  });
});
