import { describe, expect, it } from "vitest";
import { buildCsvUrl, toAnalyticsInput } from "./analytics-query";

describe("analytics query", () => {
  const filters = { fromDay: "2026-11-01", toDay: "2026-11-30", granularity: "day" as const };

  it("covers whole days, first to last", () => {
    const input = toAnalyticsInput(filters);
    expect(input.from.getHours()).toBe(0);
    expect(input.from.getDate()).toBe(1);
    expect(input.to.getDate()).toBe(30);
    expect(input.to.getHours()).toBe(23);
    expect(input).not.toHaveProperty("userId");
  });

  it("counts days in the organization's time zone when it is known", () => {
    const input = toAnalyticsInput({ ...filters, timeZone: "Europe/Paris" });
    expect(input.from.toISOString()).toBe("2026-10-31T23:00:00.000Z");
    expect(input.to.toISOString()).toBe("2026-11-30T22:59:59.999Z");
  });

  it("links the CSV with the same period, granularity and agent as the screen", () => {
    const url = new URL(
      buildCsvUrl("per-agent", { ...filters, granularity: "month", userId: "u1" }, "http://crm.test"),
    );
    expect(url.pathname).toBe("/api/reports/per-agent.csv");
    expect(url.searchParams.get("granularity")).toBe("month");
    expect(url.searchParams.get("userId")).toBe("u1");
    expect(new Date(url.searchParams.get("from")!).getTime()).toBe(toAnalyticsInput(filters).from.getTime());
    expect(buildCsvUrl("calls", filters, "")).toMatch(/^\/api\/reports\/calls\.csv\?from=.*&to=.*&granularity=day$/);
  });
});
