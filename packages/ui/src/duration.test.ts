import { describe, expect, it } from "vitest";
import { formatDuration, getElapsedSecs } from "./duration";

describe("formatDuration", () => {
  it("shows minutes and zero-padded seconds under an hour", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(7)).toBe("0:07");
    expect(formatDuration(95)).toBe("1:35");
  });

  it("adds hours for long calls and reads missing or negative values as 0", () => {
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(null)).toBe("0:00");
    expect(formatDuration(-5)).toBe("0:00");
  });
});

describe("getElapsedSecs", () => {
  it("counts whole seconds and never goes negative", () => {
    const since = new Date("2026-01-01T10:00:00.000Z");
    expect(getElapsedSecs(since, new Date("2026-01-01T10:01:05.900Z"))).toBe(65);
    expect(getElapsedSecs(since, new Date("2026-01-01T09:59:00.000Z"))).toBe(0);
  });
});
