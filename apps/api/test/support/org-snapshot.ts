/** Every row one organization owns, as one string: equal before and after = nothing of it changed. */
import type { Db } from "@app/db/open-db";

export async function snapshotOrganization(db: Db, organizationId: string): Promise<string> {
  const where = { where: { organizationId }, orderBy: { id: "asc" as const } };
  const p = db.prisma;
  const rows = await Promise.all([
    p.lead.findMany(where),
    p.membership.findMany(where),
    p.user.findMany({ where: { memberships: { some: { organizationId } } }, orderBy: { id: "asc" } }),
    p.telnyxCall.findMany(where),
    p.telnyxMessage.findMany(where),
    p.telnyxPhoneNumber.findMany(where),
    p.telnyxConnection.findMany(where),
    p.setting.findMany(where),
    p.optOut.findMany(where),
    p.rate.findMany(where),
    p.apiToken.findMany(where),
    p.kioskToken.findMany(where),
    p.idempotencyKey.findMany(where),
    p.organization.findUnique({ where: { id: organizationId } }),
  ]);
  return JSON.stringify(rows);
}
