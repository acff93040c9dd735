import { getSettings } from "@app/telnyx-core/settings/get-settings";
import { deleteRate, setRate, updateOrganization } from "@app/telnyx-core/settings/mutate-settings";
import {
  ZRateIdSchema,
  ZSetRateSchema,
  ZSetTelnyxKeysSchema,
  ZSettingsSchema,
  ZUpdateOrganizationSchema,
  ZWebhookRotationSchema,
} from "@app/telnyx-core/settings/settings-schemas";
import { rotateWebhookToken } from "@app/telnyx-core/settings/rotate-webhook-token";
import { assertTelnyxCanReach } from "@app/telnyx-core/connections/check-webhooks";
import { clearTelnyxKeys, setTelnyxKeys } from "@app/telnyx-core/settings/telnyx-keys";
import { readSandboxAccountPublicKey } from "../../telnyx/sandbox-account-key";
import { organizationWebhookUrls, webhookUrls } from "../../telnyx/webhook-urls";
import type { SignedInContext } from "../../trpc/context";
import { adminProcedure, router } from "../../trpc/trpc";

/** Every settings mutation answers with the fresh settings, so the page replaces its cache in one go. */
const settingsOf = async (ctx: SignedInContext) =>
  getSettings({
    ...ctx.domain,
    environment: {
      mode: ctx.telnyx.mode,
      webhookUrls: await organizationWebhookUrls(ctx.db, ctx.config.publicUrl(), ctx.auth.organizationId),
    },
  });

export const settingsRouter = router({
  get: adminProcedure.output(ZSettingsSchema).query(({ ctx }) => settingsOf(ctx)),

  setTelnyxKeys: adminProcedure
    .input(ZSetTelnyxKeysSchema)
    .output(ZSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      const gatewayForKey = (apiKey: string) => ctx.telnyx.gatewayWithKey(apiKey);
      const { sandbox } = ctx.telnyx;
      const accountPublicKey = sandbox ? (apiKey: string) => readSandboxAccountPublicKey(sandbox, apiKey) : undefined;
      const actor = ctx.domain.actor;
      await setTelnyxKeys({ db: ctx.db, actor, secretBox: ctx.secretBox, gatewayForKey, accountPublicKey, input });
      await ctx.telnyx.refresh(ctx.auth.organizationId);
      return settingsOf(ctx);
    }),

  clearTelnyxKeys: adminProcedure.output(ZSettingsSchema).mutation(async ({ ctx }) => {
    await clearTelnyxKeys(ctx.domain);
    await ctx.telnyx.refresh(ctx.auth.organizationId);
    return settingsOf(ctx);
  }),

  /** A new webhook URL for the organization; Telnyx is re-pointed at it (Connections page's fix). */
  rotateWebhookToken: adminProcedure.output(ZWebhookRotationSchema).mutation(async ({ ctx }) => {
    const repoint = await rotateWebhookToken({
      ...ctx.domain,
      expectedFor(webhookToken) {
        const expected = webhookUrls(ctx.config.publicUrl(), webhookToken);
        if (ctx.telnyx.mode === "live") assertTelnyxCanReach(expected);
        return expected;
      },
    });
    ctx.webhookEndpoints.invalidate();
    return { ...(await settingsOf(ctx)), repoint };
  }),

  setRate: adminProcedure
    .input(ZSetRateSchema)
    .output(ZSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      await setRate({ ...ctx.domain, input });
      return settingsOf(ctx);
    }),

  deleteRate: adminProcedure
    .input(ZRateIdSchema)
    .output(ZSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      await deleteRate({ ...ctx.domain, id: input.id });
      return settingsOf(ctx);
    }),

  update: adminProcedure
    .input(ZUpdateOrganizationSchema)
    .output(ZSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      await updateOrganization({ ...ctx.domain, input });
      return settingsOf(ctx);
    }),
});
