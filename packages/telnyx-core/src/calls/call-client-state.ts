/**
 * What we put in client_state when we dial or answer a leg (Telnyx echoes it, base64, on every later
 * webhook of that leg), so webhooks that arrive before the dial response still find their call.
 * Anyone who can sign a webhook can also write any client_state, so it carries an HMAC under the
 * organization's own secret (Organization.clientStateSecret, never sent to clients): a client_state
 * whose MAC does not verify with the secret of the organization it names is treated as not ours.
 *
 * Size: Telnyx documents client_state only as "a valid Base-64 encoded string" (API reference, Update
 * client state / Dial) and publishes no length limit that we could find; we keep it compact anyway —
 * short ids plus a 22-character MAC, well under 512 base64 characters (call-client-state.test.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { decodeClientState } from "../gateway/gateway-context";
import type { Tx } from "../webhooks/apply-types";

const ZCallClientState = z.object({
  callId: z.string().min(1),
  /** "other" = a leg that belongs to the call but is neither side (transfer target). */
  leg: z.enum(["agent", "customer", "other"]),
  /** The agent a dialed agent leg is for. */
  userId: z.string().optional(),
  /** Agent transfer: the agent leg this one replaces once it answers. */
  replaces: z.string().optional(),
  /** Warm transfer: a colleague's leg dialed to be consulted (calls.consult); joins the conference on answer. */
  consult: z.boolean().optional(),
  /** A supervisor's leg (calls.supervise): its CallSupervision row. */
  supervisionId: z.string().optional(),
  /** Inbound routing answered the customer leg: to hold it in a queue, for voicemail, or for an IVR menu (routing/). */
  routing: z.enum(["hold", "voicemail", "ivr"]).optional(),
  /** IVR: the menu being said to the caller, and how many times it was said without a valid key before. */
  menuId: z.string().optional(),
  retry: z.number().int().optional(),
});
export type CallClientState = z.infer<typeof ZCallClientState>;

/** A client_state as read from a webhook: its claims are not trusted until `isAuthentic` says so. */
export interface ClaimedClientState {
  state: CallClientState;
  json: string;
  mac: string;
}

/** 16 bytes of HMAC-SHA256, base64url (22 characters). */
const macOf = (secret: string, json: string) =>
  createHmac("sha256", secret).update(json).digest().subarray(0, 16).toString("base64url");

/** `<mac>.<json>` as plain text: the gateway base64-encodes it. The one encoder every dial/answer/transfer uses. */
export function encodeCallClientState(state: CallClientState, secret: string): string {
  const json = JSON.stringify(state);
  return `${macOf(secret, json)}.${json}`;
}

/** A webhook's base64 client_state → its claims (unverified), or null when absent or not in our shape. */
export function readCallClientState(encoded: string | null | undefined): ClaimedClientState | null {
  try {
    const text = decodeClientState(encoded);
    if (!text) return null;
    const dot = text.indexOf(".");
    if (dot <= 0) return null;
    const json = text.slice(dot + 1);
    const parsed = ZCallClientState.safeParse(JSON.parse(json));
    return parsed.success ? { state: parsed.data, json, mac: text.slice(0, dot) } : null;
  } catch {
    return null;
  }
}

/** True when the claim was written by us for the organization whose secret this is. */
export function isAuthentic(claim: ClaimedClientState, secret: string): boolean {
  const expected = Buffer.from(macOf(secret, claim.json));
  const given = Buffer.from(claim.mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The organization's client_state secret. */
export async function clientStateSecretOf(client: Pick<Tx, "organization">, organizationId: string): Promise<string> {
  const row = await client.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { clientStateSecret: true },
  });
  return row.clientStateSecret;
}
