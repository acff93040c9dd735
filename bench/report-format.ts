/** What every table of docs/benchmarks.md shares: a backend's results and how figures, ratios and misses are written. */
import type { FanOutResult } from "./fanout-bench";
import type { MixedLiveResult } from "./live-mixed-bench";
import type { LoadResult } from "./load";
import type { PanelBenchResult } from "./panel-bench";
import type { ProcessorBenchResult } from "./processor-bench";
import type { StartBenchRow } from "./start-bench";
import type { StatsBenchRow } from "./stats-bench";
import type { VerifyBenchResult } from "./verify-bench";
import type { WebBenchResult } from "./web-bench";
import type { LatencyResult } from "./webhook-bench";

export interface BackendResult {
  backend: "postgres" | "pglite";
  baseline?: LoadResult;
  ingest?: LoadResult;
  drainSeconds?: number;
  /** One client, 10 events/s. */
  oneClient?: LatencyResult;
  /** Many clients under the mixed stream. */
  mixed?: MixedLiveResult;
  panel?: PanelBenchResult;
}

export interface BenchReport {
  measuredAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: number[] };
  verify?: VerifyBenchResult;
  results: BackendResult[];
  fanOut?: FanOutResult;
  stats?: StatsBenchRow[];
  statsRows: number;
  apply?: ProcessorBenchResult[];
  web?: WebBenchResult;
  start?: StartBenchRow[];
}

export const fmt = (n: number | undefined, digits = 0) =>
  n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : "n/a";
export const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : "n/a";
export const mark = (isMet: boolean) => (isMet ? "" : " ✗");
