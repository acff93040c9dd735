import { describe, expect, it } from "vitest";
import { pickFromNumber, type FromNumberCandidate } from "./pick-from-number";

const ME = "user-me";
const number = (id: string, phoneNumber: string, countryCode: string, assignedUserId: string | null = null) =>
  ({ id, phoneNumber, countryCode, assignedUserId }) satisfies FromNumberCandidate;

const sharedUs = number("shared-us", "+13125550100", "US");
const sharedFr = number("shared-fr", "+33187650100", "FR");
const mineUs = number("mine-us", "+13125550199", "US", ME);
const mineFr = number("mine-fr", "+33187650199", "FR", ME);
const FRENCH_LEAD = "+33612345678";
const US_LEAD = "+13125550000";

describe("pickFromNumber", () => {
  it("takes the explicit choice by id, and ignores the number when an id is given", () => {
    const all = [sharedUs, sharedFr, mineUs];
    expect(pickFromNumber(all, { userId: ME, to: FRENCH_LEAD, fromNumberId: "shared-us" })).toBe(sharedUs);
    expect(
      pickFromNumber(all, { userId: ME, to: FRENCH_LEAD, fromNumberId: "unknown", fromNumber: sharedUs.phoneNumber }),
    ).toBeNull();
    expect(pickFromNumber(all, { userId: ME, to: FRENCH_LEAD, fromNumber: mineUs.phoneNumber })).toBe(mineUs);
  });

  it("prefers the destination's country, the caller's own number before a shared one", () => {
    expect(pickFromNumber([sharedUs, mineUs, sharedFr], { userId: ME, to: FRENCH_LEAD })).toBe(sharedFr);
    expect(pickFromNumber([sharedFr, sharedUs, mineFr], { userId: ME, to: FRENCH_LEAD })).toBe(mineFr);
    expect(pickFromNumber([sharedFr, mineUs, sharedUs], { userId: ME, to: US_LEAD })).toBe(mineUs);
  });

  it("falls back on the caller's own number, then any, whatever the list order", () => {
    expect(pickFromNumber([sharedFr, mineUs], { userId: ME, to: "+447700900123" })).toBe(mineUs);
    expect(pickFromNumber([sharedUs, sharedFr], { userId: ME, to: "+447700900123" })).toBe(sharedUs);
    expect(pickFromNumber([sharedFr, sharedUs], { userId: ME, to: "+447700900123" })).toBe(sharedUs);
    expect(pickFromNumber([], { userId: ME, to: US_LEAD })).toBeNull();
  });
});
