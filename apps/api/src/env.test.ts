import { describe, expect, it } from "vitest";
import { EnvError, isSandboxMode, loadEnv } from "./env";

describe("loadEnv", () => {
  it("starts with nothing set: port 4000, embedded database, sandbox Telnyx, demo seeded", () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(4000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(isSandboxMode(env)).toBe(true);
    expect(env.SEED_DEMO).toBe(true);
    expect(env.MAX_SOCKETS_PER_CREDENTIAL).toBe(20);
  });

  it("reads MAX_SOCKETS_PER_CREDENTIAL and refuses a cap below one", () => {
    expect(loadEnv({ MAX_SOCKETS_PER_CREDENTIAL: "5" }).MAX_SOCKETS_PER_CREDENTIAL).toBe(5);
    expect(() => loadEnv({ MAX_SOCKETS_PER_CREDENTIAL: "0" })).toThrow(/MAX_SOCKETS_PER_CREDENTIAL/);
  });

  it("reads PRESENCE_OFFLINE_GRACE_MS (default 30 s) and refuses nonsense", () => {
    expect(loadEnv({}).PRESENCE_OFFLINE_GRACE_MS).toBe(30_000);
    expect(loadEnv({ PRESENCE_OFFLINE_GRACE_MS: "1500" }).PRESENCE_OFFLINE_GRACE_MS).toBe(1500);
    expect(() => loadEnv({ PRESENCE_OFFLINE_GRACE_MS: "-1" })).toThrow(/PRESENCE_OFFLINE_GRACE_MS/);
  });

  it("names every invalid variable with what it should look like", () => {
    const attempt = () =>
      loadEnv({ PORT: "http", DATABASE_URL: "mysql://x", APP_ENCRYPTION_KEY: "short", SEED_DEMO: "maybe" });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("PORT");
      expect(message).toContain("DATABASE_URL: must start with postgres://");
      expect(message).toContain("APP_ENCRYPTION_KEY: must be 32 bytes");
      expect(message).toContain("SEED_DEMO");
    }
  });

  it("switches to real Telnyx when a key is set, and reads flags", () => {
    const env = loadEnv({
      TELNYX_API_KEY: "KEY123",
      SEED_DEMO: "false",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
    });
    expect(isSandboxMode(env)).toBe(false);
    expect(env.SEED_DEMO).toBe(false);
  });
});
