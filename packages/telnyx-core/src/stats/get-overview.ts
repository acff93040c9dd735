import type { Db } from "@app/db/open-db";
import { sumDecimals } from "../calls/call-money";
import { usableByUser } from "../numbers/numbers-of-user";
import type { Actor } from "../domain/actor";
import { firstDayOfMonth, localDayOf, minutesOf, ratio } from "./local-days";
import { numberFeesByMonth, organizationFactsOf } from "./number-fees";
import type { TStatsOverview, TStatsOverviewInput } from "./stats-schemas";
import { statsUserIdOf } from "./stats-scope";
import { sumUsage } from "./usage-rollup";

/** The dashboard's headline figures: today and this month, in the organization's time zone. */
export async function getStatsOverview(options: {
  db: Db;
  actor: Actor;
  input?: TStatsOverviewInput;
  now?: Date;
}): Promise<TStatsOverview> {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const organizationId = actor.organizationId;
  const userId = statsUserIdOf(actor, options.input?.userId);
  const org = await organizationFactsOf(db, organizationId);
  const today = localDayOf(now, org.timeZone);
  const monthStart = firstDayOfMonth(today);
  const todayUsage = await sumUsage(db, { organizationId, firstDay: today, lastDay: today, userId });
  const monthUsage = await sumUsage(db, { organizationId, firstDay: monthStart, lastDay: today, userId });
  const fees = await numberFeesByMonth(db, {
    organizationId,
    timeZone: org.timeZone,
    monthFirstDays: [monthStart],
    userId,
  });
  const activeNumbers = await db.prisma.telnyxPhoneNumber.count({
    // An agent's own view counts the shared numbers they call and text from, not only those assigned to them.
    where: { organizationId, status: "ACTIVE", ...(userId ? usableByUser(userId) : {}) },
  });
  const numbers = fees.get(monthStart) ?? "0.000000";
  return {
    callsToday: todayUsage.calls,
    smsSentToday: todayUsage.smsSent,
    activeNumbers,
    costThisMonth: {
      calls: monthUsage.callCost,
      sms: monthUsage.smsCost,
      numbers,
      total: sumDecimals([monthUsage.callCost, monthUsage.smsCost, numbers]),
    },
    currency: org.currency,
    callSuccessRate: ratio(todayUsage.finishedAnswered, todayUsage.finished),
    minutesToday: minutesOf(todayUsage.durationSecs),
    minutesThisMonth: minutesOf(monthUsage.durationSecs),
    asOf: now,
    timeZone: org.timeZone,
  };
}
