import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";

export const ARCHIVE_AFTER_MONTHS = 6;

export interface ArchiveOutcome {
  cutoff: Date;
  calls: number;
  messages: number;
  /** Per organization, for its audit log. */
  byOrganization: Record<string, { calls: number; messages: number }>;
}

/** The same day-of-month `months` earlier (clamped, e.g. Aug 31 → Feb 28/29). */
export function monthsBefore(date: Date, months: number): Date {
  const target = new Date(date);
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/**
 * Calls and messages older than six months move to the archive state: `archivedAt` is set, nothing
 * is deleted, so they still count in reports (lists show live records first). Idempotent: already
 * archived rows are left as they are. Each organization with archived rows gets an audit entry.
 */
export async function archiveOldRecords(options: { db: Db; now?: Date; months?: number }): Promise<ArchiveOutcome> {
  const { db } = options;
  const now = options.now ?? new Date();
  const cutoff = monthsBefore(now, options.months ?? ARCHIVE_AFTER_MONTHS);
  const where = { archivedAt: null, createdAt: { lt: cutoff } };
  const [callGroups, messageGroups] = await Promise.all([
    db.prisma.telnyxCall.groupBy({ by: ["organizationId"], where, _count: { _all: true } }),
    db.prisma.telnyxMessage.groupBy({ by: ["organizationId"], where, _count: { _all: true } }),
  ]);
  const [calls, messages] = await Promise.all([
    db.prisma.telnyxCall.updateMany({ where, data: { archivedAt: now } }),
    db.prisma.telnyxMessage.updateMany({ where, data: { archivedAt: now } }),
  ]);
  const byOrganization: ArchiveOutcome["byOrganization"] = {};
  const countsOf = (organizationId: string) => {
    byOrganization[organizationId] ??= { calls: 0, messages: 0 };
    return byOrganization[organizationId];
  };
  for (const group of callGroups) countsOf(group.organizationId).calls = group._count._all;
  for (const group of messageGroups) countsOf(group.organizationId).messages = group._count._all;
  for (const [organizationId, counts] of Object.entries(byOrganization)) {
    await recordAudit(db, {
      organizationId,
      userId: null,
      action: "retention.archive",
      targetType: "organization",
      targetId: organizationId,
      details: { ...counts, olderThan: cutoff.toISOString() },
    });
  }
  return { cutoff, calls: calls.count, messages: messages.count, byOrganization };
}
