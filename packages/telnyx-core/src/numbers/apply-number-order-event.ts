import { recordAudit } from "../audit/record-audit";
import type { NumberOrder } from "../gateway/numbers-api";
import { NOT_OURS, type ApplyScope, type Emit, type EventApplier, type Tx } from "../webhooks/apply-types";
import { configureBoughtNumber } from "./configure-number";
import { numberUpdatedEmit } from "./number-events";

/** Outcome of one ordered number: its own status when Telnyx gives it, else the order's. */
export function orderedNumberStatus(order: NumberOrder, phoneNumber: string): "success" | "failure" | "pending" {
  const status = order.phoneNumbers.find((number) => number.phoneNumber === phoneNumber)?.status ?? order.status;
  if (order.status === "failure" || status === "failure") return "failure";
  return order.status === "success" && status === "success" ? "success" : "pending";
}

/** Our rows of an order (within `scope`): by order id, or — when the webhook beats the purchase's own write of the id — by number. */
export async function findOrderRows(tx: Tx, order: NumberOrder, scope: ApplyScope) {
  const phoneNumbers = order.phoneNumbers.map((number) => number.phoneNumber);
  const rows = await tx.telnyxPhoneNumber.findMany({
    where: {
      organizationId: { in: [...scope.organizationIds] },
      OR: [
        { numberOrderId: order.id },
        ...(order.customerReference && phoneNumbers.length > 0
          ? [
              {
                organizationId: order.customerReference,
                phoneNumber: { in: phoneNumbers },
                status: "PURCHASE_PENDING" as const,
                numberOrderId: null,
              },
            ]
          : []),
      ],
    },
    select: { id: true, organizationId: true, phoneNumber: true, status: true },
  });
  const organizationId = rows[0]?.organizationId;
  return rows.filter((row) => row.organizationId === organizationId);
}

/**
 * number_order.complete: failed numbers become FAILED in the transaction; bought ones are
 * configured in Telnyx after the commit (connection, tags, messaging profile), then ACTIVE.
 */
export const applyNumberOrderEvent: EventApplier = async (tx, event, services, scope) => {
  if (event.kind !== "number_order.complete") return NOT_OURS;
  const order = event.payload;
  const rows = await findOrderRows(tx, order, scope);
  const organizationId = rows[0]?.organizationId;
  if (!organizationId) return NOT_OURS;

  await tx.telnyxPhoneNumber.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, numberOrderId: null },
    data: { numberOrderId: order.id },
  });
  const emits: Emit[] = [];
  const failed: string[] = [];
  const bought: string[] = [];
  for (const row of rows.filter((candidate) => candidate.status === "PURCHASE_PENDING")) {
    const status = orderedNumberStatus(order, row.phoneNumber);
    if (status === "failure") {
      const updated = await tx.telnyxPhoneNumber.update({
        where: { id: row.id },
        data: { status: "FAILED" },
        select: { updatedAt: true },
      });
      emits.push(numberUpdatedEmit({ ...row, status: "FAILED", updatedAt: updated.updatedAt }));
      failed.push(row.phoneNumber);
    } else if (status === "success") {
      bought.push(row.id);
    }
  }

  const { db, publisher } = services;
  const afterCommit: Array<() => Promise<void>> = [];
  if (failed.length > 0) {
    afterCommit.push(() =>
      recordAudit(db, {
        organizationId,
        action: "number.activate",
        targetType: "number_order",
        targetId: order.id,
        result: "failed",
        details: { phoneNumbers: failed },
      }),
    );
  }
  if (bought.length > 0) {
    afterCommit.push(async () => {
      const gateway = await services.gatewayFor(organizationId);
      for (const numberId of bought) await configureBoughtNumber({ db, gateway, publisher, numberId });
    });
  }
  return { organizationId, emits, afterCommit };
};
