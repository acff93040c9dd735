/**
 * Lenient zod building blocks for Telnyx webhook payloads. Real bodies vary across years and
 * sources (see /work/shared/fixtures/telnyx-webhooks/SOURCES.md): optional fields come as missing,
 * null or "", money as a string or a JSON number, MOS figures as strings.
 */
import { z } from "zod";

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** A JSON number as a plain decimal string without float noise or exponent ("0.0051", not "5.1e-3"). */
export function numberToDecimalString(value: number): string {
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

/** Money/rate: a decimal string or a JSON number → decimal string. Never a float. */
export const zDecimal = z.union([z.string(), z.number()]).transform((value, ctx) => {
  if (typeof value === "number") {
    if (Number.isFinite(value)) return numberToDecimalString(value);
  } else {
    const trimmed = value.trim();
    if (DECIMAL_PATTERN.test(trimmed)) return trimmed;
  }
  ctx.addIssue({ code: "custom", message: `not a decimal amount: ${String(value)}` });
  return z.NEVER;
});

/** ISO-8601 timestamp → Date; rejects placeholders such as "date-time". */
export const zDate = z.string().transform((value, ctx) => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: "custom", message: `not a timestamp: ${value}` });
    return z.NEVER;
  }
  return date;
});

/** missing | null | "" → undefined. */
export function optional<T extends z.ZodType>(schema: T) {
  return z
    .union([schema, z.null(), z.literal("")])
    .optional()
    .transform((value) => (value === null || value === "" ? undefined : value) as z.output<T> | undefined);
}

/** A string that may arrive as a number (sip_hangup_cause "200" vs 200, error codes). */
export const zLooseString = z.union([z.string(), z.number()]).transform(String);

/** "4.50" or 4.5 → 4.5 (measurements, not money). */
export const zLooseNumber = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(parsed) || (typeof value === "string" && value.trim() === "")) {
    ctx.addIssue({ code: "custom", message: `not a number: ${String(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** client_state: base64 string, "" or null → string | null. */
export const zClientState = z
  .string()
  .nullish()
  .transform((value) => (value ? value : null));

export const zStringList = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);

/** Fields every Call Control event carries (some OpenAPI examples omit call_control_id). */
export const zCallFields = {
  call_control_id: optional(z.string()),
  call_leg_id: optional(z.string()),
  call_session_id: optional(z.string()),
  connection_id: optional(zLooseString),
  client_state: zClientState,
  from: optional(z.string()),
  to: optional(z.string()),
  tags: zStringList,
};

export interface CallRef {
  callControlId?: string;
  callLegId?: string;
  callSessionId?: string;
  connectionId?: string;
  clientState: string | null;
  from?: string;
  to?: string;
  tags: string[];
}

export function toCallRef(payload: {
  call_control_id?: string;
  call_leg_id?: string;
  call_session_id?: string;
  connection_id?: string;
  client_state: string | null;
  from?: string;
  to?: string;
  tags: string[];
}): CallRef {
  return {
    callControlId: payload.call_control_id,
    callLegId: payload.call_leg_id,
    callSessionId: payload.call_session_id,
    connectionId: payload.connection_id,
    clientState: payload.client_state,
    from: payload.from,
    to: payload.to,
    tags: payload.tags,
  };
}
