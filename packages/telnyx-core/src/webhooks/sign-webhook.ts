/**
 * Test-only: signs a webhook body exactly as Telnyx does, so tests can feed signed fixtures to the
 * verifier and to the SDK's `webhooks.unwrap`. Production never holds a Telnyx private key.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./verify-webhook";

export interface TestSigningKeyPair {
  /** base64 of the raw 32-byte public key — the form Telnyx shows as TELNYX_PUBLIC_KEY. */
  publicKeyBase64: string;
  privateKey: KeyObject;
}

export function generateTestSigningKeyPair(): TestSigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  if (!jwk.x) throw new Error("Ed25519 JWK export lacks x");
  return { publicKeyBase64: Buffer.from(jwk.x, "base64url").toString("base64"), privateKey };
}

/** Accepts a KeyObject or a PEM (PKCS#8) private key. */
function toPrivateKey(privateKey: KeyObject | string): KeyObject {
  return typeof privateKey === "string" ? createPrivateKey(privateKey) : privateKey;
}

export function signWebhook(
  rawBody: string | Uint8Array,
  privateKey: KeyObject | string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<typeof SIGNATURE_HEADER | typeof TIMESTAMP_HEADER, string> {
  const prefix = Buffer.from(`${timestamp}|`, "utf8");
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody;
  const signature = sign(null, Buffer.concat([prefix, body]), toPrivateKey(privateKey));
  return {
    [SIGNATURE_HEADER]: signature.toString("base64"),
    [TIMESTAMP_HEADER]: String(timestamp),
  };
}
