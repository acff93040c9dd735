import { describe, expect, it } from "vitest";
import { csvLine, neutralizeCsvText } from "./csv";

describe("CSV cells", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("neutralizes text starting a formula: %j", (input, expected) => {
    expect(neutralizeCsvText(input)).toBe(expected);
  });

  it.each(["Élodie Bérard", "a=b", "-12.500000", "+33187650100", "42", ""])("leaves %j as it is", (input) => {
    expect(neutralizeCsvText(input)).toBe(input);
  });

  it("keeps numeric cells numeric, negative ones included, and neutralizes text cells", () => {
    expect(csvLine([-3, -0.5, "-1.25", "=1+2", true])).toBe('"-3","-0.5","-1.25","\'=1+2","true"\r\n');
  });
});
