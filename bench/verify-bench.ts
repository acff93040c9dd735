/**
 * Webhook signature verification alone, in this process on one core: the CPU ceiling of the ingest
 * path's first step (every webhook POST verifies an Ed25519 signature over its raw bytes before it
 * is stored). Reported next to ingest.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateTestSigningKeyPair, signWebhook } from "../packages/telnyx-core/src/webhooks/sign-webhook";
import { createWebhookVerifier } from "../packages/telnyx-core/src/webhooks/verify-webhook";
import { findWebhookFixtures } from "../tooling/testing/webhook-fixtures";

export interface VerifyBenchResult {
  bodyBytes: number;
  /** Verifications per second with the project's verifier (string body, key parsed once). */
  perSecond: number;
}

const DURATION_MS = 2_000;

function measure(run: () => unknown): number {
  for (let warm = 0; warm < 500; warm += 1) run();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < DURATION_MS) {
    for (let batch = 0; batch < 100; batch += 1) run();
    count += 100;
  }
  return count / ((performance.now() - started) / 1000);
}

export async function runVerifyBench(): Promise<VerifyBenchResult> {
  const body = readFileSync(path.join(findWebhookFixtures(), "message.finalized__docs-msg-webhooks__1.json"), "utf8");
  const keys = generateTestSigningKeyPair();
  const headers = signWebhook(body, keys.privateKey);
  const verifier = createWebhookVerifier(keys.publicKeyBase64);
  if (!verifier(body, headers).ok) throw new Error("verify bench: the signed fixture does not verify");
  return { bodyBytes: Buffer.byteLength(body), perSecond: measure(() => verifier(body, headers)) };
}
