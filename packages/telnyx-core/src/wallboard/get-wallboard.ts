/**
 * The supervisors' live wallboard in one read: live calls, agent states, today's counters (from the
 * rollup), the answer-time SLA and the longest wait (from today's raw inbound calls).
 */
import type { Db } from "@app/db/open-db";
import { listAgents } from "../agents/list-agents";
import { sumDecimals } from "../calls/call-money";
import { callDtoSelect, toCallDto } from "../calls/call-dto";
import { isRingingCallStatus, LIVE_CALL_STATUSES } from "../calls/call-state";
import { localDayOf, ratio } from "../stats/local-days";
import { organizationFactsOf } from "../stats/number-fees";
import { sumUsage } from "../stats/usage-rollup";
import { readQueues } from "../routing/queue-dto";
import type { TWallboardSnapshot } from "./wallboard-schemas";

export async function getWallboardSnapshot(options: {
  db: Db;
  organizationId: string;
  now?: Date;
}): Promise<TWallboardSnapshot> {
  const { db, organizationId } = options;
  const now = options.now ?? new Date();
  const org = await organizationFactsOf(db, organizationId);
  const today = localDayOf(now, org.timeZone);
  const rows = await db.prisma.telnyxCall.findMany({
    where: { organizationId, status: { in: [...LIVE_CALL_STATUSES] } },
    select: callDtoSelect,
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const agents = await listAgents({ db, organizationId });
  const queues = await readQueues(db.prisma, organizationId, { now });
  const usage = await sumUsage(db, { organizationId, firstDay: today, lastDay: today, userId: null });
  const [sla] = await db.query<{ inboundAnswered: number; answeredWithin: number }>(
    `SELECT count(*)::int AS "inboundAnswered",
            count(*) FILTER (WHERE "answeredAt" - COALESCE("startedAt", "createdAt") <= make_interval(secs => $4))::int AS "answeredWithin"
     FROM "TelnyxCall"
     WHERE "organizationId" = $1 AND "direction" = 'INBOUND' AND "answeredAt" IS NOT NULL
       AND "createdAt" >= ((($2::date)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC')
       AND "createdAt" < (((($2::date + 1))::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC')`,
    [organizationId, today, org.timeZone, org.slaThresholdSecs],
  );
  const waits = rows
    .filter((row) => row.direction === "INBOUND" && isRingingCallStatus(row.status))
    .map((row) => Math.max(0, Math.floor((now.getTime() - (row.startedAt ?? row.createdAt).getTime()) / 1000)));
  const inboundAnswered = sla?.inboundAnswered ?? 0;
  const answeredWithin = sla?.answeredWithin ?? 0;
  return {
    activeCalls: rows.map(toCallDto),
    agents,
    today: {
      calls: usage.calls,
      inbound: usage.inbound,
      answered: usage.answered,
      missed: usage.missed,
      sms: usage.smsSent,
      smsDelivered: usage.smsDelivered,
      deliveryRate: ratio(usage.smsDelivered, usage.smsDelivered + usage.smsFailed),
      cost: sumDecimals([usage.callCost, usage.smsCost]),
    },
    sla: {
      thresholdSecs: org.slaThresholdSecs,
      answeredWithin,
      inboundAnswered,
      rate: ratio(answeredWithin, inboundAnswered),
    },
    longestWaitSecs: waits.length > 0 ? Math.max(...waits) : null,
    queues,
    wrapUpSecs: org.wrapUpSecs,
    currency: org.currency,
    asOf: now,
  };
}
