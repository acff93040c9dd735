import { countSmsSegments } from "@app/telnyx-core/messages/sms-segments";
import { describe, expect, it } from "vitest";
import { getSegmentLabelValues } from "./sms-counter-label";

describe("getSegmentLabelValues", () => {
  it("shows one GSM-7 part out of 160", () => {
    expect(getSegmentLabelValues(countSmsSegments("a".repeat(45)))).toEqual({
      count: 1,
      used: 45,
      capacity: 160,
      encoding: "GSM-7",
    });
  });

  it("counts concatenated parts at 153 each", () => {
    expect(getSegmentLabelValues(countSmsSegments("a".repeat(161)))).toEqual({
      count: 2,
      used: 161,
      capacity: 306,
      encoding: "GSM-7",
    });
  });

  it("switches to UCS-2 for an emoji", () => {
    expect(getSegmentLabelValues(countSmsSegments("Merci 🙂"))).toMatchObject({
      count: 1,
      capacity: 70,
      encoding: "UCS-2",
    });
  });
});
