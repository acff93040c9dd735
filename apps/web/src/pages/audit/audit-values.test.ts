import { describe, expect, it } from "vitest";
import { formatDetails, formatTarget, getResultColor, hasFilters, toAuditInput } from "./audit-values";

describe("toAuditInput", () => {
  it("sends only the filters that are set, and covers the whole last day", () => {
    expect(toAuditInput({}, 50)).toEqual({ limit: 50 });
    const input = toAuditInput(
      { action: "numbers.purchase", from: new Date(2025, 2, 10, 15), to: new Date(2025, 2, 12, 9) },
      25,
    );
    expect(input.action).toBe("numbers.purchase");
    expect(input.userId).toBeUndefined();
    expect(input.from).toEqual(new Date(2025, 2, 10, 0, 0, 0, 0));
    expect(input.to).toEqual(new Date(2025, 2, 12, 23, 59, 59, 999));
  });

  it("knows when any filter is active", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ userId: "u1" })).toBe(true);
  });
});

describe("display helpers", () => {
  it("formats details, hiding empty ones", () => {
    expect(formatDetails(null)).toBeNull();
    expect(formatDetails({})).toBeNull();
    expect(formatDetails({ phoneNumber: "+33187650100" })).toBe('{\n  "phoneNumber": "+33187650100"\n}');
  });

  it("joins the target and colors results", () => {
    expect(formatTarget({ targetType: "number", targetId: "n1" })).toBe("number n1");
    expect(formatTarget({ targetType: null, targetId: null })).toBe("");
    expect(getResultColor("denied")).toBe("warning");
    expect(getResultColor("something")).toBe("default");
  });
});
