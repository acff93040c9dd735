/** The CSV exports: the analytics tables as they appear on screen, and the raw call list. */
import type { Db } from "@app/db/open-db";
import type { Prisma } from "@app/db/client";
import type { Actor } from "@app/telnyx-core/domain/actor";
import { getStatsAnalytics } from "@app/telnyx-core/stats/get-analytics";
import { addDays, dayRangeOf } from "@app/telnyx-core/stats/local-days";
import { organizationFactsOf } from "@app/telnyx-core/stats/number-fees";
import type { TStatsAnalyticsInput } from "@app/telnyx-core/stats/stats-schemas";
import { statsUserIdOf } from "@app/telnyx-core/stats/stats-scope";
import { csvLine, CSV_BOM, toCsv, type CsvValue } from "./csv";

export const REPORT_TABLES = [
  "calls-per-period",
  "sms-per-period",
  "cost-per-period",
  "per-agent",
  "per-number",
  "calls",
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

export async function analyticsCsv(
  db: Db,
  actor: Actor,
  table: Exclude<ReportTable, "calls">,
  input: TStatsAnalyticsInput,
): Promise<string> {
  const data = await getStatsAnalytics({ db, actor, input });
  switch (table) {
    case "calls-per-period":
      return toCsv(
        [
          "period",
          "inbound",
          "outbound",
          "answered",
          "missed",
          "avg_duration_secs",
          "success_rate",
          "minutes",
          "avg_mos",
        ],
        data.calls.map((r) => [
          r.period,
          r.inbound,
          r.outbound,
          r.answered,
          r.missed,
          r.avgDurationSecs,
          r.successRate,
          r.minutes,
          r.avgMos,
        ]),
      );
    case "sms-per-period":
      return toCsv(
        ["period", "sent", "received", "delivered", "failed", "delivery_rate"],
        data.sms.map((r) => [r.period, r.sent, r.received, r.delivered, r.failed, r.deliveryRate]),
      );
    case "cost-per-period":
      return toCsv(
        ["period", "calls", "sms", "numbers", "total"],
        data.cost.map((r) => [r.period, r.calls, r.sms, r.numbers, r.total]),
      );
    case "per-agent":
      return toCsv(
        ["user_id", "name", "calls", "answered", "minutes", "sms", "cost"],
        data.perAgent.map((r) => [r.userId, r.name, r.calls, r.answered, r.minutes, r.sms, r.cost]),
      );
    case "per-number":
      return toCsv(
        ["phone_number_id", "phone_number", "calls", "answered", "minutes", "sms", "cost"],
        data.perNumber.map((r) => [r.phoneNumberId, r.phoneNumber, r.calls, r.answered, r.minutes, r.sms, r.cost]),
      );
  }
}

const CALL_HEADER = [
  "id",
  "created_at",
  "direction",
  "status",
  "from",
  "to",
  "lead",
  "agent",
  "answered_at",
  "ended_at",
  "duration_secs",
  "cost",
  "currency",
  "archived",
];
const callRowSelect = {
  id: true,
  createdAt: true,
  direction: true,
  status: true,
  fromNumber: true,
  toNumber: true,
  answeredAt: true,
  endedAt: true,
  durationSecs: true,
  cost: true,
  costCurrency: true,
  archivedAt: true,
  lead: { select: { firstName: true, lastName: true } },
  user: { select: { name: true } },
} as const satisfies Prisma.TelnyxCallSelect;

/** The raw call list of the range (archived included), oldest first, streamed page by page. */
export async function* callsCsv(db: Db, actor: Actor, input: TStatsAnalyticsInput): AsyncGenerator<string> {
  const org = await organizationFactsOf(db, actor.organizationId);
  const { firstDay, lastDay } = dayRangeOf(input.from, input.to, org.timeZone);
  // Local midnights as UTC instants (text: a bare timestamp would be read in the server's zone).
  const iso = (n: number) =>
    `to_char(((($${n}::date)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  const [bounds] = await db.query<{ start: string; end: string }>(`SELECT ${iso(1)} AS "start", ${iso(2)} AS "end"`, [
    firstDay,
    addDays(lastDay, 1),
    org.timeZone,
  ]);
  const userId = statsUserIdOf(actor, input.userId);
  const where: Prisma.TelnyxCallWhereInput = {
    organizationId: actor.organizationId,
    ...(userId ? { userId } : {}),
    createdAt: { gte: new Date(bounds!.start), lt: new Date(bounds!.end) },
  };
  yield CSV_BOM + csvLine(CALL_HEADER);
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.prisma.telnyxCall.findMany({
      where,
      select: callRowSelect,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 2000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (rows.length === 0) return;
    yield rows
      .map((r) => {
        const values: CsvValue[] = [
          r.id,
          r.createdAt,
          r.direction,
          r.status,
          r.fromNumber,
          r.toNumber,
          r.lead ? `${r.lead.firstName} ${r.lead.lastName}`.trim() : null,
          r.user?.name ?? null,
          r.answeredAt,
          r.endedAt,
          r.durationSecs,
          r.cost?.toFixed(6) ?? null,
          r.costCurrency,
          r.archivedAt !== null,
        ];
        return csvLine(values);
      })
      .join("");
    cursor = rows.at(-1)!.id;
  }
}
