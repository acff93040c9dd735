import { describe, expect, it } from "vitest";
import { formatCounterpart, formatMoney, getCallCounterpart } from "./call-format";

describe("formatMoney", () => {
  it("keeps 2 to 4 decimals and writes the decimal mark of the language", () => {
    expect(formatMoney("0.014000", "USD", "en")).toBe("0.014 USD");
    expect(formatMoney("0.014000", "USD", "fr")).toBe("0,014 USD");
    expect(formatMoney("12", "EUR", "en")).toBe("12.00 EUR");
    expect(formatMoney("0.5", null, "en")).toBe("0.50");
  });

  it("rounds half up on the digits, carrying into the whole part", () => {
    expect(formatMoney("0.00375", "USD", "en")).toBe("0.0038 USD");
    expect(formatMoney("0.99996", "USD", "en")).toBe("1.00 USD");
    expect(formatMoney("-0.12345", "USD", "en")).toBe("-0.1235 USD");
  });

  it("shows nothing for a missing or malformed amount", () => {
    expect(formatMoney(null, "USD", "en")).toBeNull();
    expect(formatMoney("abc", "USD", "en")).toBeNull();
  });
});

describe("counterparts", () => {
  it("names the lead, or formats the number", () => {
    expect(formatCounterpart("Élodie Bérard", "+33612345678")).toBe("Élodie Bérard");
    expect(formatCounterpart(null, "+33612345678")).toBe("+33 6 12 34 56 78");
  });

  it("picks the far end of the call", () => {
    expect(getCallCounterpart({ direction: "OUTBOUND", fromNumber: "+1", toNumber: "+2" })).toBe("+2");
    expect(getCallCounterpart({ direction: "INBOUND", fromNumber: "+1", toNumber: "+2" })).toBe("+1");
  });
});
