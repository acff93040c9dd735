/**
 * The OpenAPI 3.1 document of the REST face, generated from the router: every procedure's
 * `.meta({ rest })` (REST_ROUTES) and its zod schemas — the same parsers that validate requests — so
 * it cannot drift.
 */
import type { Role } from "@app/db/client";
import { appRouter } from "../trpc/app-router";
import type { Meta } from "../trpc/trpc";
import type { RestRoute } from "../rest/rest-route";
import { REST_ROUTES } from "../rest/rest-routes";
import { jsonSchemaOf, mergedInputSchema, objectPart, type JsonSchema } from "./json-schemas";
import { probeRequestShape } from "./request-shape";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; meta?: Meta; inputs: unknown[]; output?: unknown };
}

const ERROR_DESCRIPTIONS: Record<string, string> = {
  "401": "Not logged in: send `Authorization: Bearer <API token>` or the session cookie.",
  "403": "Your role does not allow this action.",
  "404": "The record does not exist in your organization.",
  "409":
    "The record is in a state that does not allow this action (or a request with the same Idempotency-Key is still running: retry).",
  "422":
    "Some fields are invalid (one error per field, with `source.pointer`), or the Idempotency-Key was used with another body.",
  "429": "Rate limit reached (see x-ratelimit-* and retry-after headers).",
  "500": "Something went wrong on our side.",
  "502": "Telnyx refused or failed the request.",
  "503": "Telnyx or a dependency is unavailable; retry later.",
};

/** The one error shape of every HTTP surface (http-errors.ts), a shared component every error response uses. */
const ERROR_OBJECT: JsonSchema = {
  type: "object",
  required: ["status", "code", "title", "detail"],
  properties: {
    status: { type: "string", description: 'The HTTP status of the answer, as a string (JSON:API), e.g. "422".' },
    code: {
      type: "string",
      description:
        "Stable error code (VALIDATION, NOT_FOUND, OPTED_OUT, RATE_LIMITED, ...); the status follows from it.",
    },
    title: { type: "string", description: "A short summary, the same for every occurrence of the code." },
    detail: { type: "string", description: "A sentence a person can act on." },
    source: {
      type: "object",
      required: ["pointer"],
      properties: { pointer: { type: "string", description: "JSON pointer to the field at fault, e.g. /to." } },
    },
    requestId: { type: "string", description: "500 only: the id the failure is logged under." },
  },
};

const ERROR_BODY: JsonSchema = {
  type: "object",
  required: ["errors"],
  properties: { errors: { type: "array", minItems: 1, items: { $ref: "#/components/schemas/ErrorObject" } } },
};

const RATE_HEADERS = {
  "x-ratelimit-limit": {
    description: "Requests allowed per minute for this token/user/IP.",
    schema: { type: "integer" },
  },
  "x-ratelimit-remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "x-ratelimit-reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
};

/** The header of every create a click can repeat (the procedure's meta says `idempotent`). */
const IDEMPOTENCY_KEY_PARAMETER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "A key you generate for this action (a UUID). Repeating the request with the same key and the same body within 24 h answers the first result again (same id, same status) without acting twice; the same key with another body answers 422 IDEMPOTENCY_KEY_REUSED; while the first request still runs, a repeat waits for it, then answers 409 IDEMPOTENCY_IN_PROGRESS (retry). Keys are scoped to your organization and your token.",
  schema: { type: "string", minLength: 8, maxLength: 255, pattern: "^[A-Za-z0-9_.:-]{8,255}$" },
};

/** The input without the idempotency key: REST clients send it as a header. */
function withoutKey(input: JsonSchema): JsonSchema {
  if (!input.properties?.idempotencyKey) return input;
  const { idempotencyKey: _key, ...properties } = input.properties;
  return { ...input, properties, required: input.required?.filter((key) => key !== "idempotencyKey") };
}

const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

function errorStatuses(route: RestRoute, minRole: Role | undefined, hasInput: boolean): string[] {
  const statuses = new Set<string>(["429", "500"]);
  if (minRole) statuses.add("401").add("403");
  if (route.path.includes(":")) statuses.add("404");
  if (route.method !== "GET") statuses.add("409");
  if (hasInput) statuses.add("422");
  if (route.path.startsWith("/api/telnyx/")) statuses.add("502").add("503");
  return [...statuses].sort();
}

function operationOf(route: RestRoute): Record<string, unknown> {
  const procedure = procedures[route.procedure];
  if (!procedure)
    throw new Error(`REST route ${route.method} ${route.path} calls unknown procedure ${route.procedure}`);
  const { meta, inputs, output } = procedure._def;
  const input = withoutKey(objectPart(mergedInputSchema(inputs)));
  const fieldOf = (key: string): JsonSchema => input.properties?.[key] ?? {};
  const isRequired = (key: string) => input.required?.includes(key) ?? false;
  const shape = probeRequestShape(route);

  const parameters = [
    ...[...shape.params].map(([name, key]) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string", ...fieldOf(key) },
    })),
    ...[...shape.query].map(([name, key]) => ({ name, in: "query", required: isRequired(key), schema: fieldOf(key) })),
    ...(route.idempotent ? [IDEMPOTENCY_KEY_PARAMETER] : []),
  ];
  let bodySchema: JsonSchema | undefined;
  if (shape.body === "input") bodySchema = input;
  else if (shape.body === "data") bodySchema = objectPart(fieldOf("data"));
  else if (shape.body) {
    const keys = [...shape.body];
    bodySchema = {
      type: "object",
      properties: Object.fromEntries(keys.map(([name, key]) => [name, fieldOf(key)])),
      required: keys.filter(([, key]) => isRequired(key)).map(([name]) => name),
    };
  }
  const responses: Record<string, unknown> = {
    [String(route.successStatus ?? 200)]: {
      description: "Success",
      headers: RATE_HEADERS,
      content: {
        "application/json": {
          schema: { type: "object", required: ["data"], properties: { data: jsonSchemaOf(output, "output") } },
        },
      },
    },
  };
  for (const status of errorStatuses(route, meta?.minRole, inputs.length > 0)) {
    responses[status] = { $ref: `#/components/responses/Error${status}` };
  }
  return {
    operationId: route.procedure.replace(".", "_"),
    summary: route.summary,
    description: `Calls the tRPC procedure \`${route.procedure}\`${meta?.minRole ? ` (role ${meta.minRole} or above)` : ""}.`,
    tags: [route.procedure.split(".")[0]],
    ...(meta?.minRole ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(bodySchema ? { requestBody: { required: true, content: { "application/json": { schema: bodySchema } } } } : {}),
    responses,
  };
}

/** Fastify `:param` → OpenAPI `{param}`. */
export const openApiPathOf = (path: string) => path.replace(/:(\w+)/g, "{$1}");

export function buildOpenApiDocument(
  options: { routes?: RestRoute[]; version?: string } = {},
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of options.routes ?? REST_ROUTES) {
    const operations = paths[openApiPathOf(route.path)] ?? {};
    operations[route.method.toLowerCase()] = operationOf(route);
    paths[openApiPathOf(route.path)] = operations;
  }
  const errorResponses = Object.fromEntries(
    Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
      `Error${status}`,
      {
        description,
        ...(status === "429"
          ? {
              headers: {
                ...RATE_HEADERS,
                "retry-after": { description: "Seconds to wait.", schema: { type: "integer" } },
              },
            }
          : {}),
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
      },
    ]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Telnyx CRM REST API",
      version: options.version ?? "1.0.0",
      description:
        "The REST face of the typed tRPC API: the same validation, roles and organization scoping. Authenticate with an API token (Settings → API tokens) as `Authorization: Bearer tcrm_…`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An API token created in Settings → API tokens (tcrm_…).",
        },
        cookieAuth: {
          type: "apiKey",
          in: "cookie",
          name: "tcrm_session",
          description: "The web app's session cookie.",
        },
      },
      schemas: { ErrorObject: ERROR_OBJECT, ErrorBody: ERROR_BODY },
      responses: errorResponses,
    },
  };
}
