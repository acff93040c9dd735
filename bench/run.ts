/**
 * `pnpm bench`: starts the real API (on PostgreSQL, then on the embedded database), measures, and
 * writes docs/benchmarks.md and docs/benchmarks.json. Every figure is reported with its ratio to
 * the machine's own ceiling measured in the same run (a bare 200-OK route on the same server) or to
 * its target. Loopback only; every loop is bounded.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startBenchApi } from "./api-process";
import { runStatsBench, type StatsBenchRow } from "./stats-bench";
import { benchIngest, benchLiveLatency, waitForDrain, type LatencyResult } from "./webhook-bench";
import type { LoadResult } from "./load";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const LIVE_CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 500);
const LIVE_RATE = Number(process.env.BENCH_LIVE_RATE ?? 200);
const LIVE_SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 10);
const STATS_ROWS = Number(process.env.BENCH_STATS_ROWS ?? 1_000_000);

interface BackendResult {
  backend: "postgres" | "pglite";
  baseline: LoadResult;
  ingest: LoadResult;
  drainSeconds: number;
  live: LatencyResult;
}

async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function benchBackend(backend: "postgres" | "pglite"): Promise<BackendResult> {
  const database = backend === "postgres" ? await createBenchDatabase() : undefined;
  const api = await startBenchApi({ databaseUrl: database?.url });
  try {
    console.log(`[${backend}] ingest: ${EVENTS} signed webhooks, ${CONCURRENCY} in flight`);
    const { ingest, baseline } = await benchIngest(api.url, api.privateKeyPem, EVENTS, CONCURRENCY);
    const drainSeconds = await waitForDrain(api.url, 300_000);
    console.log(`[${backend}] live latency: ${LIVE_CLIENTS} sockets, ${LIVE_RATE} events/s for ${LIVE_SECONDS} s`);
    const live = await benchLiveLatency(api.url, api.privateKeyPem, api.apiToken, LIVE_CLIENTS, LIVE_RATE, LIVE_SECONDS);
    return { backend, baseline, ingest, drainSeconds, live };
  } finally {
    await api.stop();
    await database?.drop();
  }
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : "n/a");

function renderStats(rows: StatsBenchRow[]): string[] {
  const lines = [
    "",
    `## Dashboard and analytics queries at ${STATS_ROWS.toLocaleString("en")} calls + ${STATS_ROWS.toLocaleString("en")} messages (PostgreSQL)`,
    "",
    "| query | runs | p50 ms | p95 ms | target p95 | ratio to target |",
    "|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    lines.push(`| ${row.query} | ${row.runs} | ${fmt(row.p50Ms, 1)} | ${fmt(row.p95Ms, 1)} | ≤ 50 | ${ratio(row.p95Ms, 50)}${row.isWithinTarget ? "" : " ✗"} |`);
  }
  return lines;
}

function renderMarkdown(results: BackendResult[], stats: StatsBenchRow[]): string {
  const lines = [
    "# Benchmarks",
    "",
    `Measured by \`pnpm bench\` on ${new Date().toISOString()} — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
    "The load generator runs on the same machine (loopback), so every figure shares the CPU with it; ratios compare figures measured in the same run.",
    "",
    "## Webhook ingest (signed, verified, stored in the inbox)",
    "",
    "| backend | events/s | ceiling: bare 200 route req/s | ratio to ceiling | target | ratio to target | p50 ms | p99 ms (target ≤ 50) | errors | inbox drained after |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const target = r.backend === "postgres" ? 3000 : 1000;
    lines.push(
      `| ${r.backend} | ${fmt(r.ingest.perSecond)} | ${fmt(r.baseline.perSecond)} | ${ratio(r.ingest.perSecond, r.baseline.perSecond)} | ≥ ${target} | ${ratio(r.ingest.perSecond, target)} | ${fmt(r.ingest.p50Ms, 1)} | ${fmt(r.ingest.p99Ms, 1)} | ${r.ingest.errors} | ${fmt(r.drainSeconds, 1)} s |`,
    );
  }
  lines.push(
    "",
    "## Live latency: webhook received → event on a socket.io client",
    "",
    "| backend | clients | events/s | received/sent | p50 ms | p99 ms | target p99 | ratio to target |",
    "|---|---|---|---|---|---|---|---|",
  );
  for (const r of results) {
    lines.push(
      `| ${r.backend} | ${r.live.clients} | ${r.live.rate} | ${r.live.received}/${r.live.sent} | ${fmt(r.live.p50Ms, 1)} | ${fmt(r.live.p99Ms, 1)} | ≤ 50 | ${ratio(r.live.p99Ms, 50)} |`,
    );
  }
  lines.push(...renderStats(stats));
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const results: BackendResult[] = [];
  for (const backend of ["postgres", "pglite"] as const) results.push(await benchBackend(backend));
  console.log(`[postgres] dashboard queries over ${STATS_ROWS} calls + ${STATS_ROWS} messages (generating them first)`);
  const statsDb = await createBenchDatabase();
  let stats: StatsBenchRow[];
  try {
    stats = await runStatsBench({ databaseUrl: statsDb.url, rows: STATS_ROWS, log: (line) => console.log(`  ${line}`) });
  } finally {
    await statsDb.drop();
  }
  const docs = path.join(root, "docs");
  mkdirSync(docs, { recursive: true });
  writeFileSync(path.join(docs, "benchmarks.json"), `${JSON.stringify({ measuredAt: new Date().toISOString(), cpus: os.cpus().length, results, stats }, null, 2)}\n`);
  const markdown = renderMarkdown(results, stats);
  writeFileSync(path.join(docs, "benchmarks.md"), markdown);
  console.log(markdown);
}

await main();
