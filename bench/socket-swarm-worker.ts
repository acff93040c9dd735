/**
 * One process of the socket swarm (bench/socket-swarm.ts): holds a share of the benchmark's
 * socket.io clients so that no single load-generator process parses every message. It records
 * receive times (performance.timeOrigin + performance.now(), comparable across processes on one
 * machine) and sends only aggregates over IPC: a running count while the run lasts, then per event
 * first/last/count and a latency histogram once the parent sends the send times.
 * Clients opt in to coalesced delivery as the web app does (BENCH_SOCKET_FRAMES=event: one packet per
 * event, as clients that do not opt in); each event of a batch counts as received when its batch arrives.
 */
import { io, type Socket } from "socket.io-client";
import { BATCH_EVENT, BATCH_FRAMES_AUTH, unpackBatch } from "../packages/telnyx-core/src/realtime/frames";
import { bucketOf, type SwarmCommand, type SwarmReport, type SwarmWorkerConfig } from "./socket-swarm-protocol";

const config = JSON.parse(process.env.SWARM_CONFIG ?? "{}") as SwarmWorkerConfig;
const isBatched = process.env.BENCH_SOCKET_FRAMES !== "event";
const sockets: Socket[] = [];
/** Event key (the payload's `text`) → receive times on every socket of this worker. */
const receptions = new Map<string, number[]>();
let received = 0;
let connectErrors = 0;
let disconnects = 0;

const send = (report: SwarmReport) => process.send?.(report);
const now = () => performance.timeOrigin + performance.now();

function record(payload: { text?: unknown }, at: number): void {
  const key = payload?.text;
  if (typeof key !== "string" || !key.startsWith(config.keyPrefix)) return;
  const times = receptions.get(key);
  if (times) times.push(at);
  else receptions.set(key, [at]);
  received += 1;
}

function connectOne(): Promise<void> {
  return new Promise((resolve) => {
    const socket = io(config.url, {
      path: "/socket.io",
      transports: ["websocket"],
      auth: isBatched ? { token: config.token, ...BATCH_FRAMES_AUTH } : { token: config.token },
      reconnection: false,
    });
    sockets.push(socket);
    socket.on(config.event, (payload: { text?: unknown }) => record(payload, now()));
    socket.on(BATCH_EVENT, (items: unknown) => {
      const at = now();
      unpackBatch(items, (event, payload) => {
        if (event === config.event) record(payload as { text?: unknown }, at);
      });
    });
    socket.on("disconnect", () => (disconnects += 1));
    socket.once("ready", () => resolve());
    socket.once("connect_error", () => {
      connectErrors += 1;
      resolve();
    });
  });
}

async function connectAll(): Promise<void> {
  let next = 0;
  const opener = async () => {
    while (next < config.clients) {
      next += 1;
      await connectOne();
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.connectConcurrency, config.clients) }, opener));
  send({ type: "ready", connected: config.clients - connectErrors, connectErrors });
}

function summarize(sentAt: Record<string, number>): SwarmReport {
  const histogram: Record<string, number> = {};
  const events: Record<string, { first: number; last: number; count: number }> = {};
  for (const [key, times] of receptions) {
    let first = Infinity;
    let last = -Infinity;
    for (const at of times) {
      if (at < first) first = at;
      if (at > last) last = at;
    }
    events[key] = { first, last, count: times.length };
    const sent = sentAt[key];
    if (sent === undefined) continue;
    for (const at of times) {
      const bucket = bucketOf(at - sent);
      histogram[bucket] = (histogram[bucket] ?? 0) + 1;
    }
  }
  return { type: "summary", histogram, events, disconnects };
}

let lastReported = -1;
const progress = setInterval(() => {
  if (received === lastReported) return;
  lastReported = received;
  send({ type: "progress", received });
}, 200);

process.on("message", (command: SwarmCommand) => {
  switch (command.type) {
    case "collect":
      send(summarize(command.sentAt));
      return;
    case "close": {
      clearInterval(progress);
      for (const socket of sockets) socket.close();
      const cpu = process.cpuUsage();
      process.send?.({ type: "closed", cpuMs: (cpu.user + cpu.system) / 1000 } satisfies SwarmReport, () =>
        process.disconnect?.(),
      );
      return;
    }
  }
});

// The parent went away (crashed or was killed): leave no orphaned sockets behind.
process.on("disconnect", () => process.exit(0));

await connectAll();
