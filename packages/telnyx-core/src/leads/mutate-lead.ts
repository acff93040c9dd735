import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { leadSelect, type TLead, type TLeadCreate, type TLeadUpdate } from "./lead-schemas";

export async function getLead(options: { db: Db; actor: Actor; id: string }): Promise<TLead> {
  const lead = await options.db.prisma.lead.findFirst({
    where: { id: options.id, organizationId: options.actor.organizationId },
    select: leadSelect,
  });
  if (!lead) throw new AppError("NOT_FOUND", "This lead does not exist or was deleted.");
  return lead;
}

/** An owner must be a member of the caller's organization. */
async function assertOwnerInOrg(db: Db, actor: Actor, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const member = await db.prisma.membership.findUnique({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: ownerId } },
    select: { id: true },
  });
  if (!member)
    throw new AppError("VALIDATION", "The owner is not a member of this organization.", {
      fieldErrors: { ownerId: ["invalid_owner"] },
    });
}

export async function createLead(options: { db: Db; actor: Actor; input: TLeadCreate }): Promise<TLead> {
  const { db, actor, input } = options;
  await assertOwnerInOrg(db, actor, input.ownerId);
  const lead = await db.prisma.lead.create({
    data: { ...input, ownerId: input.ownerId ?? null, organizationId: actor.organizationId },
    select: leadSelect,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "lead.create",
    targetType: "lead",
    targetId: lead.id,
    ip: actor.ip,
  });
  return lead;
}

export async function updateLead(options: { db: Db; actor: Actor; input: TLeadUpdate }): Promise<TLead> {
  const { db, actor, input } = options;
  await getLead({ db, actor, id: input.id });
  await assertOwnerInOrg(db, actor, input.data.ownerId);
  const lead = await db.prisma.lead.update({ where: { id: input.id }, data: input.data, select: leadSelect });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "lead.update",
    targetType: "lead",
    targetId: lead.id,
    ip: actor.ip,
    details: { fields: Object.keys(input.data) },
  });
  return lead;
}

export async function deleteLead(options: { db: Db; actor: Actor; id: string }): Promise<{ id: string }> {
  const { db, actor, id } = options;
  const { count } = await db.prisma.lead.deleteMany({ where: { id, organizationId: actor.organizationId } });
  if (count === 0) throw new AppError("NOT_FOUND", "This lead does not exist or was already deleted.");
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "lead.delete",
    targetType: "lead",
    targetId: id,
    ip: actor.ip,
  });
  return { id };
}
