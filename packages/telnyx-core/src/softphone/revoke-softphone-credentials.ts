import type { Db } from "@app/db/open-db";
import { isAppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import { SOFTPHONE_CREDENTIAL_TAG } from "./softphone-schemas";

/** A credential younger than this may still be on its way to its membership (created, not yet stored). */
const SETTLING_MS = 5 * 60_000;

/**
 * Deletes at Telnyx every softphone credential on the organization's credential connections that no current
 * membership holds: the member left (membership deleted by an admin tool, SQL, or with their user), so the login
 * tokens minted from it stop working. Only credentials tagged by this product are touched. Returns how many.
 */
export async function revokeEndedSoftphoneCredentials(options: {
  db: Db;
  gateway: TelnyxGateway;
  organizationId: string;
  now?: Date;
}): Promise<{ revoked: string[] }> {
  const { db, gateway, organizationId } = options;
  const now = options.now ?? new Date();
  const [connections, members] = await Promise.all([
    db.prisma.telnyxConnection.findMany({
      where: { organizationId, kind: "CREDENTIAL_CONNECTION" },
      select: { telnyxId: true },
    }),
    db.prisma.membership.findMany({
      where: { organizationId, softphoneCredentialId: { not: null } },
      select: { softphoneCredentialId: true },
    }),
  ]);
  const held = new Set(members.map((member) => member.softphoneCredentialId));
  const revoked: string[] = [];
  for (const connection of connections) {
    let credentials;
    try {
      credentials = await gateway.listTelephonyCredentials({
        connectionId: connection.telnyxId,
        tag: SOFTPHONE_CREDENTIAL_TAG,
      });
    } catch (error) {
      if (isAppError(error) && error.code === "TELNYX_NOT_FOUND") continue;
      throw error;
    }
    for (const credential of credentials) {
      if (!credential.id || held.has(credential.id)) continue;
      const createdAt = Date.parse(credential.created_at ?? "");
      if (Number.isFinite(createdAt) && now.getTime() - createdAt < SETTLING_MS) continue;
      try {
        await gateway.deleteTelephonyCredential(credential.id);
      } catch (error) {
        if (!isAppError(error) || error.code !== "TELNYX_NOT_FOUND") throw error;
      }
      revoked.push(credential.id);
    }
  }
  return { revoked };
}
