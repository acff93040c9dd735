/** Messages between the socket swarm (bench/socket-swarm.ts) and its worker processes, and the shared latency histogram. */

export interface SwarmWorkerConfig {
  url: string;
  token: string;
  clients: number;
  /** The server event to listen to; its payload's `text` identifies the benchmark event. */
  event: string;
  keyPrefix: string;
  connectConcurrency: number;
}

export type SwarmCommand = { type: "collect"; sentAt: Record<string, number> } | { type: "close" };

export interface EventReceptions {
  first: number;
  last: number;
  count: number;
}

export type SwarmReport =
  | { type: "ready"; connected: number; connectErrors: number }
  | { type: "progress"; received: number }
  | { type: "summary"; histogram: Record<string, number>; events: Record<string, EventReceptions>; disconnects: number }
  | { type: "closed"; cpuMs: number };

/**
 * Latency bucket (its lower bound in ms): 0.1 ms resolution below 100 ms, 1 ms below 10 s, 10 ms
 * beyond — so a worker's histogram stays a few thousand entries however bad the run.
 */
export function bucketOf(ms: number): number {
  if (ms < 100) return Math.floor(Math.max(ms, 0) * 10) / 10;
  if (ms < 10_000) return Math.floor(ms);
  return Math.floor(ms / 10) * 10;
}

/** Percentile of a merged histogram (bucket lower bound → count), NaN when empty. */
export function histogramPercentile(histogram: Map<number, number>, p: number): number {
  const buckets = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return Number.NaN;
  const rank = Math.min(total - 1, Math.floor((p / 100) * total));
  let seen = 0;
  for (const [bucket, count] of buckets) {
    seen += count;
    if (seen > rank) return bucket;
  }
  return buckets[buckets.length - 1]![0];
}
