/**
 * Monthly number fees: a number costs its monthlyCost for every local month it was held (bought
 * before the month ended, not released before it began). Read from TelnyxPhoneNumber (small).
 */
import type { Db } from "@app/db/open-db";

export interface OrganizationFacts {
  timeZone: string;
  currency: string;
  slaThresholdSecs: number;
  wrapUpSecs: number;
}

export async function organizationFactsOf(db: Db, organizationId: string): Promise<OrganizationFacts> {
  const org = await db.prisma.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { timeZone: true, currency: true, slaThresholdSecs: true, wrapUpSecs: true },
  });
  return org;
}

/** Fees per month, keyed by the month's first day ("2026-11-01"); only numbers assigned to `userId` when set. */
export async function numberFeesByMonth(
  db: Db,
  options: { organizationId: string; timeZone: string; monthFirstDays: string[]; userId: string | null },
): Promise<Map<string, string>> {
  if (options.monthFirstDays.length === 0) return new Map();
  const rows = await db.query<{ day: string; cost: string }>(
    `SELECT to_char(m, 'YYYY-MM-DD') AS "day", COALESCE(sum(n."monthlyCost"), 0)::numeric(20, 6)::text AS "cost"
     FROM unnest($2::date[]) AS m
     LEFT JOIN "TelnyxPhoneNumber" n ON n."organizationId" = $1
       AND n."status" NOT IN ('PURCHASE_PENDING', 'FAILED')
       AND ($4::text IS NULL OR n."assignedUserId" = $4)
       AND COALESCE(n."purchasedAt", n."createdAt") < ((((m + interval '1 month')::timestamp) AT TIME ZONE $3) AT TIME ZONE 'UTC')
       AND (n."releasedAt" IS NULL OR n."releasedAt" >= (((m::timestamp) AT TIME ZONE $3) AT TIME ZONE 'UTC'))
     GROUP BY m`,
    [options.organizationId, options.monthFirstDays, options.timeZone, options.userId],
  );
  return new Map(rows.map((row) => [row.day, row.cost]));
}
