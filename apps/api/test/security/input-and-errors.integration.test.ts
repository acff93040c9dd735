/**
 * Input and error answers over real HTTP, for EVERY procedure of the router and EVERY REST route
 * (enumerated, like the isolation test): NUL and unpaired surrogates are refused with a 422 that
 * names the field (anonymous auth.login included); a malformed session cookie reads as signed out;
 * a failing query answers a generic 500 whose request id is in the logs and nothing internal;
 * crafted superjson nesting is a 4xx. The database-cut case is in database-cut.integration.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@app/db/test-db";
import { seedDemo } from "@app/db/seed";
import { hashPassword } from "../../src/auth/passwords";
import { hashToken } from "../../src/auth/tokens";
import { mergedInputSchema, type JsonSchema } from "../../src/openapi/json-schemas";
import { REST_ROUTES } from "../../src/rest/rest-routes";
import type { RestRoute } from "../../src/rest/rest-route";
import { buildServer, type ApiServer } from "../../src/server";
import { appRouter } from "../../src/trpc/app-router";
import { findInputProblem } from "../../src/trpc/input-guard";
import type { Meta } from "../../src/trpc/trpc";
import { listenOnFreePort } from "../support/listen";

const API_TOKEN = "tok_input_errors_admin_0123456789abcdef";
const BAD_STRINGS = [
  ["NUL", "a\u0000b"],
  ["an unpaired high surrogate", "a\ud800b"],
  ["an unpaired low surrogate", "\udc00"],
] as const;

interface ProcedureLike {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta; inputs: unknown[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureLike>);

let db: TestDb;
let server: ApiServer;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db, { hashPassword, hashToken, apiToken: API_TOKEN });
  server = await buildServer({
    db,
    logLevel: "info",
    logStream: { write: (line: string) => void logLines.push(line) },
    webDistDir: "/nonexistent",
    rateLimitPerMinute: 1_000_000,
  });
  url = await listenOnFreePort(server.app);
});
afterAll(async () => {
  await server?.app.close();
  await db?.drop();
});

/** Object properties of a procedure's input (those of `data` for update inputs), string-typed first. */
function stringFields(schema: JsonSchema): string[] {
  const properties = schema.properties ?? {};
  const data = properties.data?.properties;
  const isString = (property: JsonSchema) =>
    property.type === "string" || ((property.anyOf ?? []) as JsonSchema[]).some((variant) => variant.type === "string");
  const top = Object.entries(properties)
    .filter(([, property]) => isString(property))
    .map(([key]) => key);
  const nested = Object.entries(data ?? {})
    .filter(([, property]) => isString(property))
    .map(([key]) => `data.${key}`);
  return [...top, ...nested];
}

/** An input carrying `bad` in the procedure's first string field (or an extra `note` field), and that field's name. */
function poisonedInput(procedure: ProcedureLike, bad: string): { input: Record<string, unknown>; field: string } {
  const [path = "note"] = stringFields(mergedInputSchema(procedure._def.inputs));
  const [head, tail] = path.split(".") as [string, string | undefined];
  return tail ? { input: { [head]: { [tail]: bad } }, field: tail } : { input: { [head]: bad }, field: head };
}

async function callTrpc(path: string, type: string, input: unknown, headers: Record<string, string> = {}) {
  const payload = encodeURIComponent(JSON.stringify({ json: input }));
  const response =
    type === "query"
      ? await fetch(`${url}/trpc/${path}?input=${payload}`, { headers })
      : await fetch(`${url}/trpc/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ json: input }),
        });
  const text = await response.text();
  return { status: response.status, text, retryAfter: response.headers.get("retry-after") };
}

function encodeURIComponentOrNull(value: string): string | null {
  try {
    return decodeURIComponent(encodeURIComponent(value));
  } catch {
    return null;
  }
}

type FakeRequest = { params: Record<string, string>; query: Record<string, string>; body: Record<string, unknown> };

/**
 * Where `bad` can travel in a REST request so the route's own mapping hands it to the procedure. URLs
 * are UTF-8: an unpaired surrogate cannot travel in a path or query string, only in a JSON body.
 */
function poisonedRestRequest(route: RestRoute, bad: string): { path: string; init: RequestInit; field: string } | null {
  const canTravelInUrl = bad === encodeURIComponentOrNull(bad);
  const procedure = appRouter._def.procedures[
    route.procedure as keyof typeof appRouter._def.procedures
  ] as unknown as ProcedureLike;
  const paramNames = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const fields = stringFields(mergedInputSchema(procedure._def.inputs)).map((field) => field.replace(/^data\./, ""));
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  const plainParams = Object.fromEntries(paramNames.map((n) => [n, "x"]));
  const candidates: FakeRequest[] = [
    ...(canTravelInUrl
      ? paramNames.map((name) => ({ params: { ...plainParams, [name]: bad }, query: {}, body: {} }))
      : []),
    ...(canTravelInUrl ? fields.map((field) => ({ params: plainParams, query: { [field]: bad }, body: {} })) : []),
    ...(hasBody ? fields.map((field) => ({ params: plainParams, query: {}, body: { [field]: bad } })) : []),
  ];
  for (const candidate of candidates) {
    const problem = findInputProblem(route.input(candidate));
    if (!problem) continue;
    const path = route.path.replace(/:(\w+)/g, (_m, name: string) => encodeURIComponent(candidate.params[name]!));
    const search = new URLSearchParams(candidate.query);
    const init: RequestInit = hasBody
      ? { method: route.method, headers: { "content-type": "application/json" }, body: JSON.stringify(candidate.body) }
      : { method: route.method };
    return { path: `${path}${search.size ? `?${search}` : ""}`, init, field: problem.field };
  }
  return null;
}

describe("unstorable characters", () => {
  it("the router and the REST face are enumerated", () => {
    expect(procedures.length).toBeGreaterThan(60);
    expect(REST_ROUTES.length).toBeGreaterThan(10);
  });

  describe.each(BAD_STRINGS)("%s", (_what, bad) => {
    it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
      "tRPC %s answers 422 naming the field",
      async (path, procedure) => {
        const { input, field } = poisonedInput(procedure, bad);
        const result = await callTrpc(path, procedure._def.type, input, { authorization: `Bearer ${API_TOKEN}` });
        expect(result.status, `${path}: ${result.text}`).toBe(422);
        const error = (
          JSON.parse(result.text) as {
            error: { json: { data: { appCode: string; fieldErrors: Record<string, string[]> } } };
          }
        ).error.json;
        expect(error.data.appCode).toBe("VALIDATION");
        expect(error.data.fieldErrors).toEqual({ [field]: ["invalid_characters"] });
      },
    );

    it.each(REST_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
      "REST %s answers 422 naming the field",
      async (_name, route) => {
        const request = poisonedRestRequest(route, bad);
        if (!request) {
          // No client string of this route reaches its procedure (or none can carry this value): harmless.
          const path = `${route.path.replace(/:(\w+)/g, "x")}?note=${encodeURIComponent(bad.replace(/[\ud800-\udfff]/g, ""))}`;
          const hasBody = route.method !== "GET" && route.method !== "DELETE";
          const init = hasBody
            ? { body: JSON.stringify({ note: bad }), headers: { "content-type": "application/json" } }
            : {};
          const response = await fetch(`${url}${path}`, {
            method: route.method,
            ...init,
            headers: { ...init.headers, authorization: `Bearer ${API_TOKEN}` },
          });
          const text = await response.text();
          // A route that must ask Telnyx (softphone.token) meets this suite's lack of Telnyx: a 502 that says so.
          if (response.status === 502) expect(text).toContain('"code":"TELNYX_AUTH"');
          else expect(response.status, text).toBeLessThan(500);
          return;
        }
        const response = await fetch(`${url}${request!.path}`, {
          ...request!.init,
          headers: { ...(request!.init.headers as Record<string, string>), authorization: `Bearer ${API_TOKEN}` },
        });
        const text = await response.text();
        expect(response.status, `${route.method} ${request!.path}: ${text}`).toBe(422);
        expect(JSON.parse(text)).toEqual({
          errors: [
            {
              status: "422",
              code: "VALIDATION",
              title: "Invalid input",
              detail: `The field "${request!.field}" contains characters that cannot be stored.`,
              source: { pointer: `/${request!.field.replace(/\./g, "/")}` },
            },
          ],
        });
      },
    );

    it("anonymous auth.login answers 422 naming the email or the password", async () => {
      for (const [input, field] of [
        [{ email: `admin${bad}@acme.test`, password: "whatever" }, "email"],
        [{ email: "admin@acme.test", password: `pass${bad}` }, "password"],
      ] as const) {
        const result = await callTrpc("auth.login", "mutation", input);
        expect(result.status, result.text).toBe(422);
        expect(JSON.parse(result.text).error.json.data.fieldErrors).toEqual({ [field]: ["invalid_characters"] });
      }
    });
  });

  it("refuses keys too, and accepts a valid surrogate pair (emoji) in the same field", async () => {
    const auth = { authorization: `Bearer ${API_TOKEN}` };
    const keyed = await callTrpc(
      "leads.create",
      "mutation",
      { firstName: "Key", phoneNumber: "+14155550161", ["x\u0000"]: 1 },
      auth,
    );
    expect(keyed.status).toBe(422);
    const emoji = await callTrpc(
      "leads.create",
      "mutation",
      { firstName: "Emoji 😀", lastName: "Lead", phoneNumber: "+14155550162" },
      auth,
    );
    expect(emoji.status, emoji.text).toBe(200);
    expect(await db.prisma.lead.count({ where: { firstName: "Emoji 😀" } })).toBe(1);
  });
});

describe("unstorable characters on the plain routes (reports, recordings)", () => {
  // A URL cannot carry an unpaired surrogate (percent-encoding is UTF-8): NUL is what reaches these routes.
  it("NUL in a recording id or a report filter is a 422 naming it, not a database error", async () => {
    const bad = "\u0000";
    const auth = { authorization: `Bearer ${API_TOKEN}` };
    for (const [path, field] of [
      [`/api/recordings/${encodeURIComponent(`call${bad}`)}`, "callId"],
      [`/api/reports/calls.csv?from=2026-01-01&to=2026-02-01&userId=${encodeURIComponent(`user${bad}`)}`, "userId"],
    ] as const) {
      const response = await fetch(`${url}${path}`, { headers: auth });
      const text = await response.text();
      expect(response.status, `${path}: ${text}`).toBe(422);
      expect(JSON.parse(text).errors[0]).toMatchObject({ code: "VALIDATION", source: { pointer: `/${field}` } });
    }
  });
});

describe("malformed session cookie", () => {
  const cookie = "tcrm_session=%E0%A4%A";

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    "tRPC %s reads it as signed out",
    async (path, procedure) => {
      const result = await callTrpc(path, procedure._def.type, undefined, { cookie, origin: url });
      expect(result.status, result.text).toBeLessThan(500);
      if (procedure._def.meta?.minRole) expect(result.status, result.text).toBe(401);
    },
  );

  it.each(REST_ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "REST %s reads it as signed out (401)",
    async (_name, route) => {
      const path = route.path.replace(/:(\w+)/g, "x");
      const response = await fetch(`${url}${path}`, { method: route.method, headers: { cookie, origin: url } });
      expect(response.status, await response.text()).toBe(401);
    },
  );

  it("auth.me is null; reports, recordings and the web routes answer without a 500", async () => {
    const me = await callTrpc("auth.me", "query", undefined, { cookie });
    expect(JSON.parse(me.text).result.data.json).toBeNull();
    for (const path of ["/api/reports/calls.csv", "/api/recordings/x"]) {
      const response = await fetch(`${url}${path}`, { headers: { cookie } });
      expect(response.status, path).toBe(401);
    }
    for (const path of ["/healthz", "/readyz", "/api/nope"])
      expect((await fetch(`${url}${path}`, { headers: { cookie } })).status, path).toBeLessThan(500);
  });
});

describe("internal failures", () => {
  const INTERNAL_TEXT = /prisma|Lead_hidden|relation|\/work\/|node_modules|\.ts:\d|at \w+ \(|invalid.*invocation/i;

  it("answer a generic 500 with the request id that is in the logs, and nothing internal (tRPC, REST, reports)", async () => {
    // A query that fails inside the database layer: the table it reads is gone.
    await db.query(`ALTER TABLE "Lead" RENAME TO "Lead_hidden"`);
    try {
      const auth = { authorization: `Bearer ${API_TOKEN}` };
      const trpc = await callTrpc("leads.list", "query", {}, auth);
      const rest = await fetch(`${url}/api/leads`, { headers: auth });
      const restText = await rest.text();
      expect(trpc.status).toBe(500);
      expect(rest.status).toBe(500);
      const trpcError = JSON.parse(trpc.text).error.json;
      expect(trpcError.message).toBe("Something went wrong on our side. Please try again.");
      const restError = JSON.parse(restText).errors[0];
      expect(restError.detail).toBe("Something went wrong on our side. Please try again.");
      for (const [text, requestId] of [
        [trpc.text, trpcError.data.requestId as string],
        [restText, restError.requestId as string],
      ] as const) {
        expect(text).not.toMatch(INTERNAL_TEXT);
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(
          logLines.some((line) => line.includes(requestId) && /"level":50/.test(line)),
          `no error log line for ${requestId}`,
        ).toBe(true);
      }
    } finally {
      await db.query(`ALTER TABLE "Lead_hidden" RENAME TO "Lead"`);
    }
  });
});

describe("nesting", () => {
  const deepJson = (depth: number, leaf: string) => `${'{"a":'.repeat(depth)}${leaf}${"}".repeat(depth)}`;

  it("a crafted superjson meta nested 100 000 deep is a 400, and the server stays up", async () => {
    const body = `{"json":{"firstName":"Deep","phoneNumber":"+14155550163"},"meta":{"values":${deepJson(100_000, '["undefined"]')}}}`;
    const response = await fetch(`${url}/trpc/leads.create`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${API_TOKEN}` },
      body,
    });
    expect(response.status, await response.text()).toBe(400);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("an input nested deeper than any schema is a 4xx on tRPC (query and mutation) and REST", async () => {
    const auth = { authorization: `Bearer ${API_TOKEN}` };
    const deep = deepJson(500, '"x"');
    const query = await fetch(`${url}/trpc/leads.list?input=${encodeURIComponent(`{"json":${deep}}`)}`, {
      headers: auth,
    });
    const mutation = await fetch(`${url}/trpc/leads.create`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: `{"json":${deep}}`,
    });
    const rest = await fetch(`${url}/api/leads`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: deep,
    });
    for (const response of [query, mutation, rest])
      expect([400, 422], await response.text()).toContain(response.status);
  });
});
