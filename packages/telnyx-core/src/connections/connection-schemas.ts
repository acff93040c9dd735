import { z } from "zod";
import type { Prisma } from "@app/db/client";

export const ZConnectionKindSchema = z.enum(["CALL_CONTROL_APPLICATION", "MESSAGING_PROFILE", "CREDENTIAL_CONNECTION"]);

export const ZWebhookCheckSchema = z.object({
  /** ok: Telnyx sends every event to this API; mismatch: see problems; unknown: Telnyx could not be asked. */
  status: z.enum(["ok", "mismatch", "unknown"]),
  problems: z.array(z.string()),
});
export type TWebhookCheck = z.infer<typeof ZWebhookCheckSchema>;

export const ZConnectionSchema = z.object({
  id: z.string(),
  kind: ZConnectionKindSchema,
  telnyxId: z.string(),
  name: z.string(),
  webhookUrl: z.string().nullable(),
  webhookFailoverUrl: z.string().nullable(),
  callCostInWebhooks: z.boolean(),
  active: z.boolean(),
  isDefault: z.boolean(),
  check: ZWebhookCheckSchema,
});
export type TConnection = z.infer<typeof ZConnectionSchema>;

/** The URLs Telnyx must call: calls and messages endpoints, and the generic one as failover. */
export const ZExpectedWebhooksSchema = z.object({ calls: z.string(), messages: z.string(), any: z.string() });
export type TExpectedWebhooks = z.infer<typeof ZExpectedWebhooksSchema>;

export const ZConnectionListSchema = z.object({ items: z.array(ZConnectionSchema), expected: ZExpectedWebhooksSchema });

export const ZConnectionNameSchema = z.object({
  name: z.string({ message: "required" }).trim().min(1, "required").max(100, "too_long"),
});

export const ZConnectionIdSchema = z.object({ id: z.string().min(1).max(64) });

export const ZConnectionUpdateSchema = z.object({
  id: z.string().min(1).max(64),
  data: z.object({
    name: z.string().trim().min(1, "required").max(100, "too_long").optional(),
    active: z.boolean().optional(),
  }),
});
export type TConnectionUpdate = z.infer<typeof ZConnectionUpdateSchema>;

export const connectionSelect = {
  id: true,
  kind: true,
  telnyxId: true,
  name: true,
  webhookUrl: true,
  webhookFailoverUrl: true,
  callCostInWebhooks: true,
  active: true,
  isDefault: true,
} satisfies Prisma.TelnyxConnectionSelect;
export type ConnectionRow = Prisma.TelnyxConnectionGetPayload<{ select: typeof connectionSelect }>;
