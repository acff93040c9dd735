import { describe, expect, it } from "vitest";
import { endOfDayIn, startOfDayIn } from "./zoned-days";

describe("day boundaries in the organization's time zone", () => {
  it("starts and ends a day at the zone's midnight", () => {
    expect(startOfDayIn("2026-11-24", "Europe/Paris").toISOString()).toBe("2026-11-23T23:00:00.000Z");
    expect(endOfDayIn("2026-11-24", "Europe/Paris").toISOString()).toBe("2026-11-24T22:59:59.999Z");
    expect(startOfDayIn("2026-07-01", "America/New_York").toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(startOfDayIn("2026-11-24", "UTC").toISOString()).toBe("2026-11-24T00:00:00.000Z");
  });

  it("handles the days clocks change and month ends", () => {
    // Paris springs forward on 2026-03-29 (UTC+1 → UTC+2): that day is 23 hours long.
    const start = startOfDayIn("2026-03-29", "Europe/Paris");
    const end = endOfDayIn("2026-03-29", "Europe/Paris");
    expect(start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(end.getTime() - start.getTime() + 1).toBe(23 * 3600_000);
    expect(endOfDayIn("2026-12-31", "UTC").toISOString()).toBe("2026-12-31T23:59:59.999Z");
  });
});
