/** Between the pure message state machine and the TelnyxMessage row (Decimal cost ↔ decimal string). */
import type { Prisma } from "@app/db/client";
import type { Tx } from "../webhooks/apply-types";
import type { MessageState } from "./message-state";

export const messageStateSelect = {
  id: true,
  status: true,
  cost: true,
  costCurrency: true,
  errorCode: true,
  errorTitle: true,
  errorDetail: true,
  sentAt: true,
  completedAt: true,
  lastEventAt: true,
} satisfies Prisma.TelnyxMessageSelect;

type StateRow = Prisma.TelnyxMessageGetPayload<{ select: typeof messageStateSelect }>;

export function stateOfRow(row: StateRow): MessageState {
  return {
    status: row.status,
    cost: row.cost === null ? null : row.cost.toFixed(),
    costCurrency: row.costCurrency,
    errorCode: row.errorCode,
    errorTitle: row.errorTitle,
    errorDetail: row.errorDetail,
    sentAt: row.sentAt,
    completedAt: row.completedAt,
    lastEventAt: row.lastEventAt,
  };
}

/** The columns to write for a state (cost stays a decimal string: Prisma stores it exactly). */
export function rowDataOfState(state: MessageState): Prisma.TelnyxMessageUpdateInput {
  return { ...state };
}

/** Locks one message row for the rest of the transaction (concurrent webhooks of a message serialize here). */
export async function lockMessageRow(
  tx: Tx,
  where: { id: string } | { telnyxId: string },
): Promise<{ id: string; organizationId: string } | null> {
  type Locked = Array<{ id: string; organizationId: string }>;
  const rows =
    "id" in where
      ? await tx.$queryRaw<Locked>`SELECT "id", "organizationId" FROM "TelnyxMessage" WHERE "id" = ${where.id} FOR UPDATE`
      : await tx.$queryRaw<Locked>`SELECT "id", "organizationId" FROM "TelnyxMessage" WHERE "telnyxId" = ${where.telnyxId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** The organization's lead for a phone number (the oldest when several share it). */
export async function findLeadIdByNumber(tx: Tx, organizationId: string, phoneNumber: string): Promise<string | null> {
  const lead = await tx.lead.findFirst({
    where: { organizationId, phoneNumber },
    select: { id: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return lead?.id ?? null;
}
