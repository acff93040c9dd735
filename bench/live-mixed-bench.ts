/**
 * Issue 17's load row: many socket clients while a realistic webhook mix (bench/webhook-mix.ts) arrives at a
 * fixed rate. Measures webhook → socket latency of the mix's inbound SMS on every client, the inbox backlog
 * (pending rows in /metrics, sampled every few seconds: growth after the warm-up means the API does not keep
 * up), the drain time once the load stops, and the live heap (forced full GC) after the warm-up and at the end.
 */
import type { BenchApi } from "./api-process";
import type { AppliedMixRow } from "./applied-mix";
import { readHeapAfterFullGcMb } from "./heap-probe";
import { readCpuSeconds } from "./proc-stats";
import { latencyFigures, startSocketSwarm } from "./socket-swarm";
import { postMixedStream } from "./webhook-mix";

export interface BacklogSample {
  second: number;
  pending: number;
}

export interface MixedLiveResult {
  clients: number;
  connected: number;
  /** Webhooks per second the API received in all, and for how long (warm-up included). */
  rate: number;
  seconds: number;
  warmupSeconds: number;
  /** Webhooks posted by the generator per type; outbound SMS sent through the REST face (the sandbox adds 2 webhooks each). */
  posted: Record<string, number>;
  outboundSent: number;
  outboundFailed: number;
  postFailed: number;
  /** Refused webhooks by HTTP status ("none": not answered in time). */
  refusals: Record<string, number>;
  /** Inbound SMS measured (sent after the warm-up); receptions over every socket of every inbound SMS. */
  measured: number;
  received: number;
  expected: number;
  p50Ms: number;
  p99Ms: number;
  firstP50Ms: number;
  firstP99Ms: number;
  backlog: BacklogSample[];
  /** Last sample during the load − first sample after the warm-up. */
  backlogGrowth: number;
  /** Load stopped → every webhook stored and the inbox empty; NaN when not within the limit. */
  drainSeconds: number;
  /** Live heap (after a forced full GC) when the warm-up ended and when the load stopped. */
  heapStartMb: number;
  heapEndMb: number;
  apiCpuSeconds: number;
  /** When the stream started and when everything was applied (or the drain gave up): the applied-mix window. */
  window: { from: Date; to: Date };
  /** Read from the API's database after the run (bench/applied-mix.ts). */
  applied?: AppliedMixRow[];
}

async function readPending(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) })
    .then((r) => r.text())
    .catch(() => "");
  return Number(/webhook_inbox_pending (-?\d+)/.exec(text)?.[1] ?? "NaN");
}

const SAMPLE_MS = 5_000;

export async function benchMixedLive(
  api: BenchApi,
  options: {
    clients: number;
    workers: number;
    rate: number;
    seconds: number;
    warmupSeconds: number;
    outboundSmsPerSecond: number;
    drainLimitSeconds: number;
  },
): Promise<MixedLiveResult> {
  const keyPrefix = "mix ";
  const swarm = await startSocketSwarm({
    url: api.url,
    token: api.apiToken,
    clients: options.clients,
    workers: options.workers,
    event: "message:created",
    keyPrefix,
  });
  try {
    const backlog: BacklogSample[] = [];
    const from = new Date();
    const started = performance.now();
    const cpuBefore = readCpuSeconds(api.pid);
    const sampler = setInterval(() => {
      const second = Math.round((performance.now() - started) / 1000);
      void readPending(api.url).then((pending) => backlog.push({ second, pending }));
    }, SAMPLE_MS);
    const heapStart = new Promise<number>((resolve) =>
      setTimeout(
        () => resolve(api.inspectorPort ? readHeapAfterFullGcMb(api.inspectorPort) : Number.NaN),
        options.warmupSeconds * 1000,
      ),
    );
    const total = options.warmupSeconds + options.seconds;
    const stream = await postMixedStream({
      url: api.url,
      privateKeyPem: api.privateKeyPem,
      webhookRoot: api.webhookRoot,
      apiToken: api.apiToken,
      rate: options.rate,
      seconds: total,
      outboundSmsPerSecond: options.outboundSmsPerSecond,
      smsPerCall: 3,
      keyPrefix,
    });
    const stopped = performance.now();
    const heapEndMb = api.inspectorPort ? await readHeapAfterFullGcMb(api.inspectorPort) : Number.NaN;
    clearInterval(sampler);
    // Drained = every webhook stored (its POST answered) and applied; both within the limit.
    await stream.settle(Date.now() + options.drainLimitSeconds * 1000);
    const drainSeconds = await waitForEmptyInbox(api.url, options.drainLimitSeconds, stopped);
    const apiCpuSeconds = readCpuSeconds(api.pid) - cpuBefore;
    const expected = stream.sentAt.size * swarm.connected;
    await swarm.waitForReceptions(expected, 10_000);
    const to = new Date();
    const warmupEnd = performance.timeOrigin + started + options.warmupSeconds * 1000;
    const measuredSentAt = new Map([...stream.sentAt].filter(([, at]) => at >= warmupEnd));
    const received = swarm.received();
    const figures = latencyFigures(await swarm.collect(measuredSentAt), measuredSentAt);
    backlog.sort((a, b) => a.second - b.second);
    const afterWarmup = backlog.filter((s) => s.second >= options.warmupSeconds && Number.isFinite(s.pending));
    return {
      clients: options.clients,
      connected: swarm.connected,
      rate: options.rate,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      posted: stream.posted,
      outboundSent: stream.outboundSent,
      outboundFailed: stream.outboundFailed,
      postFailed: stream.postFailed,
      refusals: stream.refusals,
      measured: measuredSentAt.size,
      received,
      expected,
      ...figures,
      backlog,
      // Fewer than two answered samples: no growth can be told (the API did not answer /metrics in time).
      backlogGrowth: afterWarmup.length >= 2 ? afterWarmup.at(-1)!.pending - afterWarmup[0]!.pending : Number.NaN,
      drainSeconds,
      heapStartMb: await heapStart,
      heapEndMb,
      apiCpuSeconds,
      window: { from, to },
    };
  } finally {
    await swarm.close();
  }
}

/** Seconds from `since` (performance.now()) until /metrics shows an empty inbox; NaN past the limit. */
async function waitForEmptyInbox(url: string, limitSeconds: number, since: number): Promise<number> {
  for (;;) {
    const elapsed = (performance.now() - since) / 1000;
    if ((await readPending(url)) === 0) return (performance.now() - since) / 1000;
    if (elapsed > limitSeconds) return Number.NaN;
    await new Promise((r) => setTimeout(r, 250));
  }
}
