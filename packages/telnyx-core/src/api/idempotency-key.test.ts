import { describe, expect, it } from "vitest";
import { ZIdempotencyKeySchema } from "../idempotency/run-idempotent";
import { newIdempotencyKey } from "./idempotency-key";

describe("newIdempotencyKey", () => {
  it("is a fresh v4 UUID each time, accepted by the API's key schema", () => {
    const keys = Array.from({ length: 50 }, newIdempotencyKey);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ZIdempotencyKeySchema.safeParse(key).success).toBe(true);
    }
    expect(new Set(keys).size).toBe(50);
  });

  it("the API refuses keys too short, too long or with other characters", () => {
    for (const key of ["short", "x".repeat(256), "with space 123", "é-accentué-123"])
      expect(ZIdempotencyKeySchema.safeParse(key).success).toBe(false);
    expect(ZIdempotencyKeySchema.safeParse("order:2026-12-03_0001").success).toBe(true);
  });
});
