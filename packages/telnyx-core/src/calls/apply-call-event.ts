/**
 * Applies Call Control and conference webhooks to calls: match the call (and the leg), lock its
 * row, add the event to its timeline (a duplicate is a no-op), re-derive the row from all of its
 * signals (call-state.ts — order-tolerant), push the DTO live, and hand the follow-up Telnyx
 * commands (call-flows.ts) to the processor to run after the commit.
 */
import type { Prisma } from "@app/db/client";
import { countryOf } from "../phone/phone-numbers";
import {
  NOT_OURS,
  type ApplyOutcome,
  type ApplyScope,
  type Emit,
  type EventApplier,
  type Tx,
} from "../webhooks/apply-types";
import { callDtoSelect, toCallDto } from "./call-dto";
import { planCallFlows } from "./call-flows";
import { clientStateSecretOf } from "./call-client-state";
import { createInboundCall } from "./call-inbound";
import { isCallWebhookEvent, matchCall, type CallMatch, type CallWebhookEvent, type LockedCall } from "./call-match";
import { signalFromRow, toCallSignal } from "./call-signal";
import { deriveCallState, foldCallSignals, isTerminalStatus, terminalHangupOf, type CallFacts } from "./call-state";
import { agentEmitsForCall } from "../agents/agent-presence";
import { callStatsEmits, callStatsSelect } from "../stats/stats-delta";
import { supervisionFlows } from "./supervise-call";

const VOICE_RATE = "voice_per_minute";

/** The organization's per-minute rate for the remote party's country (US when unknown). */
async function voiceRateFor(tx: Tx, call: LockedCall): Promise<{ amount: string; currency: string } | null> {
  const remote = call.direction === "OUTBOUND" ? call.toNumber : call.fromNumber;
  const countries = [...new Set([countryOf(remote) ?? "US", "US"])];
  const rates = await tx.rate.findMany({
    where: { organizationId: call.organizationId, kind: VOICE_RATE, countryCode: { in: countries } },
  });
  const rate = countries.map((country) => rates.find((r) => r.countryCode === country)).find(Boolean);
  return rate ? { amount: rate.amount.toString(), currency: rate.currency } : null;
}

function needsRate(facts: CallFacts): boolean {
  return terminalHangupOf(facts) !== null && Object.keys(facts.costs).length === 0;
}

async function defaultConnectionId(tx: Tx, organizationId: string): Promise<string | null> {
  const connection = await tx.telnyxConnection.findFirst({
    where: { organizationId, kind: "CALL_CONTROL_APPLICATION", active: true },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
    select: { telnyxId: true },
  });
  return connection?.telnyxId ?? null;
}

async function matchOrCreate(
  tx: Tx,
  event: CallWebhookEvent,
  scope: ApplyScope,
): Promise<(CallMatch & { ringUserIds?: string[] }) | null> {
  const match = await matchCall(tx, event, scope);
  if (match || event.kind !== "call.initiated") return match;
  const inbound = await createInboundCall(tx, event, scope);
  if (!inbound) return null;
  const clientStateSecret = await clientStateSecretOf(tx, inbound.call.organizationId);
  return {
    call: inbound.call,
    leg: "customer",
    clientState: null,
    clientStateSecret,
    adopt: {},
    ringUserIds: inbound.ringUserIds,
  };
}

export const applyCallEvent: EventApplier = async (tx, event, services, scope): Promise<ApplyOutcome> => {
  if (!isCallWebhookEvent(event)) return NOT_OURS;
  const match = await matchOrCreate(tx, event, scope);
  if (!match) return NOT_OURS;
  const { call, leg } = match;
  const signal = toCallSignal(event, leg);
  const inserted = await tx.callEvent.createMany({
    data: [
      {
        callId: call.id,
        eventId: event.id,
        eventType: event.kind,
        occurredAt: event.occurredAt,
        payload: signal as unknown as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return { organizationId: call.organizationId, emits: [] };
  // Before the update: for the dashboard's live counters and the agent's ON_CALL state.
  const before = match.ringUserIds
    ? null
    : await tx.telnyxCall.findUnique({ where: { id: call.id }, select: callStatsSelect });

  const rows = await tx.callEvent.findMany({ where: { callId: call.id }, select: { payload: true } });
  const facts = foldCallSignals(rows.map(signalFromRow));
  const derived = deriveCallState(facts, needsRate(facts) ? await voiceRateFor(tx, call) : null);
  const isTerminal = isTerminalStatus(derived.status);
  const isCustomerIds = leg === "customer" && event.payload.callLegId;
  const row = await tx.telnyxCall.update({
    where: { id: call.id },
    data: {
      ...match.adopt,
      ...(isCustomerIds
        ? { callLegId: event.payload.callLegId, callSessionId: event.payload.callSessionId ?? null }
        : {}),
      ...derived,
      startedAt: call.startedAt ?? derived.startedAt,
      conferenceId: derived.conferenceId ?? call.conferenceId,
      recordingId: derived.recordingId ?? call.recordingId,
      ...(isTerminal || signal.type === "recording" ? { isRecording: false } : {}),
      ...(isTerminal ? { isMuted: false, isOnHold: false } : {}),
    },
    select: { ...callDtoSelect, ...callStatsSelect },
  });

  const dto = toCallDto(row);
  const emits: Emit[] = [
    { scope: "org", id: call.organizationId, event: match.ringUserIds ? "call:created" : "call:updated", payload: dto },
  ];
  for (const userId of match.ringUserIds ?? [])
    emits.push({ scope: "user", id: userId, event: "call:incoming", payload: { call: dto } });
  emits.push(...callStatsEmits(before, row), ...(await agentEmitsForCall(tx, call.organizationId, before, row)));

  const ids = {
    customer: (match.adopt.callControlId as string | undefined) ?? call.callControlId,
    agent: (match.adopt.agentCallControlId as string | undefined) ?? call.agentCallControlId,
    conference: derived.conferenceId ?? call.conferenceId,
  };
  const mayDial = signal.type === "answered" && !isTerminal;
  const agent =
    mayDial && call.direction === "INBOUND" && call.userId
      ? await tx.user.findUnique({ where: { id: call.userId }, select: { agentDevice: true } })
      : null;
  const afterCommit = planCallFlows({
    services,
    call,
    ids,
    signal,
    facts,
    isTerminal,
    clientState: match.clientState,
    clientStateSecret: match.clientStateSecret,
    connectionId: mayDial ? await defaultConnectionId(tx, call.organizationId) : null,
    agentDevice: agent?.agentDevice ?? null,
  });
  const supervision = await supervisionFlows(tx, {
    call: {
      id: call.id,
      organizationId: call.organizationId,
      conferenceId: ids.conference,
      agentCallControlId: ids.agent,
    },
    ccid: event.payload.callControlId,
    signal,
    clientState: match.clientState,
    isTerminal,
    services,
  });
  return { organizationId: call.organizationId, emits, afterCommit: [...afterCommit, ...supervision] };
};
