/**
 * A fresh, migrated database per test file, keyed by the migrations' checksums so only the first
 * test file after a schema change pays for initdb + migrating:
 * - PGlite: in memory (no folder, no lock file), loaded from a cached dump of a migrated instance
 *   (node_modules/.cache/app-db) — initdb alone costs several seconds, loading the dump ~1.5 s;
 * - PostgreSQL: a uniquely named database created from a migrated template database.
 */
import { randomBytes } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { migrate } from "./migrate.js";
import { createPGliteDb, openDb, type OpenedDb } from "./open-db.js";
import { createMigratedPGlite, migrationsKey, writeMigratedSnapshot } from "./pglite-snapshot.js";

/** A Db plus drop(), migrate() (e.g. with a test migrations folder) and, on PostgreSQL, its URL. */
export type TestDb = OpenedDb & { drop(): Promise<void>; databaseUrl?: string };

const defaultAdminUrl = "postgres://postgres@127.0.0.1:5432/test";
const templateLockKey = 7_246_351_903;

export async function createTestDb(kind: "pglite" | "postgres" = testDbKind()): Promise<TestDb> {
  if (kind === "pglite") {
    const db = createPGliteDb(await openMigratedPGlite());
    return { ...db, drop: () => db.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL ?? defaultAdminUrl;
  const template = `app_tpl_${(await migrationsKey()).slice(0, 16)}`;
  await ensureTemplate(adminUrl, template);
  const name = `test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => createDatabase(admin, name, template));
  const databaseUrl = databaseUrlFor(adminUrl, name);
  const db = (await openDb({ databaseUrl, migrate: false, poolMax: 5 })) as OpenedDb;
  return {
    ...db,
    databaseUrl,
    drop: async () => {
      await db.close();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

function testDbKind(): "pglite" | "postgres" {
  const kind = process.env.TEST_DB ?? "pglite";
  if (kind !== "pglite" && kind !== "postgres")
    throw new Error(`TEST_DB must be "pglite" or "postgres", not "${kind}"`);
  return kind;
}

function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function createDatabase(admin: pg.Client, name: string, template: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      // 55006: the template is briefly "being accessed by other users" (another worker's CREATE DATABASE).
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
    }
  }
}

async function openMigratedPGlite(): Promise<PGlite> {
  const { pglite, fromSnapshot } = await createMigratedPGlite(undefined);
  if (!fromSnapshot) await writeMigratedSnapshot(pglite);
  return pglite;
}

async function ensureTemplate(adminUrl: string, template: string): Promise<void> {
  await withAdmin(adminUrl, async (admin) => {
    const exists = async () =>
      (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount === 1;
    if (await exists()) return;
    // Session lock: several vitest workers may arrive here together; one builds, the others wait.
    await admin.query("SELECT pg_advisory_lock($1)", [templateLockKey]);
    try {
      if (await exists()) return;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const pool = new pg.Pool({ connectionString: databaseUrlFor(adminUrl, building), max: 1 });
      try {
        await migrate(pool, { warn: () => undefined });
      } finally {
        await pool.end();
      }
      // Built under another name and renamed, so a crash never leaves a half-migrated template behind.
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [templateLockKey]);
    }
  });
}
