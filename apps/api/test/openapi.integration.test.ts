/**
 * The OpenAPI document: valid OpenAPI 3.1 (standard validator), exactly the REST routes (no
 * more, no fewer), schemas from the procedures' zod parsers, error responses, security; and
 * the self-contained docs page.
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REST_ROUTES } from "../src/rest/rest-routes";
import { setupTestApi, type TestServer } from "./harness";

type Operation = {
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  security?: unknown[];
};
type Doc = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

let api: TestServer;
let url: string;
let doc: Doc;

beforeAll(async () => {
  api = await setupTestApi({ server: true });
  url = api.url;
  const response = await fetch(`${url}/api/openapi.json`);
  expect(response.status).toBe(200);
  doc = (await response.json()) as Doc;
});
afterAll(async () => {
  await api?.close();
});

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents exactly the REST routes: every one, nothing extra", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = REST_ROUTES.map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
  });

  it("describes inputs and outputs from the procedures' zod schemas", () => {
    const create = doc.paths["/api/leads"]!.post!;
    const body = (
      create.requestBody as {
        content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } };
      }
    ).content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(["firstName", "phoneNumber", "email"]));
    expect(body.required).toEqual(expect.arrayContaining(["firstName", "phoneNumber"]));
    expect(Object.keys(create.responses)).toContain("201");
    const get = doc.paths["/api/leads/{id}"]!.get!;
    expect(get.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
    const list = doc.paths["/api/leads"]!.get!;
    expect(list.parameters!.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(["query:search", "query:cursor", "query:limit"]),
    );
    const ok = JSON.stringify(get.responses["200"]);
    expect(ok).toContain('"data"');
    expect(ok).toContain('"date-time"');
  });

  it("lists error responses and security on every operation", () => {
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerAuth", "cookieAuth"]);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const statuses = Object.keys(operation.responses);
        expect(statuses, `${method} ${path}`).toEqual(expect.arrayContaining(["401", "403", "429", "500"]));
        if (path.includes("{")) expect(statuses, `${method} ${path}`).toContain("404");
        if (operation.requestBody || operation.parameters?.length)
          expect(statuses, `${method} ${path}`).toContain("422");
      }
    }
    expect(doc.paths["/api/telnyx/calls"]!.post!.responses).toHaveProperty("502");
  });

  it("serves a self-contained docs page", async () => {
    const response = await fetch(`${url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    for (const route of REST_ROUTES) expect(html).toContain(route.path.replace(/:(\w+)/g, "{$1}"));
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });
});
