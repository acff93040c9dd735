/**
 * The socket swarm: the benchmark's socket.io clients spread over N child processes
 * (bench/socket-swarm-worker.ts), so the measured latency is the server's and not that of one
 * load-generator process parsing every message. Timestamps are performance.timeOrigin +
 * performance.now() on both sides (one machine, so the clocks compare); workers send aggregates only.
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  histogramPercentile,
  type EventReceptions,
  type SwarmCommand,
  type SwarmReport,
  type SwarmWorkerConfig,
} from "./socket-swarm-protocol";

const workerPath = path.join(path.dirname(fileURLToPath(import.meta.url)), "socket-swarm-worker.ts");

export interface SwarmOptions {
  url: string;
  token: string;
  clients: number;
  workers: number;
  event: string;
  keyPrefix: string;
  connectConcurrency?: number;
}

export interface SwarmSummary {
  /** Every (event, client) reception's latency from its send time. */
  latency: Map<number, number>;
  /** Per event key: first/last reception over every worker, and how many clients got it. */
  events: Map<string, EventReceptions>;
  disconnects: number;
}

export interface SocketSwarm {
  connected: number;
  connectErrors: number;
  /** Time until every worker had opened (or failed) all its clients. */
  connectSeconds: number;
  /** Receptions so far over every worker (updated every 200 ms). */
  received(): number;
  waitForReceptions(expected: number, timeoutMs: number): Promise<void>;
  collect(sentAt: Map<string, number>): Promise<SwarmSummary>;
  /** Closes every socket and worker; returns the workers' CPU time in ms. */
  close(): Promise<number>;
}

export const nowMs = () => performance.timeOrigin + performance.now();

interface Worker {
  child: ChildProcess;
  received: number;
  next<T extends SwarmReport["type"]>(type: T): Promise<Extract<SwarmReport, { type: T }>>;
}

function startWorker(config: SwarmWorkerConfig): Worker {
  const child = fork(workerPath, [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SWARM_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const waiting = new Map<string, (report: SwarmReport) => void>();
  const worker: Worker = {
    child,
    received: 0,
    next: (type) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) =>
          reject(new Error(`socket swarm worker exited (${code}) before "${type}"`));
        child.once("exit", onExit);
        waiting.set(type, (report) => {
          child.off("exit", onExit);
          resolve(report as never);
        });
      }),
  };
  child.on("message", (report: SwarmReport) => {
    if (report.type === "progress") worker.received = report.received;
    const resolve = waiting.get(report.type);
    waiting.delete(report.type);
    resolve?.(report);
  });
  return worker;
}

function command(worker: Worker, message: SwarmCommand): void {
  if (worker.child.connected) worker.child.send(message);
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export async function startSocketSwarm(options: SwarmOptions): Promise<SocketSwarm> {
  const started = performance.now();
  const count = Math.max(1, Math.min(options.workers, options.clients));
  const workers = Array.from({ length: count }, (_, i) =>
    startWorker({
      url: options.url,
      token: options.token,
      clients: Math.floor(options.clients / count) + (i < options.clients % count ? 1 : 0),
      event: options.event,
      keyPrefix: options.keyPrefix,
      connectConcurrency: options.connectConcurrency ?? 25,
    }),
  );
  const ready = await Promise.all(workers.map((w) => w.next("ready"))).catch((error: unknown) => {
    for (const w of workers) if (!hasExited(w.child)) w.child.kill();
    throw error;
  });
  const received = () => workers.reduce((sum, w) => sum + w.received, 0);
  return {
    connected: ready.reduce((sum, r) => sum + r.connected, 0),
    connectErrors: ready.reduce((sum, r) => sum + r.connectErrors, 0),
    connectSeconds: (performance.now() - started) / 1000,
    received,
    async waitForReceptions(expected, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (received() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    },
    async collect(sentAt) {
      const payload = Object.fromEntries(sentAt);
      const summaries = await Promise.all(
        workers.map((w) => {
          if (hasExited(w.child))
            throw new Error(
              `socket swarm worker exited (${w.child.exitCode ?? w.child.signalCode}) before the summary`,
            );
          const summary = w.next("summary");
          command(w, { type: "collect", sentAt: payload });
          return summary;
        }),
      );
      const latency = new Map<number, number>();
      const events = new Map<string, EventReceptions>();
      for (const summary of summaries) {
        for (const [bucket, n] of Object.entries(summary.histogram))
          latency.set(Number(bucket), (latency.get(Number(bucket)) ?? 0) + n);
        for (const [key, e] of Object.entries(summary.events)) {
          const seen = events.get(key);
          events.set(
            key,
            seen
              ? { first: Math.min(seen.first, e.first), last: Math.max(seen.last, e.last), count: seen.count + e.count }
              : e,
          );
        }
      }
      return { latency, events, disconnects: summaries.reduce((sum, s) => sum + s.disconnects, 0) };
    },
    async close() {
      const closed = await Promise.all(
        workers.map(async (w) => {
          if (hasExited(w.child)) return Number.NaN;
          const done = w.next("closed");
          command(w, { type: "close" });
          const report = await done.catch(() => ({ cpuMs: Number.NaN }));
          if (!hasExited(w.child)) await new Promise((r) => w.child.once("exit", r));
          return report.cpuMs;
        }),
      );
      return closed.reduce((sum, ms) => sum + ms, 0);
    },
  };
}

/** p50/p99 of every reception, and of each event's first reception (the ceiling for fan-out). */
export function latencyFigures(summary: SwarmSummary, sentAt: Map<string, number>) {
  const first = new Map<number, number>();
  for (const [key, e] of summary.events) {
    const sent = sentAt.get(key);
    if (sent === undefined) continue;
    const bucket = Math.round((e.first - sent) * 10) / 10;
    first.set(bucket, (first.get(bucket) ?? 0) + 1);
  }
  let spreadMax = 0;
  for (const e of summary.events.values()) spreadMax = Math.max(spreadMax, e.last - e.first);
  return {
    p50Ms: histogramPercentile(summary.latency, 50),
    p99Ms: histogramPercentile(summary.latency, 99),
    firstP50Ms: histogramPercentile(first, 50),
    firstP99Ms: histogramPercentile(first, 99),
    /** The longest first → last reception gap of one event over every client. */
    spreadMaxMs: spreadMax,
  };
}
