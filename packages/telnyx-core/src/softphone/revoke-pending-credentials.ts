import type { Db } from "@app/db/open-db";
import { isAppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";

const BATCH = 50;

/**
 * Deletes at Telnyx the credentials of memberships that ended (queued by the database when the membership row went,
 * whatever deleted it). A credential Telnyx no longer has counts as revoked; any other failure is kept for the next
 * run with its error. The organization's own key is used while it still exists, else the installation's.
 */
export async function revokePendingSoftphoneCredentials(options: {
  db: Db;
  gatewayFor: (organizationId: string) => Promise<TelnyxGateway>;
}): Promise<{ revoked: number; failed: number }> {
  const { db } = options;
  const pending = await db.prisma.softphoneRevocation.findMany({ orderBy: { createdAt: "asc" }, take: BATCH });
  const counts = { revoked: 0, failed: 0 };
  for (const item of pending) {
    try {
      const gateway = await options.gatewayFor(item.organizationId);
      await gateway.deleteTelephonyCredential(item.credentialId);
    } catch (error) {
      if (!isAppError(error) || error.code !== "TELNYX_NOT_FOUND") {
        counts.failed += 1;
        await db.prisma.softphoneRevocation.update({
          where: { id: item.id },
          data: { attempts: { increment: 1 }, lastError: isAppError(error) ? error.message : "Unexpected error" },
        });
        continue;
      }
    }
    counts.revoked += 1;
    await db.prisma.softphoneRevocation.delete({ where: { id: item.id } });
  }
  return counts;
}
