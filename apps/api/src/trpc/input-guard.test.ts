import { describe, expect, it } from "vitest";
import { exceedsDepth, findInputProblem, MAX_INPUT_DEPTH } from "./input-guard";

const nested = (depth: number): unknown => {
  let value: unknown = "leaf";
  for (let i = 0; i < depth; i += 1) value = { a: [value] };
  return value;
};

describe("findInputProblem", () => {
  it("accepts ordinary text, emoji (surrogate pairs), numbers, dates and empty values", () => {
    expect(
      findInputProblem({ name: "Zoë 😀 李", n: 1, when: new Date(), list: ["a", null, undefined], data: { note: "" } }),
    ).toBeNull();
    expect(findInputProblem(undefined)).toBeNull();
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a high surrogate alone", "a\ud800"],
    ["a high surrogate before a non-surrogate", "\udbffA"],
    ["a low surrogate alone", "\udc00z"],
    ["a reversed pair", "\ude00\ud83d"],
  ])("names the field holding %s (update inputs without their data. prefix)", (_what, bad) => {
    expect(findInputProblem({ id: "x", data: { firstName: bad } })).toEqual({
      field: "firstName",
      reason: "invalid_characters",
    });
    expect(findInputProblem({ items: [{ phone: "+1" }, { phone: bad }] })).toEqual({
      field: "items.1.phone",
      reason: "invalid_characters",
    });
    expect(findInputProblem(bad)).toEqual({ field: "_", reason: "invalid_characters" });
  });

  it("refuses a bad character in a key, naming the object holding it", () => {
    expect(findInputProblem({ meta: { ["k\u0000"]: 1 } })).toEqual({ field: "meta", reason: "invalid_characters" });
  });

  it("refuses nesting past the limit without recursion, even 200 000 deep", () => {
    expect(findInputProblem(nested(MAX_INPUT_DEPTH / 2 - 1))).toBeNull();
    expect(findInputProblem(nested(200_000))?.reason).toBe("too_deep");
    expect(exceedsDepth(nested(200_000), 10)).toBe(true);
    expect(exceedsDepth(nested(3), 10)).toBe(false);
  });
});
