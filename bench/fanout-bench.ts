/**
 * Fan-out: many sockets on one API instance, org-wide broadcasts triggered by signed webhooks at a
 * modest rate (so it measures fan-out, not the processor's throughput), and the API process's
 * memory (RSS from /proc/<pid>/status) idle, with every client connected, and during the broadcasts.
 */
import { readCpuSeconds, readRssMb } from "./proc-stats";
import { latencyFigures, startSocketSwarm } from "./socket-swarm";
import { postWebhooksAtRate } from "./webhook-bench";

export interface FanOutResult {
  clients: number;
  connected: number;
  /** socket.io clients the API itself counted (its /metrics) with the swarm connected. */
  serverClients: number;
  connectSeconds: number;
  rate: number;
  broadcasts: number;
  /** Receptions over every socket; `expected` = broadcasts × connected. */
  received: number;
  expected: number;
  /** Webhook sent → event on each socket, over every reception. */
  p50Ms: number;
  p99Ms: number;
  /** Ceiling: the same broadcasts' webhook sent → first socket. */
  firstP50Ms: number;
  firstP99Ms: number;
  /** Processing alone: the same rate of webhooks with one client connected, webhook sent → that client. */
  oneClientP50Ms: number;
  oneClientP99Ms: number;
  /** The longest first → last socket gap of one broadcast. */
  spreadMaxMs: number;
  /** API process CPU time from the first broadcast until the last reception; the same for the one-client run. */
  apiCpuSeconds: number;
  oneClientApiCpuSeconds: number;
  /** (apiCpuSeconds − oneClientApiCpuSeconds) per extra socket delivery: the fan-out's own CPU cost. */
  apiCpuMicrosPerDelivery: number;
  rssIdleMb: number;
  rssConnectedMb: number;
  rssPeakMb: number;
  swarmWorkers: number;
  swarmCpuSeconds: number;
}

async function readConnectedClients(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`)
    .then((r) => r.text())
    .catch(() => "");
  return Number(/socketio_connected_clients (\d+)/.exec(text)?.[1] ?? "NaN");
}

function samplePeakRss(pid: number, everyMs: number): () => number {
  let peak = readRssMb(pid);
  const timer = setInterval(() => {
    const rss = readRssMb(pid);
    if (rss > peak || !Number.isFinite(peak)) peak = rss;
  }, everyMs);
  return () => {
    clearInterval(timer);
    return Math.max(peak, readRssMb(pid));
  };
}

/** The same broadcasts with a single client: what processing costs without fan-out. */
async function benchOneClient(
  api: { url: string; pid: number; privateKeyPem: string; apiToken: string; webhookRoot: string },
  options: { rate: number; seconds: number },
) {
  const prefix = "fanout-one ";
  const swarm = await startSocketSwarm({
    url: api.url,
    token: api.apiToken,
    clients: 1,
    workers: 1,
    event: "message:created",
    keyPrefix: prefix,
  });
  try {
    const cpuBefore = readCpuSeconds(api.pid);
    const sentAt = await postWebhooksAtRate(api.url, api.privateKeyPem, {
      prefix,
      rate: options.rate,
      total: Math.round(options.rate * options.seconds),
      webhookRoot: api.webhookRoot,
    });
    await swarm.waitForReceptions(sentAt.size, 30_000);
    const apiCpuSeconds = readCpuSeconds(api.pid) - cpuBefore;
    return { ...latencyFigures(await swarm.collect(sentAt), sentAt), apiCpuSeconds };
  } finally {
    await swarm.close();
  }
}

export async function benchFanOut(
  api: { url: string; pid: number; privateKeyPem: string; apiToken: string; webhookRoot: string },
  options: { clients: number; rate: number; seconds: number; workers: number },
): Promise<FanOutResult> {
  // Start-up garbage settles first, so "idle" is the API's resting size.
  await new Promise((r) => setTimeout(r, 3_000));
  const rssIdleMb = readRssMb(api.pid);
  const oneClient = await benchOneClient(api, options);
  const prefix = "fanout ";
  const swarm = await startSocketSwarm({
    url: api.url,
    token: api.apiToken,
    clients: options.clients,
    workers: options.workers,
    event: "message:created",
    keyPrefix: prefix,
  });
  try {
    // Let the handshakes' garbage settle so "connected" is the steady cost of the sockets.
    await new Promise((r) => setTimeout(r, 2_000));
    const rssConnectedMb = readRssMb(api.pid);
    const serverClients = await readConnectedClients(api.url);
    const stopSampling = samplePeakRss(api.pid, 100);
    const cpuBefore = readCpuSeconds(api.pid);
    const broadcasts = Math.round(options.rate * options.seconds);
    const sentAt = await postWebhooksAtRate(api.url, api.privateKeyPem, {
      prefix,
      rate: options.rate,
      total: broadcasts,
      webhookRoot: api.webhookRoot,
    });
    const expected = broadcasts * swarm.connected;
    await swarm.waitForReceptions(expected, 30_000);
    const rssPeakMb = stopSampling();
    const apiCpuSeconds = readCpuSeconds(api.pid) - cpuBefore;
    const received = swarm.received();
    const figures = latencyFigures(await swarm.collect(sentAt), sentAt);
    const swarmCpuMs = await swarm.close();
    return {
      clients: options.clients,
      connected: swarm.connected,
      serverClients,
      connectSeconds: swarm.connectSeconds,
      rate: options.rate,
      broadcasts,
      received,
      expected,
      ...figures,
      oneClientP50Ms: oneClient.p50Ms,
      oneClientP99Ms: oneClient.p99Ms,
      apiCpuSeconds,
      oneClientApiCpuSeconds: oneClient.apiCpuSeconds,
      // What the fan-out adds over processing the same webhooks for one client, per socket delivery.
      apiCpuMicrosPerDelivery: ((apiCpuSeconds - oneClient.apiCpuSeconds) * 1e6) / Math.max(received - broadcasts, 1),
      rssIdleMb,
      rssConnectedMb,
      rssPeakMb,
      swarmWorkers: options.workers,
      swarmCpuSeconds: swarmCpuMs / 1000,
    };
  } catch (error) {
    await swarm.close();
    throw error;
  }
}
