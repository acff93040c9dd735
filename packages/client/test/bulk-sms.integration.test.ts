/**
 * examples/bulk-sms as a user runs it: texts leads by id through the API (sandbox Telnyx),
 * skips and reports the one that opted out, and sums up.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type SandboxTestServer, setupTestApi } from "../../../apps/api/test/harness";

// Async on purpose: the API answering the child runs in this very process.
const run = promisify(execFile);
const exampleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../examples/bulk-sms");
let env: SandboxTestServer;

beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: { timeScale: 0.05, seed: 42 } });
}, 120_000);
afterAll(async () => {
  await env?.close();
});

it("sends to each lead except the opted-out one, and reports it", async () => {
  const admin = env.as(env.demo.users.admin, "ADMIN");
  const { token } = await admin.tokens.create({ name: "bulk sms", role: "SUPERVISOR" });
  const leads = env.demo.leads.slice(0, 3);
  await admin.messages.optOut({ phoneNumber: leads[1]!.phoneNumber });
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "index.ts",
      "--text",
      "Office closed Friday",
      "--ids",
      leads.map((l) => l.id).join(","),
      "--rate",
      "5",
    ],
    {
      cwd: exampleDir,
      env: { ...process.env, CRM_URL: env.url, CRM_TOKEN: token },
      encoding: "utf8",
    },
  );
  expect(stdout).toMatch(/sent 2, skipped 1 opted out, failed 0/);
  expect(stdout).toContain(`skip  ${leads[1]!.firstName}`);
  const sent = await env.db.prisma.telnyxMessage.findMany({ where: { text: "Office closed Friday" } });
  expect(sent.map((m) => m.toNumber).sort()).toEqual([leads[0]!.phoneNumber, leads[2]!.phoneNumber].sort());
});
