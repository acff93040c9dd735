/** Starts the real API (apps/api/src/main.ts) as a child process for benchmarks. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export interface BenchApi {
  url: string;
  pid: number;
  privateKeyPem: string;
  apiToken: string;
  stop(): Promise<void>;
}

export async function startBenchApi(options: { databaseUrl?: string; env?: Record<string, string> }): Promise<BenchApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tcrm-bench-"));
  const apiToken = "tok_bench_0123456789abcdefghijklmnop";
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(root, "apps/api"),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SANDBOX_PORT: "0",
      LOG_LEVEL: "error",
      SEED_API_TOKEN: apiToken,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`API not ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  // Wait for the banner: the sandbox world (numbers, webhooks) is restored right after listen.
  while (!output.includes("is running at")) await new Promise((r) => setTimeout(r, 100));
  const keys = JSON.parse(readFileSync(path.join(dataDir, "sandbox", "keys.json"), "utf8")) as { privateKey: string };
  return {
    url,
    pid: child.pid!,
    privateKeyPem: keys.privateKey,
    apiToken,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
