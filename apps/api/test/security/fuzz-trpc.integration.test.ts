/**
 * Property-based fuzzing of EVERY tRPC procedure, enumerated from the app router at run time (a
 * new procedure is fuzzed without touching this file), over real HTTP against the real server
 * with the Telnyx sandbox behind it: as the demo admin (API token) and anonymously, with inputs
 * shaped by the procedure's own schema then bent, arbitrary JSON, broken wire envelopes and
 * superjson metadata; strings may hold NUL or unpaired surrogates, and inputs or superjson's
 * annotations may be nested tens of thousands deep. Never a 5xx, /healthz stays up, no prototype
 * pollution, and the other organization's data is untouched. FUZZ_SEED replays a run; FUZZ_RUNS
 * scales the case count.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SecondOrgSeed } from "@app/db/seed";
import type { TestDb } from "@app/db/test-db";
import { mergedInputSchema } from "../../src/openapi/json-schemas";
import { appRouter } from "../../src/trpc/app-router";
import type { Meta } from "../../src/trpc/trpc";
import {
  deepJson,
  FUZZ_SCALE,
  FUZZ_SEED,
  fromSchema,
  fuzzOptions,
  hostileString,
  hostileValue,
  withUnstorable,
} from "./fuzz-support";
import { snapshotOrganization } from "../support/org-snapshot";
import { DEMO_ADMIN_TOKEN, type SandboxTestServer, setupTestApi } from "../harness";

const ADMIN_RUNS = Math.max(1, Math.round(30 * FUZZ_SCALE));
const ANONYMOUS_RUNS = Math.max(1, Math.round(10 * FUZZ_SCALE));

interface ProcedureLike {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta; inputs: unknown[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);

let env: SandboxTestServer;
let db: TestDb;
let url: string;
let other: SecondOrgSeed;
let pool: string[] = [];
let otherOrgBefore: string;
const serverErrors: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let cases = 0;

const snapshotOtherOrg = () => snapshotOrganization(db, other.organization.id);

/** Identifiers the fuzzer may aim at: both organizations' records (never API token ids: revoking ours would end the run). */
async function identifierPool(): Promise<string[]> {
  const p = db.prisma;
  const ids = await Promise.all([
    p.lead.findMany({ select: { id: true } }),
    p.user.findMany({ select: { id: true } }),
    p.telnyxCall.findMany({ select: { id: true } }),
    p.telnyxMessage.findMany({ select: { id: true } }),
    p.telnyxPhoneNumber.findMany({ select: { id: true, phoneNumber: true } }),
    p.telnyxConnection.findMany({ select: { id: true } }),
    p.rate.findMany({ select: { id: true } }),
    p.organization.findMany({ select: { id: true } }),
  ]);
  return ids.flat().flatMap((row) => Object.values(row).map(String));
}

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  env = await setupTestApi({
    sandbox: true,
    server: {
      logLevel: "error",
      logStream: { write: (line: string) => void serverErrors.push(line) },
      rateLimitPerMinute: 1_000_000,
    },
  });
  ({ db, other, url } = env);
  pool = await identifierPool();
  otherOrgBefore = await snapshotOtherOrg();
}, 120_000);

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  console.info(`tRPC fuzz: ${procedures.length} procedures, ${cases} HTTP cases, seed ${FUZZ_SEED}`);
  await env?.close();
});

type Wire = {
  kind: "superjson" | "raw" | "meta" | "text" | "batch" | "deep";
  input: unknown;
  text?: string;
  meta?: unknown;
};

/** superjson annotations an attacker controls: unknown types, prototype paths, deep paths. */
const hostileMeta = fc.record({
  values: fc.dictionary(
    fc.constantFrom("", "a", "__proto__", "constructor.prototype", "a.__proto__.polluted", "0.1.2", "x".repeat(300)),
    fc.oneof(
      fc.constantFrom(
        ["undefined"],
        ["Date"],
        ["bigint"],
        ["regexp"],
        ["set"],
        ["map"],
        ["symbol", "x"],
        ["class", "X"],
        ["custom", "y"],
        "number",
        ["Error"],
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    { maxKeys: 3 },
  ),
});

function wireFor(input: fc.Arbitrary<unknown>): fc.Arbitrary<Wire> {
  return fc.oneof(
    { weight: 8, arbitrary: input.map((value): Wire => ({ kind: "superjson", input: value })) },
    { weight: 1, arbitrary: input.map((value): Wire => ({ kind: "raw", input: value })) },
    {
      weight: 1,
      arbitrary: fc.tuple(input, hostileMeta).map(([value, meta]): Wire => ({ kind: "meta", input: value, meta })),
    },
    {
      weight: 1,
      arbitrary: withUnstorable(hostileString).map((text): Wire => ({ kind: "text", input: undefined, text })),
    },
    { weight: 1, arbitrary: input.map((value): Wire => ({ kind: "batch", input: value })) },
    // Huge nesting as the input itself, inside an input's field, or as superjson's annotation tree.
    {
      weight: 1,
      arbitrary: fc.tuple(deepJson, fc.constantFrom("json", "field", "meta")).map(([deep, where]): Wire => {
        const text =
          where === "json"
            ? `{"json":${deep}}`
            : where === "field"
              ? `{"json":{"id":"x","data":${deep}}}`
              : `{"json":{},"meta":{"values":${deep}}}`;
        return { kind: "deep", input: undefined, text: text };
      }),
    },
  );
}

const wellFormed = (text: string) =>
  text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

async function send(
  procedurePath: string,
  type: string,
  wire: Wire,
  auth: boolean,
): Promise<{ status: number; body: string }> {
  const envelope =
    wire.kind === "raw"
      ? wire.input
      : wire.kind === "meta"
        ? { json: wire.input, meta: wire.meta }
        : { json: wire.input };
  const payload =
    wire.kind === "text" || wire.kind === "deep"
      ? wire.text!
      : wire.kind === "batch"
        ? JSON.stringify({ 0: envelope })
        : (JSON.stringify(envelope) ?? "");
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } : {};
  const batch = wire.kind === "batch" ? "batch=1&" : "";
  cases++;
  const response =
    type === "query"
      ? // A URL is UTF-8: unpaired surrogates arrive as U+FFFD, as a browser would send them.
        await fetch(`${url}/trpc/${procedurePath}?${batch}input=${encodeURIComponent(wellFormed(payload))}`, {
          headers,
        })
      : await fetch(`${url}/trpc/${procedurePath}${batch ? "?batch=1" : ""}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: payload,
        });
  return { status: response.status, body: (await response.text()).slice(0, 600) };
}

function describeCase(procedurePath: string, wire: Wire, result: { status: number; body: string }): string {
  const shown = JSON.stringify({ ...wire, text: wire.text?.slice(0, 200) })?.slice(0, 400);
  return `${procedurePath} answered ${result.status} to ${shown}: ${result.body} (seed ${FUZZ_SEED})`;
}

async function expectHealthy(): Promise<void> {
  const health = await fetch(`${url}/healthz`);
  expect(health.status).toBe(200);
  expect(({} as Record<string, unknown>).polluted, "Object.prototype was polluted").toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin, "Object.prototype was polluted").toBeUndefined();
}

describe("tRPC fuzzing", () => {
  it("enumerates the whole router", () => {
    expect(procedures.length).toBeGreaterThan(60);
    const names = procedures.map(([name]) => name);
    for (const known of [
      "auth.login",
      "leads.create",
      "calls.create",
      "messages.send",
      "settings.setTelnyxKeys",
      "tokens.revoke",
    ]) {
      expect(names).toContain(known);
    }
  });

  describe.each(procedures.map(([name, procedure]) => ({ name, procedure })))("$name", ({ name, procedure }) => {
    const schema = mergedInputSchema(procedure._def.inputs);
    const type = procedure._def.type;

    it("never answers 5xx to the admin, whatever the input", async () => {
      const input = fc.oneof(
        { weight: 3, arbitrary: fromSchema(schema, pool) },
        { weight: 1, arbitrary: hostileValue },
      );
      await fc.assert(
        fc.asyncProperty(wireFor(input), async (wire) => {
          const result = await send(name, type, wire, true);
          if (result.status >= 500) throw new Error(describeCase(name, wire, result));
        }),
        fuzzOptions(ADMIN_RUNS),
      );
      await expectHealthy();
    });

    it("never answers 5xx anonymously, and never serves a protected procedure", async () => {
      const isProtected = procedure._def.meta?.minRole !== undefined;
      await fc.assert(
        fc.asyncProperty(wireFor(fc.oneof(fromSchema(schema, pool), hostileValue)), async (wire) => {
          const result = await send(name, type, wire, false);
          if (result.status >= 500 || (isProtected && result.status < 300))
            throw new Error(describeCase(name, wire, result));
        }),
        fuzzOptions(ANONYMOUS_RUNS),
      );
      await expectHealthy();
    });
  });

  it("left the other organization's data, the process and the logs clean", async () => {
    await env.server.webhooks.drain();
    expect(await snapshotOtherOrg()).toBe(otherOrgBefore);
    expect(unhandled).toEqual([]);
    expect(serverErrors.filter((line) => line.includes("procedure failed"))).toEqual([]);
    expect(cases).toBeGreaterThan(procedures.length * (ADMIN_RUNS + ANONYMOUS_RUNS) * 0.99);
  });
});
