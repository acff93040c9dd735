import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import type { TMessageDto } from "../realtime/events";
import { messageSelect, toMessageDto } from "./message-dto";
import type { TMessageList } from "./message-schemas";

/** Every message of the organization (shared inbox), newest first, filtered; cursor = the last id seen. */
export async function listMessages(options: {
  db: Db;
  actor: Actor;
  input: TMessageList;
}): Promise<{ items: TMessageDto[]; nextCursor: string | null }> {
  const { db, actor, input } = options;
  const where: Prisma.TelnyxMessageWhereInput = {
    organizationId: actor.organizationId,
    ...(input.direction ? { direction: input.direction } : {}),
    ...(input.status?.length ? { status: { in: input.status } } : {}),
    ...(input.from || input.to
      ? { createdAt: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lt: input.to } : {}) } }
      : {}),
  };
  const cursorRow = input.cursor
    ? await db.prisma.telnyxMessage.findFirst({
        where: { id: input.cursor, organizationId: actor.organizationId },
        select: { id: true },
      })
    : null;
  const rows = await db.prisma.telnyxMessage.findMany({
    where,
    select: messageSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items: items.map(toMessageDto), nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
