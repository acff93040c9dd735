import { describe, expect, it } from "vitest";
import {
  hasInvalidInterval,
  menuToFormValues,
  toMenuInput,
  NEW_QUEUE,
  routeTargetToValue,
  toBusinessHoursInput,
  toQueueInput,
  valueToRouteTarget,
} from "./routing-values";

describe("routing form values", () => {
  it("round-trip every route target through the select's value", () => {
    const targets = [
      null,
      { kind: "voicemail" as const },
      { kind: "queue" as const, queueId: "q1" },
      { kind: "agent" as const, userId: "u1" },
      { kind: "ivr" as const, menuId: "m1" },
    ];
    for (const target of targets) expect(valueToRouteTarget(routeTargetToValue(target))).toEqual(target);
  });

  it("round-trip an IVR menu through the form, leaving out unfinished key rows", () => {
    const menu = {
      id: "m1",
      name: " Main ",
      greeting: "Press 2 for support. ",
      options: [
        { digit: "2", target: { kind: "queue" as const, queueId: "q1" } },
        { digit: "#", target: { kind: "menu" as const, menuId: "m2" } },
        { digit: "0", target: { kind: "voicemail" as const } },
        { digit: "5", target: { kind: "agent" as const, userId: "u1" } },
      ],
    };
    const values = menuToFormValues(menu);
    values.options.push({ digit: "9", target: undefined });
    expect(toMenuInput(values)).toEqual({ name: "Main", greeting: "Press 2 for support.", options: menu.options });
  });

  it("send an empty hold message as none, names trimmed, members once", () => {
    const input = toQueueInput({ ...NEW_QUEUE, name: " Sales ", holdMessage: "  ", memberUserIds: ["a", "b", "a"] });
    expect(input).toMatchObject({ name: "Sales", holdMessage: null, memberUserIds: ["a", "b"] });
  });

  it("sort intervals Monday first, drop duplicate holiday dates and flag a closing before its opening", () => {
    const hours = toBusinessHoursInput({
      timeZone: "Europe/Paris",
      enabled: true,
      weekly: [
        { day: 0, open: "10:00", close: "12:00" },
        { day: 2, open: "14:00", close: "18:00" },
        { day: 2, open: "09:00", close: "12:00" },
        { day: 1, open: "09:00", close: "17:00" },
      ],
      holidays: [
        { date: "2026-12-25", name: " Christmas " },
        { date: "2026-01-01", name: "New year" },
        { date: "2026-12-25", name: "Again" },
      ],
    });
    expect(hours.weekly.map((interval) => `${interval.day} ${interval.open}`)).toEqual([
      "1 09:00",
      "2 09:00",
      "2 14:00",
      "0 10:00",
    ]);
    expect(hours.holidays).toEqual([
      { date: "2026-01-01", name: "New year" },
      { date: "2026-12-25", name: "Christmas" },
    ]);
    expect(hasInvalidInterval(hours)).toBe(false);
    expect(hasInvalidInterval({ ...hours, weekly: [{ day: 1, open: "18:00", close: "09:00" }] })).toBe(true);
  });
});
