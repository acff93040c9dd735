import type { Db } from "@app/db/open-db";
import { sumDecimals } from "../calls/call-money";
import type { Actor } from "../domain/actor";
import { AppError } from "../errors/app-error";
import { firstDayOfMonth, localDayOf } from "./local-days";
import { organizationFactsOf } from "./number-fees";
import type { TLeadCost } from "./stats-schemas";

/** What a lead cost this month (local month): its calls and SMS, archived ones included. */
export async function getLeadCost(options: { db: Db; actor: Actor; leadId: string; now?: Date }): Promise<TLeadCost> {
  const { db, actor, leadId } = options;
  const organizationId = actor.organizationId;
  const lead = await db.prisma.lead.findFirst({ where: { id: leadId, organizationId }, select: { id: true } });
  if (!lead) throw new AppError("NOT_FOUND", "This lead does not exist.");
  const org = await organizationFactsOf(db, organizationId);
  const monthStart = firstDayOfMonth(localDayOf(options.now ?? new Date(), org.timeZone));
  const since = `((($3::date)::timestamp AT TIME ZONE $4) AT TIME ZONE 'UTC')`;
  const [row] = await db.query<{ calls: string; callCount: number; sms: string; smsCount: number }>(
    `SELECT
       (SELECT COALESCE(sum("cost"), 0)::numeric(20, 6)::text FROM "TelnyxCall" WHERE "organizationId" = $1 AND "leadId" = $2 AND "createdAt" >= ${since}) AS "calls",
       (SELECT count(*)::int FROM "TelnyxCall" WHERE "organizationId" = $1 AND "leadId" = $2 AND "createdAt" >= ${since}) AS "callCount",
       (SELECT COALESCE(sum("cost"), 0)::numeric(20, 6)::text FROM "TelnyxMessage" WHERE "organizationId" = $1 AND "leadId" = $2 AND "createdAt" >= ${since}) AS "sms",
       (SELECT count(*)::int FROM "TelnyxMessage" WHERE "organizationId" = $1 AND "leadId" = $2 AND "createdAt" >= ${since}) AS "smsCount"`,
    [organizationId, leadId, monthStart, org.timeZone],
  );
  const calls = row?.calls ?? "0.000000";
  const sms = row?.sms ?? "0.000000";
  return {
    calls,
    sms,
    total: sumDecimals([calls, sms]),
    currency: org.currency,
    callCount: row?.callCount ?? 0,
    smsCount: row?.smsCount ?? 0,
  };
}
