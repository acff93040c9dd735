import type { Db } from "@app/db/open-db";
import type { Prisma } from "@app/db/client";
import type { Actor } from "../domain/actor";
import { leadSelect, type TLead, type TLeadList } from "./lead-schemas";

export interface LeadPage {
  items: TLead[];
  nextCursor: string | null;
  total: number;
}

/** Newest first, searched over name, company, email and phone; cursor = the last id seen. */
export async function listLeads(options: { db: Db; actor: Actor; input: TLeadList }): Promise<LeadPage> {
  const { db, actor, input } = options;
  const search = input.search?.trim();
  const digits = search?.replace(/[^\d+]/g, "");
  const where: Prisma.LeadWhereInput = {
    organizationId: actor.organizationId,
    ...(search
      ? {
          OR: [
            { firstName: { contains: search, mode: "insensitive" } },
            { lastName: { contains: search, mode: "insensitive" } },
            { company: { contains: search, mode: "insensitive" } },
            { email: { contains: search, mode: "insensitive" } },
            ...(digits && digits.length >= 3 ? [{ phoneNumber: { contains: digits } }] : []),
          ],
        }
      : {}),
  };
  const cursorRow = input.cursor
    ? await db.prisma.lead.findFirst({
        where: { id: input.cursor, organizationId: actor.organizationId },
        select: { id: true },
      })
    : null;
  const [rows, total] = await Promise.all([
    db.prisma.lead.findMany({
      where,
      select: leadSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
    }),
    db.prisma.lead.count({ where }),
  ]);
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null, total };
}
