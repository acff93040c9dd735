/**
 * Webhook benchmarks against a running API: signed ingest throughput and latency versus a bare
 * 200-OK route on the same server, inbox drain time, and webhook → socket.io latency.
 */
import { createPrivateKey, randomUUID, sign } from "node:crypto";
import { runClosedLoop, type LoadResult, type PreparedRequest } from "./load";
import { readCpuSeconds } from "./proc-stats";
import { latencyFigures, nowMs, startSocketSwarm } from "./socket-swarm";

const DEMO_NUMBER = "+13125550100";

export function signedRequest(privateKeyPem: string, body: string, path: string): PreparedRequest {
  const key = createPrivateKey(privateKeyPem);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), key).toString("base64");
  return {
    method: "POST",
    path,
    headers: {
      "content-type": "application/json",
      "telnyx-signature-ed25519": signature,
      "telnyx-timestamp": String(timestamp),
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
  };
}

export function messageReceivedBody(text: string, from: string): string {
  const id = randomUUID();
  const now = new Date().toISOString();
  return JSON.stringify({
    data: {
      event_type: "message.received",
      id: randomUUID(),
      occurred_at: now,
      payload: {
        id,
        record_type: "message",
        direction: "inbound",
        type: "SMS",
        from: { phone_number: from, carrier: "T-Mobile USA", line_type: "Wireless" },
        to: [{ phone_number: DEMO_NUMBER, status: "webhook_delivered", carrier: "Telnyx", line_type: "Wireless" }],
        text,
        media: [],
        encoding: "GSM-7",
        parts: 1,
        received_at: now,
        cost: null,
        errors: [],
      },
      record_type: "event",
    },
    meta: { attempt: 1, delivered_to: "http://127.0.0.1/api/telnyx/webhooks/messages" },
  });
}

const fromNumber = (i: number) => `+1415555${String(1000 + (i % 8000)).padStart(4, "0")}`;

export async function benchIngest(
  url: string,
  privateKeyPem: string,
  count: number,
  concurrency: number,
  webhookRoot: string,
): Promise<{ ingest: LoadResult; baseline: LoadResult }> {
  const baselineRequests: PreparedRequest[] = Array.from({ length: count }, () => ({
    method: "GET",
    path: "/healthz",
    headers: {},
  }));
  const baseline = await runClosedLoop(url, baselineRequests, concurrency);
  const requests = Array.from({ length: count }, (_, i) =>
    signedRequest(privateKeyPem, messageReceivedBody(`ingest ${i}`, fromNumber(i)), `${webhookRoot}/messages`),
  );
  const ingest = await runClosedLoop(url, requests, concurrency);
  return { ingest, baseline };
}

/** Waits until the processor has applied everything (reads /metrics). */
export async function waitForDrain(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const text = await fetch(`${url}/metrics`).then((r) => r.text());
    const pending = Number(/webhook_inbox_pending (\d+)/.exec(text)?.[1] ?? "NaN");
    if (pending === 0) return (Date.now() - started) / 1000;
    if (Date.now() - started > timeoutMs) return Number.NaN;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface LatencyResult {
  clients: number;
  /** Sockets that completed the handshake. */
  connected: number;
  rate: number;
  sent: number;
  /** Receptions over every socket; `expected` = sent × connected. */
  received: number;
  expected: number;
  /** Latency of every (event, socket) reception: POST sent → event on that socket. */
  p50Ms: number;
  p99Ms: number;
  /** Latency to the first socket that got each event. */
  firstP50Ms: number;
  firstP99Ms: number;
  /** API process CPU time from the first webhook until the last reception (or the timeout). */
  apiCpuSeconds: number;
  swarmWorkers: number;
  /** CPU time the swarm's processes spent, over the whole section. */
  swarmCpuSeconds: number;
}

/**
 * Posts `total` signed message.received webhooks at `rate`/s (open loop: a slow server does not
 * slow the sender) and returns each event's text → send time (performance.timeOrigin-based).
 */
export async function postWebhooksAtRate(
  url: string,
  privateKeyPem: string,
  options: { prefix: string; rate: number; total: number; webhookRoot: string },
): Promise<Map<string, number>> {
  const sentAt = new Map<string, number>();
  const interval = 1000 / options.rate;
  const started = performance.now();
  const posts: Promise<unknown>[] = [];
  for (let i = 0; i < options.total; i += 1) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const text = `${options.prefix}${i} ${randomUUID().slice(0, 8)}`;
    const request = signedRequest(
      privateKeyPem,
      messageReceivedBody(text, fromNumber(i)),
      `${options.webhookRoot}/messages`,
    );
    sentAt.set(text, nowMs());
    // A refused or timed-out delivery is a lost sample (Telnyx would retry), not a crash of the benchmark.
    posts.push(
      fetch(`${url}${request.path}`, { method: "POST", headers: request.headers, body: request.body }).catch(
        () => undefined,
      ),
    );
  }
  await Promise.all(posts);
  return sentAt;
}

/** `clients` sockets (in a swarm of worker processes); events posted at `rate`/s; latency = POST sent → event on each socket. */
export async function benchLiveLatency(
  api: { url: string; pid: number; privateKeyPem: string; apiToken: string; webhookRoot: string },
  options: { clients: number; rate: number; seconds: number; workers: number },
): Promise<LatencyResult> {
  const { url, privateKeyPem } = api;
  const prefix = "live ";
  const swarm = await startSocketSwarm({
    url,
    token: api.apiToken,
    clients: options.clients,
    workers: options.workers,
    event: "message:created",
    keyPrefix: prefix,
  });
  try {
    const total = Math.round(options.rate * options.seconds);
    const cpuBefore = readCpuSeconds(api.pid);
    const sentAt = await postWebhooksAtRate(url, privateKeyPem, {
      prefix,
      rate: options.rate,
      total,
      webhookRoot: api.webhookRoot,
    });
    const expected = total * swarm.connected;
    await swarm.waitForReceptions(expected, 30_000);
    const apiCpuSeconds = readCpuSeconds(api.pid) - cpuBefore;
    const received = swarm.received();
    const figures = latencyFigures(await swarm.collect(sentAt), sentAt);
    const swarmCpuMs = await swarm.close();
    return {
      clients: options.clients,
      connected: swarm.connected,
      rate: options.rate,
      sent: total,
      received,
      expected,
      p50Ms: figures.p50Ms,
      p99Ms: figures.p99Ms,
      firstP50Ms: figures.firstP50Ms,
      firstP99Ms: figures.firstP99Ms,
      apiCpuSeconds,
      swarmWorkers: options.workers,
      swarmCpuSeconds: swarmCpuMs / 1000,
    };
  } catch (error) {
    await swarm.close();
    throw error;
  }
}
