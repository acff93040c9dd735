import { describe, expect, it } from "vitest";
import { validateLogin } from "./login-values";

describe("validateLogin", () => {
  it("asks for both fields", () => {
    expect(validateLogin({ email: " ", password: "" })).toEqual({
      email: "emailRequired",
      password: "passwordRequired",
    });
  });

  it("refuses something that is not an email address", () => {
    expect(validateLogin({ email: "admin", password: "x" })).toEqual({ email: "emailInvalid" });
    expect(validateLogin({ email: "admin@acme", password: "x" })).toEqual({ email: "emailInvalid" });
    expect(validateLogin({ email: "a b@acme.test", password: "x" })).toEqual({ email: "emailInvalid" });
  });

  it("accepts an address with spaces around it and any password", () => {
    expect(validateLogin({ email: " admin@acme.test ", password: " " })).toEqual({});
  });
});
