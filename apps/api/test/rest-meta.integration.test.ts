/**
 * REST routes are declared on their procedures (`.meta({ rest })`, issue 18): enumerating the router,
 * every procedure with a REST mapping is served at its path (answers in the one error shape, never
 * "No route") and documented in the OpenAPI document, exactly those; no separate route table remains.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument, openApiPathOf } from "../src/openapi/build-openapi";
import { REST_ROUTES } from "../src/rest/rest-routes";
import { appRouter } from "../src/trpc/app-router";
import type { Meta } from "../src/trpc/trpc";
import { setupTestApi, type TestServer } from "./harness";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");
const declared = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta } }>)
  .filter(([, procedure]) => procedure._def.meta?.rest)
  .map(([name, procedure]) => ({ name, rest: procedure._def.meta!.rest! }));

let api: TestServer;
let url: string;

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  url = api.url;
});
afterAll(async () => {
  await api?.close();
});

describe("REST routes from the procedures' meta", () => {
  it("the router declares the REST face (every route of before, on its procedure)", () => {
    expect(declared.map(({ name, rest }) => `${rest.method} ${rest.path} → ${name}`).sort()).toEqual(
      [
        "DELETE /api/leads/:id → leads.delete",
        "GET /api/leads → leads.list",
        "GET /api/leads/:id → leads.get",
        "GET /api/telnyx/agents/colleagues → agents.colleagues",
        "GET /api/telnyx/callbacks → callbacks.list",
        "GET /api/telnyx/calls → calls.list",
        "GET /api/telnyx/calls/:callId → calls.get",
        "GET /api/telnyx/connections → connections.list",
        "GET /api/telnyx/messages → messages.list",
        "GET /api/telnyx/phone-numbers → numbers.list",
        "GET /api/telnyx/ivr-menus → routing.ivr.list",
        "GET /api/telnyx/queues → routing.queues.list",
        "GET /api/telnyx/softphone/token → softphone.token",
        "PATCH /api/leads/:id → leads.update",
        "POST /api/leads → leads.create",
        "POST /api/telnyx/calls → calls.create",
        "POST /api/telnyx/calls/:callId/hangup → calls.hangup",
        "POST /api/telnyx/calls/:callId/mute → calls.mute",
        "POST /api/telnyx/calls/:callId/unmute → calls.unmute",
        "POST /api/telnyx/messages → messages.send",
        "POST /api/telnyx/phone-numbers/purchase → numbers.purchase",
        "POST /api/telnyx/sync → sync.run",
      ].sort(),
    );
    expect(REST_ROUTES.map((route) => route.procedure)).toEqual(declared.map(({ name }) => name));
  });

  it("serves every procedure with a REST mapping at its path (401 in the one error shape, not 'No route')", async () => {
    for (const { name, rest } of declared) {
      const response = await fetch(`${url}${rest.path.replace(/:(\w+)/g, "x")}`, { method: rest.method });
      const body = (await response.json()) as { errors: { status: string; code: string }[] };
      expect(response.status, `${name}: ${JSON.stringify(body)}`).toBe(401);
      expect(body.errors, name).toEqual([expect.objectContaining({ status: "401", code: "UNAUTHORIZED" })]);
    }
    // The control: a path no procedure declares.
    expect((await fetch(`${url}/api/leads/x/nothing`)).status).toBe(404);
  });

  it("documents every one of them in OpenAPI, and nothing else", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId: string }>> };
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${p} ${operation.operationId}`),
    );
    expect(documented.sort()).toEqual(
      declared.map(({ name, rest }) => `${rest.method} ${openApiPathOf(rest.path)} ${name.replace(".", "_")}`).sort(),
    );
  });

  it("keeps no route table apart from the procedures", () => {
    expect(existsSync(path.join(src, "rest/routes"))).toBe(false);
    const restFiles = readdirSync(path.join(src, "rest")).map((file) =>
      readFileSync(path.join(src, "rest", file), "utf8"),
    );
    for (const text of restFiles) {
      expect(text).not.toMatch(/procedure:\s*"/);
      expect(text).not.toMatch(/path:\s*"\/api\//);
    }
  });
});
