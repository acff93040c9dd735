import { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { numberSelect, type NumberRow, type TMember, type TNumberDto, type TNumberListInput } from "./number-schemas";

type Usage = TNumberDto["usage"];
const NO_USAGE: Usage = { calls: 0, messages: 0, cost: "0" };

/**
 * This month's calls, messages and their cost per number, in ONE grouped query. The month starts at
 * midnight on the 1st in the organization's time zone (timestamps are stored in UTC).
 */
export async function usageByNumber(db: Db, organizationId: string, numberId?: string): Promise<Map<string, Usage>> {
  const byNumber = numberId ? `AND "phoneNumberId" = $2` : `AND "phoneNumberId" IS NOT NULL`;
  const rows = await db.query<{ id: string; calls: number; messages: number; cost: string }>(
    `WITH "org" AS (SELECT "timeZone" FROM "Organization" WHERE "id" = $1),
          "since" AS (SELECT (date_trunc('month', now() AT TIME ZONE "timeZone") AT TIME ZONE "timeZone") AT TIME ZONE 'UTC' AS "at" FROM "org")
     SELECT "id", sum("calls")::int AS "calls", sum("messages")::int AS "messages", sum("cost")::text AS "cost" FROM (
       SELECT "phoneNumberId" AS "id", count(*) AS "calls", 0 AS "messages", coalesce(sum("cost"), 0) AS "cost"
       FROM "TelnyxCall" WHERE "organizationId" = $1 ${byNumber} AND "createdAt" >= (SELECT "at" FROM "since") GROUP BY 1
       UNION ALL
       SELECT "phoneNumberId", 0, count(*), coalesce(sum("cost"), 0)
       FROM "TelnyxMessage" WHERE "organizationId" = $1 ${byNumber} AND "createdAt" >= (SELECT "at" FROM "since") GROUP BY 1
     ) AS "usage" GROUP BY "id"`,
    numberId ? [organizationId, numberId] : [organizationId],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      { calls: row.calls, messages: row.messages, cost: new Prisma.Decimal(row.cost).toString() },
    ]),
  );
}

export function toNumberDto(row: NumberRow, usage: Usage = NO_USAGE): TNumberDto {
  const needsProfile = row.features.includes("sms") || row.features.includes("mms");
  return {
    id: row.id,
    phoneNumber: row.phoneNumber,
    countryCode: row.countryCode,
    numberType: row.numberType,
    status: row.status,
    features: row.features,
    monthlyCost: row.monthlyCost?.toString() ?? null,
    upfrontCost: row.upfrontCost?.toString() ?? null,
    currency: row.currency,
    assignedUserId: row.assignedUserId,
    assignedUserName: row.assignedUser?.name ?? null,
    connectionId: row.connectionId,
    messagingProfileId: row.messagingProfileId,
    isConfigured:
      row.status === "ACTIVE" &&
      row.telnyxId !== null &&
      row.connectionId !== null &&
      (row.messagingProfileId !== null || !needsProfile),
    purchasedAt: row.purchasedAt,
    updatedAt: row.updatedAt,
    usage,
  };
}

export async function listNumbers(options: {
  db: Db;
  actor: Actor;
  input: TNumberListInput;
}): Promise<{ items: TNumberDto[] }> {
  const { db, actor, input } = options;
  const [rows, usage] = await Promise.all([
    db.prisma.telnyxPhoneNumber.findMany({
      where: {
        organizationId: actor.organizationId,
        ...(input.includeReleased ? {} : { status: { not: "RELEASED" } }),
      },
      select: numberSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    usageByNumber(db, actor.organizationId),
  ]);
  return { items: rows.map((row) => toNumberDto(row, usage.get(row.id))) };
}

/** A number of the caller's organization, or NOT_FOUND. */
export async function findNumberRow(db: Db, actor: Actor, id: string): Promise<NumberRow> {
  const row = await db.prisma.telnyxPhoneNumber.findFirst({
    where: { id, organizationId: actor.organizationId },
    select: numberSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "This phone number does not exist in your organization.");
  return row;
}

export async function readNumberDto(db: Db, actor: Actor, id: string): Promise<TNumberDto> {
  const [row, usage] = await Promise.all([findNumberRow(db, actor, id), usageByNumber(db, actor.organizationId, id)]);
  return toNumberDto(row, usage.get(id));
}

/** Members of the caller's organization (the "assign to" choices). */
export async function listMembers(options: { db: Db; actor: Actor }): Promise<TMember[]> {
  const memberships = await options.db.prisma.membership.findMany({
    where: { organizationId: options.actor.organizationId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return memberships.map((membership) => ({ ...membership.user, role: membership.role }));
}
