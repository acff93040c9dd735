/**
 * `pnpm bench`: starts the real API (on PostgreSQL, then on the embedded database), measures, and
 * writes docs/benchmarks.md and docs/benchmarks.json. Every figure is reported with its ratio to
 * the machine's own ceiling measured in the same run (a bare 200-OK route on the same server) or to
 * its target. Loopback only; every loop is bounded.
 *
 * The API runs as `pnpm start` runs it: compiled (dist/main.js, built first from the current source).
 *
 * Knobs (env): BENCH_SECTIONS (ingest,apply,live,panel,fanout,stats,web,start), BENCH_BACKENDS (postgres,pglite),
 * BENCH_OUT_DIR (docs/; point it elsewhere for partial or quick runs), sizes below. A quick run for
 * development: BENCH_OUT_DIR=/tmp/bench BENCH_EVENTS=2000 BENCH_STATS_ROWS=20000 BENCH_FANOUT_CLIENTS=200.
 * The live section: one client at 10 events/s (BENCH_ONE_CLIENT_SECONDS), then BENCH_LIVE_CLIENTS clients under the
 * mixed stream at BENCH_LIVE_RATE for BENCH_LIVE_WARMUP_SECONDS + BENCH_LIVE_SECONDS (BENCH_LIVE_OUTBOUND_SMS sends/s
 * through the REST face; the drain after it waits at most BENCH_LIVE_DRAIN_SECONDS).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createScratchDatabase } from "../apps/api/test/support/scratch-database";
import { buildApi } from "../apps/api/test/support/spawn-api";
import { startBenchApi, type BenchApi } from "./api-process";
import { openBenchDb, readAppliedMix } from "./applied-mix";
import { benchFanOut, type FanOutResult } from "./fanout-bench";
import { runPanelBench } from "./panel-bench";
import { benchMixedLive } from "./live-mixed-bench";
import { runProcessorBench, type ProcessorBenchResult } from "./processor-bench";
import { renderMarkdown, type BackendResult } from "./report";
import { runStartBench, type StartBenchRow } from "./start-bench";
import { runStatsBench, type StatsBenchRow } from "./stats-bench";
import { runVerifyBench, type VerifyBenchResult } from "./verify-bench";
import { runWebBench, type WebBenchResult } from "./web-bench";
import { benchIngest, benchLiveLatency, waitForDrain } from "./webhook-bench";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = path.resolve(root, process.env.BENCH_OUT_DIR ?? "docs");
const SECTIONS = new Set(
  (process.env.BENCH_SECTIONS ?? "ingest,apply,live,panel,fanout,stats,web,start").split(",").map((s) => s.trim()),
);
const BACKENDS = (process.env.BENCH_BACKENDS ?? "postgres,pglite").split(",").map((s) => s.trim()) as (
  | "postgres"
  | "pglite"
)[];
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const SWARM_WORKERS = Number(process.env.BENCH_SWARM_WORKERS ?? 4);
const ONE_CLIENT = {
  clients: 1,
  rate: 10,
  seconds: Number(process.env.BENCH_ONE_CLIENT_SECONDS ?? 20),
  workers: 1,
};
const LIVE = {
  clients: Number(process.env.BENCH_LIVE_CLIENTS ?? 500),
  rate: Number(process.env.BENCH_LIVE_RATE ?? 200),
  seconds: Number(process.env.BENCH_LIVE_SECONDS ?? 60),
  warmupSeconds: Number(process.env.BENCH_LIVE_WARMUP_SECONDS ?? 10),
  outboundSmsPerSecond: Number(process.env.BENCH_LIVE_OUTBOUND_SMS ?? 5),
  drainLimitSeconds: Number(process.env.BENCH_LIVE_DRAIN_SECONDS ?? 180),
  workers: SWARM_WORKERS,
};
const FANOUT = {
  clients: Number(process.env.BENCH_FANOUT_CLIENTS ?? 2_000),
  rate: Number(process.env.BENCH_FANOUT_RATE ?? 10),
  seconds: Number(process.env.BENCH_FANOUT_SECONDS ?? 10),
  workers: SWARM_WORKERS,
};
const STATS_ROWS = Number(process.env.BENCH_STATS_ROWS ?? 1_000_000);
const APPLY_EVENTS = Number(process.env.BENCH_APPLY_EVENTS ?? 3_000);
const START_RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
const PANEL_RUNS = Number(process.env.BENCH_PANEL_RUNS ?? 30);

const startedAt = performance.now();
/** Progress lines carry the seconds since the run started: a section's duration is the gap to the next line. */
const log = (line: string) =>
  console.log(`[${((performance.now() - startedAt) / 1000).toFixed(0).padStart(5)} s] ${line}`);

/** A fresh database on the PostgreSQL at TEST_DATABASE_URL (default: the local one), dropped after its section. */
const createBenchDatabase = () => createScratchDatabase("bench");

async function benchBackend(backend: "postgres" | "pglite"): Promise<BackendResult> {
  const database = backend === "postgres" ? await createBenchDatabase() : undefined;
  // The inspector (loopback) lets the mixed live run force a full GC to read the live heap.
  const api = await startBenchApi({ databaseUrl: database?.url, inspect: SECTIONS.has("live") });
  const result: BackendResult = { backend };
  try {
    await runBackendSections(backend, api, result).finally(() => api.stop({ keepData: true }));
    if (result.mixed) {
      const db = await openBenchDb({ databaseUrl: database?.url, dataDir: api.dataDir });
      result.mixed.applied = await readAppliedMix(db, result.mixed.window).finally(() => db.close());
    }
    return result;
  } finally {
    rmSync(api.dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

async function runBackendSections(backend: BackendResult["backend"], api: BenchApi, result: BackendResult) {
  if (SECTIONS.has("ingest")) {
    log(`[${backend}] ingest: ${EVENTS} signed webhooks, ${CONCURRENCY} in flight`);
    Object.assign(result, await benchIngest(api.url, api.privateKeyPem, EVENTS, CONCURRENCY, api.webhookRoot));
    result.drainSeconds = await waitForDrain(api.url, 300_000);
  }
  // Before the mixed live run: an API that did not keep up with it still has a backlog to apply afterwards.
  if (SECTIONS.has("panel")) {
    log(`[${backend}] click → own call panel: ${PANEL_RUNS} calls, one at a time`);
    result.panel = await runPanelBench(api, PANEL_RUNS);
  }
  if (SECTIONS.has("live")) {
    log(`[${backend}] live latency: 1 socket, ${ONE_CLIENT.rate} events/s for ${ONE_CLIENT.seconds} s`);
    result.oneClient = await benchLiveLatency(api, ONE_CLIENT);
    log(
      `[${backend}] live latency under the mix: ${LIVE.clients} sockets in ${LIVE.workers} processes, ${LIVE.rate} webhooks/s for ${LIVE.warmupSeconds} + ${LIVE.seconds} s`,
    );
    result.mixed = await benchMixedLive(api, LIVE);
  }
}

/** On a fresh API instance (PostgreSQL), so its memory is that of the sockets, not of an earlier section. */
async function benchFanOutSection(): Promise<FanOutResult> {
  const database = await createBenchDatabase();
  const api = await startBenchApi({ databaseUrl: database.url });
  try {
    log(
      `[postgres] fan-out: ${FANOUT.clients} sockets in ${FANOUT.workers} processes, ${FANOUT.rate} broadcasts/s for ${FANOUT.seconds} s`,
    );
    return await benchFanOut(api, FANOUT);
  } finally {
    await api.stop();
    await database.drop();
  }
}

async function benchStatsSection(): Promise<StatsBenchRow[]> {
  log(`[postgres] dashboard queries over ${STATS_ROWS} calls + ${STATS_ROWS} messages (generating them first)`);
  const statsDb = await createBenchDatabase();
  try {
    return await runStatsBench({ databaseUrl: statsDb.url, rows: STATS_ROWS, log: (line) => log(`  ${line}`) });
  } finally {
    await statsDb.drop();
  }
}

/** The built web app (quickstart's bench task builds it first) served by the API on PostgreSQL, driven by Chromium. */
async function benchWebSection(): Promise<WebBenchResult> {
  const database = await createBenchDatabase();
  const api = await startBenchApi({ databaseUrl: database.url });
  try {
    log("[postgres] web: JavaScript for /login and the dashboard, wallboard time to the first live event (Chromium)");
    return await runWebBench({ apiUrl: api.url, privateKeyPem: api.privateKeyPem, webhookRoot: api.webhookRoot });
  } finally {
    await api.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  log("[build] the API, as `pnpm start` runs it (dist/main.js)");
  buildApi();
  let verify: VerifyBenchResult | undefined;
  if (SECTIONS.has("ingest")) {
    log("[in process] webhook signature verification, one core");
    verify = await runVerifyBench();
  }
  const results: BackendResult[] = [];
  if (SECTIONS.has("ingest") || SECTIONS.has("live") || SECTIONS.has("panel"))
    for (const backend of BACKENDS) results.push(await benchBackend(backend));
  const apply: ProcessorBenchResult[] = [];
  if (SECTIONS.has("apply")) {
    for (const scenario of ["sms", "calls"] as const) {
      for (const backend of BACKENDS) {
        log(`[${backend}] apply rate: ${APPLY_EVENTS} ${scenario} events through the webhook processor`);
        apply.push(await runProcessorBench(backend, APPLY_EVENTS, scenario));
      }
    }
  }
  const fanOut = SECTIONS.has("fanout") ? await benchFanOutSection() : undefined;
  const stats = SECTIONS.has("stats") ? await benchStatsSection() : undefined;
  const web = SECTIONS.has("web") ? await benchWebSection() : undefined;
  let start: StartBenchRow[] | undefined;
  if (SECTIONS.has("start")) {
    log(
      `[start] API start-up and idle memory: compiled and through tsx on the embedded database, compiled on PostgreSQL; ${START_RUNS} runs each`,
    );
    start = await runStartBench({ runs: START_RUNS, idleSeconds: 5 });
  }
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memoryGiB: os.totalmem() / 2 ** 30,
    node: process.version,
    loadAverage: os.loadavg(),
  };
  log("done");
  mkdirSync(OUT_DIR, { recursive: true });
  const measuredAt = new Date().toISOString();
  writeFileSync(
    path.join(OUT_DIR, "benchmarks.json"),
    `${JSON.stringify({ measuredAt, ...machine, sections: [...SECTIONS], verify, results, apply, fanOut, stats, web, start }, null, 2)}\n`,
  );
  const markdown = renderMarkdown({
    measuredAt,
    machine,
    verify,
    results,
    apply: apply.length > 0 ? apply : undefined,
    fanOut,
    stats,
    web,
    start,
    statsRows: STATS_ROWS,
  });
  writeFileSync(path.join(OUT_DIR, "benchmarks.md"), markdown);
  process.stdout.write(markdown);
}

await main();
