import { z } from "zod";
import { issueSoftphoneToken } from "@app/telnyx-core/softphone/issue-softphone-token";
import { ZSoftphoneTokenSchema } from "@app/telnyx-core/softphone/softphone-schemas";
import { organizationWebhookUrls } from "../../telnyx/webhook-urls";
import { protectedProcedure, router } from "../../trpc/trpc";

const LOOPBACK = /^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)(:\d+)?(\/|$)/i;

export const softphoneRouter = router({
  /**
   * A short-lived login token for the signed-in member's browser softphone (their telephony credential is created on
   * the first request). Never the credential's password; call again before `expiresAt` to refresh.
   */
  token: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/softphone/token",
        summary: "A short-lived WebRTC login token for the signed-in member (never the SIP password)",
      },
    })
    .input(z.void())
    .output(ZSoftphoneTokenSchema)
    .query(async ({ ctx }) => {
      const expected = await organizationWebhookUrls(ctx.db, ctx.config.publicUrl(), ctx.auth.organizationId);
      return issueSoftphoneToken({
        ...ctx.domain,
        // Real Telnyx cannot call a loopback address: the credential connection is then made without webhooks.
        expected: ctx.telnyx.mode === "live" && LOOPBACK.test(expected.any) ? null : expected,
        host: ctx.telnyx.webrtcHost,
      });
    }),
});
