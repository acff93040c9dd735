import { z } from "zod";

export type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** zod → JSON Schema 2020-12 (what OpenAPI 3.1 speaks); dates travel as ISO strings. */
export function jsonSchemaOf(schema: unknown, io: "input" | "output"): JsonSchema {
  if (!(schema instanceof z.ZodType)) return {};
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override(ctx) {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
    },
  }) as JsonSchema;
  delete json.$schema;
  return json;
}

/** Several `.input()` parsers of one procedure merge their object properties. */
export function mergedInputSchema(inputs: unknown[]): JsonSchema {
  const schemas = inputs.map((input) => jsonSchemaOf(input, "input"));
  if (schemas.length === 1) return schemas[0]!;
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const schema of schemas) {
    Object.assign(properties, schema.properties ?? {});
    required.push(...(schema.required ?? []));
  }
  return { type: "object", properties, required: [...new Set(required)] };
}

/** The object schema a procedure input ends up as (`.optional()` inputs wrap it in anyOf). */
export function objectPart(schema: JsonSchema): JsonSchema {
  if (schema.properties) return schema;
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  return variants?.find((variant) => variant.properties) ?? { type: "object", properties: {} };
}
