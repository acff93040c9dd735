import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { leadNameOf, messageSelect, toMessageDto } from "./message-dto";
import type { TThreadList, TThreadSummary } from "./message-schemas";

interface ThreadHead {
  id: string;
  counterpartNumber: string;
}

/**
 * Conversations of the organization (a shared inbox: every member sees them all), newest first: the
 * latest message per counterpart number (DISTINCT ON over [organizationId, counterpartNumber,
 * createdAt]). Cursor = the id of the last thread's latest message.
 */
export async function listThreads(options: {
  db: Db;
  actor: Actor;
  input: TThreadList;
}): Promise<{ items: TThreadSummary[]; nextCursor: string | null }> {
  const { db, actor, input } = options;
  const organizationId = actor.organizationId;
  const search = input.search?.trim() || null;
  const digits = search?.replace(/\D/g, "") ?? "";
  const heads = await db.query<ThreadHead>(
    `SELECT "id", "counterpartNumber" FROM (
       SELECT DISTINCT ON (m."counterpartNumber") m."id", m."createdAt", m."counterpartNumber"
       FROM "TelnyxMessage" m
       WHERE m."organizationId" = $1
         AND ($2::text IS NULL OR m."counterpartNumber" IN (
           SELECT s."counterpartNumber" FROM "TelnyxMessage" s LEFT JOIN "Lead" l ON l."organizationId" = $1 AND (l."id" = s."leadId" OR l."phoneNumber" = s."counterpartNumber")
           WHERE s."organizationId" = $1
             AND (($3::text <> '' AND s."counterpartNumber" LIKE '%' || $3 || '%')
               OR (l."firstName" || ' ' || l."lastName") ILIKE '%' || $2 || '%'
               OR l."company" ILIKE '%' || $2 || '%')))
       ORDER BY m."counterpartNumber", m."createdAt" DESC, m."id" DESC
     ) latest
     WHERE $4::text IS NULL OR ("createdAt", "id") < (SELECT c."createdAt", c."id" FROM "TelnyxMessage" c WHERE c."id" = $4 AND c."organizationId" = $1)
     ORDER BY "createdAt" DESC, "id" DESC
     LIMIT $5`,
    [organizationId, search, digits.length >= 3 ? digits : "", input.cursor ?? null, input.limit + 1],
  );
  const hasMore = heads.length > input.limit;
  const page = hasMore ? heads.slice(0, input.limit) : heads;
  if (page.length === 0) return { items: [], nextCursor: null };

  const numbers = page.map((head) => head.counterpartNumber);
  const [messages, counts, leads] = await Promise.all([
    db.prisma.telnyxMessage.findMany({
      where: { organizationId, id: { in: page.map((head) => head.id) } },
      select: messageSelect,
    }),
    db.prisma.telnyxMessage.groupBy({
      by: ["counterpartNumber"],
      where: { organizationId, counterpartNumber: { in: numbers } },
      _count: { _all: true },
    }),
    // Threads whose latest message predates the lead still belong to it.
    db.prisma.lead.findMany({
      where: { organizationId, phoneNumber: { in: numbers } },
      select: { id: true, firstName: true, lastName: true, phoneNumber: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const byId = new Map(messages.map((message) => [message.id, message]));
  const countOf = new Map(counts.map((count) => [count.counterpartNumber, count._count._all]));
  const items = page.flatMap((head): TThreadSummary[] => {
    const message = byId.get(head.id);
    if (!message) return [];
    const lastMessage = toMessageDto(message);
    const lead = lastMessage.leadId ? null : leads.find((l) => l.phoneNumber === head.counterpartNumber);
    const leadId = lastMessage.leadId ?? lead?.id ?? null;
    const leadName = lastMessage.leadId ? lastMessage.leadName : leadNameOf(lead);
    return [
      {
        key: leadId ?? head.counterpartNumber,
        leadId,
        leadName,
        counterpartNumber: head.counterpartNumber,
        lastMessage,
        messageCount: countOf.get(head.counterpartNumber) ?? 0,
      },
    ];
  });
  return { items, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
