/**
 * The idempotency middleware of the creates a click can repeat (idempotentProcedure, idempotentAdminProcedure in
 * trpc.ts): an optional `idempotencyKey` in the input (REST: the `Idempotency-Key` header, rest-plugin.ts) makes
 * the procedure run once per key, organization and actor; a repeat gets the first answer, replayed
 * (telnyx-core runIdempotent). The key is taken out of the input before the procedure's own schema reads it.
 */
import superjson from "superjson";
import { z } from "zod";
import { runIdempotent, ZIdempotencyKeySchema } from "@app/telnyx-core/idempotency/run-idempotent";
import type { AuthContext } from "../auth/auth-context";
import type { Context } from "./context";

export const IDEMPOTENCY_KEY_HEADER = "idempotency-key";

export const ZIdempotencyInputSchema = z.object({ idempotencyKey: ZIdempotencyKeySchema.optional() });

/** A key belongs to one actor: the user behind a session, or one API token. */
export const actorKeyOf = (auth: AuthContext) => (auth.tokenId ? `token:${auth.tokenId}` : `user:${auth.userId}`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// tRPC's own value for a middleware's answer: a replay answers without running the rest of the chain.
const MIDDLEWARE_MARKER = "middlewareMarker" as never;

interface MiddlewareResult {
  ok: boolean;
  data?: unknown;
  error?: unknown;
}

export async function runOnceForKey<R extends MiddlewareResult>(options: {
  ctx: Context;
  path: string;
  getRawInput: () => Promise<unknown>;
  next: (opts: { input: unknown; getRawInput: () => Promise<unknown> }) => Promise<R>;
}): Promise<R> {
  const raw = await options.getRawInput();
  const { idempotencyKey, ...request } = isRecord(raw) ? raw : { idempotencyKey: undefined };
  // The procedure's schema reads the input without the key (its own fields only).
  const proceed = () => options.next({ input: {}, getRawInput: async () => (isRecord(raw) ? request : raw) });
  const auth = options.ctx.auth;
  if (typeof idempotencyKey !== "string" || !auth) return proceed();
  let first: R | undefined;
  const data = await runIdempotent(
    {
      db: options.ctx.db,
      organizationId: auth.organizationId,
      actor: actorKeyOf(auth),
      procedure: options.path,
      key: idempotencyKey,
      request,
      encode: (value) => superjson.stringify(value),
      decode: (text) => superjson.parse(text),
    },
    async () => {
      first = await proceed();
      if (!first.ok) throw first.error;
      return first.data;
    },
  );
  return first ?? ({ ok: true, data, marker: MIDDLEWARE_MARKER } as unknown as R);
}
