import { z } from "zod";
import { listAudit, listAuditActions, ZAuditListSchema, ZAuditPageSchema } from "@app/telnyx-core/audit/list-audit";
import { adminProcedure, router } from "../../trpc/trpc";

export const auditRouter = router({
  list: adminProcedure
    .input(ZAuditListSchema.default({ limit: 50 }))
    .output(ZAuditPageSchema)
    .query(({ ctx, input }) => listAudit({ ...ctx.domain, input })),

  actions: adminProcedure.output(z.array(z.string())).query(({ ctx }) => listAuditActions(ctx.domain)),
});
