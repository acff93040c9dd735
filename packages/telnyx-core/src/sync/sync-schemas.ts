import { z } from "zod";
import type { Prisma } from "@app/db/client";

export const SYNC_TRIGGERS = ["manual", "hourly"] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const ZSyncChangeSchema = z.object({ kind: z.string(), description: z.string() });
export type TSyncChange = z.infer<typeof ZSyncChangeSchema>;

export const ZSyncRunSchema = z.object({
  id: z.string(),
  trigger: z.enum(SYNC_TRIGGERS),
  status: z.enum(["RUNNING", "SUCCEEDED", "FAILED"]),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  counts: z.record(z.string(), z.number()),
  changes: z.array(ZSyncChangeSchema),
  errors: z.array(z.string()),
});
export type TSyncRun = z.infer<typeof ZSyncRunSchema>;

export const ZSyncRunsInputSchema = z.object({ limit: z.number().int().min(1).max(100).default(20) });
export const ZSyncRunIdSchema = z.object({ id: z.string().min(1).max(64) });

export const syncRunSelect = {
  id: true,
  trigger: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  counts: true,
  changes: true,
  errors: true,
} as const satisfies Prisma.SyncRunSelect;

type SyncRunRow = Prisma.SyncRunGetPayload<{ select: typeof syncRunSelect }>;

const ZStoredCounts = z.record(z.string(), z.number()).catch({});
const ZStoredChanges = z.array(ZSyncChangeSchema).catch([]);
const ZStoredErrors = z.array(z.string()).catch([]);

export function toSyncRunDto(row: SyncRunRow): TSyncRun {
  return {
    id: row.id,
    trigger: row.trigger === "hourly" ? "hourly" : "manual",
    status: row.status,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    counts: ZStoredCounts.parse(row.counts ?? {}),
    changes: ZStoredChanges.parse(row.changes ?? []),
    errors: ZStoredErrors.parse(row.errors ?? []),
  };
}
