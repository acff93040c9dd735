#!/usr/bin/env tsx
/** `pnpm sandbox`: runs the Telnyx sandbox on SANDBOX_PORT (4010), keys persisted in SANDBOX_DATA_DIR. */
import { resolve } from "node:path";
import { startSandbox } from "./server.js";

const scale = process.env["SANDBOX_TIME_SCALE"];
const seed = process.env["SANDBOX_SEED"];
const sandbox = await startSandbox({
  port: Number(process.env["SANDBOX_PORT"] ?? 4010),
  host: process.env["SANDBOX_HOST"] ?? "127.0.0.1",
  dataDir: resolve(process.env["SANDBOX_DATA_DIR"] ?? "./.data/sandbox"),
  ...(scale !== undefined ? { timeScale: Number(scale) } : {}),
  ...(seed !== undefined ? { seed: Number(seed) } : {}),
  logger: process.env["SANDBOX_LOG"] === "1",
});

console.log(`Telnyx sandbox listening: ${sandbox.baseUrl}`);
console.log(`TELNYX_BASE_URL=${sandbox.baseUrl}`);
console.log(`TELNYX_PUBLIC_KEY=${sandbox.publicKey}`);
console.log(`WebRTC gateway (@telnyx/webrtc host option): ${sandbox.rtcUrl}`);
console.log(`Control API: ${sandbox.origin}/sandbox (see packages/telnyx-sandbox/README.md)`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`\n${signal} received, stopping the sandbox...`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
