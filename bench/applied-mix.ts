/**
 * What the API did with a benchmark's webhooks, read from its database after the run: per event type,
 * how many were stored, in which inbox state, and how many matched a record of ours (a call's
 * timeline entry, or a message) — so a mix that the processor mostly ignored cannot pass unnoticed.
 */
import path from "node:path";
import { openDb, type Db } from "../packages/db/src/open-db";

export interface AppliedMixRow {
  eventType: string;
  state: string;
  events: number;
  /** Processed events that reached one of our records: a CallEvent row with their id, or a message with their payload's id. */
  matched: number;
}

export async function readAppliedMix(db: Db, window: { from: Date; to: Date }): Promise<AppliedMixRow[]> {
  return db.query<AppliedMixRow>(
    `SELECT w."eventType", w."state"::text AS "state", count(*)::int AS "events",
            count(*) FILTER (WHERE w."state" = 'PROCESSED' AND (c."eventId" IS NOT NULL OR m."telnyxId" IS NOT NULL))::int AS "matched"
     FROM "WebhookEvent" w
     LEFT JOIN (SELECT DISTINCT "eventId" FROM "CallEvent") c ON c."eventId" = w."id"
     LEFT JOIN "TelnyxMessage" m ON m."telnyxId" = w."payload"->'data'->'payload'->>'id'
     WHERE w."receivedAt" >= $1 AND w."receivedAt" <= $2
     GROUP BY 1, 2 ORDER BY 3 DESC`,
    [window.from, window.to],
  );
}

/** Opens the bench API's database once the API has stopped (the embedded one allows one process at a time). */
export async function openBenchDb(target: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  return target.databaseUrl
    ? openDb({ databaseUrl: target.databaseUrl, migrate: false, poolMax: 1 })
    : openDb({ databaseUrl: "", dataDir: path.join(target.dataDir, "pglite"), migrate: false });
}
