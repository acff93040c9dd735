/**
 * Start-up and idle memory of the API process as `pnpm start` runs it (compiled, dist/main.js) and as `pnpm dev`
 * runs it (TypeScript through tsx), on the embedded database, and compiled on PostgreSQL (an empty scratch database):
 * a first start on an empty data folder / database (migrations, demo seed, sandbox world), a restart on the same
 * ones, and the resident memory after a few idle seconds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createScratchDatabase } from "../apps/api/test/support/scratch-database";
import { spawnApi } from "../apps/api/test/support/spawn-api";
import { readRssMb } from "./proc-stats";

export interface StartBenchRow {
  entry: "compiled" | "source";
  database: "embedded" | "postgres";
  /** Spawn → banner printed (listening, sandbox world restored) on an empty data folder; median of the runs. */
  firstStartMs: number;
  /** The same on a data folder that is already migrated and seeded. */
  restartMs: number;
  /** Resident memory after `idleSeconds` without traffic, after the restart. */
  idleRssMb: number;
  idleSeconds: number;
  runs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function timedStart(entry: StartBenchRow["entry"], dataDir: string, databaseUrl: string | undefined) {
  const started = performance.now();
  const env: Record<string, string> = { LOG_LEVEL: "error", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const api = await spawnApi({ entry, dataDir, env });
  return { api, ms: performance.now() - started };
}

export async function runStartBench(options: { runs: number; idleSeconds: number }): Promise<StartBenchRow[]> {
  const rows: StartBenchRow[] = [];
  const cases = [
    { entry: "compiled", database: "embedded" },
    { entry: "source", database: "embedded" },
    { entry: "compiled", database: "postgres" },
  ] as const;
  for (const { entry, database } of cases) {
    const first: number[] = [];
    const restart: number[] = [];
    const rss: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), "tcrm-start-bench-"));
      const scratch = database === "postgres" ? await createScratchDatabase("startbench") : undefined;
      try {
        const cold = await timedStart(entry, dataDir, scratch?.url);
        first.push(cold.ms);
        await cold.api.stop({ keepData: true });
        const warm = await timedStart(entry, dataDir, scratch?.url);
        restart.push(warm.ms);
        await new Promise((resolve) => setTimeout(resolve, options.idleSeconds * 1000));
        rss.push(readRssMb(warm.api.child.pid!));
        await warm.api.stop({ keepData: true });
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
        await scratch?.drop();
      }
    }
    rows.push({
      entry,
      database,
      firstStartMs: median(first),
      restartMs: median(restart),
      idleRssMb: median(rss),
      idleSeconds: options.idleSeconds,
      runs: options.runs,
    });
  }
  return rows;
}
