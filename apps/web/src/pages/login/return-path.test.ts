import { describe, expect, it } from "vitest";
import { readReturnPath } from "./return-path";

describe("readReturnPath", () => {
  it("returns to the page the guard came from", () => {
    expect(readReturnPath({ from: "/leads?search=ada" })).toBe("/leads?search=ada");
  });

  it("goes to the dashboard otherwise", () => {
    expect(readReturnPath(null)).toBe("/");
    expect(readReturnPath({})).toBe("/");
    expect(readReturnPath({ from: "/login" })).toBe("/");
  });

  it("never leaves the app", () => {
    expect(readReturnPath({ from: "https://evil.example" })).toBe("/");
    expect(readReturnPath({ from: "//evil.example/x" })).toBe("/");
  });
});
