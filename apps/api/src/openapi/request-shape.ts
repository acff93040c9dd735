/**
 * What a REST route reads from a request, found by running its `input` mapping on a probe
 * request: path params, query keys and body keys it touches, and which procedure input field
 * each one feeds. The OpenAPI document then describes exactly what the route uses, with the
 * procedure's own zod schema for each field.
 */
import type { RestRequest, RestRoute } from "../rest/rest-route";

export type Source = "params" | "query" | "body";

export interface RequestShape {
  /** request key → input key (path params, query keys), in the order the route reads them. */
  params: Map<string, string>;
  query: Map<string, string>;
  /** "input": the body is the whole input; "data": the body is `input.data`; else per key. */
  body: "input" | "data" | Map<string, string> | null;
}

const MARK = "\u0000probe:";

const camel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

function recorder(source: Source, seen: Map<string, string | undefined>): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_target, key) {
      if (typeof key !== "string" || key === "then" || key === "toJSON") return undefined;
      if (!seen.has(key)) seen.set(key, undefined);
      return `${MARK}${source}:${key}`;
    },
  });
}

/** Which input key received each probed value (`{ fromNumber: "<body:from>" }` → from → fromNumber). */
function traceValues(result: unknown, found: Record<Source, Map<string, string | undefined>>): void {
  if (!result || typeof result !== "object") return;
  for (const [inputKey, value] of Object.entries(result)) {
    if (typeof value !== "string" || !value.startsWith(MARK)) continue;
    const [source, key] = value.slice(MARK.length).split(":") as [Source, string];
    found[source].set(key, inputKey);
  }
}

function resolved(seen: Map<string, string | undefined>): Map<string, string> {
  return new Map([...seen].map(([key, inputKey]) => [key, inputKey ?? camel(key)]));
}

export function probeRequestShape(route: RestRoute): RequestShape {
  const found: Record<Source, Map<string, string | undefined>> = {
    params: new Map(),
    query: new Map(),
    body: new Map(),
  };
  const body = recorder("body", found.body);
  const request = {
    params: recorder("params", found.params) as RestRequest["params"],
    query: recorder("query", found.query) as RestRequest["query"],
    body,
  };
  const result = route.input(request) as Record<string, unknown> | undefined;
  traceValues(result, found);
  for (const name of route.path.matchAll(/:(\w+)/g))
    if (!found.params.has(name[1]!)) found.params.set(name[1]!, name[1]!);
  const wholeBody = result === body ? "input" : result && result.data === body ? "data" : null;
  const bodyKeys = resolved(found.body);
  return {
    params: resolved(found.params),
    query: resolved(found.query),
    body: wholeBody ?? (bodyKeys.size ? bodyKeys : null),
  };
}
