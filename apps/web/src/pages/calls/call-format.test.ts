import { describe, expect, it } from "vitest";
import { formatCounterpart, getCallCounterpart } from "./call-format";

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
