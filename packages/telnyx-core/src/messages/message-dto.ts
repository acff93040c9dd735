import type { Prisma } from "@app/db/client";
import type { TMessageDto } from "../realtime/events";

/** Every column a TMessageDto needs, with the lead's name. */
export const messageSelect = {
  id: true,
  direction: true,
  status: true,
  type: true,
  fromNumber: true,
  toNumber: true,
  counterpartNumber: true,
  text: true,
  mediaUrls: true,
  encoding: true,
  parts: true,
  leadId: true,
  userId: true,
  cost: true,
  costCurrency: true,
  errorCode: true,
  errorTitle: true,
  errorDetail: true,
  sentAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  lead: { select: { firstName: true, lastName: true } },
} satisfies Prisma.TelnyxMessageSelect;

export type MessageRow = Prisma.TelnyxMessageGetPayload<{ select: typeof messageSelect }>;

export function leadNameOf(lead: { firstName: string; lastName: string } | null | undefined): string | null {
  if (!lead) return null;
  return `${lead.firstName} ${lead.lastName}`.trim() || null;
}

export function toMessageDto(row: MessageRow): TMessageDto {
  const { lead, cost, ...rest } = row;
  return { ...rest, cost: cost === null ? null : cost.toFixed(), leadName: leadNameOf(lead) };
}
