import { z } from "zod";

/** What the browser needs to register: a short-lived login token, never the credential's password. */
export const ZSoftphoneTokenSchema = z.object({
  token: z.string(),
  /** When Telnyx stops accepting the token (its `exp`): ask for a new one before. */
  expiresAt: z.date(),
  /** The agent's SIP identity: Call Control rings the browser at sip:<sipUsername>@sip.telnyx.com. */
  sipUsername: z.string(),
  /** The WebRTC gateway to connect to, when not Telnyx's default (the sandbox's). */
  host: z.string().optional(),
});
export type TSoftphoneToken = z.infer<typeof ZSoftphoneTokenSchema>;

/** Tag on every credential this product creates: the sweep deletes only these, never a credential made elsewhere. */
export const SOFTPHONE_CREDENTIAL_TAG = "crm-softphone";
export const SOFTPHONE_CONNECTION_NAME = "CRM softphone";

/** Name of a member's credential at Telnyx (readable in the portal, unique per membership). */
export const credentialNameOf = (membershipId: string) => `crm-agent-${membershipId}`;

/** The `exp` of a JWT (not verified: Telnyx made it, we only read when to refresh). */
export function expiryOfToken(token: string): Date | null {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      exp?: unknown;
    };
    return typeof claims.exp === "number" ? new Date(claims.exp * 1000) : null;
  } catch {
    return null;
  }
}
