import type { ProcessorBenchResult } from "./processor-bench";

/** Issue 17's targets (and the few other issues' targets the report shows), each stated once for every table. */
export const TARGETS = {
  /** Webhook → socket p99 with one client at 10 events/s, both databases (ms). */
  oneClientP99Ms: 50,
  oneClientRate: 10,
  /** Webhook → socket p99 with 500 clients under the 200 events/s mix (ms). */
  mixedP99Ms: { postgres: 250, pglite: 1000 },
  /** Inbox backlog growth over the measured minute: none, within one second of arrivals (the processor claims in batches). */
  backlogGrowthSeconds: 1,
  /** Live heap growth over the mixed run. */
  heapGrowth: 0.1,
  /** Signed webhooks stored per second. */
  ingestPerSecond: { postgres: 3000, pglite: 1000 },
  /** Ingest as a share of a bare 200-OK route on the same server (PostgreSQL). */
  ingestShareOfBareRoute: 0.5,
  /** Call events applied per second by the processor (PostgreSQL). */
  callApplyPerSecond: 1000,
  idleRssMb: 200,
  socketsRssMb: 300,
  startMs: 3000,
} as const;

/** Issue 17 sets the call apply rate on PostgreSQL; the other apply rows are context. */
export const applyTargetOf = (row: ProcessorBenchResult): number | undefined =>
  row.scenario === "calls" && row.backend === "postgres" ? TARGETS.callApplyPerSecond : undefined;
