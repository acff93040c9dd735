/**
 * The call applier's statements (apply-call-event.ts), typed SQL rather than ORM round trips: call events are
 * the busiest webhooks after inbound SMS. Two statements per event (plus the rate table when a call ends unpriced):
 * lock and read the call with its signals and what its organization and the live counters need, then write the
 * event with the row it derives (call-event-write.ts).
 */
import { Prisma, type TelnyxCall } from "@app/db/client";
import { utcSql } from "../domain/sql-utc";
import type { Tx } from "../webhooks/apply-types";
import type { CallSignal } from "./call-signal";
import { columnsSql } from "./call-sql-columns";

/** The locked call's columns: what the applier and its follow-ups (call-flows.ts, call-consult-flows.ts) read. */
const LOCKED_CALL_KEYS = [
  "id",
  "organizationId",
  "direction",
  "status",
  "fromNumber",
  "toNumber",
  "userId",
  "callControlId",
  "agentCallControlId",
  "conferenceId",
  "startedAt",
  "isRecording",
  "recordingId",
  "consultUserId",
  "consultCallControlId",
  "queueId",
  "phoneNumberId",
] as const satisfies readonly (keyof TelnyxCall)[];

/** The call as the applier reads it under its row lock. */
export type LockedCall = Pick<TelnyxCall, (typeof LOCKED_CALL_KEYS)[number]>;

/** The live counters' columns before the event (stats-delta.ts). */
const BEFORE_KEYS = [
  "answeredAt",
  "durationSecs",
  "cost",
  "createdAt",
  "lastEventAt",
] as const satisfies readonly (keyof TelnyxCall)[];

/** The locked row with its live counters' columns before the event, and its organization's secret and time zone. */
export type LockedCallRow = LockedCall &
  Pick<TelnyxCall, (typeof BEFORE_KEYS)[number]> & { timeZone: string; clientStateSecret: string };

const lockedColumns = (alias: string) =>
  Prisma.sql`${columnsSql(alias, [...LOCKED_CALL_KEYS, ...BEFORE_KEYS])}, o."timeZone", o."clientStateSecret"`;

/** Raw numeric columns arrive as Decimal, string or number depending on the driver. */
export const decimalOf = (value: Prisma.Decimal | string | number | null): Prisma.Decimal | null =>
  value === null ? null : new Prisma.Decimal(value.toString());

function toLockedRow<T extends LockedCallRow>(row: T): T {
  return { ...row, cost: decimalOf(row.cost) };
}

/**
 * Row lock: the call with this leg (call_control_id) in the scope, else the one a client_state names (`isByLeg`
 * false: its claim must still be verified), with its signals. Concurrent instances applying events of the same
 * call serialize here. The signals are read in this statement's snapshot, taken before the lock was granted: when
 * the row changed in between (another applier committed events of this call while we waited: the version this
 * snapshot sees is not the locked one, which FOR UPDATE returns newest), they are read again.
 */
export async function lockCallRow(
  tx: Tx,
  where: { ccid: string | null; claimedCallId: string | null; organizationIds: readonly string[] },
): Promise<(LockedCallRow & { isByLeg: boolean; signals: CallSignal[] }) | null> {
  const organizationIds = [...where.organizationIds];
  type Row = LockedCallRow & { isByLeg: boolean; isSeenAsLocked: boolean; signals: CallSignal[] | null };
  const [row] = await tx.$queryRaw<Row[]>`
    WITH "leg" AS (
      SELECT "id" FROM "TelnyxCall"
      WHERE "organizationId" = ANY(${organizationIds}::text[])
        AND ("callControlId" = ${where.ccid}::text OR "agentCallControlId" = ${where.ccid}::text)
      LIMIT 1)
    SELECT ${lockedColumns("c")}, ("leg"."id" IS NOT NULL) AS "isByLeg",
      (SELECT json_agg("payload") FROM "CallEvent" WHERE "callId" = c."id") AS "signals",
      c."xmin" = (SELECT x."xmin" FROM "TelnyxCall" x WHERE x."id" = c."id") AS "isSeenAsLocked"
    FROM "TelnyxCall" c JOIN "Organization" o ON o."id" = c."organizationId" LEFT JOIN "leg" ON true
    WHERE c."id" = COALESCE("leg"."id", ${where.claimedCallId}::text) AND c."organizationId" = ANY(${organizationIds}::text[])
    FOR UPDATE OF c`;
  if (!row) return null;
  const { isSeenAsLocked, signals, ...locked } = row;
  return {
    ...toLockedRow(locked),
    signals: isSeenAsLocked ? (signals ?? []) : await readCallSignals(tx, row.id),
  };
}

/** Row lock only (a hand-off, call-handoff.ts: it re-derives and writes the row itself). */
export async function lockCallById(tx: Tx, callId: string): Promise<boolean> {
  const locked = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT "id" FROM "TelnyxCall" WHERE "id" = ${callId} FOR UPDATE`;
  return locked.length > 0;
}

/** The columns of a new INBOUND call (call-inbound.ts); returns it as the lock would, with no event applied yet. */
export async function insertInboundCall(
  tx: Tx,
  call: Pick<LockedCall, "organizationId" | "fromNumber" | "toNumber" | "userId" | "callControlId"> & {
    leadId: string | null;
    phoneNumberId: string;
    callLegId: string | null;
    callSessionId: string | null;
    startedAt: Date;
    queueId: string | null;
  },
): Promise<LockedCallRow> {
  const now = utcSql(new Date());
  const [row] = await tx.$queryRaw<LockedCallRow[]>`
    WITH c AS (
      INSERT INTO "TelnyxCall" ("id", "organizationId", "direction", "status", "fromNumber", "toNumber", "leadId", "userId",
        "phoneNumberId", "callControlId", "callLegId", "callSessionId", "startedAt", "queueId", "createdAt", "updatedAt")
      VALUES (gen_random_uuid()::text, ${call.organizationId}, 'INBOUND', 'RINGING', ${call.fromNumber}, ${call.toNumber},
        ${call.leadId}::text, ${call.userId}::text, ${call.phoneNumberId}, ${call.callControlId}::text, ${call.callLegId}::text,
        ${call.callSessionId}::text, ${utcSql(call.startedAt)}, ${call.queueId}::text, ${now}, ${now})
      RETURNING *)
    SELECT ${lockedColumns("c")} FROM c JOIN "Organization" o ON o."id" = c."organizationId"`;
  if (!row) throw new Error("inbound call insert returned no row");
  return toLockedRow(row);
}

export interface VoiceRate {
  countryCode: string;
  amount: string;
  currency: string;
}

/** The call's signals (its timeline's payloads). */
async function readCallSignals(tx: Tx, callId: string): Promise<CallSignal[]> {
  const [row] = await tx.$queryRaw<Array<{ signals: CallSignal[] | null }>>`
    SELECT json_agg("payload") AS "signals" FROM "CallEvent" WHERE "callId" = ${callId}`;
  return row?.signals ?? [];
}

/** The organization's per-minute voice rates for these countries. */
export async function readVoiceRates(tx: Tx, organizationId: string, countries: string[]): Promise<VoiceRate[]> {
  const rows = await tx.$queryRaw<Array<{ countryCode: string; amount: Prisma.Decimal | string; currency: string }>>`
    SELECT "countryCode", "amount", "currency" FROM "Rate"
    WHERE "organizationId" = ${organizationId} AND "kind" = 'voice_per_minute' AND "countryCode" = ANY(${countries}::text[])`;
  return rows.map((r) => ({
    countryCode: r.countryCode,
    amount: decimalOf(r.amount)!.toString(),
    currency: r.currency,
  }));
}
