import { describe, expect, it } from "vitest";
import { formatCount, formatDecimal, formatMinutes, formatPercent, formatScore } from "./format-figures";

describe("figure formatting", () => {
  it("shows rates as whole percents, small ones with a decimal, and a dash when there is nothing to measure", () => {
    expect(formatPercent(0.9234, "en")).toBe("92%");
    expect(formatPercent(1, "en")).toBe("100%");
    expect(formatPercent(0.045, "en")).toBe("4.5%");
    expect(formatPercent(0, "en")).toBe("0%");
    expect(formatPercent(null, "en")).toBe("—");
    expect(formatPercent(0.5, "fr").replace(/\s/g, " ")).toBe("50 %");
  });

  it("rounds live fractional minutes down and groups thousands per language", () => {
    expect(formatMinutes(12.98, "en")).toBe("12");
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatCount(12345, "fr").replace(/\s/g, " ")).toBe("12 345");
    expect(formatScore(4.234, "en")).toBe("4.23");
    expect(formatScore(null, "en")).toBe("—");
  });
});

describe("formatDecimal", () => {
  it("writes a MOS with the locale's decimal separator and the digits it came with", () => {
    expect(formatDecimal("4.50", "fr")).toBe("4,50");
    expect(formatDecimal("4.50", "en")).toBe("4.50");
    expect(formatDecimal("3", "fr")).toBe("3");
    expect(formatDecimal(null, "fr")).toBeNull();
    expect(formatDecimal("n/a", "fr")).toBeNull();
  });
});
