import { z } from "zod";
import { createConnection } from "@app/telnyx-core/connections/create-connection";
import {
  ZConnectionIdSchema,
  ZConnectionListSchema,
  ZConnectionNameSchema,
  ZConnectionSchema,
  ZConnectionUpdateSchema,
} from "@app/telnyx-core/connections/connection-schemas";
import { deleteConnection } from "@app/telnyx-core/connections/delete-connection";
import { fixWebhooks } from "@app/telnyx-core/connections/fix-webhooks";
import { listConnections } from "@app/telnyx-core/connections/list-connections";
import { updateConnection } from "@app/telnyx-core/connections/update-connection";
import { findConnectionRow } from "@app/telnyx-core/connections/connection-item";
import { assertTelnyxCanReach } from "@app/telnyx-core/connections/check-webhooks";
import { organizationWebhookUrls } from "../../telnyx/webhook-urls";
import type { Context } from "../../trpc/context";
import { adminProcedure, router, supervisorProcedure } from "../../trpc/trpc";

type OrgContext = Context & { auth: NonNullable<Context["auth"]> };

/** The organization's webhook URLs Telnyx must call (APP_URL, or this process in sandbox mode); the legacy shared ones count as "needs fix". */
const expectedOf = (ctx: OrgContext) =>
  organizationWebhookUrls(ctx.db, ctx.config.publicUrl(), ctx.auth.organizationId);

/** The same, before writing them into Telnyx: real Telnyx needs a public address. */
async function expectedForWrite(ctx: OrgContext) {
  const expected = await expectedOf(ctx);
  if (ctx.telnyx.mode === "live") assertTelnyxCanReach(expected);
  return expected;
}

/** An admin action on one connection of the caller's organization: NOT_FOUND before Telnyx is involved. */
const adminConnectionProcedure = adminProcedure.input(ZConnectionIdSchema).use(async ({ ctx, input, next }) => {
  await findConnectionRow(ctx.domain.db, ctx.domain.actor, input.id);
  return next();
});

export const connectionsRouter = router({
  list: supervisorProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/connections",
        summary: "List Call Control applications and messaging profiles, with a live check of their webhooks",
      },
    })
    .output(ZConnectionListSchema)
    .query(async ({ ctx }) =>
      listConnections({
        ...ctx.domain,
        expected: await expectedOf(ctx),
      }),
    ),

  createApplication: adminProcedure
    .input(ZConnectionNameSchema)
    .output(ZConnectionSchema)
    .mutation(async ({ ctx, input }) =>
      createConnection({
        ...ctx.domain,
        expected: await expectedForWrite(ctx),
        kind: "CALL_CONTROL_APPLICATION",
        name: input.name,
      }),
    ),

  createMessagingProfile: adminProcedure
    .input(ZConnectionNameSchema)
    .output(ZConnectionSchema)
    .mutation(async ({ ctx, input }) =>
      createConnection({
        ...ctx.domain,
        expected: await expectedForWrite(ctx),
        kind: "MESSAGING_PROFILE",
        name: input.name,
      }),
    ),

  /** For agents' browser softphones (also created on the first softphone token when the organization has none). */
  createCredentialConnection: adminProcedure
    .input(ZConnectionNameSchema)
    .output(ZConnectionSchema)
    .mutation(async ({ ctx, input }) =>
      createConnection({
        ...ctx.domain,
        expected: await expectedForWrite(ctx),
        kind: "CREDENTIAL_CONNECTION",
        name: input.name,
      }),
    ),

  /** Credential connections only (applications and profiles carry numbers: deactivate them). */
  delete: adminConnectionProcedure
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteConnection({ ...ctx.domain, id: input.id })),

  update: adminConnectionProcedure
    .input(ZConnectionUpdateSchema)
    .output(ZConnectionSchema)
    .mutation(async ({ ctx, input }) =>
      updateConnection({
        ...ctx.domain,
        expected: await expectedOf(ctx),
        input,
      }),
    ),

  fixWebhooks: adminConnectionProcedure.output(ZConnectionSchema).mutation(async ({ ctx, input }) =>
    fixWebhooks({
      ...ctx.domain,
      expected: await expectedForWrite(ctx),
      id: input.id,
    }),
  ),
});
