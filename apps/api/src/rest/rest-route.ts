/**
 * The REST face: each route is a thin mapping onto a tRPC procedure, called through
 * createCaller with the same context, so validation, auth (session cookie or Bearer token),
 * roles and domain rules are exactly those of the typed API. Errors use Telnyx-like bodies:
 * { errors: [{ code, title, detail, source? }] } with the matching HTTP status.
 */
import type { FastifyRequest } from "fastify";
import type { RouterInputs } from "../trpc/app-router";

type Paths<T> = { [K in keyof T & string]: { [P in keyof T[K] & string]: `${K}.${P}` }[keyof T[K] & string] }[keyof T &
  string];
/** "router.procedure" of every procedure in the AppRouter. */
export type ProcedurePath = Paths<RouterInputs>;

export interface RestRoute {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Fastify path under /api, e.g. "/api/telnyx/calls/:callId/hangup". */
  path: string;
  procedure: ProcedurePath;
  /** Builds the procedure input from the request (query, params, body). */
  input: (request: FastifyRequest) => unknown;
  /** Status of a successful answer (default 200). */
  successStatus?: number;
  summary: string;
}

type Params = Record<string, string | undefined>;

export const params = (request: FastifyRequest): Params => request.params as Params;
export const query = (request: FastifyRequest): Params => request.query as Params;
export const body = (request: FastifyRequest): Record<string, unknown> =>
  request.body && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {};

/** `?limit=50` → 50; absent → undefined (the procedure's default applies). */
export function intParam(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}
