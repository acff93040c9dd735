import { describe, expect, it } from "vitest";
import { countFractionDigits, formatMoney, parseMoneyInput } from "./money";

describe("formatMoney", () => {
  it("shows the currency and only the significant decimals, at least two", () => {
    expect(formatMoney("1.000000", "USD", "en")).toBe("$1.00");
    expect(formatMoney("0.003800", "USD", "en")).toBe("$0.0038");
    expect(formatMoney("12", "EUR", "en")).toBe("€12.00");
  });

  it("follows the language's conventions", () => {
    expect(formatMoney("1234.5", "EUR", "fr").replace(/\s/g, " ")).toBe("1 234,50 €");
  });

  it("keeps amounts beyond float precision exact", () => {
    expect(formatMoney("90071992547409.93", "USD", "en")).toBe("$90,071,992,547,409.93");
  });

  it("shows the amount alone when the currency is unknown to us", () => {
    expect(formatMoney("0.5", null, "en")).toBe("0.50");
    expect(formatMoney("0.014", undefined, "fr")).toBe("0,014");
  });

  it("never invents a number from something that is not one", () => {
    expect(formatMoney(null, "USD", "en")).toBe("");
    expect(formatMoney("n/a", "USD", "en")).toBe("n/a");
    expect(formatMoney("1.5", "XYZ1", "en")).toBe("1.5 XYZ1");
  });
});

describe("countFractionDigits", () => {
  it("ignores trailing zeros and caps at six", () => {
    expect(countFractionDigits("1")).toBe(2);
    expect(countFractionDigits("0.0035")).toBe(4);
    expect(countFractionDigits("0.12345678")).toBe(6);
  });
});

describe("parseMoneyInput", () => {
  it("accepts a French decimal comma and spaces", () => {
    expect(parseMoneyInput(" 0,05 ")).toBe("0.05");
    expect(parseMoneyInput("1 000.5")).toBe("1000.5");
    expect(parseMoneyInput("007")).toBe("7");
  });

  it("refuses negatives, letters and more than six decimals", () => {
    expect(parseMoneyInput("-1")).toBeNull();
    expect(parseMoneyInput("abc")).toBeNull();
    expect(parseMoneyInput("0.1234567")).toBeNull();
    expect(parseMoneyInput("")).toBeNull();
  });
});
