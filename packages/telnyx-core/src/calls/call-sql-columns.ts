/**
 * Column lists of the call applier's typed SQL (call-row-sql.ts, call-event-write.ts), built from the same key lists
 * as the types they fill — the locked call's keys, callDtoSelect, DerivedCallState — so a column added to one of
 * those is read, returned or written without a second list to keep in step.
 */
import { Prisma, type TelnyxCall } from "@app/db/client";
import { utcSql } from "../domain/sql-utc";
import { callDtoSelect } from "./call-dto";
import type { DerivedCallState } from "./call-state";

/** Enum columns, read back as text. */
const ENUM_COLUMNS: ReadonlySet<string> = new Set(["direction", "status", "inboundOutcome"]);

/** `alias."column"` for each key (enums as text), for a SELECT or a RETURNING. */
export function columnsSql(alias: string, keys: readonly (keyof TelnyxCall)[]): Prisma.Sql {
  return Prisma.raw(
    keys.map((key) => (ENUM_COLUMNS.has(key) ? `${alias}."${key}"::text AS "${key}"` : `${alias}."${key}"`)).join(", "),
  );
}

type DtoSelect = typeof callDtoSelect;
type DtoColumnKey = { [K in keyof DtoSelect]: DtoSelect[K] extends true ? K : never }[keyof DtoSelect];
/**
 * Every column of callDtoSelect: the write's RETURNING cannot leave one out (its relations — lead's and agent's
 * names — are joined by hand, and the row's type, CallDtoRow, makes a new relation fail to typecheck there).
 */
export const CALL_DTO_COLUMNS = (Object.keys(callDtoSelect) as Array<keyof DtoSelect>).filter(
  (key): key is DtoColumnKey => callDtoSelect[key] === true,
);

type SqlCast = "text" | "int" | "decimal" | "timestamp" | "CallStatus" | "InboundOutcome";
/** The SQL type of each derived column: a field added to DerivedCallState must be listed here, hence written. */
const DERIVED_CASTS: { [K in keyof DerivedCallState]: SqlCast } = {
  status: "CallStatus",
  startedAt: "timestamp",
  answeredAt: "timestamp",
  endedAt: "timestamp",
  durationSecs: "int",
  hangupCause: "text",
  hangupSource: "text",
  sipHangupCause: "text",
  mos: "decimal",
  billedSecs: "int",
  cost: "decimal",
  costCurrency: "text",
  costSource: "text",
  conferenceId: "text",
  recordingId: "text",
  recordingUrl: "text",
  recordingDurationMs: "int",
  transferredAt: "timestamp",
  transferredTo: "text",
  transferredFromUserId: "text",
  inboundOutcome: "InboundOutcome",
  lastEventAt: "timestamp",
};

/** `"column" = value` for every field of the derived state. */
export function derivedSetsSql(derived: DerivedCallState): Prisma.Sql[] {
  return (Object.keys(DERIVED_CASTS) as Array<keyof DerivedCallState>).map((key) => {
    const cast = DERIVED_CASTS[key];
    const value = derived[key];
    const column = Prisma.raw(`"${key}"`);
    if (cast === "timestamp") return Prisma.sql`${column} = ${utcSql(value as Date | null)}`;
    const sqlType = cast === "CallStatus" || cast === "InboundOutcome" ? `"${cast}"` : cast;
    return Prisma.sql`${column} = ${value}::${Prisma.raw(sqlType)}`;
  });
}
