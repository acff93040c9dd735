import type { Db } from "@app/db/open-db";

export interface AuditEntry {
  organizationId: string;
  userId?: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  result?: "ok" | "denied" | "failed";
  ip?: string;
  details?: Record<string, unknown>;
}

/** Who did what to which target, with what result, from where. Never stores secrets. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.prisma.auditLog.create({
    data: {
      organizationId: entry.organizationId,
      userId: entry.userId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      result: entry.result ?? "ok",
      ip: entry.ip,
      details: entry.details as never,
    },
  });
}
