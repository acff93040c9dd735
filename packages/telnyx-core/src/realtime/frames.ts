/**
 * Coalesced delivery, the client's side. A socket that opts in at the handshake
 * (`auth: { ...BATCH_FRAMES_AUTH }`) receives its live events as `batch` packets: each carries the
 * events of one short window (≤ 10 ms) in the order the server emitted them, as `[eventName, payload]`
 * pairs. Receivers unpack a batch into the same handlers the per-event packets reach, in order; the
 * server's side is apps/api/src/realtime/frame-coalescer.ts. Sockets that do not opt in receive one
 * packet per event, as before. Kept free of zod so the web app's entry chunk can import it.
 */

/** The handshake's opt-in, merged into socket.io's `auth`. */
export const BATCH_FRAMES_AUTH = { frames: "batch" } as const;

/** The packet that carries a window's events. */
export const BATCH_EVENT = "batch";

export type BatchItem = [event: string, payload: unknown];

export function isBatchOptIn(auth: Record<string, unknown> | undefined): boolean {
  return auth?.frames === BATCH_FRAMES_AUTH.frames;
}

/** Hands each event of a batch to `deliver`, in order; anything malformed is skipped. */
export function unpackBatch(items: unknown, deliver: (event: string, payload: unknown) => void): void {
  if (!Array.isArray(items)) return;
  for (const item of items) {
    if (Array.isArray(item) && typeof item[0] === "string") deliver(item[0], item[1]);
  }
}
