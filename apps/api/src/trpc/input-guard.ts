/**
 * The one check every procedure input goes through (tRPC over HTTP, the REST face, createCaller)
 * before its own schema: strings and keys that PostgreSQL cannot store, and nesting no input needs.
 * NUL (U+0000) is refused by PostgreSQL's text and jsonb types (a 500 once it reached a query);
 * an unpaired UTF-16 surrogate would be stored silently replaced by U+FFFD. Both are refused here
 * with a 422 naming the field. The walk is iterative, so a crafted input cannot overflow the stack.
 */

import { AppError } from "@app/telnyx-core/errors/app-error";

/** Deeper than any input schema of the router (update inputs with filters reach 4). */
export const MAX_INPUT_DEPTH = 20;

export type InputProblem = { field: string; reason: "invalid_characters" | "too_deep" };

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what PostgreSQL cannot store.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableCharacters(value: string): boolean {
  return UNSTORABLE.test(value);
}

/**
 * The field as forms know it: "firstName", "items.2.phone"; the `data.` wrapper of update inputs
 * is dropped (same rule as zod's field errors, see fieldErrorsOf), "_" is the input itself.
 */
export function fieldKeyOf(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts[0] === "data" && parts.length > 1) parts.shift();
  return parts.join(".") || "_";
}

/** The first problem found in `input`, or null. Values of any shape are accepted (raw client input). */
export function findInputProblem(input: unknown): InputProblem | null {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") {
      if (hasUnstorableCharacters(value)) return { field: fieldKeyOf(path), reason: "invalid_characters" };
      continue;
    }
    if (typeof value !== "object" || value === null || value instanceof Date) continue;
    if (path.length >= MAX_INPUT_DEPTH) return { field: fieldKeyOf(path), reason: "too_deep" };
    const entries: Array<[string | number, unknown]> =
      value instanceof Map
        ? [...value.entries()].map(([k, v]) => [String(k), v])
        : value instanceof Set
          ? [...value].map((v, i) => [i, v])
          : Object.entries(value);
    for (const [key, child] of entries) {
      if (typeof key === "string" && hasUnstorableCharacters(key))
        return { field: fieldKeyOf(path), reason: "invalid_characters" };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/** Throws the 422 for `input`'s first problem (procedures, and plain routes' params and query). */
export function assertStorableInput(input: unknown): void {
  const problem = findInputProblem(input);
  if (!problem) return;
  const message =
    problem.reason === "too_deep"
      ? "The input is nested too deeply."
      : `The field "${problem.field}" contains characters that cannot be stored.`;
  throw new AppError("VALIDATION", message, { fieldErrors: { [problem.field]: [problem.reason] } });
}

/** Depth of a JSON-like value without recursion; stops counting past `limit`. */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node))
      if (typeof child === "object" && child !== null) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
