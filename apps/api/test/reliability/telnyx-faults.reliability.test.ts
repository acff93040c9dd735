/**
 * Telnyx faults as a user meets them, over the real HTTP API (tRPC at /trpc, API token) with the
 * Telnyx sandbox injecting 429 / 5xx / dropped connections. Completes what the integration tests
 * already prove at the gateway and procedure level (messages.integration.test.ts: a 429 is not
 * retried and tells when to retry, an unknown outcome is not resent and is reconciled;
 * telnyx-gateway.sandbox.test.ts: a failed send is attempted once; sync.integration.test.ts: a sync
 * waits out retry-after and reports a step Telnyx keeps failing): here, the error a browser
 * receives is a tRPC code plus a human sentence and never a stack, the user's retry after each
 * fault sends exactly one SMS, and a sync spaces its retries of a 5xx further and further apart,
 * then succeeds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_RETRIES } from "@app/telnyx-core/gateway/gateway-context";
import { SMS_OUTCOME_UNKNOWN_MESSAGE } from "@app/telnyx-core/gateway/messaging-api";
import { DEMO_ADMIN_TOKEN, type SandboxTestServer, setupTestApi } from "../harness";

let env: SandboxTestServer;
beforeAll(async () => {
  env = await setupTestApi({ server: true, sandbox: true });
});
afterAll(async () => {
  await env?.close();
});

const JOHN = "+12125550142";

interface TrpcAnswer {
  status: number;
  text: string;
  error?: { message: string; data: { code: string; httpStatus: number } };
  data?: unknown;
}

/** A tRPC call as the web app makes it (superjson envelope), authenticated with an API token. */
async function trpc(procedure: string, input: unknown, method: "POST" | "GET" = "POST"): Promise<TrpcAnswer> {
  const headers = { authorization: `Bearer ${DEMO_ADMIN_TOKEN}`, "content-type": "application/json" };
  const response =
    method === "POST"
      ? await fetch(`${env.url}/trpc/${procedure}`, { method, headers, body: JSON.stringify({ json: input }) })
      : await fetch(`${env.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
          headers,
        });
  const text = await response.text();
  const body = JSON.parse(text) as { error?: { json: TrpcAnswer["error"] }; result?: { data: { json: unknown } } };
  return { status: response.status, text, error: body.error?.json, data: body.result?.data.json };
}

const sandboxMessagesWithText = (text: string) =>
  [...env.sandbox.world.messaging.messages.values()].filter((m) => m.text === text);

describe("sending an SMS while Telnyx misbehaves", () => {
  const cases = [
    {
      kind: "429",
      fault: { retry_after: 2 },
      code: "TOO_MANY_REQUESTS",
      httpStatus: 429,
      message: "Telnyx is rate-limiting this account — try again in 2 s.",
    },
    {
      kind: "500",
      fault: {},
      code: "BAD_GATEWAY",
      httpStatus: 502,
      message: "Telnyx had an internal error, try again in a moment.",
    },
    {
      kind: "503",
      fault: {},
      code: "BAD_GATEWAY",
      httpStatus: 502,
      message: "Telnyx had an internal error, try again in a moment.",
    },
    {
      kind: "timeout",
      fault: { delay_ms: 300 },
      code: "SERVICE_UNAVAILABLE",
      httpStatus: 503,
      message: SMS_OUTCOME_UNKNOWN_MESSAGE,
    },
  ] as const;

  it.each(cases)(
    "Telnyx $kind: a clear error (tRPC $code, no stack), and the user's retry sends exactly one SMS",
    async ({ kind, fault, code, httpStatus, message }) => {
      const text = `Fault ${kind} then retry ${Date.now()}`;
      const attemptsBefore = env.sandbox.world.faults.requests.filter(
        (r) => r.method === "POST" && r.path === "/v2/messages",
      ).length;
      const added = await env.control("faults", { path: "/messages", method: "POST", kind, count: 1, ...fault });
      expect(added.status).toBeLessThan(300);

      const failed = await trpc("messages.send", { to: JOHN, text });
      expect(failed.status).toBe(httpStatus);
      expect(failed.error).toMatchObject({ message, data: { code, httpStatus } });
      expect(failed.text).not.toMatch(/"stack"|\n\s+at |node_modules|\.ts:\d+/);
      // The API never resends an SMS on its own (longer than any SDK back-off would wait).
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(sandboxMessagesWithText(text)).toHaveLength(0);
      // A dropped connection is not in the sandbox's log (it never answered); every other fault is, once.
      const attempts =
        env.sandbox.world.faults.requests.filter((r) => r.method === "POST" && r.path === "/v2/messages").length -
        attemptsBefore;
      expect(attempts).toBe(kind === "timeout" ? 0 : 1);

      const retried = await trpc("messages.send", { to: JOHN, text });
      expect(retried.status, retried.text).toBe(200);
      expect(retried.data).toMatchObject({ text, toNumber: JOHN });
      expect(sandboxMessagesWithText(text)).toHaveLength(1);
    },
  );
});

describe("sync while Telnyx answers 5xx", () => {
  it("retries with growing waits between attempts, then succeeds", async () => {
    await env.control("faults", { path: "/phone_numbers", method: "GET", kind: "503", count: 6 });
    const logStart = env.sandbox.world.faults.requests.length;
    const started = await trpc("sync.run", undefined);
    expect(started.status, started.text).toBe(200);
    const { runId } = started.data as { runId: string };

    let run: { status: string; errors: string[] } | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      run = (await trpc("sync.get", { id: runId }, "GET")).data as typeof run;
      if (run && run.status !== "RUNNING" && run.status !== "QUEUED") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(run).toMatchObject({ status: "SUCCEEDED", errors: [] });

    const attempts = env.sandbox.world.faults.requests
      .slice(logStart)
      .filter((r) => r.method === "GET" && /^\/v2\/phone_numbers(\?|$)/.test(r.path));
    const times = attempts.map((r) => Date.parse(r.at));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    console.log(
      `[faults] sync GET /v2/phone_numbers: statuses ${attempts.map((r) => r.status).join(",")}; gaps ms ${gaps.join(", ")}`,
    );
    expect(attempts.slice(0, 7).map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 503, 200]);
    // Two levels of retries, both backing off: the SDK's quick ones inside each read (bursts of
    // 1 + DEFAULT_MAX_RETRIES attempts) and the sync's own between reads (≥ 0.75 s, then doubling).
    const burst = DEFAULT_MAX_RETRIES + 1;
    expect(burst).toBe(3);
    const insideBursts = [gaps.slice(0, burst - 1), gaps.slice(burst, 2 * burst - 1)];
    for (const inside of insideBursts)
      expect(inside, `gaps ${gaps.join(", ")}`).toEqual([...inside].sort((a, b) => a - b));
    const betweenReads = [gaps[burst - 1]!, gaps[2 * burst - 1]!];
    expect(betweenReads[0]).toBeGreaterThanOrEqual(700);
    expect(betweenReads[1], `gaps ${gaps.join(", ")}`).toBeGreaterThan(betweenReads[0]!);
  });
});
