/**
 * Queues: list (every member: agents see who is in their queues), create, update and delete (supervisors and
 * admins). Members must belong to the organization; a queue a number routes to cannot be deleted.
 */
import { Prisma } from "@app/db/client";
import type { DomainContext } from "../domain/domain-context";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import { menusPointingTo } from "./manage-ivr";
import { readQueues } from "./queue-dto";
import type { TQueue, TQueueInput } from "./routing-schemas";

type Ctx = Pick<DomainContext, "db" | "actor" | "publisher">;

export function listQueues(ctx: Pick<DomainContext, "db" | "actor">): Promise<TQueue[]> {
  return readQueues(ctx.db.prisma, ctx.actor.organizationId);
}

async function requireMembers(ctx: Ctx, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  const found = await ctx.db.prisma.membership.count({
    where: { organizationId: ctx.actor.organizationId, userId: { in: unique } },
  });
  if (found !== unique.length)
    throw new AppError("VALIDATION", "Every member of a queue must belong to your organization.", {
      fieldErrors: { memberUserIds: ["unknown_member"] },
    });
  return unique;
}

function fields(input: TQueueInput) {
  return {
    name: input.name,
    strategy: input.strategy,
    ringTimeoutSecs: input.ringTimeoutSecs,
    maxWaitSecs: input.maxWaitSecs,
    holdMessage: input.holdMessage || null,
    announcePosition: input.announcePosition,
  };
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new AppError("CONFLICT", "Another queue already has this name.", { fieldErrors: { name: ["taken"] } });
  throw error;
}

async function publishQueue(ctx: Ctx, id: string): Promise<TQueue> {
  const [queue] = await readQueues(ctx.db.prisma, ctx.actor.organizationId, { queueIds: [id] });
  if (!queue) throw new AppError("NOT_FOUND", "This queue does not exist.");
  ctx.publisher.toOrganization(ctx.actor.organizationId, "queue:updated", queue);
  return queue;
}

export async function createQueue(ctx: Ctx & { input: TQueueInput }): Promise<TQueue> {
  const members = await requireMembers(ctx, ctx.input.memberUserIds);
  const row = await ctx.db.prisma.callQueue
    .create({
      data: {
        ...fields(ctx.input),
        organizationId: ctx.actor.organizationId,
        members: { create: members.map((userId, position) => ({ userId, position })) },
      },
      select: { id: true },
    })
    .catch(nameTaken);
  await recordAudit(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    action: "queue.create",
    targetType: "queue",
    targetId: row.id,
    ip: ctx.actor.ip,
  });
  return publishQueue(ctx, row.id);
}

export async function updateQueue(ctx: Ctx & { input: TQueueInput & { id: string } }): Promise<TQueue> {
  const { id } = ctx.input;
  const members = await requireMembers(ctx, ctx.input.memberUserIds);
  await ctx.db.prisma
    .$transaction(async (tx) => {
      const updated = await tx.callQueue.updateMany({
        where: { id, organizationId: ctx.actor.organizationId },
        data: fields(ctx.input),
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "This queue does not exist.");
      await tx.callQueueMember.deleteMany({ where: { queueId: id } });
      await tx.callQueueMember.createMany({
        data: members.map((userId, position) => ({ queueId: id, userId, position })),
      });
    })
    .catch(nameTaken);
  await recordAudit(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    action: "queue.update",
    targetType: "queue",
    targetId: id,
    ip: ctx.actor.ip,
  });
  return publishQueue(ctx, id);
}

export async function deleteQueue(ctx: Ctx & { id: string }): Promise<{ id: string }> {
  const queue = await ctx.db.prisma.callQueue.findFirst({
    where: { id: ctx.id, organizationId: ctx.actor.organizationId },
    select: { id: true, _count: { select: { numbers: true } } },
  });
  if (!queue) throw new AppError("NOT_FOUND", "This queue does not exist.");
  if (queue._count.numbers > 0)
    throw new AppError("CONFLICT", "Numbers still route to this queue: route them elsewhere first.");
  const menus = await menusPointingTo(ctx, (t) => t.kind === "queue" && t.queueId === queue.id);
  if (menus.length > 0)
    throw new AppError("CONFLICT", `IVR menus still go to this queue (${menus.join(", ")}): change them first.`);
  try {
    await ctx.db.prisma.callQueue.delete({ where: { id: queue.id } });
  } catch (error) {
    // A number was routed to it meanwhile (the foreign key refuses).
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014"))
      throw new AppError("CONFLICT", "Numbers still route to this queue: route them elsewhere first.");
    throw error;
  }
  await recordAudit(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    action: "queue.delete",
    targetType: "queue",
    targetId: queue.id,
    ip: ctx.actor.ip,
  });
  return { id: queue.id };
}
