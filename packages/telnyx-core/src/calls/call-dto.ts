import type { Prisma } from "@app/db/client";
import type { TCallDto } from "../realtime/events";

/** What a call looks like to the UI and the API (never the raw row). */
export const callDtoSelect = {
  id: true,
  organizationId: true,
  direction: true,
  status: true,
  fromNumber: true,
  toNumber: true,
  leadId: true,
  userId: true,
  phoneNumberId: true,
  isMuted: true,
  isOnHold: true,
  isRecording: true,
  hangupCause: true,
  hangupSource: true,
  startedAt: true,
  answeredAt: true,
  endedAt: true,
  durationSecs: true,
  billedSecs: true,
  cost: true,
  costCurrency: true,
  recordingPath: true,
  recordingUnavailable: true,
  mos: true,
  createdAt: true,
  updatedAt: true,
  lead: { select: { firstName: true, lastName: true } },
  user: { select: { name: true } },
} as const satisfies Prisma.TelnyxCallSelect;

export type CallDtoRow = Prisma.TelnyxCallGetPayload<{ select: typeof callDtoSelect }>;

export function toCallDto(row: CallDtoRow): TCallDto {
  return {
    id: row.id,
    direction: row.direction,
    status: row.status,
    fromNumber: row.fromNumber,
    toNumber: row.toNumber,
    leadId: row.leadId,
    leadName: row.lead ? `${row.lead.firstName} ${row.lead.lastName}`.trim() : null,
    userId: row.userId,
    agentName: row.user?.name ?? null,
    phoneNumberId: row.phoneNumberId,
    isMuted: row.isMuted,
    isOnHold: row.isOnHold,
    isRecording: row.isRecording,
    hangupCause: row.hangupCause,
    hangupSource: row.hangupSource,
    startedAt: row.startedAt,
    answeredAt: row.answeredAt,
    endedAt: row.endedAt,
    durationSecs: row.durationSecs,
    billedSecs: row.billedSecs,
    cost: row.cost?.toString() ?? null,
    costCurrency: row.costCurrency,
    hasRecording: row.recordingPath !== null,
    recordingUnavailable: row.recordingUnavailable,
    mos: row.mos?.toFixed(2) ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
