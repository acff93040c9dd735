import type { TCallDto, TMessageDto } from "@app/telnyx-core/realtime/events";

const base = new Date("2026-03-02T09:00:00.000Z");

export function minutes(offset: number): Date {
  return new Date(base.getTime() + offset * 60_000);
}

export function makeCall(overrides: Partial<TCallDto> & Pick<TCallDto, "id">): TCallDto {
  return {
    direction: "OUTBOUND",
    status: "INITIATED",
    fromNumber: "+33757650100",
    toNumber: "+33612340030",
    leadId: "lead-1",
    leadName: "Élodie Bérard",
    userId: "agent-1",
    agentName: "Thomas Dubois",
    phoneNumberId: "num-1",
    isMuted: false,
    isOnHold: false,
    isRecording: false,
    hangupCause: null,
    hangupSource: null,
    startedAt: minutes(0),
    answeredAt: null,
    endedAt: null,
    durationSecs: null,
    billedSecs: null,
    cost: null,
    costCurrency: null,
    hasRecording: false,
    recordingUnavailable: false,
    mos: null,
    transferredAt: null,
    transferredTo: null,
    transferredFromUserId: null,
    consultUserId: null,
    consultName: null,
    consultAnsweredAt: null,
    createdAt: minutes(0),
    updatedAt: minutes(0),
    ...overrides,
  };
}

export function makeMessage(overrides: Partial<TMessageDto> & Pick<TMessageDto, "id">): TMessageDto {
  return {
    direction: "OUTBOUND",
    status: "QUEUED",
    type: "SMS",
    fromNumber: "+33757650100",
    toNumber: "+33612345678",
    counterpartNumber: "+33612345678",
    text: "Bonjour",
    mediaUrls: [],
    encoding: "GSM-7",
    parts: 1,
    leadId: "lead-1",
    leadName: "Élodie Bérard",
    userId: "agent-1",
    cost: null,
    costCurrency: null,
    errorCode: null,
    errorTitle: null,
    errorDetail: null,
    sentAt: null,
    completedAt: null,
    createdAt: minutes(0),
    updatedAt: minutes(0),
    ...overrides,
  };
}
