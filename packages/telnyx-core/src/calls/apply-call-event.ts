/**
 * Applies Call Control and conference webhooks to calls: match the call (and the leg), lock its
 * row, add the event to its timeline (a duplicate is a no-op), re-derive the row from all of its
 * signals (call-state.ts — order-tolerant), push the DTO live, and hand the follow-up Telnyx
 * commands (call-flows.ts) to the processor to run after the commit.
 */
import { countryOf } from "../phone/phone-numbers";
import {
  NOT_OURS,
  type ApplyOutcome,
  type ApplyScope,
  type Emit,
  type EventApplier,
  type Tx,
} from "../webhooks/apply-types";
import { toCallDto } from "./call-dto";
import { writeCallEvent } from "./call-event-write";
import { planCallFlows } from "./call-flows";
import { createInboundCall } from "./call-inbound";
import { isCallWebhookEvent, matchCall, type CallMatch, type CallWebhookEvent } from "./call-match";
import { readVoiceRates, type LockedCall, type VoiceRate } from "./call-row-sql";
import { toCallSignal } from "./call-signal";
import { deriveCallState, foldCallSignals, isTerminalStatus, terminalHangupOf, type CallFacts } from "./call-state";
import { agentEmitsForCall } from "../agents/agent-presence";
import { callStatsEmits } from "../stats/stats-delta";
import { hangupSupervisorLegs, supervisorLegFlows } from "./supervise-call";
import type { InboundPlan } from "../routing/inbound-plan";
import { routeCallEvent } from "../routing/route-call-event";

/** Where the organization's per-minute rate is looked up: the remote party's country, then US. */
function rateCountriesOf(call: LockedCall): string[] {
  const remote = call.direction === "OUTBOUND" ? call.toNumber : call.fromNumber;
  return [...new Set([countryOf(remote) ?? "US", "US"])];
}

/** The organization's per-minute rate for the remote party's country (US when unknown). */
async function voiceRateOf(tx: Tx, call: LockedCall): Promise<VoiceRate | null> {
  const countries = rateCountriesOf(call);
  const rates = await readVoiceRates(tx, call.organizationId, countries);
  return countries.map((country) => rates.find((r) => r.countryCode === country)).find(Boolean) ?? null;
}

function needsRate(facts: CallFacts): boolean {
  return terminalHangupOf(facts) !== null && Object.keys(facts.costs).length === 0;
}

async function matchOrCreate(
  tx: Tx,
  event: CallWebhookEvent,
  scope: ApplyScope,
): Promise<(CallMatch & { ringUserIds?: string[]; plan?: InboundPlan }) | null> {
  const match = await matchCall(tx, event, scope);
  if (match || event.kind !== "call.initiated") return match;
  const inbound = await createInboundCall(tx, event, scope);
  if (!inbound) return null;
  return {
    call: inbound.call,
    signals: [],
    isNew: true,
    leg: "customer",
    clientState: null,
    adopt: {},
    ringUserIds: inbound.ringUserIds,
    plan: inbound.plan,
  };
}

export const applyCallEvent: EventApplier = async (tx, event, services, scope): Promise<ApplyOutcome> => {
  if (!isCallWebhookEvent(event)) return NOT_OURS;
  const match = await matchOrCreate(tx, event, scope);
  if (!match) return NOT_OURS;
  const { call, leg } = match;
  const organizationId = call.organizationId;
  const signal = toCallSignal(event, leg, match.clientState?.routing);
  // Already applied (Telnyx retries, or another instance got there first): nothing changes.
  if (match.signals.some((s) => s.eventId === signal.eventId)) return { organizationId, emits: [] };
  const facts = foldCallSignals([...match.signals, signal]);
  const derived = deriveCallState(facts, needsRate(facts) ? await voiceRateOf(tx, call) : null);
  const isTerminal = isTerminalStatus(derived.status);
  const ids = {
    customer: match.adopt.callControlId ?? call.callControlId,
    agent: match.adopt.agentCallControlId ?? call.agentCallControlId,
    conference: derived.conferenceId ?? call.conferenceId,
  };
  const ccid = event.payload.callControlId;
  const supervisorTasks = await supervisorLegFlows(tx, {
    call: { id: call.id, organizationId, conferenceId: ids.conference, agentCallControlId: ids.agent },
    ccid,
    signal,
    clientState: match.clientState,
    isTerminal,
    services,
  });
  const mayDial = signal.type === "answered" && !isTerminal;
  const written = await writeCallEvent(
    tx,
    call,
    signal,
    {
      derived: {
        ...derived,
        startedAt: call.startedAt ?? derived.startedAt,
        conferenceId: ids.conference,
        recordingId: derived.recordingId ?? call.recordingId,
      },
      adopt: match.adopt,
      legIds:
        leg === "customer" && event.payload.callLegId
          ? { callLegId: event.payload.callLegId, callSessionId: event.payload.callSessionId ?? null }
          : null,
      isTerminal,
    },
    {
      connection: mayDial,
      agentUserId: mayDial && call.direction === "INBOUND" ? call.userId : null,
    },
  );
  if (!written) return { organizationId, emits: [] };
  const { row } = written;

  const dto = toCallDto(row);
  // Before = the locked row, for the dashboard's live counters and the agent's ON_CALL state.
  const before = match.isNew ? null : { ...call, organization: { timeZone: call.timeZone } };
  const emits: Emit[] = [
    { scope: "org", id: organizationId, event: match.ringUserIds ? "call:created" : "call:updated", payload: dto },
  ];
  for (const userId of match.ringUserIds ?? [])
    emits.push({ scope: "user", id: userId, event: "call:incoming", payload: { call: dto } });
  emits.push(...callStatsEmits(before, row), ...(await agentEmitsForCall(tx, organizationId, before, row)));

  const routing = await routeCallEvent(tx, {
    event,
    signal,
    facts,
    call: { ...call, queueId: row.queueId },
    plan: match.plan && match.plan.kind !== "legacy" ? match.plan : null,
    isTerminal,
    inboundOutcome: derived.inboundOutcome,
    customerCcid: ids.customer,
    clientState: match.clientState,
    services,
  });
  emits.push(...routing.emits);

  const afterCommit = planCallFlows({
    services,
    call,
    ids,
    signal,
    facts,
    isTerminal,
    clientState: match.clientState,
    clientStateSecret: call.clientStateSecret,
    connectionId: written.connectionId,
    agentDevice: written.agentDevice,
  });
  return {
    organizationId,
    emits,
    afterCommit: [
      ...afterCommit,
      ...routing.afterCommit,
      ...supervisorTasks,
      ...hangupSupervisorLegs(services, organizationId, written.endedSupervisionLegs),
    ],
  };
};
