import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import { findDefaultConnection } from "../connections/default-connection";
import type { Actor } from "../domain/actor";
import { AppError, isAppError } from "../errors/app-error";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { TelnyxContext } from "../domain/domain-context";
import type { Publisher } from "../realtime/events";
import { orderedNumberStatus } from "./apply-number-order-event";
import { findNumberCountry } from "./countries";
import { readNumberDto } from "./list-numbers";
import { publishNumberUpdated } from "./number-events";
import type { TNumberDto, TNumberPurchase } from "./number-schemas";
import { assertNumberTypeOffered, toAvailableNumber } from "./search-numbers";

interface Quote {
  phoneNumber: string;
  features: string[];
  upfrontCost: string | null;
  monthlyCost: string | null;
  currency: string;
}

/** The number to buy: the one picked from a search, or the first match of a fresh search. */
async function quoteFor(gateway: TelnyxGateway, input: TNumberPurchase): Promise<Quote> {
  if (input.phoneNumber) {
    return {
      phoneNumber: input.phoneNumber,
      features: input.features ?? [],
      upfrontCost: input.upfrontCost ?? null,
      monthlyCost: input.monthlyCost ?? null,
      currency: input.currency ?? "USD",
    };
  }
  const [first] = await gateway.searchAvailableNumbers({
    countryCode: input.countryCode,
    phoneNumberType: input.numberType,
    nationalDestinationCode: input.areaCode,
    limit: 1,
  });
  if (!first) {
    const where = findNumberCountry(input.countryCode)?.name ?? input.countryCode;
    const area = input.areaCode ? ` with area code ${input.areaCode}` : "";
    throw new AppError(
      "NOT_FOUND",
      `No ${input.numberType.replace("_", "-")} number is available in ${where}${area} right now — try another area code.`,
    );
  }
  return toAvailableNumber(first);
}

/** Telnyx may have taken the order even though we got no answer: never call that a failure. */
function isUncertain(error: unknown): boolean {
  if (!isAppError(error)) return true;
  if (error.code === "TELNYX_ERROR") return true;
  return error.code === "TELNYX_UNAVAILABLE" && error.details?.connectionRefused !== true;
}

/**
 * Buys a number: the row is written PURCHASE_PENDING first (so a webhook or the poller can always
 * find it), then the order goes to Telnyx with the organization's default application and messaging
 * profile; number_order.complete (or the poller) configures it and makes it ACTIVE.
 */
export async function purchaseNumber(options: {
  db: Db;
  actor: Actor;
  /** Resolved only once our own checks pass (an organization without Telnyx gets the actionable message first). */
  gatewayFor: TelnyxContext["gatewayFor"];
  publisher: Publisher;
  input: TNumberPurchase;
}): Promise<TNumberDto> {
  const { db, actor, publisher, input } = options;
  const organizationId = actor.organizationId;
  assertNumberTypeOffered(input.countryCode, input.numberType);
  const app = await findDefaultConnection(db.prisma, organizationId, "CALL_CONTROL_APPLICATION");
  if (!app) {
    throw new AppError(
      "VALIDATION",
      "Create a Call Control application in Connections first: new numbers are attached to it.",
    );
  }
  const profile = await findDefaultConnection(db.prisma, organizationId, "MESSAGING_PROFILE");
  const gateway = await options.gatewayFor(actor.organizationId);
  const quote = await quoteFor(gateway, input);
  const held = await db.prisma.telnyxPhoneNumber.findFirst({
    where: { phoneNumber: quote.phoneNumber, status: { in: ["PURCHASE_PENDING", "ACTIVE", "RELEASE_PENDING"] } },
    select: { organizationId: true },
  });
  if (held) {
    const message =
      held.organizationId === organizationId
        ? "This number is already yours."
        : "This number is no longer available — search again.";
    throw new AppError("VALIDATION", message, { fieldErrors: { phoneNumber: ["number_taken"] } });
  }

  const fresh = {
    status: "PURCHASE_PENDING" as const,
    countryCode: input.countryCode,
    numberType: input.numberType,
    features: quote.features,
    upfrontCost: quote.upfrontCost,
    monthlyCost: quote.monthlyCost,
    currency: quote.currency,
    // A number bought again after a release starts over.
    telnyxId: null,
    numberOrderId: null,
    connectionId: null,
    messagingProfileId: null,
    assignedUserId: null,
    tags: [],
    purchasedAt: null,
    releasedAt: null,
  };
  const row = await db.prisma.telnyxPhoneNumber.upsert({
    where: { organizationId_phoneNumber: { organizationId, phoneNumber: quote.phoneNumber } },
    create: { ...fresh, organizationId, phoneNumber: quote.phoneNumber },
    update: fresh,
    select: { id: true, organizationId: true, phoneNumber: true, status: true, updatedAt: true },
  });
  publishNumberUpdated(publisher, row);
  const audit = {
    organizationId,
    userId: actor.userId,
    action: "number.purchase",
    targetType: "phone_number",
    targetId: row.id,
    ip: actor.ip,
  };

  let order;
  try {
    order = await gateway.createNumberOrder({
      phoneNumbers: [quote.phoneNumber],
      connectionId: app.telnyxId,
      messagingProfileId: profile?.telnyxId,
      customerReference: organizationId,
    });
  } catch (error) {
    const uncertain = isUncertain(error);
    if (!uncertain)
      await db.prisma.telnyxPhoneNumber.updateMany({
        where: { id: row.id, status: "PURCHASE_PENDING" },
        data: { status: "FAILED" },
      });
    const message = isAppError(error) ? error.message : "Unexpected error";
    await recordAudit(db, {
      ...audit,
      result: "failed",
      details: { phoneNumber: quote.phoneNumber, error: message, uncertain },
    });
    publishNumberUpdated(publisher, {
      ...row,
      status: uncertain ? "PURCHASE_PENDING" : "FAILED",
      updatedAt: new Date(),
    });
    if (!uncertain) throw error;
    throw new AppError(
      "TELNYX_UNAVAILABLE",
      `${message} The number stays pending: it is checked with Telnyx again automatically.`,
      { cause: error },
    );
  }

  await db.prisma.telnyxPhoneNumber.updateMany({
    where: { id: row.id, numberOrderId: null },
    data: { numberOrderId: order.id },
  });
  if (orderedNumberStatus(order, quote.phoneNumber) === "failure") {
    await db.prisma.telnyxPhoneNumber.updateMany({
      where: { id: row.id, status: "PURCHASE_PENDING" },
      data: { status: "FAILED" },
    });
  }
  await recordAudit(db, {
    ...audit,
    details: { phoneNumber: quote.phoneNumber, numberOrderId: order.id, orderStatus: order.status },
  });
  const dto = await readNumberDto(db, actor, row.id);
  publishNumberUpdated(publisher, { ...dto, organizationId });
  return dto;
}
