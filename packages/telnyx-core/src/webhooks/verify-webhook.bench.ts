/**
 * Throughput of webhook signature verification (the hot path of every webhook POST).
 * Run: pnpm --filter @app/telnyx-core exec tsx src/webhooks/verify-webhook.bench.ts
 * Single-threaded; the target is ≥ 3,000 verifications/s on 2 cores, i.e. ≥ 1,500/s per core.
 */
import { readFileSync } from "node:fs";
import { Telnyx } from "telnyx";
import { generateTestSigningKeyPair, signWebhook } from "./sign-webhook";
import { createWebhookVerifier, verifyWebhook } from "./verify-webhook";

const FIXTURE = "/work/shared/fixtures/telnyx-webhooks/message.finalized__docs-msg-webhooks__1.json";
const DURATION_MS = 2000;

function measure(label: string, run: () => unknown): void {
  for (let warm = 0; warm < 500; warm += 1) run();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    for (let batch = 0; batch < 100; batch += 1) run();
    count += 100;
  }
  const perSecond = Math.round(count / ((performance.now() - started) / 1000));
  console.log(`${label.padEnd(44)} ${perSecond.toLocaleString("en-US")} /s`);
}

async function measureAsync(label: string, run: () => Promise<unknown>): Promise<void> {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    await run();
    count += 1;
  }
  const perSecond = Math.round(count / ((performance.now() - started) / 1000));
  console.log(`${label.padEnd(44)} ${perSecond.toLocaleString("en-US")} /s`);
}

const body = readFileSync(FIXTURE, "utf8");
const keys = generateTestSigningKeyPair();
const headers = signWebhook(body, keys.privateKey);
const verifier = createWebhookVerifier(keys.publicKeyBase64);
const bytes = Buffer.from(body, "utf8");

console.log(`body ${bytes.length} bytes, node ${process.version}`);
measure("createWebhookVerifier (string body)", () => verifier(body, headers));
measure("createWebhookVerifier (Buffer body)", () => verifier(bytes, headers));
measure("verifyWebhook (cached key lookup)", () => verifyWebhook({ rawBody: body, headers, publicKey: keys.publicKeyBase64 }));
const client = new Telnyx({ apiKey: "unused", publicKey: keys.publicKeyBase64 });
await measureAsync("SDK webhooks.unwrap (for comparison)", () => client.webhooks.unwrap(body, { headers }));
