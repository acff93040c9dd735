/**
 * One key per user action for the creates a click can repeat (calls, SMS, leads, numbers, tokens): the web app and
 * the typed client send it as `idempotencyKey`, REST clients as the Idempotency-Key header. A random UUID (v4) from
 * getRandomValues, which browsers offer on plain http too (randomUUID needs a secure context).
 */
interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

export function newIdempotencyKey(): string {
  const random = (globalThis as unknown as { crypto: RandomSource }).crypto;
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
