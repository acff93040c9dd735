import { describe, expect, it } from "vitest";
import { redactUrl } from "./redact-url";

describe("redactUrl", () => {
  it("hides credentials passed in the query, whatever their case or encoding", () => {
    expect(redactUrl("/wallboard?kiosk=kiosk_abc123")).toBe("/wallboard?kiosk=[redacted]");
    expect(redactUrl("/x?a=1&access_token=t&API%5FKEY=k&b=2")).toBe(
      "/x?a=1&access_token=[redacted]&API%5FKEY=[redacted]&b=2",
    );
  });

  it("leaves other URLs as they are", () => {
    expect(redactUrl("/api/leads?search=ann&limit=5")).toBe("/api/leads?search=ann&limit=5");
    expect(redactUrl("/trpc/auth.me")).toBe("/trpc/auth.me");
    expect(redactUrl("/x?%E0%A4%A=1")).toBe("/x?%E0%A4%A=1");
  });
});
