/**
 * What happens after a call event is committed (DESIGN.md §2, TELNYX.md §3): an agent call runs as
 * a conference of the agent leg and the customer leg. Outbound: agent answers → conference around
 * the agent leg, customer dialed → customer answers → joins. Inbound: the agent accepts → customer
 * leg answered → conference around it, agent device dialed → agent answers → joins. One side hangs
 * up → the other is hung up. A saved recording is downloaded. Telnyx commands never run inside the
 * transaction.
 */
import type { ApplyServices } from "../webhooks/apply-types";
import { planConsultFlows } from "./call-consult-flows";
import { applyHandOff } from "./call-handoff";
import { encodeCallClientState, type CallClientState } from "./call-client-state";
import type { LockedCall } from "./call-row-sql";
import type { CallSignal } from "./call-signal";
import type { CallFacts } from "./call-state";
import { storeCallRecording } from "./store-recording";

export interface FlowContext {
  services: ApplyServices;
  call: LockedCall;
  ids: { customer: string | null; agent: string | null; conference: string | null };
  signal: CallSignal;
  facts: CallFacts;
  isTerminal: boolean;
  clientState: CallClientState | null;
  /** The call's organization's client_state secret (legs dialed here carry our MAC). */
  clientStateSecret: string;
  /** Telnyx id of the organization's default Call Control application (when a dial may follow). */
  connectionId: string | null;
  /** Device of the call's agent (inbound: dialed once the customer leg is answered). */
  agentDevice: string | null;
}

type Task = () => Promise<void>;

async function saveConferenceId(ctx: FlowContext, conferenceId: string): Promise<void> {
  await ctx.services.db.prisma.telnyxCall.updateMany({
    where: { id: ctx.call.id, conferenceId: null },
    data: { conferenceId },
  });
}

/** Outbound: the agent picked up — put them in a conference and ring the customer into it. */
function startOutboundConference(ctx: FlowContext, agentCcid: string): Task {
  return async () => {
    const gateway = await ctx.services.gatewayFor(ctx.call.organizationId);
    const conference = await gateway.createConference({
      callControlId: agentCcid,
      name: ctx.call.id,
      beepEnabled: "never",
    });
    await saveConferenceId(ctx, conference.id);
    if (!ctx.connectionId) throw new Error(`organization ${ctx.call.organizationId} has no Call Control application`);
    try {
      const dial = await gateway.dial({
        connectionId: ctx.connectionId,
        from: ctx.call.fromNumber,
        to: ctx.call.toNumber,
        clientState: encodeCallClientState({ callId: ctx.call.id, leg: "customer" }, ctx.clientStateSecret),
        linkTo: agentCcid,
        timeoutSecs: 30,
        record: ctx.call.isRecording ? { channels: "single", format: "mp3" } : undefined,
      });
      await ctx.services.db.prisma.telnyxCall.updateMany({
        where: { id: ctx.call.id, callControlId: null },
        data: { callControlId: dial.callControlId },
      });
    } catch (error) {
      // The agent must not stay on a silent line: hanging up ends the call (its hangup is applied as usual).
      await gateway.hangup(agentCcid).catch(() => undefined);
      throw error;
    }
  };
}

/** Inbound: the customer leg is answered — conference around it, then ring the agent's device. */
function startInboundConference(ctx: FlowContext, customerCcid: string): Task {
  return async () => {
    const gateway = await ctx.services.gatewayFor(ctx.call.organizationId);
    const conference = await gateway.createConference({
      callControlId: customerCcid,
      name: ctx.call.id,
      beepEnabled: "never",
    });
    await saveConferenceId(ctx, conference.id);
    if (!ctx.connectionId || !ctx.agentDevice || !ctx.call.userId)
      throw new Error(`inbound call ${ctx.call.id} has no agent device to ring`);
    const dial = await gateway.dial({
      connectionId: ctx.connectionId,
      from: ctx.call.toNumber,
      to: ctx.agentDevice,
      clientState: encodeCallClientState(
        { callId: ctx.call.id, leg: "agent", userId: ctx.call.userId },
        ctx.clientStateSecret,
      ),
      linkTo: customerCcid,
      timeoutSecs: 30,
    });
    await ctx.services.db.prisma.telnyxCall.updateMany({
      where: { id: ctx.call.id, agentCallControlId: null },
      data: { agentCallControlId: dial.callControlId },
    });
  };
}

function joinConference(ctx: FlowContext, conferenceId: string, ccid: string, replaces?: string): Task {
  return async () => {
    const gateway = await ctx.services.gatewayFor(ctx.call.organizationId);
    await gateway.joinConference(conferenceId, { callControlId: ccid });
    if (!replaces) return;
    // Agent transfer: the new agent is in; the first one is told at once, then leaves.
    const toUserId = ctx.clientState?.userId;
    const colleague = toUserId
      ? await ctx.services.db.prisma.user.findUnique({ where: { id: toUserId }, select: { name: true } })
      : null;
    if (toUserId && colleague) {
      const from = ctx.call.userId && ctx.call.userId !== toUserId ? { fromUserId: ctx.call.userId } : {};
      await applyHandOff(ctx.services, ctx.call.id, { type: "transferred", to: colleague.name, toUserId, ...from });
    }
    await gateway.leaveConference(conferenceId, { callControlId: replaces }).catch(() => undefined);
    // Already gone when the call came from a queue it was transferred to.
    await gateway.hangup(replaces).catch(() => undefined);
  };
}

function hangupLeg(ctx: FlowContext, ccid: string): Task {
  return async () => (await ctx.services.gatewayFor(ctx.call.organizationId)).hangup(ccid);
}

function storeRecording(ctx: FlowContext, signal: Extract<CallSignal, { type: "recording" }>): Task {
  return () => storeCallRecording(ctx.services, ctx.call, { mp3: signal.mp3, wav: signal.wav });
}

export function planCallFlows(ctx: FlowContext): Task[] {
  const { signal, ids, facts, call } = ctx;
  const tasks: Task[] = [];
  const ccid = signal.leg === "customer" ? ids.customer : signal.leg === "agent" ? ids.agent : null;
  if (signal.type === "answered" && !ctx.isTerminal && ccid) {
    if (signal.leg === "agent" && ctx.clientState?.replaces && ids.conference) {
      tasks.push(joinConference(ctx, ids.conference, ccid, ctx.clientState.replaces));
    } else if (signal.leg === "agent" && call.direction === "OUTBOUND" && !ids.customer) {
      tasks.push(startOutboundConference(ctx, ccid));
    } else if (signal.leg === "agent" && call.direction === "INBOUND" && ids.conference) {
      tasks.push(joinConference(ctx, ids.conference, ccid));
    } else if (signal.leg === "customer" && call.direction === "OUTBOUND" && ids.conference) {
      tasks.push(joinConference(ctx, ids.conference, ccid));
    } else if (signal.leg === "customer" && call.direction === "INBOUND" && !ids.conference && !signal.routing) {
      tasks.push(startInboundConference(ctx, ccid));
    }
  }
  // The conference webhook came after the customer answered: join now.
  const isLateConference = signal.type === "conference" && !signal.ended && call.direction === "OUTBOUND";
  if (isLateConference && facts.answeredAt && !facts.customerJoinedAt && ids.customer && !ctx.isTerminal) {
    tasks.push(joinConference(ctx, signal.conferenceId, ids.customer));
  }
  if (signal.type === "hangup" && signal.leg !== "other") {
    const other = signal.leg === "customer" ? ids.agent : ids.customer;
    const otherHungUp = signal.leg === "customer" ? facts.agentHangup : facts.customerHangup;
    // Away to a number or a queue, and not since taken by a colleague (answered from the queue).
    const isTransferredAway = signal.leg === "agent" && facts.transferredAt !== null && !facts.transfer?.toUserId;
    if (other && !otherHungUp && !isTransferredAway) tasks.push(hangupLeg(ctx, other));
  }
  if (signal.type === "recording" && facts.recording?.eventId === signal.eventId)
    tasks.push(storeRecording(ctx, signal));
  tasks.push(...planConsultFlows(ctx));
  return tasks;
}
