import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import type { TCallDto } from "../realtime/events";
import { callVisibilityWhere, queueCallsWhere } from "./call-access";
import { callDtoSelect, toCallDto } from "./call-dto";
import type { TCallList } from "./call-schemas";
import { LIVE_CALL_STATUSES } from "./call-state";

export interface CallPage {
  items: TCallDto[];
  nextCursor: string | null;
}

/** Newest first; agents see their own calls, supervisors and admins the organization's. Cursor = last id seen. */
export async function listCalls(options: { db: Db; actor: Actor; input: TCallList }): Promise<CallPage> {
  const { db, actor, input } = options;
  const where: Prisma.TelnyxCallWhereInput = {
    ...(actor.role === "AGENT"
      ? { organizationId: actor.organizationId, OR: [{ userId: actor.userId }, queueCallsWhere(actor)] }
      : { organizationId: actor.organizationId }),
    ...(input.direction ? { direction: input.direction } : {}),
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.userId && actor.role !== "AGENT" ? { userId: input.userId } : {}),
    ...(input.leadId ? { leadId: input.leadId } : {}),
    ...(input.phoneNumberId ? { phoneNumberId: input.phoneNumberId } : {}),
    ...(input.from || input.to
      ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) } }
      : {}),
  };
  const cursorRow = input.cursor
    ? await db.prisma.telnyxCall.findFirst({
        where: { id: input.cursor, organizationId: actor.organizationId },
        select: { id: true },
      })
    : null;
  const rows = await db.prisma.telnyxCall.findMany({
    where,
    select: callDtoSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toCallDto);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

/** Calls in progress: the caller's own for agents, the organization's for supervisors and admins. */
export async function listActiveCalls(options: { db: Db; actor: Actor }): Promise<TCallDto[]> {
  const { db, actor } = options;
  const rows = await db.prisma.telnyxCall.findMany({
    where: { ...callVisibilityWhere(actor), status: { in: [...LIVE_CALL_STATUSES] } },
    select: callDtoSelect,
    orderBy: [{ createdAt: "desc" }],
    take: 500,
  });
  return rows.map(toCallDto);
}
