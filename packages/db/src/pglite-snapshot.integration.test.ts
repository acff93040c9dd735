/**
 * `pnpm start` on an empty data folder: the database comes from the migrated snapshot the build wrote (no initdb,
 * no migration left to apply), lives in that folder afterwards, and a broken snapshot only costs time.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "./migrate.js";
import { openDb, type OpenedDb } from "./open-db.js";
import { createMigratedPGlite, readMigratedSnapshot, writeMigratedSnapshot } from "./pglite-snapshot.js";

describe.runIf((process.env.TEST_DB ?? "pglite") === "pglite")("embedded database from the migrated snapshot", () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "app-db-snapshot-"));
    // What the build does: write the snapshot when the current migrations have none.
    const { pglite, fromSnapshot } = await createMigratedPGlite(undefined);
    if (!fromSnapshot) await writeMigratedSnapshot(pglite);
    await pglite.close();
    expect(await readMigratedSnapshot()).toBeDefined();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("starts an empty folder from the snapshot, with every migration applied, and keeps what is written", async () => {
    const dataDir = path.join(root, "fresh");
    const db = (await openDb({ databaseUrl: "", dataDir, migrate: false })) as OpenedDb;
    try {
      // A database made by initdb would have every migration still to apply.
      expect((await db.migrate()).applied).toEqual([]);
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(row?.n).toBe((await readMigrations()).length);
      await db.query(
        `INSERT INTO "Organization" ("id", "name", "slug", "updatedAt") VALUES ('o1', 'Kept', 'kept', now())`,
      );
    } finally {
      await db.close();
    }
    const reopened = await openDb({ databaseUrl: "", dataDir });
    try {
      expect(await reopened.query(`SELECT "name" FROM "Organization" WHERE "id" = 'o1'`)).toEqual([{ name: "Kept" }]);
    } finally {
      await reopened.close();
    }
  });

  it("falls back to initdb and the migrations when the snapshot cannot be read", async () => {
    const dataDir = path.join(root, "fallback");
    await mkdir(dataDir);
    const unreadable = new Blob([Buffer.from("not a tarball")]);
    const { pglite, fromSnapshot } = await createMigratedPGlite(dataDir, unreadable);
    try {
      expect(fromSnapshot).toBe(false);
      const { rows } = await pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
      expect(rows[0]?.n).toBe((await readMigrations()).length);
    } finally {
      await pglite.close();
    }
  });
});
