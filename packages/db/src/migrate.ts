/**
 * Start-up migrator (Prisma's native engine is not available at run time). Keeps Prisma's own
 * `_prisma_migrations` table so the real CLI stays compatible. Each pending migration.sql runs in
 * ONE transaction through the simple query protocol (pg) or PGlite exec — never through a driver
 * adapter's executeScript, which splits on `;`. A recorded failure blocks every later migration.
 * On PostgreSQL a session advisory lock serialises instances that start at the same time.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type pg from "pg";

export type MigrateTarget = PGlite | pg.Pool;
export interface MigrateOptions {
  migrationsDir?: string;
  warn?: (message: string) => void;
}

export const defaultMigrationsDir = fileURLToPath(new URL("../prisma/migrations", import.meta.url));
const lockKey = 7_246_351_902; // arbitrary, shared by every instance of this app

interface Conn {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<unknown>;
}
interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

export async function readMigrations(
  dir = defaultMigrationsDir,
): Promise<{ name: string; sql: string; checksum: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Applies pending migrations; returns the names applied by this call. */
export async function migrate(target: MigrateTarget, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(options.migrationsDir);
  const warn = options.warn ?? ((message: string) => console.warn(`[db] ${message}`));
  if (target instanceof PGlite) {
    // One connection, one process (the data-dir lock file): no advisory lock needed.
    const conn: Conn = {
      query: async (sql, params) => (await target.query<never>(sql, params)).rows,
      exec: (sql) => target.exec(sql),
    };
    return applyPending(conn, migrations, warn, async (fn) => {
      await target.transaction((tx: Transaction) =>
        fn({ query: async (sql, params) => (await tx.query<never>(sql, params)).rows, exec: (sql) => tx.exec(sql) }),
      );
    });
  }
  const client = await target.connect();
  const conn: Conn = {
    query: async (sql, params) => (await client.query(sql, params)).rows,
    exec: (sql) => client.query(sql),
  };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [lockKey]);
    return await applyPending(conn, migrations, warn, async (fn) => {
      await client.query("BEGIN");
      try {
        await fn(conn);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [lockKey]).catch(() => undefined);
    client.release();
  }
}

async function applyPending(
  conn: Conn,
  migrations: Awaited<ReturnType<typeof readMigrations>>,
  warn: (m: string) => void,
  inTransaction: (fn: (tx: Conn) => Promise<void>) => Promise<void>,
): Promise<{ applied: string[] }> {
  await conn.exec(
    `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
  );
  const rows = await conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed earlier and blocks later migrations. Fix the database by hand, then mark it rolled back: UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}' AND finished_at IS NULL`,
    );
  }
  const done = new Map(rows.map((row) => [row.migration_name, row.checksum]));
  const applied: string[] = [];
  for (const migration of migrations) {
    const checksum = done.get(migration.name);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum)
        warn(
          `migration ${migration.name} was changed after it was applied (checksum differs); the database keeps the old version`,
        );
      continue;
    }
    const id = randomUUID();
    try {
      await inTransaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [id, migration.checksum, migration.name],
        );
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // Recorded outside the rolled-back transaction, the way Prisma does, so the next start refuses to go on.
      await conn.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, applied_steps_count) VALUES ($1, $2, $3, $4, 0)`,
        [id, migration.checksum, migration.name, message],
      );
      throw new Error(`Migration ${migration.name} failed and was rolled back: ${message}`, { cause: error });
    }
    applied.push(migration.name);
  }
  return { applied };
}
