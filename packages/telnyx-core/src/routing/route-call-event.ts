/**
 * Inbound routing's part of applying a call event (called by apply-call-event.ts inside its transaction, after the
 * call's row was derived): a new routed call enters its queue or voicemail; call.enqueued starts the ringing;
 * call.dequeued with `timeout` (the max wait) sends the caller to voicemail; the greeting's end starts the
 * recording; the caller hanging up ends the wait (missed); an ended voicemail or missed call joins the callback
 * list. Telnyx commands are returned as follow-ups, run after the commit.
 */
import type { CallClientState } from "../calls/call-client-state";
import type { CallWebhookEvent } from "../calls/call-match";
import type { LockedCallRow } from "../calls/call-row-sql";
import type { CallSignal } from "../calls/call-signal";
import type { CallFacts, InboundOutcomeValue } from "../calls/call-state";
import type { ApplyServices, Emit, Tx } from "../webhooks/apply-types";
import { upsertCallback } from "./callbacks";
import type { InboundPlan } from "./inbound-plan";
import { enterMenu, followMenuKey } from "./ivr-route";
import { readQueues } from "./queue-dto";
import { closeEntry, lockQueueEntry, offerNext } from "./queue-ring";
import {
  announcePosition,
  answerToVoicemail,
  enqueueCaller,
  greetVoicemail,
  hangupCustomer,
  holdInQueue,
  recordVoicemail,
  type RoutedCall,
} from "./routing-flows";

type Task = () => Promise<void>;

export interface RouteEventContext {
  event: CallWebhookEvent;
  signal: CallSignal;
  facts: CallFacts;
  call: LockedCallRow;
  /** Set when this event created the call (call.initiated). */
  plan: InboundPlan | null;
  isTerminal: boolean;
  inboundOutcome: InboundOutcomeValue | null;
  customerCcid: string | null;
  /** The event's verified client_state (an IVR menu's names the menu and its retries). */
  clientState: CallClientState | null;
  services: ApplyServices;
}

export interface RouteEventResult {
  emits: Emit[];
  afterCommit: Task[];
}

/** The queue's figures changed: every screen showing queues (and the wallboard) gets the new ones. */
export async function queueUpdatedEmits(tx: Tx, organizationId: string, queueId: string): Promise<Emit[]> {
  const [queue] = await readQueues(tx, organizationId, { queueIds: [queueId] });
  return queue ? [{ scope: "org", id: organizationId, event: "queue:updated", payload: queue }] : [];
}

export async function routeCallEvent(tx: Tx, ctx: RouteEventContext): Promise<RouteEventResult> {
  const { call, signal, facts, services } = ctx;
  const result: RouteEventResult = { emits: [], afterCommit: [] };
  // Outbound calls take part once an agent transferred them to a queue.
  if ((call.direction !== "INBOUND" && !call.queueId) || !ctx.customerCcid) return result;
  const routed: RoutedCall = {
    id: call.id,
    organizationId: call.organizationId,
    callControlId: ctx.customerCcid,
    clientStateSecret: call.clientStateSecret,
  };
  const now = new Date();
  let isQueueChanged = false;

  if (ctx.plan?.kind === "queue") {
    await tx.queueEntry.create({
      data: { organizationId: call.organizationId, queueId: ctx.plan.queueId, callId: call.id },
    });
    isQueueChanged = true;
    result.afterCommit.push(holdInQueue(services, routed, ctx.plan));
  } else if (ctx.plan?.kind === "voicemail") {
    result.afterCommit.push(answerToVoicemail(services, routed));
  } else if (ctx.plan?.kind === "ivr") {
    result.afterCommit.push(await enterMenu(tx, services, routed, ctx.plan.menuId));
  }

  // The caller answered a menu: on to where the key leads (only while still in the menus).
  let queueId = ctx.plan?.kind === "queue" ? ctx.plan.queueId : call.queueId;
  if (
    ctx.event.kind === "call.gather.ended" &&
    signal.leg === "customer" &&
    ctx.clientState?.routing === "ivr" &&
    // Ended by the caller's hangup or our own stop: nobody to say the menu to.
    !["call_hangup", "cancelled", "cancelled_amd"].includes(ctx.event.payload.status ?? "") &&
    !call.queueId &&
    !facts.voicemailAt &&
    !ctx.isTerminal
  ) {
    const step = await followMenuKey(tx, {
      services,
      call: routed,
      state: ctx.clientState,
      digits: ctx.event.payload.digits,
      at: now,
    });
    result.afterCommit.push(...step.afterCommit);
    if (step.queueId) {
      await tx.telnyxCall.update({ where: { id: call.id }, data: { queueId: step.queueId } });
      queueId = step.queueId;
      isQueueChanged = true;
    }
  }

  const isCustomer = signal.leg === "customer";
  const entry = call.queueId && !ctx.plan ? await lockQueueEntry(tx, { callId: call.id }) : null;
  if (entry?.status === "WAITING") {
    if (isCustomer && signal.type === "enqueued") {
      const marked = await tx.queueEntry.updateMany({
        where: { id: entry.id, enqueuedAt: null },
        data: { enqueuedAt: new Date(signal.at) },
      });
      if (marked.count > 0) result.emits.push(...(await offerNext(tx, entry, now)));
      const position = ctx.event.kind === "call.enqueued" ? ctx.event.payload.currentPosition : undefined;
      if (marked.count > 0 && entry.announcePosition && position !== undefined)
        result.afterCommit.push(announcePosition(services, routed, position));
      isQueueChanged = true;
    } else if (
      ctx.event.kind === "call.speak.ended" &&
      signal.routing === "hold" &&
      !entry.enqueuedAt &&
      // An earlier wait (before an agent transferred the call back to a queue) does not count.
      !(facts.enqueuedAt && !facts.transferredAt) &&
      !ctx.isTerminal
    ) {
      // The hold message was said: now into the queue.
      result.afterCommit.push(enqueueCaller(services, routed, entry));
    } else if (isCustomer && signal.type === "dequeued" && signal.reason === "timeout" && !ctx.isTerminal) {
      result.emits.push(...(await closeEntry(tx, entry, "VOICEMAIL", now)));
      result.afterCommit.push(greetVoicemail(services, routed));
      isQueueChanged = true;
    } else if (ctx.isTerminal) {
      result.emits.push(...(await closeEntry(tx, entry, "MISSED", now)));
      // Transferred to the queue after an agent answered: the outcome stays answered, yet the team calls back.
      if (facts.transferredAt && ctx.inboundOutcome === "ANSWERED")
        result.emits.push(...(await upsertCallback(tx, call, "MISSED")));
      isQueueChanged = true;
    }
  }

  // The greeting ended: the message is recorded after a beep.
  if (ctx.event.kind === "call.speak.ended" && signal.routing === "voicemail" && !ctx.isTerminal && !facts.recording)
    result.afterCommit.push(recordVoicemail(services, routed));
  // The message reached its longest length while the caller is still on the line: the call ends.
  if (signal.type === "recording" && facts.voicemailAt && !ctx.isTerminal)
    result.afterCommit.push(hangupCustomer(services, routed));

  if (ctx.isTerminal && (ctx.inboundOutcome === "VOICEMAIL" || ctx.inboundOutcome === "MISSED"))
    result.emits.push(...(await upsertCallback(tx, call, ctx.inboundOutcome)));
  if (isQueueChanged && queueId) result.emits.push(...(await queueUpdatedEmits(tx, call.organizationId, queueId)));
  return result;
}
