import { z } from "zod";
import { assignNumber } from "@app/telnyx-core/numbers/assign-number";
import { NUMBER_COUNTRIES } from "@app/telnyx-core/numbers/countries";
import { getNumber } from "@app/telnyx-core/numbers/get-number";
import { findNumberRow, listMembers, listNumbers } from "@app/telnyx-core/numbers/list-numbers";
import {
  ZAvailableNumberSchema,
  ZMemberSchema,
  ZNumberAssignSchema,
  ZNumberCountrySchema,
  ZNumberDtoSchema,
  ZNumberIdSchema,
  ZNumberListInputSchema,
  ZNumberPurchaseSchema,
  ZNumberSearchSchema,
} from "@app/telnyx-core/numbers/number-schemas";
import { purchaseNumber } from "@app/telnyx-core/numbers/purchase-number";
import { releaseNumber } from "@app/telnyx-core/numbers/release-number";
import { searchNumbers } from "@app/telnyx-core/numbers/search-numbers";
import { textOf } from "../../rest/rest-route";
import { adminProcedure, idempotentAdminProcedure, protectedProcedure, router } from "../../trpc/trpc";

/** An admin action on one number of the caller's organization: NOT_FOUND before Telnyx is involved. */
const adminNumberProcedure = adminProcedure.input(ZNumberIdSchema).use(async ({ ctx, input, next }) => {
  await findNumberRow(ctx.domain.db, ctx.domain.actor, input.id);
  return next();
});

export const numbersRouter = router({
  list: protectedProcedure
    .meta({
      rest: {
        method: "GET",
        path: "/api/telnyx/phone-numbers",
        summary: "List the organization's phone numbers with this month's usage",
        input: ({ query }) => ({ includeReleased: query.include_released === "true" }),
      },
    })
    .input(ZNumberListInputSchema)
    .output(z.object({ items: z.array(ZNumberDtoSchema) }))
    .query(({ ctx, input }) => listNumbers({ ...ctx.domain, input })),

  get: protectedProcedure
    .input(ZNumberIdSchema)
    .output(ZNumberDtoSchema)
    .query(({ ctx, input }) =>
      getNumber({
        ...ctx.domain,
        id: input.id,
      }),
    ),

  countries: protectedProcedure
    .output(z.array(ZNumberCountrySchema))
    .query(() => NUMBER_COUNTRIES.map((country) => ({ ...country }))),

  search: adminProcedure
    .input(ZNumberSearchSchema)
    .output(z.object({ items: z.array(ZAvailableNumberSchema) }))
    .query(({ ctx, input }) => searchNumbers({ ...ctx.domain, input })),

  purchase: idempotentAdminProcedure
    .meta({
      rest: {
        method: "POST",
        path: "/api/telnyx/phone-numbers/purchase",
        summary:
          "Buy a number: { country, type, area_code? } buys the first match of a search; { phone_number } buys that number",
        successStatus: 201,
        input: ({ body }) => ({
          countryCode: textOf(body.country) ?? textOf(body.countryCode),
          numberType: textOf(body.type) ?? textOf(body.numberType),
          areaCode: textOf(body.area_code) ?? textOf(body.areaCode),
          phoneNumber: textOf(body.phone_number) ?? textOf(body.phoneNumber),
        }),
      },
    })
    .input(ZNumberPurchaseSchema)
    .output(ZNumberDtoSchema)
    .mutation(({ ctx, input }) =>
      purchaseNumber({
        ...ctx.domain,
        input,
      }),
    ),

  release: adminNumberProcedure.output(ZNumberDtoSchema).mutation(async ({ ctx, input }) =>
    releaseNumber({
      ...ctx.domain,
      id: input.id,
    }),
  ),

  assign: adminProcedure
    .input(ZNumberAssignSchema)
    .output(ZNumberDtoSchema)
    .mutation(({ ctx, input }) => assignNumber({ ...ctx.domain, input })),

  members: adminProcedure.output(z.array(ZMemberSchema)).query(({ ctx }) => listMembers(ctx.domain)),
});
