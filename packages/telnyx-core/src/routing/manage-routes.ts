/** Business hours and where each number's inbound calls go (routing settings: read by members, set by supervisors). */
import type { Prisma } from "@app/db/client";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain/domain-context";
import { AppError } from "../errors/app-error";
import { businessHoursOf, isKnownTimeZone } from "./business-hours";
import type { TBusinessHours, TRouteTarget } from "./routing-schemas";

type Ctx = Pick<DomainContext, "db" | "actor">;

export async function getBusinessHours(ctx: Ctx): Promise<TBusinessHours> {
  const org = await ctx.db.prisma.organization.findUniqueOrThrow({
    where: { id: ctx.actor.organizationId },
    select: { businessHours: true, timeZone: true },
  });
  return businessHoursOf(org.businessHours, org.timeZone);
}

export async function setBusinessHours(ctx: Ctx & { input: TBusinessHours }): Promise<TBusinessHours> {
  const { input } = ctx;
  if (!isKnownTimeZone(input.timeZone))
    throw new AppError("VALIDATION", "Unknown time zone.", { fieldErrors: { timeZone: ["unknown_time_zone"] } });
  if (input.weekly.some((slot) => slot.close !== "00:00" && slot.close <= slot.open))
    throw new AppError("VALIDATION", "Each interval must close after it opens.", {
      fieldErrors: { weekly: ["close_before_open"] },
    });
  await ctx.db.prisma.organization.update({
    where: { id: ctx.actor.organizationId },
    data: { businessHours: input as unknown as Prisma.InputJsonValue },
  });
  await recordAudit(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    action: "routing.hours",
    targetType: "organization",
    targetId: ctx.actor.organizationId,
    ip: ctx.actor.ip,
  });
  return getBusinessHours(ctx);
}

const numberRouteSelect = {
  id: true,
  phoneNumber: true,
  routeKind: true,
  routeQueueId: true,
  routeUserId: true,
  routeMenuId: true,
} as const satisfies Prisma.TelnyxPhoneNumberSelect;

function targetOf(row: Prisma.TelnyxPhoneNumberGetPayload<{ select: typeof numberRouteSelect }>): TRouteTarget | null {
  if (row.routeKind === "queue" && row.routeQueueId) return { kind: "queue", queueId: row.routeQueueId };
  if (row.routeKind === "agent" && row.routeUserId) return { kind: "agent", userId: row.routeUserId };
  if (row.routeKind === "voicemail") return { kind: "voicemail" };
  if (row.routeKind === "ivr" && row.routeMenuId) return { kind: "ivr", menuId: row.routeMenuId };
  return null;
}

/** The organization's voice numbers (not released) with their route. */
export async function listNumberRoutes(ctx: Ctx) {
  const rows = await ctx.db.prisma.telnyxPhoneNumber.findMany({
    where: { organizationId: ctx.actor.organizationId, status: { not: "RELEASED" } },
    select: numberRouteSelect,
    orderBy: { phoneNumber: "asc" },
  });
  return rows.map((row) => ({ phoneNumberId: row.id, phoneNumber: row.phoneNumber, target: targetOf(row) }));
}

export async function setNumberRoute(ctx: Ctx & { input: { phoneNumberId: string; target: TRouteTarget | null } }) {
  const { actor, db, input } = ctx;
  const target = input.target;
  if (target?.kind === "queue") {
    const queue = await db.prisma.callQueue.count({
      where: { id: target.queueId, organizationId: actor.organizationId },
    });
    if (queue === 0)
      throw new AppError("VALIDATION", "This queue does not exist.", { fieldErrors: { target: ["unknown_queue"] } });
  }
  if (target?.kind === "agent") {
    const member = await db.prisma.membership.count({
      where: { userId: target.userId, organizationId: actor.organizationId },
    });
    if (member === 0)
      throw new AppError("VALIDATION", "This agent is not a member of your organization.", {
        fieldErrors: { target: ["unknown_member"] },
      });
  }
  if (target?.kind === "ivr") {
    const menu = await db.prisma.ivrMenu.count({ where: { id: target.menuId, organizationId: actor.organizationId } });
    if (menu === 0)
      throw new AppError("VALIDATION", "This menu does not exist.", { fieldErrors: { target: ["unknown_menu"] } });
  }
  const updated = await db.prisma.telnyxPhoneNumber.updateMany({
    where: { id: input.phoneNumberId, organizationId: actor.organizationId },
    data: {
      routeKind: target?.kind ?? null,
      routeQueueId: target?.kind === "queue" ? target.queueId : null,
      routeUserId: target?.kind === "agent" ? target.userId : null,
      routeMenuId: target?.kind === "ivr" ? target.menuId : null,
    },
  });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "This number does not exist.");
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "routing.number",
    targetType: "phone_number",
    targetId: input.phoneNumberId,
    details: { target },
    ip: actor.ip,
  });
  const row = await db.prisma.telnyxPhoneNumber.findUniqueOrThrow({
    where: { id: input.phoneNumberId },
    select: numberRouteSelect,
  });
  return { phoneNumberId: row.id, phoneNumber: row.phoneNumber, target: targetOf(row) };
}
