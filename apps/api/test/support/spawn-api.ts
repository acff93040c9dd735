/**
 * Starts the real API entry point as a child process on a free port — for tests that need a real
 * process (crash, restart, several instances) and for the browser tests and benchmarks. By default
 * the TypeScript source through tsx (what `pnpm dev` runs, so a test needs no build); `entry:
 * "compiled"` runs dist/main.js, what `pnpm start` runs (build it first: `buildApi()`).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

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

export interface SpawnedApi {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hooks run (crash). */
  crash(): Promise<void>;
  /** SIGTERM and wait; removes the data folder unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** `pnpm --filter @app/api build`: apps/api/dist/main.js from the current source. */
export function buildApi(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: apiDir, stdio: "pipe" });
}

export async function spawnApi(
  options: {
    env?: Record<string, string>;
    dataDir?: string;
    port?: number;
    readyTimeoutMs?: number;
    entry?: "source" | "compiled";
  } = {},
): Promise<SpawnedApi> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "tcrm-api-"));
  let output = "";
  const args =
    options.entry === "compiled" ? ["--enable-source-maps", "dist/main.js"] : ["--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: apiDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SANDBOX_PORT: "0",
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  // Ready = the banner is printed: listening, and the sandbox world (numbers, webhooks) restored.
  while (!output.includes("is running at")) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`API not ready in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = () =>
    new Promise<void>((resolve) =>
      child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
    );
  return {
    url,
    port,
    dataDir,
    child,
    output: () => output,
    async crash() {
      child.kill("SIGKILL");
      await exited();
    },
    async stop(stopOptions = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited();
      }
      if (!stopOptions.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
