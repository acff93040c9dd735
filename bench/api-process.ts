/** Starts the real API as `pnpm start` runs it (dist/main.js, built by bench/run.ts) as a child process for benchmarks. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort, spawnApi } from "../apps/api/test/support/spawn-api";

export interface BenchApi {
  url: string;
  pid: number;
  privateKeyPem: string;
  apiToken: string;
  /** The demo organization's own webhook endpoint (/api/telnyx/webhooks/o/<token>), as Telnyx is configured to call. */
  webhookRoot: string;
  /** The API's data folder (the embedded database is in its pglite/). */
  dataDir: string;
  /** Loopback inspector port when started with `inspect` (bench/heap-probe.ts forces a GC through it). */
  inspectorPort?: number;
  /** `keepData`: leave the data folder, to read the embedded database afterwards (then remove it yourself). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startBenchApi(options: {
  databaseUrl?: string;
  env?: Record<string, string>;
  inspect?: boolean;
}): Promise<BenchApi> {
  const apiToken = "tok_bench_0123456789abcdefghijklmnop";
  const inspectorPort = options.inspect ? await freePort() : undefined;
  const nodeOptions = [process.env.NODE_OPTIONS, inspectorPort ? `--inspect=127.0.0.1:${inspectorPort}` : undefined]
    .filter(Boolean)
    .join(" ");
  const api = await spawnApi({
    entry: "compiled",
    // The swarms stand in for thousands of users with one token: lift the per-credential socket cap and request quota.
    env: {
      LOG_LEVEL: "error",
      SEED_API_TOKEN: apiToken,
      MAX_SOCKETS_PER_CREDENTIAL: "10000",
      RATE_LIMIT_PER_MINUTE: "100000",
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
  });
  // The embedded sandbox's key pair signs the benchmark's webhooks, as it signs its own.
  const keys = JSON.parse(readFileSync(path.join(api.dataDir, "sandbox", "keys.json"), "utf8")) as {
    privateKey: string;
  };
  const connections = await fetch(`${api.url}/api/telnyx/connections`, {
    headers: { authorization: `Bearer ${apiToken}` },
  });
  const { data } = (await connections.json()) as { data: { expected: { any: string } } };
  const webhookRoot = new URL(data.expected.any).pathname;
  return {
    url: api.url,
    pid: api.child.pid!,
    privateKeyPem: keys.privateKey,
    apiToken,
    webhookRoot,
    dataDir: api.dataDir,
    inspectorPort,
    stop: (stopOptions) => api.stop(stopOptions),
  };
}
