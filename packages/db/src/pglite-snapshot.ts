/**
 * A migrated embedded database as a tarball, keyed by the migrations' checksums
 * (node_modules/.cache/app-db/pglite-<key>.tar). Creating a PGlite database runs initdb, which costs
 * several seconds on a small machine; loading this snapshot costs under one. `pnpm build` writes it
 * (apps/api/scripts/build.mjs), so `pnpm start` on an empty data folder loads it instead of running
 * initdb and every migration; the tests load it for each in-memory database. A snapshot made by
 * another PGlite version, or unreadable, is ignored: the database is then created the slow way.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { migrate, readMigrations } from "./migrate.js";

const cacheDir = new URL("../node_modules/.cache/app-db/", import.meta.url);

/** Hash of every migration's name and checksum: a new or edited migration makes a new snapshot. */
export async function migrationsKey(): Promise<string> {
  const migrations = await readMigrations();
  return createHash("sha256")
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join("\n"))
    .digest("hex");
}

async function snapshotPath(): Promise<string> {
  return fileURLToPath(new URL(`pglite-${await migrationsKey()}.tar`, cacheDir));
}

/** The current migrations' snapshot, or undefined when none was written yet. */
export async function readMigratedSnapshot(): Promise<Blob | undefined> {
  const snapshot = await readFile(await snapshotPath()).catch(() => undefined);
  return snapshot ? new Blob([snapshot]) : undefined;
}

/** Dumps a migrated instance as the current migrations' snapshot (written aside, then renamed: never half a file). */
export async function writeMigratedSnapshot(pglite: PGlite): Promise<void> {
  const target = await snapshotPath();
  const dump = Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer());
  const partial = `${target}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await mkdir(fileURLToPath(cacheDir), { recursive: true });
  await writeFile(partial, dump);
  await rename(partial, target);
}

/**
 * A migrated PGlite in `dataDir` (a folder without a database yet) or in memory (undefined): from the
 * snapshot when there is a readable one, else initdb + migrations (`fromSnapshot` false: the caller may
 * write the snapshot for the next time).
 */
export async function createMigratedPGlite(
  dataDir: string | undefined,
  snapshot: Blob | undefined = undefined,
): Promise<{ pglite: PGlite; fromSnapshot: boolean }> {
  snapshot ??= await readMigratedSnapshot();
  if (snapshot) {
    try {
      return { pglite: await PGlite.create({ dataDir, loadDataDir: snapshot }), fromSnapshot: true };
    } catch {
      // Unreadable (e.g. made by another PGlite version): built below.
    }
  }
  const pglite = await PGlite.create(dataDir);
  await migrate(pglite, { warn: () => undefined });
  return { pglite, fromSnapshot: false };
}
