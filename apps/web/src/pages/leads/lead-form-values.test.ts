import { describe, expect, it } from "vitest";
import { formatLeadName, isLeadFormField, toLeadFormValues, toLeadInput } from "./lead-form-values";

describe("toLeadInput", () => {
  it("trims text and sends cleared optional fields as null", () => {
    expect(
      toLeadInput({
        firstName: " Ada ",
        lastName: " Lovelace ",
        company: "  ",
        email: "",
        phoneNumber: "+33612345678",
        notes: undefined,
      }),
    ).toEqual({
      firstName: "Ada",
      lastName: "Lovelace",
      company: null,
      email: null,
      phoneNumber: "+33612345678",
      notes: null,
    });
  });
});

describe("toLeadFormValues", () => {
  it("fills the form from a lead, leaving empty fields blank", () => {
    const lead = {
      id: "l1",
      firstName: "Ada",
      lastName: "",
      company: null,
      email: "ada@example.com",
      phoneNumber: "+33612345678",
      notes: null,
      ownerId: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    expect(toLeadFormValues(lead)).toEqual({
      firstName: "Ada",
      lastName: "",
      company: undefined,
      email: "ada@example.com",
      phoneNumber: "+33612345678",
      notes: undefined,
    });
    expect(toLeadFormValues(null)).toEqual({});
  });
});

describe("helpers", () => {
  it("joins names without a dangling space and knows the form fields", () => {
    expect(formatLeadName({ firstName: "Ada", lastName: "" })).toBe("Ada");
    expect(formatLeadName({ firstName: "Ada", lastName: "Lovelace" })).toBe("Ada Lovelace");
    expect(isLeadFormField("phoneNumber")).toBe(true);
    expect(isLeadFormField("ownerId")).toBe(false);
  });
});
