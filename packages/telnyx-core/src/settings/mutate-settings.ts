import type { Db } from "@app/db/open-db";
import { Prisma } from "@app/db/client";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import type { TSetRate, TUpdateOrganization } from "./settings-schemas";

/** Creates or replaces the organization's rate for (country, kind). */
export async function setRate(options: { db: Db; actor: Actor; input: TSetRate }): Promise<{ id: string }> {
  const { db, actor, input } = options;
  const organizationId = actor.organizationId;
  const amount = new Prisma.Decimal(input.amount);
  const [organization, previous] = await Promise.all([
    db.prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { currency: true } }),
    db.prisma.rate.findUnique({
      where: { organizationId_countryCode_kind: { organizationId, countryCode: input.countryCode, kind: input.kind } },
      select: { amount: true },
    }),
  ]);
  const rate = await db.prisma.rate.upsert({
    where: { organizationId_countryCode_kind: { organizationId, countryCode: input.countryCode, kind: input.kind } },
    create: {
      organizationId,
      countryCode: input.countryCode,
      kind: input.kind,
      amount,
      currency: organization.currency,
    },
    update: { amount },
    select: { id: true },
  });
  await recordAudit(db, {
    organizationId,
    userId: actor.userId,
    action: "settings.rate.set",
    targetType: "rate",
    targetId: rate.id,
    ip: actor.ip,
    details: {
      countryCode: input.countryCode,
      kind: input.kind,
      amount: amount.toString(),
      previous: previous?.amount.toString() ?? null,
    },
  });
  return rate;
}

export async function deleteRate(options: { db: Db; actor: Actor; id: string }): Promise<void> {
  const { db, actor, id } = options;
  const rate = await db.prisma.rate.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: { countryCode: true, kind: true, amount: true },
  });
  if (!rate) throw new AppError("NOT_FOUND", "This rate does not exist or was already deleted.");
  await db.prisma.rate.deleteMany({ where: { id, organizationId: actor.organizationId } });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "settings.rate.delete",
    targetType: "rate",
    targetId: id,
    ip: actor.ip,
    details: { countryCode: rate.countryCode, kind: rate.kind, amount: rate.amount.toString() },
  });
}

export async function updateOrganization(options: { db: Db; actor: Actor; input: TUpdateOrganization }): Promise<void> {
  const { db, actor, input } = options;
  const data = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as TUpdateOrganization;
  if (Object.keys(data).length === 0) return;
  await db.prisma.organization.update({ where: { id: actor.organizationId }, data });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    action: "settings.organization.update",
    targetType: "organization",
    targetId: actor.organizationId,
    ip: actor.ip,
    details: data,
  });
}
