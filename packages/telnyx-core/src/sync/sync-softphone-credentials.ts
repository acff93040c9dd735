import { revokeEndedSoftphoneCredentials } from "../softphone/revoke-softphone-credentials";
import type { SyncContext } from "./sync-context";

/** Deletes at Telnyx the softphone credentials of members who left; a credential gone from Telnyx is forgotten here. */
export async function syncSoftphoneCredentials(ctx: SyncContext): Promise<void> {
  const { revoked } = await ctx.read(() =>
    revokeEndedSoftphoneCredentials({
      db: ctx.db,
      gateway: ctx.gateway,
      organizationId: ctx.organizationId,
      now: ctx.now,
    }),
  );
  for (const id of revoked)
    ctx.report.change("softphone.revoked", `Softphone credential ${id} of a former member deleted in Telnyx.`);
  ctx.report.count("softphoneCredentialsRevoked", revoked.length);
}
