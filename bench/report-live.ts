/** The live section of docs/benchmarks.md: one client at 10 events/s, then many clients under the mixed stream. */
import type { MixedLiveResult } from "./live-mixed-bench";
import { fmt, mark, ratio, type BackendResult } from "./report-format";
import { TARGETS } from "./targets";

export const mixedP99Target = (backend: BackendResult["backend"]) => TARGETS.mixedP99Ms[backend];
/** Growth that still counts as "no growth": one second of arrivals. */
export const backlogGrowthTarget = (mixed: MixedLiveResult) => mixed.rate * TARGETS.backlogGrowthSeconds;
export const heapGrowthOf = (mixed: MixedLiveResult) => (mixed.heapEndMb - mixed.heapStartMb) / mixed.heapStartMb;

function renderOneClient(results: BackendResult[]): string[] {
  const lines = [
    "",
    `### One client, ${TARGETS.oneClientRate} events/s (inbound SMS → \`message:created\`)`,
    "",
    "| backend | events | receptions / expected | p50 ms | p99 ms | target p99 | ratio to target |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const { backend, oneClient: one } of results) {
    if (!one) continue;
    lines.push(
      `| ${backend} | ${one.sent} | ${one.received}/${one.expected} | ${fmt(one.p50Ms, 1)} | ${fmt(one.p99Ms, 1)} | ≤ ${TARGETS.oneClientP99Ms} | ${ratio(one.p99Ms, TARGETS.oneClientP99Ms)}${mark(one.p99Ms <= TARGETS.oneClientP99Ms)} |`,
    );
  }
  return lines;
}

const refusalsOf = (m: MixedLiveResult) =>
  Object.entries(m.refusals)
    .map(([status, n]) => `${n} × ${status.replace("none", "no answer")}`)
    .join(", ");
const posted = (m: MixedLiveResult) => Object.values(m.posted).reduce((sum, n) => sum + n, 0);

function renderMixed(results: BackendResult[]): string[] {
  const first = results.find((r) => r.mixed)?.mixed;
  if (!first) return [];
  const lines = [
    "",
    `### ${first.clients} clients, ${first.rate} webhooks/s of a realistic mix for ${first.warmupSeconds} s warm-up + ${first.seconds} s`,
    "",
    "The mix: incoming calls through their whole lifecycle (initiated, answered, conference created and joined, hangup, participant left, conference ended, recording saved, cost: 9 webhooks each over 12 s), inbound SMS (3 per call), and outbound SMS sent through the REST face whose `message.sent` / `message.finalized` the embedded Telnyx sandbox delivers (2 webhooks each). Every event reaches every client (organization room). Latency is that of the inbound SMS sent after the warm-up, on every client (`message:created`); the ceiling is their first client. Backlog: pending inbox rows (/metrics) every 5 s; growth = last sample of the load − first sample after the warm-up. Live heap: V8 heap in use right after a full GC forced through the inspector, when the warm-up ends and when the load stops.",
    "",
    "| backend | clients connected | webhooks posted (+ REST sends) | receptions / expected | p50 ms | p99 ms | target p99 | ratio to target | ceiling: first-client p50 / p99 ms | backlog growth | target | ratio to target | drained after | live heap MB start → end | growth (target < 10 %) | API CPU s |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const { backend, mixed: m } of results) {
    if (!m) continue;
    const target = mixedP99Target(backend);
    const growthTarget = backlogGrowthTarget(m);
    const heapGrowth = heapGrowthOf(m);
    lines.push(
      `| ${backend} | ${m.connected}/${m.clients} | ${posted(m)} (+ ${m.outboundSent}${m.outboundFailed + m.postFailed > 0 ? `; refused: ${refusalsOf(m)}` : ""}) | ${m.received}/${m.expected} | ${fmt(m.p50Ms, 1)} | ${fmt(m.p99Ms, 1)} | ≤ ${target} | ${ratio(m.p99Ms, target)}${mark(m.p99Ms <= target)} | ${fmt(m.firstP50Ms, 1)} / ${fmt(m.firstP99Ms, 1)} | ${fmt(m.backlogGrowth)} | ≤ ${growthTarget} | ${ratio(m.backlogGrowth, growthTarget)}${mark(m.backlogGrowth <= growthTarget)} | ${Number.isFinite(m.drainSeconds) ? `${fmt(m.drainSeconds, 1)} s` : "not drained"} | ${fmt(m.heapStartMb, 1)} → ${fmt(m.heapEndMb, 1)} | ${fmt(heapGrowth * 100, 1)} %${mark(heapGrowth < TARGETS.heapGrowth)} | ${fmt(m.apiCpuSeconds, 1)} |`,
    );
  }
  lines.push("", "Backlog samples (s: pending):", "");
  for (const { backend, mixed: m } of results)
    if (m) lines.push(`- ${backend}: ${m.backlog.map((s) => `${s.second}: ${fmt(s.pending)}`).join(", ")}`);
  return [...lines, ...renderAppliedMix(results)];
}

function renderAppliedMix(results: BackendResult[]): string[] {
  const lines = [
    "",
    "What the API did with the run's webhooks (its inbox after the run): matched = reached one of our calls (a timeline entry) or messages.",
    "",
    "| backend | event type | received | processed | matched | ignored | pending | failed |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const { backend, mixed } of results) {
    const byType = new Map<string, Record<string, number>>();
    for (const row of mixed?.applied ?? []) {
      const counts = byType.get(row.eventType) ?? {};
      counts[row.state] = (counts[row.state] ?? 0) + row.events;
      counts.received = (counts.received ?? 0) + row.events;
      counts.matched = (counts.matched ?? 0) + row.matched;
      byType.set(row.eventType, counts);
    }
    for (const [type, c] of [...byType].sort((a, b) => (b[1].received ?? 0) - (a[1].received ?? 0)))
      lines.push(
        `| ${backend} | ${type} | ${c.received ?? 0} | ${c.PROCESSED ?? 0} | ${c.matched ?? 0} | ${c.IGNORED ?? 0} | ${c.PENDING ?? 0} | ${c.FAILED ?? 0} |`,
      );
  }
  return lines;
}

export function renderLive(results: BackendResult[]): string[] {
  return [
    "",
    "## Live latency: webhook sent → event on every socket.io client",
    "",
    "Clients run in a swarm of worker processes; latency is measured for every (event, client) reception.",
    ...renderOneClient(results),
    ...renderMixed(results),
  ];
}
