/**
 * The REST face: a procedure that declares `.meta({ rest: { method, path, summary, input } })` is also
 * served at `path` (rest-plugin.ts) and documented in the OpenAPI document (build-openapi.ts), both
 * read from the router, so a procedure and its route cannot drift. The route calls the procedure
 * through createCaller with the same context: validation, auth (session cookie or Bearer token),
 * roles and domain rules are exactly those of the typed API. Errors: the one error shape
 * (http-errors.ts).
 */

type Params = Record<string, string | undefined>;

/** What a route's `input` mapping reads: path params, query string, JSON body (`{}` when not an object). */
export interface RestRequest {
  params: Params;
  query: Params;
  body: Record<string, unknown>;
}

/** The REST mapping a procedure declares in its meta. */
export interface RestMapping {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Fastify path under /api, e.g. "/api/telnyx/calls/:callId/hangup". */
  path: string;
  summary: string;
  /** Builds the procedure input from the request (default: no input). */
  input?: (request: RestRequest) => unknown;
  /** Status of a successful answer (default 200). */
  successStatus?: number;
}

/** A served route: the mapping and the procedure ("router.procedure") it calls. */
export interface RestRoute extends RestMapping {
  procedure: string;
  input: (request: RestRequest) => unknown;
  /** The procedure takes an idempotency key: the route reads the Idempotency-Key header. */
  idempotent: boolean;
}

interface ProcedureWithMeta {
  _def: { meta?: { rest?: RestMapping; idempotent?: boolean } };
}

/** Every procedure of `router` that declares a REST mapping, in the router's order. */
export function restRoutesOf(router: { _def: { procedures: object } }): RestRoute[] {
  return Object.entries(router._def.procedures as Record<string, ProcedureWithMeta>).flatMap(
    ([procedure, { _def }]) => {
      const rest = _def.meta?.rest;
      const idempotent = _def.meta?.idempotent === true;
      return rest ? [{ ...rest, procedure, input: rest.input ?? (() => undefined), idempotent }] : [];
    },
  );
}

/** `?limit=50` → 50; absent → undefined (the procedure's default applies). */
export function intParam(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/** A non-empty string, else undefined. */
export const stringOf = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** A string (empty included), else undefined. */
export const textOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** An array of strings, else undefined. */
export const listOf = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);
