/**
 * A timeline entry as a code and its values, for clients to put in their own language (the web has
 * one phrase per code in English and French); `summarizeSignal` stays the English line of the REST API.
 * Agent commands and a few webhooks are stored as notes with an English text: their code comes from
 * the event type, their values from the fixed phrases written by this module's commands.
 */
import { z } from "zod";
import type { CallLeg, CallSignal } from "./call-signal";

export const ZCallTimelineDetailSchema = z.object({
  code: z.string(),
  leg: z.enum(["customer", "agent", "other"]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type TCallTimelineDetail = z.infer<typeof ZCallTimelineDetailSchema>;

type Params = TCallTimelineDetail["params"];

/** Agent and supervisor commands (eventType `command.<action>`) → code. */
const COMMAND_CODES: Record<string, string> = {
  hangup: "agentHungUp",
  mute: "agentMuted",
  unmute: "agentUnmuted",
  hold: "customerOnHold",
  unhold: "customerOffHold",
  start_recording: "recordingStarted",
  stop_recording: "recordingStopped",
  answer: "agentAnswered",
  decline: "agentDeclined",
  transfer: "transferring",
  consult: "consulting",
  consult_return: "consultReturned",
  consult_ended: "consultEnded",
  supervise: "supervisorJoined",
  stop_supervising: "supervisorLeft",
};

/** The value after "prefix" in a note written by this module ("Key pressed: 5" → "5"). */
function textAfter(text: string, prefix: string): string {
  return text.startsWith(prefix) ? text.slice(prefix.length).trim() : text;
}

function describeNote(eventType: string, text: string): { code: string; params: Params } {
  const command = /^command\.(.+)$/.exec(eventType)?.[1];
  if (command !== undefined) {
    const code = COMMAND_CODES[command];
    if (!code) return { code: "note", params: { text } };
    if (command === "transfer") return { code, params: { name: textAfter(text, "Transferring to") } };
    if (command === "consult") return { code, params: { name: textAfter(text, "Consulting") } };
    if (command === "supervise")
      return {
        code: text.includes("switched to") ? "supervisorSwitched" : code,
        params: { role: text.split(" ").at(-1) ?? "" },
      };
    return { code, params: {} };
  }
  switch (eventType) {
    case "call.machine.detection.ended":
      return { code: "machineDetection", params: { result: textAfter(text, "Answering machine detection:") } };
    case "call.dtmf.received":
      return { code: "keyPressed", params: { digit: textAfter(text, "Key pressed:") } };
    case "call.gather.ended": {
      const digits = textAfter(text, "Digits gathered:");
      return digits === "none"
        ? { code: "noDigitsGathered", params: {} }
        : { code: "digitsGathered", params: { digits } };
    }
    default:
      return text === eventType ? { code: "event", params: { type: eventType } } : { code: "note", params: { text } };
  }
}

function describeBody(signal: CallSignal): { code: string; params: Params } {
  switch (signal.type) {
    case "initiated":
      return { code: signal.direction === "incoming" ? "incoming" : "dialing", params: {} };
    case "answered":
      return { code: "answered", params: {} };
    case "bridged":
      return { code: "bridged", params: {} };
    case "joined":
      return { code: "joined", params: {} };
    case "left":
      return { code: "left", params: {} };
    case "conference":
      return { code: signal.ended ? "conferenceEnded" : "conferenceCreated", params: {} };
    case "hangup":
      return {
        code: signal.sipCause ? "hungUpSip" : "hungUp",
        params: { cause: signal.cause, source: signal.source, ...(signal.sipCause ? { sip: signal.sipCause } : {}) },
      };
    case "cost":
      return {
        code: "cost",
        params: { cost: signal.totalCost, currency: signal.currency, billedSecs: signal.billedSecs },
      };
    case "recording":
      return signal.durationMs === null
        ? { code: "recordingSaved", params: {} }
        : { code: "recordingSavedFor", params: { durationSecs: Math.round(signal.durationMs / 1000) } };
    case "transferred":
      return { code: "transferred", params: { to: signal.to } };
    case "enqueued":
      return { code: "queued", params: {} };
    case "dequeued":
      return { code: "leftQueue", params: { reason: signal.reason } };
    case "note":
      if (signal.eventType === "call.gather.ended" && signal.routing === "ivr") {
        // The caller's answer to an IVR menu: the key that chose where they go.
        const digit = textAfter(signal.text, "Digits gathered:");
        return digit === "none" ? { code: "ivrNoKey", params: {} } : { code: "ivrKeyPressed", params: { digit } };
      }
      return describeNote(signal.eventType, signal.text);
  }
}

export function describeSignal(signal: CallSignal): TCallTimelineDetail {
  const leg: CallLeg = signal.leg;
  return { ...describeBody(signal), leg };
}
