import { createHash } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrate, readMigrations } from "./migrate.js";
import { createTestDb, type TestDb } from "./test-db.js";

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

let db: TestDb;
let migrationsDir: string;

beforeEach(async () => {
  db = await createTestDb();
  migrationsDir = await mkdtemp(path.join(tmpdir(), "app-db-migrations-"));
  await cp(defaultMigrationsDir, migrationsDir, { recursive: true });
});

afterEach(async () => {
  await db.drop();
  await rm(migrationsDir, { recursive: true, force: true });
});

async function addMigration(name: string, sql: string): Promise<void> {
  await mkdir(path.join(migrationsDir, name));
  await writeFile(path.join(migrationsDir, name, "migration.sql"), sql);
}

const rows = () => db.query<MigrationRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name`);
const tableExists = async (name: string) =>
  (await db.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`"${name}"`]))[0]?.found != null;

describe("migrate", () => {
  it("records every migration in Prisma's _prisma_migrations format", async () => {
    const files = await readMigrations();
    const recorded = await rows();
    expect(recorded.map((row) => row.migration_name)).toEqual(files.map((file) => file.name));
    for (const [index, row] of recorded.entries()) {
      const sql = await readFile(path.join(defaultMigrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
      expect(files[index]?.checksum).toBe(row.checksum);
    }
    expect(await tableExists("TelnyxCall")).toBe(true);
  });

  it("applies nothing on a second run", async () => {
    expect(await db.migrate()).toEqual({ applied: [] });
    expect(await rows()).toHaveLength((await readMigrations()).length);
  });

  it("applies a new migration with a $$ body in one go", async () => {
    await addMigration(
      "29990101000000_function",
      `CREATE TABLE "Later" (id int);\nCREATE FUNCTION later_one() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\n`,
    );
    expect(await db.migrate({ migrationsDir })).toEqual({ applied: ["29990101000000_function"] });
    expect(await db.query("SELECT later_one() AS one")).toEqual([{ one: 1 }]);
  });

  it("rolls a failing migration back completely and refuses to go past it", async () => {
    await addMigration("29990101000000_bad", `CREATE TABLE "Half" (id int);\nINSERT INTO "Missing" VALUES (1);\n`);
    await addMigration("29990102000000_later", `CREATE TABLE "Later" (id int);\n`);

    await expect(db.migrate({ migrationsDir })).rejects.toThrow(
      /29990101000000_bad failed and was rolled back: .*Missing/,
    );
    expect(await tableExists("Half")).toBe(false);
    expect(await tableExists("Later")).toBe(false);
    const failed = (await rows()).find((row) => row.migration_name === "29990101000000_bad");
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toMatch(/Missing/);

    await expect(db.migrate({ migrationsDir })).rejects.toThrow(
      /29990101000000_bad failed earlier and blocks later migrations/,
    );
    expect(await tableExists("Later")).toBe(false);

    // The documented way out: fix the file, mark the failure rolled back, start again.
    await writeFile(path.join(migrationsDir, "29990101000000_bad", "migration.sql"), `CREATE TABLE "Half" (id int);\n`);
    await db.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '29990101000000_bad'`);
    expect(await db.migrate({ migrationsDir })).toEqual({ applied: ["29990101000000_bad", "29990102000000_later"] });
    expect(await tableExists("Later")).toBe(true);
  });

  it("warns when an applied migration file was changed", async () => {
    const [first] = await readMigrations();
    await writeFile(path.join(migrationsDir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    const warnings: string[] = [];
    expect(await db.migrate({ migrationsDir, warn: (message) => warnings.push(message) })).toEqual({ applied: [] });
    expect(warnings).toEqual([expect.stringContaining(`${first!.name} was changed after it was applied`)]);
  });

  it.runIf(process.env.TEST_DB === "postgres")("lets two processes start at once on PostgreSQL", async () => {
    await addMigration("29990101000000_slow", `SELECT pg_sleep(0.3);\nCREATE TABLE "Once" (id int);\n`);
    const pools = [1, 2].map(() => new pg.Pool({ connectionString: db.databaseUrl, max: 1 }));
    try {
      const results = await Promise.all(pools.map((pool) => migrate(pool, { migrationsDir })));
      expect(results.flatMap((result) => result.applied)).toEqual(["29990101000000_slow"]);
      expect((await rows()).filter((row) => row.migration_name === "29990101000000_slow")).toHaveLength(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
