import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Telnyx } from "telnyx";
import { describe, expect, it } from "vitest";
import { generateTestSigningKeyPair, signWebhook } from "./sign-webhook";
import { createWebhookVerifier, verifyWebhook } from "./verify-webhook";
import { findWebhookFixtures } from "../../../../tooling/testing/webhook-fixtures";

const FIXTURES = findWebhookFixtures();
const keys = generateTestSigningKeyPair();
const verifier = createWebhookVerifier(keys.publicKeyBase64);
const body = readFileSync(join(FIXTURES, "call.hangup__clean-middleware__1.json"), "utf8");

describe("verifyWebhook", () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the title quotes the signed string's format.
  it("accepts a body signed over `${timestamp}|${rawBody}`, as string or bytes", () => {
    const headers = signWebhook(body, keys.privateKey);
    expect(verifier(body, headers)).toMatchObject({ ok: true });
    expect(verifier(Buffer.from(body, "utf8"), headers)).toMatchObject({ ok: true });
    expect(verifyWebhook({ rawBody: body, headers, publicKey: keys.publicKeyBase64 })).toMatchObject({ ok: true });
  });

  it("reads Fetch Headers and mixed-case header names", () => {
    const signed = signWebhook(body, keys.privateKey);
    expect(verifier(body, new Headers(signed))).toMatchObject({ ok: true });
    const mixedCase = {
      "Telnyx-Signature-Ed25519": signed["telnyx-signature-ed25519"],
      "Telnyx-Timestamp": signed["telnyx-timestamp"],
    };
    expect(verifier(body, mixedCase)).toMatchObject({ ok: true });
  });

  it("rejects a re-serialised body (the signature covers the exact bytes)", () => {
    const headers = signWebhook(body, keys.privateKey);
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(verifier(reserialised, headers)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("names each failure", () => {
    const headers = signWebhook(body, keys.privateKey);
    expect(verifier(body, { "telnyx-timestamp": headers["telnyx-timestamp"] })).toEqual({
      ok: false,
      reason: "missing_signature",
    });
    expect(verifier(body, { "telnyx-signature-ed25519": headers["telnyx-signature-ed25519"] })).toEqual({
      ok: false,
      reason: "missing_timestamp",
    });
    expect(verifier(body, { ...headers, "telnyx-timestamp": "yesterday" })).toEqual({
      ok: false,
      reason: "missing_timestamp",
    });
    expect(verifier(body, { ...headers, "telnyx-signature-ed25519": "not base64!" })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifier(body, { ...headers, "telnyx-signature-ed25519": Buffer.alloc(32).toString("base64") })).toEqual({
      ok: false,
      reason: "bad_signature",
    });
    const otherKeys = generateTestSigningKeyPair();
    expect(verifier(body, signWebhook(body, otherKeys.privateKey))).toEqual({ ok: false, reason: "bad_signature" });
    expect(createWebhookVerifier("AAAA")(body, headers)).toEqual({ ok: false, reason: "bad_key" });
    expect(verifyWebhook({ rawBody: body, headers, publicKey: "not a key" })).toEqual({ ok: false, reason: "bad_key" });
  });

  it("allows ±300 s of clock skew and rejects beyond it", () => {
    const now = Date.now();
    const nowSecs = Math.floor(now / 1000);
    for (const skew of [-300, 300]) {
      const headers = signWebhook(body, keys.privateKey, nowSecs + skew);
      expect(verifier(body, headers, { nowMs: now })).toMatchObject({ ok: true });
    }
    for (const skew of [-301, 301]) {
      const headers = signWebhook(body, keys.privateKey, nowSecs + skew);
      expect(verifier(body, headers, { nowMs: now })).toEqual({ ok: false, reason: "stale" });
    }
  });

  it("agrees with the SDK's webhooks.unwrap on every fixture (valid and tampered)", async () => {
    const client = new Telnyx({ apiKey: "unused", publicKey: keys.publicKeyBase64 });
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".json"));
    expect(files).toHaveLength(48);
    for (const name of files) {
      const raw = readFileSync(join(FIXTURES, name), "utf8");
      const headers = signWebhook(raw, keys.privateKey);
      expect(verifier(raw, headers).ok).toBe(true);
      await expect(client.webhooks.unwrap(raw, { headers })).resolves.toEqual(JSON.parse(raw));

      const tampered = raw.replace('"data"', '"data" ');
      expect(verifier(tampered, headers).ok).toBe(false);
      await expect(client.webhooks.unwrap(tampered, { headers })).rejects.toThrow(/Signature verification failed/);
    }
  });
});
