/**
 * IVR menus (issue 15): list (every member), create, update and delete (supervisors and admins). Each option's
 * target must exist in the organization; a menu a number or another menu's option points to cannot be deleted.
 */
import { Prisma } from "@app/db/client";
import { recordAudit } from "../audit/record-audit";
import type { DomainContext } from "../domain/domain-context";
import { AppError } from "../errors/app-error";
import { type TIvrMenu, type TIvrMenuInput, type TIvrOption, ZIvrOptionSchema } from "./routing-schemas";

type Ctx = Pick<DomainContext, "db" | "actor">;

const menuSelect = { id: true, name: true, greeting: true, options: true } as const satisfies Prisma.IvrMenuSelect;

/** Stored options back to their shape (rows written by this module only; anything else is dropped). */
export function ivrOptionsOf(json: unknown): TIvrOption[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = ZIvrOptionSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const toMenu = (row: Prisma.IvrMenuGetPayload<{ select: typeof menuSelect }>): TIvrMenu => ({
  id: row.id,
  name: row.name,
  greeting: row.greeting,
  options: ivrOptionsOf(row.options),
});

export async function listIvrMenus(ctx: Ctx): Promise<TIvrMenu[]> {
  const rows = await ctx.db.prisma.ivrMenu.findMany({
    where: { organizationId: ctx.actor.organizationId },
    select: menuSelect,
    orderBy: { name: "asc" },
  });
  return rows.map(toMenu);
}

const invalidTarget = (message: string): never => {
  throw new AppError("VALIDATION", message, { fieldErrors: { options: ["unknown_target"] } });
};

async function requireTargets(ctx: Ctx, options: TIvrOption[], selfId: string | null): Promise<void> {
  const organizationId = ctx.actor.organizationId;
  // The engine cannot ring one agent for a caller it already answered (no ring timeout then): refused rather than
  // silently sent to voicemail. A queue with that one agent does it.
  if (options.some((o) => o.target.kind === "agent"))
    throw new AppError("VALIDATION", "A menu key cannot ring one agent yet: send it to a queue with that agent.", {
      fieldErrors: { options: ["agent_target_unsupported"] },
    });
  const ids = (kind: string, pick: (o: TIvrOption["target"]) => string | undefined) => [
    ...new Set(options.filter((o) => o.target.kind === kind).flatMap((o) => pick(o.target) ?? [])),
  ];
  const queueIds = ids("queue", (t) => (t.kind === "queue" ? t.queueId : undefined));
  const userIds = ids("agent", (t) => (t.kind === "agent" ? t.userId : undefined));
  const menuIds = ids("menu", (t) => (t.kind === "menu" ? t.menuId : undefined)).filter((id) => id !== selfId);
  const [queues, members, menus] = await Promise.all([
    ctx.db.prisma.callQueue.count({ where: { organizationId, id: { in: queueIds } } }),
    ctx.db.prisma.membership.count({ where: { organizationId, userId: { in: userIds } } }),
    ctx.db.prisma.ivrMenu.count({ where: { organizationId, id: { in: menuIds } } }),
  ]);
  if (queues !== queueIds.length) invalidTarget("An option goes to a queue that does not exist.");
  if (members !== userIds.length) invalidTarget("An option goes to someone who is not a member of your organization.");
  if (menus !== menuIds.length) invalidTarget("An option goes to a menu that does not exist.");
}

function nameTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    throw new AppError("CONFLICT", "Another menu already has this name.", { fieldErrors: { name: ["taken"] } });
  throw error;
}

const fields = (input: TIvrMenuInput) => ({
  name: input.name,
  greeting: input.greeting,
  options: input.options as unknown as Prisma.InputJsonValue,
});

async function audit(ctx: Ctx, action: string, id: string): Promise<void> {
  await recordAudit(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    action,
    targetType: "ivr_menu",
    targetId: id,
    ip: ctx.actor.ip,
  });
}

async function readMenu(ctx: Ctx, id: string): Promise<TIvrMenu> {
  const row = await ctx.db.prisma.ivrMenu.findFirst({
    where: { id, organizationId: ctx.actor.organizationId },
    select: menuSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "This menu does not exist.");
  return toMenu(row);
}

export async function createIvrMenu(ctx: Ctx & { input: TIvrMenuInput }): Promise<TIvrMenu> {
  await requireTargets(ctx, ctx.input.options, null);
  const row = await ctx.db.prisma.ivrMenu
    .create({ data: { ...fields(ctx.input), organizationId: ctx.actor.organizationId }, select: { id: true } })
    .catch(nameTaken);
  await audit(ctx, "ivr.create", row.id);
  return readMenu(ctx, row.id);
}

export async function updateIvrMenu(ctx: Ctx & { input: TIvrMenuInput & { id: string } }): Promise<TIvrMenu> {
  const { id } = ctx.input;
  await requireTargets(ctx, ctx.input.options, id);
  const updated = await ctx.db.prisma.ivrMenu
    .updateMany({ where: { id, organizationId: ctx.actor.organizationId }, data: fields(ctx.input) })
    .catch(nameTaken);
  if (updated.count === 0) throw new AppError("NOT_FOUND", "This menu does not exist.");
  await audit(ctx, "ivr.update", id);
  return readMenu(ctx, id);
}

/** Menus of the organization (other than `exceptId`) with an option going to `target`. */
export async function menusPointingTo(
  ctx: Ctx,
  matches: (target: TIvrOption["target"]) => boolean,
  exceptId?: string,
): Promise<string[]> {
  const menus = await listIvrMenus(ctx);
  return menus.filter((m) => m.id !== exceptId && m.options.some((o) => matches(o.target))).map((m) => m.name);
}

const IN_USE = "Numbers or other menus still go to this menu: route them elsewhere first.";

export async function deleteIvrMenu(ctx: Ctx & { id: string }): Promise<{ id: string }> {
  const menu = await ctx.db.prisma.ivrMenu.findFirst({
    where: { id: ctx.id, organizationId: ctx.actor.organizationId },
    select: { id: true, _count: { select: { numbers: true } } },
  });
  if (!menu) throw new AppError("NOT_FOUND", "This menu does not exist.");
  const parents = await menusPointingTo(ctx, (t) => t.kind === "menu" && t.menuId === menu.id, menu.id);
  if (menu._count.numbers > 0 || parents.length > 0) throw new AppError("CONFLICT", IN_USE);
  try {
    await ctx.db.prisma.ivrMenu.delete({ where: { id: menu.id } });
  } catch (error) {
    // A number was routed to it meanwhile (the foreign key refuses).
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2003" || error.code === "P2014"))
      throw new AppError("CONFLICT", IN_USE);
    throw error;
  }
  await audit(ctx, "ivr.delete", menu.id);
  return { id: menu.id };
}
