/**
 * Driving inbound calls through the embedded sandbox in routing tests: its control routes, a caller dialing one of our
 * numbers, and waiting for what the API does about it.
 */
import { expect } from "vitest";
import type { SandboxTestServer } from "../harness";

/** Polls `read` every 50 ms until it gives a value, failing after `timeoutMs` with `what`. */
export async function until<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** POST to the sandbox's control API (not part of Telnyx); its `data`. */
export async function sandboxControl(
  env: SandboxTestServer,
  path: string,
  body: unknown,
): Promise<Record<string, string>> {
  const response = await fetch(`${env.sandbox.origin}/sandbox${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return ((await response.json()) as { data: Record<string, string> }).data;
}

/** A caller `from` dials `to`; resolves once the API has the call's row. */
export async function placeInboundCall(
  env: SandboxTestServer,
  from: string,
  to: string,
): Promise<{ ccid: string; callId: string }> {
  const leg = await sandboxControl(env, "/inbound-call", { from, to });
  const ccid = leg.call_control_id!;
  const call = await until(
    () => env.db.prisma.telnyxCall.findFirst({ where: { callControlId: ccid }, select: { id: true } }),
    "the inbound call's row",
  );
  return { ccid, callId: call.id };
}
