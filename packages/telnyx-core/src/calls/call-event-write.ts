/**
 * The call applier's write, one statement: the event joins the call's timeline and — unless it was already there (a
 * duplicate inserts nothing and changes nothing) — the row takes the state derived from all of its signals, the
 * call's supervisor legs end with the call, and what the live update and the follow-ups need is read back.
 */
import { Prisma, type CallStatus, type Direction } from "@app/db/client";
import { utcSql } from "../domain/sql-utc";
import type { CallStatsRow } from "../stats/stats-delta";
import type { Tx } from "../webhooks/apply-types";
import type { CallDtoRow } from "./call-dto";
import { decimalOf } from "./call-row-sql";
import { CALL_DTO_COLUMNS, columnsSql, derivedSetsSql } from "./call-sql-columns";
import type { CallSignal } from "./call-signal";
import type { DerivedCallState } from "./call-state";

/** Columns an event reveals (a leg's ids; the new agent of a transfer). */
export interface CallAdopt {
  callControlId?: string;
  agentCallControlId?: string;
  userId?: string | null;
}

export interface CallRowChange {
  derived: DerivedCallState;
  adopt: CallAdopt;
  /** The customer leg's Telnyx ids, when this event is the customer's. */
  legIds: { callLegId: string; callSessionId: string | null } | null;
  isTerminal: boolean;
}

export interface WrittenCall {
  row: CallDtoRow & CallStatsRow;
  /** call_control_ids of the supervisor legs ended with the call (to hang up after the commit). */
  endedSupervisionLegs: string[];
  /** The organization's default Call Control application (asked for when a leg may be dialed). */
  connectionId: string | null;
  /** The agent's device (asked for with `agentUserId`). */
  agentDevice: string | null;
}

type WrittenRow = Omit<CallDtoRow, "lead" | "user" | "cost" | "mos" | "direction" | "status"> & {
  direction: Direction;
  status: CallStatus;
  lastEventAt: Date | null;
  cost: Prisma.Decimal | string | number | null;
  mos: Prisma.Decimal | string | number | null;
  leadFirstName: string | null;
  leadLastName: string | null;
  agentName: string | null;
  hasLead: boolean;
  hasAgent: boolean;
  endedSupervisionLegs: Array<string | null>;
  connectionId: string | null;
  agentDevice: string | null;
};

function setClause(change: CallRowChange, at: Prisma.Sql): Prisma.Sql {
  const sets = [...derivedSetsSql(change.derived), Prisma.sql`"updatedAt" = ${at}`];
  const { adopt, legIds } = change;
  if (adopt.callControlId !== undefined) sets.push(Prisma.sql`"callControlId" = ${adopt.callControlId}`);
  if (adopt.agentCallControlId !== undefined) sets.push(Prisma.sql`"agentCallControlId" = ${adopt.agentCallControlId}`);
  if (adopt.userId !== undefined) sets.push(Prisma.sql`"userId" = ${adopt.userId}::text`);
  if (legIds) sets.push(Prisma.sql`"callLegId" = ${legIds.callLegId}, "callSessionId" = ${legIds.callSessionId}::text`);
  return Prisma.join(sets, ", ");
}

export async function writeCallEvent(
  tx: Tx,
  call: { id: string; timeZone: string },
  signal: CallSignal,
  change: CallRowChange,
  lookups: { connection: boolean; agentUserId: string | null },
): Promise<WrittenCall | null> {
  const at = utcSql(new Date());
  const isTerminal = change.isTerminal;
  const stopsRecording = isTerminal || signal.type === "recording";
  const [row] = await tx.$queryRaw<WrittenRow[]>`
    WITH "ins" AS (
      INSERT INTO "CallEvent" ("id", "callId", "eventId", "eventType", "occurredAt", "payload", "createdAt")
      VALUES (gen_random_uuid()::text, ${call.id}, ${signal.eventId}, ${signal.eventType}, ${utcSql(new Date(signal.at))},
        ${JSON.stringify(signal)}::jsonb, ${at})
      ON CONFLICT DO NOTHING RETURNING "callId"
    ), "upd" AS (
      UPDATE "TelnyxCall" SET ${setClause(change, at)},
        "isRecording" = CASE WHEN ${stopsRecording}::boolean THEN false ELSE "isRecording" END,
        "isMuted" = CASE WHEN ${isTerminal}::boolean THEN false ELSE "isMuted" END,
        "isOnHold" = CASE WHEN ${isTerminal}::boolean THEN false ELSE "isOnHold" END
      WHERE "id" = (SELECT "callId" FROM "ins")
      RETURNING *
    ), "sup" AS (
      UPDATE "CallSupervision" SET "status" = 'ENDED', "endedAt" = ${at}, "updatedAt" = ${at}
      WHERE ${isTerminal}::boolean AND "callId" = (SELECT "callId" FROM "ins") AND "status" IN ('DIALING', 'JOINED')
      RETURNING "callControlId"
    )
    SELECT ${columnsSql("u", [...CALL_DTO_COLUMNS, "lastEventAt"])},
      l."id" IS NOT NULL AS "hasLead", l."firstName" AS "leadFirstName", l."lastName" AS "leadLastName",
      a."id" IS NOT NULL AS "hasAgent", a."name" AS "agentName",
      ARRAY(SELECT "callControlId" FROM "sup") AS "endedSupervisionLegs",
      CASE WHEN ${lookups.connection}::boolean THEN (
        SELECT "telnyxId" FROM "TelnyxConnection"
        WHERE "organizationId" = u."organizationId" AND "kind" = 'CALL_CONTROL_APPLICATION' AND "active"
        ORDER BY "isDefault" DESC, "createdAt" ASC LIMIT 1) END AS "connectionId",
      (SELECT "agentDevice" FROM "User" WHERE "id" = ${lookups.agentUserId}::text) AS "agentDevice"
    FROM "upd" u LEFT JOIN "Lead" l ON l."id" = u."leadId" LEFT JOIN "User" a ON a."id" = u."userId"`;
  if (!row) return null;
  const {
    hasLead,
    leadFirstName,
    leadLastName,
    hasAgent,
    agentName,
    endedSupervisionLegs,
    connectionId,
    agentDevice,
    ...columns
  } = row;
  return {
    row: {
      ...columns,
      cost: decimalOf(row.cost),
      mos: decimalOf(row.mos),
      lead: hasLead ? { firstName: leadFirstName ?? "", lastName: leadLastName ?? "" } : null,
      user: hasAgent ? { name: agentName ?? "" } : null,
      organization: { timeZone: call.timeZone },
    },
    endedSupervisionLegs: endedSupervisionLegs.filter((ccid): ccid is string => ccid !== null),
    connectionId,
    agentDevice,
  };
}
