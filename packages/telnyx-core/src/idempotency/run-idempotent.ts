/**
 * Idempotency keys for the creates a click can repeat (a call, an SMS, a lead, a number, an API token), with the
 * semantics the payment APIs made common: the same key with the same request answers the first result again; the
 * same key with another request is refused (422); a repeat that arrives while the first still runs waits for it
 * (up to `waitMs`, then 409 "still processing"), it never runs the action a second time.
 *
 * The database is the lock: the first request claims a unique row (organization, actor, sha256 of the key) with an
 * INSERT … ON CONFLICT DO NOTHING before it acts, then stores its answer there. A failed action releases its row,
 * so a retry after an error runs again. Rows live 24 h; an expired row is ignored (and replaced), the daily
 * retention deletes them. A first request that never finished (its process stopped mid-action) leaves its row without an
 * answer: past `IDEMPOTENCY_STALE_MS` a repeat is told at once that the outcome is unknown (the action may or may not
 * have reached Telnyx, so running it again could call or text twice) instead of "still processing" for 24 h.
 * The stored answer is encrypted with a key derived from the idempotency key, which is
 * never stored: an API token's secret in a replayable answer is no more readable from the database than the
 * token itself.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "@app/db/open-db";
import { AppError } from "../errors/app-error";

export const IDEMPOTENCY_TTL_HOURS = 24;
/** How long a repeat waits for the first request of its key before answering 409. */
export const IDEMPOTENCY_WAIT_MS = 10_000;
const POLL_MS = 100;
/** Longer than any action runs (Telnyx calls time out well before): a row still unanswered past it was abandoned. */
export const IDEMPOTENCY_STALE_MS = 5 * 60_000;

/** A client-generated key: a UUID or any 8–255 characters among letters, digits and `-_.:`. */
export const ZIdempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,255}$/, "invalid_idempotency_key")
  .describe(
    "A key you generate per action (a UUID): a repeat with the same key and request answers the first result, within 24 h.",
  );

export interface IdempotentCall<T> {
  db: Db;
  organizationId: string;
  /** "user:<id>" or "token:<id>": keys are never shared between actors. */
  actor: string;
  /** The action ("calls.create"): part of the request a repeat must match. */
  procedure: string;
  key: string;
  /** The request as the client sent it, without the key. */
  request: unknown;
  /** The answer as text (stored) and back. */
  encode: (value: T) => string;
  decode: (text: string) => T;
  now?: () => Date;
  waitMs?: number;
}

type KeyScope = Pick<IdempotentCall<unknown>, "organizationId" | "actor" | "key">;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** JSON with sorted keys: the same request always hashes the same, whatever order its fields came in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) return item;
    return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
}

function cipherKey(call: KeyScope): Buffer {
  const salt = `${call.organizationId}\n${call.actor}`;
  return Buffer.from(hkdfSync("sha256", call.key, salt, "tcrm idempotent response", 32));
}

function seal(call: KeyScope, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", cipherKey(call), iv);
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function open(call: KeyScope, sealed: string): string {
  const bytes = Buffer.from(sealed, "base64");
  const decipher = createDecipheriv("aes-256-gcm", cipherKey(call), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `action` once per (organization, actor, key); a repeat gets the first answer (see the file header). */
export async function runIdempotent<T>(call: IdempotentCall<T>, action: () => Promise<T>): Promise<T> {
  const { db } = call;
  const now = call.now ?? (() => new Date());
  const keyHash = sha256(call.key);
  const requestHash = sha256(`${call.procedure}\n${canonicalJson(call.request)}`);
  const scope = { organizationId: call.organizationId, actor: call.actor, keyHash };
  const deadline = Date.now() + (call.waitMs ?? IDEMPOTENCY_WAIT_MS);
  const id = randomUUID();
  for (;;) {
    const expiresAt = new Date(now().getTime() + IDEMPOTENCY_TTL_HOURS * 3_600_000);
    const { count } = await db.prisma.idempotencyKey.createMany({
      data: [{ id, ...scope, requestHash, procedure: call.procedure, expiresAt }],
      skipDuplicates: true,
    });
    if (count === 1) break;
    const row = await db.prisma.idempotencyKey.findUnique({ where: { organizationId_actor_keyHash: scope } });
    if (!row) continue; // the first request failed and released the key: claim it
    if (row.expiresAt <= now()) {
      await db.prisma.idempotencyKey.deleteMany({ where: { id: row.id, expiresAt: { lte: now() } } });
      continue;
    }
    if (row.requestHash !== requestHash)
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "This idempotency key was already used for a different request (another action or other values). Send a new key for a new action.",
      );
    if (row.response !== null) return call.decode(open(call, row.response));
    if (now().getTime() - row.createdAt.getTime() > IDEMPOTENCY_STALE_MS)
      throw new AppError(
        "IDEMPOTENCY_IN_PROGRESS",
        "The first request with this idempotency key was interrupted (the server stopped) and its outcome is unknown. Check whether it took effect, then send a new key to act again.",
      );
    if (Date.now() >= deadline)
      throw new AppError(
        "IDEMPOTENCY_IN_PROGRESS",
        "A request with this idempotency key is still being processed. Retry in a moment to get its result.",
        { retryAfterSecs: 1 },
      );
    await sleep(POLL_MS);
  }

  let value: T;
  try {
    value = await action();
  } catch (error) {
    await db.prisma.idempotencyKey.deleteMany({ where: { id } });
    throw error;
  }
  await db.prisma.idempotencyKey.update({
    where: { id },
    data: { response: seal(call, call.encode(value)), completedAt: now() },
  });
  return value;
}

/** Deletes the keys past their 24 h (the daily retention). */
export async function purgeIdempotencyKeys(options: { db: Db; now?: Date }): Promise<number> {
  const { count } = await options.db.prisma.idempotencyKey.deleteMany({
    where: { expiresAt: { lte: options.now ?? new Date() } },
  });
  return count;
}
