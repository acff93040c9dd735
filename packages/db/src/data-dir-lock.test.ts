import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "./data-dir-lock.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsx = path.join(packageDir, "node_modules", ".bin", "tsx");

// A second, real process opening the same folder through openDb.
function runOpenDb(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  // tsx --eval compiles to CommonJS: no top-level await.
  const script = `import { openDb } from ${JSON.stringify(path.join(packageDir, "src", "open-db.ts"))};
openDb({ dataDir: process.argv[1], databaseUrl: "" }).then(
  (db) => db.close(),
  (error) => { console.error(error.message); process.exit(3); },
);`;
  return new Promise((resolve) => {
    const child = spawn(tsx, ["--eval", script, dataDir], { cwd: packageDir, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["-e", ""]);
    child.on("exit", () => resolve(child.pid!));
  });
}

describe("embedded database folder lock", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "app-db-lock-"));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("makes a second process fail at once with a clear message", async () => {
    const lock = acquireDataDirLock(dataDir);
    try {
      const started = Date.now();
      const { code, stderr } = await runOpenDb(dataDir);
      expect(code).toBe(3);
      expect(stderr.trim()).toBe(
        `The embedded database folder ${dataDir} is already in use by process ${process.pid} (lock file ${lock.path}). ` +
          "Stop that process, or set DATA_DIR to another folder, or DATABASE_URL to use PostgreSQL.",
      );
      // "At once": no waiting for the lock; the bound leaves room for a loaded machine's slow tsx start.
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(false);
    } finally {
      lock.release();
    }
  }, 60_000);

  it("takes over a lock left by a dead process and removes it on release", async () => {
    const lockPath = path.join(dataDir, "app.lock");
    writeFileSync(lockPath, `${await deadPid()}\n`);
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(lockPath, "utf8").trim()).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dataDir)).toThrow(/already in use by process/);
    lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });
});
