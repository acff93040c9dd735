/**
 * Soak: the real API process on PostgreSQL takes a steady stream of signed, mixed webhooks (inbound
 * SMS and incoming-call lifecycles) at half its measured apply rate for SOAK_SECONDS (default 600 s) while
 * SOAK_CLIENTS socket.io clients (in child processes) stay connected. Nothing may fail or be lost,
 * no socket may drop, and the API's memory must not grow. Growth is judged on what the process keeps
 * alive: the V8 heap right after each full garbage collection (the API's /metrics), its floor over
 * the 3 minutes after the warm-up against its floor over the stream's last 3 minutes (warm-up:
 * 180 s — longer than socket.io's 2-minute connection-recovery buffer, which fills first; windows
 * shrink to a third of a short run): issue 8's < 10 %. Resident memory (RSS, sampled every 5 s) is
 * reported and bounded, not held to 10 %: it swings by ~200 MB with the collector (its floor moved
 * −5 %, +10.3 %, +1.6 % and +25.7 % in four clean-clone runs, peaks +35 %, +0.8 %, −0.5 % and
 * −9 %) while the live heap is ~90 MiB of ~550. A native leak would still raise its floor above
 * what it already reached: the test fails when the last window's RSS floor exceeds the highest
 * sample of the window after warm-up by 10 %, or on a peak above 1 GiB. Prints the samples,
 * throughput and the backlog as it goes.
 *
 * The rate is the machine's, measured first (issue 20): a calibration burst of the same mix, with
 * the sockets connected, gives the processor's sustained apply rate on this machine under its
 * current load, and the stream runs at half of it (at most SOAK_MAX_RATE, default 50/s), so the
 * test judges what it is for — nothing lost, nothing applied twice, memory bounded, no disconnect —
 * and not the machine's speed. The drain deadline after the stream is derived from the measured
 * rate too. SOAK_RATE forces a rate (SOAK_RATE=200 reproduces issue 8's overload: on 2 cores the
 * backlog grows at 30–42 applied/s). The rate the product should carry is `pnpm bench`'s business.
 */
import { fork, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";
import { callEvent, inboundSms, sandboxSigner } from "../support/signed-events";
import { spawnApi, type SpawnedApi } from "../support/spawn-api";
import type { SwarmStats } from "./support/socket-swarm";

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
/** A forced rate (events/s); unset: half the measured apply rate, at most MAX_RATE. */
const FORCED_RATE = process.env.SOAK_RATE ? Number(process.env.SOAK_RATE) : undefined;
const MAX_RATE = Number(process.env.SOAK_MAX_RATE ?? 50);
/** Calibration: this many mixed events (half SMS, half call-lifecycle events) posted as fast as ingest takes them. */
const CALIBRATION_EVENTS = Number(process.env.SOAK_CALIBRATION_EVENTS ?? 1_200);
const CALIBRATION_CONCURRENCY = 16;
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 500);
const SWARMS = 2;
/** RSS is compared with its level after the warm-up (180 s; a third of a short development run). */
const WARMUP_SECONDS = Math.min(180, Math.floor(SOAK_SECONDS / 3));
/** Length of the two windows whose RSS floors are compared: longer than one major-GC cycle (~100–150 s seen here). */
const WINDOW_SECONDS = Math.min(180, Math.floor(SOAK_SECONDS / 3));
const SAMPLE_MS = 5_000;
/** Issue 8's target for memory growth, enforced on the live heap (see the header). */
const TARGET_GROWTH = 0.1;
/** How far the end floor may rise above the post-warm-up window's highest sample (see the header). */
const MAX_ABOVE_EARLIER_PEAK = 0.1;
const MAX_PEAK_MIB = 1024;
/**
 * After the last webhook, the backlog must be applied within a minute plus four times what the
 * measured apply rate needs for it: only a stalled processor misses that, not a slower machine.
 */
const drainLimitSeconds = (backlog: number, appliedPerSecond: number) => 60 + (4 * backlog) / appliedPerSecond;
const OUR_NUMBER = "+13125550100";
const API_TOKEN = "tok_soak_0123456789abcdefghijklmnop";
const here = path.dirname(fileURLToPath(import.meta.url));

let database: ScratchDatabase;
let api: SpawnedApi;
const swarms: ChildProcess[] = [];

beforeAll(async () => {
  database = await createScratchDatabase("rel_soak");
  // The swarm stands in for hundreds of users with one token: lift the per-credential socket cap.
  api = await spawnApi({
    env: {
      DATABASE_URL: database.url,
      LOG_LEVEL: "error",
      SEED_API_TOKEN: API_TOKEN,
      MAX_SOCKETS_PER_CREDENTIAL: "10000",
    },
  });
});
afterAll(async () => {
  for (const swarm of swarms) if (swarm.exitCode === null) swarm.kill("SIGKILL");
  await api?.stop();
  await database?.drop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
  return kb / 1024;
}

function startSwarm(clients: number): Promise<ChildProcess> {
  const child = fork(path.join(here, "support/socket-swarm.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, SWARM_URL: api.url, SWARM_TOKEN: API_TOKEN, SWARM_CLIENTS: String(clients) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  swarms.push(child);
  return new Promise((resolve, reject) => {
    child.once("message", (message: { type: string; message?: string }) =>
      message.type === "ready" ? resolve(child) : reject(new Error(`socket swarm: ${message.message}`)),
    );
    child.once("exit", (code) => reject(new Error(`socket swarm exited with ${code}`)));
  });
}

function askSwarm(child: ChildProcess, command: "report" | "stop"): Promise<SwarmStats> {
  return new Promise((resolve) => {
    child.once("message", (message: SwarmStats) => resolve(message));
    child.send(command);
  });
}

function receivedByEvent(stats: SwarmStats[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const s of stats) for (const [event, n] of Object.entries(s.received)) total[event] = (total[event] ?? 0) + n;
  return total;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** The mix: every other event is an inbound SMS; the rest start incoming calls and answer / hang up earlier ones. */
function createEventSource(run: string) {
  let rate = 1;
  const answers: Array<{ due: number; ccid: string }> = [];
  const hangups: Array<{ due: number; ccid: string }> = [];
  let calls = 0;
  let sms = 0;
  const caller = (n: number) => `+1415555${String(1000 + (n % 8000)).padStart(4, "0")}`;
  const smsEvent = () => {
    sms += 1;
    return {
      path: "/api/telnyx/webhooks/messages",
      body: inboundSms({ messageId: randomUUID(), from: caller(sms), to: OUR_NUMBER, text: `soak ${run} #${sms}` }),
    };
  };
  const callStep = (eventType: "call.initiated" | "call.answered" | "call.hangup", ccid: string) => ({
    path: "/api/telnyx/webhooks/calls",
    body: callEvent({ eventType, callControlId: ccid, from: caller(Number(ccid.split("-").at(-1))), to: OUR_NUMBER }),
  });
  return {
    next(tick: number) {
      if (tick % 2 === 0) return smsEvent();
      if (hangups[0] && hangups[0].due <= tick) return callStep("call.hangup", hangups.shift()!.ccid);
      if (answers[0] && answers[0].due <= tick) return callStep("call.answered", answers.shift()!.ccid);
      calls += 1;
      const ccid = `v3:soak-${run}-${calls}`;
      // ~1 s ringing, ~2 s talking.
      answers.push({ due: tick + rate, ccid });
      hangups.push({ due: tick + 3 * rate, ccid });
      return callStep("call.initiated", ccid);
    },
    /** The stream's rate (events/s), which sets how long calls ring and talk in ticks. */
    setRate(eventsPerSecond: number) {
      rate = eventsPerSecond;
    },
    /**
     * About `count` events of the same mix, every call complete: the calibration burst, in three
     * waves (initiated, answered, hung up), each posted only once the one before is stored, as
     * Telnyx sends a call's events one after the other. Events are made when sent: their
     * occurred_at orders a call's lifecycle.
     */
    burst(count: number) {
      const waves: Array<Array<() => { path: string; body: string }>> = [[], [], []];
      for (let events = 0; events < count; events += 6) {
        calls += 1;
        const ccid = `v3:soak-${run}-${calls}`;
        waves[0]!.push(smsEvent, () => callStep("call.initiated", ccid));
        waves[1]!.push(smsEvent, () => callStep("call.answered", ccid));
        waves[2]!.push(smsEvent, () => callStep("call.hangup", ccid));
      }
      return waves;
    },
    /** What is left of the lifecycles once the stream stops. */
    rest() {
      return [
        ...answers.splice(0).map((a) => callStep("call.answered", a.ccid)),
        ...hangups.splice(0).map((h) => callStep("call.hangup", h.ccid)),
      ];
    },
    counts: () => ({ sms, calls }),
  };
}

it(
  `soaks mixed webhooks at half the measured apply rate for ${SOAK_SECONDS} s with ${CLIENTS} sockets: no error, nothing lost, memory bounded`,
  async () => {
    const perSwarm = Math.ceil(CLIENTS / SWARMS);
    const children = await Promise.all(Array.from({ length: SWARMS }, () => startSwarm(perSwarm)));
    const sign = sandboxSigner(api.dataDir);
    const run = randomUUID().slice(0, 8);
    const source = createEventSource(run);
    const pid = api.child.pid!;
    const statuses: Record<string, number> = {};
    const latencies: number[] = [];
    const eventIds: string[] = [];
    const rss: Array<{ second: number; mib: number }> = [];
    const heap: Array<{ second: number; mib: number; fullGcs: number }> = [];
    const failedAt: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let answered = 0;

    /** The API's own reading of its V8 heap after the last full GC (/metrics), in MiB. */
    const heapAfterGc = async () => {
      const text = await fetch(`${api.url}/metrics`, { signal: AbortSignal.timeout(4_000) })
        .then((r) => r.text())
        .catch(() => "");
      const bytes = Number(/^nodejs_heap_used_after_full_gc_bytes (-?\d+)$/m.exec(text)?.[1]);
      const fullGcs = Number(/^nodejs_full_gc_total (\d+)$/m.exec(text)?.[1]);
      return bytes > 0 ? { mib: bytes / 1024 / 1024, fullGcs } : undefined;
    };
    const pendingCount = async () =>
      (
        await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WebhookEvent" WHERE "state" = 'PENDING'`)
      )[0]!.n;

    function post(event: { path: string; body: string }): Promise<void> {
      eventIds.push((JSON.parse(event.body) as { data: { id: string } }).data.id);
      const t0 = performance.now();
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      return fetch(`${api.url}${event.path}`, {
        method: "POST",
        headers: sign(event.body),
        body: event.body,
        signal: AbortSignal.timeout(30_000),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        })
        .catch((error: Error & { cause?: { code?: string } }) => {
          const key = `${error.name}${error.cause?.code ? `:${error.cause.code}` : ""}`;
          statuses[key] = (statuses[key] ?? 0) + 1;
          failedAt.push(Math.round((performance.now() - started) / 1000));
        })
        .finally(() => {
          inFlight -= 1;
          answered += 1;
          latencies.push(performance.now() - t0);
        });
    }

    const outstanding = new Set<Promise<void>>();
    const send = (event: { path: string; body: string }) => {
      const request = post(event).finally(() => outstanding.delete(request));
      outstanding.add(request);
      return request;
    };

    // Calibration: the processor's sustained apply rate for this mix, on this machine, now.
    const waves = source.burst(CALIBRATION_EVENTS);
    const burst = waves.flat();
    const calibrationStarted = performance.now();
    let started = calibrationStarted;
    for (const wave of waves) {
      for (let next = 0; next < wave.length; next += CALIBRATION_CONCURRENCY) {
        await Promise.all(wave.slice(next, next + CALIBRATION_CONCURRENCY).map((make) => send(make())));
      }
    }
    while ((await pendingCount()) > 0) await sleep(250);
    const calibrationSeconds = (performance.now() - calibrationStarted) / 1000;
    const appliedPerSecond = burst.length / calibrationSeconds;
    const RATE = FORCED_RATE ?? Math.max(1, Math.min(MAX_RATE, Math.floor(appliedPerSecond / 2)));
    source.setRate(RATE);
    console.log(
      `[soak] calibration: ${burst.length} mixed events applied in ${calibrationSeconds.toFixed(1)} s = ${appliedPerSecond.toFixed(0)}/s sustained; ` +
        `streaming at ${RATE}/s${FORCED_RATE ? " (SOAK_RATE)" : ` (half of it, at most ${MAX_RATE})`}`,
    );

    started = performance.now();
    let lastAnswered = 0;
    const sampler = setInterval(() => {
      const second = (performance.now() - started) / 1000;
      const mib = rssMiB(pid);
      rss.push({ second, mib });
      void heapAfterGc().then((reading) => reading && heap.push({ second, ...reading }));
      if (rss.length % 2 === 0) {
        void pendingCount().then((pending) => {
          console.log(
            `[soak] t=${Math.round(second)}s rss=${mib.toFixed(1)} MiB sent=${eventIds.length} answered/s=${((answered - lastAnswered) / 10).toFixed(0)} in-flight=${inFlight} inbox backlog=${pending}`,
          );
          lastAnswered = answered;
        });
      }
    }, SAMPLE_MS);

    const total = RATE * SOAK_SECONDS;
    for (let tick = 0; tick < total; tick += 1) {
      const wait = started + (tick * 1000) / RATE - performance.now();
      if (wait > 0) await sleep(wait);
      void send(source.next(tick));
    }
    for (const event of source.rest()) void send(event);
    await Promise.all([...outstanding]);
    const sendSeconds = (performance.now() - started) / 1000;
    const backlogAtEnd = await pendingCount();

    const drainStarted = performance.now();
    const drainLimit = drainLimitSeconds(backlogAtEnd, appliedPerSecond);
    let backlog = backlogAtEnd;
    while (backlog > 0 && performance.now() - drainStarted < drainLimit * 1000) {
      await sleep(500);
      backlog = await pendingCount();
    }
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    clearInterval(sampler);
    await sleep(5_000); // meanwhile the last socket emits reach the clients
    const floorOf = (from: number, to: number) =>
      Math.min(...rss.filter((s) => s.second >= from && s.second < to).map((s) => s.mib));
    const peakOf = (from: number, to: number) =>
      Math.max(...rss.filter((s) => s.second >= from && s.second < to).map((s) => s.mib));
    const streamSeconds = SOAK_SECONDS;
    const warmupRss = floorOf(WARMUP_SECONDS, WARMUP_SECONDS + WINDOW_SECONDS);
    const endRss = floorOf(streamSeconds - WINDOW_SECONDS, streamSeconds);
    // One reading per full GC, taken at the first sample that saw it; a window keeps the GCs first seen inside it.
    const newGcs = heap.filter((s, i) => i === 0 || s.fullGcs !== heap[i - 1]!.fullGcs);
    const fullGcReadings = (from: number, to: number) =>
      newGcs.filter((s) => s.second >= from && s.second < to).map((s) => s.mib);
    const liveHeap = {
      afterWarmup: fullGcReadings(WARMUP_SECONDS, WARMUP_SECONDS + WINDOW_SECONDS),
      end: fullGcReadings(streamSeconds - WINDOW_SECONDS, streamSeconds),
    };
    const liveFloor = { afterWarmup: Math.min(...liveHeap.afterWarmup), end: Math.min(...liveHeap.end) };
    const liveGrowth = (liveFloor.end - liveFloor.afterWarmup) / liveFloor.afterWarmup;
    const peaks = {
      afterWarmup: peakOf(WARMUP_SECONDS, WARMUP_SECONDS + WINDOW_SECONDS),
      end: peakOf(streamSeconds - WINDOW_SECONDS, streamSeconds),
    };
    const swarmStats = await Promise.all(children.map((child) => askSwarm(child, "stop")));

    const { sms, calls } = source.counts();
    latencies.sort((a, b) => a - b);
    const received = (event: string) => swarmStats.reduce((sum, s) => sum + (s.received[event] ?? 0), 0);
    const [stored] = await database.query<{ processed: number; total: number }>(
      `SELECT count(*) FILTER (WHERE "state" = 'PROCESSED')::int AS processed, count(*)::int AS total FROM "WebhookEvent" WHERE "id" = ANY($1::text[])`,
      [eventIds],
    );
    const [messages] = await database.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "text")::int AS distinct FROM "TelnyxMessage" WHERE "text" LIKE $1`,
      [`soak ${run} #%`],
    );
    const callRows = await database.query<{ status: string; n: number }>(
      `SELECT "status", count(*)::int AS n FROM "TelnyxCall" WHERE "callControlId" LIKE $1 GROUP BY "status"`,
      [`v3:soak-${run}-%`],
    );
    console.log(
      [
        `[soak] ${eventIds.length} webhooks (${sms} SMS, ${calls} calls × 3 events) (${burst.length} of them the calibration burst), stream of ${sendSeconds.toFixed(1)} s: offered ${RATE}/s, answered ${((eventIds.length - burst.length) / sendSeconds).toFixed(0)}/s, ` +
          `statuses ${JSON.stringify(statuses)}${failedAt.length > 0 ? ` (failures between t=${Math.min(...failedAt)} s and t=${Math.max(...failedAt)} s)` : ""}, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max in flight ${maxInFlight}`,
        `[soak] applied: ${((stored?.processed ?? 0) / (calibrationSeconds + sendSeconds + drainSeconds)).toFixed(0)}/s on average; inbox backlog when the stream ended ${backlogAtEnd}, drained in ${drainSeconds.toFixed(1)} s of the ${drainLimit.toFixed(0)} s allowed (left ${backlog})`,
        `[soak] stored ${stored?.total}/${eventIds.length}, processed ${stored?.processed}; messages ${messages?.n} (${messages?.distinct} distinct) of ${sms}; calls ${JSON.stringify(callRows)} of ${calls}`,
        `[soak] sockets: ${swarmStats.map((s) => `${s.connected}/${s.clients} connected, ${s.disconnects} disconnects ${JSON.stringify(s.disconnectReasons)}`).join("; ")}; message:created received ${received("message:created")} of ${sms * perSwarm * SWARMS}; all events received ${JSON.stringify(receivedByEvent(swarmStats))}`,
        `[soak] RSS floor MiB over ${WINDOW_SECONDS} s windows: after the ${WARMUP_SECONDS} s warm-up ${warmupRss.toFixed(1)}, at the end of the stream ${endRss.toFixed(1)} (${(((endRss - warmupRss) / warmupRss) * 100).toFixed(1)} %; issue 8's target < ${TARGET_GROWTH * 100} %: ${endRss < warmupRss * (1 + TARGET_GROWTH) ? "met" : "NOT met"}); peaks ${peaks.afterWarmup.toFixed(0)} → ${peaks.end.toFixed(0)}; samples ${rss.map((s) => `${Math.round(s.second)}s:${s.mib.toFixed(0)}`).join(" ")}`,
        `[soak] V8 heap after full GC, MiB (floor of ${liveHeap.afterWarmup.length} and ${liveHeap.end.length} collections): ${liveFloor.afterWarmup.toFixed(1)} → ${liveFloor.end.toFixed(1)} (${(liveGrowth * 100).toFixed(1)} %; target < ${TARGET_GROWTH * 100} %); readings ${heap.map((s) => `${Math.round(s.second)}s:${s.mib.toFixed(0)}#${s.fullGcs}`).join(" ")}`,
      ].join("\n"),
    );

    expect(api.child.exitCode).toBeNull();
    expect(statuses).toEqual({ "200": eventIds.length });
    expect(swarmStats.map((s) => ({ connected: s.connected, disconnects: s.disconnects }))).toEqual(
      swarmStats.map((s) => ({ connected: s.clients, disconnects: 0 })),
    );
    expect(backlog).toBe(0);
    expect(stored).toEqual({ processed: eventIds.length, total: eventIds.length });
    expect(messages).toEqual({ n: sms, distinct: sms });
    expect(callRows).toEqual([{ status: "ENDED", n: calls }]);
    expect(received("message:created")).toBe(sms * perSwarm * SWARMS);
    expect(liveHeap.afterWarmup.length).toBeGreaterThan(0);
    expect(liveHeap.end.length).toBeGreaterThan(0);
    expect(liveGrowth).toBeLessThan(TARGET_GROWTH);
    expect(endRss).toBeLessThan(peaks.afterWarmup * (1 + MAX_ABOVE_EARLIER_PEAK));
    expect(Math.max(...rss.map((s) => s.mib))).toBeLessThan(MAX_PEAK_MIB);
  },
  (SOAK_SECONDS + 1_800) * 1000,
);
