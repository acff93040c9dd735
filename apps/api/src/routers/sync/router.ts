import { z } from "zod";
import { getSyncRun, listSyncRuns } from "@app/telnyx-core/sync/list-sync-runs";
import { startSync } from "@app/telnyx-core/sync/start-sync";
import { ZSyncRunIdSchema, ZSyncRunSchema, ZSyncRunsInputSchema } from "@app/telnyx-core/sync/sync-schemas";
import { syncOrganization } from "../../jobs/sync-organization";
import { adminProcedure, router, supervisorProcedure } from "../../trpc/trpc";

export const syncRouter = router({
  /** Starts a sync (or answers the one already running); progress arrives as sync:progress. */
  run: adminProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/api/telnyx/sync",
        summary: "Reconcile numbers, applications, profiles, calls and messages with Telnyx (runs in the background)",
        successStatus: 202,
      },
    })
    .output(z.object({ runId: z.string() }))
    .mutation(async ({ ctx }) => {
      const organizationId = ctx.auth.organizationId;
      const { runId, isNew } = await startSync({
        db: ctx.db,
        organizationId,
        trigger: "manual",
        userId: ctx.auth.userId,
        ip: ctx.ip,
      });
      if (isNew) {
        const deps = {
          db: ctx.db,
          telnyx: ctx.telnyx,
          publisher: ctx.domain.publisher,
          publicUrl: ctx.config.publicUrl,
        };
        const task = () => syncOrganization(deps, { organizationId, runId });
        if (ctx.background) ctx.background.run(`sync ${runId}`, task);
        else void task().catch(() => undefined);
      }
      return { runId };
    }),

  runs: supervisorProcedure
    .input(ZSyncRunsInputSchema.default({ limit: 20 }))
    .output(z.object({ items: z.array(ZSyncRunSchema) }))
    .query(({ ctx, input }) => listSyncRuns({ ...ctx.domain, limit: input.limit })),

  get: supervisorProcedure
    .input(ZSyncRunIdSchema)
    .output(ZSyncRunSchema)
    .query(({ ctx, input }) => getSyncRun({ ...ctx.domain, id: input.id })),
});
