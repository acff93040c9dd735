import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A persisted Ed25519 key pair: publicKey is base64 of the raw 32 bytes, privateKey a PKCS#8 PEM. */
export interface SandboxKeyPair {
  publicKey: string;
  privateKey: string;
}

export class WebhookSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: string;

  constructor(pair: SandboxKeyPair) {
    this.privateKey = createPrivateKey(pair.privateKey);
    this.publicKey = rawPublicKey(this.privateKey);
    if (this.publicKey !== pair.publicKey) throw new Error("Sandbox key pair: public key does not match private key");
  }

  /** Telnyx signs the UTF-8 bytes of `${timestamp}|${rawBody}`. */
  sign(rawBody: string, timestamp: number): string {
    return sign(null, Buffer.from(`${timestamp}|${rawBody}`, "utf8"), this.privateKey).toString("base64");
  }
}

export function generateSandboxKeyPair(): SandboxKeyPair {
  const { privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKey: rawPublicKey(privateKey),
    privateKey: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  };
}

/** Loads `keys.json` from dataDir, creating it on first start so the public key survives restarts. */
export function loadOrCreateKeyPair(dataDir: string): SandboxKeyPair {
  const file = join(dataDir, "keys.json");
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<SandboxKeyPair>;
    if (typeof parsed.publicKey === "string" && typeof parsed.privateKey === "string") {
      return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
    }
  }
  const pair = generateSandboxKeyPair();
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(pair, null, 2), { mode: 0o600 });
  return pair;
}

function rawPublicKey(privateKey: KeyObject): string {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  if (!jwk.x) throw new Error("Ed25519 key without x coordinate");
  return Buffer.from(jwk.x, "base64url").toString("base64");
}
