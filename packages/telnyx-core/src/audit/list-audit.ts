import { z } from "zod";
import type { Db } from "@app/db/open-db";
import type { Prisma } from "@app/db/client";
import type { Actor } from "../domain/actor";

export const ZAuditListSchema = z.object({
  action: z.string().trim().max(100, "too_long").optional(),
  userId: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.string().max(64).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TAuditList = z.infer<typeof ZAuditListSchema>;

export const ZAuditEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: z.string(),
  ip: z.string().nullable(),
  createdAt: z.date(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  details: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntrySchema>;

export const ZAuditPageSchema = z.object({ items: z.array(ZAuditEntrySchema), nextCursor: z.string().nullable() });

const auditSelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  result: true,
  ip: true,
  createdAt: true,
  userId: true,
  details: true,
  user: { select: { name: true } },
} as const satisfies Prisma.AuditLogSelect;

/** Newest first; `from` inclusive, `to` exclusive; cursor = the last id seen. */
export async function listAudit(options: {
  db: Db;
  actor: Actor;
  input: TAuditList;
}): Promise<z.infer<typeof ZAuditPageSchema>> {
  const { db, actor, input } = options;
  const where: Prisma.AuditLogWhereInput = {
    organizationId: actor.organizationId,
    ...(input.action ? { action: input.action } : {}),
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.from || input.to
      ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
  };
  const cursorRow = input.cursor
    ? await db.prisma.auditLog.findFirst({
        where: { id: input.cursor, organizationId: actor.organizationId },
        select: { id: true },
      })
    : null;
  const rows = await db.prisma.auditLog.findMany({
    where,
    select: auditSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  return {
    items: page.map(({ user, ...row }) => ({ ...row, userName: user?.name ?? null })),
    nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Distinct actions recorded in the organization, for the filter. */
export async function listAuditActions(options: { db: Db; actor: Actor }): Promise<string[]> {
  const rows = await options.db.prisma.auditLog.findMany({
    where: { organizationId: options.actor.organizationId },
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((row) => row.action);
}
