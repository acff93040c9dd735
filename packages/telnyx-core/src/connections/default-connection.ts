import type { ConnectionKind, PrismaClient } from "@app/db/client";
import type { Tx } from "../webhooks/apply-types";

/** The organization's connection of a kind new numbers use: the default one, else the oldest active. */
export async function findDefaultConnection(
  prisma: PrismaClient | Tx,
  organizationId: string,
  kind: ConnectionKind,
): Promise<{ id: string; telnyxId: string; name: string } | null> {
  return prisma.telnyxConnection.findFirst({
    where: { organizationId, kind, active: true },
    select: { id: true, telnyxId: true, name: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
  });
}
