/**
 * Acceptance: a second instance on the same embedded data folder fails at once, saying why.
 * Both are the real entry point (`src/main.ts`), as `npm start` runs it.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const apiDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "tcrm-lock-"));
const env = { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, SANDBOX_PORT: "0", LOG_LEVEL: "warn" };
const first = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: apiDir,
  env,
  stdio: ["ignore", "pipe", "pipe"],
});

afterAll(async () => {
  if (first.exitCode === null) {
    const exited = new Promise((resolve) => first.once("exit", resolve));
    first.kill("SIGTERM");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it("refuses a second instance on the same embedded data folder, naming the folder and the first process", async () => {
  let output = "";
  await new Promise<void>((resolve, reject) => {
    first.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("is running at")) resolve();
    });
    first.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    first.once("exit", (code) => reject(new Error(`first instance exited (${code}): ${output}`)));
  });
  const started = Date.now();
  const second = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env,
    encoding: "utf8",
    timeout: 90_000,
  });
  expect(second.status).toBe(1);
  expect(second.stderr).toContain(
    `The embedded database folder ${path.join(dataDir, "pglite")} is already in use by process ${first.pid}`,
  );
  expect(second.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  // "At once" means it does not wait for the lock; the bound leaves room for a loaded machine's slow tsx start.
  expect(Date.now() - started).toBeLessThan(45_000);
}, 120_000);
