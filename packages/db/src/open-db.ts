/**
 * Opens the database: PostgreSQL when DATABASE_URL (or options.databaseUrl) is set, otherwise
 * embedded PGlite in a local folder (zero set-up). Applies pending migrations unless told not to.
 *
 * `query`/`exec` bypass Prisma (pg Pool or the PGlite instance directly) for hot paths. Both
 * backends return numeric as string, timestamptz as Date, json as parsed values and int8 as number.
 * PGlite has ONE connection: a long interactive transaction blocks every other query, so keep
 * `prisma.$transaction(async tx => …)` bodies short.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { migrate, type MigrateOptions } from "./migrate.js";
import { createPGliteAdapterFactory } from "./pglite-adapter.js";
import { createMigratedPGlite } from "./pglite-snapshot.js";

export interface Db {
  prisma: PrismaClient;
  kind: "pglite" | "postgres";
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  databaseUrl?: string;
  /** Embedded database folder; `memory://` for an in-memory database (no lock file). */
  dataDir?: string;
  migrate?: boolean;
  poolMax?: number;
}

const int8Oid = 20;

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const db = databaseUrl ? openPostgres(databaseUrl, options.poolMax) : await openPGlite(options.dataDir);
  if (options.migrate !== false) {
    try {
      await db.migrate();
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

/** What the opener returns at run time: a Db that can also (re-)run the migrator. */
export type OpenedDb = Db & { migrate(options?: MigrateOptions): Promise<{ applied: string[] }> };

function openPostgres(connectionString: string, poolMax = 10): OpenedDb {
  const pool = new pg.Pool({
    connectionString,
    max: poolMax,
    // A database that stops answering (rather than refusing) must not hang callers forever: a
    // webhook then gets its 503 and Telnyx retries. TCP keep-alive notices dead connections.
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
    // Same shape as PGlite for raw queries (count(*) is int8). Prisma sets its own parsers per query.
    types: {
      getTypeParser: (oid: number, format?: "text" | "binary") =>
        oid === int8Oid ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  // An idle pooled connection the server ends (restart, failover, a forced DROP DATABASE) makes the pool emit
  // 'error'; unheard, that is an uncaught exception that kills the process. The pool has already dropped that
  // client: the next query opens a new one, or fails with its own error where a caller handles it.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "postgres",
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql: string) => {
      await pool.query(sql);
    },
    migrate: (migrateOptions) => migrate(pool, migrateOptions),
    close: () =>
      (closing ??= (async () => {
        await prisma.$disconnect();
        await pool.end();
      })()),
  };
}

async function openPGlite(dataDirOption?: string): Promise<OpenedDb> {
  const isMemory = dataDirOption?.startsWith("memory://") ?? false;
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (!isMemory) {
    dataDir = path.resolve(dataDirOption ?? process.env.DATA_DIR ?? path.join(process.cwd(), ".data", "pglite"));
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  let pglite: PGlite;
  try {
    // A folder without a database yet starts from the migrated snapshot `pnpm build` wrote (no initdb).
    pglite =
      dataDir && !existsSync(path.join(dataDir, "PG_VERSION"))
        ? (await createMigratedPGlite(dataDir)).pglite
        : await PGlite.create(dataDir ?? dataDirOption);
  } catch (error) {
    lock?.release();
    throw error;
  }
  return createPGliteDb(pglite, () => lock?.release());
}

/** Wraps an already open PGlite instance (tests load a migrated snapshot this way). */
export function createPGliteDb(pglite: PGlite, onClose?: () => void): OpenedDb {
  // One connection: a transaction waits for the one before it, which may take longer than Prisma's
  // 2 s default when the webhook processor is busy; giving up would fail a user's action for nothing.
  const prisma = new PrismaClient({
    adapter: createPGliteAdapterFactory(pglite),
    transactionOptions: { maxWait: 30_000 },
  });
  let closing: Promise<void> | undefined;
  return {
    prisma,
    kind: "pglite",
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    exec: async (sql: string) => {
      await pglite.exec(sql);
    },
    migrate: (migrateOptions) => migrate(pglite, migrateOptions),
    close: () =>
      (closing ??= (async () => {
        try {
          await prisma.$disconnect();
          await pglite.close();
        } finally {
          onClose?.();
        }
      })()),
  };
}
