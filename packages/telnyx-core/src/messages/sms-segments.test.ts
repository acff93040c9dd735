import { describe, expect, it } from "vitest";
import { countSmsSegments, isGsm7 } from "./sms-segments";

describe("countSmsSegments", () => {
  it("treats an empty text as zero parts with a full first part free", () => {
    expect(countSmsSegments("")).toEqual({
      encoding: "GSM-7",
      parts: 0,
      charactersUsed: 0,
      charactersPerPart: 160,
      remainingInPart: 160,
    });
  });

  it("fits 160 GSM-7 characters in one part and splits 161 into two parts of 153", () => {
    expect(countSmsSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", parts: 1, remainingInPart: 0 });
    expect(countSmsSegments("a".repeat(161))).toEqual({
      encoding: "GSM-7",
      parts: 2,
      charactersUsed: 161,
      charactersPerPart: 153,
      remainingInPart: 153 * 2 - 161,
    });
    expect(countSmsSegments("a".repeat(306)).parts).toBe(2);
    expect(countSmsSegments("a".repeat(307)).parts).toBe(3);
  });

  it("counts extension-table characters (€, [, ], {, }, ~, ^, |, \\) as two septets", () => {
    const info = countSmsSegments("€[");
    expect(info).toMatchObject({ encoding: "GSM-7", charactersUsed: 4, parts: 1, remainingInPart: 156 });
    expect(countSmsSegments("€".repeat(80)).parts).toBe(1);
    expect(countSmsSegments("€".repeat(81)).parts).toBe(2);
  });

  it("never splits an escape pair across parts", () => {
    // 152 septets then € (2 septets) would straddle part 1's 153rd septet: it moves to part 2.
    const text = "a".repeat(152) + "€" + "a".repeat(10);
    const info = countSmsSegments(text);
    expect(info.charactersUsed).toBe(164);
    expect(info.parts).toBe(2);
    expect(info.remainingInPart).toBe(153 - 12);
  });

  it("keeps é (GSM-7) but switches to UCS-2 for ê", () => {
    expect(isGsm7("café")).toBe(true);
    expect(countSmsSegments("café")).toMatchObject({ encoding: "GSM-7", charactersUsed: 4 });
    expect(isGsm7("fête")).toBe(false);
    expect(countSmsSegments("fête")).toMatchObject({
      encoding: "UCS-2",
      parts: 1,
      charactersUsed: 4,
      charactersPerPart: 70,
      remainingInPart: 66,
    });
  });

  it("uses 70 / 67 UCS-2 limits", () => {
    expect(countSmsSegments("ê".repeat(70)).parts).toBe(1);
    expect(countSmsSegments("ê".repeat(71))).toMatchObject({ parts: 2, charactersPerPart: 67, remainingInPart: 63 });
    expect(countSmsSegments("ê".repeat(134)).parts).toBe(2);
    expect(countSmsSegments("ê".repeat(135)).parts).toBe(3);
  });

  it("counts an emoji as two UTF-16 code units and never splits the surrogate pair", () => {
    expect(countSmsSegments("hi 👋")).toMatchObject({ encoding: "UCS-2", charactersUsed: 5, parts: 1 });
    expect(countSmsSegments("😀".repeat(35)).parts).toBe(1);
    // 66 units then an emoji would straddle the 67-unit boundary: it moves to part 2.
    const info = countSmsSegments("ê".repeat(66) + "😀" + "ê".repeat(5));
    expect(info.charactersUsed).toBe(73);
    expect(info.parts).toBe(2);
    expect(info.remainingInPart).toBe(67 - 7);
  });

  it("treats a GSM-7 text with one non-GSM character as UCS-2 for the whole message", () => {
    expect(countSmsSegments("a".repeat(100) + "✓")).toMatchObject({ encoding: "UCS-2", parts: 2 });
  });
});
