import { describe, expect, it } from "vitest";
import { isOpenAt } from "./business-hours";

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" }));
const paris = {
  timeZone: "Europe/Paris",
  weekly: weekdays,
  holidays: [{ date: "2026-12-25", name: "Noël" }],
  enabled: true,
};

describe("business hours", () => {
  it("is open inside a weekday interval in the organization's time zone, closed outside", () => {
    // Monday 2026-12-07 08:30 UTC = 09:30 in Paris.
    expect(isOpenAt(paris, new Date("2026-12-07T08:30:00Z"))).toBe(true);
    // 07:30 UTC = 08:30 in Paris: before opening.
    expect(isOpenAt(paris, new Date("2026-12-07T07:30:00Z"))).toBe(false);
    // 17:30 UTC = 18:30 in Paris: after closing.
    expect(isOpenAt(paris, new Date("2026-12-07T17:30:00Z"))).toBe(false);
    // Saturday.
    expect(isOpenAt(paris, new Date("2026-12-12T10:00:00Z"))).toBe(false);
  });

  it("is closed on a holiday and always open when disabled", () => {
    expect(isOpenAt(paris, new Date("2026-12-25T10:00:00Z"))).toBe(false);
    expect(isOpenAt({ ...paris, enabled: false }, new Date("2026-12-25T10:00:00Z"))).toBe(true);
  });
});
