/**
 * The team's callback list (issue 15): a row per voicemail left or call missed while waiting, created when the call
 * ends (from its derived inbound outcome), listed for every member, assigned ("assign to me") and marked done.
 */
import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { Publisher } from "../realtime/events";
import type { Emit, Tx } from "../webhooks/apply-types";
import type { TCallback, ZCallbackListInputSchema } from "./routing-schemas";
import type { z } from "zod";

export const callbackSelect = {
  id: true,
  callId: true,
  reason: true,
  queueId: true,
  assigneeUserId: true,
  createdAt: true,
  doneAt: true,
  queue: { select: { name: true } },
  assignee: { select: { name: true } },
  call: {
    select: {
      fromNumber: true,
      leadId: true,
      recordingPath: true,
      lead: { select: { firstName: true, lastName: true } },
    },
  },
} as const satisfies Prisma.CallbackSelect;

type CallbackRow = Prisma.CallbackGetPayload<{ select: typeof callbackSelect }>;

export function toCallbackDto(row: CallbackRow): TCallback {
  const lead = row.call.lead;
  return {
    id: row.id,
    callId: row.callId,
    reason: row.reason,
    fromNumber: row.call.fromNumber,
    leadId: row.call.leadId,
    leadName: lead ? `${lead.firstName} ${lead.lastName}`.trim() : null,
    queueId: row.queueId,
    queueName: row.queue?.name ?? null,
    recordingUrl: row.call.recordingPath ? `/api/recordings/${row.callId}` : null,
    assigneeUserId: row.assigneeUserId,
    assigneeName: row.assignee?.name ?? null,
    createdAt: row.createdAt,
    doneAt: row.doneAt,
  };
}

/** The ended call's callback (voicemail or missed), created once; its reason follows the call's outcome. */
export async function upsertCallback(
  tx: Tx,
  call: { id: string; organizationId: string; queueId: string | null },
  reason: "VOICEMAIL" | "MISSED",
): Promise<Emit[]> {
  const existing = await tx.callback.findUnique({ where: { callId: call.id }, select: { reason: true } });
  if (existing?.reason === reason) return [];
  const row = existing
    ? await tx.callback.update({ where: { callId: call.id }, data: { reason }, select: callbackSelect })
    : await tx.callback.create({
        data: { organizationId: call.organizationId, callId: call.id, reason, queueId: call.queueId },
        select: callbackSelect,
      });
  return [{ scope: "org", id: call.organizationId, event: "callback:changed", payload: toCallbackDto(row) }];
}

/** After a voicemail's recording is stored: the callback now links to it. */
export async function publishCallbackOfCall(
  services: { db: Db; publisher: Publisher },
  call: { id: string; organizationId: string },
): Promise<void> {
  const row = await services.db.prisma.callback.findUnique({ where: { callId: call.id }, select: callbackSelect });
  if (row) services.publisher.toOrganization(call.organizationId, "callback:changed", toCallbackDto(row));
}

type ListInput = z.output<typeof ZCallbackListInputSchema>;

/** Newest first; OPEN or DONE; `mine` = assigned to the caller. Cursor = the last id seen. */
export async function listCallbacks(options: { db: Db; actor: Actor; input: ListInput }) {
  const { db, actor, input } = options;
  const where: Prisma.CallbackWhereInput = {
    organizationId: actor.organizationId,
    doneAt: input.status === "OPEN" ? null : { not: null },
    ...(input.mine ? { assigneeUserId: actor.userId } : {}),
  };
  const cursor = input.cursor
    ? await db.prisma.callback.findFirst({
        where: { id: input.cursor, organizationId: actor.organizationId },
        select: { id: true },
      })
    : null;
  const rows = await db.prisma.callback.findMany({
    where,
    select: callbackSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.limit;
  const items = (hasMore ? rows.slice(0, input.limit) : rows).map(toCallbackDto);
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}

async function updateCallback(
  options: { db: Db; actor: Actor; publisher: Publisher; id: string },
  data: Prisma.CallbackUncheckedUpdateManyInput,
): Promise<TCallback> {
  const { db, actor, publisher, id } = options;
  const updated = await db.prisma.callback.updateMany({ where: { id, organizationId: actor.organizationId }, data });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "This callback does not exist.");
  const dto = toCallbackDto(await db.prisma.callback.findUniqueOrThrow({ where: { id }, select: callbackSelect }));
  publisher.toOrganization(actor.organizationId, "callback:changed", dto);
  return dto;
}

export function assignCallbackToMe(options: { db: Db; actor: Actor; publisher: Publisher; id: string }) {
  return updateCallback(options, { assigneeUserId: options.actor.userId });
}

export function markCallbackDone(options: { db: Db; actor: Actor; publisher: Publisher; id: string }) {
  return updateCallback(options, { doneAt: new Date() });
}
