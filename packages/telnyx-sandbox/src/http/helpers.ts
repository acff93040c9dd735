import type { FastifyRequest } from "fastify";
import { invalidParam } from "./errors.js";
import type { QueryObject } from "./query.js";

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || body === "") return {};
  if (typeof body !== "object" || Array.isArray(body))
    throw invalidParam("", "The request body must be a JSON object.");
  return body as Record<string, unknown>;
}

export function queryOf(request: FastifyRequest): QueryObject {
  return (request.query ?? {}) as QueryObject;
}

export function paramOf(request: FastifyRequest, name: string): string {
  const params = request.params as Record<string, string | undefined>;
  return params[name] ?? "";
}

export function optionalNumber(body: Record<string, unknown>, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw invalidParam(field, `'${field}' must be a number.`);
  return v;
}

export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw invalidParam(field, `'${field}' must be a boolean.`);
  return v;
}

export function optionalStringArray(body: Record<string, unknown>, field: string): string[] | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string"))
    throw invalidParam(field, `'${field}' must be an array of strings.`);
  return v as string[];
}

/** A count or a number of seconds: a whole number >= 1. */
export function positiveInteger(body: Record<string, unknown>, field: string): number | undefined {
  const value = optionalNumber(body, field);
  if (value !== undefined && (!Number.isInteger(value) || value < 1))
    throw invalidParam(field, `'${field}' must be a whole number of at least 1.`);
  return value;
}
