import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, secretBoxFromEnv } from "./secret-box";

const key = randomBytes(32).toString("base64");
const box = createSecretBox(key);
const SECRET = "KEY0123456789ABCDEF_secret";

describe("secret box", () => {
  it("seals into the versioned format with a fresh IV each time, and opens it back", () => {
    const first = box.seal(SECRET, "org1:telnyx.apiKey");
    const second = box.seal(SECRET, "org1:telnyx.apiKey");
    expect(first).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
    expect(Buffer.from(first.split(":")[1]!, "base64")).toHaveLength(12);
    expect(first).not.toBe(second);
    expect(first).not.toContain(SECRET);
    expect(box.open(first, "org1:telnyx.apiKey")).toBe(SECRET);
  });

  it("refuses a value tampered with, sealed for another organization, or under another key", () => {
    const sealed = box.seal(SECRET, "org1:telnyx.apiKey");
    const [version, iv, tag, data] = sealed.split(":");
    const flipped = Buffer.from(data!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([version, iv, tag, flipped.toString("base64")].join(":"), "org1:telnyx.apiKey")).toThrow(
      /cannot be decrypted/,
    );
    expect(() => box.open(sealed, "org2:telnyx.apiKey")).toThrow(/cannot be decrypted/);
    expect(() => createSecretBox(randomBytes(32).toString("base64")).open(sealed, "org1:telnyx.apiKey")).toThrow(
      /APP_ENCRYPTION_KEY changed/,
    );
    expect(() => box.open("plaintext-key", "org1:telnyx.apiKey")).toThrow(/unknown format/);
  });

  it("needs a 32-byte key, and is absent without one", () => {
    expect(() => createSecretBox(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
    expect(secretBoxFromEnv(undefined)).toBeNull();
  });
});
