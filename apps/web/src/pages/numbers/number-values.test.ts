import { describe, expect, it } from "vitest";
import {
  getCountryName,
  getPurchaseProgress,
  matchesCountry,
  mergeNumber,
  pickNumberType,
  toSearchInput,
  type PhoneNumber,
} from "./number-values";

describe("toSearchInput", () => {
  it("leaves blank filters out instead of sending empty strings", () => {
    expect(
      toSearchInput({ countryCode: "FR", numberType: "local", areaCode: "  ", locality: " Paris ", features: [] }),
    ).toEqual({
      countryCode: "FR",
      numberType: "local",
      locality: "Paris",
    });
    expect(toSearchInput({ countryCode: "US", numberType: "toll_free", areaCode: "800", features: ["sms"] })).toEqual({
      countryCode: "US",
      numberType: "toll_free",
      areaCode: "800",
      features: ["sms"],
    });
  });
});

describe("getPurchaseProgress", () => {
  it("walks ordered → active → configured", () => {
    expect(getPurchaseProgress({ status: "PURCHASE_PENDING", isConfigured: false })).toEqual({
      current: 0,
      isDone: false,
      isFailed: false,
    });
    expect(getPurchaseProgress({ status: "ACTIVE", isConfigured: false })).toEqual({
      current: 1,
      isDone: false,
      isFailed: false,
    });
    expect(getPurchaseProgress({ status: "ACTIVE", isConfigured: true })).toEqual({
      current: 2,
      isDone: true,
      isFailed: false,
    });
  });

  it("stops on a failed order", () => {
    expect(getPurchaseProgress({ status: "FAILED", isConfigured: false }).isFailed).toBe(true);
  });
});

describe("mergeNumber", () => {
  type Item = Pick<PhoneNumber, "id" | "status" | "updatedAt">;
  const older: Item = { id: "n1", status: "PURCHASE_PENDING", updatedAt: new Date("2025-01-01T10:00:00Z") };
  const newer: Item = { id: "n1", status: "ACTIVE", updatedAt: new Date("2025-01-01T10:00:05Z") };
  const other: Item = { id: "n2", status: "ACTIVE", updatedAt: new Date("2025-01-01T09:00:00Z") };

  it("replaces in place, and an older copy never overwrites a newer one", () => {
    expect(mergeNumber([other, older], newer)).toEqual([other, newer]);
    expect(mergeNumber([other, newer], older)).toEqual([other, newer]);
  });

  it("adds a number it did not have and drops a released one", () => {
    expect(mergeNumber([other], newer)).toEqual([newer, other]);
    expect(
      mergeNumber([other, newer], { ...newer, status: "RELEASED", updatedAt: new Date("2025-01-02T00:00:00Z") }),
    ).toEqual([other]);
  });
});

describe("country helpers", () => {
  it("finds a country by name without accents or by its code", () => {
    expect(matchesCountry("etats", { code: "US", name: "États-Unis" })).toBe(true);
    expect(matchesCountry("fr", { code: "FR", name: "France" })).toBe(true);
    expect(matchesCountry("ger", { code: "FR", name: "France" })).toBe(false);
  });

  it("names countries in the interface language", () => {
    expect(getCountryName("DE", "fr", "Germany")).toBe("Allemagne");
    expect(getCountryName("DE", "en", "Germany")).toBe("Germany");
  });

  it("keeps the chosen type when the new country sells it", () => {
    expect(pickNumberType("mobile", ["local", "mobile"])).toBe("mobile");
    expect(pickNumberType("mobile", ["toll_free"])).toBe("toll_free");
    expect(pickNumberType(undefined, [])).toBeUndefined();
  });
});
