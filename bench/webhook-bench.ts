/**
 * Webhook benchmarks against a running API: signed ingest throughput and latency versus a bare
 * 200-OK route on the same server, inbox drain time, and webhook → socket.io latency.
 */
import { createPrivateKey, randomUUID, sign } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { percentile, runClosedLoop, type LoadResult, type PreparedRequest } from "./load";

const DEMO_NUMBER = "+13125550100";

function signedRequest(privateKeyPem: string, body: string, path = "/api/telnyx/webhooks/messages"): PreparedRequest {
  const key = createPrivateKey(privateKeyPem);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`), key).toString("base64");
  return {
    method: "POST",
    path,
    headers: { "content-type": "application/json", "telnyx-signature-ed25519": signature, "telnyx-timestamp": String(timestamp), "content-length": String(Buffer.byteLength(body)) },
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

export async function benchIngest(url: string, privateKeyPem: string, count: number, concurrency: number): Promise<{ ingest: LoadResult; baseline: LoadResult }> {
  const baselineRequests: PreparedRequest[] = Array.from({ length: count }, () => ({ method: "GET", path: "/healthz", headers: {} }));
  const baseline = await runClosedLoop(url, baselineRequests, concurrency);
  const requests = Array.from({ length: count }, (_, i) => signedRequest(privateKeyPem, messageReceivedBody(`ingest ${i}`, fromNumber(i))));
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
  rate: number;
  sent: number;
  received: number;
  p50Ms: number;
  p99Ms: number;
}

/** `clients` sockets connected; events posted at `rate`/s; latency = POST start → event on a socket. */
export async function benchLiveLatency(url: string, privateKeyPem: string, token: string, clients: number, rate: number, seconds: number): Promise<LatencyResult> {
  const sockets: Socket[] = [];
  for (let i = 0; i < clients; i += 1) {
    sockets.push(io(url, { path: "/socket.io", transports: ["websocket"], auth: { token }, reconnection: false }));
  }
  await Promise.all(sockets.map((s) => new Promise<void>((resolve, reject) => {
    s.once("ready", () => resolve());
    s.once("connect_error", reject);
  })));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  // Measured on one socket (the others are the fan-out load); every socket receives every event.
  sockets[0]!.on("message:created", (message: { text?: string }) => {
    const t0 = message.text ? sentAt.get(message.text) : undefined;
    if (t0 !== undefined) latencies.push(performance.now() - t0);
  });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const started = performance.now();
  const posts: Promise<unknown>[] = [];
  for (let i = 0; i < total; i += 1) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const text = `live ${i} ${randomUUID().slice(0, 8)}`;
    const request = signedRequest(privateKeyPem, messageReceivedBody(text, fromNumber(i)));
    sentAt.set(text, performance.now());
    // A refused or timed-out delivery is a lost sample (Telnyx would retry), not a crash of the benchmark.
    posts.push(fetch(`${url}${request.path}`, { method: "POST", headers: request.headers, body: request.body }).catch(() => undefined));
  }
  await Promise.all(posts);
  const deadline = performance.now() + 15_000;
  while (latencies.length < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const s of sockets) s.close();
  latencies.sort((a, b) => a - b);
  return { clients, rate, sent: total, received: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
