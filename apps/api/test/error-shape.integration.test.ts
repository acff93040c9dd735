/**
 * One error shape (issue 18): a failing route of each HTTP surface — tRPC over HTTP, REST, webhook,
 * recording, report, the rate limit, an unknown route, the web app not built — answers error objects of the same shape, the
 * one the OpenAPI document declares (components.schemas.ErrorObject): `{ errors: [{ status, code, title,
 * detail, source? }] }`, with `status` equal to the HTTP status. tRPC keeps its envelope and carries the
 * same objects in `data.errors`: the same failure reads the same on tRPC and REST.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../src/openapi/build-openapi";
import { setupTestApi, type TestServer } from "./harness";

const LIMIT = 3;
let api: TestServer;
let url: string;

beforeAll(async () => {
  api = await setupTestApi({ server: { rateLimitPerMinute: LIMIT } });
  url = api.url;
});
afterAll(async () => {
  await api?.close();
});

type Schema = { required: string[]; properties: Record<string, { type: string }> };
const errorObjectSchema = () =>
  (buildOpenApiDocument() as { components: { schemas: { ErrorObject: Schema } } }).components.schemas.ErrorObject;

/** Each probe has its own API token: the rate limit counts per token, only the rate-limit probe reaches it. */
const newToken = async (name: string) =>
  (await api.asDemoAdmin().tokens.create({ name, role: "ADMIN" })).token as string;

async function get(path: string, token?: string, init: RequestInit = {}) {
  const response = await fetch(`${url}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The error objects of an answer: `errors` (every plain surface) or tRPC's `error.json.data.errors`. */
function errorObjectsOf(surface: string, body: Record<string, unknown>): Record<string, unknown>[] {
  if (surface.startsWith("tRPC")) {
    const envelope = body.error as { json: { message: string; code: number; data: Record<string, unknown> } };
    expect(Object.keys(body), surface).toEqual(["error"]);
    expect(envelope.json.message, surface).toEqual(expect.any(String));
    return envelope.json.data.errors as Record<string, unknown>[];
  }
  expect(Object.keys(body), surface).toEqual(["errors"]);
  return body.errors as Record<string, unknown>[];
}

describe("one error shape across the HTTP surfaces", () => {
  it("every surface answers the ErrorObject of the OpenAPI document, status included", async () => {
    const schema = errorObjectSchema();
    const tRPCInput = encodeURIComponent(JSON.stringify({ json: { id: "no-such-lead" } }));
    const limited = await newToken("error-shape-limited");
    for (let i = 0; i < LIMIT; i++) await get("/api/leads", limited);

    const answers = {
      "tRPC over HTTP": await get(`/trpc/leads.get?input=${tRPCInput}`, await newToken("trpc")),
      REST: await get("/api/leads", await newToken("rest"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ firstName: "No phone" }),
      }),
      webhook: await get("/api/telnyx/webhooks/calls", undefined, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
      recording: await get("/api/recordings/no-such-call", await newToken("recording")),
      report: await get("/api/reports/per-agent.csv?from=nope", await newToken("report")),
      "rate limit": await get("/api/leads", limited),
      "tRPC rate limit": await get(`/trpc/leads.get?input=${tRPCInput}`, limited),
      "unknown route": await get("/api/no-such-route", await newToken("unknown")),
      "web app not built": await get("/leads"),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([surface, { status }]) => [surface, status]))).toEqual({
      "tRPC over HTTP": 404,
      REST: 422,
      webhook: 401,
      recording: 404,
      report: 422,
      "rate limit": 429,
      "tRPC rate limit": 429,
      "unknown route": 404,
      "web app not built": 503,
    });

    const keySets = new Set<string>();
    for (const [surface, { status, body }] of Object.entries(answers)) {
      const errors = errorObjectsOf(surface, body);
      expect(errors.length, surface).toBeGreaterThan(0);
      for (const error of errors) {
        expect(Object.keys(error), surface).toEqual(expect.arrayContaining(schema.required));
        for (const key of Object.keys(error))
          expect(Object.keys(schema.properties), `${surface}: ${key}`).toContain(key);
        for (const [key, value] of Object.entries(error)) {
          const type = schema.properties[key]!.type;
          expect(typeof value, `${surface}: ${key}`).toBe(type === "object" ? "object" : type);
        }
        expect(error.status, surface).toBe(String(status));
        expect(error.detail, surface).not.toBe("");
        keySets.add(
          Object.keys(error)
            .filter((key) => key !== "source")
            .sort()
            .join(","),
        );
      }
    }
    // The same fields everywhere (`source` only where a field is at fault).
    expect([...keySets]).toEqual(["code,detail,status,title"]);
    expect(errorObjectsOf("REST", answers.REST.body)).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "VALIDATION", source: { pointer: "/phoneNumber" } })]),
    );
  });

  it("the same failure reads the same on tRPC and on REST", async () => {
    const token = await newToken("same-failure");
    const tRPCInput = encodeURIComponent(JSON.stringify({ json: { id: "no-such-lead" } }));
    const viaTrpc = await get(`/trpc/leads.get?input=${tRPCInput}`, token);
    const viaRest = await get("/api/leads/no-such-lead", token);
    expect(viaTrpc.status).toBe(viaRest.status);
    expect(errorObjectsOf("tRPC", viaTrpc.body)).toEqual(errorObjectsOf("REST", viaRest.body));
    expect(errorObjectsOf("REST", viaRest.body)).toEqual([
      { status: "404", code: "NOT_FOUND", title: "Not found", detail: expect.any(String) },
    ]);
    // tRPC's own fields stay for its clients (packages/client's appErrorCodeOf, the web).
    const data = (viaTrpc.body.error as { json: { data: Record<string, unknown> } }).json.data;
    expect(data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, appCode: "NOT_FOUND" });
  });
});
