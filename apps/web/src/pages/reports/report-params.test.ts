import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { monthOfParam } from "./report-params";

describe("monthOfParam (/reports/monthly-cost?month=)", () => {
  const now = dayjs("2026-12-03T14:00:00");

  it("defaults to the current month without ?month (not January 2001)", () => {
    expect(monthOfParam(null, now).format("YYYY-MM-DD")).toBe("2026-12-01");
    expect(monthOfParam("", now).format("YYYY-MM-DD")).toBe("2026-12-01");
    expect(monthOfParam(null).format("YYYY-MM")).toBe(dayjs().format("YYYY-MM"));
  });

  it("reads YYYY-MM, and falls back to the current month for anything else", () => {
    expect(monthOfParam("2026-02", now).format("YYYY-MM-DD")).toBe("2026-02-01");
    for (const bad of ["abc", "2026-13", "2026-1", "-01", "2026", "2026-02-15"])
      expect(monthOfParam(bad, now).format("YYYY-MM-DD"), bad).toBe("2026-12-01");
  });
});
