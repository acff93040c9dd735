import { z } from "zod";
import { getWallboardSnapshot } from "@app/telnyx-core/wallboard/get-wallboard";
import { toKioskSnapshot } from "@app/telnyx-core/wallboard/wallboard-call";
import {
  createKioskLink,
  listKioskLinks,
  revokeKioskLink,
  setSlaThreshold,
} from "@app/telnyx-core/wallboard/kiosk-links";
import {
  ZCreatedKioskLinkSchema,
  ZCreateKioskLinkInputSchema,
  ZKioskLinkIdSchema,
  ZKioskLinkSchema,
  ZSlaThresholdInputSchema,
  ZSlaThresholdSchema,
  ZWallboardSnapshotSchema,
} from "@app/telnyx-core/wallboard/wallboard-schemas";
import { kioskOrSupervisorProcedure, router, supervisorProcedure } from "../../trpc/trpc";

export const wallboardRouter = router({
  /** Supervisors and admins, or a kiosk link's `x-kiosk-token` header. */
  snapshot: kioskOrSupervisorProcedure
    .input(z.void())
    .output(ZWallboardSnapshotSchema)
    .query(async ({ ctx }) => {
      const snapshot = await getWallboardSnapshot({ db: ctx.db, organizationId: ctx.wallboardOrganizationId });
      // No session or token: a kiosk screen, which gets what the board shows and no more.
      return ctx.auth ? snapshot : toKioskSnapshot(snapshot);
    }),

  kioskLinks: supervisorProcedure
    .input(z.void())
    .output(z.array(ZKioskLinkSchema))
    .query(({ ctx }) => listKioskLinks(ctx.domain)),

  createKioskLink: supervisorProcedure
    .input(ZCreateKioskLinkInputSchema)
    .output(ZCreatedKioskLinkSchema)
    .mutation(({ ctx, input }) => createKioskLink({ ...ctx.domain, name: input.name })),

  revokeKioskLink: supervisorProcedure
    .input(ZKioskLinkIdSchema)
    .output(ZKioskLinkSchema)
    .mutation(async ({ ctx, input }) => {
      const link = await revokeKioskLink({ ...ctx.domain, id: input.id });
      ctx.realtime?.disconnectKiosk(link.id);
      return link;
    }),

  setSlaThreshold: supervisorProcedure
    .input(ZSlaThresholdInputSchema)
    .output(ZSlaThresholdSchema)
    .mutation(({ ctx, input }) => setSlaThreshold({ ...ctx.domain, seconds: input.seconds })),
});
