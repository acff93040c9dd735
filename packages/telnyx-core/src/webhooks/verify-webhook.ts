/**
 * Telnyx webhook signature check — the hot path of every webhook POST.
 *
 * Telnyx signs the UTF-8 bytes of `${telnyx-timestamp}|${rawBody}` with Ed25519 and sends the base64
 * signature in `telnyx-signature-ed25519`. We verify with node:crypto directly (synchronous, no
 * WebCrypto import per call) and build the KeyObject once per public key.
 */
import { createPublicKey, verify, type KeyObject } from "node:crypto";

export type WebhookVerificationFailure =
  | "missing_signature"
  | "missing_timestamp"
  | "stale"
  | "bad_signature"
  | "bad_key";

export type WebhookVerification = { ok: true; timestamp: number } | { ok: false; reason: WebhookVerificationFailure };

/** Node's IncomingHttpHeaders (lower-case keys), a plain record, or Fetch `Headers`. */
export type WebhookHeaders = Record<string, string | string[] | undefined> | { get(name: string): string | null };

export interface VerifyWebhookOptions {
  /** Seconds either side of now a timestamp may be; Telnyx and its SDK use 300. */
  toleranceSecs?: number;
  /** Current time in milliseconds (tests). */
  nowMs?: number;
}

export const SIGNATURE_HEADER = "telnyx-signature-ed25519";
export const TIMESTAMP_HEADER = "telnyx-timestamp";
export const DEFAULT_TOLERANCE_SECS = 300;

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;
const DIGITS_PATTERN = /^\d{1,15}$/;

/** Parses the base64 raw 32-byte Ed25519 public key Telnyx shows in the portal; null when malformed. */
export function importTelnyxPublicKey(publicKeyBase64: string): KeyObject | null {
  const trimmed = publicKeyBase64.trim();
  if (!BASE64_PATTERN.test(trimmed)) return null;
  const raw = Buffer.from(trimmed, "base64");
  if (raw.length !== 32) return null;
  try {
    return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
  } catch {
    return null;
  }
}

function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  let value = record[name];
  if (value === undefined) {
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
    value = key === undefined ? undefined : record[key];
  }
  return Array.isArray(value) ? value[0] : value;
}

function signedBytes(timestamp: string, rawBody: string | Uint8Array): Buffer {
  if (typeof rawBody === "string") return Buffer.from(`${timestamp}|${rawBody}`, "utf8");
  return Buffer.concat([Buffer.from(`${timestamp}|`, "utf8"), rawBody]);
}

function checkSignature(
  key: KeyObject,
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  options: VerifyWebhookOptions,
): WebhookVerification {
  const signatureHeader = readHeader(headers, SIGNATURE_HEADER)?.trim();
  if (!signatureHeader) return { ok: false, reason: "missing_signature" };
  const timestampHeader = readHeader(headers, TIMESTAMP_HEADER)?.trim();
  // A timestamp that is not unix seconds is as unusable as none at all.
  if (!timestampHeader || !DIGITS_PATTERN.test(timestampHeader)) return { ok: false, reason: "missing_timestamp" };

  const timestamp = Number(timestampHeader);
  const nowSecs = Math.floor((options.nowMs ?? Date.now()) / 1000);
  if (Math.abs(nowSecs - timestamp) > (options.toleranceSecs ?? DEFAULT_TOLERANCE_SECS)) {
    return { ok: false, reason: "stale" };
  }

  if (!BASE64_PATTERN.test(signatureHeader)) return { ok: false, reason: "bad_signature" };
  const signature = Buffer.from(signatureHeader, "base64");
  if (signature.length !== 64) return { ok: false, reason: "bad_signature" };

  const isValid = verify(null, signedBytes(timestampHeader, rawBody), key, signature);
  return isValid ? { ok: true, timestamp } : { ok: false, reason: "bad_signature" };
}

export type WebhookVerifier = (
  rawBody: string | Uint8Array,
  headers: WebhookHeaders,
  options?: VerifyWebhookOptions,
) => WebhookVerification;

/** Builds a verifier bound to one public key (the KeyObject is created once, here). */
export function createWebhookVerifier(publicKeyBase64: string): WebhookVerifier {
  const key = importTelnyxPublicKey(publicKeyBase64);
  if (!key) return () => ({ ok: false, reason: "bad_key" });
  return (rawBody, headers, options = {}) => checkSignature(key, rawBody, headers, options);
}

const verifierCache = new Map<string, WebhookVerifier>();
const MAX_CACHED_KEYS = 1000;

/**
 * One-shot form for callers that hold the key per organization. Verifiers are cached per key so the
 * KeyObject is still built only once.
 */
export function verifyWebhook(input: {
  rawBody: string | Uint8Array;
  headers: WebhookHeaders;
  publicKey: string;
  toleranceSecs?: number;
  nowMs?: number;
}): WebhookVerification {
  let verifier = verifierCache.get(input.publicKey);
  if (!verifier) {
    if (verifierCache.size >= MAX_CACHED_KEYS) verifierCache.clear();
    verifier = createWebhookVerifier(input.publicKey);
    verifierCache.set(input.publicKey, verifier);
  }
  return verifier(input.rawBody, input.headers, { toleranceSecs: input.toleranceSecs, nowMs: input.nowMs });
}
