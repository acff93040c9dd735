import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "@app/telnyx-core/tokens/manage-api-tokens";
import { ZApiTokenCreatedSchema, ZApiTokenCreateSchema, ZApiTokenSchema } from "@app/telnyx-core/tokens/token-schemas";
import { generateToken, hashToken } from "../../auth/tokens";
import { adminProcedure, idempotentAdminProcedure, router } from "../../trpc/trpc";

export const API_TOKEN_PREFIX = "tcrm";

export const tokensRouter = router({
  list: adminProcedure.output(z.array(ZApiTokenSchema)).query(({ ctx }) => listApiTokens(ctx.domain)),

  create: idempotentAdminProcedure
    .input(ZApiTokenCreateSchema)
    .output(ZApiTokenCreatedSchema)
    .mutation(({ ctx, input }) => {
      const token = generateToken(API_TOKEN_PREFIX);
      return createApiToken({ ...ctx.domain, input, secret: { token, tokenHash: hashToken(token) } });
    }),

  revoke: adminProcedure
    .input(z.object({ id: z.string().min(1).max(64) }))
    .output(ZApiTokenSchema)
    .mutation(async ({ ctx, input }) => {
      const item = await revokeApiToken({ ...ctx.domain, id: input.id });
      // Open sockets of this token close now (across instances through the Redis adapter).
      ctx.realtime?.disconnectToken(item.id);
      return item;
    }),
});
