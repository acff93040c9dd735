import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { leadNameOf, messageSelect, toMessageDto } from "./message-dto";
import type { TThread, TThreadGet } from "./message-schemas";
import { isOptedOut } from "./opt-outs";

const leadSelect = { id: true, firstName: true, lastName: true, phoneNumber: true } satisfies Prisma.LeadSelect;

/** Who the conversation is with: a lead (all its messages, and its number's), or a bare number. */
async function resolveCounterpart(db: Db, organizationId: string, input: TThreadGet) {
  if (input.leadId) {
    const lead = await db.prisma.lead.findFirst({ where: { id: input.leadId, organizationId }, select: leadSelect });
    if (!lead) throw new AppError("NOT_FOUND", "This lead does not exist or was deleted.");
    const where: Prisma.TelnyxMessageWhereInput = {
      organizationId,
      OR: [{ leadId: lead.id }, { counterpartNumber: lead.phoneNumber }],
    };
    return { lead, counterpartNumber: lead.phoneNumber, where };
  }
  const counterpartNumber = input.counterpartNumber!;
  const latestWithLead = await db.prisma.telnyxMessage.findFirst({
    where: { organizationId, counterpartNumber, leadId: { not: null } },
    select: { lead: { select: leadSelect } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const lead =
    latestWithLead?.lead ??
    (await db.prisma.lead.findFirst({
      where: { organizationId, phoneNumber: counterpartNumber },
      select: leadSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }));
  const where: Prisma.TelnyxMessageWhereInput = { organizationId, counterpartNumber };
  return { lead, counterpartNumber, where };
}

/** One conversation, a page at a time: oldest first within the page; the cursor pages back in time. */
export async function getThread(options: { db: Db; actor: Actor; input: TThreadGet }): Promise<TThread> {
  const { db, actor, input } = options;
  const organizationId = actor.organizationId;
  const { lead, counterpartNumber, where } = await resolveCounterpart(db, organizationId, input);
  const cursorRow = input.cursor
    ? await db.prisma.telnyxMessage.findFirst({ where: { ...where, id: input.cursor }, select: { id: true } })
    : null;
  const [rows, optedOut] = await Promise.all([
    db.prisma.telnyxMessage.findMany({
      where,
      select: messageSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.limit + 1,
      ...(cursorRow ? { cursor: { id: cursorRow.id }, skip: 1 } : {}),
    }),
    isOptedOut(db.prisma, organizationId, counterpartNumber),
  ]);
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  return {
    items: page.map(toMessageDto).reverse(),
    nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null,
    optedOut,
    counterpartNumber,
    leadId: lead?.id ?? null,
    leadName: leadNameOf(lead),
  };
}
