/**
 * examples/live-call-monitor as a user runs it: a child process (`node --import tsx index.ts`,
 * CRM_URL + CRM_TOKEN) against a real API server with the Telnyx sandbox; a call placed through
 * the REST API shows up in its output as initiated → ringing → answered → ended.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SandboxTestServer, setupTestApi } from "../../../apps/api/test/harness";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientRoot = path.resolve(here, "..");
const exampleDir = path.resolve(here, "../../../examples/live-call-monitor");

let env: SandboxTestServer;
let monitor: ChildProcess | undefined;
let output = "";

function waitForOutput(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = output.match(pattern);
      if (match) {
        clearInterval(timer);
        resolve(match[0]);
      } else if (Date.now() - started > timeoutMs || monitor?.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`monitor output never matched ${pattern}:\n${output}`));
      }
    }, 25);
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(clientRoot, "dist/index.js")))
    execFileSync("pnpm", ["build"], { cwd: clientRoot, stdio: "ignore" });
  env = await setupTestApi({ server: true, sandbox: { timeScale: 0.05, seed: 42 } });
}, 120_000);
afterAll(async () => {
  monitor?.kill("SIGTERM");
  await env?.close();
});

describe("examples/live-call-monitor", () => {
  it("prints a call's states as it is placed and hung up through the API", async () => {
    const api = env;
    const { token } = await env
      .as(api.demo.users.admin, "ADMIN")
      .tokens.create({ name: "live monitor", role: "SUPERVISOR" });
    monitor = spawn(process.execPath, ["--import", "tsx", "index.ts"], {
      cwd: exampleDir,
      env: { ...process.env, CRM_URL: env.url, CRM_TOKEN: token },
      stdio: ["ignore", "pipe", "pipe"],
    });
    monitor.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    monitor.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(/monitoring calls of organization \S+ as supervisor/);

    const agentToken = await env.tokenFor(api.demo.users.agent1, "AGENT");
    const created = await fetch(`${env.url}/api/telnyx/calls`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${agentToken}` },
      body: JSON.stringify({ to: "+13125550000" }),
    });
    expect(created.status).toBe(201);
    const { data: call } = (await created.json()) as { data: { id: string } };

    await waitForOutput(new RegExp(`call ${call.id} outbound \\+13125550100 -> \\+13125550000 .* initiated`));
    await waitForOutput(new RegExp(`call ${call.id} .* ringing`));
    await waitForOutput(new RegExp(`call ${call.id} .* answered`));
    const hangup = await fetch(`${env.url}/api/telnyx/calls/${call.id}/hangup`, {
      method: "POST",
      headers: { authorization: `Bearer ${agentToken}` },
    });
    expect(hangup.status).toBe(200);
    await waitForOutput(new RegExp(`call ${call.id} .* ended .*duration=\\d+s`));

    const states = output
      .split("\n")
      .filter((line) => line.includes(call.id))
      .map((line) => line.match(/\) (\w+)/)?.[1]);
    expect(states.indexOf("initiated")).toBeLessThan(states.indexOf("ringing"));
    expect(states.indexOf("ringing")).toBeLessThan(states.indexOf("answered"));
    expect(states.indexOf("answered")).toBeLessThan(states.indexOf("ended"));
  });

  it("stops with a clear message when its token is revoked", async () => {
    const api = env;
    const admin = env.as(api.demo.users.admin, "ADMIN");
    const { token, item } = await admin.tokens.create({ name: "to revoke", role: "SUPERVISOR" });
    let out = "";
    const child = spawn(process.execPath, ["--import", "tsx", "index.ts"], {
      cwd: exampleDir,
      env: { ...process.env, CRM_URL: env.url, CRM_TOKEN: token },
    });
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    await expect.poll(() => out, { timeout: 20_000 }).toMatch(/monitoring calls/);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await admin.tokens.revoke({ id: item.id });
    expect(await exited).toBe(1);
    expect(out).toMatch(/token revoked/);
  });
});
