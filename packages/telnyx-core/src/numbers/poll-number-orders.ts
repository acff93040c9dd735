import type { Prisma } from "@app/db/client";
import type { Db } from "@app/db/open-db";
import { recordAudit } from "../audit/record-audit";
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import type { Publisher } from "../realtime/events";
import { orderedNumberStatus } from "./apply-number-order-event";
import { configureBoughtNumber } from "./configure-number";
import { publishNumberUpdated } from "./number-events";

export interface PollNumberOrdersOptions {
  db: Db;
  gatewayFor(organizationId: string): Promise<TelnyxGateway>;
  publisher: Publisher;
  /** Only numbers untouched for this long (default 30 s: the webhook normally wins). */
  olderThanMs?: number;
  organizationId?: string;
  numberId?: string;
  now?: Date;
}

export interface PollNumberOrdersResult {
  configured: number;
  failed: number;
  pending: number;
  errors: string[];
}

/** An order request that never answered (crash, lost response) is decided by Telnyx's inventory after this. */
const ORPHAN_AFTER_MS = 5 * 60_000;
/** Configuration of a bought number is retried for a day, then left to an admin. */
const RETRY_CONFIGURE_FOR_MS = 24 * 3_600_000;

/**
 * The safety net for lost number_order.complete webhooks: pending purchases are settled from
 * GET /number_orders/{id}, orphaned ones from the account's numbers, and bought numbers whose
 * configuration failed are configured again. Scheduled by the jobs runner; numbers.get calls it
 * for one stale pending number.
 */
export async function pollNumberOrders(options: PollNumberOrdersOptions): Promise<PollNumberOrdersResult> {
  const { db, publisher } = options;
  const now = options.now ?? new Date();
  const scope: Prisma.TelnyxPhoneNumberWhereInput = {
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
    ...(options.numberId ? { id: options.numberId } : {}),
  };
  const staleBefore = new Date(now.getTime() - (options.olderThanMs ?? 30_000));
  const rows = await db.prisma.telnyxPhoneNumber.findMany({
    where: {
      ...scope,
      OR: [
        { status: "PURCHASE_PENDING", updatedAt: { lt: staleBefore } },
        {
          status: "ACTIVE",
          numberOrderId: { not: null },
          connectionId: null,
          updatedAt: { lt: staleBefore, gt: new Date(now.getTime() - RETRY_CONFIGURE_FOR_MS) },
        },
      ],
    },
    select: { id: true, organizationId: true, phoneNumber: true, status: true, numberOrderId: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: 200,
  });
  const result: PollNumberOrdersResult = { configured: 0, failed: 0, pending: 0, errors: [] };

  async function configure(gateway: TelnyxGateway, numberId: string) {
    const outcome = await configureBoughtNumber({ db, gateway, publisher, numberId });
    if (outcome === "configured") result.configured += 1;
    else if (outcome === "failed") result.failed += 1;
  }
  async function markFailed(row: (typeof rows)[number], reason: string) {
    const changed = await db.prisma.telnyxPhoneNumber.updateMany({
      where: { id: row.id, status: "PURCHASE_PENDING" },
      data: { status: "FAILED" },
    });
    if (changed.count === 0) return;
    result.failed += 1;
    await recordAudit(db, {
      organizationId: row.organizationId,
      action: "number.activate",
      targetType: "phone_number",
      targetId: row.id,
      result: "failed",
      details: { phoneNumber: row.phoneNumber, error: reason },
    });
    publishNumberUpdated(publisher, { ...row, status: "FAILED", updatedAt: new Date() });
  }

  const orders = new Map<string, NonNullable<Awaited<ReturnType<TelnyxGateway["retrieveNumberOrder"]>>>>();
  for (const row of rows) {
    try {
      const gateway = await options.gatewayFor(row.organizationId);
      if (row.status === "ACTIVE") {
        await configure(gateway, row.id);
      } else if (row.numberOrderId) {
        const order = orders.get(row.numberOrderId) ?? (await gateway.retrieveNumberOrder(row.numberOrderId));
        orders.set(row.numberOrderId, order);
        const status = orderedNumberStatus(order, row.phoneNumber);
        if (status === "success") await configure(gateway, row.id);
        else if (status === "failure") await markFailed(row, "Telnyx could not complete the number order.");
        else result.pending += 1;
      } else if (row.updatedAt.getTime() < now.getTime() - ORPHAN_AFTER_MS) {
        const owned = await gateway.listPhoneNumbers({ phoneNumber: row.phoneNumber });
        if (owned.some((number) => number.phoneNumber === row.phoneNumber)) await configure(gateway, row.id);
        else await markFailed(row, "The number order never reached Telnyx.");
      } else {
        result.pending += 1;
      }
    } catch (error) {
      result.errors.push(`${row.phoneNumber}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return result;
}
