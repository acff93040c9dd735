/**
 * What we put in client_state when we dial or answer a leg (Telnyx echoes it, base64, on every later
 * webhook of that leg), so webhooks that arrive before the dial response still find their call.
 */
import { z } from "zod";
import { decodeClientState } from "../gateway/gateway-context";

const ZCallClientState = z.object({
  callId: z.string().min(1),
  /** "other" = a leg that belongs to the call but is neither side (transfer target). */
  leg: z.enum(["agent", "customer", "other"]),
  /** The agent a dialed agent leg is for. */
  userId: z.string().optional(),
  /** Agent transfer: the agent leg this one replaces once it answers. */
  replaces: z.string().optional(),
  /** A supervisor's leg (calls.supervise): its CallSupervision row. */
  supervisionId: z.string().optional(),
});
export type CallClientState = z.infer<typeof ZCallClientState>;

/** Plain JSON text: the gateway base64-encodes it. */
export function encodeCallClientState(state: CallClientState): string {
  return JSON.stringify(state);
}

/** A webhook's base64 client_state → our state, or null when absent or not ours. */
export function parseCallClientState(encoded: string | null | undefined): CallClientState | null {
  try {
    const text = decodeClientState(encoded);
    if (!text) return null;
    const parsed = ZCallClientState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
