/** The top of docs/benchmarks.md: every issue-17 target with this run's figure, its ratio to the target and whether it is met. */
import { backlogGrowthTarget, heapGrowthOf, mixedP99Target } from "./report-live";
import { fmt, ratio, type BackendResult, type BenchReport } from "./report-format";
import { applyTargetOf, TARGETS } from "./targets";

interface SummaryRow {
  what: string;
  target: string;
  /** Undefined: the section did not run. */
  measured?: { text: string; ratio: string; isMet: boolean };
}

const atMost = (value: number, target: number, unit: string, digits = 0) => ({
  text: `${fmt(value, digits)}${unit}`,
  ratio: ratio(value, target),
  isMet: value <= target,
});
const atLeast = (value: number, target: number, unit: string, digits = 0) => ({
  text: `${fmt(value, digits)}${unit}`,
  ratio: ratio(value, target),
  isMet: value >= target,
});

function backendRows(report: BenchReport, backend: BackendResult["backend"]): SummaryRow[] {
  const result = report.results.find((r) => r.backend === backend);
  const { oneClient, mixed, ingest, baseline } = result ?? {};
  const clients = mixed?.clients ?? 500;
  const rate = mixed?.rate ?? 200;
  const seconds = mixed?.seconds ?? 60;
  const rows: SummaryRow[] = [
    {
      what: `${backend}: webhook → socket, 1 client, ${TARGETS.oneClientRate} events/s, p99`,
      target: `≤ ${TARGETS.oneClientP99Ms} ms`,
      measured: oneClient && atMost(oneClient.p99Ms, TARGETS.oneClientP99Ms, " ms", 1),
    },
    {
      what: `${backend}: webhook → socket, ${clients} clients, ${rate} webhooks/s of the mix, p99`,
      target: `≤ ${mixedP99Target(backend)} ms`,
      measured: mixed && atMost(mixed.p99Ms, mixedP99Target(backend), " ms", 1),
    },
    {
      what: `${backend}: inbox backlog growth over ${seconds} s at ${rate} webhooks/s`,
      target: `none (≤ ${mixed ? backlogGrowthTarget(mixed) : rate * TARGETS.backlogGrowthSeconds} rows)`,
      measured: mixed && atMost(mixed.backlogGrowth, backlogGrowthTarget(mixed), " rows"),
    },
    {
      what: `${backend}: live heap growth at ${rate} webhooks/s over ${seconds} s (forced full GC before/after)`,
      target: `< ${TARGETS.heapGrowth * 100} %`,
      measured: mixed && {
        text: `${fmt(heapGrowthOf(mixed) * 100, 1)} % (${fmt(mixed.heapStartMb)} → ${fmt(mixed.heapEndMb)} MB)`,
        ratio: ratio(heapGrowthOf(mixed), TARGETS.heapGrowth),
        isMet: heapGrowthOf(mixed) < TARGETS.heapGrowth,
      },
    },
    {
      what: `${backend}: signed webhook ingest`,
      target: `≥ ${TARGETS.ingestPerSecond[backend]} events/s`,
      measured: ingest && atLeast(ingest.perSecond, TARGETS.ingestPerSecond[backend], " events/s"),
    },
  ];
  if (backend === "postgres")
    rows.push({
      what: "postgres: ingest as a share of a bare 200-OK route on the same server",
      target: `≥ ${TARGETS.ingestShareOfBareRoute}×`,
      measured:
        ingest && baseline
          ? atLeast(ingest.perSecond / baseline.perSecond, TARGETS.ingestShareOfBareRoute, "×", 2)
          : undefined,
    });
  return rows;
}

function processRows(report: BenchReport): SummaryRow[] {
  const callsApply = report.apply?.find((row) => applyTargetOf(row) !== undefined);
  const compiled = report.start?.find((row) => row.entry === "compiled" && row.database === "embedded");
  const compiledPg = report.start?.find((row) => row.entry === "compiled" && row.database === "postgres");
  const fanOut = report.fanOut;
  return [
    {
      what: "postgres: call events applied by the processor",
      target: `≥ ${TARGETS.callApplyPerSecond} events/s`,
      measured: callsApply && atLeast(callsApply.perSecond, TARGETS.callApplyPerSecond, " events/s"),
    },
    {
      what: "API resident memory idle (PostgreSQL, before the fan-out's clients)",
      target: `≤ ${TARGETS.idleRssMb} MB`,
      measured: fanOut && atMost(fanOut.rssIdleMb, TARGETS.idleRssMb, " MB"),
    },
    {
      what: "API resident memory idle (`pnpm start`, embedded database)",
      target: `≤ ${TARGETS.idleRssMb} MB`,
      measured: compiled && atMost(compiled.idleRssMb, TARGETS.idleRssMb, " MB"),
    },
    {
      what: `API resident memory with ${fanOut?.connected ?? 2000} sockets (peak during broadcasts)`,
      target: `≤ ${TARGETS.socketsRssMb} MB`,
      measured: fanOut && atMost(Math.max(fanOut.rssConnectedMb, fanOut.rssPeakMb), TARGETS.socketsRssMb, " MB"),
    },
    {
      what: "`pnpm start` on an empty data folder → ready (its banner, printed after it listens: /readyz answers by then)",
      target: `≤ ${TARGETS.startMs / 1000} s`,
      measured: compiled && atMost(compiled.firstStartMs, TARGETS.startMs, " ms"),
    },
    {
      what: "`pnpm start` on an empty PostgreSQL database → ready (migrations and demo seed included)",
      target: `≤ ${TARGETS.startMs / 1000} s`,
      measured: compiledPg && atMost(compiledPg.firstStartMs, TARGETS.startMs, " ms"),
    },
    {
      what: "`pnpm start` on PostgreSQL, restart → ready",
      target: `≤ ${TARGETS.startMs / 1000} s`,
      measured: compiledPg && atMost(compiledPg.restartMs, TARGETS.startMs, " ms"),
    },
  ];
}

export function renderSummary(report: BenchReport): string[] {
  const rows = [...backendRows(report, "postgres"), ...backendRows(report, "pglite"), ...processRows(report)];
  return [
    "",
    "## Issue 17's targets",
    "",
    "| target | goal | measured | ratio to goal | met |",
    "|---|---|---|---|---|",
    ...rows.map(({ what, target, measured }) =>
      measured
        ? `| ${what} | ${target} | ${measured.text} | ${measured.ratio} | ${measured.isMet ? "✓" : "✗"} |`
        : `| ${what} | ${target} | not measured in this run | | |`,
    ),
  ];
}
