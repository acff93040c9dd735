/**
 * The usage rollups are written by triggers in the writer's transaction. Two transactions on two
 * connections that record calls of the same organization, day and number must not queue behind each
 * other on one rollup row (the webhook processor applies lanes side by side), and the sums read
 * afterwards stay exact.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./test-db";

describe.runIf(process.env.TEST_DB === "postgres")("usage rollup shards", () => {
  let db: TestDb;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    db = await createTestDb("postgres");
    await db.query(
      `INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ('org-1', 'Org', 'org-1', now())`,
    );
  });
  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => undefined);
    await db?.drop();
  });

  /** Two connections whose writes land in different shards (a backend's shard is its pid modulo 16). */
  async function twoWriters(): Promise<[pg.Client, pg.Client]> {
    const byShard = new Map<number, pg.Client>();
    while (byShard.size < 2) {
      const client = new pg.Client({ connectionString: db.databaseUrl });
      await client.connect();
      clients.push(client);
      const [{ shard }] = (await client.query<{ shard: number }>(`SELECT usage_shard() AS shard`)).rows as [
        { shard: number },
      ];
      if (!byShard.has(shard)) byShard.set(shard, client);
    }
    return [...byShard.values()] as [pg.Client, pg.Client];
  }

  const insertCall = (client: pg.Client, id: string) =>
    client.query(
      `INSERT INTO "TelnyxCall" ("id", "organizationId", "direction", "status", "fromNumber", "toNumber", "createdAt", "updatedAt")
       VALUES ($1, 'org-1', 'INBOUND', 'RINGING', '+14155550100', '+13125550100', now(), now())`,
      [id],
    );

  it("lets a second writer record a call of the same organization and day while the first is still open", async () => {
    const [first, second] = await twoWriters();
    await first.query("BEGIN");
    await insertCall(first, "call-1");
    await second.query("BEGIN");
    // Before the shards this waited for the first transaction to end: the lock timeout proves it no longer does.
    await second.query("SET LOCAL lock_timeout = '2s'");
    await insertCall(second, "call-2");
    await second.query(
      `UPDATE "TelnyxCall" SET "status" = 'ENDED', "answeredAt" = now(), "durationSecs" = 30 WHERE "id" = 'call-2'`,
    );
    await second.query("COMMIT");
    await first.query(`UPDATE "TelnyxCall" SET "status" = 'NO_ANSWER' WHERE "id" = 'call-1'`);
    await first.query("COMMIT");

    const [usage] = await db.query<{ calls: number; finished: number; answered: number; missed: number; rows: number }>(
      `SELECT sum("calls")::int AS calls, sum("finished")::int AS finished, sum("answered")::int AS answered,
         sum("missed")::int AS missed, count(*)::int AS rows FROM "DailyUsage" WHERE "organizationId" = 'org-1'`,
    );
    expect(usage).toEqual({ calls: 2, finished: 2, answered: 1, missed: 1, rows: 2 });
    const [month] = await db.query<{ calls: number; durationSecs: number }>(
      `SELECT sum("calls")::int AS calls, sum("durationSecs")::int AS "durationSecs" FROM "MonthlyUsage" WHERE "organizationId" = 'org-1'`,
    );
    expect(month).toEqual({ calls: 2, durationSecs: 30 });
  });

  it("rebuilds an organization's rollup (time-zone change) into the same sums", async () => {
    await db.query(`UPDATE "Organization" SET "timeZone" = 'America/New_York' WHERE "id" = 'org-1'`);
    const [usage] = await db.query<{ calls: number; missed: number; rows: number }>(
      `SELECT sum("calls")::int AS calls, sum("missed")::int AS missed, count(*)::int AS rows FROM "DailyUsage" WHERE "organizationId" = 'org-1'`,
    );
    expect(usage).toEqual({ calls: 2, missed: 1, rows: 1 });
  });
});
