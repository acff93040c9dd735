/**
 * Lock file for the embedded database folder. PGlite does nothing to stop two processes from
 * opening the same data dir (which corrupts it), so we take `<dataDir>/app.lock` (our pid)
 * before opening. A lock left by a dead process is taken over; ours is removed on release and on
 * process exit (a SIGKILL leaves it behind, and the next start takes it over).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface DataDirLock {
  path: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(lockPath: string): { pid: number; raw: string } | undefined {
  try {
    const raw = readFileSync(lockPath, "utf8");
    return { pid: Number.parseInt(raw, 10), raw };
  } catch {
    return undefined;
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const lockPath = path.join(dataDir, "app.lock");
  const content = `${process.pid}\n`;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      writeFileSync(lockPath, content, { flag: "wx" });
      return createRelease(lockPath, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(lockPath);
    if (owner && Number.isInteger(owner.pid) && owner.pid > 0 && isAlive(owner.pid)) {
      throw new Error(
        `The embedded database folder ${dataDir} is already in use by process ${owner.pid} (lock file ${lockPath}). ` +
          "Stop that process, or set DATA_DIR to another folder, or DATABASE_URL to use PostgreSQL.",
      );
    }
    // Stale (dead pid or unreadable): remove it only if nobody replaced it meanwhile, then retry.
    if (readOwner(lockPath)?.raw === owner?.raw) rmSync(lockPath, { force: true });
  }
  throw new Error(`Could not take the lock file ${lockPath}; another process keeps replacing it.`);
}

function createRelease(lockPath: string, content: string): DataDirLock {
  let isReleased = false;
  const release = () => {
    if (isReleased) return;
    isReleased = true;
    process.off("exit", release);
    if (readOwner(lockPath)?.raw === content) rmSync(lockPath, { force: true });
  };
  process.on("exit", release);
  return { path: lockPath, release };
}
