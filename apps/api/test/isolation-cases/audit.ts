import type { IsolationDomain } from "./types";

export const auditIsolation: IsolationDomain = {
  async seed(api, target) {
    const entry = await api.db.prisma.auditLog.create({
      data: {
        organizationId: target.organizationId,
        userId: target.userId,
        action: "lead.update",
        targetType: "lead",
        targetId: target.leadId,
        ip: "203.0.113.77",
        details: { marker: "audit-secret-of-a" },
      },
    });
    target.extra.auditLogId = entry.id;
    target.extra.auditIp = "203.0.113.77";
    target.extra.auditMarker = "audit-secret-of-a";
  },
  cases: {
    "audit.list": { input: (a) => ({ userId: a.userId, limit: 200 }) },
    "audit.actions": { input: () => undefined },
  },
};
