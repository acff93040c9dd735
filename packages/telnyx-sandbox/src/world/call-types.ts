import type { VirtualClock } from "../util/clock.js";
import type { WebhookTarget } from "../webhooks/dispatcher.js";
import type { FarEnd } from "./magic.js";

export interface ActiveRecording {
  id: string;
  channels: "single" | "dual";
  format: "wav" | "mp3";
  startedAt: number;
  pausedAt: number | null;
  pausedMs: number;
  /** For a browser leg: the sandbox peer's received-packet count when recording started. */
  heardFromPacket: number | null;
}

export interface ActiveGather {
  digits: string;
  maxDigits: number;
  terminatingDigit: string;
  /** gather's valid_digits: another key ends the gather with status "invalid"; null = any key. */
  validDigits: string | null;
  cancelTimeout: () => void;
}

export interface Leg {
  ccid: string;
  legId: string;
  sessionId: string;
  connectionId: string;
  from: string;
  to: string;
  direction: "incoming" | "outgoing";
  state: "ringing" | "parked" | "answered" | "ended";
  clientState: string | null;
  target: WebhookTarget;
  clock: VirtualClock;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  farEnd: FarEnd;
  timers: Array<() => void>;
  bridgedWith: string | null;
  conferenceId: string | null;
  recording: ActiveRecording | null;
  recordedMs: number;
  recordOnAnswer: { channels: "single" | "dual"; format: "wav" | "mp3" } | null;
  amd: string | null;
  timeoutSecs: number;
  timeLimitSecs: number;
  linkTo: string | null;
  bridgeOnAnswer: boolean;
  gather: ActiveGather | null;
  playbackActive: boolean;
  commandIds: Set<string>;
  hangup: { cause: string; source: string; sip: string } | null;
}

export function basePayload(leg: Leg): Record<string, unknown> {
  return {
    call_control_id: leg.ccid,
    call_leg_id: leg.legId,
    call_session_id: leg.sessionId,
    client_state: leg.clientState,
    connection_id: leg.connectionId,
    from: leg.from,
    to: leg.to,
  };
}
