/**
 * Telnyx commands of inbound routing, run after the commit (never inside a transaction): hold a caller in a queue
 * (answer, hold message, enqueue), take them to voicemail (greeting, then record with a beep once the greeting
 * ended), and connect the agent who answers from the queue (leave_queue, then the usual conference flow).
 */
import type { TelnyxGateway } from "../gateway/telnyx-gateway";
import { encodeCallClientState } from "../calls/call-client-state";
import type { ApplyServices } from "../webhooks/apply-types";

/** Spoken before the beep when the organization has not written its own greeting. */
export const DEFAULT_VOICEMAIL_GREETING =
  "Sorry, nobody can take your call right now. Please leave a message after the beep, and we will call you back.";
/** Longest voicemail message, in seconds. */
export const VOICEMAIL_MAX_SECS = 120;

export interface RoutedCall {
  id: string;
  organizationId: string;
  callControlId: string;
  clientStateSecret: string;
}

type Task = () => Promise<void>;

const stateOf = (call: RoutedCall, routing: "hold" | "voicemail") =>
  encodeCallClientState({ callId: call.id, leg: "customer", routing }, call.clientStateSecret);

type FlowServices = Pick<ApplyServices, "db" | "gatewayFor">;

async function greetingOf(services: Pick<ApplyServices, "db">, organizationId: string): Promise<string> {
  const org = await services.db.prisma.organization.findUnique({
    where: { id: organizationId },
    select: { voicemailGreeting: true },
  });
  return org?.voicemailGreeting?.trim() || DEFAULT_VOICEMAIL_GREETING;
}

async function speakGreeting(services: FlowServices, gateway: TelnyxGateway, call: RoutedCall): Promise<void> {
  await gateway.speak(call.callControlId, {
    text: await greetingOf(services, call.organizationId),
    voice: "female",
    language: "en-US",
    clientState: stateOf(call, "voicemail"),
  });
}

/** Voicemail at once (out of hours, nobody available, route to voicemail): answer, then the greeting. */
export function answerToVoicemail(services: FlowServices, call: RoutedCall): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    await gateway.answer(call.callControlId, { clientState: stateOf(call, "voicemail") });
    await speakGreeting(services, gateway, call);
  };
}

/** The caller waited too long (call.dequeued timeout): the greeting, on the already answered leg. */
export function greetVoicemail(services: ApplyServices, call: RoutedCall): Task {
  return async () => speakGreeting(services, await services.gatewayFor(call.organizationId), call);
}

/** The greeting ended: record the message, after a beep. */
export function recordVoicemail(services: ApplyServices, call: RoutedCall): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    await gateway.startRecording(call.callControlId, {
      channels: "single",
      format: "mp3",
      playBeep: true,
      maxLengthSecs: VOICEMAIL_MAX_SECS,
      clientState: stateOf(call, "voicemail"),
    });
  };
}

/**
 * Hold the caller in the queue: answer, then enqueue (Telnyx plays the hold music and enforces the max wait) — or,
 * with a hold message, say it first: the enqueue follows its call.speak.ended (enqueueCaller), so the music does
 * not cut it off.
 */
export function holdInQueue(
  services: FlowServices,
  call: RoutedCall,
  queue: { queueId: string; maxWaitSecs: number; holdMessage: string | null },
  /** The leg was answered already (an IVR menu led here). */
  isAnswered = false,
): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    const clientState = stateOf(call, "hold");
    if (!isAnswered) await gateway.answer(call.callControlId, { clientState });
    if (queue.holdMessage) {
      await gateway.speak(call.callControlId, {
        text: queue.holdMessage,
        voice: "female",
        language: "en-US",
        clientState,
      });
      return;
    }
    await enqueueCaller(services, call, queue)();
  };
}

export function enqueueCaller(
  services: FlowServices,
  call: RoutedCall,
  queue: { queueId: string; maxWaitSecs: number },
): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    try {
      await gateway.enqueue(call.callControlId, {
        queueName: queue.queueId,
        maxWaitTimeSecs: queue.maxWaitSecs,
        clientState: stateOf(call, "hold"),
      });
    } catch (error) {
      // Not held: the caller must not stay on a silent line — voicemail instead, and nobody rings for it.
      await services.db.prisma.queueEntry.updateMany({
        where: { callId: call.id, status: "WAITING" },
        data: { status: "VOICEMAIL", ringDueAt: null, endedAt: new Date() },
      });
      await speakGreeting(services, gateway, call);
      throw error;
    }
  };
}

/** The caller hears their place in the queue (the queue's "announce position"). */
export function announcePosition(services: ApplyServices, call: RoutedCall, position: number): Task {
  return async () => {
    const gateway = await services.gatewayFor(call.organizationId);
    await gateway.speak(call.callControlId, {
      text: position <= 1 ? "You are next in line." : `You are number ${position} in line.`,
      voice: "female",
      language: "en-US",
      clientState: stateOf(call, "hold"),
    });
  };
}

export function hangupCustomer(services: ApplyServices, call: RoutedCall): Task {
  return async () => (await services.gatewayFor(call.organizationId)).hangup(call.callControlId);
}
