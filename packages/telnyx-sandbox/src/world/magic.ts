/**
 * "Magic numbers": the destination's last digits decide what the simulated far end does (see README.md).
 */
export type FarEnd =
  | { kind: "answer"; ringMs: number; talkMs: number | null; machine: boolean }
  | { kind: "hangup"; ringMs: number; cause: string; sip: string; source: "callee" | "unknown" }
  | { kind: "no_answer" };

export type MessageOutcome =
  | { kind: "delivered"; finalizeMs: number }
  | { kind: "delivery_failed"; code: string; title: string; detail: string }
  | { kind: "sending_failed"; code: string; title: string; detail: string };

const DEFAULT_RING_MS = 2000;

export function isAgentDevice(to: string): boolean {
  return to.startsWith("sip:") || /^\+1555000\d{4}$/.test(to);
}

export function farEndFor(to: string, ringJitterMs: number): FarEnd {
  if (isAgentDevice(to)) return { kind: "answer", ringMs: 500, talkMs: null, machine: false };
  const suffix = to.slice(-4);
  const ringMs = DEFAULT_RING_MS + ringJitterMs;
  switch (suffix) {
    case "0486":
      return { kind: "hangup", ringMs: 1000, cause: "user_busy", sip: "486", source: "callee" };
    case "0408":
      return { kind: "no_answer" };
    case "0603":
      return { kind: "hangup", ringMs, cause: "call_rejected", sip: "603", source: "callee" };
    case "0503":
      return { kind: "hangup", ringMs: 500, cause: "unspecified", sip: "503", source: "unknown" };
    case "0404":
      return { kind: "hangup", ringMs: 300, cause: "not_found", sip: "404", source: "unknown" };
    case "0480":
      return { kind: "hangup", ringMs: 1500, cause: "no_answer", sip: "480", source: "callee" };
    case "0666":
      return { kind: "answer", ringMs, talkMs: 20_000, machine: true };
    case "0000":
      return { kind: "answer", ringMs: 1000, talkMs: null, machine: false };
  }
  if (suffix.startsWith("00"))
    return { kind: "answer", ringMs: 1000, talkMs: Number(suffix.slice(2)) * 1000, machine: false };
  return { kind: "answer", ringMs, talkMs: null, machine: false };
}

/**
 * What a simulated inbound caller (POST /sandbox/inbound-call) does, by the caller's last four digits: `…0770`
 * leaves a voicemail (talks 4 s once a recording starts on the call, then hangs up); `…077N` (N = 1–9) presses
 * N one second after a gather starts. Anyone else waits silently until hung up (or hangs up via the control route).
 */
export interface CallerBehaviour {
  messageMs: number | null;
  digit: string | null;
}

export function callerBehaviourFor(from: string): CallerBehaviour {
  const suffix = from.slice(-4);
  if (suffix === "0770") return { messageMs: 4000, digit: null };
  if (/^077[1-9]$/.test(suffix)) return { messageMs: null, digit: suffix.slice(-1) };
  return { messageMs: null, digit: null };
}

export function messageOutcomeFor(to: string): MessageOutcome {
  switch (to.slice(-4)) {
    case "4008":
      return {
        kind: "delivery_failed",
        code: "40008",
        title: "Undeliverable",
        detail: "The message could not be delivered to the handset by the carrier.",
      };
    case "4300":
      return {
        kind: "delivery_failed",
        code: "40300",
        title: "Blocked due to STOP message",
        detail: "The recipient has opted out of messages from this number (STOP).",
      };
    case "4001":
      return {
        kind: "sending_failed",
        code: "40001",
        title: "Not routable",
        detail: "The destination number is not routable for messaging.",
      };
    case "4090":
      return { kind: "delivered", finalizeMs: 30_000 };
  }
  return { kind: "delivered", finalizeMs: 1000 };
}
