import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { boundedSuperjson } from "./trpc";

describe("the tRPC output transformer", () => {
  it("answers without a client-made __proto__ / constructor / prototype key instead of failing (fuzzer seed 946959563 got a 500)", () => {
    const fieldErrors = JSON.parse('{"constructor":["invalid"],"__proto__":["x"],"id":["invalid_type"]}') as Record<
      string,
      string[]
    >;
    const shape = { message: "Some fields are invalid.", data: { fieldErrors, at: new Date(0) } };
    expect(() => superjson.serialize(shape)).toThrow(/prototype pollution/);
    const wire = boundedSuperjson.output.serialize(shape);
    expect(superjson.deserialize(wire)).toEqual({
      message: "Some fields are invalid.",
      data: { fieldErrors: { id: ["invalid_type"] }, at: new Date(0) },
    });
  });
});
