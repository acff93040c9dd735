import { Prisma } from "@app/db/client";

/** A Date for hand-written SQL: Prisma keeps DateTime columns as UTC wall time (timestamp without time zone), whatever the session's zone. */
export const utcSql = (at: Date | null) =>
  Prisma.sql`(${at === null ? null : at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
