/**
 * Shared pieces of the fuzzing tests: the seed (FUZZ_SEED to replay a run), hostile values, and
 * an arbitrary built from a procedure's JSON Schema so inputs get past validation often enough to
 * reach the domain code, then are bent (wrong types, deleted keys, prototype keys).
 */
import fc from "fast-check";
import type { JsonSchema } from "../../src/openapi/json-schemas";

/** FUZZ_SEED replays a failing run; otherwise a fresh seed, printed when a property fails. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/**
 * FUZZ_RUNS multiplies the case counts. The embedded database runs a quarter of them by default:
 * same code paths, but its single connection makes each case several times slower.
 */
export const FUZZ_SCALE = Number(process.env.FUZZ_RUNS ?? (process.env.TEST_DB === "pglite" ? 0.25 : 1));

export function fuzzOptions(numRuns: number): fc.Parameters<unknown> {
  return {
    seed: FUZZ_SEED,
    numRuns,
    endOnFailure: true,
    reporter(details) {
      if (!details.failed) return;
      const cause =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(`${cause}\n${fc.defaultReportMessage(details)}\nReplay with FUZZ_SEED=${FUZZ_SEED}`);
    },
  };
}

const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"];

/** Strings an attacker or a broken client would send. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\ud800",
    "😀".repeat(50),
    "' OR 1=1 --",
    '"; DROP TABLE "Lead"; --',
    "<script>alert(1)</script>",
    "../../../../etc/passwd",
    "%00",
    "NaN",
    "-1",
    "1e309",
    "+1555",
    "+14155550100",
    "sip:a@b",
    "2026-13-45T99:99:99Z",
    "0000-01-01T00:00:00Z",
    ...PROTO_KEYS,
  ),
  fc.nat({ max: 200_000 }).map((n) => "x".repeat(n)),
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, 1e308),
);

/** Objects with prototype-pollution keys as OWN properties (JSON.parse makes them own keys too). */
export const pollutingObject: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(...PROTO_KEYS), fc.jsonValue())
  .map(
    ([key, value]) =>
      JSON.parse(
        `{${JSON.stringify(key)}: {"polluted": ${JSON.stringify(value ?? null)}, "isAdmin": true}}`,
      ) as unknown,
  );

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}),
  pollutingObject,
  fc.jsonValue({ maxDepth: 4 }),
  fc
    .anything({ maxDepth: 3, withNullPrototype: true })
    .map((value) => JSON.parse(JSON.stringify(value) ?? "null") as unknown),
  fc.nat({ max: 30 }).map((depth) => Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), 1)),
);

/** Characters PostgreSQL cannot store as text (NUL) or UTF-8 cannot carry (unpaired surrogates). */
const UNSTORABLE = ["\u0000", "\ud800", "\udfff", "\udbff\u0041"] as const;

/** `strings`, and sometimes the same string with an unstorable character inserted somewhere. */
export function withUnstorable(strings: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const poisoned = fc
    .tuple(strings, fc.constantFrom(...UNSTORABLE), fc.nat())
    .map(([text, bad, at]) => text.slice(0, at % (text.length + 1)) + bad + text.slice(at % (text.length + 1)));
  return fc.oneof({ weight: 4, arbitrary: strings }, { weight: 1, arbitrary: poisoned });
}

/** JSON text nested `depth` deep (objects and arrays), written directly: too deep for JSON.stringify's recursion. */
export function deepJsonText(depth: number, leaf = "1"): string {
  return `${'{"a":['.repeat(depth)}${leaf}${"]}".repeat(depth)}`;
}

/** Huge nesting, as JSON text: a few levels past any schema up to far past the stack. */
export const deepJson: fc.Arbitrary<string> = fc
  .oneof(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 1_000, max: 60_000 }))
  .map((depth) => deepJsonText(depth));

/**
 * A value shaped by `schema`: mostly valid, sometimes bent at some node. `pool` offers real
 * identifiers (both organizations' records) for string fields, so ids resolve.
 */
export function fromSchema(schema: JsonSchema, pool: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: validish(schema, pool, depth) }, { weight: 1, arbitrary: hostileValue });
}

function validish(schema: JsonSchema, pool: readonly string[], depth: number): fc.Arbitrary<unknown> {
  if (depth > 5) return hostileValue;
  const variants = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as JsonSchema[] | undefined;
  if (variants?.length) return fc.oneof(...variants.map((variant) => fromSchema(variant, pool, depth + 1)));
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case "string":
      return stringFor(schema, pool);
    case "integer":
      return fc.integer({ min: (schema.minimum as number) ?? -1000, max: (schema.maximum as number) ?? 100_000 });
    case "number":
      return fc.double({
        min: (schema.minimum as number) ?? -1e6,
        max: (schema.maximum as number) ?? 1e6,
        noNaN: true,
      });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fromSchema((schema.items as JsonSchema) ?? {}, pool, depth + 1), { maxLength: 5 });
    case "object":
      return objectFor(schema, pool, depth);
    default:
      return hostileValue;
  }
}

function stringFor(schema: JsonSchema, pool: readonly string[]): fc.Arbitrary<string> {
  const format = schema.format as string | undefined;
  const typed =
    format === "date-time"
      ? fc
          .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
          .map((d) => d.toISOString())
      : format === "date"
        ? fc
            .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10))
        : format === "email"
          ? fc.emailAddress()
          : fc.string({
              minLength: (schema.minLength as number) ?? 0,
              maxLength: Math.min((schema.maxLength as number) ?? 40, 300),
            });
  return withUnstorable(
    fc.oneof(
      typed,
      fc.constantFrom(...pool),
      fc.constantFrom("+14155550123", "+33612345678", "admin@acme.test", "sip:agent@example.com"),
    ),
  );
}

function objectFor(schema: JsonSchema, pool: readonly string[], depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) shape[key] = fromSchema(property, pool, depth + 1);
  const requiredKeys = Object.keys(shape).filter((key) => required.has(key));
  const base = fc.record(shape, { requiredKeys });
  // Bend the object itself: extra keys (prototype ones included) or a required key deleted.
  return fc
    .tuple(
      base,
      fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), hostileValue, {
        maxKeys: 2,
      }),
      fc.nat(),
      fc.nat({ max: 9 }),
    )
    .map(([value, extra, pick, mode]) => {
      const out = JSON.parse(JSON.stringify(value ?? {})) as Record<string, unknown>;
      if (mode === 0)
        for (const [key, v] of Object.entries(extra))
          Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      if (mode === 1 && requiredKeys.length > 0) delete out[requiredKeys[pick % requiredKeys.length]!];
      return out;
    });
}
