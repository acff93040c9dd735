import { z } from "zod";
import type { DetailRecordType } from "../gateway/account-api";
import type { SyncContext } from "./sync-context";

const text = z.string().nullish().catch(null);
const date = z
  .string()
  .nullish()
  .catch(null)
  .transform((value) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value) : null));
const decimal = z
  .union([z.string(), z.number()])
  .nullish()
  .catch(null)
  .transform((value) => (value === null || value === undefined || value === "" ? null : String(value)));
const int = z.coerce.number().int().nullish().catch(null);

/** Messaging detail record (MDR), leniently: unknown or malformed fields become null. */
export const ZMessageRecordSchema = z.object({
  id: z.string().optional(),
  uuid: z.string().optional(),
  direction: text,
  message_type: text,
  cli: text,
  cld: text,
  parts: int,
  status: text,
  cost: decimal,
  currency: text,
  profile_id: text,
  sent_at: date,
  completed_at: date,
  created_at: date,
  errors: z.array(z.unknown()).nullish().catch(null),
});
export type MessageRecord = z.infer<typeof ZMessageRecordSchema>;

/** Call Control detail record (CDR), one per leg. */
export const ZCallRecordSchema = z.object({
  call_control_id: text,
  call_leg_id: text,
  call_session_id: text,
  connection_id: text,
  direction: text,
  cli: text,
  cld: text,
  started_at: date,
  answered_at: date,
  ended_at: date,
  call_sec: int,
  billed_sec: int,
  hangup_cause: text,
  cost: decimal,
  currency: text,
  created_at: date,
});
export type CallRecord = z.infer<typeof ZCallRecordSchema>;

/** Detail records of the last 24 h: Telnyx filters by named UTC day, so today + yesterday, then trimmed. */
export async function recentDetailRecords<T extends { created_at: Date | null }>(
  ctx: SyncContext,
  recordType: DetailRecordType,
  schema: z.ZodType<T>,
): Promise<T[]> {
  const pages = await Promise.all(
    (["today", "yesterday"] as const).map((dateRange) =>
      ctx.read(() => ctx.gateway.listDetailRecords({ recordType, dateRange })),
    ),
  );
  const seen = new Set<string>();
  return pages.flat().flatMap((raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return [];
    const key = JSON.stringify(raw);
    if (seen.has(key)) return [];
    seen.add(key);
    return !parsed.data.created_at || parsed.data.created_at >= ctx.since ? [parsed.data] : [];
  });
}
