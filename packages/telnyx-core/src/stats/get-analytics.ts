import type { Db } from "@app/db/open-db";
import { sumDecimals } from "../calls/call-money";
import type { Actor } from "../domain/actor";
import { dayRangeOf, feeMonthsBetween, minutesOf, periodsBetween, ratio } from "./local-days";
import { numberFeesByMonth, organizationFactsOf } from "./number-fees";
import type { TStatsAnalytics, TStatsAnalyticsInput } from "./stats-schemas";
import { statsUserIdOf } from "./stats-scope";
import { breakdownUsage, EMPTY_USAGE, type UsageTotals } from "./usage-rollup";

const ZERO = "0.000000";
const byCallsDesc = (a: { calls: number; sms: number }, b: { calls: number; sms: number }) =>
  b.calls - a.calls || b.sms - a.sms;

function callPeriod(period: string, u: UsageTotals) {
  return {
    period,
    inbound: u.inbound,
    outbound: u.outbound,
    answered: u.answered,
    missed: u.missed,
    avgDurationSecs: u.answeredWithDuration > 0 ? Math.round(u.answeredDurationSecs / u.answeredWithDuration) : null,
    successRate: ratio(u.finishedAnswered, u.finished),
    minutes: minutesOf(u.durationSecs),
    avgMos: u.mosCount > 0 ? Math.round((u.mosSum / u.mosCount) * 100) / 100 : null,
  };
}

function activityOf(u: UsageTotals) {
  return {
    calls: u.calls,
    answered: u.answered,
    minutes: minutesOf(u.durationSecs),
    sms: u.smsSent + u.smsReceived,
    cost: sumDecimals([u.callCost, u.smsCost]),
  };
}

/**
 * Calls, SMS and costs per local day or month, per agent and per number, from the DailyUsage
 * rollup. [from, to) selects whole local days (see dayRangeOf); archived rows count.
 */
export async function getStatsAnalytics(options: {
  db: Db;
  actor: Actor;
  input: TStatsAnalyticsInput;
}): Promise<TStatsAnalytics> {
  const { db, actor, input } = options;
  const organizationId = actor.organizationId;
  const userId = statsUserIdOf(actor, input.userId);
  const org = await organizationFactsOf(db, organizationId);
  const { firstDay, lastDay } = dayRangeOf(input.from, input.to, org.timeZone);
  const periods = periodsBetween(firstDay, lastDay, input.granularity);
  const usage = await breakdownUsage(db, { organizationId, firstDay, lastDay, userId }, input.granularity);
  const feeDays = feeMonthsBetween(firstDay, lastDay, input.granularity);
  const fees = await numberFeesByMonth(db, { organizationId, timeZone: org.timeZone, monthFirstDays: feeDays, userId });
  const feeOf = (period: string) => fees.get(input.granularity === "day" ? period : `${period}-01`) ?? ZERO;

  const userIds = [...usage.byUser.keys()].filter(Boolean);
  const numberIds = [...usage.byNumber.keys()].filter(Boolean);
  const users = await db.prisma.user.findMany({
    where: { id: { in: userIds }, memberships: { some: { organizationId } } },
    select: { id: true, name: true },
  });
  const numbers = await db.prisma.telnyxPhoneNumber.findMany({
    where: { id: { in: numberIds }, organizationId },
    select: { id: true, phoneNumber: true },
  });

  return {
    periods,
    calls: periods.map((period) => callPeriod(period, usage.byPeriod.get(period) ?? EMPTY_USAGE)),
    sms: periods.map((period) => {
      const u = usage.byPeriod.get(period) ?? EMPTY_USAGE;
      return {
        period,
        sent: u.smsSent,
        received: u.smsReceived,
        delivered: u.smsDelivered,
        failed: u.smsFailed,
        deliveryRate: ratio(u.smsDelivered, u.smsDelivered + u.smsFailed),
      };
    }),
    cost: periods.map((period) => {
      const u = usage.byPeriod.get(period) ?? EMPTY_USAGE;
      const numbersCost = feeOf(period);
      return {
        period,
        calls: u.callCost,
        sms: u.smsCost,
        numbers: numbersCost,
        total: sumDecimals([u.callCost, u.smsCost, numbersCost]),
      };
    }),
    perAgent: users
      .map((user) => ({ userId: user.id, name: user.name, ...activityOf(usage.byUser.get(user.id)!) }))
      .sort(byCallsDesc),
    perNumber: numbers
      .map((number) => ({
        phoneNumberId: number.id,
        phoneNumber: number.phoneNumber,
        ...activityOf(usage.byNumber.get(number.id)!),
      }))
      .sort(byCallsDesc),
  };
}
